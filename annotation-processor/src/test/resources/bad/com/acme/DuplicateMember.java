package com.acme;

import dev.courier.KafkaMessage;

@KafkaMessage(topic = "orders")
public class DuplicateMember extends DuplicateMemberBase {
  public String id;
}

class DuplicateMemberBase {
  public String id;
}
