/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.config;

import dev.courier.Acks;
import dev.courier.Compression;
import dev.courier.SendMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The rules: one function from {@link ProducerSettings} to every {@link Violation}.
 *
 * <p>Single values are checked by Kafka's own {@code ProducerConfig} definition (type, range, allowed values), not
 * by a copy of it; class names are checked for their form only, because the class loader that matters is the
 * producer's at run time, not the compiler's. On top, Courier checks the combinations Kafka rejects only when a producer is built, with
 * messages that name the keys, where each was fixed, and the fix; and a few it adds (see {@link Rule}). Last, Kafka's
 * own {@code ProducerConfig} checks whatever the Courier rules did not already report, so anything else Kafka
 * rejects is reported too, in Kafka's words ({@link Rule#KAFKA}).
 *
 * <p>Every independent problem is reported: a value that does not parse suppresses only the rules that need that
 * value. A key that is not fixed takes Kafka's default, exactly as {@code KafkaProducer} applies it: an
 * idempotence left to Kafka's default is turned off by Kafka when {@code acks} is not {@code all} or
 * {@code retries=0}, so those are not held against it (but a transactional id is, since transactions need
 * idempotence).
 *
 * <p>Checking is quiet: Kafka's {@code ProducerConfig} is used for its checks only, and never logs the usual
 * "ProducerConfig values" dump or consumes a client id, which matters inside {@code javac} and in a connector's
 * {@code validate()}.
 */
public final class ProducerRules {

  /** Shown after a value that is Kafka's default rather than fixed. */
  static final String KAFKA_DEFAULT = " (Kafka's default)";

  /** Origins that are complete phrases start with this and are shown as they are. */
  static final String VERBATIM_ORIGIN_PREFIX = "set ";

  private static final int MAX_IN_FLIGHT_FOR_IDEMPOTENCE = 5;

  private ProducerRules() {}

  /**
   * Checks settings against every rule. Keys that are not Kafka producer properties are errors.
   *
   * @param settings the settings to check
   * @return every violation, errors and warnings, in a stable order (single values by key, then the rules that
   *     span keys in the order of {@link Rule}, then Kafka's own checks); empty when the settings are valid
   */
  public static List<Violation> check(ProducerSettings settings) {
    List<Violation> out = new ArrayList<>();
    Values values = checkValues(settings, out);
    checkCombinations(values, out);
    checkWithKafka(values, out);
    return out;
  }

  /**
   * Whether another value of a key agrees with the fixed one: equal as Kafka parses it, or for
   * {@code transactional.id}, starting with the fixed prefix.
   */
  static boolean agrees(String key, String fixed, Object other) {
    if (key.equals(ProducerConfig.TRANSACTIONAL_ID_CONFIG)) {
      return PropertyValues.toKafkaString(other).trim().startsWith(fixed.trim());
    }
    return PropertyValues.sameValue(key, fixed, other);
  }

  /** A {@link Rule#CONFLICT} between a fixed value and another value of the same key; secrets hidden. */
  static Violation conflict(String key, String keyPrefix, String otherText, String otherOrigin, String place,
      String fixedText, String fixedBy) {
    String fixedShown = PropertyValues.display(key, fixedText);
    String accepted = key.equals(ProducerConfig.TRANSACTIONAL_ID_CONFIG)
        ? fixedShown + " (or " + fixedShown + " followed by an instance suffix)"
        : fixedShown;
    String otherShown = PropertyValues.display(key, otherText);
    return new Violation(Rule.CONFLICT, key, List.of(), otherShown,
        Rule.CONFLICT.format(keyPrefix + key, otherShown, otherOrigin, key, fixedShown, fixedBy, keyPrefix + key,
            place, accepted));
  }

  /**
   * Checks runtime properties on top of fixed settings without throwing ({@link ProducerSettings#merge}): every contradiction of a fixed value
   * ({@link Rule#CONFLICT}), then every rule on the result, in which fixed values win. Runtime keys that are not
   * producer keys are not errors: Kafka ignores them.
   */
  static List<Violation> checkMerge(ProducerSettings fixedSettings, Map<String, ?> runtimeProperties) {
    List<Violation> violations = new ArrayList<>();
    Map<String, String> properties = fixedSettings.toProperties();
    ProducerSettings.Builder effective = ProducerSettings.builder().origin(ProducerSettings.RUNTIME_ORIGIN);
    runtimeProperties.forEach(
        (key, value) -> {
          if (value != null) {
            effective.property(key, PropertyValues.toKafkaString(value));
          }
        });
    for (Map.Entry<String, String> fixed : properties.entrySet()) {
      String key = fixed.getKey();
      Object runtime = runtimeProperties.get(key);
      if (runtime != null && !agrees(key, fixed.getValue(), runtime)) {
        violations.add(conflict(key, "", PropertyValues.toKafkaString(runtime), ProducerSettings.RUNTIME_ORIGIN,
            "the runtime properties", fixed.getValue(), fixedBy(fixedSettings, key)));
      }
    }
    ProducerSettings result = effective.putAll(fixedSettings).build();
    for (Violation violation : check(result)) {
      if (violation.rule() != Rule.UNKNOWN_KEY || properties.containsKey(violation.key())) {
        violations.add(violation);
      }
    }
    return violations;
  }

  /** {@code " (fixed by ...)"} for a key whose origin is known, else the empty string. */
  static String fixedBy(ProducerSettings settings, String key) {
    return settings.origin(key).map(ProducerRules::originText).orElse("");
  }

  /** An origin in parentheses, for messages. */
  static String originText(String origin) {
    return origin.startsWith(VERBATIM_ORIGIN_PREFIX) ? " (" + origin + ")" : " (fixed by " + origin + ")";
  }

  private static Values checkValues(ProducerSettings settings, List<Violation> out) {
    Map<String, Object> parsed = new TreeMap<>();
    Set<String> failed = new HashSet<>();
    for (Map.Entry<String, String> entry : settings.toProperties().entrySet()) {
      String key = entry.getKey();
      String value = entry.getValue();
      if (!PropertyValues.PRODUCER_KEYS.containsKey(key)) {
        String suggestion = Suggestions.closest(key, PropertyValues.PRODUCER_KEYS.keySet())
            .map(s -> " Did you mean " + s + "?")
            .orElse(" See Kafka's ProducerConfig for the producer keys.");
        out.add(new Violation(Rule.UNKNOWN_KEY, key, List.of(), PropertyValues.display(key, value),
            Rule.UNKNOWN_KEY.format(key, fixedBy(settings, key), suggestion)));
        continue;
      }
      try {
        parsed.put(key, PropertyValues.parse(key, value));
      } catch (ConfigException e) {
        failed.add(key);
        String shown = PropertyValues.display(key, value);
        if (key.equals(ProducerConfig.COMPRESSION_TYPE_CONFIG)) {
          String hint = Suggestions.closest(value.trim().toLowerCase(Locale.ROOT), codecs())
              .map(s -> " Did you mean " + s + "?")
              .orElse("");
          out.add(new Violation(Rule.COMPRESSION, key, List.of(), shown,
              Rule.COMPRESSION.format(shown, fixedBy(settings, key), hint)));
        } else {
          out.add(new Violation(Rule.INVALID_VALUE, key, List.of(), shown,
              Rule.INVALID_VALUE.format(key, shown, fixedBy(settings, key), invalidBecause(key, e, settings),
                  PropertyValues.accepted(key))));
        }
      }
    }
    return new Values(settings, parsed, failed);
  }

  private static List<String> codecs() {
    List<String> codecs = new ArrayList<>();
    for (Compression c : Compression.values()) {
      codecs.add(c.value());
    }
    return codecs;
  }

  private static void checkCombinations(Values v, List<Violation> out) {
    final String acksKey = ProducerConfig.ACKS_CONFIG;
    final String idempotenceKey = ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG;
    final String transactionalKey = ProducerConfig.TRANSACTIONAL_ID_CONFIG;
    final String retriesKey = ProducerConfig.RETRIES_CONFIG;
    final String inFlightKey = ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION;
    final String deliveryKey = ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG;
    final String lingerKey = ProducerConfig.LINGER_MS_CONFIG;
    final String requestKey = ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG;
    final String batchKey = ProducerConfig.BATCH_SIZE_CONFIG;
    final String bufferKey = ProducerConfig.BUFFER_MEMORY_CONFIG;
    final ProducerSettings settings = v.settings;

    Acks acks = v.acks();
    Optional<Boolean> idempotence = v.bool(idempotenceKey);
    boolean explicitlyIdempotent = idempotence.orElse(false);
    boolean idempotenceUnset = idempotence.isEmpty();
    Optional<String> transactionalId = v.string(transactionalKey);
    int retries = v.intValue(retriesKey);
    int inFlight = v.intValue(inFlightKey);

    if (explicitlyIdempotent && v.usable(acksKey) && acks != Acks.ALL) {
      out.add(new Violation(Rule.IDEMPOTENCE_ACKS, acksKey, List.of(idempotenceKey), v.raw(acksKey),
          Rule.IDEMPOTENCE_ACKS.format(v.where(idempotenceKey), acks.value(), v.where(acksKey))));
    }
    if (explicitlyIdempotent && v.usable(retriesKey) && retries == 0) {
      out.add(new Violation(Rule.IDEMPOTENCE_RETRIES, retriesKey, List.of(idempotenceKey), v.raw(retriesKey),
          Rule.IDEMPOTENCE_RETRIES.format(v.where(idempotenceKey), retries, v.where(retriesKey))));
    }
    if ((explicitlyIdempotent || idempotenceUnset) && v.usable(idempotenceKey, inFlightKey)
        && inFlight > MAX_IN_FLIGHT_FOR_IDEMPOTENCE) {
      String where = idempotenceUnset
          ? " (Kafka's default, checked even when acks or retries turn idempotence off)"
          : v.where(idempotenceKey);
      out.add(new Violation(Rule.IDEMPOTENCE_MAX_IN_FLIGHT, inFlightKey, List.of(idempotenceKey),
          v.raw(inFlightKey), Rule.IDEMPOTENCE_MAX_IN_FLIGHT.format(where, inFlight, v.where(inFlightKey))));
    }

    if (transactionalId.isPresent() && v.usable(idempotenceKey)) {
      String id = transactionalId.get();
      String where = v.where(transactionalKey);
      if (idempotence.isPresent() && !idempotence.get()) {
        out.add(new Violation(Rule.TRANSACTION_IDEMPOTENCE, idempotenceKey, List.of(transactionalKey),
            v.raw(idempotenceKey), Rule.TRANSACTION_IDEMPOTENCE.format(id, where, v.where(idempotenceKey))));
      }
      if (idempotenceUnset && v.usable(acksKey) && acks != Acks.ALL) {
        out.add(new Violation(Rule.TRANSACTION_ACKS, acksKey, List.of(transactionalKey), v.raw(acksKey),
            Rule.TRANSACTION_ACKS.format(id, where, acks.value(), v.where(acksKey))));
      }
      if (idempotenceUnset && v.usable(retriesKey) && retries == 0) {
        out.add(new Violation(Rule.TRANSACTION_RETRIES, retriesKey, List.of(transactionalKey), v.raw(retriesKey),
            Rule.TRANSACTION_RETRIES.format(id, where, v.where(retriesKey))));
      }
    }

    Optional<SendMode> sendMode = settings.sendMode();
    if (sendMode.isPresent() && sendMode.get().returnsMetadata() && v.usable(acksKey) && acks == Acks.NONE) {
      out.add(new Violation(Rule.SEND_MODE_ACKS, acksKey, List.of(), v.raw(acksKey),
          Rule.SEND_MODE_ACKS.format(sendMode.get(), fixedBy(settings, "sendMode"), v.where(acksKey))));
    }

    // KafkaProducer checks a delivery.timeout.ms that is set, and raises one that is not by itself. Like Kafka,
    // a linger above Integer.MAX_VALUE counts as Integer.MAX_VALUE and the sum saturates.
    if (v.isSet(deliveryKey) && v.usable(deliveryKey, lingerKey, requestKey)) {
      int delivery = v.intValue(deliveryKey);
      long linger = v.longValue(lingerKey);
      int request = v.intValue(requestKey);
      long needed = Math.min(Math.min(linger, Integer.MAX_VALUE) + request, Integer.MAX_VALUE);
      if (delivery < needed) {
        out.add(new Violation(Rule.DELIVERY_TIMEOUT, deliveryKey, List.of(lingerKey, requestKey),
            v.raw(deliveryKey),
            Rule.DELIVERY_TIMEOUT.format(delivery, v.where(deliveryKey), linger, v.where(lingerKey), request,
                v.where(requestKey), needed, needed)));
      }
    }

    if ((v.isSet(batchKey) || v.isSet(bufferKey)) && v.usable(batchKey, bufferKey)) {
      long batch = v.intValue(batchKey);
      long buffer = v.longValue(bufferKey);
      if (batch > buffer) {
        String reportOn = v.isSet(batchKey) ? batchKey : bufferKey;
        String other = reportOn.equals(batchKey) ? bufferKey : batchKey;
        out.add(new Violation(Rule.BATCH_SIZE_BUFFER_MEMORY, reportOn, List.of(other), v.raw(reportOn),
            Rule.BATCH_SIZE_BUFFER_MEMORY.format(batch, v.where(batchKey), buffer, v.where(bufferKey))));
      }
    }

    // Idempotence is off when disabled explicitly, or when Kafka turns its default off because acks=1. With acks=0
    // nothing is retried, and with more than 5 in flight under the default idempotence Kafka rejects anyway.
    if (transactionalId.isEmpty() && v.usable(idempotenceKey, acksKey, retriesKey, inFlightKey, transactionalKey)
        && acks != Acks.NONE && retries > 0 && inFlight > 1) {
      String because = null;
      List<String> related = List.of(idempotenceKey, retriesKey);
      if (idempotence.isPresent() && !idempotence.get()) {
        because = "enable.idempotence=false" + v.where(idempotenceKey);
      } else if (idempotenceUnset && acks == Acks.LEADER && inFlight <= MAX_IN_FLIGHT_FOR_IDEMPOTENCE) {
        because = "Idempotence is off because acks=1" + v.where(acksKey) + " turns Kafka's default off";
        related = List.of(acksKey, idempotenceKey, retriesKey);
      }
      if (because != null) {
        out.add(new Violation(Rule.ORDERING, inFlightKey, related, v.raw(inFlightKey),
            Rule.ORDERING.format(because, retries, v.where(retriesKey), inFlight, v.where(inFlightKey))));
      }
    }
  }

  /**
   * Whatever else Kafka's own ProducerConfig rejects, in Kafka's words. It sees the settings without the keys of
   * the errors already reported (which Kafka would only report again, less clearly), without class names (the
   * producer loads those at run time) and without config providers (which would run).
   */
  private static void checkWithKafka(Values v, List<Violation> out) {
    Set<String> reported = new HashSet<>();
    for (Violation violation : out) {
      if (violation.severity() == Severity.ERROR) {
        reported.add(violation.key());
        reported.addAll(violation.relatedKeys());
      }
    }
    Map<String, Object> config = new HashMap<>();
    for (String key : v.parsed.keySet()) {
      boolean isClass = PropertyValues.PRODUCER_KEYS.get(key).type == ConfigDef.Type.CLASS;
      if (!reported.contains(key) && !isClass && !key.startsWith("config.providers")) {
        config.put(key, v.settings.get(key).orElseThrow());
      }
    }
    config.putIfAbsent(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:9092");
    // A client id of our own keeps Kafka's "producer-N" numbering for the real producers.
    config.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, "courier-rules-check");
    config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    Optional<RuntimeException> rejected = KafkaConfigCheck.run(config);
    if (rejected.isEmpty()) {
      return;
    }
    String message = reason(rejected.get(), v.settings);
    List<String> mentioned = mentionedKeys(message, v.settings);
    String key = mentioned.isEmpty()
        ? v.settings.toProperties().keySet().stream().findFirst().orElse(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG)
        : mentioned.get(0);
    List<String> related = mentioned.size() > 1 ? mentioned.subList(1, mentioned.size()) : List.of();
    String value = v.settings.get(key).map(text -> PropertyValues.display(key, text)).orElse(null);
    out.add(new Violation(Rule.KAFKA, key, related, value, Rule.KAFKA.format(fixedBy(v.settings, key), message)));
  }

  /** The producer keys a Kafka message names, in the order they appear (set keys before unset ones on a tie). */
  private static List<String> mentionedKeys(String message, ProducerSettings settings) {
    Map<Integer, String> byPosition = new TreeMap<>();
    for (String key : PropertyValues.PRODUCER_KEYS.keySet()) {
      Matcher m = Pattern.compile("(?<![\\w.-])" + Pattern.quote(key) + "(?![\\w.-])").matcher(message);
      if (m.find()) {
        String previous = byPosition.get(m.start());
        if (previous == null || previous.length() < key.length()) {
          byPosition.put(m.start(), key);
        }
      }
    }
    List<String> keys = new ArrayList<>(byPosition.values());
    keys.sort((a, b) -> Boolean.compare(settings.get(b).isPresent(), settings.get(a).isPresent()));
    return keys;
  }

  /** Why Kafka rejects one value, without Kafka's "Invalid value ... for configuration ..." preamble. */
  private static String invalidBecause(String key, ConfigException e, ProducerSettings settings) {
    String message = reason(e, settings);
    String preamble = " for configuration " + key + ": ";
    int at = message.startsWith("Invalid value ") ? message.indexOf(preamble) : -1;
    String because = at < 0 ? message : message.substring(at + preamble.length());
    return because.endsWith(".") ? because.substring(0, because.length() - 1) : because;
  }

  /** An exception's message, with the values of any secrets that are set hidden. */
  private static String reason(RuntimeException e, ProducerSettings settings) {
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    for (Map.Entry<String, String> entry : settings.toProperties().entrySet()) {
      String secret = entry.getValue().trim();
      if (PropertyValues.isSecret(entry.getKey()) && secret.length() >= 3) {
        message = message.replace(secret, PropertyValues.HIDDEN);
      }
    }
    return message;
  }

  /** The settings' values as Kafka parsed them, with Kafka's defaults for keys that are not fixed. */
  private static final class Values {
    final ProducerSettings settings;
    final Map<String, Object> parsed;
    final Set<String> failed;

    Values(ProducerSettings settings, Map<String, Object> parsed, Set<String> failed) {
      this.settings = settings;
      this.parsed = parsed;
      this.failed = failed;
    }

    /** Whether none of the keys holds a value Kafka rejects (unset keys take Kafka's valid defaults). */
    boolean usable(String... keys) {
      for (String key : keys) {
        if (failed.contains(key)) {
          return false;
        }
      }
      return true;
    }

    boolean isSet(String key) {
      return settings.get(key).isPresent();
    }

    /** The value as given, for {@link Violation#value()}: hidden when secret, {@code null} when not set. */
    String raw(String key) {
      return settings.get(key).map(text -> PropertyValues.display(key, text)).orElse(null);
    }

    /** Where the value of a key comes from: its origin when fixed, Kafka's default when not. */
    String where(String key) {
      return isSet(key) ? fixedBy(settings, key) : KAFKA_DEFAULT;
    }

    Object value(String key) {
      Object value = parsed.get(key);
      return value != null ? value : PropertyValues.KAFKA_DEFAULTS.get(key);
    }

    Acks acks() {
      return Acks.parse((String) value(ProducerConfig.ACKS_CONFIG)).orElse(Acks.ALL);
    }

    Optional<Boolean> bool(String key) {
      return Optional.ofNullable((Boolean) parsed.get(key));
    }

    Optional<String> string(String key) {
      return Optional.ofNullable((String) parsed.get(key));
    }

    int intValue(String key) {
      return ((Number) value(key)).intValue();
    }

    long longValue(String key) {
      return ((Number) value(key)).longValue();
    }
  }

  /**
   * Kafka's ProducerConfig, built only for its checks: it runs every check Kafka makes when a producer config is
   * created, then stops before the config would log all its values.
   */
  private static final class KafkaConfigCheck extends ProducerConfig {

    private KafkaConfigCheck(Map<String, Object> props) {
      super(props);
    }

    /** Kafka's checks, then a stop: AbstractConfig logs its values only after this method returns. */
    @Override
    protected Map<String, Object> postProcessParsedConfig(Map<String, Object> parsedValues) {
      super.postProcessParsedConfig(parsedValues);
      throw new ChecksPassed();
    }

    /** Kafka's verdict: empty when it accepts the config, else its exception. */
    static Optional<RuntimeException> run(Map<String, Object> config) {
      try {
        new KafkaConfigCheck(config);
        return Optional.empty();
      } catch (ChecksPassed passed) {
        return Optional.empty();
      } catch (KafkaException | IllegalArgumentException e) {
        return Optional.of(e);
      }
    }
  }

  /** Thrown to end a {@link KafkaConfigCheck} quietly once Kafka's checks have passed. */
  private static final class ChecksPassed extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ChecksPassed() {
      super("Kafka's checks passed", null, false, false);
    }
  }
}
