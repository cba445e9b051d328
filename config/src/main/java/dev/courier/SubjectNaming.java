/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier;

/**
 * The Schema Registry subject a message type's schema is registered under ({@link KafkaMessage#subjectNaming()}),
 * named as Confluent's subject name strategies name it for a record value.
 */
public enum SubjectNaming {
  /**
   * {@code <topic>-value}, Confluent's {@code TopicNameStrategy}: one schema lineage per topic. The default, as in
   * Confluent's serializers.
   */
  TOPIC("io.confluent.kafka.serializers.subject.TopicNameStrategy"),
  /**
   * The type's binary name, such as {@code com.acme.OrderPlaced} (its schema's {@code title}), Confluent's
   * {@code RecordNameStrategy}: one lineage per type, across the topics it is sent to.
   */
  RECORD("io.confluent.kafka.serializers.subject.RecordNameStrategy"),
  /** {@code <topic>-<binary name>}, Confluent's {@code TopicRecordNameStrategy}: one lineage per type and topic. */
  TOPIC_RECORD("io.confluent.kafka.serializers.subject.TopicRecordNameStrategy");

  private final String confluentStrategy;

  SubjectNaming(String confluentStrategy) {
    this.confluentStrategy = confluentStrategy;
  }

  /**
   * The class name of Confluent's strategy that names subjects the same way, the value of
   * {@code value.subject.name.strategy} in Confluent's serializer configuration.
   *
   * @return the strategy's class name
   */
  public String confluentStrategy() {
    return confluentStrategy;
  }

  /**
   * The subject of a record value of a type on a topic.
   *
   * @param topic the topic
   * @param typeName the type's binary name, the title of its JSON Schema
   * @return the subject
   */
  public String subject(String topic, String typeName) {
    switch (this) {
      case TOPIC:
        return topic + "-value";
      case RECORD:
        return typeName;
      default:
        return topic + "-" + typeName;
    }
  }
}
