/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.harness;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Properties;

/** The files {@link WorkerProcess} writes for a worker: its properties, readable by the owner only, and its logging. */
final class WorkerFiles {
  private WorkerFiles() {}

  /** A log4j 2 configuration: console output, the root level, and a level per logger. */
  static String log4j2(String rootLogLevel, Map<String, String> logLevels) {
    StringBuilder config = new StringBuilder()
        .append("status = warn\n")
        .append("appender.out.type = Console\n")
        .append("appender.out.name = out\n")
        .append("appender.out.target = SYSTEM_OUT\n")
        .append("appender.out.layout.type = PatternLayout\n")
        .append("appender.out.layout.pattern = %d{HH:mm:ss.SSS} %-5level [%t] %c{1} - %msg%n\n")
        .append("rootLogger.level = ").append(rootLogLevel).append('\n')
        .append("rootLogger.appenderRef.out.ref = out\n");
    int i = 0;
    for (Map.Entry<String, String> level : logLevels.entrySet()) {
      config.append("logger.l").append(i).append(".name = ").append(level.getKey()).append('\n');
      config.append("logger.l").append(i).append(".level = ").append(level.getValue()).append('\n');
      i++;
    }
    return config.toString();
  }

  /** The same levels and layout for log4j 1 (reload4j), the backend of Kafka 3.x workers. */
  static String log4j1(String rootLogLevel, Map<String, String> logLevels) {
    StringBuilder config = new StringBuilder()
        .append("log4j.rootLogger = ").append(rootLogLevel).append(", out\n")
        .append("log4j.appender.out = org.apache.log4j.ConsoleAppender\n")
        .append("log4j.appender.out.layout = org.apache.log4j.PatternLayout\n")
        .append("log4j.appender.out.layout.ConversionPattern = %d{HH:mm:ss.SSS} %-5p [%t] %c{1} - %m%n\n");
    logLevels.forEach((logger, level) -> config.append("log4j.logger.").append(logger).append(" = ")
        .append(level).append('\n'));
    return config.toString();
  }

  /** The properties may hold secrets (SASL, TLS store passwords): readable by the owner only. */
  static void writePrivate(Path file, Map<String, String> props) throws IOException {
    Files.deleteIfExists(file);
    try {
      Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    } catch (UnsupportedOperationException e) {
      Files.createFile(file);
    }
    Properties properties = new Properties();
    properties.putAll(props);
    // Connect loads the file as ISO-8859-1; store(OutputStream) escapes everything else.
    try (OutputStream out = Files.newOutputStream(file)) {
      properties.store(out, "Connect worker written by Courier's WorkerProcess");
    }
  }
}
