/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.examples.demo;

import dev.courier.examples.orders.OrderPlaced;
import dev.courier.examples.orders.OrderPlacedProducer;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * What the demo prints about a run once it has run: step 3 (a table of some records read back from both paths, then
 * one {@code [ok]}/{@code [FAILED]} line per check of {@link DemoResult}, with any duplicate or unexpected record),
 * the closing summary (record counts, times, records/s, {@code Result: PASSED} or {@code FAILED}) and where the
 * generated code of the example types is. It decides nothing: the checks are {@link DemoResult}'s, the accounting is
 * {@link DeliveryLedger}'s; it also holds the small formats ({@link #seconds}, {@link #perSecond}) every step prints
 * with.
 */
final class DemoReport {
  private final DemoOptions options;
  private final PrintStream out;

  /**
   * Creates a report.
   *
   * @param options the sizes the checks expect
   * @param out where it prints
   */
  DemoReport(DemoOptions options, PrintStream out) {
    this.options = options;
    this.out = out;
  }

  /**
   * Step 3: the records read back, two keys per send mode from both paths, and the checks.
   *
   * @param run the run, after it read everything back
   */
  void readBack(DemoRun run) {
    DemoResult result = run.result(List.of(), null);
    out.printf("3. Topic %s read back (read_committed) with OrderPlacedDeserializer: %d records%n",
        OrderPlacedProducer.TOPIC, run.reads.size());
    out.printf("   %-15s %-8s %9s %6s   %s%n", "source", "key", "partition", "offset", "order");
    int per = options.perSendMode();
    List<Integer> shown = new ArrayList<>();
    for (int mode = 0; mode < 3; mode++) {
      for (int i = mode * per; i < Math.min(mode * per + 2, (mode + 1) * per); i++) {
        shown.add(i);
      }
    }
    for (int i : shown) {
      String key = run.orders.get(i).orderId();
      run.reads.stream().filter(r -> key.equals(r.key))
          .sorted(Comparator.comparing((ReadBack r) -> !r.source.equals(DemoRun.CONNECTOR_SOURCE)))
          .forEach(r -> out.printf("   %-15s %-8s %9d %6d   %s%n", r.source, r.key, r.partition, r.offset,
              r.order == null ? "unreadable: " + r.error : orderLine(r.order)));
    }
    out.printf("   ... %d more records%n", run.reads.size() - shown.size() * 2L);
    out.println();
    check(result.keysOnBothPaths() == 3L * per, String.format("%d keys were sent by both paths (expected %d)",
        result.keysOnBothPaths(), 3 * per));
    check(result.samePartition() == result.keysOnBothPaths(), String.format(
        "same partition from both paths: %d of %d keys", result.samePartition(), result.keysOnBothPaths()));
    check(result.sameValueBytes() == result.keysOnBothPaths(), String.format(
        "byte-identical values from both paths: %d of %d keys", result.sameValueBytes(), result.keysOnBothPaths()));
    check(result.sameTimestampAndHeaders() == result.keysOnBothPaths(), String.format(
        "same timestamp (placedAt) and trace-id header: %d of %d keys", result.sameTimestampAndHeaders(),
        result.keysOnBothPaths()));
    long fromProducers = result.producerRecords().values().stream().mapToLong(Long::longValue).sum();
    check(result.exactlyOnce(options), String.format(
        "exactly once: %d records from the connector (expected %d), %d from the producers (expected %d), "
            + "%d duplicates, %d unexpected", result.connectorRecords(), options.records(), fromProducers, 3 * per,
        result.duplicates().size(), result.unexpected().size()));
    for (String record : result.duplicates()) {
      out.println("       duplicate: " + record);
    }
    for (String record : result.unexpected()) {
      out.println("       unexpected: " + record);
    }
    check(result.unreadable().isEmpty(), "records the generated deserializer could not read: "
        + (result.unreadable().isEmpty() ? "none" : result.unreadable()));
  }

  /**
   * The closing summary: records and times of the whole demo and of each path, the result, and where the generated
   * code is.
   *
   * @param run the run
   * @param result its result, with the thread check
   * @param started {@link System#nanoTime()} when the demo started
   */
  void summary(DemoRun run, DemoResult result, long started) {
    out.println();
    long total = System.nanoTime() - started;
    long fromProducers = result.producerRecords().values().stream().mapToLong(Long::longValue).sum();
    long producerNanos = run.sendNanos.values().stream().mapToLong(Long::longValue).sum();
    out.printf("Summary: %d records in %s in all (broker and worker start and stop included)%n", run.reads.size(),
        seconds(total));
    out.printf("  connector            %5d records in %s, %s%n", run.connectorReads, seconds(run.streamNanos),
        perSecond(run.connectorReads, run.streamNanos));
    out.printf("  generated producers  %5d records in %s, %s (SYNC waits for each acknowledgement)%n",
        fromProducers, seconds(producerNanos), perSecond(fromProducers, producerNanos));
    out.println(result.passed(options) ? "Result: PASSED" : "Result: FAILED (see the checks above)");
    out.println();
    if (result.generatedSources() != null) {
      out.println("The code Courier generated for the example types is in");
      out.println("  " + result.generatedSources());
      out.println("  e.g. dev/courier/examples/orders/OrderPlacedProducer.java, OrderPlacedSerializer.java,");
      out.println("  OrderPlacedDeserializer.java and OrderPlacedDescriptor.java (which the connector reads);");
      out.println("  docs/generated-producer.md walks through OrderPlacedProducer part by part.");
    }
  }

  /**
   * Prints one check's line.
   *
   * @param ok whether it passed
   * @param what what was checked, and what was found
   */
  void check(boolean ok, String what) {
    out.printf("   [%s] %s%n", ok ? "ok" : "FAILED", what);
  }

  private static String orderLine(OrderPlaced order) {
    return String.format("%s, %d line(s), %d.%02d %s", order.customerId(), order.lines().size(),
        order.totalCents() / 100, order.totalCents() % 100, order.currency());
  }

  /** Where the generated sources of the example types are: next to target/classes, as Maven's compiler puts them. */
  static String generatedSources() {
    String configured = System.getProperty("courier.generated.dir");
    Path dir = null;
    if (configured != null) {
      dir = Path.of(configured);
    } else {
      try {
        Path classes = Path.of(Demo.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        if (Files.isDirectory(classes)) {
          dir = classes.resolveSibling("generated-sources").resolve("annotations");
        }
      } catch (URISyntaxException | RuntimeException e) {
        return null;
      }
    }
    return dir != null && Files.isDirectory(dir) ? dir.toAbsolutePath().normalize().toString() : null;
  }

  /** A duration as the demo prints it, e.g. {@code 6.1 s}. */
  static String seconds(long nanos) {
    return String.format("%.1f s", nanos / 1e9);
  }

  /** A rate as the demo prints it, e.g. {@code 326 records/s}; {@code -} for no time. */
  static String perSecond(long count, long nanos) {
    return nanos <= 0 ? "-" : String.format("%,.0f records/s", count / (nanos / 1e9));
  }
}
