/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A producer that a host builds rather than the application, described by the layers it is built from: the host's
 * defaults, then the user's overrides, then what the host forces over them. Kafka Connect's worker is such a host: it
 * builds a source task's producer from its own defaults, then the connector config's {@code producer.override.*}
 * keys, and under exactly-once source support forces {@code enable.idempotence=true}.
 *
 * <p>{@link #check(ProducerSettings)} applies the producer rules to the result and checks that every setting a
 * message type fixes holds on it. It is the rule; the host's keys, defaults and the way it reports a violation belong
 * to the host's adapter (for Courier's connectors, {@code dev.courier.connect.ProducerOverrideConfig}).
 *
 * @param defaults the host's own defaults, with their origin (for example "set by Kafka Connect's worker as its
 *     default")
 * @param defaultsName what the defaults are called in messages, for example {@code Kafka Connect's default}
 * @param overrides the user's overrides, with their origin (for example "set in the connector config")
 * @param keyPrefix the prefix under which the user writes an override, for messages (for example
 *     {@code producer.override.}); empty when the user writes producer keys as they are
 * @param place where the overrides are written, for messages (for example {@code the connector config})
 * @param notAccepted the producer keys the host refuses as overrides, each with the rule that refuses it
 * @param forced what the host forces over the overrides, with its origin; a message type cannot fix these otherwise
 */
public record HostedProducer(ProducerSettings defaults, String defaultsName, ProducerSettings overrides,
    String keyPrefix, String place, Map<String, Rule> notAccepted, ProducerSettings forced) {

  /**
   * Checks the arguments and copies {@code notAccepted}.
   *
   * @param defaults the host's own defaults, with their origin
   * @param defaultsName what the defaults are called in messages
   * @param overrides the user's overrides, with their origin
   * @param keyPrefix the prefix under which the user writes an override
   * @param place where the overrides are written, for messages
   * @param notAccepted the producer keys the host refuses as overrides
   * @param forced what the host forces over the overrides, with its origin
   */
  public HostedProducer {
    Objects.requireNonNull(defaults, "defaults");
    Objects.requireNonNull(defaultsName, "defaultsName");
    Objects.requireNonNull(overrides, "overrides");
    Objects.requireNonNull(keyPrefix, "keyPrefix");
    Objects.requireNonNull(place, "place");
    notAccepted = Map.copyOf(notAccepted);
    Objects.requireNonNull(forced, "forced");
  }

  /**
   * Checks the hosted producer against every rule and against the settings a message type fixes. An override the
   * host refuses is the rule given for it in {@link #notAccepted()}; an override that contradicts a fixed or forced
   * value is a {@link Rule#CONFLICT}; a fixed setting that neither an override nor the host's default (or Kafka's)
   * provides is a {@link Rule#CONNECT_OVERRIDE}, naming the override to add; an unknown key is a
   * {@link Rule#UNKNOWN_KEY} spelt as the user writes it. The send mode of the fixed settings is not checked: a
   * hosted producer has none.
   *
   * @param fixed the settings a message type fixes, or {@link ProducerSettings#empty()}
   * @return the violations (errors and warnings), each keyed by the producer key it is about, in a stable order;
   *     empty when the producer is valid
   */
  public List<Violation> check(ProducerSettings fixed) {
    Objects.requireNonNull(fixed, "fixed");
    List<Violation> violations = new ArrayList<>();
    ProducerSettings.Builder effective = defaults.toBuilder();
    for (Map.Entry<String, String> override : overrides.toProperties().entrySet()) {
      String key = override.getKey();
      String origin = overrides.origin(key).orElse(null);
      Rule refused = notAccepted.get(key);
      if (refused != null) {
        String shown = PropertyValues.display(key, override.getValue());
        violations.add(new Violation(refused, key, List.of(), shown, refused.format(shown, originText(origin))));
      } else {
        effective.origin(origin).property(key, override.getValue());
      }
    }

    // What wins over the overrides: what the host forces, then what the message type fixes.
    Map<String, String> wins = new LinkedHashMap<>(forced.toProperties());
    Map<String, String> wonBy = new LinkedHashMap<>();
    wins.keySet().forEach(key -> wonBy.put(key, originText(forced.origin(key).orElse(null))));
    for (Map.Entry<String, String> entry : fixed.toProperties().entrySet()) {
      String key = entry.getKey();
      if (!notAccepted.containsKey(key) && !wins.containsKey(key)) {
        wins.put(key, entry.getValue());
        wonBy.put(key, ProducerRules.fixedBy(fixed, key));
      }
    }
    for (Map.Entry<String, String> entry : wins.entrySet()) {
      String key = entry.getKey();
      String value = entry.getValue();
      boolean byHost = forced.get(key).isPresent();
      var override = overrides.get(key);
      if (override.isPresent()) {
        if (!ProducerRules.agrees(key, value, override.get())) {
          violations.add(ProducerRules.conflict(key, keyPrefix, override.get(),
              overrides.origin(key).orElse(""), place, value, wonBy.get(key)));
        }
      } else if (!byHost) {
        violations.addAll(unprovided(key, value, wonBy.get(key)));
      }
      if (byHost) {
        effective.origin(forced.origin(key).orElse(null)).property(key, value);
      }
    }
    for (Violation violation : ProducerRules.check(effective.build())) {
      violations.add(violation.rule() == Rule.UNKNOWN_KEY ? unknownOverride(violation) : violation);
    }
    return violations;
  }

  /** A {@link Rule#CONNECT_OVERRIDE} when neither the host's default nor Kafka's provides a fixed value. */
  private List<Violation> unprovided(String key, String value, String fixedBy) {
    String hostValue = defaults.get(key).orElse(null);
    String hostOrigin = defaultsName;
    if (hostValue == null) {
      Object kafkaDefault = PropertyValues.KAFKA_DEFAULTS.get(key);
      hostValue = kafkaDefault == null ? null : PropertyValues.toKafkaString(kafkaDefault);
      hostOrigin = "Kafka's default";
    }
    if (hostValue != null && ProducerRules.agrees(key, value, hostValue)) {
      return List.of();
    }
    String shown = PropertyValues.display(key, value);
    return List.of(new Violation(Rule.CONNECT_OVERRIDE, key, List.of(), null,
        Rule.CONNECT_OVERRIDE.format(key, shown, fixedBy, key,
            hostValue == null ? "nothing" : PropertyValues.display(key, hostValue), hostOrigin, key, shown)));
  }

  /** An unknown key, named and corrected as the user writes it. */
  private Violation unknownOverride(Violation violation) {
    String key = violation.key();
    String suggestion = Suggestions.closest(key, PropertyValues.PRODUCER_KEYS.keySet())
        .map(s -> " Did you mean " + keyPrefix + s + "?")
        .orElse(" See Kafka's ProducerConfig for the producer keys.");
    return new Violation(Rule.UNKNOWN_KEY, key, violation.relatedKeys(), violation.value(),
        Rule.UNKNOWN_KEY.format(keyPrefix + key, originText(overrides.origin(key).orElse(null)), suggestion));
  }

  private static String originText(String origin) {
    return origin == null ? "" : ProducerRules.originText(origin);
  }
}
