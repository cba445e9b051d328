package com.acme;

import dev.courier.KafkaMessage;
import dev.courier.PartitionKey;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

@KafkaMessage(topic = "invoices")
public record Invoice(
    @PartitionKey UUID invoiceId,
    Status status,
    LocalDate due,
    List<Line> lines,
    Map<String, BigDecimal> taxes,
    Optional<Address> billing,
    int[] checksums) {

  public enum Status {
    OPEN,
    PAID
  }

  public record Line(String sku, int quantity, BigDecimal price) {}

  public record Address(String street, String city) {}
}
