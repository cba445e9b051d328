/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.harness;

import org.apache.kafka.connect.cli.ConnectDistributed;

/**
 * The main class of a {@link WorkerProcess}: Kafka's {@link ConnectDistributed}, in a JVM that ends itself (as if
 * killed) when the JVM that started it is gone, so a test JVM that dies never leaves a worker running on the machine.
 *
 * <p>Arguments: the parent's process id, then the worker properties file.
 */
public final class WorkerMain {
  /** Exit status when the parent JVM is gone. */
  static final int PARENT_GONE = 3;

  private WorkerMain() {
  }

  /**
   * Watches the parent process and runs {@code ConnectDistributed} with the properties file.
   *
   * @param args the parent's process id and the worker properties file
   */
  public static void main(String[] args) {
    if (args.length != 2) {
      System.err.println("usage: WorkerMain <parent pid> <worker.properties>");
      System.exit(2);
    }
    long parent = Long.parseLong(args[0]);
    ProcessHandle.of(parent).ifPresentOrElse(
        handle -> handle.onExit().thenRun(() -> Runtime.getRuntime().halt(PARENT_GONE)),
        () -> Runtime.getRuntime().halt(PARENT_GONE));
    ConnectDistributed.main(new String[] {args[1]});
  }
}
