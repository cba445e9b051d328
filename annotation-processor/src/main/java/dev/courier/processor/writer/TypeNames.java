/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.processor.writer;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import dev.courier.processor.model.MessageModel;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.ModuleElement;
import javax.lang.model.element.ModuleElement.RequiresDirective;
import javax.lang.model.util.ElementFilter;

/** The classes generated code refers to, and what every generated class carries. */
final class TypeNames {
  static final String PROCESSOR = "dev.courier.processor.CourierProcessor";

  static final ClassName GENERATED = ClassName.get("javax.annotation.processing", "Generated");
  static final ClassName JSON = ClassName.get("dev.courier.runtime", "Json");
  static final ClassName JSON_READING = ClassName.get("dev.courier.runtime", "JsonReading");
  static final ClassName SCHEMA_REGISTRY_FRAMES = ClassName.get("dev.courier.runtime", "SchemaRegistryFrames");
  static final ClassName OUTBOX = ClassName.get("dev.courier.runtime", "Outbox");
  static final ClassName JSON_WRITING = ClassName.get("dev.courier.runtime", "JsonWriting");
  static final ClassName PRODUCERS = ClassName.get("dev.courier.runtime", "Producers");
  static final ClassName SHARED_PRODUCERS = ClassName.get("dev.courier.runtime", "SharedProducers");
  static final ClassName SEND_ERROR_HANDLER = ClassName.get("dev.courier.runtime", "SendErrorHandler");
  static final ClassName SEND_EXCEPTION = ClassName.get("dev.courier.runtime", "SendException");
  static final ClassName NULL_KEY_EXCEPTION = ClassName.get("dev.courier.runtime", "NullKeyException");
  static final ClassName MESSAGE_CONTRACT = ClassName.get("dev.courier.runtime", "MessageContract");
  static final ClassName TRANSACTIONS = ClassName.get("dev.courier.runtime", "Transactions");
  static final ClassName TRANSACTION_FAILED = ClassName.get("dev.courier.runtime", "TransactionFailedException");
  static final ClassName PRODUCER_SETTINGS = ClassName.get("dev.courier.config", "ProducerSettings");
  static final ClassName MEMBER_DESCRIPTOR = ClassName.get("dev.courier.config", "MemberDescriptor");
  static final ClassName MEMBER_TYPE = ClassName.get("dev.courier.config", "MemberType");
  static final ClassName MEMBER_KIND = MEMBER_TYPE.nestedClass("Kind");
  static final ClassName SEND_MODE = ClassName.get("dev.courier", "SendMode");
  static final ClassName ACKS = ClassName.get("dev.courier", "Acks");
  static final ClassName COMPRESSION = ClassName.get("dev.courier", "Compression");
  static final ClassName READING = ClassName.get("dev.courier", "Reading");
  static final ClassName VALUE_FORMAT = ClassName.get("dev.courier", "ValueFormat");
  static final ClassName SUBJECT_NAMING = ClassName.get("dev.courier", "SubjectNaming");

  static final ClassName JSON_GENERATOR = ClassName.get("com.fasterxml.jackson.core", "JsonGenerator");
  static final ClassName JSON_PARSER = ClassName.get("com.fasterxml.jackson.core", "JsonParser");
  static final ClassName SERIALIZED_STRING = ClassName.get("com.fasterxml.jackson.core.io", "SerializedString");

  static final ClassName PRODUCER = ClassName.get("org.apache.kafka.clients.producer", "Producer");
  static final ClassName KAFKA_PRODUCER = ClassName.get("org.apache.kafka.clients.producer", "KafkaProducer");
  static final ClassName PRODUCER_RECORD = ClassName.get("org.apache.kafka.clients.producer", "ProducerRecord");
  static final ClassName PRODUCER_CONFIG = ClassName.get("org.apache.kafka.clients.producer", "ProducerConfig");
  static final ClassName RECORD_METADATA = ClassName.get("org.apache.kafka.clients.producer", "RecordMetadata");
  static final ClassName CALLBACK = ClassName.get("org.apache.kafka.clients.producer", "Callback");
  static final ClassName SERIALIZER = ClassName.get("org.apache.kafka.common.serialization", "Serializer");
  static final ClassName DESERIALIZER = ClassName.get("org.apache.kafka.common.serialization", "Deserializer");
  static final ClassName VOID_SERIALIZER = ClassName.get("org.apache.kafka.common.serialization", "VoidSerializer");

  private TypeNames() {}

  /**
   * {@code @Generated("dev.courier.processor.CourierProcessor")} (no date, so output stays deterministic) when the
   * message type's module reads {@code java.compiler}, where that annotation lives; nothing otherwise. Code on the
   * class path (the unnamed module) reads every module; an application's {@code module-info.java} need not require
   * {@code java.compiler}, and the generated code must compile there too.
   *
   * @param model the message type
   * @return the annotation, or no annotation
   */
  static List<AnnotationSpec> generated(MessageModel model) {
    return readsJavaCompiler(model.element())
        ? List.of(AnnotationSpec.builder(GENERATED).addMember("value", "$S", PROCESSOR).build())
        : List.of();
  }

  /** Whether an element's module reads {@code java.compiler}: requires it directly or through requires transitive. */
  private static boolean readsJavaCompiler(Element element) {
    Element enclosing = element;
    while (enclosing != null && !(enclosing instanceof ModuleElement)) {
      enclosing = enclosing.getEnclosingElement();
    }
    if (!(enclosing instanceof ModuleElement module) || module.isUnnamed()) {
      return true;
    }
    Deque<ModuleElement> toVisit = new ArrayDeque<>();
    Set<String> seen = new HashSet<>();
    for (RequiresDirective requires : ElementFilter.requiresIn(module.getDirectives())) {
      toVisit.add(requires.getDependency());
    }
    while (!toVisit.isEmpty()) {
      ModuleElement required = toVisit.poll();
      String name = required.getQualifiedName().toString();
      if (name.equals("java.compiler")) {
        return true;
      }
      if (seen.add(name)) {
        for (RequiresDirective requires : ElementFilter.requiresIn(required.getDirectives())) {
          if (requires.isTransitive()) {
            toVisit.add(requires.getDependency());
          }
        }
      }
    }
    return false;
  }
}
