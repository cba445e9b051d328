/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.bench.connect.memory;

import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.connector.Task;
import org.apache.kafka.connect.source.SourceConnector;

/**
 * The Connect framework's own floor, for the connector benchmark: one task that hands the worker as many records as
 * a file has lines, with values from lines it read into memory before its first poll, as records of the same shape
 * as {@code FileStreamSourceConnector}'s (a string value, a one-entry source partition and offset), doing nothing
 * else per record. A file source does all of this and reads the file too, so this rate is about the most a connector
 * can reach on the same worker; it is not a product.
 *
 * <p>Configuration: {@code file} (the lines), {@code topic}, {@code batch.size} (records per poll, default 5000).
 */
public final class MemorySourceConnector extends SourceConnector {
  static final String FILE = "file";
  static final String TOPIC = "topic";
  static final String BATCH_SIZE = "batch.size";

  private static final ConfigDef CONFIG = new ConfigDef()
      .define(FILE, ConfigDef.Type.STRING, ConfigDef.Importance.HIGH, "The file whose lines are sent.")
      .define(TOPIC, ConfigDef.Type.STRING, ConfigDef.Importance.HIGH, "The topic.")
      .define(BATCH_SIZE, ConfigDef.Type.INT, 5000, ConfigDef.Range.atLeast(1), ConfigDef.Importance.LOW,
          "Records per poll.");

  private Map<String, String> config;

  /** Creates the connector; Connect calls this. */
  public MemorySourceConnector() {
  }

  @Override
  public void start(Map<String, String> props) {
    CONFIG.parse(props);
    config = Map.copyOf(props);
  }

  @Override
  public Class<? extends Task> taskClass() {
    return MemorySourceTask.class;
  }

  @Override
  public List<Map<String, String>> taskConfigs(int maxTasks) {
    return List.of(config);
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
    return "benchmark";
  }
}
