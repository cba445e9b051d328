/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */

/**
 * Kafka and Kafka Connect in this JVM, for Courier's integration tests and its demo, started from Kafka's published
 * jars (no test fixtures, no Docker).
 *
 * <ul>
 *   <li>{@link dev.courier.harness.EmbeddedKafka}: a single-node KRaft cluster (one combined broker and controller)
 *       on free ports of 127.0.0.1, with transactions and consumer groups ready for one broker.</li>
 *   <li>{@link dev.courier.harness.EmbeddedConnect}: one distributed-mode Connect worker with exactly-once source
 *       support, driven through its REST API.</li>
 *   <li>{@link dev.courier.harness.TopicReader}: reads what a topic committed ({@code read_committed}).</li>
 *   <li>{@link dev.courier.harness.WorkerProcess}: a Connect worker in its own JVM, for tests that kill it with
 *       SIGKILL and restart it; several with one group id form a cluster.</li>
 *   <li>{@link dev.courier.harness.ConnectRestClient}: the REST client both kinds of worker use.</li>
 *   <li>{@link dev.courier.harness.LogCapture}: captures what every logger logs through log4j2, e.g. to prove that
 *       no secret is logged.</li>
 * </ul>
 *
 * <p>Security: {@code EmbeddedKafka.builder().listener(SecurityProtocol.SASL_SSL)} (or {@code SSL},
 * {@code SASL_PLAINTEXT}) adds a secured listener next to the plaintext one, with a TLS key pair made by the JDK's
 * {@code keytool} at build time and SASL {@code PLAIN} and {@code SCRAM-SHA-512} users;
 * {@code kafka.clientProperties(protocol)} gives the standard client keys, and
 * {@code EmbeddedConnect.builder(kafka).kafkaClientProperties(...)} connects a worker and its tasks' clients with
 * them.
 *
 * <p>Typical use, one cluster per test class:
 * <pre>{@code
 * static EmbeddedKafka kafka;
 * static EmbeddedConnect connect;
 *
 * @BeforeAll static void start() {
 *   kafka = EmbeddedKafka.start();
 *   connect = EmbeddedConnect.start(kafka);
 * }
 *
 * @AfterAll static void stop() {
 *   if (kafka != null) {
 *     kafka.close(); // closes connect too
 *   }
 * }
 *
 * @Test void streams() {
 *   kafka.createTopic("orders", 1);
 *   connect.createOrUpdateConnector("orders", Map.of("connector.class", MyConnector.class.getName(), ...));
 *   connect.awaitConnectorAndTasksRunning("orders", 1, Duration.ofSeconds(30));
 *   List<ConsumerRecord<byte[], byte[]>> records =
 *       TopicReader.readExactly(kafka.bootstrapServers(), "orders", 3, Duration.ofSeconds(30));
 * }
 * }</pre>
 *
 * <p>Connectors are found with {@code plugin.discovery=service_load}: a connector class on the classpath needs its
 * name in {@code META-INF/services/org.apache.kafka.connect.source.SourceConnector}.
 *
 * <p>Logging: Kafka 4 logs through SLF4J to log4j2. This module brings the binding ({@code log4j-slf4j2-impl}) and a
 * {@code log4j2.xml} that logs Kafka, Connect and Jetty at WARN and {@code dev.courier} at INFO to stderr. A module
 * that wants other levels adds its own {@code log4j2-test.xml} to its test resources (log4j2 prefers it). Do not add
 * another SLF4J binding such as {@code slf4j-simple} next to this module: SLF4J would pick one of the two.
 *
 * <p>Resources: measured on a 2-core machine, a broker starts in about 4 s cold (first in the JVM) and 0.2-0.5 s
 * warm, a worker in about 3 s cold and 0.7-1 s warm; both together use about 50-80 MB of heap.
 */
package dev.courier.harness;
