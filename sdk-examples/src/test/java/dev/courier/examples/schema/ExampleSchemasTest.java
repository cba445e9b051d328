/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.examples.schema;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.keyword.AnnotationKeyword;
import com.networknt.schema.SpecificationVersion;
import dev.courier.config.MemberDescriptor;
import dev.courier.config.MemberType;
import dev.courier.config.MessageDescriptor;
import dev.courier.runtime.MessageContract;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Random;
import java.util.UUID;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every example type whose value is Courier's JSON form has a generated JSON Schema that is itself a valid draft
 * 2020-12 schema, and that every message its generated serializer writes is valid against. The messages are random
 * (fixed seeds): documents built from the type's descriptor, read by its generated deserializer, written again by its
 * generated serializer. {@code AuditEvent} declares its own value serializer, so Courier does not know its form and
 * generates no schema; the test checks that too.
 */
class ExampleSchemasTest {
  private static final int MESSAGES = 300;
  private static final JsonFactory JSON = new JsonFactory();
  /** Draft 2020-12, knowing Courier's two annotation keywords (validators ignore them; networknt warns otherwise). */
  private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(
      Dialect.builder(Dialects.getDraft202012())
          .keyword(new AnnotationKeyword("x-courier-topic"))
          .keyword(new AnnotationKeyword("x-courier-key"))
          .build());

  @ParameterizedTest
  @ValueSource(strings = {"dev.courier.examples.orders.OrderPlaced", "dev.courier.examples.orders.OrderPlacedAsync",
      "dev.courier.examples.orders.OrderPlacedFireAndForget", "dev.courier.examples.clickstream.PageViewed",
      "dev.courier.examples.shipping.ShipmentDispatched", "dev.courier.examples.payments.PaymentCaptured"})
  void everyWrittenMessageIsValidAgainstTheTypesSchema(String type) {
    String text = schemaText(type);
    Schema metaSchema = REGISTRY.getSchema(SchemaLocation.of(SpecificationVersion.DRAFT_2020_12.getDialectId()));
    assertThat(metaSchema.validate(text, InputFormat.JSON)).as("%s is a draft 2020-12 schema", type).isEmpty();
    Schema schema = REGISTRY.getSchema(text);

    MessageContract<Object, ?, Object> contract = contract(type);
    Deserializer<Object> reader = contract.newJsonReader().orElseThrow();
    Serializer<Object> writer = contract.newValueSerializer();
    Random random = new Random(type.hashCode());
    for (int i = 0; i < MESSAGES; i++) {
      String document = document(MemberType.struct(type, contract.members()), random);
      Object message = reader.deserialize(contract.topic(), document.getBytes(StandardCharsets.UTF_8));
      String written = new String(writer.serialize(contract.topic(), message), StandardCharsets.UTF_8);
      assertThat(schema.validate(written, InputFormat.JSON)).as("%s", written).isEmpty();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"dev.courier.examples.audit.AuditEvent"})
  void aTypeWithItsOwnValueSerializerHasNoSchema(String type) {
    assertThat(getClass().getClassLoader().getResource(path(type))).isNull();
  }

  private static String path(String type) {
    return "META-INF/courier/schemas/" + type + ".json";
  }

  private static String schemaText(String type) {
    try (InputStream in = ExampleSchemasTest.class.getClassLoader().getResourceAsStream(path(type))) {
      assertThat(in).as("the generated schema of %s", type).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @SuppressWarnings("unchecked")
  private static MessageContract<Object, ?, Object> contract(String type) {
    return (MessageContract<Object, ?, Object>) MessageDescriptor.load(type, ExampleSchemasTest.class
        .getClassLoader());
  }

  // ------------------------------------------------------------------------------------------------ documents

  /** A random document of a struct type, with every value in its kind's range. */
  static String document(MemberType type, Random random) {
    StringWriter out = new StringWriter();
    try (JsonGenerator generator = JSON.createGenerator(out)) {
      value(generator, type, false, random, 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  private static void value(JsonGenerator out, MemberType type, boolean nullable, Random random, int depth)
      throws IOException {
    if (nullable && random.nextInt(6) == 0) {
      out.writeNull();
      return;
    }
    switch (type.kind()) {
      case BOOLEAN -> out.writeBoolean(random.nextBoolean());
      case INT8 -> out.writeNumber((byte) random.nextInt());
      case INT16 -> out.writeNumber((short) random.nextInt());
      case INT32 -> out.writeNumber(random.nextInt());
      case INT64 -> out.writeNumber(random.nextLong());
      case FLOAT32 -> out.writeNumber((random.nextFloat() - 0.5f) * (float) Math.pow(10, random.nextInt(30) - 15));
      case FLOAT64 -> out.writeNumber((random.nextDouble() - 0.5) * Math.pow(10, random.nextInt(40) - 20));
      case CHAR -> out.writeString(String.valueOf((char) ('a' + random.nextInt(26))));
      case STRING -> out.writeString(text(random));
      case DECIMAL -> out.writeString(new BigDecimal(new BigInteger(64, random), random.nextInt(10) - 2).toString());
      case BIG_INTEGER -> out.writeString(new BigInteger(100, random).negate().toString());
      case UUID -> out.writeString(new UUID(random.nextLong(), random.nextLong()).toString());
      case INSTANT -> out.writeString(Instant.ofEpochSecond(random.nextInt(), random.nextInt(1_000_000_000))
          .toString());
      case LOCAL_DATE -> out.writeString(date(random).toString());
      case LOCAL_DATE_TIME -> out.writeString(dateTime(random).toString());
      case OFFSET_DATE_TIME -> out.writeString(OffsetDateTime.of(dateTime(random),
          ZoneOffset.ofTotalSeconds(60 * (random.nextInt(2161) - 1080))).toString());
      case BYTES -> {
        byte[] bytes = new byte[random.nextInt(12)];
        random.nextBytes(bytes);
        out.writeString(Base64.getEncoder().encodeToString(bytes));
      }
      case ENUM -> out.writeString(type.symbols().get(random.nextInt(type.symbols().size())));
      case ARRAY -> {
        out.writeStartArray();
        int size = depth > 2 ? 0 : random.nextInt(4);
        for (int i = 0; i < size; i++) {
          value(out, type.element().orElseThrow(), false, random, depth + 1);
        }
        out.writeEndArray();
      }
      case MAP -> {
        out.writeStartObject();
        int size = depth > 2 ? 0 : random.nextInt(4);
        for (int i = 0; i < size; i++) {
          out.writeFieldName("k" + i + text(random));
          value(out, type.element().orElseThrow(), false, random, depth + 1);
        }
        out.writeEndObject();
      }
      case STRUCT -> {
        out.writeStartObject();
        for (MemberDescriptor member : type.members()) {
          if (member.optional() && random.nextInt(8) == 0) {
            continue;
          }
          out.writeFieldName(member.name());
          value(out, member.type(), member.optional(), random, depth + 1);
        }
        out.writeEndObject();
      }
      default -> throw new IllegalArgumentException(type.toString());
    }
  }

  private static String text(Random random) {
    StringBuilder text = new StringBuilder();
    int length = random.nextInt(8);
    for (int i = 0; i < length; i++) {
      text.appendCodePoint(switch (random.nextInt(4)) {
        case 0 -> 'a' + random.nextInt(26);
        case 1 -> random.nextInt(32);
        case 2 -> 0x00e0 + random.nextInt(200);
        default -> 0x1f600 + random.nextInt(50);
      });
    }
    return text.toString();
  }

  private static LocalDate date(Random random) {
    return LocalDate.ofEpochDay(random.nextInt(2_000_000) - 700_000);
  }

  private static LocalDateTime dateTime(Random random) {
    return LocalDateTime.of(date(random), LocalTime.ofNanoOfDay(Math.floorMod(random.nextLong(), 86_400_000_000_000L)));
  }
}
