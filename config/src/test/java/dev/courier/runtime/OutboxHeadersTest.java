/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.junit.jupiter.api.Test;

/** The outbox's headers column: what the writer encodes, the relay decodes, in order, nulls and repeats included. */
class OutboxHeadersTest {

  @Test
  void headersRoundTripInOrderWithRepeatsNullsAndNonAsciiKeys() {
    Headers headers = new ProducerRecord<>("t", "k", "v").headers();
    headers.add("trace-id", "abc".getBytes(StandardCharsets.UTF_8));
    headers.add("tag", null);
    headers.add("tag", new byte[0]);
    headers.add("región", new byte[] {0, (byte) 0xff, 7});

    List<Header> decoded = OutboxHeaders.decode(OutboxHeaders.encode(headers));

    assertThat(decoded).extracting(Header::key).containsExactly("trace-id", "tag", "tag", "región");
    assertThat(decoded).extracting(Header::value).containsExactly("abc".getBytes(StandardCharsets.UTF_8), null,
        new byte[0], new byte[] {0, (byte) 0xff, 7});
  }

  @Test
  void noHeadersIsNullAndNullIsNoHeaders() {
    assertThat(OutboxHeaders.encode(new ProducerRecord<>("t", "v").headers())).isNull();
    assertThat(OutboxHeaders.decode(null)).isEmpty();
  }

  @Test
  void bytesInAnotherFormatAreRefusedSayingWhy() {
    assertThatThrownBy(() -> OutboxHeaders.decode(new byte[] {2, 0, 1}))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("version 2, not 1");
    assertThatThrownBy(() -> OutboxHeaders.decode(new byte[] {1, 0, 5, 'a'}))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ends inside a header");
  }

  @Test
  void theShippedDdlNamesTheGivenTableWithoutItsComments() {
    String ddl = Outbox.tableDdl("mariadb", "app_outbox");
    assertThat(ddl).startsWith("CREATE TABLE IF NOT EXISTS app_outbox (").doesNotContain("--", "courier_outbox")
        .contains("id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY");
    assertThatThrownBy(() -> Outbox.tableDdl("oracle", "t")).hasMessageContaining("Courier ships postgresql");
    assertThatThrownBy(() -> Outbox.tableDdl("h2", "t; DROP TABLE x")).hasMessageContaining("not a table name");
  }

  @Test
  void theTableNameMustBeAPlainSqlName() {
    assertThat(Outbox.create()).isNotNull();
    assertThat(Outbox.create(Map.of(Outbox.TABLE, "app.courier_outbox"))).isNotNull();
    assertThatThrownBy(() -> Outbox.create(Map.of(Outbox.TABLE, "outbox; DROP TABLE orders")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("give a table name such as");
  }
}
