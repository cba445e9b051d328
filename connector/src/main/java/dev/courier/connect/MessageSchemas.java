/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.connect;

import dev.courier.config.FieldDescriptor;
import dev.courier.config.FieldType;
import dev.courier.config.MessageDescriptor;
import java.util.List;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;

/**
 * Connect schemas for {@code @KafkaMessage} types, built from their generated descriptor. Each member kind maps to
 * the Connect type whose JSON form (as {@code JsonConverter} with {@code schemas.enable=false} writes it) is the JSON
 * form Courier's generated serializer writes, so a record streamed by a connector reads back with the generated
 * deserializer:
 *
 * <table>
 *   <caption>Member kinds and Connect types</caption>
 *   <tr><th>FieldType.Kind</th><th>Connect schema</th><th>Connect value</th></tr>
 *   <tr><td>BOOLEAN</td><td>BOOLEAN</td><td>Boolean</td></tr>
 *   <tr><td>INT8, INT16, INT32, INT64</td><td>INT8, INT16, INT32, INT64</td><td>Byte, Short, Integer, Long</td></tr>
 *   <tr><td>FLOAT32, FLOAT64</td><td>FLOAT32, FLOAT64</td><td>Float, Double</td></tr>
 *   <tr><td>CHAR, STRING, ENUM</td><td>STRING</td><td>String (one character; any; a constant name)</td></tr>
 *   <tr><td>DECIMAL, BIG_INTEGER</td><td>STRING</td><td>the exact digits as written (Connect's Decimal needs a
 *       fixed scale a BigDecimal member does not have)</td></tr>
 *   <tr><td>UUID</td><td>STRING</td><td>canonical lower-case form</td></tr>
 *   <tr><td>INSTANT, LOCAL_DATE, LOCAL_DATE_TIME, OFFSET_DATE_TIME</td><td>STRING</td><td>ISO-8601, normalized
 *       to the form {@code java.time}'s {@code toString()} writes</td></tr>
 *   <tr><td>BYTES</td><td>BYTES</td><td>byte[] (base64 in JSON)</td></tr>
 *   <tr><td>ARRAY</td><td>ARRAY of the element schema</td><td>List</td></tr>
 *   <tr><td>MAP</td><td>MAP from STRING to the value schema</td><td>Map</td></tr>
 *   <tr><td>STRUCT</td><td>STRUCT named by the Java type, with its members</td><td>Struct</td></tr>
 * </table>
 *
 * <p>An optional member has an optional schema; the message itself is a STRUCT named by the message class.
 */
public final class MessageSchemas {

  private MessageSchemas() {}

  /**
   * The value schema of a message type.
   *
   * @param descriptor the type's descriptor
   * @return a required STRUCT schema named by the message class, with one field per member in JSON order
   */
  public static Schema valueSchema(MessageDescriptor descriptor) {
    return struct(descriptor.messageClassName(), descriptor.fields(), false);
  }

  /**
   * The schema of one member type.
   *
   * @param type the member type
   * @param optional whether the member may be null
   * @return the schema
   */
  public static Schema schemaOf(FieldType type, boolean optional) {
    SchemaBuilder builder =
        switch (type.kind()) {
          case BOOLEAN -> SchemaBuilder.bool();
          case INT8 -> SchemaBuilder.int8();
          case INT16 -> SchemaBuilder.int16();
          case INT32 -> SchemaBuilder.int32();
          case INT64 -> SchemaBuilder.int64();
          case FLOAT32 -> SchemaBuilder.float32();
          case FLOAT64 -> SchemaBuilder.float64();
          case CHAR, STRING, ENUM, DECIMAL, BIG_INTEGER, UUID, INSTANT, LOCAL_DATE, LOCAL_DATE_TIME,
              OFFSET_DATE_TIME -> SchemaBuilder.string();
          case BYTES -> SchemaBuilder.bytes();
          case ARRAY -> SchemaBuilder.array(schemaOf(element(type), false));
          case MAP -> SchemaBuilder.map(Schema.STRING_SCHEMA, schemaOf(element(type), false));
          case STRUCT -> structBuilder(type.javaType(), type.fields());
        };
    if (optional) {
      builder.optional();
    }
    return builder.build();
  }

  /**
   * Whether every member of a type is a scalar (no ARRAY, MAP or STRUCT), as text columns need.
   *
   * @param fields the members
   * @return the first member that is not a scalar, or {@code null} when all are
   */
  public static FieldDescriptor firstNonScalar(List<FieldDescriptor> fields) {
    for (FieldDescriptor field : fields) {
      FieldType.Kind kind = field.type().kind();
      if (kind == FieldType.Kind.ARRAY || kind == FieldType.Kind.MAP || kind == FieldType.Kind.STRUCT) {
        return field;
      }
    }
    return null;
  }

  private static FieldType element(FieldType type) {
    return type.element().orElseThrow(() -> new IllegalArgumentException(type + " has no element type"));
  }

  private static Schema struct(String name, List<FieldDescriptor> fields, boolean optional) {
    SchemaBuilder builder = structBuilder(name, fields);
    if (optional) {
      builder.optional();
    }
    return builder.build();
  }

  private static SchemaBuilder structBuilder(String name, List<FieldDescriptor> fields) {
    SchemaBuilder builder = SchemaBuilder.struct().name(name);
    for (FieldDescriptor field : fields) {
      builder.field(field.name(), schemaOf(field.type(), field.optional()));
    }
    return builder;
  }
}
