/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier;

/**
 * How a message's value is written on the wire ({@link KafkaMessage#valueFormat()}).
 *
 * <p>Both formats carry the same JSON, the type's JSON form that its generated serializer writes; they differ in what
 * precedes it.
 */
public enum ValueFormat {
  /** The JSON form alone: the value is the UTF-8 JSON object. The default. */
  JSON,
  /**
   * Schema Registry's wire format around the JSON form: a zero magic byte, the 4-byte big-endian id of the type's
   * JSON Schema in the registry, then the JSON, as Confluent's JSON Schema serializers write it, so consumers in any
   * language deserialize through the registry.
   *
   * <p>The generated producer resolves the id when it is created: it registers the type's schema under its subject
   * ({@link KafkaMessage#subjectNaming()}), or with {@code auto.register.schemas=false} looks it up, at the registry
   * named by the runtime property {@code schema.registry.url}, and fails there when the registry refuses the schema.
   * Courier's connectors do the same for records of the type, and the generated deserializer reads the framing.
   */
  SCHEMA_REGISTRY_JSON
}
