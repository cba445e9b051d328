/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.examples.app;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stops an application cleanly on SIGTERM or Ctrl-C: a JVM shutdown hook asks the main loop to stop
 * ({@link #isRequested()} turns {@code true}), then waits up to a grace period for it to finish the work in hand,
 * flush and close its producer ({@link #close()} signals that). Without it, the JVM would exit with records still in
 * the producer's buffer.
 *
 * <pre>{@code
 * try (GracefulShutdown shutdown = GracefulShutdown.install("clickstream", Duration.ofSeconds(30));
 *      PageViewedProducer producer = PageViewedProducer.create(config)) {
 *   while (!shutdown.isRequested()) {
 *     producer.send(next());
 *   }
 * } // producer.close() sends what is buffered, then the hook lets the JVM exit
 * }</pre>
 */
public final class GracefulShutdown implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(GracefulShutdown.class);

  private final String name;
  private final AtomicBoolean requested = new AtomicBoolean();
  private final CountDownLatch finished = new CountDownLatch(1);
  private final Thread hook;

  private GracefulShutdown(String name, Duration grace) {
    this.name = name;
    this.hook = new Thread(() -> {
      requested.set(true);
      LOG.info("{}: stopping; waiting up to {} s for the work in hand", name, grace.toSeconds());
      try {
        if (!finished.await(grace.toMillis(), TimeUnit.MILLISECONDS)) {
          LOG.warn("{}: did not finish within {} s; exiting anyway", name, grace.toSeconds());
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, name + "-shutdown");
  }

  /**
   * Registers the shutdown hook.
   *
   * @param name the application's name, for logs
   * @param grace how long the JVM waits for the application to finish once asked to stop
   * @return the handle; close it when the application has finished
   */
  public static GracefulShutdown install(String name, Duration grace) {
    GracefulShutdown shutdown = new GracefulShutdown(name, grace);
    Runtime.getRuntime().addShutdownHook(shutdown.hook);
    return shutdown;
  }

  /**
   * Whether the application was asked to stop.
   *
   * @return {@code true} once SIGTERM, Ctrl-C or {@link #request()} asked to stop
   */
  public boolean isRequested() {
    return requested.get();
  }

  /** Asks the application to stop, as SIGTERM would (used by tests and by the applications' own stop paths). */
  public void request() {
    requested.set(true);
  }

  /**
   * Signals that the application has finished; removes the hook unless the JVM is already shutting down. Call it
   * after the producer is closed.
   */
  @Override
  public void close() {
    finished.countDown();
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException e) {
      // The JVM is shutting down: the hook is running and now sees that the application finished.
      LOG.debug("{}: finished during JVM shutdown", name);
    }
  }
}
