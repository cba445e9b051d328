/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.harness;

/** The SASL mechanisms an {@link EmbeddedKafka} offers on its SASL listeners, with their client login modules. */
public enum SaslMechanism {
  /** {@code PLAIN}: user name and password, checked against the broker's JAAS configuration. */
  PLAIN("PLAIN", "org.apache.kafka.common.security.plain.PlainLoginModule"),
  /** {@code SCRAM-SHA-512}: salted challenge-response; the credentials live in the KRaft metadata. */
  SCRAM_SHA_512("SCRAM-SHA-512", "org.apache.kafka.common.security.scram.ScramLoginModule");

  private final String kafkaName;
  private final String loginModule;

  SaslMechanism(String kafkaName, String loginModule) {
    this.kafkaName = kafkaName;
    this.loginModule = loginModule;
  }

  /**
   * The mechanism as Kafka's {@code sasl.mechanism} spells it.
   *
   * @return e.g. {@code SCRAM-SHA-512}
   */
  public String kafkaName() {
    return kafkaName;
  }

  /**
   * A client's {@code sasl.jaas.config} for this mechanism.
   *
   * @param user the user name
   * @param password the password
   * @return the JAAS configuration line, e.g.
   *     {@code org.apache.kafka.common.security.plain.PlainLoginModule required username="u" password="p";}
   */
  public String clientJaasConfig(String user, String password) {
    return loginModule + " required username=\"" + escape(user) + "\" password=\"" + escape(password) + "\";";
  }

  private static String escape(String value) {
    return value.replace("\\", "\\\\").replace("\"", "\\\"");
  }
}
