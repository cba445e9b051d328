/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.bench.jmh;

import dev.courier.bench.model.SmallMessage;
import dev.courier.bench.model.SmallMessageDeserializer;
import dev.courier.bench.model.SmallMessageSerializer;
import dev.courier.bench.model.WideMessage;
import dev.courier.bench.model.WideMessageDeserializer;
import dev.courier.bench.model.WideMessageSerializer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * What the tolerant reader pays for members a type does not have: {@code SmallMessageDeserializer} reading a
 * {@link WideMessage} record (five members it knows, then five it skips: a string with escapes, a long, an instant,
 * a list and a nested object), next to {@code WideMessageDeserializer} reading the same bytes (all ten known) and
 * {@code SmallMessageDeserializer} reading a record without them. Skipping must cost no more than reading.
 */
@State(Scope.Benchmark)
public class UnknownMembersBenchmark extends JmhDefaults {

  private byte[] wide;
  private byte[] small;
  private final SmallMessageDeserializer smallReader = new SmallMessageDeserializer();
  private final WideMessageDeserializer wideReader = new WideMessageDeserializer();

  /** Writes both records once and checks what each reader returns. */
  @Setup
  public void setUp() {
    wide = new WideMessageSerializer().serialize("bench", Messages.wide());
    small = new SmallMessageSerializer().serialize("bench", Messages.small());
    if (!Messages.small().equals(skipFive()) || !Messages.wide().equals(readFive())
        || !Messages.small().equals(none())) {
      throw new IllegalStateException("a reader does not return the expected message");
    }
  }

  /**
   * Five unknown members, skipped.
   *
   * @return the message
   */
  @Benchmark
  public SmallMessage skipFive() {
    return smallReader.deserialize("bench", wide);
  }

  /**
   * The same bytes, the five members known and read.
   *
   * @return the message
   */
  @Benchmark
  public WideMessage readFive() {
    return wideReader.deserialize("bench", wide);
  }

  /**
   * No unknown members.
   *
   * @return the message
   */
  @Benchmark
  public SmallMessage none() {
    return smallReader.deserialize("bench", small);
  }
}
