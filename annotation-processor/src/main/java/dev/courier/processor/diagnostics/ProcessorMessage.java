/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.processor.diagnostics;

import java.util.Locale;
import javax.tools.Diagnostic;

/**
 * Every message of Courier's annotation processor, with its stable id. A message reads
 * {@code [id] what is wrong, naming the element. Fix: how to fix it.}; ids never change once released. Violations of
 * the producer rules are not here: they keep the ids and words of {@link dev.courier.config.Rule}, the same on every
 * surface.
 */
public enum ProcessorMessage {
  /** The topic is blank or not a legal Kafka topic name. */
  TOPIC(
      "courier.topic",
      Diagnostic.Kind.ERROR,
      "@KafkaMessage(topic) on %s is %s, which is not a legal Kafka topic name: %s.",
      "Use 1 to 249 characters of a-z, A-Z, 0-9, '.', '_' and '-', other than \".\" and \"..\"."),
  /** The topic mixes '.' and '_', which collide in Kafka's metric names. */
  TOPIC_COLLISION(
      "courier.topic.collision",
      Diagnostic.Kind.WARNING,
      "@KafkaMessage(topic) on %s is \"%s\", which mixes '.' and '_'; Kafka's metric names replace '.' with '_',"
          + " so it collides with a topic named \"%s\".",
      "Use either '.' or '_' in topic names, not both, or add @SuppressWarnings(\"courier.topic.collision\") to"
          + " the type."),
  /** The annotated type is an interface, enum, annotation or abstract class. */
  TYPE_KIND(
      "courier.type.kind",
      Diagnostic.Kind.ERROR,
      "@KafkaMessage is on %s, which is %s; a message type is a record or a concrete class.",
      "Annotate a record or a non-abstract class."),
  /** The annotated type is generic. */
  TYPE_GENERIC(
      "courier.type.generic",
      Diagnostic.Kind.ERROR,
      "@KafkaMessage is on %s, which declares type parameters %s; a generated producer sends one concrete type.",
      "Remove the type parameters, or annotate a concrete record or class."),
  /** The annotated type is inner, local or anonymous. */
  TYPE_NESTING(
      "courier.type.nesting",
      Diagnostic.Kind.ERROR,
      "@KafkaMessage is on %s, which is %s class; generated code must create and read it without an enclosing"
          + " instance.",
      "Make it a top-level type, a static nested class, or a nested record."),
  /** The annotated type is private or nested in a private type. */
  TYPE_ACCESS(
      "courier.type.access",
      Diagnostic.Kind.ERROR,
      "@KafkaMessage is on %s, which is private or nested in a private type, so the classes generated beside it"
          + " cannot use it.",
      "Make it (and the types it is nested in) public or package-private."),
  /** A class Courier generates already exists, or two message types map to the same generated name. */
  NAME_CLASH(
      "courier.name-clash",
      Diagnostic.Kind.ERROR,
      "Courier generates %s for %s, but %s.",
      "Rename or move the other class, or rename the message type."),
  /** The value of an attribute refers to a type that does not exist. */
  UNRESOLVED(
      "courier.unresolved",
      Diagnostic.Kind.ERROR,
      "%s refers to types that do not exist: %s; Courier generates nothing for it.",
      "Fix the compile errors about these types first."),
  /** More than one member is the partition key. */
  KEY_DUPLICATE(
      "courier.key.duplicate",
      Diagnostic.Kind.ERROR,
      "%s has more than one @PartitionKey member (%s); a record has one key.",
      "Keep @PartitionKey on one member; to key by several values, add a member that combines them."),
  /** The key's type has no stock serializer. */
  KEY_TYPE(
      "courier.key.type",
      Diagnostic.Kind.ERROR,
      "@PartitionKey member '%s' of %s has type %s, for which Kafka has no stock serializer.",
      "Use String, UUID, long, int, short, double, float or byte[] (or a box of these), or name a serializer with"
          + " @KafkaMessage(keySerializer = ...)."),
  /** A key that cannot be null is declared nullable. */
  KEY_NULLABLE(
      "courier.key.nullable",
      Diagnostic.Kind.ERROR,
      "@PartitionKey(nullable = true) on member '%s' of %s cannot apply: its type %s is primitive, so the key is"
          + " never null.",
      "Remove nullable = true, or use %s if messages may have no key."),
  /** A key serializer is declared but no member is the key. */
  KEY_MISSING(
      "courier.key.missing",
      Diagnostic.Kind.ERROR,
      "@KafkaMessage(keySerializer) on %s names %s, but no member is @PartitionKey, so there is no key to"
          + " serialize.",
      "Annotate the key member with @PartitionKey, or remove keySerializer."),
  /** A declared serializer cannot be used. */
  SERIALIZER(
      "courier.serializer",
      Diagnostic.Kind.ERROR,
      "@KafkaMessage(%s) on %s names %s, which %s.",
      "Name a public, non-abstract, non-generic class with a public no-argument constructor that implements"
          + " Serializer<%s> (or a supertype)."),
  /** {@code reading} is given, but the type declares its own value serializer, so there is no generated reader. */
  READING_UNUSED(
      "courier.reading.unused",
      Diagnostic.Kind.ERROR,
      "@KafkaMessage(reading) on %s would have no effect: the type declares valueSerializer %s, so Courier generates"
          + " no JSON deserializer whose reading it could set.",
      "Remove reading, or remove valueSerializer to use Courier's JSON codec."),
  /** {@code compatibility} is given with a declared value serializer, which has no schema Courier could compare. */
  COMPATIBILITY_UNUSED(
      "courier.compatibility.unused",
      Diagnostic.Kind.ERROR,
      "@KafkaMessage(compatibility) on %s would have no effect: the type declares valueSerializer %s, so Courier"
          + " writes no JSON Schema whose evolution it could check.",
      "Remove compatibility, or remove valueSerializer to use Courier's JSON codec."),
  /** {@code valueFormat} asks for registry framing, but the type declares its own value serializer. */
  VALUE_FORMAT_SERIALIZER(
      "courier.format.serializer",
      Diagnostic.Kind.ERROR,
      "@KafkaMessage(valueFormat = SCHEMA_REGISTRY_JSON) on %s cannot work with valueSerializer %s: the framing"
          + " carries the id of the JSON Schema of Courier's JSON codec, and a declared serializer writes values"
          + " Courier has no schema for.",
      "Remove valueSerializer to use Courier's JSON codec, or remove valueFormat (a serializer of your own does its"
          + " own framing)."),
  /** {@code subjectNaming} is given, but the value is plain JSON, which has no registry subject. */
  SUBJECT_NAMING_UNUSED(
      "courier.subject.unused",
      Diagnostic.Kind.ERROR,
      "@KafkaMessage(subjectNaming) on %s would have no effect: its valueFormat is JSON, so no schema is registered"
          + " under a subject.",
      "Add valueFormat = ValueFormat.SCHEMA_REGISTRY_JSON, or remove subjectNaming."),
  /** A member cannot be read by generated code. */
  MEMBER_UNREADABLE(
      "courier.member.unreadable",
      Diagnostic.Kind.ERROR,
      "Member '%s' of %s cannot be read by the generated code: %s.",
      "Make the field package-private or public, or add a getter that is not private."),
  /** A member's type has no JSON form. */
  MEMBER_TYPE(
      "courier.member.type",
      Diagnostic.Kind.ERROR,
      "Member '%s' of %s has type %s, which Courier's JSON codec cannot handle: %s is %s.",
      "Use primitives or their boxes, String, an enum, BigDecimal, BigInteger, UUID, Instant, LocalDate,"
          + " LocalDateTime, OffsetDateTime, byte[], Optional<X>, List<X>, Set<X>, Collection<X>, an array,"
          + " Map<String, X>, or a record or class made of these; or name a serializer with"
          + " @KafkaMessage(valueSerializer = ...)."),
  /** A type reached by the JSON codec cannot be created by the deserializer. */
  CREATOR(
      "courier.creator",
      Diagnostic.Kind.ERROR,
      "The generated deserializer cannot create %s%s: %s.",
      "Use a record; or give the class an accessible no-argument constructor and a setter (or a non-private,"
          + " non-final field) for each member; or a constructor whose parameters are exactly its members."),
  /** A type reached by the JSON codec is not accessible from the generated code. */
  TYPE_INACCESSIBLE(
      "courier.member.access",
      Diagnostic.Kind.ERROR,
      "Member '%s' of %s reaches %s, which the generated code in package %s cannot access.",
      "Make the type public (or move it to the message's package)."),
  /** Two members have the same name. */
  MEMBER_DUPLICATE(
      "courier.member.duplicate",
      Diagnostic.Kind.ERROR,
      "%s has two members named %s; JSON member names must be unique.",
      "Rename one of the fields."),
  /** A Courier member annotation is on a method that is not a member's getter. */
  MEMBER_DERIVED(
      "courier.member.derived",
      Diagnostic.Kind.ERROR,
      "@%s is on %s() of %s, which is not the getter of a member (record component or field), so the connector"
          + " could not compute it from a record's data.",
      "Put @%s on a record component, a field, or a field's getter."),
  /**
   * A Courier member annotation where it has no effect: on a static or transient field, or on a member of a type
   * that is not the message type.
   */
  MEMBER_IGNORED(
      "courier.member.ignored",
      Diagnostic.Kind.ERROR,
      "@%s on %s of %s would have no effect: %s.",
      "Put @%s on a member of the @KafkaMessage type itself: a record component, an instance field or its"
          + " getter."),
  /** A header has a blank name. */
  HEADER_NAME(
      "courier.header.name",
      Diagnostic.Kind.ERROR,
      "@Header on member '%s' of %s has a blank name.",
      "Name the header, for example @Header(\"trace-id\")."),
  /** Two members send the same header. */
  HEADER_DUPLICATE(
      "courier.header.duplicate",
      Diagnostic.Kind.ERROR,
      "Header \"%s\" is sent by both '%s' and '%s' of %s.",
      "Give each @Header a distinct name."),
  /** A header member is neither String nor byte[]. */
  HEADER_TYPE(
      "courier.header.type",
      Diagnostic.Kind.ERROR,
      "@Header member '%s' of %s has type %s, but a header value is bytes.",
      "Use String (sent as UTF-8) or byte[]."),
  /** More than one member is the timestamp. */
  TIMESTAMP_DUPLICATE(
      "courier.timestamp.duplicate",
      Diagnostic.Kind.ERROR,
      "%s has more than one @Timestamp member (%s); a record has one timestamp.",
      "Keep @Timestamp on one member."),
  /** The timestamp member has a type that is not a point in time. */
  TIMESTAMP_TYPE(
      "courier.timestamp.type",
      Diagnostic.Kind.ERROR,
      "@Timestamp member '%s' of %s has type %s.",
      "Use java.time.Instant, or long / Long epoch milliseconds."),
  /** A {@code properties} entry is not {@code key=value}. */
  PROPERTY_SYNTAX(
      "courier.property.syntax",
      Diagnostic.Kind.ERROR,
      "@KafkaMessage(properties) entry \"%s\" on %s is not of the form key=value.",
      "Write each entry as \"key=value\", for example \"max.request.size=2097152\"."),
  /** A {@code properties} entry sets a key a named attribute covers. */
  PROPERTY_ATTRIBUTE(
      "courier.property.attribute",
      Diagnostic.Kind.ERROR,
      "@KafkaMessage(properties) entry \"%s\" on %s sets %s, which the attribute %s covers.",
      "Remove the entry and write @KafkaMessage(%s = ...)."),
  /** A {@code properties} entry repeats a key. */
  PROPERTY_DUPLICATE(
      "courier.property.duplicate",
      Diagnostic.Kind.ERROR,
      "@KafkaMessage(properties) entry \"%s\" on %s sets %s again (first set by \"%s\").",
      "Keep one entry per key."),
  /** A member the previous version's readers require may be missing from this version's records, or the reverse. */
  EVOLUTION_REQUIRED(
      "courier.evolution.required",
      Diagnostic.Kind.ERROR,
      "%s breaks %s compatibility of %s: %s (baseline %s).",
      "%s"),
  /** A member one version writes is refused by the other version's strict reader. */
  EVOLUTION_UNKNOWN(
      "courier.evolution.unknown",
      Diagnostic.Kind.ERROR,
      "%s breaks %s compatibility of %s: %s (baseline %s).",
      "%s"),
  /** A member's values of one version are not values of the other version's member. */
  EVOLUTION_TYPE(
      "courier.evolution.type",
      Diagnostic.Kind.ERROR,
      "%s breaks %s compatibility of %s: %s (baseline %s).",
      "%s"),
  /** The topic differs from the previous version's. */
  EVOLUTION_TOPIC(
      "courier.evolution.topic",
      Diagnostic.Kind.ERROR,
      "@KafkaMessage(topic) on %s is \"%s\", but the previous version sends to \"%s\" (baseline %s): its consumers"
          + " would see no new records, and this version's consumers none of the old ones.",
      "Keep the topic; to move to a new topic, declare a new type for it, or set compatibility = Compatibility.NONE"
          + " for the release that moves."),
  /** The key's serializer differs from the previous version's. */
  EVOLUTION_KEY(
      "courier.evolution.key",
      Diagnostic.Kind.ERROR,
      "The key of %s is %s, but the previous version's is %s (baseline %s): consumers read keys of the other form,"
          + " and records of one key go to a different partition, out of order with the old ones.",
      "Keep the key's type and serializer; to change them, use a new topic, or set"
          + " compatibility = Compatibility.NONE for that release."),
  /** The baseline of the evolution check cannot be read. */
  EVOLUTION_BASELINE(
      "courier.evolution.baseline",
      Diagnostic.Kind.ERROR,
      "Courier cannot compare %s with its previous version: %s.",
      "Point -Acourier.evolution.baseline at a directory of Courier's schemas (<binary name>.json, directly or under"
          + " META-INF/courier/schemas/) or at the previous version's jar."),
  /** A generated file could not be written. */
  WRITE(
      "courier.write",
      Diagnostic.Kind.ERROR,
      "Courier could not write %s for %s: %s.",
      "Check that the output directories are writable; after an interrupted build, clean and build again."),
  /** The processor failed unexpectedly. */
  INTERNAL(
      "courier.internal",
      Diagnostic.Kind.ERROR,
      "Courier's processor failed on %s; this is a bug in Courier. %s",
      "Please report it with this message; meanwhile, check the type for unusual constructs.");

  private final String id;
  private final Diagnostic.Kind kind;
  private final String template;
  private final String fix;

  ProcessorMessage(String id, Diagnostic.Kind kind, String template, String fix) {
    this.id = id;
    this.kind = kind;
    this.template = template;
    this.fix = fix;
  }

  /**
   * The stable id, for example {@code courier.topic}.
   *
   * @return the id
   */
  public String id() {
    return id;
  }

  /**
   * Whether it is an error or a warning.
   *
   * @return the kind
   */
  public Diagnostic.Kind kind() {
    return kind;
  }

  /**
   * The message text: id, what is wrong, and the fix.
   *
   * @param args the values for the template, then for the fix
   * @return the text
   */
  public String format(Object... args) {
    int templateArgs = count(template);
    Object[] first = new Object[Math.min(templateArgs, args.length)];
    System.arraycopy(args, 0, first, 0, first.length);
    Object[] rest = new Object[args.length - first.length];
    System.arraycopy(args, first.length, rest, 0, rest.length);
    String text = String.format(Locale.ROOT, template, first);
    String fixText = String.format(Locale.ROOT, fix, rest);
    return "[" + id + "] " + text + " Fix: " + fixText;
  }

  private static int count(String format) {
    int n = 0;
    for (int i = 0; i < format.length() - 1; i++) {
      if (format.charAt(i) == '%') {
        if (format.charAt(i + 1) == 's') {
          n++;
        }
        i++;
      }
    }
    return n;
  }
}
