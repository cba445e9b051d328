/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.processor.evolution;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Decides whether a reader's schema accepts every document a writer's schema allows, and where not, why: the core of
 * the evolution check. Both are schemas as Courier generates them (draft 2020-12, the vocabulary of
 * {@code SchemaWriter}), read into trees by {@link JsonTree}.
 *
 * <p>Each schema is taken apart into the alternatives it allows (null, booleans, integers or numbers within bounds,
 * strings of a pattern and length, single enum constants, arrays, maps, objects with properties), resolving
 * {@code $ref}s in its own document's {@code $defs}. Every alternative of the writer must be accepted by one of the
 * reader's: a number by a number alternative whose bounds contain its bounds (an integer reader refuses fractions),
 * a string by a string alternative with no pattern or the same pattern and wider lengths, an enum constant by the
 * same constant or by a string alternative it matches. Objects are compared member by member: a member the writer
 * may write must be accepted by the reader's member of that name, or, when the reader has none, skipped by a
 * reader that is open ({@code additionalProperties} not {@code false}); a member the reader requires must be
 * required by the writer too. A pair of nested types already being compared is taken as compatible, so recursive
 * types end.
 *
 * <p>The writer is taken to write only the members its schema lists, which holds for Courier's generated
 * serializers; the judge is conservative where a union of the reader's alternatives would accept together what no
 * one of them accepts alone (which Courier's schemas never need).
 */
final class SchemaJudge {

  /** What breaks. */
  enum Kind {
    /** The reader requires a member the writer may leave out. */
    REQUIRED,
    /** The writer may write a member the reader does not have, and the reader refuses unknown members. */
    UNKNOWN,
    /** The writer may write a value in a member that the reader's member refuses. */
    TYPE
  }

  /**
   * One place where the reader refuses what the writer may write.
   *
   * @param kind what breaks
   * @param path the member names from the top level ({@code []} for an array's elements, {@code {}} for a map's
   *     values)
   * @param written the values the writer may write there that the reader refuses, as a phrase (empty unless
   *     {@link Kind#TYPE})
   * @param read what the reader accepts there, as a phrase (empty unless {@link Kind#TYPE})
   */
  record Break(Kind kind, List<String> path, String written, String read) {
    /**
     * Copies the path.
     *
     * @param kind what breaks
     * @param path the member names from the top level
     * @param written the values the writer may write that the reader refuses
     * @param read what the reader accepts there
     */
    Break {
      path = List.copyOf(path);
    }

    /**
     * The path as written in messages.
     *
     * @return for example {@code lines[].sku}
     */
    String pathText() {
      StringBuilder text = new StringBuilder();
      for (String step : path) {
        if (!step.equals("[]") && !step.equals("{}") && text.length() > 0) {
          text.append('.');
        }
        text.append(step);
      }
      return text.toString();
    }
  }

  private static final String DEFS_POINTER = "#/$defs/";

  private final Map<String, Object> readerDefs;
  private final Map<String, Object> writerDefs;
  private final Set<String> comparing = new HashSet<>();
  private final List<Break> breaks = new ArrayList<>();

  private SchemaJudge(Map<String, Object> reader, Map<String, Object> writer) {
    this.readerDefs = defs(reader);
    this.writerDefs = defs(writer);
  }

  /**
   * Where a reader refuses documents a writer may write.
   *
   * @param reader the reader's schema document
   * @param writer the writer's schema document
   * @return the breaks, in the writer's member order then the reader's; empty when the reader accepts everything
   */
  static List<Break> breaks(Map<String, Object> reader, Map<String, Object> writer) {
    SchemaJudge judge = new SchemaJudge(reader, writer);
    judge.value(reader, writer, List.of());
    return List.copyOf(judge.breaks);
  }

  private static Map<String, Object> defs(Map<String, Object> document) {
    return document.get("$defs") instanceof Map<?, ?> defs ? cast(defs) : Map.of();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> cast(Map<?, ?> map) {
    return (Map<String, Object>) map;
  }

  /** Compares the schemas of one place: every writer alternative must find a reader alternative. */
  private void value(Object reader, Object writer, List<String> path) {
    List<Alternative> read = alternatives(reader, readerDefs, null);
    List<Alternative> written = alternatives(writer, writerDefs, null);
    Set<String> refused = new LinkedHashSet<>();
    for (Alternative alternative : written) {
      if (!accepted(read, alternative, path)) {
        refused.add(alternative.describe());
      }
    }
    if (!refused.isEmpty()) {
      breaks.add(new Break(Kind.TYPE, path, String.join(" or ", refused), describe(read)));
    }
  }

  private boolean accepted(List<Alternative> read, Alternative written, List<String> path) {
    if (!(written instanceof Composite)) {
      return read.stream().anyMatch(alternative -> alternative.accepts(written));
    }
    // An array, map or object is accepted by the reader's alternative of the same kind, part by part.
    for (Alternative alternative : read) {
      if (alternative.getClass() == written.getClass()) {
        parts(alternative, written, path);
        return true;
      }
    }
    return false;
  }

  private void parts(Alternative reader, Alternative writer, List<String> path) {
    if (writer instanceof Sequence sequence) {
      value(((Sequence) reader).items(), sequence.items(), append(path, "[]"));
    } else if (writer instanceof MapOf map) {
      value(((MapOf) reader).values(), map.values(), append(path, "{}"));
    } else {
      Struct readerStruct = (Struct) reader;
      Struct writerStruct = (Struct) writer;
      String pair = readerStruct.name() + " <- " + writerStruct.name();
      if (readerStruct.name() == null || writerStruct.name() == null || comparing.add(pair)) {
        struct(readerStruct.schema(), writerStruct.schema(), path);
        comparing.remove(pair);
      }
    }
  }

  private void struct(Map<String, Object> reader, Map<String, Object> writer, List<String> path) {
    Map<String, Object> readerProperties = properties(reader);
    Map<String, Object> writerProperties = properties(writer);
    boolean open = !Boolean.FALSE.equals(reader.get("additionalProperties"));
    for (Map.Entry<String, Object> member : writerProperties.entrySet()) {
      List<String> memberPath = append(path, member.getKey());
      if (readerProperties.containsKey(member.getKey())) {
        value(readerProperties.get(member.getKey()), member.getValue(), memberPath);
      } else if (!open) {
        breaks.add(new Break(Kind.UNKNOWN, memberPath, "", ""));
      }
    }
    Set<String> writerRequired = required(writer);
    for (String member : required(reader)) {
      if (!writerRequired.contains(member)) {
        breaks.add(new Break(Kind.REQUIRED, append(path, member), "", ""));
      }
    }
  }

  private static Map<String, Object> properties(Map<String, Object> schema) {
    return schema.get("properties") instanceof Map<?, ?> properties ? cast(properties) : Map.of();
  }

  private static Set<String> required(Map<String, Object> schema) {
    Set<String> names = new LinkedHashSet<>();
    if (schema.get("required") instanceof List<?> list) {
      list.forEach(name -> names.add(String.valueOf(name)));
    }
    return names;
  }

  private static List<String> append(List<String> path, String step) {
    List<String> longer = new ArrayList<>(path);
    longer.add(step);
    return longer;
  }

  /** The alternatives a schema allows; {@code name} is the definition it was reached through, if any. */
  private static List<Alternative> alternatives(Object schema, Map<String, Object> defs, String name) {
    List<Alternative> alternatives = new ArrayList<>();
    if (!(schema instanceof Map<?, ?> raw)) {
      // true (anything) or false (nothing); Courier writes neither, so neither is matched by anything but itself.
      alternatives.add(new Other(String.valueOf(schema)));
      return alternatives;
    }
    Map<String, Object> map = cast(raw);
    if (map.get("$ref") instanceof String ref) {
      String target = ref.startsWith(DEFS_POINTER) ? ref.substring(DEFS_POINTER.length()) : ref;
      Object definition = defs.get(target);
      if (definition == null) {
        alternatives.add(new Other("a reference to " + ref));
      } else {
        alternatives.addAll(alternatives(definition, defs, target));
      }
      return alternatives;
    }
    if (map.get("anyOf") instanceof List<?> options) {
      for (Object option : options) {
        alternatives.addAll(alternatives(option, defs, name));
      }
      return alternatives;
    }
    if (map.get("enum") instanceof List<?> values) {
      for (Object value : values) {
        alternatives.add(value == null ? Literal.NULL : new Constant(String.valueOf(value)));
      }
      return alternatives;
    }
    List<?> types = map.get("type") instanceof List<?> list ? list : List.of(String.valueOf(map.get("type")));
    for (Object type : types) {
      alternatives.add(switch (String.valueOf(type)) {
        case "null" -> Literal.NULL;
        case "boolean" -> Literal.BOOLEANS;
        case "integer" -> Numbers.of(true, map);
        case "number" -> Numbers.of(false, map);
        case "string" -> Strings.of(map);
        case "array" -> new Sequence(map.get("items"));
        case "object" -> map.containsKey("properties") ? new Struct(name, map)
            : new MapOf(map.getOrDefault("additionalProperties", Boolean.TRUE));
        default -> new Other(String.valueOf(type));
      });
    }
    return alternatives;
  }

  private static String describe(List<Alternative> alternatives) {
    List<String> constants = new ArrayList<>();
    Set<String> others = new LinkedHashSet<>();
    for (Alternative alternative : alternatives) {
      if (alternative instanceof Constant constant) {
        constants.add(constant.describe());
      } else {
        others.add(alternative.describe());
      }
    }
    List<String> phrases = new ArrayList<>();
    if (!constants.isEmpty()) {
      phrases.add("one of " + String.join(", ", constants));
    }
    phrases.addAll(others);
    return phrases.isEmpty() ? "nothing" : String.join(" or ", phrases);
  }

  /** A kind of JSON value a schema allows. */
  private sealed interface Alternative {
    /** Whether every value of {@code written} is a value of this one (for scalars). */
    boolean accepts(Alternative written);

    /** A phrase for messages, for example {@code integers from 0 to 127}. */
    String describe();
  }

  /** An array, map or object: compared with the reader's alternative of the same kind part by part. */
  private sealed interface Composite extends Alternative {
    @Override
    default boolean accepts(Alternative written) {
      return false;
    }
  }

  /** {@code null}, or {@code true} and {@code false}: accepted by the same alternative. */
  private record Literal(String describe) implements Alternative {
    static final Literal NULL = new Literal("null");
    static final Literal BOOLEANS = new Literal("booleans");

    @Override
    public boolean accepts(Alternative written) {
      return equals(written);
    }
  }

  /** Integers or numbers between bounds; a {@code null} bound is none. */
  private record Numbers(boolean integer, BigDecimal min, boolean minExclusive, BigDecimal max, boolean maxExclusive)
      implements Alternative {
    static Numbers of(boolean integer, Map<String, Object> schema) {
      BigDecimal min = number(schema.get("minimum"));
      BigDecimal exclusiveMin = number(schema.get("exclusiveMinimum"));
      BigDecimal max = number(schema.get("maximum"));
      BigDecimal exclusiveMax = number(schema.get("exclusiveMaximum"));
      return new Numbers(integer, exclusiveMin != null ? exclusiveMin : min, exclusiveMin != null,
          exclusiveMax != null ? exclusiveMax : max, exclusiveMax != null);
    }

    private static BigDecimal number(Object value) {
      return value instanceof BigDecimal number ? number : null;
    }

    @Override
    public boolean accepts(Alternative written) {
      if (!(written instanceof Numbers other) || (integer && !other.integer)) {
        return false;
      }
      return within(min, minExclusive, other.min, other.minExclusive, 1)
          && within(max, maxExclusive, other.max, other.maxExclusive, -1);
    }

    /** Whether the other bound is inside this one; {@code sign} is 1 for a lower bound, -1 for an upper one. */
    private static boolean within(BigDecimal bound, boolean exclusive, BigDecimal other, boolean otherExclusive,
        int sign) {
      if (bound == null) {
        return true;
      }
      if (other == null) {
        return false;
      }
      int comparison = other.compareTo(bound) * sign;
      return comparison > 0 || (comparison == 0 && (!exclusive || otherExclusive));
    }

    @Override
    public String describe() {
      String noun = integer ? "integers" : "numbers";
      if (min == null && max == null) {
        return noun;
      }
      return noun + " from " + (min == null ? "any" : min.toString()) + (minExclusive ? " (exclusive)" : "")
          + " to " + (max == null ? "any" : max.toString()) + (maxExclusive ? " (exclusive)" : "");
    }
  }

  /** Strings of a pattern (or any, when {@code null}) and length. */
  private record Strings(String pattern, String format, String encoding, long minLength, Long maxLength)
      implements Alternative {
    static Strings of(Map<String, Object> schema) {
      return new Strings(
          schema.get("pattern") instanceof String pattern ? pattern : null,
          schema.get("format") instanceof String format ? format : null,
          schema.get("contentEncoding") instanceof String encoding ? encoding : null,
          schema.get("minLength") instanceof BigDecimal min ? min.longValue() : 0,
          schema.get("maxLength") instanceof BigDecimal max ? max.longValue() : null);
    }

    @Override
    public boolean accepts(Alternative written) {
      if (written instanceof Constant constant) {
        long length = constant.value().codePointCount(0, constant.value().length());
        return length >= minLength && (maxLength == null || length <= maxLength) && matches(constant.value());
      }
      if (!(written instanceof Strings other)) {
        return false;
      }
      return (pattern == null || pattern.equals(other.pattern))
          && (encoding == null || encoding.equals(other.encoding))
          && minLength <= other.minLength
          && (maxLength == null || (other.maxLength != null && other.maxLength <= maxLength));
    }

    private boolean matches(String value) {
      if (pattern == null) {
        return true;
      }
      try {
        return Pattern.compile(pattern).matcher(value).find();
      } catch (PatternSyntaxException e) {
        return false;
      }
    }

    @Override
    public String describe() {
      if (format != null) {
        return format + " strings";
      }
      if (encoding != null) {
        return encoding + " strings";
      }
      if (pattern != null) {
        return "strings matching " + pattern;
      }
      return "strings";
    }
  }

  /** One enum constant. */
  private record Constant(String value) implements Alternative {
    @Override
    public boolean accepts(Alternative written) {
      return written instanceof Constant other && other.value.equals(value);
    }

    @Override
    public String describe() {
      return "\"" + value + "\"";
    }
  }

  private record Sequence(Object items) implements Composite {
    @Override
    public String describe() {
      return "arrays";
    }
  }

  private record MapOf(Object values) implements Composite {
    @Override
    public String describe() {
      return "maps";
    }
  }

  /** An object with properties; {@code name} is its definition's, or {@code null} for an inline one. */
  private record Struct(String name, Map<String, Object> schema) implements Composite {
    @Override
    public String describe() {
      return name == null ? "objects" : "objects of " + name;
    }
  }

  /** Something outside Courier's vocabulary: accepted only by the same thing. */
  private record Other(String text) implements Alternative {
    @Override
    public boolean accepts(Alternative written) {
      return Objects.equals(this, written);
    }

    @Override
    public String describe() {
      return text;
    }
  }
}
