/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.courier.SubjectNaming;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/** The frame's bytes, and each way a value can fail to be one, before any registry is asked. */
class SchemaRegistryFramesTest {
  private final SchemaRegistryFrames frames = new SchemaRegistryFrames("com.acme.Refund");

  @Test
  void framingPutsTheMagicByteAndTheBigEndianIdBeforeTheJson() {
    Serializer<String> framed = SchemaRegistryFraming.framed(new StringSerializer(), 0x01020304);

    assertThat(framed.serialize("t", "{}")).containsExactly(0, 1, 2, 3, 4, '{', '}');
    assertThat(framed.serialize("t", null)).as("a tombstone stays null").isNull();
    assertThat(SchemaRegistryFraming.framed(new StringSerializer(), -2).serialize("t", "1"))
        .containsExactly(0, 0xff, 0xff, 0xff, 0xfe, '1');
  }

  @Test
  void aSerializerThatWritesThroughJsonGetsTheFrameInItsBufferAndOthersACopy() {
    Serializer<String> json = (topic, value) -> value == null ? null
        : Json.write(value, "T", (generator, text) -> generator.writeString(text));
    Serializer<String> framed = SchemaRegistryFraming.framed(json, 258);

    assertThat(framed.serialize("t", "a")).containsExactly(0, 0, 0, 1, 2, '"', 'a', '"');
    assertThat(framed.serialize("t", null)).isNull();
    assertThat(json.serialize("t", "b")).as("no frame left pending for the next plain write")
        .containsExactly('"', 'b', '"');
    assertThat(framed.serialize("t", "c")).containsExactly(0, 0, 0, 1, 2, '"', 'c', '"');
  }

  @Test
  void plainJsonIsRefusedAsUnframed() {
    byte[] json = "{\"refundId\":\"r-1\"}".getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> frames.payloadOffset("refunds", json))
        .isInstanceOf(SerializationException.class)
        .hasMessageStartingWith("Cannot read com.acme.Refund from topic refunds: the value is plain JSON (it starts"
            + " with '{'), written without the registry's framing.")
        .hasMessageContaining("Fix: produce the topic with the type's generated producer");
  }

  @Test
  void anotherMagicByteOrAShortValueIsRefused() {
    assertThatThrownBy(() -> frames.payloadOffset("refunds", new byte[] {1, 0, 0, 0, 7, '{', '}'}))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("starts with byte 0x01, not the magic byte 0");
    assertThatThrownBy(() -> frames.payloadOffset("refunds", new byte[] {0, 0, 7}))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("has 3 bytes, fewer than the framing's 5");
    assertThatThrownBy(() -> frames.payloadOffset("refunds", new byte[0]))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("the value is empty");
  }

  @Test
  void withoutARegistryAnIdCannotBeResolved() {
    assertThatThrownBy(() -> frames.payloadOffset("refunds", new byte[] {0, 0, 0, 0, 7, '{', '}'}))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("has no Schema Registry to resolve schema id 7")
        .hasMessageContaining("Fix: give the consumer schema.registry.url");
  }

  @Test
  void subjectsAreNamedAsConfluentsStrategiesNameThem() {
    assertThat(SubjectNaming.TOPIC.subject("refunds", "com.acme.Refund")).isEqualTo("refunds-value");
    assertThat(SubjectNaming.RECORD.subject("refunds", "com.acme.Refund")).isEqualTo("com.acme.Refund");
    assertThat(SubjectNaming.TOPIC_RECORD.subject("refunds", "com.acme.Refund")).isEqualTo("refunds-com.acme.Refund");
    assertThat(SubjectNaming.TOPIC_RECORD.confluentStrategy())
        .isEqualTo("io.confluent.kafka.serializers.subject.TopicRecordNameStrategy");
  }
}
