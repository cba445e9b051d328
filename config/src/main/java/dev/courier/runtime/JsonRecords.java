/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.runtime;

import dev.courier.Reading;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Turns documents in a type's JSON form into the records its generated producer would send for the same messages:
 * each document is read by the type's generated reader (so it is accepted or refused by exactly the rules the
 * generated deserializer applies), the message goes through {@link MessageContract#toRecord}, and its key and value
 * are serialized with the record's topic and headers, as {@code KafkaProducer.send} serializes them. Courier's
 * connectors build every {@code message.class} record here.
 *
 * <p>Thread-safe when the type's serializers are, as the generated ones and Kafka's key serializers are.
 *
 * @param <T> the message type
 * @param <K> the record key type
 * @param <V> the record value type
 */
public final class JsonRecords<T, K, V> {

  private final MessageContract<T, K, V> contract;
  private final Deserializer<T> reader;
  private final Serializer<K> keySerializer;
  private final Serializer<V> valueSerializer;

  private JsonRecords(MessageContract<T, K, V> contract, Deserializer<T> reader, Serializer<V> valueSerializer) {
    this.contract = contract;
    this.reader = reader;
    this.keySerializer = contract.newKeySerializer();
    this.valueSerializer = valueSerializer;
  }

  /**
   * The records of a type.
   *
   * @param contract the type's contract (its generated descriptor)
   * @param <T> the message type
   * @param <K> the record key type
   * @param <V> the record value type
   * @return the records
   * @throws IllegalArgumentException when the type declares its own value serializer, so it has no JSON reader
   */
  public static <T, K, V> JsonRecords<T, K, V> of(MessageContract<T, K, V> contract) {
    Objects.requireNonNull(contract, "contract");
    return of(contract, contract.reading());
  }

  /**
   * The records of a type, read at least as strictly as given ({@link MessageContract#newJsonReader(Reading)}).
   *
   * @param contract the type's contract (its generated descriptor)
   * @param reading the reading asked for; a strict type reads strictly whatever is asked
   * @param <T> the message type
   * @param <K> the record key type
   * @param <V> the record value type
   * @return the records
   * @throws IllegalArgumentException when the type declares its own value serializer, so it has no JSON reader
   */
  public static <T, K, V> JsonRecords<T, K, V> of(MessageContract<T, K, V> contract, Reading reading) {
    return of(contract, reading, Map.of());
  }

  /**
   * The records of a type, read at least as strictly as given, with values framed for the Schema Registry when the
   * type's value format asks for it ({@link SchemaRegistryFraming#valueSerializer}): what a connector streams.
   *
   * @param contract the type's contract (its generated descriptor)
   * @param reading the reading asked for; a strict type reads strictly whatever is asked
   * @param registryProperties the registry settings ({@link SchemaRegistryConfig}); other keys are ignored
   * @param <T> the message type
   * @param <K> the record key type
   * @param <V> the record value type
   * @return the records
   * @throws IllegalArgumentException when the type declares its own value serializer, so it has no JSON reader
   * @throws org.apache.kafka.common.config.ConfigException when the type needs a registry the properties do not name
   * @throws SchemaRegistryException when the registry refuses the type's schema or cannot be reached
   */
  public static <T, K, V> JsonRecords<T, K, V> of(MessageContract<T, K, V> contract, Reading reading,
      Map<String, ?> registryProperties) {
    Objects.requireNonNull(contract, "contract");
    Objects.requireNonNull(reading, "reading");
    Deserializer<T> reader = contract.newJsonReader(reading).orElseThrow(() -> new IllegalArgumentException(
        "the message type of topic " + contract.topic() + " declares its own valueSerializer, so its values are"
            + " not Courier's JSON form and no input can be read into it"));
    return new JsonRecords<>(contract, reader, SchemaRegistryFraming.valueSerializer(contract, registryProperties));
  }

  /**
   * Reads one JSON document and serializes the message as the generated producer would send it.
   *
   * @param json one JSON object in the type's JSON form, UTF-8
   * @return the record: topic, no partition, timestamp, key and value bytes, headers
   * @throws org.apache.kafka.common.errors.SerializationException when the document is not a message of the type
   *     (the generated reader's message names the member and what is accepted)
   * @throws NullKeyException when the key member is {@code null} and the type does not declare it nullable
   * @throws IllegalArgumentException when the {@code @Timestamp} member is before 1970
   */
  public ProducerRecord<byte[], byte[]> fromJson(byte[] json) {
    T message = reader.deserialize(contract.topic(), json);
    if (message == null) {
      throw new IllegalArgumentException("a JSON null is not a message; a JSON object is expected");
    }
    return serialize(message);
  }

  /**
   * Serializes a message as the generated producer would send it.
   *
   * @param message the message, not {@code null}
   * @return the record: topic, no partition, timestamp, key and value bytes, headers
   * @throws NullKeyException when the key member is {@code null} and the type does not declare it nullable
   * @throws IllegalArgumentException when the {@code @Timestamp} member is before 1970
   */
  public ProducerRecord<byte[], byte[]> serialize(T message) {
    ProducerRecord<K, V> record = contract.toRecord(message);
    Headers headers = record.headers();
    byte[] key = keySerializer.serialize(record.topic(), headers, record.key());
    byte[] value = valueSerializer.serialize(record.topic(), headers, record.value());
    return new ProducerRecord<>(record.topic(), record.partition(), record.timestamp(), key, value, headers);
  }
}
