/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.courier.SendMode;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Compares Courier's verdict (errors only) with what a real {@code KafkaProducer} does with the same properties,
 * for every combination of acks x enable.idempotence x max.in.flight x retries x transactional.id (each also with
 * and without a SYNC send mode), plus numeric bounds and other single-value cases.
 *
 * <ul>
 *   <li>Whatever Kafka rejects, Courier rejects, with one of its own rules that is about the same problem (never
 *       only with the {@code courier.kafka} fallback, except for the cases listed as Kafka-only below).
 *   <li>Whatever Courier rejects beyond Kafka is rejected only by rules that document why in
 *       {@link Rule#beyondKafka()}, the allow-list the reference docs show; every such rule must be seen here.
 * </ul>
 *
 * <p>Constructing a {@code KafkaProducer} needs no broker: it points at a local port nobody listens on and is
 * closed at once.
 */
class KafkaProducerComparisonTest {

  private static final String ACKS = ProducerConfig.ACKS_CONFIG;
  private static final String IDEMPOTENCE = ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG;
  private static final String IN_FLIGHT = ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION;
  private static final String RETRIES = ProducerConfig.RETRIES_CONFIG;
  private static final String TRANSACTIONAL_ID = ProducerConfig.TRANSACTIONAL_ID_CONFIG;

  /**
   * Kafka's complaint (a fragment of its message) and the Courier rules that are about the same problem; the first
   * fragment found in Kafka's message applies.
   */
  private static final Map<String, Set<Rule>> SAME_PROBLEM = new LinkedHashMap<>();

  static {
    SAME_PROBLEM.put("must be set to at most 5", EnumSet.of(Rule.IDEMPOTENCE_MAX_IN_FLIGHT));
    SAME_PROBLEM.put("Must set acks to all", EnumSet.of(Rule.IDEMPOTENCE_ACKS));
    SAME_PROBLEM.put("Must set retries to non-zero", EnumSet.of(Rule.IDEMPOTENCE_RETRIES));
    SAME_PROBLEM.put("Cannot set a transactional.id without also enabling idempotence",
        EnumSet.of(Rule.TRANSACTION_IDEMPOTENCE, Rule.TRANSACTION_ACKS, Rule.TRANSACTION_RETRIES));
    SAME_PROBLEM.put("delivery.timeout.ms should be equal to or larger than", EnumSet.of(Rule.DELIVERY_TIMEOUT));
    SAME_PROBLEM.put("for configuration compression.type", EnumSet.of(Rule.COMPRESSION));
    // Checks Courier leaves to Kafka's own ProducerConfig, reported through the fallback in Kafka's words.
    SAME_PROBLEM.put("Cannot set transaction.timeout.ms when", EnumSet.of(Rule.KAFKA));
    SAME_PROBLEM.put("mechanism must be non-null", EnumSet.of(Rule.KAFKA));
    // Last: any other single value Kafka's definition rejects.
    SAME_PROBLEM.put("Invalid value", EnumSet.of(Rule.INVALID_VALUE));
  }

  private static String bootstrap;

  @BeforeAll
  static void unusedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      bootstrap = "127.0.0.1:" + socket.getLocalPort();
    }
  }

  @Test
  void courierRejectsWhatKafkaRejectsAndOnlyDocumentedRulesRejectMore() {
    List<Map<String, String>> cases = new ArrayList<>(matrix());
    cases.addAll(boundsAndValues());

    List<String> mismatches = new ArrayList<>();
    Map<String, List<String>> kafkaRejects = new TreeMap<>();
    Map<String, List<String>> onlyCourierRejects = new TreeMap<>();
    Set<Rule> beyondKafkaSeen = EnumSet.noneOf(Rule.class);
    int kafkaRejected = 0;

    for (Map<String, String> properties : cases) {
      Optional<String> kafka = kafkaVerdict(properties);
      for (Optional<SendMode> sendMode : List.of(Optional.<SendMode>empty(), Optional.of(SendMode.SYNC))) {
        ProducerSettings.Builder builder = ProducerSettings.fromProperties(properties, "the test case").toBuilder();
        sendMode.ifPresent(builder::sendMode);
        List<Violation> errors = ProducerRules.check(builder.build()).stream()
            .filter(v -> v.severity() == Severity.ERROR)
            .toList();
        Set<Rule> ours = errors.stream().map(Violation::rule).collect(Collectors.toCollection(
            () -> EnumSet.noneOf(Rule.class)));
        String name = properties + sendMode.map(m -> " sendMode=" + m).orElse("");

        if (kafka.isPresent()) {
          if (sendMode.isEmpty()) {
            kafkaRejected++;
            kafkaRejects.computeIfAbsent(kafka.get(), k -> new ArrayList<>()).add(properties + " -> " + ours);
          }
          Set<Rule> expected = sameProblem(kafka.get());
          if (ours.isEmpty()) {
            mismatches.add(name + ": Kafka rejects (" + kafka.get() + ") but Courier accepts");
          } else if (expected.stream().noneMatch(ours::contains)) {
            mismatches.add(name + ": Kafka rejects (" + kafka.get() + ") but Courier reports only " + ours
                + ", none of " + expected);
          }
        } else {
          for (Violation error : errors) {
            if (error.rule().beyondKafka().isEmpty()) {
              mismatches.add(name + ": Kafka accepts, but Courier rejects with " + error
                  + ", which is not in the documented allow-list (Rule.beyondKafka)");
            } else {
              beyondKafkaSeen.add(error.rule());
              onlyCourierRejects.computeIfAbsent(error.id(), k -> new ArrayList<>()).add(name);
            }
          }
        }
      }
    }

    System.out.printf("Compared %d property sets (x2 send modes) with KafkaProducer: Kafka rejects %d.%n",
        cases.size(), kafkaRejected);
    kafkaRejects.forEach((why, which) -> System.out.printf("  Kafka: %s%n    %d cases, e.g. %s%n", why,
        which.size(), which.get(0)));
    onlyCourierRejects.forEach((id, which) -> System.out.printf("  Only Courier: [%s] %d cases, e.g. %s%n", id,
        which.size(), which.get(0)));

    assertThat(mismatches).as("cases where Courier and KafkaProducer disagree").isEmpty();
    assertThat(kafkaRejected).as("the table must contain cases Kafka rejects").isGreaterThan(100);
    Set<Rule> exercisable = EnumSet.of(Rule.SEND_MODE_ACKS, Rule.BATCH_SIZE_BUFFER_MEMORY, Rule.UNKNOWN_KEY);
    assertThat(beyondKafkaSeen).as("the allow-listed rules this table exercises").isEqualTo(exercisable);
  }

  private static Set<Rule> sameProblem(String kafkaMessage) {
    for (Map.Entry<String, Set<Rule>> entry : SAME_PROBLEM.entrySet()) {
      if (kafkaMessage.contains(entry.getKey())) {
        return entry.getValue();
      }
    }
    throw new AssertionError("Kafka rejects for a reason this test does not know yet: " + kafkaMessage);
  }

  /** acks x enable.idempotence x max.in.flight x retries x transactional.id; {@code null} means not set. */
  private static List<Map<String, String>> matrix() {
    List<Map<String, String>> cases = new ArrayList<>();
    for (String acks : new String[] {"0", "1", "all"}) {
      for (String idempotence : new String[] {null, "true", "false"}) {
        for (String inFlight : new String[] {null, "1", "5", "6"}) {
          for (String retries : new String[] {null, "0", "3"}) {
            for (String transactionalId : new String[] {null, "tx"}) {
              Map<String, String> properties = new LinkedHashMap<>();
              properties.put(ACKS, acks);
              putIfSet(properties, IDEMPOTENCE, idempotence);
              putIfSet(properties, IN_FLIGHT, inFlight);
              putIfSet(properties, RETRIES, retries);
              putIfSet(properties, TRANSACTIONAL_ID, transactionalId);
              cases.add(properties);
            }
          }
        }
      }
    }
    return cases;
  }

  /** Numeric bounds (each on both sides of its boundary) and single values. */
  private static List<Map<String, String>> boundsAndValues() {
    return List.of(
        Map.of("linger.ms", "-1"),
        Map.of("linger.ms", "0"),
        Map.of("batch.size", "-1"),
        Map.of("batch.size", "0"),
        Map.of("buffer.memory", "-1"),
        Map.of("request.timeout.ms", "-1"),
        Map.of("retries", "-1"),
        Map.of(IN_FLIGHT, "0"),
        Map.of("acks", "2"),
        Map.of("acks", "ALL"),
        Map.of("acks", "-1"),
        Map.of(IDEMPOTENCE, "yes"),
        Map.of(IDEMPOTENCE, "TRUE", ACKS, "1"),
        Map.of(TRANSACTIONAL_ID, ""),
        // batch.size <= buffer.memory: Courier's own rule (KafkaProducer accepts, then cannot allocate a batch).
        Map.of("batch.size", "33554433"),
        Map.of("batch.size", "33554432"),
        Map.of("buffer.memory", "16383"),
        Map.of("buffer.memory", "16384"),
        Map.of("batch.size", "1001", "buffer.memory", "1000"),
        Map.of("batch.size", "1000", "buffer.memory", "1000"),
        // delivery.timeout.ms >= linger.ms + request.timeout.ms (defaults 5 and 30000).
        Map.of("delivery.timeout.ms", "30005"),
        Map.of("delivery.timeout.ms", "30004"),
        Map.of("delivery.timeout.ms", "1000", "linger.ms", "0", "request.timeout.ms", "1000"),
        Map.of("delivery.timeout.ms", "999", "linger.ms", "0", "request.timeout.ms", "1000"),
        Map.of("delivery.timeout.ms", "120000", "linger.ms", "100000"),
        Map.of("linger.ms", "100000"),
        Map.of("delivery.timeout.ms", "2147483647", "linger.ms", "3000000000"),
        Map.of("compression.type", "GZIP"),
        Map.of("compression.type", "brotli"),
        Map.of("compression.type", " gzip "),
        Map.of("compression.type", "zstd"),
        Map.of("ack", "all"),
        // Left to Kafka's own ProducerConfig (the courier.kafka fallback).
        Map.of("transaction.two.phase.commit.enable", "true", "transaction.timeout.ms", "1000"),
        Map.of("security.protocol", "SASL_PLAINTEXT", "sasl.mechanism", ""));
  }

  private static void putIfSet(Map<String, String> properties, String key, String value) {
    if (value != null) {
      properties.put(key, value);
    }
  }

  /** What a real KafkaProducer says: empty when it can be created, else the message of Kafka's ConfigException. */
  private static Optional<String> kafkaVerdict(Map<String, String> properties) {
    Map<String, Object> config = new HashMap<>(properties);
    config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    return StdErr.capture(
            () -> {
              try (KafkaProducer<byte[], byte[]> producer =
                  new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer())) {
                producer.close(Duration.ZERO);
                return Optional.<String>empty();
              } catch (RuntimeException e) {
                for (Throwable t = e; t != null; t = t.getCause()) {
                  if (t instanceof ConfigException) {
                    return Optional.of(t.getMessage());
                  }
                }
                throw new AssertionError("KafkaProducer failed for another reason than its config", e);
              }
            })
        .result();
  }
}
