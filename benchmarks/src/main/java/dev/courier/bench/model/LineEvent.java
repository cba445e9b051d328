/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.bench.model;

import dev.courier.KafkaMessage;
import dev.courier.PartitionKey;

/**
 * One line of the connector benchmark's JSON-lines input (about 100 bytes of JSON), streamed by the file source
 * through {@code message.class}. It fixes no producer setting, so the worker's defaults and the benchmark's
 * {@code producer.override.*} keys decide, as for the text-line runs of the same records.
 *
 * @param id the event id, the record key
 * @param seq the line number, from 1
 * @param amountCents an amount in cents
 * @param status the event's status
 * @param note free text that pads the line to about 100 bytes
 */
@KafkaMessage(topic = "courier-bench-events")
public record LineEvent(
    @PartitionKey String id, long seq, long amountCents, Status status, String note) {

  /** An event's status. */
  public enum Status {
    /** Just created. */
    NEW,
    /** Paid. */
    PAID,
    /** Shipped. */
    SHIPPED
  }
}
