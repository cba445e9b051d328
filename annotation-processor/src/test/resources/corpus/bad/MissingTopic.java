package corpus;

import dev.courier.KafkaMessage;

/** Bad input: no topic at all: javac reports it; Courier must neither crash nor generate. */
@KafkaMessage // error: javac
public record MissingTopic(String id) {}
