/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.examples.shared;

import dev.courier.KafkaMessage;
import dev.courier.PartitionKey;

/**
 * A type that fixes no producer setting, for {@code SharedProducersTest}.
 *
 * @param id the key
 */
@KafkaMessage(topic = "plain")
public record Plain(@PartitionKey String id) {}
