/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.processor;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.keyword.AnnotationKeyword;
import dev.courier.Reading;
import dev.courier.processor.fixtures.AllTypes;
import dev.courier.processor.fixtures.AllTypesDeserializer;
import dev.courier.processor.fixtures.AllTypesSerializer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.apache.kafka.common.errors.SerializationException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The generated JSON Schema of a type accepts exactly what the type's generated reader reads, checked with a real
 * validator (networknt's json-schema-validator, draft 2020-12, {@code format} as an annotation as the draft says) on
 * {@code AllTypes}, which reaches every member kind:
 * <ul>
 *   <li>everything the generated serializer writes is valid;
 *   <li>documents edited from written ones (a member's value replaced by another JSON value, from a pool of values at
 *       and beyond every kind's edges, a member removed, an unknown member added) are valid exactly when the reader
 *       reads them, and so are random JSON documents.
 * </ul>
 * Both readings are checked: the type's own (tolerant, {@code additionalProperties: true}) and strict, against the
 * same schema closed as a strict type's is ({@code additionalProperties: false}).
 * The one thing JSON Schema cannot say is checked on its own: a member given twice is refused by the reader, and a
 * validator, which sees the parsed object, cannot know.
 */
class SchemaAgreementTest {
  /** Draft 2020-12, knowing Courier's two annotation keywords (validators ignore them; networknt warns otherwise). */
  private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(
      Dialect.builder(Dialects.getDraft202012())
          .keyword(new AnnotationKeyword("x-courier-topic"))
          .keyword(new AnnotationKeyword("x-courier-key"))
          .build());
  private static final AllTypesSerializer SERIALIZER = new AllTypesSerializer();
  private static final AllTypesDeserializer DESERIALIZER = new AllTypesDeserializer();
  private static final AllTypesDeserializer STRICT_DESERIALIZER = new AllTypesDeserializer(Reading.STRICT);
  private static final String SCHEMA_TEXT = schemaText("dev.courier.processor.fixtures.AllTypes");
  private static final Schema SCHEMA = REGISTRY.getSchema(SCHEMA_TEXT);
  /**
   * AllTypes as a strict type's schema is written: every object of a member type closed. (A strict type's schema
   * itself is pinned by GoldenFilesTest, Shipment.)
   */
  private static final Schema STRICT_SCHEMA =
      REGISTRY.getSchema(SCHEMA_TEXT.replace("\"additionalProperties\": true", "\"additionalProperties\": false"));
  private static final JsonMapper STRICT_JSON =
      JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
  /**
   * How the validator is given a document: JSON numbers as exact values, and those whose value is an integer as
   * integers ({@link #exact}). JSON Schema compares numbers by value; networknt's validator (3.0.9, on Jackson 3)
   * calls {@code asLong()} on any number it checks against an integer bound, which throws for {@code 1e19} instead of
   * finding it out of range, and a double would round.
   */
  private static final JsonMapper EXACT_JSON = JsonMapper.builder()
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS, DeserializationFeature.USE_BIG_INTEGER_FOR_INTS)
      .build();

  /** Values at and beyond the edges of every member kind, as JSON. */
  private static final List<String> POOL = List.of(
      "null", "true", "false", "0", "-0", "1", "-1", "1.0", "1.5", "2e3", "2E+3", "1e-3", "-0.0",
      "127", "128", "-128", "-129", "32767", "32768", "-32769", "2147483647", "2147483648", "-2147483649",
      "9223372036854775807", "9223372036854775808", "-9223372036854775809", "99999999999999999999999", "1e19",
      "3.4028235e38", "3.4028236e38", "-3.5e38", "1.7976931348623157e308", "1.8e308", "-1e309", "1e-400",
      "\"\"", "\"a\"", "\"ab\"", "\"\\u00e9\"", "\"\\ud83d\\ude00\"", "\"\\ud800\"", "\"OPEN\"", "\"open\"",
      "\"CLOSED\"", "\"12.50\"", "\"1E+3\"", "\"-.5\"", "\"1.\"", "\"+7\"", "\"1e\"", "\"12,5\"", "\"\\u0661\\u0662\"",
      "\"-42\"", "\"4.0\"", "\"0x10\"", "\"123e4567-e89b-12d3-a456-426614174000\"",
      "\"123E4567-E89B-12D3-A456-426614174000\"", "\"123e4567e89b12d3a456426614174000\"",
      "\"123e4567-e89b-12d3-a456-42661417400\"", "\"2026-11-27\"", "\"2026-02-29\"", "\"2024-02-29\"",
      "\"1900-02-29\"", "\"2000-02-29\"", "\"0000-02-29\"", "\"2026-04-31\"", "\"2026-13-01\"", "\"+10000-01-01\"",
      "\"2026-11-27T10:15:30Z\"", "\"2026-11-27t10:15:30z\"", "\"2026-11-27T10:15Z\"", "\"2026-11-27T10:15\"",
      "\"2026-11-27T10:15:30\"", "\"2026-11-27T10:15:30.123456789\"", "\"2026-11-27T10:15:30.1234567891Z\"",
      "\"2026-11-27T10:15:30.Z\"", "\"2026-11-27T24:00:00Z\"", "\"2026-11-27T10:15:60Z\"",
      "\"2026-11-27T10:15:30+01:00\"", "\"2026-11-27T10:15+01:00\"", "\"2026-11-27T10:15:30+0100\"",
      "\"2026-11-27T10:15:30+18:00\"", "\"2026-11-27T10:15:30+18:01\"", "\"2026-11-27T10:15:30-19:00\"",
      "\"2026-02-30T10:15:30Z\"", "\"2026-11-27 10:15:30Z\"", "\"2026-11-27\\n\"", "\"QQ==\"", "\"QUI=\"",
      "\"QUJD\"", "\"QQ\"", "\"Q Q==\"", "\"QQ==\\n\"", "\"-_8=\"", "\"=\"", "[]", "[1]", "[1,2,1]", "[null]",
      "[\"a\"]", "[[1]]", "{}", "{\"a\":1}", "{\"a\":null}", "{\"street\":\"x\"}", "{\"zz\":1}");

  @Property(seed = "20261207")
  void everythingTheSerializerWritesIsValid(@ForAll("values") AllTypes value) {
    String json = new String(SERIALIZER.serialize("t", value), StandardCharsets.UTF_8);
    assertThat(errors(json)).as(json).isEmpty();
  }

  @Property(seed = "612")
  void anEditedDocumentIsValidExactlyWhenItIsRead(@ForAll("values") AllTypes value, @ForAll long editSeed) {
    Random random = new Random(editSeed);
    JsonNode tree = STRICT_JSON.readTree(SERIALIZER.serialize("t", value));
    int edits = 1 + random.nextInt(3);
    for (int i = 0; i < edits; i++) {
      edit(tree, random);
    }
    assertAgree(STRICT_JSON.writeValueAsString(tree));
  }

  @Property(seed = "4712")
  void aRandomDocumentIsValidExactlyWhenItIsRead(@ForAll("documents") String json) {
    try {
      STRICT_JSON.readTree(json);
    } catch (JacksonException e) {
      // Not JSON, or a member given twice: the reader refuses it (what JSON Schema cannot say).
      assertThat(reads(json)).as(json).isFalse();
      return;
    }
    assertAgree(json);
  }

  @Example
  void eachPoolValueInEachMemberAgrees() {
    JsonNode written = STRICT_JSON.readTree(SERIALIZER.serialize("t", JsonCodecTest.full()));
    for (String member : List.copyOf(written.propertyNames())) {
      for (String value : POOL) {
        ObjectNode tree = (ObjectNode) written.deepCopy();
        tree.set(member, STRICT_JSON.readTree(value));
        assertAgree(STRICT_JSON.writeValueAsString(tree));
      }
    }
  }

  @Example
  void aMemberGivenTwiceIsRefusedByTheReaderAlone() {
    String written = new String(SERIALIZER.serialize("t", JsonCodecTest.full()), StandardCharsets.UTF_8);
    String json = "{\"count\":1," + written.substring(1);
    assertThat(reads(json)).isFalse();
    assertThat(errors(json)).isEmpty();
  }

  // ------------------------------------------------------------------------------------------------ the oracle

  /** The schema and the reader agree, for the type's tolerant reading and for strict reading. */
  private static void assertAgree(String json) {
    assertAgree(json, SCHEMA, DESERIALIZER);
    assertAgree(json, STRICT_SCHEMA, STRICT_DESERIALIZER);
  }

  private static void assertAgree(String json, Schema schema, AllTypesDeserializer reader) {
    List<Error> errors = schema.validate(exact(EXACT_JSON.readTree(json)));
    String refusal = refusal(json, reader);
    assertThat(errors.isEmpty())
        .as("schema says %s, the reader %s, for %s", errors.isEmpty() ? "valid" : "invalid " + errors,
            refusal == null ? "reads it" : "refuses it (" + refusal + ")", json)
        .isEqualTo(refusal == null);
  }

  private static List<Error> errors(String json) {
    return SCHEMA.validate(exact(EXACT_JSON.readTree(json)));
  }

  /** The same JSON value, each number whose value is an integer (of at most 1000 digits) as an integer node. */
  private static JsonNode exact(JsonNode node) {
    if (node.isBigDecimal()) {
      BigDecimal value = node.decimalValue().stripTrailingZeros();
      if (value.scale() <= 0 && value.precision() - value.scale() <= 1000) {
        return JsonNodeFactory.instance.numberNode(value.toBigIntegerExact());
      }
      return node;
    }
    if (node instanceof ObjectNode object) {
      for (String name : List.copyOf(object.propertyNames())) {
        object.set(name, exact(object.get(name)));
      }
    } else if (node instanceof ArrayNode array) {
      for (int i = 0; i < array.size(); i++) {
        array.set(i, exact(array.get(i)));
      }
    }
    return node;
  }

  private static boolean reads(String json) {
    return refusal(json, DESERIALIZER) == null;
  }

  private static String refusal(String json, AllTypesDeserializer reader) {
    try {
      reader.deserialize("t", json.getBytes(StandardCharsets.UTF_8));
      return null;
    } catch (SerializationException e) {
      return e.getMessage();
    }
  }

  private static String schemaText(String binaryName) {
    String path = "META-INF/courier/schemas/" + binaryName + ".json";
    try (InputStream in = SchemaAgreementTest.class.getClassLoader().getResourceAsStream(path)) {
      assertThat(in).as("the generated schema %s", path).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  // ------------------------------------------------------------------------------------------------ generators

  /** Replaces a random value in the tree with one from the pool, removes a member, or adds an unknown one. */
  private static void edit(JsonNode tree, Random random) {
    List<JsonNode> containers = new ArrayList<>();
    collect(tree, containers);
    JsonNode container = containers.get(random.nextInt(containers.size()));
    JsonNode value = STRICT_JSON.readTree(POOL.get(random.nextInt(POOL.size())));
    if (container instanceof ObjectNode object) {
      List<String> names = List.copyOf(object.propertyNames());
      int choice = random.nextInt(10);
      if (names.isEmpty() || choice == 0) {
        object.set("unknown" + random.nextInt(3), value);
      } else if (choice == 1) {
        object.remove(names.get(random.nextInt(names.size())));
      } else {
        object.set(names.get(random.nextInt(names.size())), value);
      }
    } else if (container instanceof ArrayNode array) {
      if (array.isEmpty()) {
        array.add(value);
      } else {
        array.set(random.nextInt(array.size()), value);
      }
    }
  }

  private static void collect(JsonNode node, List<JsonNode> containers) {
    if (node.isObject() || node.isArray()) {
      containers.add(node);
      for (JsonNode child : node.values()) {
        collect(child, containers);
      }
    }
  }

  @Provide
  Arbitrary<AllTypes> values() {
    return Arbitraries.randomValue(random -> new JsonDeserializerFuzzTest.RandomValues(random, false).allTypes())
        .withoutEdgeCases();
  }

  @Provide
  Arbitrary<String> documents() {
    return Arbitraries.randomValue(random -> {
      StringBuilder out = new StringBuilder();
      new JsonDeserializerFuzzTest.RandomJson(random).object(out, 0, true);
      return out.toString();
    }).withoutEdgeCases();
  }
}
