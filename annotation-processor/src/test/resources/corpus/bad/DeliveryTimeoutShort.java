package corpus;

import dev.courier.KafkaMessage;

/** Bad input: deliveryTimeoutMs < lingerMs + requestTimeoutMs, all fixed. */
@KafkaMessage(
    topic = "orders",
    lingerMs = 20000L,
    requestTimeoutMs = 20000,
    deliveryTimeoutMs = 30000) // error: courier.delivery-timeout
public record DeliveryTimeoutShort(String id) {}
