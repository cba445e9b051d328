/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.examples.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/** The generated producer of a type with a declared value serializer, around a {@link MockProducer}. */
class AuditEventTest {
  private final AuditEvent event =
      new AuditEvent("alice", "order.cancel", "orders/o-10001", "backoffice", Instant.parse("2026-11-27T10:15:30Z"));

  @Test
  void theProducerUsesTheDeclaredSerializerAndTheAnnotatedKeyHeaderAndTimestamp() {
    MockProducer<String, AuditEvent> mock =
        new MockProducer<>(true, null, new StringSerializer(), new AuditEventSerializer());
    try (AuditEventProducer producer = new AuditEventProducer(mock)) {
      assertThat(producer.send(event)).isCompleted();
    }

    ProducerRecord<String, AuditEvent> sent = mock.history().get(0);
    assertThat(sent.topic()).isEqualTo("audit");
    assertThat(sent.key()).isEqualTo("alice");
    assertThat(sent.timestamp()).isEqualTo(event.at().toEpochMilli());
    assertThat(new String(sent.headers().lastHeader("source").value(), StandardCharsets.UTF_8))
        .isEqualTo("backoffice");
    assertThat(AuditEventProducer.SETTINGS.toProperties()).containsEntry("max.request.size", "262144");
  }

  @Test
  void theBinaryFormatRoundTripsAndRejectsWhatItCannotRead() {
    byte[] bytes = new AuditEventSerializer().serialize("audit", event);
    assertThat(bytes[0]).isEqualTo(AuditEventSerializer.VERSION);
    assertThat(new AuditEventDeserializer().deserialize("audit", bytes)).isEqualTo(event);
    AuditEvent noSource = new AuditEvent("bob", "login", "session/1", null, event.at());
    assertThat(new AuditEventDeserializer().deserialize("audit",
        new AuditEventSerializer().serialize("audit", noSource))).isEqualTo(noSource);

    bytes[0] = 9;
    byte[] wrongVersion = bytes;
    assertThatThrownBy(() -> new AuditEventDeserializer().deserialize("audit", wrongVersion))
        .isInstanceOf(SerializationException.class).hasMessageContaining("format version 9");
    assertThatThrownBy(() -> new AuditEventDeserializer().deserialize("audit", new byte[] {1, 0}))
        .isInstanceOf(SerializationException.class).hasMessageContaining("truncated or malformed (2 bytes)");
    assertThatThrownBy(() -> new AuditEventSerializer().serialize("audit",
        new AuditEvent(null, "x", "y", null, event.at()))).isInstanceOf(SerializationException.class)
        .hasMessageContaining("needs actor");
  }
}
