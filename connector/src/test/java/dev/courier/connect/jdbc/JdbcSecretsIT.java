/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.connect.jdbc;

import static dev.courier.connect.jdbc.JdbcIt.config;
import static dev.courier.connect.jdbc.JdbcIt.exec;
import static dev.courier.connect.jdbc.JdbcIt.texts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.courier.harness.LogCapture;
import dev.courier.harness.ValidationResult;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.apache.logging.log4j.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * A password in {@code connection.url} never shows: not in what the worker, Kafka's config dumps or Courier log at
 * INFO while the JDBC source starts, runs, restarts and stops or is refused for a URL it cannot connect to, nor in the
 * REST validate response, which shows the URL as {@code [hidden]}. It runs on the real PostgreSQL of this machine
 * (trust authentication, so the password in the URL is sent but not needed).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class JdbcSecretsIT extends PostgresItBase {

  private static final String URL_SECRET = "Url-Secret-8841";
  private static final String SSL_SECRET = "Ssl-Secret-2203";
  private static final String SECRET_URL = JdbcIt.POSTGRES_URL + "?password=" + URL_SECRET + "&sslpassword="
      + SSL_SECRET + "&connectTimeout=5";

  private LogCapture logs;

  @Override
  @BeforeAll
  void start() throws Exception {
    logs = LogCapture.start(Level.INFO);
    super.start();
  }

  @Override
  @AfterAll
  void stop() throws Exception {
    try {
      super.stop();
    } finally {
      if (logs != null) {
        logs.close();
      }
    }
  }

  private static void assertNoSecret(String where, String text) {
    assertThat(text).as(where + " must not show the URL's passwords").doesNotContain(URL_SECRET)
        .doesNotContain(SSL_SECRET);
  }

  @Test
  @Order(1)
  void aSourceWithAPasswordInItsUrlRunsAndRestartsWithoutLoggingIt() throws Exception {
    String name = table("secret", "id BIGSERIAL PRIMARY KEY, item TEXT NOT NULL");
    exec(db, "INSERT INTO " + name + " (item) VALUES ('a'), ('b')");
    kafka.createTopic(name, 1);
    connect.createOrUpdateConnector(name, config(SECRET_URL, "postgres", name, "table.names", name, "mode",
        "incrementing", "incrementing.column.name", "id"));
    connect.awaitConnectorAndTasksRunning(name, 1, TIMEOUT);
    assertThat(texts(read(name, 2), "item")).containsExactly("a", "b");
    connect.restartConnector(name, true, false);
    connect.awaitConnectorAndTasksRunning(name, 1, TIMEOUT);
    exec(db, "INSERT INTO " + name + " (item) VALUES ('c')");
    assertThat(texts(read(name, 3), "item")).containsExactly("a", "b", "c");
    assertNoSecret("status", connect.rest("GET", "/connectors/" + name + "/status", null).body());
    connect.deleteConnector(name);
  }

  @Test
  @Order(2)
  void validateShowsTheUrlHiddenAndItsErrorsShowItMasked() {
    String unreachable = "jdbc:postgresql://127.0.0.1:1/test?password=" + URL_SECRET + "&connectTimeout=2";
    Map<String, String> config = config(unreachable, "postgres", "unreachable", "name", "unreachable",
        "table.names", "t", "mode", "bulk", "transaction.boundary", "connector", "connection.timeout.ms", "2000");
    ValidationResult result = connect.validate(JdbcSourceConnector.class.getName(), config);
    assertThat(result.errorsFor("connection.url")).singleElement().asString()
        .contains("cannot connect to jdbc:postgresql://127.0.0.1:1/test?password=****&connectTimeout=2");
    HttpResponse<String> raw = connect.rest("PUT", "/connector-plugins/" + JdbcSourceConnector.class.getName()
        + "/config/validate", JdbcIt.toJson(config));
    assertThat(raw.statusCode()).isEqualTo(200);
    assertThat(raw.body()).contains("\"name\":\"connection.url\",\"value\":\"[hidden]\"");
    assertNoSecret("the validate response", raw.body());

    ValidationResult notJdbc = connect.validate(JdbcSourceConnector.class.getName(), config("jbdc:postgresql://"
        + "127.0.0.1/test?password=" + URL_SECRET, "postgres", "t", "table.names", "t", "mode", "bulk"));
    assertThat(notJdbc.errorsFor("connection.url")).singleElement().asString().contains("starts with jdbc:");
    assertNoSecret("the validate errors", notJdbc.errors().toString());

    assertThatThrownBy(() -> connect.createOrUpdateConnector("unreachable", config))
        .hasMessageContaining("HTTP 400").hasMessageContaining("password=****")
        .satisfies(e -> assertNoSecret("the worker's refusal", e.getMessage()));
  }

  @Test
  @Order(3)
  void nothingLoggedAtInfoShowsTheUrlsPasswords() {
    connect.close();
    String text = logs.text();
    // The capture saw what matters: the worker's config dumps and Courier's start line with the URL masked.
    assertThat(text).contains("values:").contains("Courier JDBC source task for connector")
        .contains("password=****");
    List<String> leaks = logs.events(event -> event.contains(URL_SECRET) || event.contains(SSL_SECRET));
    assertThat(leaks).as("log events that show a password of connection.url").isEmpty();
    assertNoSecret("logs", text);
  }
}
