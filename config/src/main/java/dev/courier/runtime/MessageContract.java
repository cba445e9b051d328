/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.runtime;

import dev.courier.config.MessageDescriptor;
import java.util.Optional;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;

/**
 * The record form of one {@code @KafkaMessage} type: the one place its topic, key, headers, timestamp and value bytes
 * are derived from a message, and (as a {@link MessageDescriptor}) what Courier's connectors know of its members.
 * The annotation processor implements it in the type's generated descriptor.
 *
 * <p>Every path that writes a record of the type goes through it, so records agree by construction rather than by
 * tests that compare two implementations:
 * <ul>
 *   <li>the generated producer's {@code toRecord} is {@link #toRecord}, and its {@code KafkaProducer} serializes the
 *       key and value with {@link #newKeySerializer()} and {@link #newValueSerializer()};
 *   <li>Courier's connectors read their input (a JSON line, a CSV row, a database row) into a message with the
 *       {@link #newJsonReader() generated reader}, then serialize it with {@link JsonRecords}, which does what
 *       {@code KafkaProducer.send} does with the record {@link #toRecord} builds: the same key bytes (so the same
 *       partition under the default partitioner), value bytes, headers and timestamp.
 * </ul>
 *
 * @param <T> the message type
 * @param <K> the record key type ({@code Void} for a type without {@code @PartitionKey})
 * @param <V> the record value type: the message type, or the type the declared {@code valueSerializer} handles
 */
public interface MessageContract<T, K, V> extends MessageDescriptor {

  /**
   * The record a message is sent as: topic, key, timestamp and headers from its members, the message as value.
   *
   * @param message the message, not {@code null}
   * @return the record, with no partition (the producer's partitioner chooses it from the key)
   * @throws NullKeyException when the key member is {@code null} and the type does not declare it nullable
   * @throws IllegalArgumentException when the {@code @Timestamp} member is before 1970 (Kafka refuses negative
   *     timestamps)
   */
  ProducerRecord<K, V> toRecord(T message);

  /**
   * A new instance of the key serializer the generated producer uses.
   *
   * @return the key serializer
   */
  Serializer<K> newKeySerializer();

  /**
   * A new instance of the value serializer the generated producer uses: the generated JSON serializer, or the one
   * the type declares.
   *
   * @return the value serializer
   */
  Serializer<V> newValueSerializer();

  /**
   * A new instance of the generated JSON reader of the type, which Courier's connectors read their input with.
   *
   * @return the generated deserializer, or empty when the type declares its own {@code valueSerializer} (its value
   *     is not Courier's JSON form, so no JSON input can be read into it)
   */
  Optional<Deserializer<T>> newJsonReader();
}
