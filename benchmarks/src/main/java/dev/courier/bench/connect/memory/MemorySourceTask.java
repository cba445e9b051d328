/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.bench.connect.memory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.source.SourceTask;

/** The task of {@link MemorySourceConnector}: the file's lines, read before the first poll, then nothing. */
public final class MemorySourceTask extends SourceTask {
  private List<String> lines;
  private Map<String, String> partition;
  private String topic;
  private int batchSize;
  private int next;

  /** Creates the task; Connect calls this. */
  public MemorySourceTask() {
  }

  @Override
  public void start(Map<String, String> props) {
    Path file = Path.of(props.get(MemorySourceConnector.FILE));
    topic = props.get(MemorySourceConnector.TOPIC);
    batchSize = Integer.parseInt(props.getOrDefault(MemorySourceConnector.BATCH_SIZE, "5000"));
    partition = Map.of("filename", file.toString());
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public List<SourceRecord> poll() throws InterruptedException {
    if (next >= lines.size()) {
      Thread.sleep(100);
      return null;
    }
    int end = Math.min(lines.size(), next + batchSize);
    List<SourceRecord> records = new ArrayList<>(end - next);
    for (int i = next; i < end; i++) {
      records.add(new SourceRecord(partition, Map.of("position", (long) i), topic, null, null, null,
          Schema.STRING_SCHEMA, lines.get(i)));
    }
    next = end;
    return records;
  }

  @Override
  public void stop() {
  }

  @Override
  public String version() {
    return "benchmark";
  }
}
