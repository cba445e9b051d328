/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.processor.writer;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;

/** The classes generated code refers to, and what every generated class carries. */
final class Types {
  static final String PROCESSOR = "dev.courier.processor.CourierProcessor";

  static final ClassName GENERATED = ClassName.get("javax.annotation.processing", "Generated");
  static final ClassName JSON = ClassName.get("dev.courier.runtime", "Json");
  static final ClassName SEND_ERROR_HANDLER = ClassName.get("dev.courier.runtime", "SendErrorHandler");
  static final ClassName SEND_EXCEPTION = ClassName.get("dev.courier.runtime", "SendException");
  static final ClassName NULL_KEY_EXCEPTION = ClassName.get("dev.courier.runtime", "NullKeyException");
  static final ClassName TRANSACTIONS = ClassName.get("dev.courier.runtime", "Transactions");
  static final ClassName TRANSACTION_FAILED = ClassName.get("dev.courier.runtime", "TransactionFailedException");
  static final ClassName PRODUCER_SETTINGS = ClassName.get("dev.courier.config", "ProducerSettings");
  static final ClassName MESSAGE_DESCRIPTOR = ClassName.get("dev.courier.config", "MessageDescriptor");
  static final ClassName FIELD_DESCRIPTOR = ClassName.get("dev.courier.config", "FieldDescriptor");
  static final ClassName FIELD_TYPE = ClassName.get("dev.courier.config", "FieldType");
  static final ClassName FIELD_KIND = FIELD_TYPE.nestedClass("Kind");
  static final ClassName SEND_MODE = ClassName.get("dev.courier", "SendMode");
  static final ClassName ACKS = ClassName.get("dev.courier", "Acks");
  static final ClassName COMPRESSION = ClassName.get("dev.courier", "Compression");

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

  private Types() {}

  /** {@code @Generated("dev.courier.processor.CourierProcessor")}: no date, so output stays deterministic. */
  static AnnotationSpec generated() {
    return AnnotationSpec.builder(GENERATED).addMember("value", "$S", PROCESSOR).build();
  }
}
