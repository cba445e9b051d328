/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.config;

import dev.courier.Acks;
import dev.courier.Compression;
import dev.courier.SendMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The rules: one function from {@link ProducerSettings} to every {@link Violation}.
 *
 * <p>Single values are checked by Kafka's own {@code ProducerConfig} definition (type, range, allowed values), not
 * by a copy of it. On top, Courier checks the combinations Kafka rejects only when a producer is built (or never),
 * with messages that name the keys, where each was fixed, and the fix. See {@link Rule} for the list.
 *
 * <p>A rule about a combination applies only to what is fixed: a key that is not fixed takes Kafka's default,
 * except that an idempotence left to Kafka's default is not held against {@code acks}, because Kafka then turns
 * idempotence off by itself.
 */
public final class ProducerRules {

  private static final Map<String, Object> KAFKA_DEFAULTS = ProducerConfig.configDef().defaultValues();

  private ProducerRules() {}

  /**
   * Checks settings against every rule. Keys that are not Kafka producer properties are errors.
   *
   * @param settings the settings to check
   * @return every violation, errors and warnings, in a stable order; empty when the settings are valid
   */
  public static List<Violation> check(ProducerSettings settings) {
    return check(settings, true);
  }

  static List<Violation> check(ProducerSettings settings, boolean unknownKeysAreErrors) {
    List<Violation> violations = new ArrayList<>();
    checkValues(settings, unknownKeysAreErrors, violations);
    if (!violations.isEmpty()) {
      // Combinations of values that do not parse would only repeat the same problem.
      return violations;
    }
    checkCombinations(settings, violations);
    if (violations.stream().noneMatch(v -> v.severity() == Severity.ERROR)) {
      checkWithKafka(settings, violations);
    }
    return violations;
  }

  /** {@code " (fixed by ...)"} for a key whose origin is known, else the empty string. */
  static String fixedBy(ProducerSettings settings, String key) {
    return settings.origin(key).map(origin -> " (fixed by " + origin + ")").orElse("");
  }

  private static void checkValues(ProducerSettings settings, boolean unknownKeysAreErrors, List<Violation> out) {
    for (Map.Entry<String, String> entry : settings.toProperties().entrySet()) {
      String key = entry.getKey();
      String value = entry.getValue();
      ConfigDef.ConfigKey definition = PropertyValues.PRODUCER_KEYS.get(key);
      if (definition == null) {
        if (unknownKeysAreErrors) {
          String suggestion = Suggestions.closest(key, PropertyValues.PRODUCER_KEYS.keySet())
              .map(s -> " Did you mean " + s + "?")
              .orElse(" See ProducerConfig for the producer keys.");
          out.add(new Violation(Rule.UNKNOWN_KEY, key, List.of(), PropertyValues.display(key, value),
              Rule.UNKNOWN_KEY.format(key, fixedBy(settings, key), suggestion)));
        }
        continue;
      }
      if (key.equals(ProducerConfig.COMPRESSION_TYPE_CONFIG) && Compression.parse(value).isEmpty()) {
        out.add(new Violation(Rule.COMPRESSION, key, List.of(), value,
            Rule.COMPRESSION.format(value, fixedBy(settings, key))));
        continue;
      }
      try {
        Object parsed = ConfigDef.parseType(key, value, definition.type);
        if (definition.validator != null) {
          definition.validator.ensureValid(key, parsed);
        }
      } catch (ConfigException e) {
        String accepted = definition.validator != null
            ? definition.validator.toString()
            : "a value of type " + definition.type.name().toLowerCase(Locale.ROOT);
        out.add(new Violation(Rule.INVALID_VALUE, key, List.of(), PropertyValues.display(key, value),
            Rule.INVALID_VALUE.format(key, PropertyValues.display(key, value), fixedBy(settings, key),
                reason(e), accepted)));
      }
    }
  }

  private static void checkCombinations(ProducerSettings settings, List<Violation> out) {
    String acksKey = ProducerConfig.ACKS_CONFIG;
    String idempotenceKey = ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG;
    String transactionalKey = ProducerConfig.TRANSACTIONAL_ID_CONFIG;
    String retriesKey = ProducerConfig.RETRIES_CONFIG;
    String inFlightKey = ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION;

    Acks acks = settings.acks().orElse(Acks.ALL);
    Optional<Boolean> idempotence = settings.idempotence();
    Optional<String> transactionalId = settings.transactionalId();
    int retries = settings.retries().orElse(intDefault(retriesKey));
    int inFlight = settings.maxInFlight().orElse(intDefault(inFlightKey));

    boolean explicitlyIdempotent = idempotence.orElse(false);
    if (explicitlyIdempotent) {
      String where = fixedBy(settings, idempotenceKey);
      if (acks != Acks.ALL) {
        out.add(new Violation(Rule.IDEMPOTENCE_ACKS, acksKey, List.of(idempotenceKey), acks.value(),
            Rule.IDEMPOTENCE_ACKS.format(where, acks.value(), fixedBy(settings, acksKey))));
      }
      if (retries <= 0) {
        out.add(new Violation(Rule.IDEMPOTENCE_RETRIES, retriesKey, List.of(idempotenceKey),
            Integer.toString(retries),
            Rule.IDEMPOTENCE_RETRIES.format(where, retries, fixedBy(settings, retriesKey))));
      }
      if (inFlight > 5) {
        out.add(new Violation(Rule.IDEMPOTENCE_MAX_IN_FLIGHT, inFlightKey, List.of(idempotenceKey),
            Integer.toString(inFlight),
            Rule.IDEMPOTENCE_MAX_IN_FLIGHT.format(where, inFlight, fixedBy(settings, inFlightKey))));
      }
    }
    if (transactionalId.isPresent()) {
      String id = transactionalId.get();
      String where = fixedBy(settings, transactionalKey);
      if (idempotence.isPresent() && !idempotence.get()) {
        out.add(new Violation(Rule.TRANSACTION_IDEMPOTENCE, idempotenceKey, List.of(transactionalKey), "false",
            Rule.TRANSACTION_IDEMPOTENCE.format(id, where, fixedBy(settings, idempotenceKey))));
      } else if (acks != Acks.ALL && !explicitlyIdempotent) {
        out.add(new Violation(Rule.TRANSACTION_ACKS, acksKey, List.of(transactionalKey), acks.value(),
            Rule.TRANSACTION_ACKS.format(id, where, acks.value(), fixedBy(settings, acksKey))));
      }
    }
    Optional<SendMode> sendMode = settings.sendMode();
    if (sendMode.isPresent() && sendMode.get().returnsMetadata() && acks == Acks.NONE) {
      out.add(new Violation(Rule.SEND_MODE_ACKS, acksKey, List.of(), acks.value(),
          Rule.SEND_MODE_ACKS.format(sendMode.get(), fixedBy(settings, "sendMode"), fixedBy(settings, acksKey))));
    }

    String deliveryKey = ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG;
    if (settings.deliveryTimeoutMs().isPresent()) {
      long delivery = settings.deliveryTimeoutMs().getAsInt();
      long linger = settings.lingerMs().orElse(longDefault(ProducerConfig.LINGER_MS_CONFIG));
      long request = settings.requestTimeoutMs().orElse(intDefault(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG));
      if (delivery < linger + request) {
        out.add(new Violation(Rule.DELIVERY_TIMEOUT, deliveryKey,
            List.of(ProducerConfig.LINGER_MS_CONFIG, ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG),
            Long.toString(delivery),
            Rule.DELIVERY_TIMEOUT.format(delivery, fixedBy(settings, deliveryKey), linger, request,
                linger + request, linger + request)));
      }
    }

    String batchKey = ProducerConfig.BATCH_SIZE_CONFIG;
    String bufferKey = ProducerConfig.BUFFER_MEMORY_CONFIG;
    if (settings.batchSize().isPresent() || settings.bufferMemory().isPresent()) {
      long batch = settings.batchSize().orElse(intDefault(batchKey));
      long buffer = settings.bufferMemory().orElse(longDefault(bufferKey));
      if (batch > buffer) {
        String reportOn = settings.batchSize().isPresent() ? batchKey : bufferKey;
        String other = reportOn.equals(batchKey) ? bufferKey : batchKey;
        out.add(new Violation(Rule.BATCH_SIZE_BUFFER_MEMORY, reportOn, List.of(other),
            settings.get(reportOn).orElse(null),
            Rule.BATCH_SIZE_BUFFER_MEMORY.format(batch, fixedBy(settings, batchKey), buffer,
                fixedBy(settings, bufferKey))));
      }
    }

    if (idempotence.isPresent() && !idempotence.get() && transactionalId.isEmpty() && acks != Acks.NONE
        && retries > 0 && inFlight > 1) {
      out.add(new Violation(Rule.ORDERING, inFlightKey, List.of(idempotenceKey, retriesKey),
          Integer.toString(inFlight),
          Rule.ORDERING.format(fixedBy(settings, idempotenceKey), retries, inFlight)));
    }
  }

  /** Whatever else Kafka's own ProducerConfig rejects, in Kafka's words. */
  private static void checkWithKafka(ProducerSettings settings, List<Violation> out) {
    Map<String, Object> config = new HashMap<>(settings.toProperties());
    config.putIfAbsent(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:9092");
    config.putIfAbsent(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    config.putIfAbsent(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    try {
      new KafkaConfigCheck(config);
    } catch (ConfigException | IllegalArgumentException e) {
      String key = settings.toProperties().keySet().stream().findFirst().orElse(ProducerConfig.ACKS_CONFIG);
      out.add(new Violation(Rule.KAFKA, key, List.of(), null, Rule.KAFKA.format(reason(e))));
    }
  }

  private static String reason(RuntimeException e) {
    String message = e.getMessage();
    return message == null ? e.getClass().getSimpleName() : message;
  }

  private static int intDefault(String key) {
    return ((Number) KAFKA_DEFAULTS.get(key)).intValue();
  }

  private static long longDefault(String key) {
    return ((Number) KAFKA_DEFAULTS.get(key)).longValue();
  }

  /** Kafka's ProducerConfig, built only for its checks. */
  private static final class KafkaConfigCheck extends ProducerConfig {
    KafkaConfigCheck(Map<String, Object> props) {
      super(props);
    }
  }
}
