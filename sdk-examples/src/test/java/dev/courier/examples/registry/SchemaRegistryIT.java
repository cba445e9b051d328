/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.examples.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.courier.connect.file.FileSourceConnector;
import dev.courier.examples.payments.RefundIssued;
import dev.courier.examples.payments.RefundIssuedDescriptor;
import dev.courier.examples.payments.RefundIssuedDeserializer;
import dev.courier.examples.payments.RefundIssuedProducer;
import dev.courier.examples.payments.RefundIssuedSerializer;
import dev.courier.harness.EmbeddedConnect;
import dev.courier.harness.EmbeddedKafka;
import dev.courier.harness.SchemaRegistryProcess;
import dev.courier.harness.TopicReader;
import dev.courier.runtime.Outbox;
import dev.courier.runtime.SchemaRegistryClient;
import dev.courier.runtime.SchemaRegistryConfig;
import dev.courier.runtime.SchemaRegistryException;
import dev.courier.runtime.SchemaRegistryFraming;
import dev.courier.runtime.SharedProducers;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.ConfigValue;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Schema Registry framing end to end, on a real Apicurio Registry (its Confluent-compatible API), an in-process
 * broker and Connect worker: the generated producer registers and frames, the file connector frames the same records
 * byte for byte, the generated deserializer reads them, and Confluent's own JavaScript client
 * ({@code @confluentinc/schemaregistry}, run with Node from {@code src/test/registry-js}) reads what both wrote and
 * writes what the generated deserializer reads. Lookup without registering, an incompatible schema, unknown ids,
 * unframed values and the connector's {@code validate()} against the registry are each checked here too.
 */
class SchemaRegistryIT {
  private static final Duration TIMEOUT = Duration.ofSeconds(60);
  private static final Path MODULE = Path.of(System.getProperty("basedir", "")).toAbsolutePath();
  private static final int COUNT = 60;
  private static final int PARTITIONS = 4;
  // In the past: brokers reject timestamps more than an hour ahead.
  private static final Instant BASE = Instant.parse("2026-06-01T08:30:00Z");

  static SchemaRegistryProcess registry;
  static EmbeddedKafka kafka;
  static EmbeddedConnect connect;
  static Path client;
  @TempDir static Path root;

  @BeforeAll
  static void start() throws Exception {
    registry = SchemaRegistryProcess.start();
    kafka = EmbeddedKafka.start();
    connect = EmbeddedConnect.start(kafka);
    client = installClient();
  }

  @AfterAll
  static void stop() {
    if (connect != null) {
      connect.close();
    }
    if (kafka != null) {
      kafka.close();
    }
    if (registry != null) {
      registry.close();
    }
  }

  @Test
  void theProducerAndTheConnectorWriteTheSameFramedRecordsAndConfluentsClientReadsThem() throws Exception {
    kafka.createTopic("refunds", PARTITIONS);
    List<RefundIssued> messages = new ArrayList<>();
    for (int i = 0; i < COUNT; i++) {
      messages.add(refund(i));
    }
    try (RefundIssuedProducer producer = RefundIssuedProducer.create(withRegistry(Map.of(
        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers())))) {
      messages.forEach(producer::send);
    }
    List<ConsumerRecord<byte[], byte[]>> fromApplication =
        TopicReader.readExactly(kafka.bootstrapServers(), "refunds", COUNT, TIMEOUT);
    Set<String> applicationPositions = fromApplication.stream().map(SchemaRegistryIT::position)
        .collect(Collectors.toSet());

    int id = registryClient().lookup("refunds-value", SchemaRegistryFraming.registeredSchema(
        new RefundIssuedDescriptor())).orElseThrow();
    for (ConsumerRecord<byte[], byte[]> record : fromApplication) {
      assertThat(record.value()[0]).as("magic byte").isZero();
      assertThat(ByteBuffer.wrap(record.value(), 1, 4).getInt()).as("the schema id of refunds-value").isEqualTo(id);
    }

    StringBuilder lines = new StringBuilder();
    RefundIssuedSerializer json = new RefundIssuedSerializer();
    for (RefundIssued message : messages) {
      lines.append(new String(json.serialize("refunds", message), StandardCharsets.UTF_8)).append('\n');
    }
    Path in = Files.createDirectories(root.resolve("in"));
    Files.move(Files.writeString(root.resolve("refunds.json"), lines), in.resolve("refunds.json"));
    connect.createOrUpdateConnector("refunds", fileConnector(in, RefundIssued.class));
    List<ConsumerRecord<byte[], byte[]>> all =
        TopicReader.readExactly(kafka.bootstrapServers(), "refunds", 2 * COUNT, TIMEOUT);
    connect.deleteConnector("refunds");
    List<ConsumerRecord<byte[], byte[]>> fromConnector =
        all.stream().filter(r -> !applicationPositions.contains(position(r))).toList();

    Map<String, ConsumerRecord<byte[], byte[]>> application = byKey(fromApplication);
    Map<String, ConsumerRecord<byte[], byte[]>> connector = byKey(fromConnector);
    assertThat(connector.keySet()).isEqualTo(application.keySet()).hasSize(COUNT);
    assertThat(fromConnector.stream().map(ConsumerRecord::partition).distinct()).hasSize(PARTITIONS);
    RefundIssuedDeserializer deserializer = new RefundIssuedDeserializer(withRegistry(Map.of()));
    for (RefundIssued message : messages) {
      ConsumerRecord<byte[], byte[]> sent = application.get(message.refundId());
      ConsumerRecord<byte[], byte[]> streamed = connector.get(message.refundId());
      assertThat(streamed.partition()).as("partition of %s", message.refundId()).isEqualTo(sent.partition());
      assertThat(streamed.value()).as("framed value of %s", message.refundId()).isEqualTo(sent.value());
      assertThat(streamed.timestamp()).isEqualTo(sent.timestamp()).isEqualTo(message.issuedAt().toEpochMilli());
      assertThat(headers(streamed)).isEqualTo(headers(sent)).containsExactly("trace-id=" + message.traceId());
      assertThat(deserializer.deserialize("refunds", streamed.value())).isEqualTo(message);
    }

    // Confluent's client fetches the schema by the id in the frame, validates the JSON against it and parses it.
    List<byte[]> sample = new ArrayList<>();
    for (int i = 0; i < COUNT; i += 7) {
      sample.add(application.get(messages.get(i).refundId()).value());
      sample.add(connector.get(messages.get(i).refundId()).value());
    }
    List<String> read = node("deserialize", "refunds", sample.stream().map(HexFormat.of()::formatHex));
    List<String> expected = sample.stream()
        .map(value -> new String(value, 5, value.length - 5, StandardCharsets.UTF_8)).toList();
    assertThat(read).as("what Confluent's client read, as JSON").isEqualTo(expected);
  }

  @Test
  void theGeneratedDeserializerReadsWhatConfluentsSerializerWrites() throws Exception {
    RefundIssued message = refund(7);
    // Registers refunds-value as the producer would, for Confluent's serializer to write with its latest version.
    SchemaRegistryFraming.valueSerializer(new RefundIssuedDescriptor(), withRegistry(Map.of())).close();
    String document = new String(new RefundIssuedSerializer().serialize("refunds", message), StandardCharsets.UTF_8);
    byte[] framed = HexFormat.of().parseHex(node("serialize", "refunds", List.of(document).stream()).get(0));

    assertThat(framed[0]).isZero();
    int id = registryClient().lookup("refunds-value", SchemaRegistryFraming.registeredSchema(
        new RefundIssuedDescriptor())).orElseThrow();
    assertThat(ByteBuffer.wrap(framed, 1, 4).getInt()).isEqualTo(id);
    RefundIssuedDeserializer deserializer = new RefundIssuedDeserializer();
    deserializer.configure(withRegistry(Map.of("group.id", "a-consumer")), false);
    assertThat(deserializer.deserialize("refunds", framed)).isEqualTo(message);
  }

  @Test
  void aTypeOnSharedProducersFramesItsValuesAsItsOwnProducerDoes() {
    Map<String, Object> properties = withRegistry(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
        kafka.bootstrapServers()));
    RefundApproved message = new RefundApproved("r-shared", "a shared producer");
    try (SharedProducers shared = SharedProducers.create(properties);
        RefundApprovedProducer producer = RefundApprovedProducer.create(shared)) {
      producer.send(message);
    }
    byte[] expected = SchemaRegistryFraming.valueSerializer(new RefundApprovedDescriptor(), properties)
        .serialize("refund-approvals", message);
    List<ConsumerRecord<byte[], byte[]>> records =
        TopicReader.readExactly(kafka.bootstrapServers(), "refund-approvals", 1, TIMEOUT);
    assertThat(records.get(0).value()).isEqualTo(expected);
  }

  @Test
  void aFramedTypeWrittenThroughTheOutboxIsRelayedWithItsFrame() throws Exception {
    String url = "jdbc:h2:mem:registry-outbox;DB_CLOSE_DELAY=-1";
    kafka.createTopic("refund-settlements", 2);
    List<RefundSettled> settled = List.of(new RefundSettled("s-1", 100, BASE), new RefundSettled("s-2", 200,
        BASE.plusSeconds(1)), new RefundSettled("s-3", 300, BASE.plusSeconds(2)));
    try (Connection db = DriverManager.getConnection(url)) {
      try (Statement statement = db.createStatement()) {
        statement.execute(Outbox.tableDdl("h2", Outbox.DEFAULT_TABLE));
      }
      RefundSettledOutbox outbox = new RefundSettledOutbox(Outbox.create(withRegistry(Map.of())));
      db.setAutoCommit(false);
      for (RefundSettled refund : settled) {
        outbox.write(db, refund);
      }
      db.commit();
      Map<String, String> relay = new HashMap<>();
      relay.put("connector.class", "dev.courier.connect.jdbc.JdbcSourceConnector");
      relay.put("tasks.max", "1");
      relay.put("connection.url", url);
      relay.put("mode", "outbox");
      relay.put("table.names", Outbox.DEFAULT_TABLE);
      relay.put("poll.interval.ms", "100");
      relay.put("key.converter", "org.apache.kafka.connect.converters.ByteArrayConverter");
      relay.put("value.converter", "org.apache.kafka.connect.converters.ByteArrayConverter");
      relay.put("header.converter", "org.apache.kafka.connect.converters.ByteArrayConverter");
      connect.createOrUpdateConnector("settlements", relay);
      List<ConsumerRecord<byte[], byte[]>> records =
          TopicReader.readExactly(kafka.bootstrapServers(), "refund-settlements", settled.size(), TIMEOUT);
      connect.deleteConnector("settlements");

      var framing = SchemaRegistryFraming.valueSerializer(new RefundSettledDescriptor(), withRegistry(Map.of()));
      RefundSettledDeserializer deserializer = new RefundSettledDeserializer(withRegistry(Map.of()));
      for (ConsumerRecord<byte[], byte[]> record : records) {
        RefundSettled refund = deserializer.deserialize(record.topic(), record.value());
        assertThat(settled).contains(refund);
        assertThat(record.value()).as("the relayed value is the framed value create() would send")
            .isEqualTo(framing.serialize(record.topic(), refund));
      }
    }
  }

  @Test
  void withoutRegisteringTheSchemaIsLookedUpUnderItsRecordName() {
    Map<String, Object> lookUp = withRegistry(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
        kafka.bootstrapServers(), SchemaRegistryConfig.AUTO_REGISTER, false));
    assertThatThrownBy(() -> RefundReversedProducer.create(lookUp))
        .isInstanceOfSatisfying(SchemaRegistryException.class, e -> assertThat(e.status()).isEqualTo(404))
        .hasMessageContaining("not registered under subject " + RefundReversed.class.getName())
        .hasMessageContaining("auto.register.schemas=false");

    Map<String, Object> register = new HashMap<>(lookUp);
    register.remove(SchemaRegistryConfig.AUTO_REGISTER);
    RefundReversedProducer.create(register).close();
    try (RefundReversedProducer producer = RefundReversedProducer.create(lookUp)) {
      producer.send(new RefundReversed("r-1", "found the parcel"));
    }
    ConsumerRecord<byte[], byte[]> record =
        TopicReader.readExactly(kafka.bootstrapServers(), "refund-reversals", 1, TIMEOUT).get(0);
    int id = registryClient().lookup(RefundReversed.class.getName(),
        SchemaRegistryFraming.registeredSchema(new RefundReversedDescriptor())).orElseThrow();
    assertThat(ByteBuffer.wrap(record.value(), 1, 4).getInt()).isEqualTo(id);
    assertThat(new RefundReversedDeserializer(withRegistry(Map.of())).deserialize("refund-reversals",
        record.value())).isEqualTo(new RefundReversed("r-1", "found the parcel"));
  }

  @Test
  void anIncompatibleSchemaIsRefusedByCreateAndByTheConnectorsValidate() throws Exception {
    // The subject's previous version had no amountCents; this version requires one, which old records lack.
    registry.setCompatibility("refund-disputes-value", "BACKWARD");
    registry.register("refund-disputes-value", "{\"$schema\":\"http://json-schema.org/draft-07/schema#\","
        + "\"title\":\"dev.courier.examples.registry.RefundDisputed\",\"type\":\"object\","
        + "\"properties\":{\"disputeId\":{\"type\":[\"string\",\"null\"]}},\"additionalProperties\":true}");

    assertThatThrownBy(() -> RefundDisputedProducer.create(withRegistry(Map.of(
        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))))
        .isInstanceOfSatisfying(SchemaRegistryException.class, e -> assertThat(e.status()).isEqualTo(409))
        .hasMessageContaining("refused to register the schema under subject refund-disputes-value")
        .hasMessageContaining("incompatible");

    Map<String, String> config = fileConnector(root.resolve("none"), RefundDisputed.class);
    assertThat(errors(config).get("message.class")).singleElement().asString()
        .contains("is incompatible with the latest version of subject refund-disputes-value");
  }

  @Test
  void theConnectorsValidateNamesTheRegistryKeyThatIsWrong() throws Exception {
    Map<String, String> missing = fileConnector(root.resolve("none"), RefundIssued.class);
    missing.remove(SchemaRegistryConfig.URL);
    assertThat(errors(missing).get(SchemaRegistryConfig.URL)).singleElement().asString()
        .contains("is framed for the Schema Registry").contains("Fix: set schema.registry.url");

    Map<String, String> unreachable = fileConnector(root.resolve("none"), RefundIssued.class);
    unreachable.put(SchemaRegistryConfig.URL, "http://127.0.0.1:9/apis/ccompat/v7");
    assertThat(errors(unreachable).get(SchemaRegistryConfig.URL)).singleElement().asString()
        .contains("no Schema Registry answered");

    Map<String, String> good = fileConnector(root.resolve("none"), RefundIssued.class);
    assertThat(errors(good)).doesNotContainKeys(SchemaRegistryConfig.URL, "message.class");
  }

  @Test
  void unframedValuesAndUnknownIdsAreClearErrors() {
    RefundIssuedDeserializer deserializer = new RefundIssuedDeserializer(withRegistry(Map.of()));
    byte[] json = new RefundIssuedSerializer().serialize("refunds", refund(3));
    assertThatThrownBy(() -> deserializer.deserialize("refunds", json))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("is plain JSON (it starts with '{'), written without the registry's framing");

    byte[] unknown = new byte[json.length + 5];
    ByteBuffer.wrap(unknown).put((byte) 0).putInt(987_654).put(json);
    assertThatThrownBy(() -> deserializer.deserialize("refunds", unknown))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("schema id 987654 is not in the Schema Registry at " + registry.confluentApi());

    assertThatThrownBy(() -> new RefundIssuedDeserializer().deserialize("refunds", unknown))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("has no Schema Registry to resolve schema id 987654");
  }

  private static Map<String, List<String>> errors(Map<String, String> config) {
    Map<String, List<String>> errors = new HashMap<>();
    for (ConfigValue value : new FileSourceConnector().validate(config).configValues()) {
      if (!value.errorMessages().isEmpty()) {
        errors.put(value.name(), value.errorMessages());
      }
    }
    return errors;
  }

  private static RefundIssued refund(int i) {
    return new RefundIssued("refund-" + i, i % 5 == 0 ? null : "order-" + i, 1_000L * i + 99,
        RefundIssued.Reason.values()[i % 3], List.of("sku-" + i, "sku-ü" + (i + 1)).subList(0, i % 3 == 0 ? 0 : 2),
        "trace-" + i, BASE.plusSeconds(i));
  }

  private static Map<String, Object> withRegistry(Map<String, ?> properties) {
    Map<String, Object> all = new HashMap<>(properties);
    all.put(SchemaRegistryConfig.URL, registry.confluentApi().toString());
    return all;
  }

  private static SchemaRegistryClient registryClient() {
    return SchemaRegistryClient.create(SchemaRegistryConfig.of(withRegistry(Map.of())));
  }

  private static Map<String, String> fileConnector(Path in, Class<?> type) {
    Map<String, String> config = new HashMap<>();
    config.put("name", "refunds");
    config.put("connector.class", FileSourceConnector.class.getName());
    config.put("tasks.max", "1");
    config.put("input.paths", in.toString());
    config.put("input.file.pattern", ".*\\.json");
    config.put("format", "json");
    config.put("message.class", type.getName());
    config.put("spool.finished.path", root.resolve("done").toString());
    config.put("spool.min.file.age.ms", "0");
    config.put("scan.interval.ms", "100");
    config.put("poll.interval.ms", "50");
    config.put(SchemaRegistryConfig.URL, registry.confluentApi().toString());
    config.put("key.converter", "org.apache.kafka.connect.converters.ByteArrayConverter");
    config.put("value.converter", "org.apache.kafka.connect.converters.ByteArrayConverter");
    config.put("header.converter", "org.apache.kafka.connect.converters.ByteArrayConverter");
    return config;
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

  /** Installs Confluent's client from the committed lock file, once per build directory. */
  private static Path installClient() throws IOException, InterruptedException {
    Path directory = MODULE.resolve("target/registry-js");
    Files.createDirectories(directory);
    for (String file : List.of("package.json", "package-lock.json", "client.mjs")) {
      Files.copy(MODULE.resolve("src/test/registry-js").resolve(file), directory.resolve(file),
          StandardCopyOption.REPLACE_EXISTING);
    }
    if (!Files.isDirectory(directory.resolve("node_modules/@confluentinc/schemaregistry"))) {
      Run install = run(directory, List.of("npm", "ci", "--no-audit", "--no-fund", "--loglevel=error"));
      assertThat(install.exit()).as("npm ci in %s:%n%s", directory, install.output()).isZero();
    }
    return directory;
  }

  private static List<String> node(String mode, String topic, java.util.stream.Stream<String> arguments)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("node", "client.mjs", mode,
        registry.confluentApi().toString().replaceAll("/$", ""), topic));
    arguments.forEach(command::add);
    Run run = run(client, command);
    assertThat(run.exit()).as("node client.mjs %s:%n%s", mode, run.output()).isZero();
    return Arrays.stream(run.output().split("\n")).filter(line -> !line.isBlank()).toList();
  }

  private record Run(int exit, String output) {}

  private static Run run(Path directory, List<String> command) throws IOException, InterruptedException {
    Process process;
    try {
      process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true).start();
    } catch (IOException e) {
      throw new IllegalStateException(command.get(0) + " is not on the PATH: this test needs Node.js and npm (run"
          + " .ci/node, which installs Debian's nodejs and npm)", e);
    }
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(5, TimeUnit.MINUTES)).as("%s finishes", String.join(" ", command)).isTrue();
    return new Run(process.exitValue(), output);
  }
}
