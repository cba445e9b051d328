/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.runtime;

import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.common.errors.SerializationException;

/**
 * The reading side of Schema Registry framing, for the generated deserializer of a type whose value format is
 * {@link dev.courier.ValueFormat#SCHEMA_REGISTRY_JSON}: checks a value's magic byte and resolves its schema id at the
 * registry (once per id; ids are immutable), so that a record the registry does not know, or one that is not framed,
 * is a clear {@link SerializationException} rather than a JSON error. The JSON after the frame is read by the
 * generated reader, under the type's reading, whichever version of the type wrote it.
 *
 * <p>The registry comes from the deserializer's configuration ({@code schema.registry.url} and the other keys of
 * {@link SchemaRegistryConfig}), as Kafka passes the consumer's properties to {@code configure}, or from the map given
 * to the deserializer's constructor. Thread-safe.
 */
public final class SchemaRegistryFrames {
  private final String type;
  private final Set<Integer> known = ConcurrentHashMap.newKeySet();
  private volatile SchemaRegistryClient registry;

  /**
   * Frames of a type, not yet configured.
   *
   * @param type the type's binary name, for errors
   */
  public SchemaRegistryFrames(String type) {
    this.type = Objects.requireNonNull(type, "type");
  }

  /**
   * Configures the registry from a consumer's (or any) properties; other keys are ignored.
   *
   * @param properties properties with {@code schema.registry.url}
   * @throws org.apache.kafka.common.config.ConfigException when the URL is missing or a registry key is wrong
   */
  public void configure(Map<String, ?> properties) {
    registry = SchemaRegistryClient.create(SchemaRegistryConfig.of(properties));
  }

  /**
   * Where the JSON of a framed value starts, after checking the frame and resolving its schema id.
   *
   * @param topic the record's topic, for errors
   * @param data the value, not {@code null}
   * @return {@link SchemaRegistryFraming#PREFIX_LENGTH}
   * @throws SerializationException when the value is not framed, its id is unknown to the registry or not a JSON
   *     Schema, or the registry cannot be asked
   */
  public int payloadOffset(String topic, byte[] data) {
    if (data.length < SchemaRegistryFraming.PREFIX_LENGTH || data[0] != SchemaRegistryFraming.MAGIC) {
      throw new SerializationException(notFramed(topic, data));
    }
    int id = ((data[1] & 0xff) << 24) | ((data[2] & 0xff) << 16) | ((data[3] & 0xff) << 8) | (data[4] & 0xff);
    if (!known.contains(id)) {
      resolve(topic, id);
    }
    return SchemaRegistryFraming.PREFIX_LENGTH;
  }

  private void resolve(String topic, int id) {
    SchemaRegistryClient client = registry;
    if (client == null) {
      throw new SerializationException("Cannot read " + type + " from topic " + topic + ": the deserializer has no"
          + " Schema Registry to resolve schema id " + id + ". Fix: give the consumer " + SchemaRegistryConfig.URL
          + " (Kafka passes it to configure), or construct the deserializer with the registry's properties");
    }
    SchemaRegistryClient.Schema schema;
    try {
      schema = client.schema(id).orElseThrow(() -> new SerializationException("Cannot read " + type + " from topic "
          + topic + ": schema id " + id + " is not in the Schema Registry at " + client.url() + ". The record was"
          + " framed against another registry, or the registry lost its schemas; consumers must use the registry"
          + " the producers register in"));
    } catch (SchemaRegistryException e) {
      throw new SerializationException("Cannot read " + type + " from topic " + topic + ": " + e.getMessage(), e);
    }
    if (!"JSON".equals(schema.type())) {
      throw new SerializationException("Cannot read " + type + " from topic " + topic + ": schema id " + id + " is a"
          + " " + schema.type() + " schema, so the record is not JSON; it was not written by a JSON Schema"
          + " serializer");
    }
    known.add(id);
  }

  private String notFramed(String topic, byte[] data) {
    String start;
    if (data.length == 0) {
      start = "is empty";
    } else if (data[0] == '{' || data[0] == '[' || data[0] == ' ' || data[0] == '\n') {
      start = "is plain JSON (it starts with '" + (char) data[0] + "'), written without the registry's framing";
    } else if (data.length < SchemaRegistryFraming.PREFIX_LENGTH) {
      start = "has " + data.length + " bytes, fewer than the framing's " + SchemaRegistryFraming.PREFIX_LENGTH;
    } else {
      start = String.format("starts with byte 0x%02x, not the magic byte 0", data[0] & 0xff);
    }
    return "Cannot read " + type + " from topic " + topic + ": the value " + start + ". " + type + " is written in"
        + " Schema Registry's wire format (valueFormat SCHEMA_REGISTRY_JSON): a zero byte, a 4-byte schema id, then"
        + " the JSON. Fix: produce the topic with the type's generated producer or another registry-aware"
        + " serializer, or read plain JSON with a type whose valueFormat is JSON";
  }
}
