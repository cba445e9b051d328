/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.harness;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.security.auth.SecurityProtocol;
import org.apache.logging.log4j.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * What Kafka Connect shows of a connector's secrets, on a worker that reaches the broker over SASL_SSL: a
 * {@code PASSWORD} key of the connector, and {@code producer.override.sasl.jaas.config}.
 *
 * <p>Connect's behaviour, pinned here so that a change shows: {@code GET /connectors/{name}/config} (and
 * {@code /connectors/{name}}, {@code /tasks}) return the configuration as the user gave it, secrets included; the
 * config topic holds it in clear. The way to keep a secret out of both is a config provider ({@code ${file:...}}),
 * shown to work below. Validate responses, status traces and logs at INFO show no secret.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConnectSecretsIT {
  private static final String API_SECRET = "api-Secret-7781";
  private static final String ALICE_SECRET = "alice-Secret-0042";
  private static final String WRONG_SECRET = "wrong-Secret-5531";
  private static final String FILE_API_SECRET = "file-Secret-2290";
  private static final String SHORT_SECRET = "Sh0rt-7";

  @TempDir
  static Path tmp;
  private static LogCapture logs;
  private static EmbeddedKafka kafka;
  private static EmbeddedConnect connect;
  private static final List<String> SECRETS = new ArrayList<>(List.of(API_SECRET, ALICE_SECRET, WRONG_SECRET,
      FILE_API_SECRET, SHORT_SECRET));

  @BeforeAll
  static void start() {
    logs = LogCapture.start(Level.INFO, Map.of("dev.courier", Level.TRACE));
    kafka = EmbeddedKafka.builder().listener(SecurityProtocol.SASL_SSL).saslUser("alice", ALICE_SECRET).build();
    Map<String, Object> client = kafka.clientProperties(SecurityProtocol.SASL_SSL);
    SECRETS.add(kafka.saslPassword());
    SECRETS.add((String) client.get("ssl.truststore.password"));
    connect = EmbeddedConnect.builder(kafka)
        .kafkaClientProperties(client)
        .workerProperty("config.providers", "file")
        .workerProperty("config.providers.file.class", "org.apache.kafka.common.config.provider.FileConfigProvider")
        .build();
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

  private static String aliceJaas(String password) {
    return SaslMechanism.SCRAM_SHA_512.clientJaasConfig("alice", password);
  }

  private static Map<String, String> config(String topic, String apiPassword, String jaas) {
    Map<String, String> config = new LinkedHashMap<>();
    config.put("connector.class", PasswordSourceConnector.class.getName());
    config.put("tasks.max", "1");
    config.put("topic", topic);
    config.put("api.password", apiPassword);
    config.put("producer.override.sasl.mechanism", "SCRAM-SHA-512");
    config.put("producer.override.sasl.jaas.config", jaas);
    config.put("value.converter", "org.apache.kafka.connect.storage.StringConverter");
    return config;
  }

  private static void assertNoSecret(String where, String text) {
    for (String secret : SECRETS) {
      assertThat(text).as(where + " must not show a secret").doesNotContain(secret);
    }
  }

  @Test
  @Order(1)
  void restShowsTheConfigAsGivenButValidateAndStatusHideTheSecrets() {
    kafka.createTopic("with-secrets", 1);
    Map<String, String> config = config("with-secrets", API_SECRET, aliceJaas(ALICE_SECRET));
    config.put("api.password.sha256", PasswordSourceConnector.sha256(API_SECRET));
    connect.createOrUpdateConnector("with-secrets", config);
    connect.awaitConnectorAndTasksRunning("with-secrets", 1, Duration.ofSeconds(60));
    // The task's producer authenticated as alice with SCRAM over SASL_SSL.
    TopicReader.readExactly(kafka.bootstrapServers(), "with-secrets", 3, Duration.ofSeconds(30));

    // Connect's behaviour: what the user gave comes back, secrets included.
    String givenBack = connect.rest("GET", "/connectors/with-secrets/config", null).body();
    assertThat(givenBack).contains(API_SECRET).contains(ALICE_SECRET);
    assertThat(connect.rest("GET", "/connectors/with-secrets/tasks", null).body()).contains(API_SECRET);

    HttpResponse<String> status = connect.rest("GET", "/connectors/with-secrets/status", null);
    assertThat(status.statusCode()).isEqualTo(200);
    assertNoSecret("status", status.body());

    Map<String, String> invalid = config("with-secrets", SHORT_SECRET, aliceJaas(ALICE_SECRET));
    HttpResponse<String> validate = connect.rest("PUT", "/connector-plugins/"
        + PasswordSourceConnector.class.getName() + "/config/validate", json(invalid));
    assertThat(validate.statusCode()).isEqualTo(200);
    assertThat(validate.body()).contains("must have at least 8 characters").contains("[hidden]")
        .contains("producer.override.sasl.jaas.config");
    assertNoSecret("validate response", validate.body());
    connect.deleteConnector("with-secrets");
  }

  @Test
  @Order(2)
  void aTaskWhoseProducerCannotAuthenticateFailsWithATraceThatShowsNoSecret() {
    kafka.createTopic("wrong-secret", 1);
    connect.createOrUpdateConnector("wrong-secret", config("wrong-secret", API_SECRET, aliceJaas(WRONG_SECRET)));

    ConnectorStatus status = connect.awaitStatus("wrong-secret", "its task to fail", ConnectorStatus::hasFailed,
        Duration.ofSeconds(60));

    String trace = status.tasks().get(0).trace();
    assertThat(trace).contains("SaslAuthenticationException").contains("invalid credentials");
    assertNoSecret("task trace", trace);
    assertNoSecret("status", connect.rest("GET", "/connectors/wrong-secret/status", null).body());
    connect.deleteConnector("wrong-secret");
  }

  @Test
  @Order(3)
  void aConfigProviderKeepsTheSecretsOutOfTheRestApiAndTheConfigTopic() throws Exception {
    Path secrets = tmp.resolve("secrets.properties");
    Files.writeString(secrets, "api.password=" + FILE_API_SECRET + "\njaas=" + aliceJaas(ALICE_SECRET)
        .replace("\\", "\\\\") + "\n");
    kafka.createTopic("from-provider", 1);
    Map<String, String> config = config("from-provider", "${file:" + secrets + ":api.password}",
        "${file:" + secrets + ":jaas}");
    config.put("api.password.sha256", PasswordSourceConnector.sha256(FILE_API_SECRET));
    connect.createOrUpdateConnector("from-provider", config);
    connect.awaitConnectorAndTasksRunning("from-provider", 1, Duration.ofSeconds(60));
    // The task got the resolved password (its hash matched) and its producer authenticated with the resolved JAAS.
    TopicReader.readExactly(kafka.bootstrapServers(), "from-provider", 3, Duration.ofSeconds(30));

    String givenBack = connect.rest("GET", "/connectors/from-provider/config", null).body();
    assertThat(givenBack).contains("${file:" + secrets + ":api.password}");
    assertNoSecret("config", givenBack);
    assertNoSecret("tasks", connect.rest("GET", "/connectors/from-provider/tasks", null).body());
    // The config topic holds the placeholders only.
    String configTopic = String.join("\n", TopicReader.readAll(kafka.bootstrapServers(), connect.groupId() + "-configs",
        Duration.ofSeconds(1)).stream().map(r -> r.value() == null ? "" : new String(r.value(),
            java.nio.charset.StandardCharsets.UTF_8)).toList());
    assertThat(configTopic).contains("${file:" + secrets + ":api.password}").doesNotContain(FILE_API_SECRET);
    connect.deleteConnector("from-provider");
  }

  @Test
  @Order(4)
  void nothingLoggedAtInfoShowsASecret() {
    connect.close();
    String text = logs.text();
    // The capture saw what matters: Kafka's config dumps and the authentication failure.
    assertThat(text).contains("ProducerConfig values").contains("sasl.jaas.config = [hidden]")
        .contains("invalid credentials");
    assertNoSecret("logs", text);
  }

  private static String json(Map<String, String> config) {
    try {
      return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(config);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
