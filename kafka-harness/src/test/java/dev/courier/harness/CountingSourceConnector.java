/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.harness;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.connector.Task;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.source.ExactlyOnceSupport;
import org.apache.kafka.connect.source.SourceConnector;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.source.SourceTask;

/**
 * A test-only source connector: writes {@code count} string records {@code record-0 ...} to {@code topic} and then
 * idles, or fails at record {@code fail.at} (while the file {@code fail.while.file} exists, when set). Registered in {@code META-INF/services} of the test classpath only, so the worker's
 * {@code plugin.discovery=service_load} finds it.
 */
public final class CountingSourceConnector extends SourceConnector {
  static final String TOPIC_CONFIG = "topic";
  static final String COUNT_CONFIG = "count";
  static final String FAIL_AT_CONFIG = "fail.at";
  static final String FAIL_WHILE_FILE_CONFIG = "fail.while.file";
  static final String BATCH_CONFIG = "batch";
  static final ConfigDef CONFIG = new ConfigDef()
      .define(TOPIC_CONFIG, ConfigDef.Type.STRING, ConfigDef.NO_DEFAULT_VALUE, new ConfigDef.NonEmptyString(),
          ConfigDef.Importance.HIGH, "Topic to write to.")
      .define(COUNT_CONFIG, ConfigDef.Type.INT, 10, ConfigDef.Range.atLeast(1), ConfigDef.Importance.HIGH,
          "Number of records to write.")
      .define(FAIL_AT_CONFIG, ConfigDef.Type.INT, -1, ConfigDef.Importance.LOW,
          "The task fails instead of writing the record with this number; -1: never.")
      .define(FAIL_WHILE_FILE_CONFIG, ConfigDef.Type.STRING, "", ConfigDef.Importance.LOW,
          "When set, the task fails at fail.at only while this file exists (a transient failure).")
      .define(BATCH_CONFIG, ConfigDef.Type.INT, 5, ConfigDef.Range.atLeast(1), ConfigDef.Importance.LOW,
          "The most records one poll returns (one transaction per poll under exactly-once support).");

  private Map<String, String> props;

  @Override
  public void start(Map<String, String> props) {
    new AbstractConfig(CONFIG, props);
    this.props = props;
  }

  @Override
  public Class<? extends Task> taskClass() {
    return CountingSourceTask.class;
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
  public ExactlyOnceSupport exactlyOnceSupport(Map<String, String> connectorConfig) {
    return ExactlyOnceSupport.SUPPORTED;
  }

  @Override
  public String version() {
    return "test";
  }

  /** Writes the records in batches of at most {@code batch} (5), resuming after the last committed offset. */
  public static final class CountingSourceTask extends SourceTask {
    private static final Map<String, String> PARTITION = Map.of("source", "counter");
    private String topic;
    private int count;
    private int failAt;
    private String failWhileFile;
    private int batchSize;
    private long next;

    @Override
    public void start(Map<String, String> props) {
      AbstractConfig config = new AbstractConfig(CONFIG, props);
      topic = config.getString(TOPIC_CONFIG);
      count = config.getInt(COUNT_CONFIG);
      failAt = config.getInt(FAIL_AT_CONFIG);
      failWhileFile = config.getString(FAIL_WHILE_FILE_CONFIG);
      batchSize = config.getInt(BATCH_CONFIG);
      Map<String, Object> offset = context.offsetStorageReader().offset(PARTITION);
      next = offset == null ? 0 : ((Number) offset.get("next")).longValue();
    }

    @Override
    public List<SourceRecord> poll() throws InterruptedException {
      if (next >= count) {
        Thread.sleep(100);
        return null;
      }
      List<SourceRecord> batch = new ArrayList<>();
      while (next < count && batch.size() < batchSize) {
        if (next == failAt && (failWhileFile.isEmpty() || Files.exists(Path.of(failWhileFile)))) {
          throw new ConnectException("failing on purpose at record " + failAt);
        }
        long n = next++;
        batch.add(new SourceRecord(PARTITION, Map.of("next", next), topic, null, Schema.STRING_SCHEMA, "key-" + n,
            Schema.STRING_SCHEMA, "record-" + n));
      }
      return batch;
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
