/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
/**
 * The producer configuration model: {@link dev.courier.config.ProducerSettings} and the rules that check it, and the
 * descriptor of a message type that the generated code implements and the connector reads.
 *
 * <p>Public API: {@link dev.courier.config.ProducerSettings}, {@link dev.courier.config.ProducerSettingsException},
 * {@link dev.courier.config.ProducerRules}, {@link dev.courier.config.HostedProducer} (the rules for a producer a
 * host such as a Kafka Connect worker builds), {@link dev.courier.config.Rule}, {@link dev.courier.config.Severity},
 * {@link dev.courier.config.Violation}, {@link dev.courier.config.MessageDescriptor},
 * {@link dev.courier.config.MemberDescriptor} and {@link dev.courier.config.MemberType}.
 *
 * <p>Internal, for Courier's own processor and connector, and free to change in any release:
 * {@link dev.courier.config.Suggestions}. The public-API check (japicmp, in this module's build) leaves it out. The
 * connector's {@code producer.override.*} keys live in the connector, which describes its worker's producer as a
 * {@link dev.courier.config.HostedProducer}.
 */
package dev.courier.config;
