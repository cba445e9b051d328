/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.runtime;

import dev.courier.SubjectNaming;
import dev.courier.ValueFormat;
import dev.courier.config.MessageDescriptor;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Serializer;

/**
 * The value serializer of a message type as every Courier path uses it: the type's generated JSON serializer, framed
 * with the type's schema id when its value format is {@link ValueFormat#SCHEMA_REGISTRY_JSON}. The generated
 * producers ({@code create}, {@link SharedProducers}) and the connectors ({@link JsonRecords}) all take their value
 * serializer from {@link #valueSerializer}, so a record's bytes are the same on every path by construction: one
 * subject, one registered schema, one id, one framing.
 *
 * <p>The registered schema is the type's published JSON Schema ({@code META-INF/courier/schemas/<type>.json}, next to
 * its descriptor) naming draft-07 as its {@code $schema} rather than 2020-12: Courier's schemas use only keywords the
 * two drafts share, and draft-07 is the draft every registry's compatibility checker reads (Apicurio Registry 2.6's
 * cannot determine the version of a 2020-12 schema).
 */
public final class SchemaRegistryFraming {
  /** The first byte of a framed value, Schema Registry's wire-format version. */
  public static final byte MAGIC = 0;
  /** The magic byte and the 4-byte schema id before the JSON. */
  public static final int PREFIX_LENGTH = 5;

  private static final String DRAFT_2020_12 = "\"https://json-schema.org/draft/2020-12/schema\"";
  private static final String DRAFT_07 = "\"http://json-schema.org/draft-07/schema#\"";

  private SchemaRegistryFraming() {}

  /**
   * The value serializer of a type: the contract's own for {@link ValueFormat#JSON}; for
   * {@link ValueFormat#SCHEMA_REGISTRY_JSON} the same, framed with the id of the type's schema under its subject at
   * the registry the properties name, registered first when {@code auto.register.schemas} (the default) allows.
   *
   * @param contract the type's contract
   * @param properties runtime properties or a connector's configuration; only {@link SchemaRegistryConfig}'s keys
   *     are read
   * @param <V> the value type
   * @return the serializer
   * @throws ConfigException when the registry settings are missing or wrong
   * @throws SchemaRegistryException when the registry refuses the schema or cannot be reached
   */
  public static <V> Serializer<V> valueSerializer(MessageContract<?, ?, V> contract, Map<String, ?> properties) {
    Serializer<V> json = contract.newValueSerializer();
    if (contract.valueFormat() != ValueFormat.SCHEMA_REGISTRY_JSON) {
      return json;
    }
    SchemaRegistryConfig config = SchemaRegistryConfig.of(properties);
    String subject = subject(contract, config);
    String schema = registeredSchema(contract);
    SchemaRegistryClient registry = SchemaRegistryClient.create(config);
    int id;
    if (config.autoRegister()) {
      id = registry.register(subject, schema);
    } else {
      id = registry.lookup(subject, schema).orElseThrow(() -> new SchemaRegistryException(404, "The schema of "
          + contract.messageClassName() + " is not registered under subject " + subject + " at " + registry.url()
          + ", and " + SchemaRegistryConfig.AUTO_REGISTER + "=false. Fix: register it (the build's"
          + " META-INF/courier/schemas/" + contract.messageClassName() + ".json), or allow registering", null));
    }
    return new Framed<>(json, id);
  }

  /**
   * A serializer's values framed with a schema id resolved elsewhere: for tests and benchmarks, and for an
   * application that resolves ids itself. {@link #valueSerializer} is what the generated code uses.
   *
   * @param json the serializer of the JSON
   * @param id the schema id to frame with
   * @param <V> the value type
   * @return the framing serializer; closing it closes {@code json}
   */
  public static <V> Serializer<V> framed(Serializer<V> json, int id) {
    return new Framed<>(json, id);
  }

  /**
   * Whether a type's records could be framed at the registry the properties name, without registering anything: what
   * a connector's {@code validate()} asks. For a type of {@link ValueFormat#JSON}, nothing to check.
   *
   * @param descriptor the type's descriptor
   * @param properties a connector's configuration
   * @return empty when they could, else what stands in the way and the fix
   * @throws ConfigException when the registry settings are missing or wrong
   * @throws SchemaRegistryException when the registry refuses to answer or cannot be reached
   */
  public static Optional<String> problem(MessageDescriptor descriptor, Map<String, ?> properties) {
    if (descriptor.valueFormat() != ValueFormat.SCHEMA_REGISTRY_JSON) {
      return Optional.empty();
    }
    SchemaRegistryConfig config = SchemaRegistryConfig.of(properties);
    String subject = subject(descriptor, config);
    String schema = registeredSchema(descriptor);
    SchemaRegistryClient registry = SchemaRegistryClient.create(config);
    if (registry.lookup(subject, schema).isPresent()) {
      return Optional.empty();
    }
    if (!config.autoRegister()) {
      return Optional.of("the schema of " + descriptor.messageClassName() + " is not registered under subject "
          + subject + " at " + registry.url() + ", and " + SchemaRegistryConfig.AUTO_REGISTER + "=false. Fix:"
          + " register it, or allow registering");
    }
    return registry.incompatibility(subject, schema).map(reasons -> "the schema of " + descriptor.messageClassName()
        + " is incompatible with the latest version of subject " + subject + " at " + registry.url() + ": "
        + reasons + ". Fix: change the type compatibly, or register it under a new subject");
  }

  /**
   * A type's subject, as its {@link SubjectNaming} names it.
   *
   * @param descriptor the type's descriptor
   * @return for example {@code orders-value}
   */
  public static String subject(MessageDescriptor descriptor) {
    return descriptor.subjectNaming().subject(descriptor.topic(), descriptor.messageClassName());
  }

  private static String subject(MessageDescriptor descriptor, SchemaRegistryConfig config) {
    SubjectNaming naming = descriptor.subjectNaming();
    Optional<String> asked = config.subjectStrategy();
    if (asked.isPresent() && !asked.get().equals(naming.confluentStrategy())) {
      throw new ConfigException(SchemaRegistryConfig.SUBJECT_STRATEGY, asked.get(), descriptor.messageClassName()
          + " fixes subjectNaming " + naming + " (" + naming.confluentStrategy() + ") in its @KafkaMessage; remove"
          + " the property or give that strategy");
    }
    return subject(descriptor);
  }

  /**
   * The schema a type registers: its published JSON Schema, naming draft-07 (see the class comment).
   *
   * @param descriptor the type's descriptor, generated next to the schema
   * @return the schema's text
   * @throws IllegalStateException when the schema resource is not next to the descriptor
   */
  public static String registeredSchema(MessageDescriptor descriptor) {
    String resource = "META-INF/courier/schemas/" + descriptor.messageClassName() + ".json";
    ClassLoader loader = descriptor.getClass().getClassLoader();
    try (InputStream in = loader == null ? null : loader.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("no " + resource + " next to " + descriptor.getClass().getName() + ": the"
            + " processor writes it with the descriptor; keep it in the jar (a shading or resource filter may drop"
            + " it)");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace(DRAFT_2020_12, DRAFT_07);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + resource, e);
    }
  }

  /** A serializer's JSON with the magic byte and schema id before it. */
  static final class Framed<V> implements Serializer<V> {
    private final Serializer<V> json;
    private final byte[] prefix;

    Framed(Serializer<V> json, int id) {
      this.json = Objects.requireNonNull(json, "json");
      this.prefix = new byte[] {MAGIC, (byte) (id >>> 24), (byte) (id >>> 16), (byte) (id >>> 8), (byte) id};
    }

    @Override
    public byte[] serialize(String topic, V value) {
      // A generated serializer writes through Json.write, which puts the frame in its buffer: no copy.
      Json.Output output = Json.pendPrefix(prefix);
      byte[] payload;
      boolean framed;
      try {
        payload = json.serialize(topic, value);
      } finally {
        framed = Json.prefixWritten(output);
      }
      return framed || payload == null ? payload : frame(payload);
    }

    @Override
    public byte[] serialize(String topic, Headers headers, V value) {
      Json.Output output = Json.pendPrefix(prefix);
      byte[] payload;
      boolean framed;
      try {
        payload = json.serialize(topic, headers, value);
      } finally {
        framed = Json.prefixWritten(output);
      }
      return framed || payload == null ? payload : frame(payload);
    }

    /** For a serializer that does not write through Json.write: the frame copied in front. */
    private byte[] frame(byte[] payload) {
      byte[] framed = new byte[PREFIX_LENGTH + payload.length];
      System.arraycopy(prefix, 0, framed, 0, PREFIX_LENGTH);
      System.arraycopy(payload, 0, framed, PREFIX_LENGTH, payload.length);
      return framed;
    }

    @Override
    public void close() {
      json.close();
    }
  }
}
