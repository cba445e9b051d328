package corpus;

import dev.courier.KafkaMessage;
import dev.courier.SubjectNaming;

// message: @KafkaMessage(subjectNaming) on corpus.SubjectNamingWithPlainJson would have no effect: its valueFormat is JSON
@KafkaMessage(
    topic = "orders",
    subjectNaming = SubjectNaming.RECORD) // error: courier.subject.unused
public record SubjectNamingWithPlainJson(String id) {}
