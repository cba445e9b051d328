/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.connect;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The version of Courier's connectors, read from a resource the build fills in. It never comes from Kafka's own
 * internals (such as {@code AppInfoParser}), which move between Kafka releases and would tie the plugin to one worker
 * version.
 */
public final class CourierConnectorVersion {

  private static final String RESOURCE = "courier-connector.properties";
  private static final String VERSION = read();

  private CourierConnectorVersion() {}

  /**
   * The version of this plugin, for example {@code 0.1.0}.
   *
   * @return the version
   */
  public static String get() {
    return VERSION;
  }

  private static String read() {
    try (InputStream in = CourierConnectorVersion.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("Missing resource dev/courier/connect/" + RESOURCE + " in the plugin jar");
      }
      Properties properties = new Properties();
      properties.load(in);
      String version = properties.getProperty("version", "").trim();
      if (version.isEmpty() || version.startsWith("${")) {
        throw new IllegalStateException("The resource dev/courier/connect/" + RESOURCE + " has no version");
      }
      return version;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
