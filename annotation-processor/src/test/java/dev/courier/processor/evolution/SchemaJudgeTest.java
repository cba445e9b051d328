/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.processor.evolution;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What the evolution corpus cannot show with generated types: a recursive type ends, a break deep in it is found
 * with its path, and what is outside Courier's vocabulary is never taken as compatible.
 */
class SchemaJudgeTest {

  private static final String TREE = """
      {"type": "object", "properties": {"root": {"anyOf": [{"$ref": "#/$defs/Node"}, {"type": "null"}]}},
       "additionalProperties": true,
       "$defs": {"Node": {"type": "object", "properties": {
         "name": {"type": ["string", "null"]},
         "weight": %s,
         "children": {"type": ["array", "null"], "items": {"anyOf": [{"$ref": "#/$defs/Node"}, {"type": "null"}]}}},
         "additionalProperties": true}}}
      """;

  private static Map<String, Object> tree(String weight) throws IOException {
    return JsonTree.parseObject(TREE.formatted(weight));
  }

  @Test
  void aRecursiveTypeIsComparedOnceAndEnds() throws IOException {
    Map<String, Object> schema = tree("{\"type\": \"integer\", \"minimum\": 0, \"maximum\": 10}");

    assertThat(SchemaJudge.breaks(schema, schema)).isEmpty();
  }

  @Test
  void aNarrowedMemberOfARecursiveTypeIsFoundWithItsPath() throws IOException {
    Map<String, Object> wide = tree("{\"type\": \"integer\", \"minimum\": 0, \"maximum\": 1000}");
    Map<String, Object> narrow = tree("{\"type\": \"integer\", \"minimum\": 0, \"maximum\": 10}");

    List<SchemaJudge.Break> breaks = SchemaJudge.breaks(narrow, wide);

    assertThat(breaks).singleElement().satisfies(found -> {
      assertThat(found.kind()).isEqualTo(SchemaJudge.Kind.TYPE);
      assertThat(found.pathText()).isEqualTo("root.weight");
      assertThat(found.written()).isEqualTo("integers from 0 to 1000");
      assertThat(found.read()).isEqualTo("integers from 0 to 10");
    });
    assertThat(SchemaJudge.breaks(wide, narrow)).isEmpty();
  }

  @Test
  void whatIsOutsideCouriersVocabularyIsNotTakenAsCompatible() throws IOException {
    Map<String, Object> courier = tree("{\"type\": \"integer\"}");
    Map<String, Object> foreign = tree("{\"oneOf\": [{\"type\": \"integer\"}], \"type\": \"thing\"}");

    assertThat(SchemaJudge.breaks(courier, foreign)).extracting(SchemaJudge.Break::pathText)
        .containsExactly("root.weight");
  }

  @Test
  void anEnumConstantIsAcceptedByAStringOfAPatternItMatches() throws IOException {
    Map<String, Object> reader = JsonTree.parseObject(
        "{\"type\": \"object\", \"properties\": {\"s\": {\"type\": \"string\", \"pattern\": \"^[A-Z]+$\"}}}");
    Map<String, Object> upper = JsonTree.parseObject(
        "{\"type\": \"object\", \"properties\": {\"s\": {\"enum\": [\"NEW\", \"PAID\"]}}}");
    Map<String, Object> lower = JsonTree.parseObject(
        "{\"type\": \"object\", \"properties\": {\"s\": {\"enum\": [\"NEW\", \"paid\"]}}}");

    assertThat(SchemaJudge.breaks(reader, upper)).isEmpty();
    assertThat(SchemaJudge.breaks(reader, lower)).singleElement()
        .satisfies(found -> assertThat(found.written()).isEqualTo("\"paid\""));
  }
}
