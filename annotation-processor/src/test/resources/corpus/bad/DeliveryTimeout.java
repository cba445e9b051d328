package corpus;

import dev.courier.KafkaMessage;

// message: delivery.timeout.ms=1000
@KafkaMessage(
    topic = "orders",
    deliveryTimeoutMs = 1000) // error: courier.delivery-timeout
public class DeliveryTimeout {
  String id;
}
