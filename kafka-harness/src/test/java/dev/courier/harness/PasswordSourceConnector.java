/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.harness;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.types.Password;
import org.apache.kafka.connect.connector.Task;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.source.SourceConnector;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.source.SourceTask;

/**
 * A test-only source connector with a {@code PASSWORD} key, {@code api.password}: its task checks the value it got
 * against {@code api.password.sha256} (so a test can prove a config provider resolved it without showing it), then
 * writes {@code count} records {@code checked-0 ...}. It never logs or throws the password.
 */
public final class PasswordSourceConnector extends SourceConnector {
  static final ConfigDef CONFIG = new ConfigDef()
      .define("topic", ConfigDef.Type.STRING, ConfigDef.NO_DEFAULT_VALUE, new ConfigDef.NonEmptyString(),
          ConfigDef.Importance.HIGH, "Topic to write to.")
      .define("api.password", ConfigDef.Type.PASSWORD, ConfigDef.NO_DEFAULT_VALUE,
          (name, value) -> {
            if (value != null && ((Password) value).value().length() < 8) {
              throw new org.apache.kafka.common.config.ConfigException(name, value, "must have at least 8 characters");
            }
          }, ConfigDef.Importance.HIGH, "A secret.")
      .define("api.password.sha256", ConfigDef.Type.STRING, "", ConfigDef.Importance.LOW,
          "The hex SHA-256 the secret must have.")
      .define("count", ConfigDef.Type.INT, 3, ConfigDef.Importance.LOW, "Records to write.");

  private Map<String, String> props;

  @Override
  public void start(Map<String, String> props) {
    new AbstractConfig(CONFIG, props);
    this.props = props;
  }

  @Override
  public Class<? extends Task> taskClass() {
    return PasswordTask.class;
  }

  @Override
  public List<Map<String, String>> taskConfigs(int maxTasks) {
    return List.of(props);
  }

  @Override
  public void stop() {
  }

  @Override
  public ConfigDef config() {
    return CONFIG;
  }

  @Override
  public String version() {
    return "test";
  }

  static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Checks the secret, then writes the records once. */
  public static final class PasswordTask extends SourceTask {
    private String topic;
    private int remaining;

    @Override
    public void start(Map<String, String> props) {
      AbstractConfig config = new AbstractConfig(CONFIG, props);
      String expected = config.getString("api.password.sha256");
      if (!expected.isEmpty() && !expected.equals(sha256(config.getPassword("api.password").value()))) {
        throw new ConnectException("api.password does not have the expected SHA-256");
      }
      topic = config.getString("topic");
      remaining = config.getInt("count");
    }

    @Override
    public List<SourceRecord> poll() throws InterruptedException {
      if (remaining == 0) {
        Thread.sleep(100);
        return null;
      }
      int n = remaining--;
      return List.of(new SourceRecord(Map.of("source", "password"), Map.of("left", remaining), topic, null,
          Schema.STRING_SCHEMA, "checked-" + n));
    }

    @Override
    public void stop() {
    }

    @Override
    public String version() {
      return "test";
    }
  }
}
