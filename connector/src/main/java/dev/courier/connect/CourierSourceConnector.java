/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.connect;

import dev.courier.Reading;
import dev.courier.ValueFormat;
import dev.courier.config.MessageDescriptor;
import dev.courier.runtime.SchemaRegistryConfig;
import dev.courier.runtime.SchemaRegistryException;
import dev.courier.runtime.SchemaRegistryFraming;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.apache.kafka.common.config.Config;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.connect.connector.ConnectorContext;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.source.SourceConnector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The base of Courier's source connectors: the version from our own resource, one set of config checks that
 * {@code validate()}, {@link #start} and every task's start run alike, and an {@code alterOffsets} that validates
 * every partition and offset before accepting them (on workers that have the offsets REST API, Kafka 3.6+; on older
 * ones an INFO line says it is not available).
 *
 * <p>The checks are parsed and run once per start: {@link #checkedConfig} runs the definition's per-key checks, the
 * shared cross-key checks (destination, converters, dead-letter topic, producer overrides against the shared rules
 * and the message type) and the source's own ({@link #checkSource}), resolves {@code message.class} once, and hands
 * back the typed config holding the resolved {@link MessageMapping}, or refuses the config with every problem on
 * its key. {@code validate()} reports the same problems and adds what only it looks at: the worker's environment
 * ({@link #probeSource}: directories, the database), which a task meets at its own time and retries or reports.
 *
 * @param <C> the source's typed config
 */
public abstract class CourierSourceConnector<C extends CourierSourceConfig> extends SourceConnector {

  private static final Logger LOG = LoggerFactory.getLogger(CourierSourceConnector.class);

  private volatile Map<String, String> props;

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
  public final Config validate(Map<String, String> connectorConfig) {
    Checked checked = check(connectorConfig);
    probeRegistry(connectorConfig, checked);
    probeSource(connectorConfig, checked.descriptor(), checked.issues());
    return checked.issues().toConfig();
  }

  /**
   * Starts the connector on a config that passed every check of {@code validate()} (a config can reach a worker
   * without {@code validate()}, from the config topic or after an upgrade, so the checks run again here).
   *
   * @param props the connector config
   * @throws ConfigException naming every problem and its key
   */
  @Override
  public final void start(Map<String, String> props) {
    checkedConfig(props);
    this.props = Map.copyOf(props);
  }

  /**
   * The config the connector was started with, which each task config starts from.
   *
   * @return the connector config
   * @throws IllegalStateException when the connector is not started
   */
  protected final Map<String, String> props() {
    if (props == null) {
      throw new IllegalStateException("the connector is not started");
    }
    return props;
  }

  @Override
  public final void stop() {
    props = null;
  }

  /**
   * Parses and checks a connector or task config as {@code validate()} does, except the environment probes, and
   * resolves {@code message.class} once: what the connector's and each task's {@code start} use.
   *
   * @param props the connector config (a task config holds it too)
   * @return the typed config, its {@link CourierSourceConfig#mapping() mapping} resolved
   * @throws ConfigException naming every problem and its key
   */
  public final C checkedConfig(Map<String, String> props) {
    Checked checked = check(props);
    if (checked.issues().hasErrors()) {
      throw new ConfigException("The connector config is invalid: " + checked.issues().summary());
    }
    C config = parse(props);
    MessageMapping mapping = checked.mapping();
    if (mapping != null) {
      try {
        mapping = mapping.bind(props);
      } catch (SchemaRegistryException | ConfigException e) {
        throw new ConfigException("The connector config is invalid: " + CourierSourceConfig.MESSAGE_CLASS_CONFIG
            + " " + mapping.descriptor().map(MessageDescriptor::messageClassName).orElse("") + " is framed for the"
            + " Schema Registry, and " + e.getMessage());
      }
    }
    config.resolve(mapping);
    return config;
  }

  /**
   * Asks the Schema Registry whether records of a registry-framed {@code message.class} could be written, without
   * registering anything, and attaches what stands in the way to the key it is about: the registry's URL when it
   * cannot be reached, the credentials when they are refused, {@code auto.register.schemas} when the schema is not
   * registered and may not be, {@code message.class} when it is incompatible.
   */
  private static void probeRegistry(Map<String, String> connectorConfig, Checked checked) {
    MessageDescriptor descriptor = checked.descriptor();
    ConfigIssues issues = checked.issues();
    if (descriptor == null || descriptor.valueFormat() != ValueFormat.SCHEMA_REGISTRY_JSON
        || issues.hasError(SchemaRegistryConfig.URL)) {
      return;
    }
    try {
      SchemaRegistryFraming.problem(descriptor, connectorConfig).ifPresent(problem -> issues.add(
          problem.contains(SchemaRegistryConfig.AUTO_REGISTER) ? SchemaRegistryConfig.AUTO_REGISTER
              : CourierSourceConfig.MESSAGE_CLASS_CONFIG, problem));
    } catch (ConfigException e) {
      issues.add(SchemaRegistryConfig.URL, e.getMessage());
    } catch (SchemaRegistryException e) {
      String key = e.status() == 401 || e.status() == 403 ? SchemaRegistryConfig.USER_INFO : SchemaRegistryConfig.URL;
      issues.add(key, e.getMessage());
    }
  }

  /**
   * Parses a config whose keys passed their checks.
   *
   * @param props the config
   * @return the typed config
   */
  protected abstract C parse(Map<String, String> props);

  /**
   * The source's own cross-key checks, run after the shared ones, by {@code validate()} and by every start.
   *
   * @param connectorConfig the connector config
   * @param descriptor the descriptor of {@code message.class}, or {@code null} when not set or not loadable
   * @param issues where errors are attached to keys
   */
  protected abstract void checkSource(
      Map<String, String> connectorConfig, MessageDescriptor descriptor, ConfigIssues issues);

  /**
   * The source's checks of the worker's environment (directories, a database), run by {@code validate()} only,
   * after every config check; they should skip what depends on a key already in error.
   *
   * @param connectorConfig the connector config
   * @param descriptor the descriptor of {@code message.class}, or {@code null} when not set or not loadable
   * @param issues where errors are attached to keys
   */
  protected void probeSource(Map<String, String> connectorConfig, MessageDescriptor descriptor, ConfigIssues issues) {}

  /**
   * Whether the source's records name their own topics, so that {@code topic} is not required (the JDBC source's
   * outbox mode).
   *
   * @param connectorConfig the connector config
   * @return {@code false} unless the source says so
   */
  protected boolean recordsCarryTopic(Map<String, String> connectorConfig) {
    return false;
  }

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

  /**
   * {@code message.reading}: only with {@code message.class}, and never looser than the type. The values that apply
   * are the key's recommended values in the result, so a UI offers only those.
   */
  private static void checkReading(Optional<Reading> reading, String messageClass, MessageDescriptor descriptor,
      ConfigIssues issues) {
    String key = CourierSourceConfig.MESSAGE_READING_CONFIG;
    if (messageClass == null) {
      issues.recommend(key, List.of(CourierSourceConfig.MESSAGE_READING_DEFAULT));
      if (reading.isPresent()) {
        issues.add(key, "message.reading=" + reading.get().name().toLowerCase(Locale.ROOT) + " applies only to"
            + " input read into a message.class type; without one, JSON objects are streamed as they are and have no"
            + " members to check. Fix: remove message.reading, or set message.class.");
      }
      return;
    }
    if (descriptor == null) {
      return;
    }
    if (descriptor.reading() == Reading.STRICT) {
      issues.recommend(key, List.of(CourierSourceConfig.MESSAGE_READING_DEFAULT, "strict"));
      if (reading.orElse(Reading.STRICT) == Reading.TOLERANT) {
        issues.add(key, "message.reading=tolerant would read " + messageClass + " more loosely than the type"
            + " declares (@KafkaMessage(reading = STRICT)): members it does not have would be dropped. A connector"
            + " may read more strictly than its type, never less. Fix: remove message.reading, or set it to type or"
            + " strict; or declare the type tolerant.");
      }
    } else {
      issues.recommend(key, CourierSourceConfig.MESSAGE_READING_VALUES);
    }
  }

  /** The outcome of the config checks: the problems by key, and {@code message.class} resolved when it could be. */
  private record Checked(ConfigIssues issues, MessageDescriptor descriptor, MessageMapping mapping) {}

  /** {@code key.field} is the old name of {@code key.member}: accepted with a warning, refused when they differ. */
  private static void checkKeyMemberNames(String name, Map<String, String> config, ConfigIssues issues) {
    String member = CourierSourceConfig.blankToNull(config.get(CourierSourceConfig.KEY_MEMBER_CONFIG));
    String old = CourierSourceConfig.blankToNull(config.get(CourierSourceConfig.KEY_FIELD_CONFIG));
    if (old == null) {
      return;
    }
    if (member != null && !member.equals(old)) {
      issues.add(CourierSourceConfig.KEY_FIELD_CONFIG, "key.field=" + old + " contradicts key.member=" + member
          + "; key.field is the old name of key.member. Fix: remove key.field.");
    } else {
      LOG.warn("Connector {}: key.field is the old name of key.member and will be removed in 1.0. Fix: rename it"
          + " to key.member.", name);
    }
  }

  private static void checkRegistryKeys(String messageClass, Map<String, String> config, ConfigIssues issues) {
    try {
      SchemaRegistryConfig registry = SchemaRegistryConfig.of(config);
      if (registry.urls().isEmpty()) {
        issues.add(SchemaRegistryConfig.URL, "message.class " + messageClass + " is framed for the Schema Registry"
            + " (valueFormat SCHEMA_REGISTRY_JSON), so its records carry the id of its schema there. Fix: set "
            + SchemaRegistryConfig.URL + " to the registry the type's producers use.");
      }
    } catch (ConfigException e) {
      issues.add(e.getMessage().contains(SchemaRegistryConfig.USER_INFO) ? SchemaRegistryConfig.USER_INFO
          : SchemaRegistryConfig.URL, e.getMessage());
    }
  }

  private Checked check(Map<String, String> config) {
    ConfigIssues issues = new ConfigIssues(new Config(config().validate(config)), config);
    String name = config.getOrDefault("name", "(unnamed)");
    String messageClass = CourierSourceConfig.blankToNull(config.get(CourierSourceConfig.MESSAGE_CLASS_CONFIG));
    String topic = CourierSourceConfig.blankToNull(config.get(CourierSourceConfig.TOPIC_CONFIG));
    String keyMember = CourierSourceConfig.keyMemberOf(config);
    String keyMemberKey = CourierSourceConfig.keyMemberKey(config);
    checkKeyMemberNames(name, config, issues);
    Optional<Reading> reading = issues.hasError(CourierSourceConfig.MESSAGE_READING_CONFIG)
        ? Optional.empty()
        : CourierSourceConfig.parseReading(config.get(CourierSourceConfig.MESSAGE_READING_CONFIG));
    MessageDescriptor descriptor = null;
    MessageMapping mapping = null;
    if (messageClass != null && !issues.hasError(CourierSourceConfig.MESSAGE_CLASS_CONFIG)) {
      try {
        descriptor = MessageDescriptor.load(messageClass, getClass().getClassLoader());
        mapping = MessageMapping.fromDescriptor(descriptor, reading);
      } catch (IllegalArgumentException e) {
        issues.add(CourierSourceConfig.MESSAGE_CLASS_CONFIG, e.getMessage());
        descriptor = null;
      }
    }
    checkReading(reading, messageClass, descriptor, issues);
    if (descriptor != null && descriptor.valueFormat() == ValueFormat.SCHEMA_REGISTRY_JSON) {
      checkRegistryKeys(messageClass, config, issues);
    }
    if (mapping != null) {
      MessageConverters.check(config, messageClass, issues);
      if (topic != null && !topic.equals(mapping.topic())) {
        issues.add(CourierSourceConfig.TOPIC_CONFIG, "topic=" + topic + " contradicts the topic "
            + mapping.topic() + " of message.class " + messageClass + ". Fix: remove topic or set it to "
            + mapping.topic() + ".");
      }
      String key = mapping.keyMember().orElse(null);
      if (keyMember != null && !Objects.equals(keyMember, key)) {
        issues.add(keyMemberKey, keyMemberKey + "=" + keyMember + " contradicts message.class "
            + messageClass + ", whose key is " + (key == null ? "null (no @PartitionKey member)" : "the member '"
            + key + "'") + ". Fix: remove " + keyMemberKey + (key == null ? "." : " or set it to " + key + "."));
      }
      topic = mapping.topic();
    } else if (messageClass == null && topic == null && !recordsCarryTopic(config)
        && !issues.hasError(CourierSourceConfig.TOPIC_CONFIG)) {
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
    ProducerOverrideConfig.errors(name, config, descriptor).forEach(
        (key, messages) -> messages.forEach(message -> issues.add(key, message)));
    checkSource(config, descriptor, issues);
    return new Checked(issues, descriptor, mapping);
  }
}
