/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the member of a {@link KafkaMessage} type whose value is the record key: a record component, a field, or a
 * no-argument getter. At most one per type; without one, records have a {@code null} key and Kafka's default
 * partitioner spreads them. The key is serialized with Kafka's stock serializer for its type unless
 * {@link KafkaMessage#keySerializer()} names another, so a key lands on the same partition as the same key sent by
 * any other Kafka client.
 *
 * <p>A message whose key member is {@code null} is refused: the generated producer throws a
 * {@link dev.courier.runtime.NullKeyException} naming the type and the member before anything is sent (in every
 * send mode), and Courier's source connectors treat an input record whose key member is missing or {@code null} as a
 * bad record, handled by their {@code bad.record.policy}. A {@code null} key would put the record on an arbitrary
 * partition, out of order with the other records of its key. A type whose messages may have no key says so with
 * {@code @PartitionKey(nullable = true)}; both paths then send such a message with a {@code null} key.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.RECORD_COMPONENT})
public @interface PartitionKey {
  /**
   * Whether a message may have a {@code null} key. By default it may not: the generated producer refuses such a
   * message and a connector treats such an input record as a bad record. With {@code true}, both send it with a
   * {@code null} key, which Kafka's default partitioner spreads over the partitions. A member of a primitive type
   * is never {@code null}, so declaring it nullable is a compile error ({@code courier.key.nullable}).
   *
   * @return {@code true} when messages without a key are sent with a {@code null} key
   */
  boolean nullable() default false;
}
