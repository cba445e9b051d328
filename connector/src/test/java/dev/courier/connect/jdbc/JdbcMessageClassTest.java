/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.connect.jdbc;

import static dev.courier.connect.RecordText.keyText;
import static org.assertj.core.api.Assertions.assertThat;

import dev.courier.connect.FakeTaskContext;
import dev.courier.connect.FakeTaskContext.FakeClock;
import dev.courier.connect.MessageClassConfig;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code message.class} with a type compiled by courier-annotation-processor: rows read from H2 columns and written by
 * {@code JsonConverter} ({@code schemas.enable=false}) are the bytes the generated {@code PaymentSerializer} writes for
 * the same payment, and the rows a member cannot hold are bad records.
 */
class JdbcMessageClassTest {


  H2Db db;
  JdbcSourceTask task;

  @BeforeEach
  void database() throws Exception {
    db = new H2Db();
    db.exec("CREATE TABLE payments (id BIGINT PRIMARY KEY, payment_ref VARCHAR(20), paymentId VARCHAR(20) NOT NULL,"
        + " amountCents BIGINT NOT NULL, fee NUMERIC(10, 2) NOT NULL, ledgerNo NUMERIC(30, 0), refunded BOOLEAN"
        + " NOT NULL, status VARCHAR(10) NOT NULL, reference VARCHAR(36) NOT NULL, capturedAt TIMESTAMP(6) WITH"
        + " TIME ZONE NOT NULL, bookedOn DATE NOT NULL, \"localTime\" TIMESTAMP(6) NOT NULL, offsetTime TIMESTAMP(6)"
        + " WITH TIME ZONE NOT NULL, receipt VARBINARY(10), attempts INT, note VARCHAR(50), rate DOUBLE PRECISION"
        + " NOT NULL, ratio REAL NOT NULL, small SMALLINT NOT NULL, grade CHAR(1) NOT NULL)");
  }

  @AfterEach
  void close() throws Exception {
    if (task != null) {
      task.stop();
    }
    db.close();
  }

  List<SourceRecord> read(int count, String... more) throws Exception {
    Map<String, String> config = new HashMap<>(Map.of("name", "payments", "connection.url", db.url, "mode",
        "incrementing", "incrementing.column.name", "id", "table.names", "payments",
        "bad.record.policy", "skip"));
    config.putAll(MessageClassConfig.of(Payment.class));
    for (int i = 0; i < more.length; i += 2) {
      config.put(more[i], more[i + 1]);
    }
    task = new JdbcSourceTask(new FakeClock(0));
    task.initialize(new FakeTaskContext(config, false));
    task.start(config);
    return JdbcSourceTaskTest.pollCount(task, count);
  }

  @Test
  void rowsAreWrittenAsTheGeneratedSerializerWritesTheSamePayment() throws Exception {
    db.exec("ALTER TABLE payments DROP COLUMN payment_ref");
    db.exec("INSERT INTO payments VALUES (1, 'p-1', 1250, 12.50, 123456789012345678901234567890, TRUE, 'SETTLED',"
        + " 'A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11', TIMESTAMP WITH TIME ZONE '2026-11-27 10:15:30.123456+01:00',"
        + " DATE '2026-11-27', TIMESTAMP '2026-11-27 10:15:00', TIMESTAMP WITH TIME ZONE"
        + " '2026-11-27 10:15:30.5+02:00', X'0102', 3, 'first', 0.1, 1.5, -7, 'A')",
        "INSERT INTO payments VALUES (2, 'p-2', 0, 0.00, NULL, FALSE, 'CAPTURED',"
        + " 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a12', TIMESTAMP WITH TIME ZONE '2026-11-27 00:00:00+00:00',"
        + " DATE '2026-01-01', TIMESTAMP '2026-11-27 10:15:30.000001', TIMESTAMP WITH TIME ZONE"
        + " '2026-11-27 10:15:30+00:00', NULL, NULL, NULL, 1.0E-300, 3.4E38, 32767, 'z')");
    List<SourceRecord> records = read(2);
    List<Payment> payments = List.of(
        new Payment("p-1", 1250, new BigDecimal("12.50"), new BigInteger("123456789012345678901234567890"), true,
            Payment.Status.SETTLED, UUID.fromString("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11"),
            Instant.parse("2026-11-27T09:15:30.123456Z"), LocalDate.parse("2026-11-27"),
            LocalDateTime.parse("2026-11-27T10:15:00"), OffsetDateTime.parse("2026-11-27T10:15:30.5+02:00"),
            new byte[] {1, 2}, 3, "first", 0.1, 1.5f, (short) -7, 'A'),
        new Payment("p-2", 0, new BigDecimal("0.00"), null, false, Payment.Status.CAPTURED,
            UUID.fromString("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a12"), Instant.parse("2026-11-27T00:00:00Z"),
            LocalDate.parse("2026-01-01"), LocalDateTime.parse("2026-11-27T10:15:30.000001"),
            OffsetDateTime.parse("2026-11-27T10:15:30Z"), null, null, null, 1.0e-300, 3.4e38f, (short) 32767, 'z'));
    try (PaymentSerializer serializer = new PaymentSerializer()) {
      for (int i = 0; i < 2; i++) {
        SourceRecord record = records.get(i);
        assertThat(record.topic()).isEqualTo("payments");
        assertThat(keyText(record)).isEqualTo(payments.get(i).paymentId());
        String connector = new String((byte[]) record.value(), StandardCharsets.UTF_8);
        String generated = new String(serializer.serialize("payments", payments.get(i)), StandardCharsets.UTF_8);
        assertThat(connector).as("row %d", i + 1).isEqualTo(generated);
      }
    }
  }

  @Test
  void aColumnThatIsNoMemberIsSkippedUnlessReadingIsStrictAndValuesAMemberCannotHoldAreBadRecords() throws Exception {
    db.exec("INSERT INTO payments VALUES (1, 'x', 'p-1', 1, 1.00, NULL, TRUE, 'LOST',"
        + " 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', CURRENT_TIMESTAMP, CURRENT_DATE, LOCALTIMESTAMP,"
        + " CURRENT_TIMESTAMP, NULL, NULL, NULL, 1, 1, 1, 'a')");
    JdbcSourceConnector connector = new JdbcSourceConnector();
    Map<String, String> config = new HashMap<>(Map.of("name", "payments", "connection.url", db.url, "mode",
        "incrementing", "incrementing.column.name", "id", "table.names", "payments"));
    config.putAll(MessageClassConfig.of(Payment.class));
    Map<String, String> strict = new HashMap<>(config);
    strict.put("message.reading", "strict");
    assertThat(messageClassErrors(connector, strict))
        .singleElement().asString().contains("column PAYMENT_REF").contains("is not a member")
        .contains("is read strictly");
    assertThat(messageClassErrors(connector, config))
        .as("Payment reads tolerantly: the column that is no member is skipped, as an unknown JSON member is")
        .isEmpty();

    db.exec("INSERT INTO payments VALUES (2, 'y', 'p-2', 2, 2.00, NULL, FALSE, 'CAPTURED',"
        + " 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', CURRENT_TIMESTAMP, CURRENT_DATE, LOCALTIMESTAMP,"
        + " CURRENT_TIMESTAMP, NULL, NULL, NULL, 1, 1, 1, 'c')");
    FakeTaskContext context = new FakeTaskContext(config, false);
    config.put("bad.record.policy", "skip");
    task = new JdbcSourceTask(new FakeClock(0));
    task.initialize(context);
    task.start(config);
    List<SourceRecord> records = JdbcSourceTaskTest.pollCount(task, 1);
    assertThat(keyText(records.get(0))).isEqualTo("p-2");
    assertThat(context.metric("bad-records-total")).as("row 1: status LOST").isEqualTo(1);
  }

  private static List<String> messageClassErrors(JdbcSourceConnector connector, Map<String, String> config) {
    return connector.validate(config).configValues().stream()
        .filter(v -> v.name().equals("message.class")).findFirst().orElseThrow().errorMessages();
  }
}
