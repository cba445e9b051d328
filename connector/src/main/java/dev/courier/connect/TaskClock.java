/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.connect;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** The clock a task reads and waits on; tests give a fake one that never sleeps. */
public interface TaskClock {

  /** The system clock. */
  TaskClock SYSTEM =
      new TaskClock() {
        @Override
        public long milliseconds() {
          return System.currentTimeMillis();
        }

        @Override
        public boolean await(CountDownLatch stop, long millis) throws InterruptedException {
          return stop.await(millis, TimeUnit.MILLISECONDS);
        }
      };

  /**
   * Wall-clock time.
   *
   * @return milliseconds since the epoch
   */
  long milliseconds();

  /**
   * Waits up to {@code millis}, returning early when {@code stop} is released.
   *
   * @param stop released when the task stops
   * @param millis the longest wait
   * @return whether {@code stop} was released
   * @throws InterruptedException when interrupted
   */
  boolean await(CountDownLatch stop, long millis) throws InterruptedException;
}
