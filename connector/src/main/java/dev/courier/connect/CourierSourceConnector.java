/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.connect;

import dev.courier.config.MessageDescriptor;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.common.config.Config;
import org.apache.kafka.connect.connector.ConnectorContext;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.source.SourceConnector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The base of Courier's source connectors: the version from our own resource, a {@code validate()} that adds the
 * shared cross-key checks (destination, dead-letter topic, producer overrides against the shared rules and the
 * message type) to the definition's per-key checks, and an {@code alterOffsets} that validates every partition and
 * offset before accepting them (on workers that have the offsets REST API, Kafka 3.6+; on older ones an INFO line
 * says it is not available).
 */
public abstract class CourierSourceConnector extends SourceConnector {

  private static final Logger LOG = LoggerFactory.getLogger(CourierSourceConnector.class);

  @Override
  public void initialize(ConnectorContext context) {
    super.initialize(context);
    if (!WorkerApi.ALTER_OFFSETS) {
      LOG.info("{}: this Connect worker has no REST API to alter or reset a connector's offsets (KIP-875, Kafka"
          + " Connect 3.6 or later has); the connector runs without it", getClass().getSimpleName());
    }
  }

  @Override
  public String version() {
    return CourierConnectorVersion.get();
  }

  @Override
  public Config validate(Map<String, String> connectorConfig) {
    ConfigIssues issues = new ConfigIssues(super.validate(connectorConfig), connectorConfig);
    String name = connectorConfig.getOrDefault("name", "(unnamed)");
    MessageDescriptor descriptor = validateShared(name, connectorConfig, issues);
    validateSource(connectorConfig, descriptor, issues);
    return issues.toConfig();
  }

  /**
   * The source's own cross-key checks, run after the shared ones.
   *
   * @param connectorConfig the connector config
   * @param descriptor the descriptor of {@code message.class}, or {@code null} when not set or not loadable
   * @param issues where errors are attached to keys
   */
  protected abstract void validateSource(
      Map<String, String> connectorConfig, MessageDescriptor descriptor, ConfigIssues issues);

  /**
   * Checks one source partition given to {@code alterOffsets}.
   *
   * @param connectorConfig the connector config
   * @param partition the partition
   * @throws ConnectException saying what is wrong and what a partition looks like
   */
  protected abstract void checkSourcePartition(Map<String, String> connectorConfig, Map<String, ?> partition);

  /**
   * Checks one source offset given to {@code alterOffsets}.
   *
   * @param connectorConfig the connector config
   * @param partition its partition, already checked
   * @param offset the offset, not {@code null}
   * @throws ConnectException saying what is wrong and what an offset looks like
   */
  protected abstract void checkSourceOffset(
      Map<String, String> connectorConfig, Map<String, ?> partition, Map<String, ?> offset);

  /**
   * Accepts new offsets (KIP-875) after checking every partition and offset; a {@code null} offset resets its
   * partition, so the source reads it from the start.
   */
  @Override
  public boolean alterOffsets(Map<String, String> connectorConfig, Map<Map<String, ?>, Map<String, ?>> offsets) {
    for (Map.Entry<Map<String, ?>, Map<String, ?>> entry : offsets.entrySet()) {
      if (entry.getKey() == null) {
        throw new ConnectException("A source partition is null; " + describeOffsets());
      }
      checkSourcePartition(connectorConfig, entry.getKey());
      if (entry.getValue() != null) {
        checkSourceOffset(connectorConfig, entry.getKey(), entry.getValue());
      }
    }
    return true;
  }

  /**
   * What this source's partitions and offsets look like, for error messages.
   *
   * @return a description
   */
  protected abstract String describeOffsets();

  /**
   * Reads a non-negative whole number from an offset, as the REST API delivers it (Integer or Long).
   *
   * @param offset the offset
   * @param key the key
   * @param required whether the key must be present
   * @return the value, or {@code null} when absent and not required
   * @throws ConnectException when it is missing, not a whole number or negative
   */
  protected final Long nonNegativeLong(Map<String, ?> offset, String key, boolean required) {
    Object value = offset.get(key);
    if (value == null) {
      if (required) {
        throw new ConnectException("The offset " + offset + " has no '" + key + "'; " + describeOffsets());
      }
      return null;
    }
    if (!(value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte)) {
      throw new ConnectException("The offset " + offset + " has '" + key + "' = " + value + " ("
          + value.getClass().getSimpleName() + "), but it must be a whole number; " + describeOffsets());
    }
    long number = ((Number) value).longValue();
    if (number < 0) {
      throw new ConnectException("The offset " + offset + " has '" + key + "' = " + value
          + ", but it must be 0 or more; " + describeOffsets());
    }
    return number;
  }

  /**
   * Rejects keys other than the allowed ones.
   *
   * @param map a partition or offset
   * @param what {@code "partition"} or {@code "offset"}
   * @param allowed the keys it may have
   * @throws ConnectException naming the unknown key
   */
  protected final void onlyKeys(Map<String, ?> map, String what, List<String> allowed) {
    for (String key : map.keySet()) {
      if (!allowed.contains(key)) {
        throw new ConnectException("The source " + what + " " + map + " has the unknown key '" + key + "'; "
            + describeOffsets());
      }
    }
  }

  private MessageDescriptor validateShared(String name, Map<String, String> config, ConfigIssues issues) {
    String messageClass = CourierSourceConfig.blankToNull(config.get(CourierSourceConfig.MESSAGE_CLASS_CONFIG));
    String topic = CourierSourceConfig.blankToNull(config.get(CourierSourceConfig.TOPIC_CONFIG));
    String keyField = CourierSourceConfig.blankToNull(config.get(CourierSourceConfig.KEY_FIELD_CONFIG));
    MessageDescriptor descriptor = null;
    MessageMapping mapping = null;
    if (messageClass != null && !issues.hasError(CourierSourceConfig.MESSAGE_CLASS_CONFIG)) {
      try {
        descriptor = MessageDescriptor.load(messageClass, getClass().getClassLoader());
        mapping = MessageMapping.fromDescriptor(descriptor);
      } catch (IllegalArgumentException e) {
        issues.add(CourierSourceConfig.MESSAGE_CLASS_CONFIG, e.getMessage());
        descriptor = null;
      }
    }
    if (mapping != null) {
      MessageConverters.check(config, messageClass, issues);
      if (topic != null && !topic.equals(mapping.topic())) {
        issues.add(CourierSourceConfig.TOPIC_CONFIG, "topic=" + topic + " contradicts the topic "
            + mapping.topic() + " of message.class " + messageClass + ". Fix: remove topic or set it to "
            + mapping.topic() + ".");
      }
      String key = mapping.keyField().orElse(null);
      if (keyField != null && !Objects.equals(keyField, key)) {
        issues.add(CourierSourceConfig.KEY_FIELD_CONFIG, "key.field=" + keyField + " contradicts message.class "
            + messageClass + ", whose key is " + (key == null ? "null (no @PartitionKey member)" : "the member '"
            + key + "'") + ". Fix: remove key.field" + (key == null ? "." : " or set it to " + key + "."));
      }
      topic = mapping.topic();
    } else if (messageClass == null && topic == null && !issues.hasError(CourierSourceConfig.TOPIC_CONFIG)) {
      issues.add(CourierSourceConfig.TOPIC_CONFIG, "topic is required unless message.class names a"
          + " @KafkaMessage type. Fix: set topic to the topic records go to.");
    }
    String policy = config.getOrDefault(CourierSourceConfig.BAD_RECORD_POLICY_CONFIG,
        CourierSourceConfig.BAD_RECORD_POLICY_DEFAULT);
    String deadLetter = CourierSourceConfig.blankToNull(config.get(CourierSourceConfig.DEAD_LETTER_TOPIC_CONFIG));
    if (!issues.hasError(CourierSourceConfig.BAD_RECORD_POLICY_CONFIG)
        && BadRecordPolicy.parse(policy) == BadRecordPolicy.DEAD_LETTER) {
      if (deadLetter == null) {
        issues.add(CourierSourceConfig.DEAD_LETTER_TOPIC_CONFIG, "bad.record.policy=dead-letter needs a"
            + " dead-letter topic. Fix: set bad.record.dead.letter.topic, or use bad.record.policy=fail or skip.");
      } else if (deadLetter.equals(topic)) {
        issues.add(CourierSourceConfig.DEAD_LETTER_TOPIC_CONFIG, "bad.record.dead.letter.topic=" + deadLetter
            + " is the records' own topic, so bad records would mix with good ones. Fix: use another topic.");
      }
    }
    ProducerOverrides.errors(name, config, descriptor).forEach(
        (key, messages) -> messages.forEach(message -> issues.add(key, message)));
    return descriptor;
  }
}
