/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.harness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.courier.Acks;
import dev.courier.SendMode;
import dev.courier.config.ProducerSettings;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.SslAuthenticationException;
import org.apache.kafka.common.security.auth.SecurityProtocol;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A broker with TLS, SASL_PLAINTEXT and SASL_SSL listeners, reached by producers whose configuration comes from
 * {@link ProducerSettings#merge} with nothing but standard Kafka client properties, and by a Connect worker.
 */
class SecureListenersIT {
  private static final String WRONG_PASSWORD = "not-the-password-42";
  private static EmbeddedKafka kafka;

  @BeforeAll
  static void start() {
    kafka = EmbeddedKafka.builder()
        .listener(SecurityProtocol.SSL)
        .listener(SecurityProtocol.SASL_PLAINTEXT)
        .listener(SecurityProtocol.SASL_SSL)
        .saslUser("alice", "alice-secret-7")
        .build();
  }

  @AfterAll
  static void stop() {
    if (kafka != null) {
      kafka.close();
    }
  }

  private static final ProducerSettings SETTINGS = ProducerSettings.builder()
      .origin("@KafkaMessage on com.acme.Secure")
      .sendMode(SendMode.SYNC)
      .acks(Acks.ALL)
      .idempotence(true)
      .build();

  private static Map<String, Object> withTimeouts(Map<String, Object> props) {
    Map<String, Object> runtime = new HashMap<>(props);
    runtime.put("client.id", "secure-it");
    runtime.put("max.block.ms", "15000");
    runtime.put("request.timeout.ms", "10000");
    runtime.put("delivery.timeout.ms", "15000");
    return runtime;
  }

  private static List<String> sendAndReadBack(Map<String, Object> clientProps, String topic, int count)
      throws Exception {
    kafka.createTopic(topic, 1);
    Map<String, Object> config = SETTINGS.merge(withTimeouts(clientProps));
    try (KafkaProducer<String, String> producer = new KafkaProducer<>(config, new StringSerializer(),
        new StringSerializer())) {
      for (int i = 0; i < count; i++) {
        RecordMetadata metadata = producer.send(new ProducerRecord<>(topic, "k" + i, topic + "-" + i))
            .get(30, TimeUnit.SECONDS);
        assertThat(metadata.offset()).isEqualTo(i);
      }
    }
    // Read back over the same secured listener.
    Map<String, Object> consumerProps = new HashMap<>(clientProps);
    consumerProps.put("isolation.level", "read_committed");
    consumerProps.put("enable.auto.commit", "false");
    List<String> values = new ArrayList<>();
    try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerProps, new StringDeserializer(),
        new StringDeserializer())) {
      TopicPartition partition = new TopicPartition(topic, 0);
      consumer.assign(List.of(partition));
      consumer.seekToBeginning(List.of(partition));
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (values.size() < count && System.nanoTime() < deadline) {
        consumer.poll(Duration.ofMillis(200)).forEach(r -> values.add(r.value()));
      }
    }
    return values;
  }

  private static Throwable sendFailure(Map<String, Object> clientProps, String topic) {
    Map<String, Object> config = SETTINGS.merge(withTimeouts(clientProps));
    try (KafkaProducer<String, String> producer = new KafkaProducer<>(config, new StringSerializer(),
        new StringSerializer())) {
      Throwable thrown = catchThrowable(() -> producer.send(new ProducerRecord<>(topic, "k", "v"))
          .get(30, TimeUnit.SECONDS));
      return thrown instanceof ExecutionException ? thrown.getCause() : thrown;
    }
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({
      "SSL, PLAIN",
      "SASL_PLAINTEXT, PLAIN",
      "SASL_SSL, PLAIN",
      "SASL_PLAINTEXT, SCRAM_SHA_512",
      "SASL_SSL, SCRAM_SHA_512"})
  void producerFromMergedStandardPropertiesWritesOverTheSecuredListener(SecurityProtocol protocol,
      SaslMechanism mechanism) throws Exception {
    Map<String, Object> props = kafka.clientProperties(protocol, mechanism, kafka.saslUser(), kafka.saslPassword());
    assertThat(props).containsEntry("security.protocol", protocol.name)
        .containsEntry("bootstrap.servers", kafka.bootstrapServers(protocol))
        .doesNotContainKey("ssl.endpoint.identification.algorithm");
    String topic = ("secured-" + protocol + "-" + mechanism).toLowerCase().replace('_', '-');

    assertThat(sendAndReadBack(props, topic, 5))
        .containsExactly(topic + "-0", topic + "-1", topic + "-2", topic + "-3", topic + "-4");
  }

  @Test
  void anAddedUserAuthenticatesWithScram() throws Exception {
    Map<String, Object> props = kafka.clientProperties(SecurityProtocol.SASL_SSL, SaslMechanism.SCRAM_SHA_512,
        "alice", "alice-secret-7");
    assertThat(sendAndReadBack(props, "alice-scram", 2)).containsExactly("alice-scram-0", "alice-scram-1");
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({
      "SASL_PLAINTEXT, PLAIN",
      "SASL_SSL, PLAIN",
      "SASL_PLAINTEXT, SCRAM_SHA_512",
      "SASL_SSL, SCRAM_SHA_512"})
  void aWrongPasswordFailsWithAClearAuthenticationErrorThatDoesNotShowThePassword(SecurityProtocol protocol,
      SaslMechanism mechanism) {
    Map<String, Object> props = kafka.clientProperties(protocol, mechanism, kafka.saslUser(), WRONG_PASSWORD);

    Throwable failure = sendFailure(props, "never-written");

    assertThat(failure).isInstanceOf(SaslAuthenticationException.class)
        .hasMessageContaining("Authentication failed")
        .hasMessageContaining(mechanism == SaslMechanism.PLAIN ? "Invalid username or password" : "invalid credentials");
    assertThat(failure.getMessage()).doesNotContain(WRONG_PASSWORD).doesNotContain(kafka.saslPassword());
  }

  @Test
  void anUnknownUserFailsAuthentication() {
    Map<String, Object> props = kafka.clientProperties(SecurityProtocol.SASL_SSL, SaslMechanism.SCRAM_SHA_512,
        "mallory", "whatever-1");
    assertThat(sendFailure(props, "never-written")).isInstanceOf(SaslAuthenticationException.class)
        .hasMessageContaining("Authentication failed");
  }

  @Test
  void aClientThatDoesNotTrustTheBrokersCertificateFailsTheTlsHandshake() {
    Map<String, Object> props = kafka.clientProperties(SecurityProtocol.SSL);
    props.remove("ssl.truststore.location");
    props.remove("ssl.truststore.password");
    props.remove("ssl.truststore.type");

    assertThat(sendFailure(props, "never-written")).isInstanceOf(SslAuthenticationException.class)
        .hasMessageContaining("SSL handshake failed");
  }

  @Test
  void aConnectWorkerOverSaslSslRunsAnExactlyOnceSourceConnector() {
    kafka.createTopic("secured-connect", 1);
    try (EmbeddedConnect connect = EmbeddedConnect.builder(kafka)
        .kafkaClientProperties(kafka.clientProperties(SecurityProtocol.SASL_SSL, SaslMechanism.SCRAM_SHA_512,
            "alice", "alice-secret-7"))
        .build()) {
      assertThat(connect.workerProperties())
          .containsEntry("bootstrap.servers", kafka.bootstrapServers(SecurityProtocol.SASL_SSL))
          .containsEntry("producer.security.protocol", "SASL_SSL")
          .containsEntry("consumer.sasl.mechanism", "SCRAM-SHA-512")
          .containsKey("admin.sasl.jaas.config");
      connect.createOrUpdateConnector("secured", Map.of(
          "connector.class", CountingSourceConnector.class.getName(),
          "tasks.max", "1",
          "topic", "secured-connect",
          "count", "20",
          "exactly.once.support", "required",
          "key.converter", "org.apache.kafka.connect.storage.StringConverter",
          "value.converter", "org.apache.kafka.connect.storage.StringConverter"));
      connect.awaitConnectorAndTasksRunning("secured", 1, Duration.ofSeconds(60));

      List<ConsumerRecord<byte[], byte[]>> records = TopicReader.readExactly(kafka.bootstrapServers(),
          "secured-connect", 20, Duration.ofSeconds(60));
      assertThat(records).extracting(r -> new String(r.value(), StandardCharsets.UTF_8))
          .containsExactlyElementsOf(java.util.stream.IntStream.range(0, 20).mapToObj(i -> "record-" + i).toList());
      connect.deleteConnector("secured");
    }
  }

  @Test
  void aWorkerProcessOverSaslSslRunsAConnector() throws Exception {
    kafka.createTopic("secured-process", 1);
    try (WorkerProcess worker = WorkerProcess.builder(kafka.bootstrapServers(SecurityProtocol.SASL_SSL))
        .kafkaClientProperties(kafka.clientProperties(SecurityProtocol.SASL_SSL, SaslMechanism.SCRAM_SHA_512,
            "alice", "alice-secret-7"))
        .build()) {
      // The JAAS line (quotes, semicolon) survives the properties file; the file is readable by its owner only.
      Path properties;
      try (var files = java.nio.file.Files.list(worker.logFile().getParent())) {
        properties = files.filter(f -> f.toString().endsWith(".properties") && !f.toString().contains("log4j2"))
            .findFirst().orElseThrow();
      }
      assertThat(java.nio.file.Files.getPosixFilePermissions(properties))
          .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
      worker.rest().createOrUpdateConnector("secured-process", Map.of(
          "connector.class", CountingSourceConnector.class.getName(),
          "tasks.max", "1",
          "topic", "secured-process",
          "count", "10",
          "exactly.once.support", "required",
          "key.converter", "org.apache.kafka.connect.storage.StringConverter",
          "value.converter", "org.apache.kafka.connect.storage.StringConverter"));
      worker.rest().awaitConnectorAndTasksRunning("secured-process", 1, Duration.ofSeconds(90));
      assertThat(TopicReader.readExactly(kafka.bootstrapServers(), "secured-process", 10, Duration.ofSeconds(60)))
          .hasSize(10);
      assertThat(java.nio.file.Files.readString(worker.logFile())).doesNotContain("alice-secret-7")
          .doesNotContain(kafka.saslPassword());
    }
  }
}
