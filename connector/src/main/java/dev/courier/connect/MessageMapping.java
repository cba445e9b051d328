/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.connect;

import dev.courier.config.FieldDescriptor;
import dev.courier.config.FieldType;
import dev.courier.config.MessageDescriptor;
import dev.courier.runtime.NullKeyException;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.header.ConnectHeaders;
import org.apache.kafka.connect.source.SourceRecord;

/**
 * Where a source's records go and how their key, headers and timestamp are found: either from the connector config
 * ({@code topic}, {@code key.field}) or from the generated descriptor of the {@code message.class} type (its topic,
 * {@code @PartitionKey} member, {@code @Header} members and {@code @Timestamp} member).
 *
 * <p>The key is the key member's value with the member's schema, so with {@code StringConverter} for keys a
 * {@code String} key is written as the same UTF-8 bytes the generated producer's {@code StringSerializer} writes,
 * and the default partitioner puts both on the same partition. A message whose key member is missing or
 * {@code null} is a bad record, as the generated producer refuses it, unless the type declares
 * {@code @PartitionKey(nullable = true)} ({@link MessageDescriptor#keyNullable()}).
 */
public final class MessageMapping {

  private final String topic;
  private final String keyField;
  private final MessageDescriptor descriptor;
  private final Schema valueSchema;

  private MessageMapping(String topic, String keyField, MessageDescriptor descriptor) {
    this.topic = Objects.requireNonNull(topic, "topic");
    this.keyField = keyField;
    this.descriptor = descriptor;
    this.valueSchema = descriptor == null ? null : MessageSchemas.valueSchema(descriptor);
  }

  /**
   * A mapping from the connector config.
   *
   * @param topic the topic
   * @param keyField the member or column whose value is the key, or {@code null} for {@code null} keys
   * @return the mapping
   */
  public static MessageMapping fromConfig(String topic, String keyField) {
    return new MessageMapping(topic, keyField == null || keyField.isBlank() ? null : keyField, null);
  }

  /**
   * A mapping from a message type's descriptor.
   *
   * @param descriptor the generated descriptor
   * @return the mapping
   * @throws IllegalArgumentException when the descriptor's timestamp member is not an INSTANT, OFFSET_DATE_TIME or
   *     INT64 (epoch milliseconds) member
   */
  public static MessageMapping fromDescriptor(MessageDescriptor descriptor) {
    descriptor.timestampField().ifPresent(name -> {
      FieldType.Kind kind = member(descriptor, name).type().kind();
      if (kind != FieldType.Kind.INSTANT && kind != FieldType.Kind.OFFSET_DATE_TIME && kind != FieldType.Kind.INT64) {
        throw new IllegalArgumentException("the @Timestamp member '" + name + "' of "
            + descriptor.messageClassName() + " is " + kind + "; a record timestamp needs an Instant,"
            + " an OffsetDateTime or a long of epoch milliseconds");
      }
    });
    descriptor.keyField().ifPresent(name -> member(descriptor, name));
    descriptor.headerFields().values().forEach(name -> member(descriptor, name));
    return new MessageMapping(descriptor.topic(), descriptor.keyField().orElse(null), descriptor);
  }

  private static FieldDescriptor member(MessageDescriptor descriptor, String name) {
    return descriptor.fields().stream()
        .filter(f -> f.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("the descriptor of " + descriptor.messageClassName()
            + " names member '" + name + "', which is not one of its fields"));
  }

  /**
   * The topic records go to.
   *
   * @return the topic
   */
  public String topic() {
    return topic;
  }

  /**
   * The member or column whose value is the key.
   *
   * @return the key member, or empty for {@code null} keys
   */
  public Optional<String> keyField() {
    return Optional.ofNullable(keyField);
  }

  /**
   * The message type's descriptor.
   *
   * @return the descriptor, or empty when the mapping comes from the config
   */
  public Optional<MessageDescriptor> descriptor() {
    return Optional.ofNullable(descriptor);
  }

  /**
   * The value schema of the message type.
   *
   * @return the schema, or {@code null} without a message type
   */
  public Schema valueSchema() {
    return valueSchema;
  }

  /**
   * Builds the record for a value whose schema is a STRUCT (a message, or a row with a schema of its own).
   *
   * @param partition the source partition
   * @param offset the source offset after this record
   * @param value the value
   * @return the record
   * @throws BadRecordException when the key member is not in the value, or is {@code null} while the message type
   *     does not declare its key nullable
   */
  public SourceRecord record(Map<String, ?> partition, Map<String, ?> offset, Struct value)
      throws BadRecordException {
    Schema keySchema = null;
    Object key = null;
    if (keyField != null) {
      Field field = value.schema().field(keyField);
      if (field == null) {
        throw new BadRecordException("the key member '" + keyField + "' is not in the record (members: "
            + value.schema().fields().stream().map(Field::name).toList() + ")");
      }
      keySchema = field.schema();
      key = value.get(field);
      if (key == null && descriptor != null && !descriptor.keyNullable()) {
        throw new BadRecordException(NullKeyException.reason(descriptor.messageClassName(), keyField));
      }
    }
    ConnectHeaders headers = new ConnectHeaders();
    Long timestamp = null;
    if (descriptor != null) {
      for (Map.Entry<String, String> header : descriptor.headerFields().entrySet()) {
        Object member = value.get(header.getValue());
        if (member != null) {
          // As the generated producer does: a null member adds no header.
          headers.addString(header.getKey(), headerText(member));
        }
      }
      if (descriptor.timestampField().isPresent()) {
        timestamp = timestamp(value.get(descriptor.timestampField().get()));
      }
    }
    return new SourceRecord(partition, offset, topic, null, keySchema, key, value.schema(), value, timestamp,
        headers);
  }

  /**
   * Builds the record for a schemaless value (a JSON object read without a message type).
   *
   * @param partition the source partition
   * @param offset the source offset after this record
   * @param value the value
   * @return the record
   * @throws BadRecordException when the key member is missing
   */
  public SourceRecord record(Map<String, ?> partition, Map<String, ?> offset, Map<String, Object> value)
      throws BadRecordException {
    Object key = null;
    if (keyField != null) {
      if (!value.containsKey(keyField)) {
        throw new BadRecordException("the key member '" + keyField + "' (key.field) is missing");
      }
      key = value.get(keyField);
    }
    return new SourceRecord(partition, offset, topic, null, null, key, null, value);
  }

  /**
   * Builds the record for a plain text value, with a {@code null} key.
   *
   * @param partition the source partition
   * @param offset the source offset after this record
   * @param value the text
   * @return the record
   */
  public SourceRecord record(Map<String, ?> partition, Map<String, ?> offset, String value) {
    return new SourceRecord(partition, offset, topic, null, null, null, Schema.STRING_SCHEMA, value);
  }

  /** A header value as text: strings as they are, bytes in base64, other values in their JSON text form. */
  private static String headerText(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof byte[] bytes) {
      return Base64.getEncoder().encodeToString(bytes);
    }
    return value.toString();
  }

  private static Long timestamp(Object value) throws BadRecordException {
    if (value == null) {
      return null;
    }
    if (value instanceof Long millis) {
      if (millis < 0) {
        throw new BadRecordException("the @Timestamp member is " + millis + "; a record timestamp cannot be negative");
      }
      return millis;
    }
    String text = value.toString();
    long millis = OffsetDateTime.parse(text).toInstant().toEpochMilli();
    if (millis < 0) {
      throw new BadRecordException("the @Timestamp member is " + text + ", before 1970; a record timestamp cannot"
          + " be negative");
    }
    return millis;
  }
}
