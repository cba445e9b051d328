/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.connect.file;

import static org.assertj.core.api.Assertions.assertThat;

import dev.courier.connect.FakeTaskContext;
import dev.courier.connect.FakeTaskContext.FakeClock;
import dev.courier.connect.MessageClassConfig;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import dev.courier.connect.fixtures.OrderPlaced;
import dev.courier.connect.fixtures.OrderPlacedDescriptor;
import dev.courier.runtime.JsonRecords;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.internals.BuiltInPartitioner;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code message.class}: records read by the type's generated reader and written as its producer writes them. */
class MessageClassTest {

  @TempDir Path in;
  final List<FileSourceTask> tasks = new ArrayList<>();

  @AfterEach
  void stop() {
    tasks.forEach(FileSourceTask::stop);
  }

  List<SourceRecord> read(String format, String content, int count) throws Exception {
    return read(format, content, count, Map.of());
  }

  List<SourceRecord> read(String format, String content, int count, Map<String, String> more) throws Exception {
    Files.write(in.resolve("orders." + format), content.getBytes(StandardCharsets.UTF_8));
    Map<String, String> config = new HashMap<>();
    config.put("name", "orders");
    config.put("input.paths", in.toString());
    config.put("input.file.pattern", "orders\\..*");
    config.put("format", format);
    config.put("mode", "tail");
    config.putAll(MessageClassConfig.of("dev.courier.connect.fixtures.OrderPlaced"));
    config.put("bad.record.policy", "dead-letter");
    config.put("bad.record.dead.letter.topic", "orders-dlq");
    config.putAll(more);
    FileSourceTask task = new FileSourceTask(new FakeClock(1_800_000_000_000L));
    task.initialize(new FakeTaskContext(config, false));
    task.start(config);
    tasks.add(task);
    return FileSourceTaskTest.pollRecords(task, count);
  }

  /** A dead-letter record's reason: UTF-8 bytes, as a message.class connector writes its headers. */
  static String reason(SourceRecord record) {
    return new String((byte[]) record.headers().lastWithName("courier.error.reason").value(), StandardCharsets.UTF_8);
  }

  /** What the generated producer sends for a message: the connector's record must be the same, byte for byte. */
  static ProducerRecord<byte[], byte[]> sent(OrderPlaced message) {
    return JsonRecords.of(new OrderPlacedDescriptor()).serialize(message);
  }

  @Test
  void jsonLinesBecomeTheRecordsTheGeneratedProducerSends() throws Exception {
    List<SourceRecord> records = read("json", "{\"orderId\":\"o-1\",\"amountCents\":1250,\"customer\":\"ann\","
        + "\"placedAt\":\"2026-11-27T10:15:30.000Z\",\"status\":\"PAID\"}\n", 1);

    SourceRecord record = records.get(0);
    ProducerRecord<byte[], byte[]> sent = sent(new OrderPlaced("o-1", 1250, "ann",
        Instant.parse("2026-11-27T10:15:30Z"), OrderPlaced.Status.PAID));
    assertThat(record.topic()).isEqualTo("orders");
    assertThat(record.keySchema().type()).isEqualTo(Schema.Type.BYTES);
    assertThat((byte[]) record.key()).isEqualTo(sent.key()).isEqualTo("o-1".getBytes(StandardCharsets.UTF_8));
    assertThat(new String((byte[]) record.value(), StandardCharsets.UTF_8)).isEqualTo(
        "{\"orderId\":\"o-1\",\"amountCents\":1250,\"customer\":\"ann\",\"placedAt\":\"2026-11-27T10:15:30Z\","
            + "\"status\":\"PAID\"}");
    assertThat((byte[]) record.value()).isEqualTo(sent.value());
    assertThat(record.timestamp()).isEqualTo(sent.timestamp())
        .isEqualTo(Instant.parse("2026-11-27T10:15:30Z").toEpochMilli());
    assertThat((byte[]) record.headers().lastWithName("customer").value())
        .isEqualTo(sent.headers().lastHeader("customer").value()).isEqualTo("ann".getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void theKeyBytesAreTheGeneratedProducersSoThePartitionIsToo() throws Exception {
    List<SourceRecord> records = read("json", "{\"orderId\":\"ü-42\",\"amountCents\":1,"
        + "\"placedAt\":\"2026-11-27T10:15:30Z\",\"status\":\"NEW\"}\n", 1);
    byte[] connectKey = (byte[]) records.get(0).key();
    byte[] producerKey;
    try (StringSerializer serializer = new StringSerializer()) {
      producerKey = serializer.serialize("orders", "ü-42");
    }
    assertThat(connectKey).isEqualTo(producerKey);
    // ByteArrayConverter hands these bytes to the worker's producer as they are, and the default partitioner hashes
    // the key bytes: the same bytes land on the same partition.
    assertThat(BuiltInPartitioner.partitionForKey(connectKey, 12))
        .isEqualTo(BuiltInPartitioner.partitionForKey(producerKey, 12));
  }

  @Test
  void unknownMembersAreSkippedUnderTheTypesTolerantReadingNestedOnesToo() throws Exception {
    String ok = "\"placedAt\":\"2026-11-27T10:15:30Z\",\"status\":\"NEW\"";
    List<SourceRecord> records = read("json", String.join("\n",
        "{\"orderId\":\"c\",\"amountCents\":1,\"note\":{\"by\":[1,{\"x\":null}],\"z\":\"\\u00e9\"},\"extra\":1," + ok + "}",
        "{\"orderId\":\"d\",\"amountCents\":1,\"amountCents\":2," + ok + "}") + "\n", 2);

    assertThat(records).extracting(SourceRecord::topic).containsExactly("orders", "orders-dlq");
    assertThat((byte[]) records.get(0).value()).isEqualTo(
        sent(new OrderPlaced("c", 1, null, Instant.parse("2026-11-27T10:15:30Z"), OrderPlaced.Status.NEW)).value());
    assertThat(reason(records.get(1))).as("duplicates are still refused").contains("appears more than once");
  }

  @Test
  void aCsvColumnThatIsNoMemberIsSkippedUnderTolerantReadingAndRefusedUnderStrict() throws Exception {
    String csv = "orderId,amountCents,placedAt,status,customer,region\n" + "o-1,1250,2026-11-27T10:15:30Z,PAID,,eu\n";
    List<SourceRecord> tolerant = read("csv", csv, 1);
    assertThat((byte[]) tolerant.get(0).value()).isEqualTo(
        sent(new OrderPlaced("o-1", 1250, null, Instant.parse("2026-11-27T10:15:30Z"), OrderPlaced.Status.PAID))
            .value());
    stop();
    tasks.clear();
    List<SourceRecord> strict = read("csv", csv, 2, Map.of("message.reading", "strict"));
    assertThat(strict).as("the header row and the row under it").extracting(SourceRecord::topic)
        .containsExactly("orders-dlq", "orders-dlq");
    assertThat(reason(strict.get(1))).contains("the columns [region] are not members of")
        .contains("is read strictly");
  }

  @Test
  void missingUnknownNullAndMistypedMembersAreBadRecordsUnderStrictReading() throws Exception {
    String ok = "\"placedAt\":\"2026-11-27T10:15:30Z\",\"status\":\"NEW\"";
    List<SourceRecord> records = read("json", String.join("\n",
        "{\"orderId\":\"a\"," + ok + "}",
        "{\"orderId\":\"b\",\"amountCents\":\"12\"," + ok + "}",
        "{\"orderId\":\"c\",\"amountCents\":1,\"extra\":1," + ok + "}",
        "{\"orderId\":null,\"amountCents\":1," + ok + "}",
        "{\"orderId\":\"e\",\"amountCents\":1.5," + ok + "}",
        "{\"orderId\":\"f\",\"amountCents\":1,\"placedAt\":\"yesterday\",\"status\":\"NEW\"}",
        "{\"orderId\":\"g\",\"amountCents\":1,\"placedAt\":\"2026-11-27T10:15:30Z\",\"status\":\"LOST\"}",
        "{\"orderId\":\"h\",\"amountCents\":99999999999999999999," + ok + "}",
        "{\"orderId\":\"j\",\"amountCents\":1,\"amountCents\":2," + ok + "}",
        "{\"orderId\":\"i\",\"amountCents\":7,\"customer\":null," + ok + "}") + "\n", 10,
        Map.of("message.reading", "strict"));

    assertThat(records).extracting(SourceRecord::topic).containsExactly("orders-dlq", "orders-dlq", "orders-dlq",
        "orders-dlq", "orders-dlq", "orders-dlq", "orders-dlq", "orders-dlq", "orders-dlq", "orders");
    assertThat(records.subList(0, 9)).extracting(r -> reason(r)).containsExactly(
            "Cannot read dev.courier.connect.fixtures.OrderPlaced: member 'amountCents' (long) is missing; a primitive member needs a value.",
            "Cannot read member 'amountCents' of dev.courier.connect.fixtures.OrderPlaced: expected a JSON integer (long), got the string \"12\".",
            "Cannot read dev.courier.connect.fixtures.OrderPlaced: it has no member 'extra'. Its members are: orderId, amountCents, customer, placedAt,"
                + " status.",
            "the @PartitionKey member 'orderId' of dev.courier.connect.fixtures.OrderPlaced has no value, so the record would have a null key and land on"
                + " an arbitrary partition, out of order with the other records of its key. Fix: set orderId on every"
                + " message, or declare @PartitionKey(nullable = true) on it if dev.courier.connect.fixtures.OrderPlaced messages may have no key",
            "Cannot read member 'amountCents' of dev.courier.connect.fixtures.OrderPlaced: expected a JSON integer (long), got the number 1.5.",
            "Cannot read member 'placedAt' of dev.courier.connect.fixtures.OrderPlaced: \"yesterday\" is not valid; expected an ISO-8601 instant such as"
                + " 2026-11-27T10:15:30Z (a four-digit year, seconds and an offset)",
            "Cannot read member 'status' of dev.courier.connect.fixtures.OrderPlaced: \"LOST\" is not valid; expected one of NEW, PAID.",
            "Cannot read member 'amountCents' of dev.courier.connect.fixtures.OrderPlaced: the number 99999999999999999999 is out of the range of long.",
            "Cannot read member 'amountCents' of dev.courier.connect.fixtures.OrderPlaced: it appears more than once at line 1, column 46; each member may"
                + " appear once.");
    assertThat((byte[]) records.get(9).value()).isEqualTo(
        sent(new OrderPlaced("i", 7, null, Instant.parse("2026-11-27T10:15:30Z"), OrderPlaced.Status.NEW)).value());
    assertThat(records.get(9).headers().lastWithName("customer")).as("no header for a null member").isNull();
  }

  @Test
  void csvColumnsAreParsedAsTheMembersTypes() throws Exception {
    List<SourceRecord> records = read("csv", "orderId,amountCents,placedAt,status,customer\n"
        + "o-1,1250,2026-11-27T10:15:30Z,PAID,\n"
        + "o-2,twelve,2026-11-27T10:15:30Z,NEW,bob\n"
        + "o-3,5,2026-11-27T10:15:30Z,NEW,bob\n", 3);

    assertThat(records).extracting(SourceRecord::topic).containsExactly("orders", "orders-dlq", "orders");
    assertThat((byte[]) records.get(0).value()).isEqualTo(
        sent(new OrderPlaced("o-1", 1250, null, Instant.parse("2026-11-27T10:15:30Z"), OrderPlaced.Status.PAID))
            .value());
    assertThat((byte[]) records.get(0).key()).isEqualTo("o-1".getBytes(StandardCharsets.UTF_8));
    assertThat(reason(records.get(1)))
        .isEqualTo("Cannot read member 'amountCents' of dev.courier.connect.fixtures.OrderPlaced: expected a JSON"
            + " integer (long), got the string \"twelve\".");
  }

  @Test
  void aCsvHeaderWithoutARequiredMemberMakesEveryRowBad() throws Exception {
    List<SourceRecord> records = read("csv", "orderId,placedAt,status\no-1,2026-11-27T10:15:30Z,NEW\n", 2);

    assertThat(records).extracting(SourceRecord::topic).containsExactly("orders-dlq", "orders-dlq");
    assertThat(reason(records.get(1)))
        .contains("header row (line 1) is invalid").contains("[amountCents]");
  }
}
