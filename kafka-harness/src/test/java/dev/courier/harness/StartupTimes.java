/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.harness;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.util.Map;

/**
 * Measures the harness by hand (not a test): broker start cold (first in the JVM) and warm, worker start, and heap
 * used with both running. Run with the test classpath, e.g.
 * {@code java -Xmx1g -cp <test classpath> dev.courier.harness.StartupTimes 5}.
 */
public final class StartupTimes {
  private StartupTimes() {
  }

  /**
   * Runs the measurement.
   *
   * @param args the number of rounds (default 3)
   */
  public static void main(String[] args) {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 3;
    for (int round = 1; round <= rounds; round++) {
      long t0 = System.nanoTime();
      try (EmbeddedKafka kafka = EmbeddedKafka.start()) {
        long t1 = System.nanoTime();
        try (EmbeddedConnect connect = EmbeddedConnect.start(kafka)) {
          long t2 = System.nanoTime();
          kafka.createTopic("measure", 1);
          connect.createOrUpdateConnector("measure", Map.of("connector.class",
              CountingSourceConnector.class.getName(), "topic", "measure", "count", "100",
              "value.converter", "org.apache.kafka.connect.storage.StringConverter"));
          connect.awaitConnectorAndTasksRunning("measure", 1, java.time.Duration.ofSeconds(30));
          long t3 = System.nanoTime();
          TopicReader.readExactly(kafka.bootstrapServers(), "measure", 100, java.time.Duration.ofSeconds(30));
          long workerStop = System.nanoTime();
          connect.stopWorker();
          long workerStopped = System.nanoTime();
          connect.startWorker();
          connect.awaitConnectorAndTasksRunning("measure", 1, java.time.Duration.ofSeconds(30));
          long workerRestarted = System.nanoTime();
          long stopStart = System.nanoTime();
          kafka.stopBroker();
          long stopped = System.nanoTime();
          kafka.startBroker();
          long restarted = System.nanoTime();
          System.gc();
          MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
          System.out.printf("round %d: broker %d ms, worker %d ms, connector running %d ms, worker stop %d ms,"
              + " worker restart with connector running %d ms, broker stop %d ms, broker restart %d ms,"
              + " heap used after GC %d MB (committed %d MB), threads %d%n", round,
              ms(t1 - t0), ms(t2 - t1), ms(t3 - t2), ms(workerStopped - workerStop), ms(workerRestarted - workerStopped),
              ms(stopped - stopStart), ms(restarted - stopped),
              heap.getUsed() >> 20, heap.getCommitted() >> 20, Thread.activeCount());
        }
      }
    }
    System.gc();
    System.out.printf("after close: heap used after GC %d MB, threads %d%n",
        ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() >> 20, Thread.activeCount());
    long pause = Long.getLong("pause.ms", 0);
    if (pause > 0) {
      try {
        Thread.sleep(pause); // time for jcmd GC.class_histogram
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private static long ms(long nanos) {
    return nanos / 1_000_000;
  }
}
