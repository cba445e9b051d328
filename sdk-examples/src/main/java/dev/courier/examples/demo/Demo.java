/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.examples.demo;

import dev.courier.examples.app.AppException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Courier's demo, the one command of the README ({@code ./mvnw -B -q -Pdemo}):
 *
 * <ol>
 *   <li>starts an in-process KRaft broker and a Connect worker with exactly-once source support (or, with
 *       {@code --bootstrap-servers}, runs only the worker, against that cluster);</li>
 *   <li>deploys {@code FileSourceConnector} with {@code message.class=dev.courier.examples.orders.OrderPlaced}, which
 *       streams the sample file {@code orders.jsonl} (shipped in this module's resources) into topic
 *       {@code orders}, with a progress line;</li>
 *   <li>sends the first orders of the same file again through the generated producers, one send mode each:
 *       {@code OrderPlacedProducer} ({@code SYNC}), {@code OrderPlacedAsyncProducer} ({@code ASYNC}) and
 *       {@code OrderPlacedFireAndForgetProducer} ({@code FIRE_AND_FORGET});</li>
 *   <li>reads the topic back ({@code read_committed}) with the generated {@code OrderPlacedDeserializer}, prints a
 *       table (source, key, partition, offset) and checks that for every key both paths wrote the same partition,
 *       the same value bytes, the same timestamp and the same {@code trace-id} header; then a summary (records,
 *       time, records/s);</li>
 *   <li>writes orders with {@code OrderPlacedOutbox} in transactions of an in-memory H2 database, one rolled back, and
 *       checks that the JDBC source's {@code mode=outbox} relays each committed one exactly once with its producer's
 *       bytes, and no rolled-back one ({@link OutboxStep});</li>
 *   <li>with {@code --schema-registry}, sends refunds framed for the Schema Registry through the generated producer
 *       and the connector and checks both wrote the same framed bytes with the registered schema id
 *       ({@link RegistryStep});</li>
 *   <li>shuts everything down, checks that no thread it started is left, and prints where the generated code of the
 *       example types is.</li>
 * </ol>
 *
 * <p>Exit status: 0 when every check passed, 1 when a check failed (the output says which), 2 when the demo could
 * not run (for example Kafka unreachable), 78 for a bad option.
 *
 * <p>This class is the demo's outline; each part lives in a class of its own: {@link DemoCluster} starts and stops
 * what the demo runs on, {@link DemoRun} drives both paths and reads the records back, {@link DeliveryLedger} counts
 * each path's keys, {@link DemoResult} holds the checks and {@link DemoReport} prints them.
 */
public final class Demo {
  /** The connector's name. */
  public static final String CONNECTOR = "orders-file-demo";
  /** The sample file, a classpath resource. */
  public static final String SAMPLE = "dev/courier/examples/demo/orders.jsonl";

  private final DemoOptions options;
  private final PrintStream out;
  private final boolean terminal;

  /**
   * Creates a demo run.
   *
   * @param options the options
   * @param out where the demo prints
   */
  public Demo(DemoOptions options, PrintStream out) {
    this.options = options;
    this.out = out;
    this.terminal = out == System.out && System.console() != null;
  }

  /**
   * Runs the demo and exits with its status.
   *
   * @param args the options; {@code --help} lists them
   */
  public static void main(String[] args) {
    if (Arrays.asList(args).contains("--help") || Arrays.asList(args).contains("-h")) {
      System.out.println(DemoOptions.USAGE);
      System.exit(0);
    }
    int status;
    try {
      DemoOptions options = DemoOptions.parse(args);
      status = new Demo(options, System.out).run().passed(options) ? 0 : 1;
    } catch (AppException e) {
      System.err.println("demo: " + e.getMessage());
      status = AppException.EXIT_CODE;
    } catch (DemoException e) {
      System.err.println("demo failed: " + e.getMessage());
      status = 2;
    }
    System.out.flush();
    System.exit(status);
  }

  /**
   * Runs the demo.
   *
   * @return what it found
   * @throws DemoException when it could not run; the message says what failed
   */
  public DemoResult run() {
    Set<Thread> threadsBefore = Set.copyOf(Thread.getAllStackTraces().keySet());
    long started = System.nanoTime();
    out.println("Courier demo: the same orders through the file source connector and the generated producers");
    out.println();
    DemoReport report = new DemoReport(options, out);
    DemoRun run = runAndShutDown(report);
    List<String> lingering = DemoCluster.lingeringThreads(threadsBefore);
    report.check(lingering.isEmpty(), "threads left after shutdown: " + (lingering.isEmpty() ? "none" : lingering));
    DemoResult result = run.result(lingering, DemoReport.generatedSources());
    report.summary(run, result, started);
    return result;
  }

  /** Runs the demo's steps, then shuts everything down, also when a step failed. */
  private DemoRun runAndShutDown(DemoReport report) {
    DemoCluster cluster = new DemoCluster(options, out);
    DemoRun run = new DemoRun(options, out, terminal);
    try {
      cluster.start();
      out.println();
      run.execute(cluster.bootstrapServers(), cluster.connect(), cluster.partitions(), cluster.workDir());
      report.readBack(run);
      run.outboxProblems = new OutboxStep(out, report).run(cluster.bootstrapServers(), cluster.connect(),
          cluster.partitions());
      if (options.schemaRegistry() != null) {
        run.registryProblems = new RegistryStep(options.schemaRegistry(), out, report).run(cluster);
      }
    } catch (DemoException e) {
      throw e;
    } catch (RuntimeException | AssertionError e) {
      throw new DemoException(describe(e), e);
    } finally {
      cluster.shutdown();
    }
    return run;
  }

  /**
   * The first orders of the sample file, one JSON line each, as the connector streams them.
   *
   * @param count how many (at most {@link DemoOptions#SAMPLE_RECORDS} are there)
   * @return the lines
   */
  public static List<String> sampleLines(int count) {
    try (InputStream in = Demo.class.getClassLoader().getResourceAsStream(SAMPLE)) {
      if (in == null) {
        throw new DemoException("the sample file " + SAMPLE + " is not on the classpath");
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      return reader.lines().filter(line -> !line.isBlank()).limit(count).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String describe(Throwable e) {
    StringBuilder sb = new StringBuilder(String.valueOf(e.getMessage()));
    for (Throwable cause = e.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
      if (cause.getMessage() != null && !sb.toString().contains(cause.getMessage())) {
        sb.append("\n  caused by ").append(cause);
      }
    }
    return sb.toString();
  }
}
