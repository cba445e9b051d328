/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.bench.jmh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.courier.bench.model.LargeMessageSerializer;
import dev.courier.bench.model.MediumMessage;
import dev.courier.bench.model.MediumMessageSerializer;
import dev.courier.bench.model.SmallMessage;
import dev.courier.bench.model.SmallMessageSerializer;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The DSL-JSON codec of the comparison writes exactly the generated serializers' bytes for the benchmark messages
 * and reads them back, with the generated readers' checks; otherwise its figures would compare different work.
 */
class DslJsonCodecTest {

  @Test
  void writesTheGeneratedSerializersBytes() {
    assertThat(DslJsonCodec.write(Messages.small()))
        .isEqualTo(new SmallMessageSerializer().serialize("t", Messages.small()));
    assertThat(DslJsonCodec.write(Messages.medium()))
        .isEqualTo(new MediumMessageSerializer().serialize("t", Messages.medium()));
    assertThat(DslJsonCodec.write(Messages.large()))
        .isEqualTo(new LargeMessageSerializer().serialize("t", Messages.large()));
  }

  @Test
  void readsWhatItWrites() {
    assertThat(DslJsonCodec.readSmall(DslJsonCodec.write(Messages.small()))).isEqualTo(Messages.small());
    assertThat(DslJsonCodec.readMedium(DslJsonCodec.write(Messages.medium()))).isEqualTo(Messages.medium());
    assertThat(DslJsonCodec.readLarge(DslJsonCodec.write(Messages.large()))).isEqualTo(Messages.large());
  }

  @Test
  void readsMembersInAnyOrder() {
    MediumMessage medium = Messages.medium();
    String json = new String(DslJsonCodec.write(medium), StandardCharsets.UTF_8)
        .replace("{\"orderId\":\"order-8f3a2c19-7d41\",", "{")
        .replace(",\"loyaltyPoints\":1250}", ",\"loyaltyPoints\":1250,\"orderId\":\"order-8f3a2c19-7d41\"}");

    assertThat(DslJsonCodec.readMedium(json.getBytes(StandardCharsets.UTF_8))).isEqualTo(medium);
  }

  @Test
  void isAsStrictAsTheGeneratedReader() {
    assertThatThrownBy(() -> readSmall("{\"id\":\"a\",\"amountCents\":1,\"quantity\":2,\"express\":true,\"x\":1}"))
        .isInstanceOf(UncheckedIOException.class).hasMessageContaining("unknown member 'x'");
    assertThatThrownBy(() -> readSmall("{\"id\":\"a\",\"id\":\"b\",\"amountCents\":1,\"quantity\":2,\"express\":true}"))
        .hasMessageContaining("member 'id' appears more than once");
    assertThatThrownBy(() -> readSmall("{\"id\":\"a\",\"amountCents\":1,\"express\":true}"))
        .hasMessageContaining("member 'quantity' is missing");
    assertThatThrownBy(() -> readSmall("{\"id\":\"a\",\"amountCents\":1,\"quantity\":2,\"express\":true} {}"))
        .hasMessageContaining("after the end of the JSON object");
    assertThat(readSmall(" {\"quantity\":2,\"express\":false,\"amountCents\":-5,\"id\":null} \n"))
        .isEqualTo(new SmallMessage(null, -5, 2, false, null));
  }

  private static SmallMessage readSmall(String json) {
    return DslJsonCodec.readSmall(json.getBytes(StandardCharsets.UTF_8));
  }
}
