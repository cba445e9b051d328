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
import java.util.stream.Stream;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.source.SourceTask;

/**
 * The task of {@link MemorySourceConnector}: as many records as the file has lines, their values taken in turn from
 * its first {@value #POOL} lines, read before the first poll (a million lines kept in memory would cost the worker
 * garbage-collection work that no file source has); then nothing.
 */
public final class MemorySourceTask extends SourceTask {
  static final int POOL = 10_000;

  private final List<String> lines = new ArrayList<>();
  private long records;
  private Map<String, String> partition;
  private String topic;
  private int batchSize;
  private long next;

  /** Creates the task; Connect calls this. */
  public MemorySourceTask() {
  }

  @Override
  public void start(Map<String, String> props) {
    Path file = Path.of(props.get(MemorySourceConnector.FILE));
    topic = props.get(MemorySourceConnector.TOPIC);
    batchSize = Integer.parseInt(props.getOrDefault(MemorySourceConnector.BATCH_SIZE, "5000"));
    partition = Map.of("filename", file.toString());
    try (Stream<String> all = Files.lines(file, StandardCharsets.UTF_8)) {
      all.forEach(line -> {
        if (lines.size() < POOL) {
          lines.add(line);
        }
        records++;
      });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public List<SourceRecord> poll() throws InterruptedException {
    if (next >= records) {
      Thread.sleep(100);
      return null;
    }
    long end = Math.min(records, next + batchSize);
    List<SourceRecord> batch = new ArrayList<>((int) (end - next));
    for (long i = next; i < end; i++) {
      batch.add(new SourceRecord(partition, Map.of("position", i), topic, null, null, null, Schema.STRING_SCHEMA,
          lines.get((int) (i % lines.size()))));
    }
    next = end;
    return batch;
  }

  @Override
  public void stop() {
  }

  @Override
  public String version() {
    return "benchmark";
  }
}
