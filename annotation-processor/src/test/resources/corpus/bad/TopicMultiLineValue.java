package corpus;

import dev.courier.KafkaMessage;
import dev.courier.SendMode;

/** Bad input: the topic value spans lines: the error is on the line where the value starts. */
@KafkaMessage(
    sendMode = dev.courier.SendMode.ASYNC,
    topic =
        "a!b") // error: courier.topic
public record TopicMultiLineValue(String id) {}
