/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.examples.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.courier.examples.app.AppException;
import dev.courier.examples.orders.OrderPlaced;
import dev.courier.examples.orders.OrderPlacedDeserializer;
import dev.courier.examples.orders.OrderPlacedSerializer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class DemoOptionsTest {

  @Test
  void defaultsUseTheInProcessBrokerAndTheWholeSample() {
    assertThat(DemoOptions.parse()).isEqualTo(DemoOptions.defaults());
    assertThat(DemoOptions.defaults()).isEqualTo(new DemoOptions(null, 2000, 200, 6, null));
  }

  @Test
  void parsesEveryOption() {
    assertThat(DemoOptions.parse("--bootstrap-servers", "kafka:9092", "--records=90", "--per-mode", "30",
        "--partitions", "12")).isEqualTo(new DemoOptions("kafka:9092", 90, 30, 12, null));
    assertThat(DemoOptions.parse("--records", "30").perSendMode()).isEqualTo(10);
    assertThat(DemoOptions.parse("--schema-registry", "embedded").schemaRegistry()).isEqualTo("embedded");
    assertThat(DemoOptions.parse("--schema-registry=http://registry:8081").schemaRegistry())
        .isEqualTo("http://registry:8081");
  }

  @Test
  void rejectsWhatItCannotDoWithTheOptionAndTheUsage() {
    assertThatThrownBy(() -> DemoOptions.parse("--records", "2001")).isInstanceOf(AppException.class)
        .hasMessageContaining("--records is 2001; the sample file has 2000 orders").hasMessageContaining("usage:");
    assertThatThrownBy(() -> DemoOptions.parse("--records", "30", "--per-mode", "11"))
        .hasMessageContaining("--per-mode is 11").hasMessageContaining("at most 10");
    assertThatThrownBy(() -> DemoOptions.parse("--partitions", "zero"))
        .hasMessageContaining("option --partitions is 'zero'; it takes a positive integer");
    assertThatThrownBy(() -> DemoOptions.parse("--bootstrap"))
        .hasMessageContaining("unknown option --bootstrap");
    assertThatThrownBy(() -> DemoOptions.parse("--bootstrap-servers"))
        .hasMessageContaining("option --bootstrap-servers needs a value");
    assertThatThrownBy(() -> DemoOptions.parse("extra")).hasMessageContaining("unexpected argument extra");
    assertThatThrownBy(() -> DemoOptions.parse("--schema-registry", "registry:8081"))
        .hasMessageContaining("give 'embedded' or the registry's http(s) URL");
  }

  @Test
  void theSampleHasTheAdvertisedOrdersEachInTheGeneratedCodecsExactForm() throws Exception {
    List<String> lines = Demo.sampleLines(Integer.MAX_VALUE);
    assertThat(lines).hasSize(DemoOptions.SAMPLE_RECORDS);
    assertThat(Files.readAllLines(Path.of("src/main/resources").resolve(Demo.SAMPLE), StandardCharsets.UTF_8))
        .isEqualTo(lines);
    OrderPlacedDeserializer deserializer = new OrderPlacedDeserializer();
    OrderPlacedSerializer serializer = new OrderPlacedSerializer();
    for (String line : lines) {
      OrderPlaced order = deserializer.deserialize("orders", line.getBytes(StandardCharsets.UTF_8));
      assertThat(new String(serializer.serialize("orders", order), StandardCharsets.UTF_8)).isEqualTo(line);
    }
    assertThat(lines.stream().map(l -> deserializer.deserialize("orders", l.getBytes(StandardCharsets.UTF_8))
        .orderId()).distinct()).hasSize(DemoOptions.SAMPLE_RECORDS);
  }
}
