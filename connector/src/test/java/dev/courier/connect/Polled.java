/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.connect;

import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.source.SourceTask;

/**
 * What a number of polls of a source task returned, up to the failure that ended them (as a worker would see it).
 *
 * @param records the records returned, in order
 * @param failure the exception a poll threw, or {@code null}
 */
public record Polled(List<SourceRecord> records, ConnectException failure) {

  /**
   * Polls a task a number of times, or until a poll throws.
   *
   * @param task the started task
   * @param polls how many polls
   * @return the records and the failure
   * @throws InterruptedException when interrupted
   */
  public static Polled poll(SourceTask task, int polls) throws InterruptedException {
    List<SourceRecord> records = new ArrayList<>();
    try {
      for (int i = 0; i < polls; i++) {
        List<SourceRecord> batch = task.poll();
        if (batch != null) {
          records.addAll(batch);
        }
      }
    } catch (ConnectException e) {
      return new Polled(records, e);
    }
    return new Polled(records, null);
  }
}
