/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The registry client's HTTP side against a scripted server (the JDK's): credentials, URL failover, and how each
 * refusal reads. What a real registry answers is checked by the ITs on Apicurio Registry.
 */
class SchemaRegistryClientTest {
  private HttpServer server;
  private final List<String> requests = new ArrayList<>();
  private final List<String> authorizations = new ArrayList<>();
  private volatile int status = 200;
  private volatile String body = "{\"id\":7}";

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::answer);
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private void answer(HttpExchange exchange) throws IOException {
    requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI() + " "
        + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
    authorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
    byte[] answer = body.getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(status, answer.length);
    exchange.getResponseBody().write(answer);
    exchange.close();
  }

  private String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/apis/ccompat/v7";
  }

  private SchemaRegistryClient client(Map<String, ?> properties) {
    return SchemaRegistryClient.create(SchemaRegistryConfig.of(properties));
  }

  @Test
  void registersTheSchemaAsJsonUnderTheEncodedSubject() {
    int id = client(Map.of(SchemaRegistryConfig.URL, url())).register("com.acme.Order Placed", "{\"type\":\"object\"}");

    assertThat(id).isEqualTo(7);
    assertThat(requests).containsExactly("POST /apis/ccompat/v7/subjects/com.acme.Order%20Placed/versions "
        + "{\"schemaType\":\"JSON\",\"schema\":\"{\\\"type\\\":\\\"object\\\"}\"}");
    assertThat(authorizations).containsExactly("null");
  }

  @Test
  void sendsBasicAuthFromUserInfoOrFromTheUrl() {
    client(Map.of(SchemaRegistryConfig.URL, url(), SchemaRegistryConfig.CREDENTIALS_SOURCE, "USER_INFO",
        SchemaRegistryConfig.USER_INFO, "courier:s3cret")).register("s", "{}");
    client(Map.of(SchemaRegistryConfig.URL, url().replace("http://", "http://app:p%40ss@"))).register("s", "{}");

    assertThat(authorizations).containsExactly(
        "Basic " + Base64.getEncoder().encodeToString("courier:s3cret".getBytes(StandardCharsets.UTF_8)),
        "Basic " + Base64.getEncoder().encodeToString("app:p@ss".getBytes(StandardCharsets.UTF_8)));
    assertThat(requests).allSatisfy(request -> assertThat(request).doesNotContain("p%40ss"));
  }

  @Test
  void userInfoAsTheSourceNeedsUserAndPassword() {
    assertThatThrownBy(() -> SchemaRegistryConfig.of(Map.of(SchemaRegistryConfig.URL, url(),
        SchemaRegistryConfig.CREDENTIALS_SOURCE, "USER_INFO")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(SchemaRegistryConfig.USER_INFO)
        .hasMessageContaining("user:password");
  }

  @Test
  void triesTheUrlsInOrderUntilOneAnswers() throws IOException {
    int closed;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closed = socket.getLocalPort();
    }
    int id = client(Map.of(SchemaRegistryConfig.URL, "http://127.0.0.1:" + closed + "/," + url()))
        .register("s", "{}");

    assertThat(id).isEqualTo(7);
    assertThat(requests).hasSize(1);
  }

  @Test
  void noRegistryAnsweringIsAnErrorThatNamesTheUrls() throws IOException {
    server.stop(0);
    assertThatThrownBy(() -> client(Map.of(SchemaRegistryConfig.URL, url())).register("s", "{}"))
        .isInstanceOfSatisfying(SchemaRegistryException.class, e -> assertThat(e.status()).isZero())
        .hasMessageContaining("no Schema Registry answered at [" + url() + "/]")
        .hasMessageContaining("Fix: check schema.registry.url");
  }

  @Test
  void anIncompatibleSchemaIsRefusedWithTheRegistrysReason() {
    status = 409;
    body = "{\"error_code\":409,\"message\":\"Schema being registered is incompatible with an earlier schema\"}";

    assertThatThrownBy(() -> client(Map.of(SchemaRegistryConfig.URL, url())).register("orders-value", "{}"))
        .isInstanceOfSatisfying(SchemaRegistryException.class, e -> assertThat(e.status()).isEqualTo(409))
        .hasMessageContaining("refused to register the schema under subject orders-value: HTTP 409, Schema being"
            + " registered is incompatible with an earlier schema")
        .hasMessageContaining("Fix: the schema is incompatible with the subject's latest version");
  }

  @Test
  void refusedCredentialsAndAnswersThatAreNotJsonReadAsSuch() {
    status = 401;
    body = "{\"error_code\":401,\"message\":\"Unauthorized\"}";
    assertThatThrownBy(() -> client(Map.of(SchemaRegistryConfig.URL, url())).schema(3))
        .isInstanceOfSatisfying(SchemaRegistryException.class, e -> assertThat(e.status()).isEqualTo(401))
        .hasMessageContaining("refused to fetch schema id 3: HTTP 401, Unauthorized. Fix: check the credentials");

    status = 502;
    body = "<html>bad gateway</html>";
    assertThatThrownBy(() -> client(Map.of(SchemaRegistryConfig.URL, url())).lookup("s", "{}"))
        .isInstanceOf(SchemaRegistryException.class)
        .hasMessageContaining("HTTP 502, <html>bad gateway</html>");
  }

  @Test
  void aMissingSubjectOrIdIsEmptyNotAnError() {
    status = 404;
    body = "{\"error_code\":40403,\"message\":\"Schema not found\"}";
    SchemaRegistryClient client = client(Map.of(SchemaRegistryConfig.URL, url()));

    assertThat(client.lookup("s", "{}")).isEmpty();
    assertThat(client.schema(9)).isEmpty();
    assertThat(client.incompatibility("s", "{}")).isEmpty();
  }

  @Test
  void readsTheSchemaTypeAvroWhenTheRegistryLeavesItOut() {
    body = "{\"schema\":\"{\\\"type\\\":\\\"record\\\"}\"}";
    assertThat(client(Map.of(SchemaRegistryConfig.URL, url())).schema(1)).contains(
        new SchemaRegistryClient.Schema("AVRO", "{\"type\":\"record\"}"));
  }

  @Test
  void theRegistryKeysAreNeverProducerProperties() {
    Map<String, Object> rest = SchemaRegistryConfig.withoutRegistryKeys(Map.of("bootstrap.servers", "b:9092",
        SchemaRegistryConfig.URL, url(), SchemaRegistryConfig.USER_INFO, "a:b",
        SchemaRegistryConfig.TRUSTSTORE_LOCATION, "/x", "linger.ms", 5));

    assertThat(rest).containsOnlyKeys("bootstrap.servers", "linger.ms");
  }

  @Test
  void aUrlMustBeHttpOrHttps() {
    assertThatThrownBy(() -> SchemaRegistryConfig.of(Map.of(SchemaRegistryConfig.URL, "ftp://registry:8081")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("a registry URL starts with http:// or https://");
    assertThatThrownBy(() -> SchemaRegistryClient.create(SchemaRegistryConfig.of(Map.of())))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("needs the Schema Registry's URL");
  }
}
