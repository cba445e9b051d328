/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier;

/**
 * Which changes of a message type the build accepts ({@link KafkaMessage#compatibility()}), in Schema Registry's
 * terms, applied to the type's JSON form and judged under its {@link Reading}.
 *
 * <p>The processor compares the type's JSON Schema with the schema of its previous version, the baseline given by
 * the processor option {@code courier.evolution.baseline} (a directory of schemas, or the previous version's jar).
 * A change the level does not allow is a compile error on the member it is about, naming the readers it breaks.
 * Without a baseline, or for a type the baseline does not have yet, nothing is compared.
 *
 * <p>Changing the topic or the key's serializer breaks every reader of the topic (and the key's partition), so it is
 * refused under every level but {@link #NONE}.
 */
public enum Compatibility {
  /**
   * Readers of the new version read every record of the previous one: consumers may be upgraded before producers,
   * and a new consumer can replay the topic. Adding an optional member, removing a member, or widening a type is
   * allowed; adding a required (primitive) member, narrowing a type or removing an enum constant is not. The
   * default, as in Schema Registry.
   */
  BACKWARD,
  /**
   * Readers of the previous version read every record of the new one: producers may be upgraded before consumers.
   * Adding a member, or narrowing a type, is allowed; removing a required member, widening a type or adding an enum
   * constant is not.
   */
  FORWARD,
  /** Both {@link #BACKWARD} and {@link #FORWARD}: either side may be upgraded first. */
  FULL,
  /** Every change is allowed; the build compares nothing. */
  NONE;

  /**
   * Whether readers of the new version must read records of the previous one.
   *
   * @return {@code true} for {@link #BACKWARD} and {@link #FULL}
   */
  public boolean backward() {
    return this == BACKWARD || this == FULL;
  }

  /**
   * Whether readers of the previous version must read records of the new one.
   *
   * @return {@code true} for {@link #FORWARD} and {@link #FULL}
   */
  public boolean forward() {
    return this == FORWARD || this == FULL;
  }
}
