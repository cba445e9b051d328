/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier;

/**
 * How a generated deserializer treats a member its type does not have ({@link KafkaMessage#reading()}).
 *
 * <p>Producers and consumers of a topic are deployed independently, and records outlive the code that wrote them
 * (retention, replays, compacted topics). So by default a reader skips what it does not know, as Avro and Protobuf
 * readers and Schema Registry's JSON Schema deserializers do: a producer can add an optional member before its
 * consumers are upgraded, and a consumer can drop a member while records that have it are still in the topic.
 *
 * <p>Both readings refuse everything else that does not fit the type: a member that appears twice, a value of the
 * wrong JSON type or out of the member's range, an unknown enum constant, a missing or {@code null} primitive
 * member, malformed JSON and trailing content.
 */
public enum Reading {
  /**
   * Members the type does not have are skipped, nested ones included, without building a tree of them. The default.
   * Under it, adding an optional member is compatible in both directions (FULL) and removing one is BACKWARD
   * compatible, as in Schema Registry.
   */
  TOLERANT,
  /**
   * A member the type does not have is an error that names it and the type's members. For input written by hand,
   * for example files streamed by a connector, where a misspelt member should stop the line rather than be lost.
   * Adding a member then needs every reader upgraded first.
   */
  STRICT
}
