package com.acme;

import dev.courier.KafkaMessage;
import dev.courier.Timestamp;
import java.time.Instant;

@KafkaMessage(topic = "orders")
public class TimestampDuplicate {
  @Timestamp Instant created;
  @Timestamp Instant updated;
}
