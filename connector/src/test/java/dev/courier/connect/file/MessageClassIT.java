/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.connect.file;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.courier.connect.messages.ParcelScanned;
import dev.courier.connect.messages.ParcelScannedDeserializer;
import dev.courier.connect.messages.ParcelScannedProducer;
import dev.courier.harness.EmbeddedConnect;
import dev.courier.harness.EmbeddedKafka;
import dev.courier.harness.TopicReader;
import java.io.IOException;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code message.class} with a real generated type: the same objects sent by {@link ParcelScannedProducer} (generated
 * by courier-annotation-processor) and streamed from a JSON-lines file by the file source land on the same partition
 * with the same key, value, headers and timestamp: the same bytes, and the connector's value reads back with the
 * generated deserializer as the application's object. One KRaft broker and one exactly-once Connect worker in this JVM.
 *
 * <p>Both go to the same topic, the type's own: that is what a deployment does (an application and a connector
 * feeding one topic), it is the only topic {@code message.class} allows, and it proves more than two topics with
 * the same partition count would: both records of a key end up in one partition, in one order, read by one consumer.
 * The application's records are told apart from the connector's by position: the application sends first, so its
 * records are the ones present before the connector starts.
 */
class MessageClassIT {

  private static final Duration TIMEOUT = Duration.ofSeconds(60);
  private static final String TOPIC = "parcel-scans";
  private static final int PARTITIONS = 6;
  private static final int COUNT = 300;
  // In the past: brokers reject timestamps more than message.timestamp.after.max.ms (1 h) ahead.
  private static final Instant BASE = Instant.parse("2025-06-01T08:30:00Z");
  private static final DateTimeFormatter MICROS =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

  static EmbeddedKafka kafka;
  static EmbeddedConnect connect;
  @TempDir static Path root;

  @BeforeAll
  static void start() {
    kafka = EmbeddedKafka.start();
    connect = EmbeddedConnect.start(kafka);
  }

  @AfterAll
  static void stop() {
    if (connect != null) {
      connect.close();
    }
    if (kafka != null) {
      kafka.close();
    }
  }

  @Test
  void theConnectorAndTheGeneratedProducerWriteTheSameRecordsToTheSamePartitions() throws Exception {
    kafka.createTopic(TOPIC, PARTITIONS);
    List<ParcelScanned> messages = new ArrayList<>();
    StringBuilder lines = new StringBuilder();
    for (int i = 0; i < COUNT; i++) {
      messages.add(message(i));
      lines.append(jsonLine(i, messages.get(i))).append('\n');
    }

    try (ParcelScannedProducer producer = ParcelScannedProducer.create(Map.of(
        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(), ProducerConfig.LINGER_MS_CONFIG, 5))) {
      List<CompletableFuture<RecordMetadata>> sent = messages.stream().map(producer::send).toList();
      producer.flush();
      sent.forEach(CompletableFuture::join);
    }
    List<ConsumerRecord<byte[], byte[]>> fromApplication = TopicReader.readExactly(kafka.bootstrapServers(), TOPIC,
        COUNT, TIMEOUT);
    Set<String> applicationPositions = fromApplication.stream().map(MessageClassIT::position)
        .collect(Collectors.toSet());

    Path in = Files.createDirectories(root.resolve("in"));
    Path staging = Files.writeString(root.resolve("parcels.json"), lines, StandardCharsets.UTF_8);
    Files.move(staging, in.resolve("parcels.json"));
    connect.createOrUpdateConnector("parcels", connectorConfig(in));
    List<ConsumerRecord<byte[], byte[]>> all = TopicReader.readExactly(kafka.bootstrapServers(), TOPIC, 2 * COUNT,
        TIMEOUT);
    connect.deleteConnector("parcels");
    List<ConsumerRecord<byte[], byte[]>> fromConnector = all.stream()
        .filter(r -> !applicationPositions.contains(position(r))).toList();

    Map<String, ConsumerRecord<byte[], byte[]>> applicationByKey = byKey(fromApplication);
    Map<String, ConsumerRecord<byte[], byte[]>> connectorByKey = byKey(fromConnector);
    assertThat(connectorByKey.keySet()).isEqualTo(applicationByKey.keySet()).hasSize(COUNT);
    assertThat(fromConnector.stream().map(ConsumerRecord::partition).distinct())
        .as("the keys spread over every partition, so 'same partition' is not trivially true")
        .hasSize(PARTITIONS);

    ParcelScannedDeserializer deserializer = new ParcelScannedDeserializer();
    for (ParcelScanned message : messages) {
      String key = message.parcelId();
      ConsumerRecord<byte[], byte[]> application = applicationByKey.get(key);
      ConsumerRecord<byte[], byte[]> connector = connectorByKey.get(key);
      assertThat(connector.partition()).as("partition of key %s", key).isEqualTo(application.partition());
      assertThat(connector.key()).as("key bytes of %s", key).isEqualTo(application.key());
      assertThat(connector.timestamp()).as("timestamp of %s", key).isEqualTo(application.timestamp())
          .isEqualTo(message.scannedAt().toEpochMilli());
      assertThat(headers(connector)).as("headers of %s", key).isEqualTo(headers(application));

      assertThat(new String(connector.value(), StandardCharsets.UTF_8)).as("value of %s", key)
          .isEqualTo(new String(application.value(), StandardCharsets.UTF_8));
      assertThat(deserializer.deserialize(TOPIC, connector.value())).as("the connector's value read back")
          .isEqualTo(message);
    }
  }

  private static Map<String, String> connectorConfig(Path in) {
    Map<String, String> config = new HashMap<>();
    config.put("connector.class", FileSourceConnector.class.getName());
    config.put("tasks.max", "1");
    config.put("input.paths", in.toString());
    config.put("input.file.pattern", ".*\\.json");
    config.put("format", "json");
    config.put("message.class", ParcelScanned.class.getName());
    config.put("spool.finished.path", root.resolve("done").toString());
    config.put("spool.min.file.age.ms", "0");
    config.put("scan.interval.ms", "100");
    config.put("poll.interval.ms", "50");
    config.put("exactly.once.support", "required");
    config.put("key.converter", "org.apache.kafka.connect.converters.ByteArrayConverter");
    config.put("value.converter", "org.apache.kafka.connect.converters.ByteArrayConverter");
    config.put("header.converter", "org.apache.kafka.connect.converters.ByteArrayConverter");
    return config;
  }

  /** The i-th message: keys with non-ASCII characters, absent and present optional members, empty collections. */
  static ParcelScanned message(int i) {
    String key = i % 7 == 0 ? "päckchen-" + i : i % 11 == 0 ? "包裹-" + i : "p-" + i;
    String depot = i % 4 == 0 ? null : "depot-" + i % 5;
    Optional<String> note = i % 3 == 2 ? Optional.of("fragile ✓ \"" + i + "\"\n") : Optional.empty();
    List<String> labels = List.of("a" + i, "b", "c").subList(0, i % 4);
    Map<String, Integer> attempts = new LinkedHashMap<>();
    if (i % 5 != 0) {
      attempts.put("morning", i % 2);
      attempts.put("evening", i % 3);
    }
    return new ParcelScanned(key, depot, BASE.plusMillis(i * 1001L), i, (i % 50) * 0.25 + 0.5,
        BigDecimal.valueOf(i * 5L + 90, 2), ParcelScanned.Status.values()[i % 3], note, labels, attempts,
        new ParcelScanned.Size(100 + i, 200, 300));
  }

  /**
   * The i-th message as a JSON line written the way an external system might: members in reverse order, absent and
   * explicitly null optional members, timestamps with microseconds, numbers with exponents. Written independently
   * of the generated codec, so the test does not compare the codec with itself.
   */
  static String jsonLine(int i, ParcelScanned m) throws IOException {
    StringWriter out = new StringWriter();
    try (JsonGenerator json = new JsonFactory().createGenerator(out)) {
      json.writeStartObject();
      json.writeObjectFieldStart("size");
      json.writeNumberField("heightMm", m.size().heightMm());
      json.writeNumberField("widthMm", m.size().widthMm());
      json.writeNumberField("lengthMm", m.size().lengthMm());
      json.writeEndObject();
      json.writeObjectFieldStart("attempts");
      for (Map.Entry<String, Integer> attempt : m.attempts().entrySet()) {
        json.writeNumberField(attempt.getKey(), attempt.getValue());
      }
      json.writeEndObject();
      json.writeArrayFieldStart("labels");
      for (String label : m.labels()) {
        json.writeString(label);
      }
      json.writeEndArray();
      if (m.note().isPresent()) {
        json.writeStringField("note", m.note().get());
      } else if (i % 3 == 1) {
        json.writeNullField("note");
      }
      json.writeStringField("status", m.status().name());
      json.writeFieldName("fee");
      json.writeNumber(m.fee().toString());
      json.writeFieldName("weightKg");
      json.writeNumber(i % 2 == 0 ? Double.toString(m.weightKg())
          : m.weightKg() * 100 + "e-2");
      json.writeNumberField("sequence", m.sequence());
      json.writeStringField("scannedAt", i % 2 == 0 ? m.scannedAt().toString() : MICROS.format(m.scannedAt()));
      if (m.depot() != null) {
        json.writeStringField("depot", m.depot());
      } else if (i % 8 == 4) {
        json.writeNullField("depot");
      }
      json.writeStringField("parcelId", m.parcelId());
      json.writeEndObject();
    }
    return out.toString();
  }

  private static String position(ConsumerRecord<byte[], byte[]> record) {
    return record.partition() + "@" + record.offset();
  }

  private static Map<String, ConsumerRecord<byte[], byte[]>> byKey(List<ConsumerRecord<byte[], byte[]>> records) {
    return records.stream().collect(Collectors.toMap(r -> new String(r.key(), StandardCharsets.UTF_8),
        Function.identity()));
  }

  private static List<String> headers(ConsumerRecord<byte[], byte[]> record) {
    List<String> headers = new ArrayList<>();
    for (Header header : record.headers()) {
      headers.add(header.key() + "=" + new String(header.value(), StandardCharsets.UTF_8));
    }
    return headers;
  }
}
