/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.processor.evolution;

import dev.courier.Compatibility;
import dev.courier.processor.diagnostics.ProcessorMessage;
import dev.courier.processor.diagnostics.Reporter;
import dev.courier.processor.model.Location;
import dev.courier.processor.model.Member;
import dev.courier.processor.model.MessageModel;
import dev.courier.processor.writer.Generator;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Compares a message type's new JSON Schema with its previous version's, under the type's
 * {@link Compatibility} level, and reports every break as a compile error on the member it is about.
 *
 * <p>The previous schemas come from the processor option {@value #OPTION} ({@link Baseline}); without it, for a type
 * the baseline does not have, for a type with a declared value serializer and under {@link Compatibility#NONE},
 * nothing is compared. Under {@link Compatibility#BACKWARD} the new schema reads the previous one's documents
 * ({@link SchemaJudge} with the new schema as reader); under {@link Compatibility#FORWARD} the previous schema reads
 * the new one's; {@link Compatibility#FULL} asks both. The topic and the key's serializer, which the schema carries
 * as annotations, must stay the same under every level but {@code NONE}.
 */
public final class EvolutionCheck {
  /** The processor option that names the baseline: {@code -Acourier.evolution.baseline=<dir or jar>}. */
  public static final String OPTION = "courier.evolution.baseline";

  private final Baseline baseline;
  private final Reporter reporter;

  /**
   * A check with the baseline the processor's options name.
   *
   * @param options the processor's options
   * @param reporter where breaks are reported
   */
  public EvolutionCheck(Map<String, String> options, Reporter reporter) {
    String place = options.get(OPTION);
    this.baseline = place == null || place.isBlank() ? null : new Baseline(place);
    this.reporter = reporter;
  }

  /**
   * Checks a valid type's schema against its baseline, reporting each break.
   *
   * @param model the type
   * @param schema the new schema's text, as generated
   * @return whether the change is allowed (also when nothing is compared)
   */
  public boolean check(MessageModel model, String schema) {
    if (baseline == null || model.compatibility() == Compatibility.NONE || model.valueSerializer().isPresent()) {
      return true;
    }
    Location onType = Location.of(model.element(), model.annotation());
    Optional<Baseline.Schema> previous;
    try {
      previous = baseline.schema(model.binaryName());
    } catch (IOException e) {
      reporter.report(ProcessorMessage.EVOLUTION_BASELINE, onType, model.qualifiedName(), e.getMessage());
      return false;
    }
    if (previous.isEmpty()) {
      return true;
    }
    String where = previous.get().where();
    Map<String, Object> old;
    Map<String, Object> current;
    try {
      old = JsonTree.parseObject(previous.get().text());
    } catch (IOException e) {
      reporter.report(ProcessorMessage.EVOLUTION_BASELINE, onType, model.qualifiedName(),
          "the baseline " + where + " is not a JSON document (" + e.getMessage() + ")");
      return false;
    }
    try {
      current = JsonTree.parseObject(schema);
    } catch (IOException e) {
      throw new IllegalStateException("the generated schema of " + model.qualifiedName() + " is not JSON", e);
    }
    boolean compatible = contract(model, old, current, where);
    if (model.compatibility().backward()) {
      compatible &= report(model, SchemaJudge.breaks(current, old), true, where);
    }
    if (model.compatibility().forward()) {
      compatible &= report(model, SchemaJudge.breaks(old, current), false, where);
    }
    return compatible;
  }

  /**
   * Compares the topic and the key, when the baseline names them (schemas generated before the check existed do
   * not).
   */
  private boolean contract(MessageModel model, Map<String, Object> old, Map<String, Object> current, String where) {
    if (!(old.get(Generator.SCHEMA_TOPIC_KEYWORD) instanceof String oldTopic)) {
      return true;
    }
    boolean same = true;
    if (!oldTopic.equals(model.topic())) {
      reporter.report(ProcessorMessage.EVOLUTION_TOPIC, model.topicLocation(), model.qualifiedName(), model.topic(),
          oldTopic, where);
      same = false;
    }
    String oldKey = serializer(old);
    String newKey = serializer(current);
    if (!Objects.equals(oldKey, newKey)) {
      Optional<Member> key = model.struct().members().stream().filter(m -> m.partitionKey() != null).findFirst();
      reporter.report(ProcessorMessage.EVOLUTION_KEY,
          key.map(Member::partitionKeyLocation).orElse(Location.of(model.element(), model.annotation())),
          model.qualifiedName(), describeKey(newKey), describeKey(oldKey), where);
      same = false;
    }
    return same;
  }

  private static String serializer(Map<String, Object> schema) {
    return schema.get(Generator.SCHEMA_KEY_KEYWORD) instanceof Map<?, ?> key
        && key.get("serializer") instanceof String serializer ? serializer : null;
  }

  private static String describeKey(String serializer) {
    return serializer == null ? "absent (records have no key)" : "serialized by " + serializer;
  }

  /**
   * Reports the breaks of one direction.
   *
   * @param backward {@code true} when the new version reads the previous one's records, {@code false} for the
   *     reverse
   */
  private boolean report(MessageModel model, List<SchemaJudge.Break> breaks, boolean backward, String where) {
    for (SchemaJudge.Break found : breaks) {
      String top = found.path().get(0);
      Optional<Member> member = model.struct().members().stream().filter(m -> m.name().equals(top)).findFirst();
      Location location = member.map(m -> Location.of(m.element()))
          .orElse(Location.of(model.element(), model.annotation()));
      boolean present = member.isPresent() || found.path().size() > 1;
      String subject = (present ? "Member '" : "Removing member '") + found.pathText() + "'";
      ProcessorMessage message;
      String why;
      String fix;
      switch (found.kind()) {
        case REQUIRED -> {
          message = ProcessorMessage.EVOLUTION_REQUIRED;
          why = backward
              ? "this version requires it (a primitive member may be neither missing nor null), but records of the"
                  + " previous version may lack it, so this version's readers refuse them"
              : "the previous version requires it, but this version's records may lack it, so readers of the"
                  + " previous version refuse them";
          fix = backward
              ? "Make it optional (a boxed type or Optional) so that the previous version's records read, or set"
                  + " compatibility = Compatibility.FORWARD (producers upgraded first) or Compatibility.NONE."
              : "Keep the member, as a primitive, or set compatibility = Compatibility.BACKWARD (consumers upgraded"
                  + " first) or Compatibility.NONE.";
        }
        case UNKNOWN -> {
          message = ProcessorMessage.EVOLUTION_UNKNOWN;
          why = backward
              ? "records of the previous version have it, and this version's strict reader refuses members it does"
                  + " not have"
              : "this version's records have it, and the previous version's strict reader refuses members it does"
                  + " not have";
          fix = backward
              ? "Keep the member, read tolerantly (reading = Reading.TOLERANT), or set"
                  + " compatibility = Compatibility.FORWARD (producers upgraded first) or Compatibility.NONE."
              : "Release a tolerant reader first (reading = Reading.TOLERANT), or set"
                  + " compatibility = Compatibility.BACKWARD (consumers upgraded first) or Compatibility.NONE.";
        }
        default -> {
          message = ProcessorMessage.EVOLUTION_TYPE;
          why = backward
              ? "records of the previous version may hold " + found.written() + " in it, which this version's"
                  + " reader refuses (it reads " + found.read() + ")"
              : "this version may write " + found.written() + " in it, which the previous version's reader refuses"
                  + " (it reads " + found.read() + ")";
          fix = backward
              ? "Widen the type rather than narrow or change it (int to long, an enum constant added), or set"
                  + " compatibility = Compatibility.FORWARD (producers upgraded first) or Compatibility.NONE."
              : "Keep the values within the previous type (narrow rather than widen, add no enum constant), or set"
                  + " compatibility = Compatibility.BACKWARD (consumers upgraded first) or Compatibility.NONE.";
        }
      }
      reporter.report(message, location, subject, model.compatibility(), model.qualifiedName(), why, where, fix);
    }
    return breaks.isEmpty();
  }
}
