/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.runtime;

/**
 * A message whose {@code @PartitionKey} member is {@code null}, refused by its generated producer before anything is
 * sent, in every send mode: a record with a {@code null} key would land on an arbitrary partition, out of order with
 * the other records of its key. It is thrown by {@code send} (and {@code toRecord}) on the calling thread, like the
 * {@code NullPointerException} for a {@code null} message, never handed to a future or an error handler: it is a
 * mistake of the caller, not a failure of the send. A type whose messages may have no key declares
 * {@code @PartitionKey(nullable = true)}.
 *
 * <p>Courier's source connectors give the same reason ({@link #reason(String, String)}) for an input record whose
 * key member is missing or {@code null}, and handle it by their {@code bad.record.policy}.
 */
public class NullKeyException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /** The name of the {@code @KafkaMessage} type. */
  private final String messageType;

  /** The name of its {@code @PartitionKey} member. */
  private final String keyMember;

  /**
   * Creates the exception.
   *
   * @param messageType the name of the {@code @KafkaMessage} type, for example {@code com.acme.OrderPlaced}
   * @param keyMember the name of its {@code @PartitionKey} member
   */
  public NullKeyException(String messageType, String keyMember) {
    super(reason(messageType, keyMember));
    this.messageType = messageType;
    this.keyMember = keyMember;
  }

  /**
   * Why a message or input record without a key is refused, and how to fix it: the words of this exception and of
   * the connectors' bad records.
   *
   * @param messageType the name of the {@code @KafkaMessage} type
   * @param keyMember the name of its {@code @PartitionKey} member
   * @return the reason
   */
  public static String reason(String messageType, String keyMember) {
    return "the @PartitionKey member '" + keyMember + "' of " + messageType + " has no value, so the record would"
        + " have a null key and land on an arbitrary partition, out of order with the other records of its key."
        + " Fix: set " + keyMember + " on every message, or declare @PartitionKey(nullable = true) on it if "
        + messageType + " messages may have no key";
  }

  /**
   * The message type.
   *
   * @return the name of the {@code @KafkaMessage} type
   */
  public String messageType() {
    return messageType;
  }

  /**
   * The key member.
   *
   * @return the name of the {@code @PartitionKey} member
   */
  public String keyMember() {
    return keyMember;
  }
}
