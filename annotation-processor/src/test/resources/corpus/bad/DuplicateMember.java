package corpus;

import dev.courier.KafkaMessage;

// message: two members named 'id' in corpus.DuplicateMemberBase and in corpus.DuplicateMember
@KafkaMessage(topic = "orders")
public class DuplicateMember extends DuplicateMemberBase { // error: courier.member.duplicate
  public String id;
}

class DuplicateMemberBase {
  public String id;
}
