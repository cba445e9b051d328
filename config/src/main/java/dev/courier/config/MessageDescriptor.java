/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.config;

import dev.courier.Reading;
import dev.courier.SubjectNaming;
import dev.courier.ValueFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What Courier's source connectors need to know of a {@code @KafkaMessage} type: its topic, key, headers,
 * timestamp, members and fixed producer settings. The annotation processor generates one implementation per
 * message type, in the type's package, named by {@link #descriptorClassName(String)}; a connector whose
 * {@code message.class} names the type loads it by that name with {@link #load(String, ClassLoader)}. No service
 * registration is involved, so the processor stays isolating for incremental builds.
 */
public interface MessageDescriptor {

  /**
   * The binary name of the message type, for example {@code com.acme.Outer$Inner}.
   *
   * @return the message class name
   */
  String messageClassName();

  /**
   * The topic the type's records are sent to.
   *
   * @return the topic
   */
  String topic();

  /**
   * The JSON name of the {@code @PartitionKey} member.
   *
   * @return the key member, or empty when records have a {@code null} key
   */
  Optional<String> keyMember();

  /**
   * Whether a record may have a {@code null} key: {@code true} when the type has no {@code @PartitionKey} member, or
   * declares it {@code @PartitionKey(nullable = true)}. Otherwise an input record whose key member is missing or
   * {@code null} is a bad record, as the generated producer refuses such a message. The default, for descriptors
   * generated before this method existed, is {@code true} only without a key member.
   *
   * @return whether a {@code null} key is sent as it is
   */
  default boolean keyNullable() {
    return keyMember().isEmpty();
  }

  /**
   * The class name of the key serializer the generated producer uses.
   *
   * @return the key serializer class name, or empty when there is no key
   */
  Optional<String> keySerializer();

  /**
   * The {@code @Header} members.
   *
   * @return header name to JSON member name, sorted by header name
   */
  Map<String, String> headerMembers();

  /**
   * The JSON name of the {@code @Timestamp} member.
   *
   * @return the timestamp member, or empty
   */
  Optional<String> timestampMember();

  /**
   * The members, in the order the generated JSON serializer writes them.
   *
   * @return the members
   */
  List<MemberDescriptor> members();

  /**
   * The producer settings the type fixes.
   *
   * @return the fixed settings, with origins
   */
  ProducerSettings settings();

  /**
   * How the type's values are written on the wire, {@code @KafkaMessage(valueFormat)}. The default, for descriptors
   * generated before the attribute existed, is {@link ValueFormat#JSON}.
   *
   * @return the value format
   */
  default ValueFormat valueFormat() {
    return ValueFormat.JSON;
  }

  /**
   * The type's Schema Registry subject naming, {@code @KafkaMessage(subjectNaming)}; it matters only with
   * {@link ValueFormat#SCHEMA_REGISTRY_JSON}.
   *
   * @return the subject naming
   */
  default SubjectNaming subjectNaming() {
    return SubjectNaming.TOPIC;
  }

  /**
   * How the type's generated reader treats a member the type does not have, as its {@code @KafkaMessage(reading)}
   * declares. The default, for descriptors generated before this method existed (whose readers were strict), and for
   * types with their own value serializer (which have no JSON reader), is {@link Reading#STRICT}.
   *
   * @return the type's reading
   */
  default Reading reading() {
    return Reading.STRICT;
  }

  /**
   * The naming convention: the descriptor of {@code com.acme.Outer$Inner} is {@code com.acme.Outer_InnerDescriptor}
   * (nested names joined by {@code _}, as for every class Courier generates).
   *
   * @param messageClassName the binary name of the message type
   * @return the binary name of its descriptor class
   */
  static String descriptorClassName(String messageClassName) {
    int lastDot = messageClassName.lastIndexOf('.');
    String packagePrefix = messageClassName.substring(0, lastDot + 1);
    String simpleNames = messageClassName.substring(lastDot + 1).replace('$', '_');
    return packagePrefix + simpleNames + "Descriptor";
  }

  /**
   * Loads the generated descriptor of a message type.
   *
   * @param messageClassName the binary name of a {@code @KafkaMessage} type
   * @param loader the class loader that sees the type (a connector's plugin loader)
   * @return the descriptor
   * @throws IllegalArgumentException when the class has no generated descriptor, saying why and how to fix it
   */
  static MessageDescriptor load(String messageClassName, ClassLoader loader) {
    String name = descriptorClassName(messageClassName);
    try {
      Class<?> type = Class.forName(name, true, loader);
      Object descriptor = type.getDeclaredConstructor().newInstance();
      if (!(descriptor instanceof MessageDescriptor messageDescriptor)) {
        throw new IllegalArgumentException(name + " is not a Courier MessageDescriptor");
      }
      return messageDescriptor;
    } catch (ClassNotFoundException e) {
      throw new IllegalArgumentException(
          "No Courier descriptor "
              + name
              + " for "
              + messageClassName
              + ". Check that the class is annotated with @KafkaMessage, was compiled with"
              + " courier-annotation-processor, and that its jar is on the connector's plugin path.",
          e);
    } catch (ReflectiveOperationException | LinkageError e) {
      throw new IllegalArgumentException("Cannot instantiate the Courier descriptor " + name + ": " + e, e);
    }
  }
}
