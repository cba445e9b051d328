/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.scenario;

import dev.courier.KafkaMessage;
import dev.courier.PartitionKey;
import dev.courier.SendMode;

/**
 * A numbered message sent with send mode FIRE_AND_FORGET, idempotence and acks=all (the defaults), for the broker restart
 * scenario; Courier's processor generates its producer at test-compile time.
 *
 * @param source the sender, the record key
 * @param seq the message's number
 */
@KafkaMessage(topic = "restart-fire", sendMode = SendMode.FIRE_AND_FORGET)
public record FireTick(@PartitionKey String source, long seq) {}
