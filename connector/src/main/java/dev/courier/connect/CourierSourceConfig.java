/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.connect;

import dev.courier.Reading;
import dev.courier.runtime.SchemaRegistryConfig;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;

/**
 * The configuration every Courier source connector shares: where records go ({@code topic}, {@code key.member} or
 * {@code message.class}), what happens to bad records, how much one {@code poll()} returns, and the documented
 * {@code producer.override.*} keys of {@link dev.courier.connect.ProducerOverrideConfig}. Each source adds its
 * own keys and then the shared ones with {@link #addSharedKeys(ConfigDef)}.
 */
public abstract class CourierSourceConfig extends AbstractConfig {

  /** The group of the destination keys. */
  public static final String DESTINATION_GROUP = "Destination";
  /** The group of the bad-record keys. */
  public static final String BAD_RECORDS_GROUP = "Bad records";
  /** The group of the batching keys. */
  public static final String BATCHING_GROUP = "Batching";

  /** <code>topic</code>: the topic records go to. */
  public static final String TOPIC_CONFIG = "topic";
  /** Documentation of {@link #TOPIC_CONFIG}. */
  public static final String TOPIC_DOC = "The topic records are written to. Required unless message.class names a"
      + " @KafkaMessage type, whose topic is then used; when both are given they must be equal.";

  /** <code>key.member</code>: the member or column whose value is the record key. */
  public static final String KEY_MEMBER_CONFIG = "key.member";
  /** Documentation of {@link #KEY_MEMBER_CONFIG}. */
  public static final String KEY_MEMBER_DOC = "The member (JSON) or column (CSV, JDBC) whose value is the record key;"
      + " a record without it, or where it is null, is a bad record. Empty: records have a null key. With"
      + " message.class the @PartitionKey member is the key; when both are given they must be equal.";

  /** <code>key.field</code>: the old name of {@link #KEY_MEMBER_CONFIG}, still accepted. */
  public static final String KEY_FIELD_CONFIG = "key.field";
  /** Documentation of {@link #KEY_FIELD_CONFIG}. */
  public static final String KEY_FIELD_DOC = "Deprecated: the old name of key.member, accepted until 1.0 with a"
      + " warning in the log. Setting both is an error unless they are equal.";

  /** <code>message.class</code>: a {@code @KafkaMessage} type whose generated descriptor shapes the records. */
  public static final String MESSAGE_CLASS_CONFIG = "message.class";
  /** Documentation of {@link #MESSAGE_CLASS_CONFIG}. */
  public static final String MESSAGE_CLASS_DOC = "The binary name of a @KafkaMessage class (for example"
      + " com.acme.OrderPlaced) whose jar, compiled with courier-annotation-processor, is in this plugin's directory."
      + " Its generated descriptor gives the topic, the key (the @PartitionKey member), the headers (@Header), the"
      + " timestamp (@Timestamp) and the value schema; each input record is read by its generated reader, and a"
      + " missing or mistyped member is a bad record (a member the type does not have is skipped or refused as"
      + " message.reading says), as is a record whose @PartitionKey member is missing"
      + " or null (the generated producer refuses such a message too) unless the type declares"
      + " @PartitionKey(nullable = true). The producer settings it fixes must be repeated as"
      + " producer.override.* keys with the same values.";

  /** <code>message.reading</code>: how {@code message.class} input treats members the type does not have. */
  public static final String MESSAGE_READING_CONFIG = "message.reading";
  /** Documentation of {@link #MESSAGE_READING_CONFIG}. */
  public static final String MESSAGE_READING_DOC = "How input read into message.class treats a member (JSON) or"
      + " column (CSV, JDBC) the type does not have. type: as the type's @KafkaMessage(reading) declares (tolerant"
      + " by default: skipped, so input written for a newer or older version of the type still streams; strict:"
      + " a bad record). strict: a bad record even for a tolerant type, for input written by hand where a misspelt"
      + " member should stop the line. tolerant: only for a tolerant type (it changes nothing then); a connector may"
      + " read more strictly than its type, never less. Only with message.class.";
  /** Default of {@link #MESSAGE_READING_CONFIG}: the type's own reading. */
  public static final String MESSAGE_READING_DEFAULT = "type";
  /** The values of {@link #MESSAGE_READING_CONFIG}. */
  public static final List<String> MESSAGE_READING_VALUES = List.of("type", "strict", "tolerant");

  /** <code>bad.record.policy</code>: what happens to a record that cannot be read. */
  public static final String BAD_RECORD_POLICY_CONFIG = "bad.record.policy";
  /** Documentation of {@link #BAD_RECORD_POLICY_CONFIG}. */
  public static final String BAD_RECORD_POLICY_DOC = "What happens to a record that cannot be read (invalid"
      + " encoding or syntax, wrong column count, too long, a missing or mistyped member). fail: the task fails with"
      + " a message naming the record's location and reason, after the good records before it are delivered; skip:"
      + " the record is logged at WARN with its location and reason and counted; dead-letter: the raw record is"
      + " written to bad.record.dead.letter.topic with error headers (courier.error.reason, the location, the"
      + " connector), in the same transaction as the good records.";
  /** Default of {@link #BAD_RECORD_POLICY_CONFIG}. */
  public static final String BAD_RECORD_POLICY_DEFAULT = BadRecordPolicy.FAIL.configValue();

  /** <code>bad.record.dead.letter.topic</code>: the dead-letter topic. */
  public static final String DEAD_LETTER_TOPIC_CONFIG = "bad.record.dead.letter.topic";
  /** Documentation of {@link #DEAD_LETTER_TOPIC_CONFIG}. */
  public static final String DEAD_LETTER_TOPIC_DOC = "The topic bad records are written to when bad.record.policy"
      + " is dead-letter (required then, and must differ from the records' topic). Values are the raw record as a"
      + " string; headers say why and where.";

  /** <code>poll.max.records</code>: the most records one poll returns. */
  public static final String POLL_MAX_RECORDS_CONFIG = "poll.max.records";
  /** Documentation of {@link #POLL_MAX_RECORDS_CONFIG}. */
  public static final String POLL_MAX_RECORDS_DOC = "The most records one poll() returns. With exactly-once support"
      + " and transaction.boundary=poll, one poll is one transaction.";
  /** Default of {@link #POLL_MAX_RECORDS_CONFIG}. */
  public static final int POLL_MAX_RECORDS_DEFAULT = 5000;

  /** <code>poll.max.bytes</code>: the most input bytes one poll reads. */
  public static final String POLL_MAX_BYTES_CONFIG = "poll.max.bytes";
  /** Documentation of {@link #POLL_MAX_BYTES_CONFIG}. */
  public static final String POLL_MAX_BYTES_DOC = "The most input bytes one poll() reads (a poll stops after the"
      + " record that crosses it); with poll.max.records it bounds a task's memory.";
  /** Default of {@link #POLL_MAX_BYTES_CONFIG}. */
  public static final int POLL_MAX_BYTES_DEFAULT = 4 * 1024 * 1024;

  private static final Pattern TOPIC_NAME = Pattern.compile("[a-zA-Z0-9._-]{1,249}");
  private static final Pattern CLASS_NAME =
      Pattern.compile("(\\p{javaJavaIdentifierStart}\\p{javaJavaIdentifierPart}*\\.)*"
          + "\\p{javaJavaIdentifierStart}[\\p{javaJavaIdentifierPart}$]*");

  private MessageMapping mapping;

  /**
   * Parses a config.
   *
   * @param definition the source's full definition
   * @param originals the connector config
   */
  protected CourierSourceConfig(ConfigDef definition, Map<String, String> originals) {
    super(definition, originals, false);
  }

  /**
   * Adds the shared keys, in their groups, to a source's definition.
   *
   * @param definition the source's definition
   * @return the same definition
   */
  public static ConfigDef addSharedKeys(ConfigDef definition) {
    int order = 0;
    definition
        .define(TOPIC_CONFIG, ConfigDef.Type.STRING, null, new TopicName(true), ConfigDef.Importance.HIGH,
            TOPIC_DOC, DESTINATION_GROUP, ++order, ConfigDef.Width.MEDIUM, "Topic")
        .define(KEY_MEMBER_CONFIG, ConfigDef.Type.STRING, null, ConfigDef.Importance.MEDIUM, KEY_MEMBER_DOC,
            DESTINATION_GROUP, ++order, ConfigDef.Width.MEDIUM, "Key member or column")
        .define(KEY_FIELD_CONFIG, ConfigDef.Type.STRING, null, ConfigDef.Importance.LOW, KEY_FIELD_DOC,
            DESTINATION_GROUP, ++order, ConfigDef.Width.MEDIUM, "Key member (old name)")
        .define(MESSAGE_CLASS_CONFIG, ConfigDef.Type.STRING, null, new ClassName(), ConfigDef.Importance.MEDIUM,
            MESSAGE_CLASS_DOC, DESTINATION_GROUP, ++order, ConfigDef.Width.LONG, "@KafkaMessage class")
        .define(MESSAGE_READING_CONFIG, ConfigDef.Type.STRING, MESSAGE_READING_DEFAULT,
            new OneOf(MESSAGE_READING_VALUES), ConfigDef.Importance.LOW, MESSAGE_READING_DOC, DESTINATION_GROUP,
            ++order, ConfigDef.Width.SHORT, "Unknown members", List.of(MESSAGE_CLASS_CONFIG),
            new Choices(MESSAGE_READING_VALUES));
    order = 0;
    definition
        .define(BAD_RECORD_POLICY_CONFIG, ConfigDef.Type.STRING, BAD_RECORD_POLICY_DEFAULT,
            new OneOf(ConfigChoice.configValues(BadRecordPolicy.class)),
            ConfigDef.Importance.HIGH, BAD_RECORD_POLICY_DOC, BAD_RECORDS_GROUP, ++order, ConfigDef.Width.SHORT,
            "Bad-record policy", new Choices(ConfigChoice.configValues(BadRecordPolicy.class)))
        .define(DEAD_LETTER_TOPIC_CONFIG, ConfigDef.Type.STRING, null, new TopicName(true),
            ConfigDef.Importance.MEDIUM, DEAD_LETTER_TOPIC_DOC, BAD_RECORDS_GROUP, ++order, ConfigDef.Width.MEDIUM,
            "Dead-letter topic", List.of(BAD_RECORD_POLICY_CONFIG), new DeadLetterVisible());
    order = 0;
    definition
        .define(POLL_MAX_RECORDS_CONFIG, ConfigDef.Type.INT, POLL_MAX_RECORDS_DEFAULT, ConfigDef.Range.between(1,
            1_000_000), ConfigDef.Importance.LOW, POLL_MAX_RECORDS_DOC, BATCHING_GROUP, ++order,
            ConfigDef.Width.SHORT, "Records per poll")
        .define(POLL_MAX_BYTES_CONFIG, ConfigDef.Type.INT, POLL_MAX_BYTES_DEFAULT, ConfigDef.Range.between(1024,
            Integer.MAX_VALUE), ConfigDef.Importance.LOW, POLL_MAX_BYTES_DOC, BATCHING_GROUP, ++order,
            ConfigDef.Width.SHORT, "Bytes per poll");
    for (ConfigDef.ConfigKey key : dev.courier.connect.ProducerOverrideConfig.configDef().configKeys().values()) {
      definition.define(key);
    }
    // The registry's keys, as the generated producers read them, for message.class types framed for the registry.
    for (ConfigDef.ConfigKey key : SchemaRegistryConfig.configDef().configKeys().values()) {
      definition.define(key);
    }
    return definition;
  }

  /**
   * {@code topic}.
   *
   * @return the topic, or {@code null} when not set
   */
  public String topic() {
    return blankToNull(getString(TOPIC_CONFIG));
  }

  /**
   * {@code key.member}, or its old name {@code key.member}.
   *
   * @return the key member, or {@code null} when not set
   */
  public String keyMember() {
    return keyMemberOf(keyMemberKeys());
  }

  /**
   * The key under which this config names the key member, for errors about it.
   *
   * @return {@code key.field} when only the old name is set, else {@code key.member}
   */
  public String keyMemberKey() {
    return keyMemberKey(keyMemberKeys());
  }

  private Map<String, String> keyMemberKeys() {
    Map<String, String> keys = new HashMap<>();
    keys.put(KEY_MEMBER_CONFIG, getString(KEY_MEMBER_CONFIG));
    keys.put(KEY_FIELD_CONFIG, getString(KEY_FIELD_CONFIG));
    return keys;
  }

  /**
   * The key member a connector config names: {@code key.member}, else its old name {@code key.member}.
   *
   * @param config a connector config
   * @return the member, or {@code null} when neither key is set or both are blank
   */
  public static String keyMemberOf(Map<String, String> config) {
    String member = blankToNull(config.get(KEY_MEMBER_CONFIG));
    return member != null ? member : blankToNull(config.get(KEY_FIELD_CONFIG));
  }

  /**
   * The key under which a connector config names the key member, for errors about it.
   *
   * @param config a connector config
   * @return {@code key.field} when only the old name is set, else {@code key.member}
   */
  public static String keyMemberKey(Map<String, String> config) {
    return blankToNull(config.get(KEY_MEMBER_CONFIG)) == null && blankToNull(config.get(KEY_FIELD_CONFIG)) != null
        ? KEY_FIELD_CONFIG
        : KEY_MEMBER_CONFIG;
  }

  /**
   * {@code message.class}.
   *
   * @return the class name, or {@code null} when not set
   */
  public String messageClass() {
    return blankToNull(getString(MESSAGE_CLASS_CONFIG));
  }

  /**
   * {@code message.reading}, as asked.
   *
   * @return the reading asked for, or empty for the type's own ({@code type})
   */
  public Optional<Reading> messageReading() {
    return parseReading(getString(MESSAGE_READING_CONFIG));
  }

  /**
   * Parses a value of {@code message.reading}.
   *
   * @param value one of {@link #MESSAGE_READING_VALUES}, in any case
   * @return the reading asked for, or empty for {@code type}
   * @throws ConfigException when the value is none of them
   */
  static Optional<Reading> parseReading(String value) {
    String normalized = value == null ? MESSAGE_READING_DEFAULT : value.trim().toLowerCase(Locale.ROOT);
    switch (normalized) {
      case "type":
        return Optional.empty();
      case "strict":
        return Optional.of(Reading.STRICT);
      case "tolerant":
        return Optional.of(Reading.TOLERANT);
      default:
        throw new ConfigException(MESSAGE_READING_CONFIG, value, "use one of " + MESSAGE_READING_VALUES);
    }
  }

  /**
   * {@code bad.record.policy}.
   *
   * @return the policy
   */
  public BadRecordPolicy badRecordPolicy() {
    return BadRecordPolicy.parse(getString(BAD_RECORD_POLICY_CONFIG));
  }

  /**
   * {@code bad.record.dead.letter.topic}.
   *
   * @return the topic, or {@code null} when not set
   */
  public String deadLetterTopic() {
    return blankToNull(getString(DEAD_LETTER_TOPIC_CONFIG));
  }

  /**
   * {@code poll.max.records}.
   *
   * @return the most records per poll
   */
  public int pollMaxRecords() {
    return getInt(POLL_MAX_RECORDS_CONFIG);
  }

  /**
   * {@code poll.max.bytes}.
   *
   * @return the most input bytes per poll
   */
  public int pollMaxBytes() {
    return getInt(POLL_MAX_BYTES_CONFIG);
  }

  /**
   * The destination, resolved once by the checks that accepted this config ({@link
   * CourierSourceConnector#checkedConfig}): from {@code message.class} when set, else from {@code topic} and
   * {@code key.member}.
   *
   * @return the mapping
   * @throws IllegalStateException when this config did not come from {@link CourierSourceConnector#checkedConfig}
   */
  public MessageMapping mapping() {
    if (mapping == null) {
      throw new IllegalStateException("the config was not checked: use CourierSourceConnector.checkedConfig");
    }
    return mapping;
  }

  /**
   * Keeps the destination the checks resolved.
   *
   * @param messageMapping the mapping of {@code message.class}, or {@code null} when it is not set
   */
  final void resolve(MessageMapping messageMapping) {
    this.mapping = messageMapping != null ? messageMapping : MessageMapping.fromConfig(topic(), keyMember());
  }

  /**
   * The bad-record handler this config describes.
   *
   * @param connectorName the connector's name
   * @return the handler
   */
  public BadRecordHandler badRecordHandler(String connectorName) {
    return new BadRecordHandler(badRecordPolicy(), deadLetterTopic(), connectorName, messageClass() != null);
  }

  /**
   * An optional string key's value: trimmed, and {@code null} when unset or blank.
   *
   * @param value the raw value
   * @return the trimmed value, or {@code null}
   */
  protected static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }

  /** Validates a Kafka topic name; {@code toString} reads well in the docs. */
  static final class TopicName implements ConfigDef.Validator {
    private final boolean optional;

    TopicName(boolean optional) {
      this.optional = optional;
    }

    @Override
    public void ensureValid(String name, Object value) {
      if (value == null || value.toString().isEmpty()) {
        if (!optional) {
          throw new ConfigException(name, value, "a topic name is required");
        }
        return;
      }
      String topic = value.toString();
      if (!TOPIC_NAME.matcher(topic).matches() || topic.equals(".") || topic.equals("..")) {
        throw new ConfigException(name, value, "a topic name is 1 to 249 characters of a-z, A-Z, 0-9, '.', '_'"
            + " and '-', and not '.' or '..'");
      }
    }

    @Override
    public String toString() {
      return "a Kafka topic name ([a-zA-Z0-9._-], 1 to 249 characters)";
    }
  }

  /** Validates a binary class name. */
  static final class ClassName implements ConfigDef.Validator {
    @Override
    public void ensureValid(String name, Object value) {
      if (value == null || value.toString().isEmpty()) {
        return;
      }
      if (!CLASS_NAME.matcher(value.toString()).matches()) {
        throw new ConfigException(name, value, "not a binary class name such as com.acme.OrderPlaced or"
            + " com.acme.Outer$Inner");
      }
    }

    @Override
    public String toString() {
      return "a binary class name, e.g. com.acme.OrderPlaced";
    }
  }

  /** Accepts one of a list of values, ignoring case; {@code toString} lists them in order for the docs. */
  public static final class OneOf implements ConfigDef.Validator {
    private final List<String> values;

    /**
     * Creates the validator.
     *
     * @param values the accepted values, in the order the docs list them
     */
    public OneOf(List<String> values) {
      this.values = List.copyOf(values);
    }

    @Override
    public void ensureValid(String name, Object value) {
      if (value == null || values.stream().noneMatch(v -> v.equalsIgnoreCase(value.toString().trim()))) {
        throw new ConfigException(name, value, "must be one of " + String.join(", ", values));
      }
    }

    @Override
    public String toString() {
      return "one of " + String.join(", ", values);
    }
  }

  /** Recommends a fixed list of values. */
  public static final class Choices implements ConfigDef.Recommender {
    private final List<Object> values;

    /**
     * Creates the recommender.
     *
     * @param values the accepted values
     */
    public Choices(List<String> values) {
      this.values = List.copyOf(values);
    }

    @Override
    public List<Object> validValues(String name, Map<String, Object> parsedConfig) {
      return new java.util.ArrayList<>(values);
    }

    @Override
    public boolean visible(String name, Map<String, Object> parsedConfig) {
      return true;
    }
  }

  /** Shows the dead-letter topic only when the policy is dead-letter. */
  static final class DeadLetterVisible implements ConfigDef.Recommender {
    @Override
    public List<Object> validValues(String name, Map<String, Object> parsedConfig) {
      return new java.util.ArrayList<>();
    }

    @Override
    public boolean visible(String name, Map<String, Object> parsedConfig) {
      Object policy = parsedConfig.get(BAD_RECORD_POLICY_CONFIG);
      return policy != null && BadRecordPolicy.DEAD_LETTER.configValue().equalsIgnoreCase(policy.toString());
    }
  }
}
