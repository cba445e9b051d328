/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.connect.file;

import static org.assertj.core.api.Assertions.assertThat;

import dev.courier.connect.FakeTaskContext;
import dev.courier.connect.FakeTaskContext.FakeTime;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.internals.BuiltInPartitioner;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.json.JsonConverter;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.storage.StringConverter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code message.class}: records shaped and checked by a message type's descriptor. */
class MessageClassTest {

  @TempDir Path in;
  final List<FileSourceTask> tasks = new ArrayList<>();

  @AfterEach
  void stop() {
    tasks.forEach(FileSourceTask::stop);
  }

  List<SourceRecord> read(String format, String content, int count) throws Exception {
    Files.write(in.resolve("orders." + format), content.getBytes(StandardCharsets.UTF_8));
    Map<String, String> config = new HashMap<>();
    config.put("name", "orders");
    config.put("input.paths", in.toString());
    config.put("input.file.pattern", "orders\\..*");
    config.put("format", format);
    config.put("mode", "tail");
    config.put("message.class", "dev.courier.connect.fixtures.OrderPlaced");
    config.put("bad.record.policy", "dead-letter");
    config.put("bad.record.dead.letter.topic", "orders-dlq");
    FileSourceTask task = new FileSourceTask(new FakeTime(1_800_000_000_000L));
    task.initialize(new FakeTaskContext(config, false));
    task.start(config);
    tasks.add(task);
    return FileSourceTaskTest.pollRecords(task, count);
  }

  @Test
  void jsonLinesBecomeStructsWithTheTypesTopicKeyHeadersAndTimestamp() throws Exception {
    List<SourceRecord> records = read("json", "{\"orderId\":\"o-1\",\"amountCents\":1250,\"customer\":\"ann\","
        + "\"placedAt\":\"2026-11-27T10:15:30.000Z\",\"status\":\"PAID\"}\n", 1);

    SourceRecord record = records.get(0);
    assertThat(record.topic()).isEqualTo("orders");
    assertThat(record.key()).isEqualTo("o-1");
    assertThat(record.keySchema()).isEqualTo(Schema.STRING_SCHEMA);
    assertThat(record.valueSchema().name()).isEqualTo("dev.courier.connect.fixtures.OrderPlaced");
    Struct value = (Struct) record.value();
    assertThat(value.getInt64("amountCents")).isEqualTo(1250L);
    assertThat(value.getString("placedAt")).isEqualTo("2026-11-27T10:15:30Z");
    assertThat(record.timestamp()).isEqualTo(Instant.parse("2026-11-27T10:15:30Z").toEpochMilli());
    assertThat(record.headers().lastWithName("customer").value()).isEqualTo("ann");

    JsonConverter json = new JsonConverter();
    json.configure(Map.of("schemas.enable", "false"), false);
    assertThat(new String(json.fromConnectData("orders", record.valueSchema(), record.value()),
        StandardCharsets.UTF_8)).isEqualTo("{\"orderId\":\"o-1\",\"amountCents\":1250,\"customer\":\"ann\","
            + "\"placedAt\":\"2026-11-27T10:15:30Z\",\"status\":\"PAID\"}");
  }

  @Test
  void theKeyIsWrittenAsTheGeneratedProducersStringSerializerWritesIt() throws Exception {
    List<SourceRecord> records = read("json", "{\"orderId\":\"ü-42\",\"amountCents\":1,"
        + "\"placedAt\":\"2026-11-27T10:15:30Z\",\"status\":\"NEW\"}\n", 1);
    SourceRecord record = records.get(0);
    StringConverter keys = new StringConverter();
    keys.configure(Map.of(), true);
    byte[] connectKey = keys.fromConnectData("orders", record.keySchema(), record.key());
    byte[] producerKey;
    try (StringSerializer serializer = new StringSerializer()) {
      producerKey = serializer.serialize("orders", "ü-42");
    }
    assertThat(connectKey).isEqualTo(producerKey);
    assertThat(BuiltInPartitioner.partitionForKey(connectKey, 12))
        .isEqualTo(BuiltInPartitioner.partitionForKey(producerKey, 12));
  }

  @Test
  void missingUnknownNullAndMistypedMembersAreBadRecords() throws Exception {
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
        "{\"orderId\":\"i\",\"amountCents\":7,\"customer\":null," + ok + "}") + "\n", 10);

    assertThat(records).extracting(SourceRecord::topic).containsExactly("orders-dlq", "orders-dlq", "orders-dlq",
        "orders-dlq", "orders-dlq", "orders-dlq", "orders-dlq", "orders-dlq", "orders-dlq", "orders");
    assertThat(records.subList(0, 9)).extracting(r -> (String) r.headers().lastWithName("courier.error.reason")
        .value()).containsExactly(
            "member 'amountCents' (long) is missing; dev.courier.connect.fixtures.OrderPlaced requires it",
            "member 'amountCents' must be a JSON integer (long), but is the string \"12\"",
            "'extra' is not a member of dev.courier.connect.fixtures.OrderPlaced (members: orderId, amountCents,"
                + " customer, placedAt, status)",
            "member 'orderId' is null, but java.lang.String is not optional",
            "member 'amountCents' must be a JSON integer (long), but is the number 1.5",
            "member 'placedAt' must be ISO-8601 like 2026-11-27T10:15:30Z (java.time.Instant), but is \"yesterday\"",
            "member 'status' must be one of [NEW, PAID] (dev.courier.connect.fixtures.OrderPlaced.Status), but is"
                + " \"LOST\"",
            "member 'amountCents' must be an integer from -9223372036854775808 to 9223372036854775807 (long), but is"
                + " 99999999999999999999",
            "member 'amountCents' appears more than once at column 32; each member may appear once");
    assertThat(((Struct) records.get(9).value()).getString("customer")).isNull();
    assertThat(records.get(9).headers().lastWithName("customer")).as("no header for a null member").isNull();
  }

  @Test
  void csvColumnsAreParsedAsTheMembersTypes() throws Exception {
    List<SourceRecord> records = read("csv", "orderId,amountCents,placedAt,status,customer\n"
        + "o-1,1250,2026-11-27T10:15:30Z,PAID,\n"
        + "o-2,twelve,2026-11-27T10:15:30Z,NEW,bob\n"
        + "o-3,5,2026-11-27T10:15:30Z,NEW,bob\n", 3);

    assertThat(records).extracting(SourceRecord::topic).containsExactly("orders", "orders-dlq", "orders");
    Struct first = (Struct) records.get(0).value();
    assertThat(first.getInt64("amountCents")).isEqualTo(1250L);
    assertThat(first.getString("customer")).isNull();
    assertThat(records.get(0).key()).isEqualTo("o-1");
    assertThat(records.get(1).headers().lastWithName("courier.error.reason").value())
        .isEqualTo("member 'amountCents' must be an integer (long), but is \"twelve\"");
  }

  @Test
  void aCsvHeaderWithoutARequiredMemberMakesEveryRowBad() throws Exception {
    List<SourceRecord> records = read("csv", "orderId,placedAt,status\no-1,2026-11-27T10:15:30Z,NEW\n", 2);

    assertThat(records).extracting(SourceRecord::topic).containsExactly("orders-dlq", "orders-dlq");
    assertThat((String) records.get(1).headers().lastWithName("courier.error.reason").value())
        .contains("header row (line 1) is invalid").contains("[amountCents]");
  }
}
