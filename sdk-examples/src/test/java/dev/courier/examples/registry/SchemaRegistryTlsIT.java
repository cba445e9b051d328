/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.examples.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.courier.examples.payments.RefundIssuedDescriptor;
import dev.courier.examples.payments.RefundIssuedProducer;
import dev.courier.harness.SchemaRegistryProcess;
import dev.courier.runtime.SchemaRegistryClient;
import dev.courier.runtime.SchemaRegistryConfig;
import dev.courier.runtime.SchemaRegistryException;
import dev.courier.runtime.SchemaRegistryFraming;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A registry that serves only https (Apicurio Registry with a certificate made for the test): the generated
 * producer's {@code create} reaches it through Confluent's standard TLS properties
 * ({@code schema.registry.ssl.truststore.*}), and without them refuses to trust it rather than falling back.
 */
class SchemaRegistryTlsIT {
  @TempDir static Path keys;
  static SchemaRegistryProcess registry;

  @BeforeAll
  static void start() {
    registry = SchemaRegistryProcess.startTls(keys);
  }

  @AfterAll
  static void stop() {
    if (registry != null) {
      registry.close();
    }
  }

  @Test
  void createRegistersOverTlsWithTheTruststoreProperties() {
    Map<String, Object> properties = new HashMap<>(Map.of(
        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:9092",
        SchemaRegistryConfig.URL, registry.confluentApi().toString(),
        SchemaRegistryConfig.TRUSTSTORE_LOCATION, registry.truststore().toString(),
        SchemaRegistryConfig.TRUSTSTORE_PASSWORD, registry.storePassword(),
        SchemaRegistryConfig.TRUSTSTORE_TYPE, "PKCS12"));
    assertThat(registry.confluentApi().getScheme()).isEqualTo("https");

    RefundIssuedProducer.create(properties).close();

    assertThat(SchemaRegistryClient.create(SchemaRegistryConfig.of(properties))
        .lookup("refunds-value", SchemaRegistryFraming.registeredSchema(new RefundIssuedDescriptor())))
        .as("the schema create registered").isPresent();
  }

  @Test
  void withoutTheTruststoreTheRegistryIsNotTrusted() {
    Map<String, Object> properties = Map.of(
        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:9092",
        SchemaRegistryConfig.URL, registry.confluentApi().toString());

    assertThatThrownBy(() -> RefundIssuedProducer.create(properties))
        .isInstanceOfSatisfying(SchemaRegistryException.class, e -> assertThat(e.status()).isZero())
        .hasMessageContaining("no Schema Registry answered at [" + registry.confluentApi() + "]")
        .hasMessageContaining("SSLHandshakeException");
  }
}
