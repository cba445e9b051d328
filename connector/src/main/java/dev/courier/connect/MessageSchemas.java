/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.connect;

import dev.courier.config.FieldDescriptor;
import dev.courier.config.FieldType;
import dev.courier.config.MessageDescriptor;
import java.util.List;
import java.util.Set;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;

/**
 * Connect schemas for {@code @KafkaMessage} types, built from their generated descriptor. Each member kind maps to
 * the Connect type whose JSON form (as {@code JsonConverter} with {@code schemas.enable=false} writes it) is the JSON
 * form Courier's generated serializer writes, byte for byte for the same object ({@code JsonAgreementTest} checks
 * every kind), so a record streamed by a connector and one sent by the generated producer are the same bytes:
 *
 * <table>
 *   <caption>Member kinds and Connect types</caption>
 *   <tr><th>FieldType.Kind</th><th>Connect schema</th><th>Connect value</th></tr>
 *   <tr><td>BOOLEAN</td><td>BOOLEAN</td><td>Boolean</td></tr>
 *   <tr><td>INT8, INT16, INT32, INT64</td><td>INT8, INT16, INT32, INT64</td><td>Byte, Short, Integer, Long</td></tr>
 *   <tr><td>FLOAT32, FLOAT64</td><td>FLOAT32, FLOAT64</td><td>Float, Double, rounded once from the decimal text
 *       as {@code Float.parseFloat}/{@code Double.parseDouble} do ({@code -0} stays negative zero)</td></tr>
 *   <tr><td>CHAR, STRING, ENUM</td><td>STRING</td><td>String (one character; any; a constant name)</td></tr>
 *   <tr><td>DECIMAL, BIG_INTEGER</td><td>STRING</td><td>the exact value's {@code BigDecimal.toString()} or
 *       {@code BigInteger.toString()} ({@code "12.50"}, {@code "1E+3"}): the codec writes these kinds as JSON strings
 *       too (see {@link FieldType.Kind#DECIMAL} for why not Connect's {@code Decimal})</td></tr>
 *   <tr><td>UUID</td><td>STRING</td><td>canonical lower-case form</td></tr>
 *   <tr><td>INSTANT, LOCAL_DATE, LOCAL_DATE_TIME, OFFSET_DATE_TIME</td><td>STRING</td><td>ISO-8601, normalized
 *       to the form {@code java.time}'s {@code toString()} writes</td></tr>
 *   <tr><td>BYTES</td><td>BYTES</td><td>byte[] (base64 in JSON)</td></tr>
 *   <tr><td>ARRAY</td><td>ARRAY of the element schema</td><td>List, in input order</td></tr>
 *   <tr><td>MAP</td><td>MAP from STRING to the value schema</td><td>Map, in input order (the codec writes a map in
 *       its iteration order: the same bytes when the application's map iterates in the same order)</td></tr>
 *   <tr><td>STRUCT</td><td>STRUCT named by the Java type, with its members</td><td>Struct</td></tr>
 * </table>
 *
 * <p>An optional member has an optional schema, and {@code null} is written as JSON {@code null}, as the codec writes a
 * {@code null} or empty {@code Optional} member; an absent optional member is {@code null} too. Elements of an ARRAY
 * and values of a MAP have an optional schema unless they are of a primitive Java type ({@code int[]}): a
 * {@code List<String>} may hold {@code null}, as it may in the application. The message itself is a STRUCT named by
 * the message class.
 */
public final class MessageSchemas {

  private static final Set<String> PRIMITIVES =
      Set.of("boolean", "byte", "short", "int", "long", "float", "double", "char");

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
          case ARRAY -> SchemaBuilder.array(schemaOf(element(type), elementsNullable(type)));
          case MAP -> SchemaBuilder.map(Schema.STRING_SCHEMA, schemaOf(element(type), elementsNullable(type)));
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

  /**
   * Whether the elements of an ARRAY or the values of a MAP may be {@code null}: unless their Java type is primitive
   * (the elements of an {@code int[]}), as for the generated codec, which writes and reads a {@code null} element of
   * a {@code List<String>} or {@code Map<String, Long>} as JSON {@code null}.
   *
   * @param container an ARRAY or MAP type
   * @return whether its elements are nullable
   */
  public static boolean elementsNullable(FieldType container) {
    return !PRIMITIVES.contains(element(container).javaType());
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
