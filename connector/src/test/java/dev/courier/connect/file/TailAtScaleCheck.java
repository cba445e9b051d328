/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.connect.file;

import dev.courier.connect.FakeTaskContext;
import dev.courier.connect.FakeTaskContext.FakeClock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.source.SourceRecord;

/**
 * Run by {@link TailAtScaleTest} in a child JVM with a small heap and a low open-file limit: tails many files with
 * a real {@link FileSourceTask} (on a fake context and clock), appending to every file in rounds, and checks that
 * every line of every file is delivered exactly once while the task stays within {@code tail.max.open.files}.
 * Prints {@code OK ...} and exits 0, or prints the problem and exits 1.
 *
 * <p>Arguments: directory, number of files, {@code tail.max.open.files}.
 */
public final class TailAtScaleCheck {

  /** Lines per file: two written before the task starts, a partial third, then completed and two more. */
  static final int LINES = 5;

  private TailAtScaleCheck() {}

  /**
   * Runs the check.
   *
   * @param args directory, number of files, tail.max.open.files
   * @throws Exception when the check cannot run
   */
  public static void main(String[] args) throws Exception {
    Path in = Files.createDirectories(Paths.get(args[0]).resolve("in"));
    int files = Integer.parseInt(args[1]);
    String maxOpen = args[2];
    long bytes = 0;
    for (int f = 0; f < files; f++) {
      bytes += append(in, f, line(f, 1) + line(f, 2) + "f" + f + " l3 part");
    }
    Runtime runtime = Runtime.getRuntime();
    System.gc();
    long heapBefore = runtime.totalMemory() - runtime.freeMemory();

    Map<String, String> config = new HashMap<>();
    config.put("name", "scale");
    config.put("input.paths", in.toString());
    config.put("input.file.pattern", ".*\\.log");
    config.put("format", "text");
    config.put("topic", "lines");
    config.put("mode", "tail");
    config.put("tail.max.open.files", maxOpen);
    config.put("tail.max.tracked.files", Integer.toString(files));
    config.put("scan.interval.ms", "10");
    config.put("poll.interval.ms", "1");
    config.put("poll.max.records", "5000");
    FakeClock time = new FakeClock(1_800_000_000_000L);
    FakeTaskContext context = new FakeTaskContext(config, false);
    FileSourceTask task = new FileSourceTask(time);
    task.initialize(context);
    task.start(config);
    byte[] seen = new byte[files * LINES];
    long[] delivered = new long[1];
    long[] maxOpenSeen = new long[1];
    long perTrackedFile = 0;
    try {
      String problem = pollUntil(task, context, time, seen, delivered, maxOpenSeen, files * 2L);
      System.gc();
      perTrackedFile = (runtime.totalMemory() - runtime.freeMemory() - heapBefore) / files;
      for (int round = 0; problem == null && round < 2; round++) {
        for (int f = 0; f < files; f++) {
          bytes += append(in, f, round == 0 ? "\n" + line(f, 4) : line(f, 5));
        }
        time.advance(10);
        problem = pollUntil(task, context, time, seen, delivered, maxOpenSeen, files * (round == 0 ? 4L : 5L));
      }
      if (problem == null && context.metric("bytes-read-total") != bytes) {
        problem = "bytes-read-total is " + context.metric("bytes-read-total") + ", the files hold " + bytes;
      }
      if (problem != null) {
        System.out.println("FAILED: " + problem);
        System.exit(1);
      }
      System.out.println("OK files=" + files + " records=" + delivered[0] + " max-files-open=" + maxOpenSeen[0]
          + " files-tracked=" + context.metric("files-tracked") + " heap-per-tracked-file=" + perTrackedFile);
    } finally {
      task.stop();
    }
  }

  private static String line(int file, int line) {
    return "f" + file + " l" + line + "\n";
  }

  private static long append(Path in, int file, String text) throws java.io.IOException {
    byte[] data = text.getBytes(StandardCharsets.UTF_8);
    Files.write(in.resolve("f" + file + ".log"), data, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    return data.length;
  }

  /** Polls until {@code expected} records in all were delivered; returns the first problem seen, or null. */
  private static String pollUntil(FileSourceTask task, FakeTaskContext context, FakeClock time, byte[] seen,
      long[] delivered, long[] maxOpenSeen, long expected) throws InterruptedException {
    for (int polls = 0; polls < 10_000 && delivered[0] < expected; polls++) {
      List<SourceRecord> batch = task.poll();
      maxOpenSeen[0] = Math.max(maxOpenSeen[0], context.metric("files-open"));
      time.advance(10);
      if (batch == null) {
        continue;
      }
      for (SourceRecord record : batch) {
        String value = (String) record.value();
        // "f<file> l<line>", the third line "f<file> l3 part" once completed.
        int space = value.indexOf(' ');
        int file = Integer.parseInt(value.substring(1, space));
        int line = value.charAt(space + 2) - '0';
        if (line == 3 && !value.endsWith(" part")) {
          return "line 3 of file " + file + " is '" + value + "'";
        }
        if (seen[file * LINES + line - 1]++ != 0) {
          return "line " + line + " of file " + file + " was delivered twice";
        }
        delivered[0]++;
        task.commitRecord(record, null);
      }
    }
    if (delivered[0] != expected) {
      return "after polling, " + delivered[0] + " records were delivered, expected " + expected;
    }
    return null;
  }
}
