/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Marks a class or record as a Kafka message type. At compile time Courier's annotation processor generates, in the
 * same package, a typed producer {@code TProducer} whose topic, key, serializers, send mode and delivery settings
 * are fixed in readable code, plus (unless {@link #valueSerializer()} is given) a reflection-free JSON
 * {@code TSerializer} and {@code TDeserializer}, and a descriptor that Courier's source connectors read when a
 * connector's {@code message.class} names this type.
 *
 * <p>An attribute left at its default is <em>not fixed</em>: Kafka's default, or the value given at run time,
 * applies. An attribute given explicitly, even to its default value, is fixed: a runtime property that contradicts
 * it is an error. Every fixed setting is checked at compile time by the same rules the connector and the runtime
 * use ({@code dev.courier.config.ProducerRules}); a violation is a compile error on the attribute.
 *
 * <pre>{@code
 * @KafkaMessage(topic = "orders", sendMode = SendMode.SYNC, acks = Acks.ALL, idempotence = true)
 * public record OrderPlaced(@PartitionKey String orderId, long amountCents) {}
 * }</pre>
 *
 * <p>Retention is {@link RetentionPolicy#CLASS}: the annotation is in the class file for the processor but is
 * never loaded at run time; the generated code, not the annotation, carries the settings.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface KafkaMessage {

  /** The value of a numeric attribute that is not fixed at compile time. */
  int NOT_FIXED = -1;

  /**
   * The topic every message of this type is sent to. Required; must be a legal Kafka topic name (1 to 249
   * characters of {@code [a-zA-Z0-9._-]}, not {@code .} or {@code ..}).
   *
   * @return the topic name
   */
  String topic();

  /**
   * How {@code send} behaves and what it returns. Default {@link SendMode#ASYNC}.
   *
   * @return the send mode
   */
  SendMode sendMode() default SendMode.ASYNC;

  /**
   * Kafka's {@code acks}. Kafka's default is {@code all}.
   *
   * @return the acknowledgement level
   */
  Acks acks() default Acks.ALL;

  /**
   * Kafka's {@code enable.idempotence}. Kafka's default is {@code true}; it requires {@code acks=all},
   * {@code retries > 0} and {@code max.in.flight.requests.per.connection <= 5}.
   *
   * @return whether the producer is idempotent
   */
  boolean idempotence() default true;

  /**
   * Kafka's {@code transactional.id}; empty means not transactional. A transactional type's producer sends
   * inside transactions and gets a transaction scope. Each running producer instance needs its own id, so at run
   * time the value given here is the prefix to which the instance's own suffix may be appended.
   *
   * @return the transactional id (or prefix), or empty
   */
  String transactionalId() default "";

  /**
   * Kafka's {@code retries}; {@value #NOT_FIXED} means not fixed.
   *
   * @return the number of retries
   */
  int retries() default NOT_FIXED;

  /**
   * Kafka's {@code max.in.flight.requests.per.connection}; {@value #NOT_FIXED} means not fixed.
   *
   * @return the maximum number of unacknowledged requests per connection
   */
  int maxInFlight() default NOT_FIXED;

  /**
   * Kafka's {@code batch.size} in bytes; {@value #NOT_FIXED} means not fixed.
   *
   * @return the batch size in bytes
   */
  int batchSize() default NOT_FIXED;

  /**
   * Kafka's {@code linger.ms}; {@value #NOT_FIXED} means not fixed.
   *
   * @return how long to wait for a batch to fill, in milliseconds
   */
  long lingerMs() default NOT_FIXED;

  /**
   * Kafka's {@code buffer.memory} in bytes; {@value #NOT_FIXED} means not fixed.
   *
   * @return the producer's total buffer memory in bytes
   */
  long bufferMemory() default NOT_FIXED;

  /**
   * Kafka's {@code compression.type}. Kafka's default is {@code none}.
   *
   * @return the compression codec
   */
  Compression compression() default Compression.NONE;

  /**
   * Kafka's {@code delivery.timeout.ms}; {@value #NOT_FIXED} means not fixed. Must be at least
   * {@code linger.ms + request.timeout.ms}.
   *
   * @return the upper bound on the time to report a send's success or failure, in milliseconds
   */
  int deliveryTimeoutMs() default NOT_FIXED;

  /**
   * Kafka's {@code request.timeout.ms}; {@value #NOT_FIXED} means not fixed.
   *
   * @return how long the producer waits for the answer to one request, in milliseconds
   */
  int requestTimeoutMs() default NOT_FIXED;

  /**
   * The key serializer. By default it is inferred from the type of the {@link PartitionKey} member (String, UUID,
   * Long, Integer, Short, Double, Float, byte[]), using Kafka's stock serializer so that keys partition exactly as
   * other clients' do. A declared serializer must be a public class with a public no-argument constructor.
   *
   * @return the key serializer class, or {@link Inferred} for the inferred one
   */
  Class<? extends Serializer<?>> keySerializer() default Inferred.class;

  /**
   * The value serializer. By default a reflection-free JSON serializer {@code TSerializer} (and a matching
   * {@code TDeserializer}) is generated for the type. A declared serializer must be a public class with a public
   * no-argument constructor whose type argument is this message type.
   *
   * @return the value serializer class, or {@link Inferred} for the generated JSON codec
   */
  Class<? extends Serializer<?>> valueSerializer() default Inferred.class;

  /**
   * How the generated deserializer treats a member this type does not have: {@link Reading#TOLERANT} (the default)
   * skips it, so records written by a newer version of the type (with a member added) or an older one (with a member
   * since removed) still read; {@link Reading#STRICT} refuses it, naming it. Courier's connectors read
   * {@code message.class} input the same way, and may be configured to read more strictly, never less. Only for the
   * generated JSON codec: with a {@link #valueSerializer()} it is a compile error.
   *
   * @return the reading of unknown members
   */
  Reading reading() default Reading.TOLERANT;

  /**
   * Which changes of this type the build accepts, compared with its previous version's JSON Schema when the
   * processor is given one (option {@code courier.evolution.baseline}): {@link Compatibility#BACKWARD} (the default)
   * requires readers of this version to read the previous version's records. A change the level refuses is a compile
   * error on the member it is about. Only for the generated JSON codec: with a {@link #valueSerializer()} it is a
   * compile error.
   *
   * @return the compatibility level of this type with its previous version
   */
  Compatibility compatibility() default Compatibility.BACKWARD;

  /**
   * How the value is written: {@link ValueFormat#JSON} (the default), or {@link ValueFormat#SCHEMA_REGISTRY_JSON},
   * the same JSON framed with the id of the type's schema in a Schema Registry, which the generated producer
   * registers or looks up when it is created (runtime property {@code schema.registry.url}). Only for the generated
   * JSON codec: with a {@link #valueSerializer()} it is a compile error.
   *
   * @return the value's wire format
   */
  ValueFormat valueFormat() default ValueFormat.JSON;

  /**
   * The Schema Registry subject of the type's schema with {@link ValueFormat#SCHEMA_REGISTRY_JSON}:
   * {@link SubjectNaming#TOPIC} ({@code <topic>-value}, the default), {@link SubjectNaming#RECORD} or
   * {@link SubjectNaming#TOPIC_RECORD}. Given with {@link ValueFormat#JSON} it is a compile error, as it would have
   * no effect.
   *
   * @return how the subject is named
   */
  SubjectNaming subjectNaming() default SubjectNaming.TOPIC;

  /**
   * Whether the processor also generates {@code <Type>Outbox}, which writes a message as a row of the transactional
   * outbox table in the caller's database transaction ({@link dev.courier.runtime.Outbox}), for the JDBC source's
   * {@code mode=outbox} to relay with exactly the bytes, headers and timestamp {@code send} would give it. Off by
   * default: the class uses {@code java.sql}, which a modular application then has to require.
   *
   * @return whether to generate the outbox writer
   */
  boolean outbox() default false;

  /**
   * Other producer properties to fix, as {@code "key=value"} strings, for example
   * {@code "max.request.size=2097152"}. They are checked by the same rules as the named attributes; a key that a
   * named attribute covers must be set through that attribute.
   *
   * @return the extra fixed producer properties
   */
  String[] properties() default {};

  /**
   * The default of {@link #keySerializer()} and {@link #valueSerializer()}: Courier chooses the serializer. Never
   * instantiated.
   */
  abstract class Inferred implements Serializer<Object> {
    private Inferred() {}
  }
}
