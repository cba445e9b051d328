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
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.RECORD_COMPONENT})
public @interface PartitionKey {}
