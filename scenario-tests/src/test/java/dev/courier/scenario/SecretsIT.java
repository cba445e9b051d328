/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.courier.config.ProducerSettingsException;
import dev.courier.connect.file.FileSourceConnector;
import dev.courier.harness.ConnectorStatus;
import dev.courier.harness.EmbeddedConnect;
import dev.courier.harness.EmbeddedKafka;
import dev.courier.harness.LogCapture;
import dev.courier.harness.SaslMechanism;
import dev.courier.harness.TopicReader;
import dev.courier.runtime.SendException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.security.auth.SecurityProtocol;
import org.apache.logging.log4j.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Courier's own surfaces never show a secret ({@code sasl.jaas.config}, {@code ssl.*.password}): generated producers
 * and their exceptions and error handler, {@code ProducerSettingsException}, the file source's validate response,
 * its tasks' status traces, and everything logged at INFO (Courier at TRACE) by Courier, Kafka and Connect while a
 * broker, a worker and producers run over SASL_SSL with only standard Kafka client properties.
 */
@Tag("scenario")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SecretsIT {
  private static final String ALICE_SECRET = "alice-Pa55-8812";
  private static final String WRONG_SECRET = "wrong-Pa55-1977";
  private static final String TYPO_SECRET = "typo-Pa55-3301";
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  static Path root;
  private static LogCapture logs;
  private static EmbeddedKafka kafka;
  private static EmbeddedConnect connect;
  private static final List<String> SECRETS = new ArrayList<>(List.of(ALICE_SECRET, WRONG_SECRET, TYPO_SECRET));

  @BeforeAll
  static void start() {
    logs = LogCapture.start(Level.INFO, Map.of("dev.courier", Level.TRACE));
    kafka = EmbeddedKafka.builder().listener(SecurityProtocol.SASL_SSL).saslUser("alice", ALICE_SECRET).build();
    Map<String, Object> client = kafka.clientProperties(SecurityProtocol.SASL_SSL);
    SECRETS.add(kafka.saslPassword());
    SECRETS.add((String) client.get("ssl.truststore.password"));
    connect = EmbeddedConnect.builder(kafka).kafkaClientProperties(client).build();
  }

  @AfterAll
  static void stop() {
    try {
      if (kafka != null) {
        kafka.close();
      }
    } finally {
      if (logs != null) {
        logs.close();
      }
    }
  }

  private static void assertNoSecret(String where, Object shown) {
    String text = shown instanceof Throwable t ? trace(t) : String.valueOf(shown);
    for (String secret : SECRETS) {
      assertThat(text).as("%s must not show a secret", where).doesNotContain(secret);
    }
  }

  private static String trace(Throwable t) {
    StringWriter out = new StringWriter();
    t.printStackTrace(new PrintWriter(out));
    return out.toString();
  }

  private static Map<String, Object> runtime(String password) {
    Map<String, Object> props = kafka.clientProperties(SecurityProtocol.SASL_SSL, SaslMechanism.SCRAM_SHA_512,
        "alice", password);
    props.put("max.block.ms", 5000);
    props.put("delivery.timeout.ms", 5000);
    props.put("request.timeout.ms", 3000);
    return props;
  }

  @Test
  @Order(1)
  void generatedProducersWorkOverSaslSslAndShowNoSecretWhenTheyFail() throws Exception {
    kafka.createTopic(SyncTickProducer.TOPIC, 1);
    kafka.createTopic(FireTickProducer.TOPIC, 1);
    try (SyncTickProducer producer = SyncTickProducer.create(runtime(ALICE_SECRET))) {
      assertThat(producer.send(new SyncTick("secure", 1)).offset()).isZero();
    }

    try (SyncTickProducer producer = SyncTickProducer.create(runtime(WRONG_SECRET))) {
      Throwable failure = catchThrowable(() -> producer.send(new SyncTick("secure", 2)));
      assertThat(failure).isInstanceOf(SendException.class).hasRootCauseInstanceOf(SaslAuthenticationException.class);
      assertNoSecret("SYNC send exception", failure);
    }

    // FIRE_AND_FORGET with the default handler, which logs the failure (checked with all logs at the end).
    try (FireTickProducer producer = FireTickProducer.create(runtime(WRONG_SECRET))) {
      producer.send(new FireTick("secure", 3));
      producer.flush();
    }
    CountDownLatch handled = new CountDownLatch(1);
    List<Exception> failures = new ArrayList<>();
    try (FireTickProducer producer = FireTickProducer.create(runtime(WRONG_SECRET), (topic, key, message, e) -> {
      failures.add(e);
      handled.countDown();
    })) {
      producer.send(new FireTick("secure", 4));
      assertThat(handled.await(30, TimeUnit.SECONDS)).isTrue();
    }
    assertNoSecret("FIRE_AND_FORGET failure", failures.get(0));
    assertThat(logs.events(e -> e.contains("Courier could not send a record to topic restart-fire"))).isNotEmpty();
  }

  @Test
  @Order(2)
  void aRuntimeContradictionNamesTheKeyButNoSecret() {
    Map<String, Object> props = runtime(ALICE_SECRET);
    // SyncTick's send mode is SYNC, which needs acks != 0 to return an offset.
    props.put("acks", "0");
    props.put("ssl.key.password", TYPO_SECRET);
    Throwable failure = catchThrowable(() -> SyncTickProducer.create(props));
    assertThat(failure).isInstanceOf(ProducerSettingsException.class).hasMessageContaining("acks");
    assertNoSecret("ProducerSettingsException", failure);
  }

  private Map<String, String> connectorConfig(String topic, Path in, String jaasPassword) {
    Map<String, String> config = new LinkedHashMap<>();
    config.put("connector.class", FileSourceConnector.class.getName());
    config.put("tasks.max", "1");
    config.put("input.paths", in.toString());
    config.put("input.file.pattern", ".*\\.txt");
    config.put("format", "text");
    config.put("mode", "tail");
    config.put("topic", topic);
    config.put("scan.interval.ms", "100");
    config.put("exactly.once.support", "required");
    config.put("key.converter", "org.apache.kafka.connect.storage.StringConverter");
    config.put("value.converter", "org.apache.kafka.connect.storage.StringConverter");
    config.put("producer.override.sasl.mechanism", "SCRAM-SHA-512");
    config.put("producer.override.sasl.jaas.config", SaslMechanism.SCRAM_SHA_512.clientJaasConfig("alice",
        jaasPassword));
    return config;
  }

  @Test
  @Order(3)
  void theFileSourceValidateResponseShowsNoSecretOfCourierOwnErrors() throws Exception {
    Path in = Files.createDirectories(root.resolve("validate"));
    Map<String, String> config = connectorConfig("validated", in, ALICE_SECRET);
    config.put("producer.override.acks", "0");
    config.put("producer.override.ssl.truststore.pasword", TYPO_SECRET);

    HttpResponse<String> response = connect.rest("PUT", "/connector-plugins/"
        + FileSourceConnector.class.getName() + "/config/validate", JSON.writeValueAsString(config));

    assertThat(response.statusCode()).isEqualTo(200);
    Map<String, JsonNode> values = new HashMap<>();
    List<String> courierErrors = new ArrayList<>();
    for (JsonNode entry : JSON.readTree(response.body()).path("configs")) {
      JsonNode value = entry.path("value");
      values.merge(value.path("name").asText(), value, (a, b) -> a.path("errors").size() > 0 ? a : b);
      value.path("errors").forEach(e -> {
        if (e.asText().startsWith("[courier.")) {
          courierErrors.add(value.path("name").asText() + ": " + e.asText());
        }
      });
    }
    assertThat(courierErrors).anySatisfy(e -> assertThat(e).startsWith("producer.override.acks: [courier."))
        .anySatisfy(e -> assertThat(e).startsWith("producer.override.ssl.truststore.pasword: [courier.unknown-key]"));
    assertNoSecret("Courier's validation errors", courierErrors);
    assertThat(values.get("producer.override.sasl.jaas.config").path("value").asText()).isEqualTo("[hidden]");
    // Connect adds an entry of its own (from its client override policy) for each producer.override.* key; for a key
    // it does not know as a producer key it echoes the value as given. That is Connect's behaviour, not Courier's:
    // every entry that carries a Courier error, and every other entry, shows no secret.
    for (JsonNode entry : JSON.readTree(response.body()).path("configs")) {
      JsonNode value = entry.path("value");
      boolean connectEchoOfTheTypo = value.path("name").asText().equals("producer.override.ssl.truststore.pasword")
          && value.path("errors").isEmpty();
      if (connectEchoOfTheTypo) {
        System.out.println("SecretsIT: Connect's own validate entry echoes an unknown override key: " + value);
      } else {
        assertNoSecret("validate entry " + value.path("name").asText(), value);
      }
    }
  }

  @Test
  @Order(4)
  void aFileSourceTaskWhoseProducerCannotAuthenticateShowsNoSecretInItsTrace() throws Exception {
    Path in = Files.createDirectories(root.resolve("wrong"));
    Files.writeString(in.resolve("a.txt"), "line\n");
    kafka.createTopic("file-wrong", 1);
    connect.createOrUpdateConnector("file-wrong", connectorConfig("file-wrong", in, WRONG_SECRET));

    ConnectorStatus status = connect.awaitStatus("file-wrong", "its task to fail", ConnectorStatus::hasFailed,
        Duration.ofSeconds(60));

    assertThat(status.tasks().get(0).trace()).contains("SaslAuthenticationException");
    assertNoSecret("task trace", status.tasks().get(0).trace());
    assertNoSecret("status", connect.rest("GET", "/connectors/file-wrong/status", null).body());
    connect.deleteConnector("file-wrong");

    Path good = Files.createDirectories(root.resolve("good"));
    Files.writeString(good.resolve("a.txt"), "secured-1\nsecured-2\n");
    kafka.createTopic("file-good", 1);
    connect.createOrUpdateConnector("file-good", connectorConfig("file-good", good, ALICE_SECRET));
    connect.awaitConnectorAndTasksRunning("file-good", 1, Duration.ofSeconds(60));
    assertThat(TopicReader.readExactly(kafka.bootstrapServers(), "file-good", 2, Duration.ofSeconds(60))).hasSize(2);
    connect.deleteConnector("file-good");
  }

  @Test
  @Order(5)
  void nothingLoggedShowsASecret() {
    connect.close();
    String text = logs.text();
    assertThat(text).contains("ProducerConfig values").contains("sasl.jaas.config = [hidden]")
        .contains("Courier file source task");
    assertNoSecret("logs", text);
  }
}
