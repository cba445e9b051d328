/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.examples.readme;

import static org.assertj.core.api.Assertions.assertThat;

import dev.courier.harness.EmbeddedKafka;
import dev.courier.harness.TopicReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Test;

/** The README's quick start sends what it says against a real broker. */
class QuickStartIT {

  @Test
  void theQuickStartSendsOneOrder() {
    try (EmbeddedKafka kafka = EmbeddedKafka.start()) {
      kafka.createTopic("orders", 3);

      RecordMetadata stored = QuickStart.send(kafka.bootstrapServers());

      ConsumerRecord<byte[], byte[]> record =
          TopicReader.readExactly(kafka.bootstrapServers(), "orders", 1, Duration.ofSeconds(30)).get(0);
      assertThat(record.partition()).isEqualTo(stored.partition());
      assertThat(record.offset()).isEqualTo(stored.offset());
      assertThat(new String(record.key(), StandardCharsets.UTF_8)).isEqualTo("o-1");
      assertThat(new String(record.value(), StandardCharsets.UTF_8))
          .startsWith("{\"orderId\":\"o-1\",\"totalCents\":5895,");
      assertThat(new String(record.headers().lastHeader("trace-id").value(), StandardCharsets.UTF_8))
          .isEqualTo("trace-1");
    }
  }

  @Test
  void theManyTypesStartSendsBothTypesOnOneProducer() throws Exception {
    try (EmbeddedKafka kafka = EmbeddedKafka.start()) {
      kafka.createTopic("orders", 3);
      kafka.createTopic("shipments", 3);

      RecordMetadata shipped = QuickStart.sendBoth(kafka.bootstrapServers()).get();

      assertThat(shipped.topic()).isEqualTo("shipments");
      assertThat(TopicReader.readExactly(kafka.bootstrapServers(), "orders", 1, Duration.ofSeconds(30))).hasSize(1);
      ConsumerRecord<byte[], byte[]> shipment =
          TopicReader.readExactly(kafka.bootstrapServers(), "shipments", 1, Duration.ofSeconds(30)).get(0);
      assertThat(new String(shipment.value(), StandardCharsets.UTF_8))
          .isEqualTo("{\"orderId\":\"o-1\",\"carrier\":\"DHL\"}");
    }
  }
}
