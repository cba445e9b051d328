package corpus;

import dev.courier.KafkaMessage;

// message: Member 'secret' of corpus.Unreadable cannot be read by the generated code: the field is private and there is no accessible getter getSecret() or secret().
@KafkaMessage(topic = "orders")
public class Unreadable {
  public String id;
  private long secret; // error: courier.member.unreadable

  public void setSecret(long secret) {
    this.secret = secret;
  }
}
