/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.bench.model;

import dev.courier.KafkaMessage;
import dev.courier.PartitionKey;
import java.util.List;

/**
 * The medium benchmark message: twenty members, three of them nested records and one a list (about 600 bytes of
 * JSON).
 *
 * @param orderId the key
 * @param customerId a customer id
 * @param createdAtMillis epoch milliseconds
 * @param itemCount a count
 * @param total a nested amount
 * @param tax a nested amount
 * @param gift a flag
 * @param express a flag
 * @param weightKg a decimal number
 * @param channel a short string
 * @param status an enum
 * @param couponCode a string that is often null
 * @param priority a small number
 * @param version a long number
 * @param note free text
 * @param shipping a nested address
 * @param billing a nested address
 * @param tags a list of strings
 * @param trackingId a string
 * @param loyaltyPoints a number
 */
@KafkaMessage(topic = "bench-medium")
public record MediumMessage(
    @PartitionKey String orderId,
    String customerId,
    long createdAtMillis,
    int itemCount,
    Money total,
    Money tax,
    boolean gift,
    boolean express,
    double weightKg,
    String channel,
    OrderStatus status,
    String couponCode,
    int priority,
    long version,
    String note,
    Address shipping,
    Address billing,
    List<String> tags,
    String trackingId,
    int loyaltyPoints) {
}
