package com.acme;

import dev.courier.KafkaMessage;
import dev.courier.PartitionKey;

@KafkaMessage(topic = "payments", transactionalId = "payments-tx", properties = "max.request.size=2097152")
public record Payment(@PartitionKey String paymentId, long amountCents) {}
