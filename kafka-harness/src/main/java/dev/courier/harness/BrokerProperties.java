/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.harness;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.common.security.auth.SecurityProtocol;

/** The properties of {@link EmbeddedKafka}'s single-node KRaft broker. */
final class BrokerProperties {
  /** The keys the harness sets itself, which a builder may not override. */
  static final Set<String> MANAGED = new TreeSet<>(List.of("process.roles", "node.id", "controller.quorum.voters",
      "controller.quorum.bootstrap.servers", "listeners", "advertised.listeners", "controller.listener.names",
      "inter.broker.listener.name", "listener.security.protocol.map", "log.dirs", "log.dir", "metadata.log.dir"));

  /**
   * Single-node defaults: internal topics that fit one broker, few threads, a small log-cleaner buffer, timed-out
   * transactions aborted promptly, no time-based retention.
   */
  private static final Map<String, String> DEFAULTS = Map.ofEntries(
      Map.entry("offsets.topic.replication.factor", "1"),
      Map.entry("offsets.topic.num.partitions", "1"),
      Map.entry("transaction.state.log.replication.factor", "1"),
      Map.entry("transaction.state.log.min.isr", "1"),
      Map.entry("transaction.state.log.num.partitions", "1"),
      Map.entry("share.coordinator.state.topic.replication.factor", "1"),
      Map.entry("share.coordinator.state.topic.min.isr", "1"),
      Map.entry("group.initial.rebalance.delay.ms", "0"),
      Map.entry("num.partitions", "1"),
      Map.entry("num.network.threads", "2"),
      Map.entry("num.io.threads", "2"),
      Map.entry("background.threads", "2"),
      Map.entry("log.cleaner.dedupe.buffer.size", "2097152"),
      Map.entry("log.cleaner.threads", "1"),
      // A transaction left open by a killed producer is aborted within 1 s of its timeout instead of 10 s.
      Map.entry("transaction.abort.timed.out.transaction.cleanup.interval.ms", "1000"),
      // Tests and the demo write records with timestamps from the past (a message's own time), which the default
      // 7-day retention deletes at its next check: a slow run lost records that way. Nothing here is kept for long.
      Map.entry("log.retention.ms", "-1"));

  private BrokerProperties() {}

  static List<String> scramArguments(Map<String, String> users) {
    List<String> arguments = new ArrayList<>();
    users.forEach((user, password) -> arguments.add(SaslMechanism.SCRAM_SHA_512.kafkaName() + "=[name=" + user
        + ",password=" + password + "]"));
    return arguments;
  }

  /**
   * The broker's properties: a combined broker and controller on the given ports, TLS and SASL (PLAIN and
   * SCRAM-SHA-512 for {@code users}) when asked for, the single-node {@link #DEFAULTS}, then the overrides.
   */
  static Map<String, String> properties(Path dataDir, Map<SecurityProtocol, Integer> ports, int controllerPort,
      TlsMaterial tls, boolean sasl, Map<String, String> users, Map<String, String> overrides) {
    Map<String, String> props = new LinkedHashMap<>();
    props.put("process.roles", "broker,controller");
    props.put("node.id", Integer.toString(EmbeddedKafka.NODE_ID));
    props.put("controller.quorum.voters", EmbeddedKafka.NODE_ID + "@" + Ports.HOST + ":" + controllerPort);
    StringBuilder listenerList = new StringBuilder();
    StringBuilder protocolMap = new StringBuilder();
    ports.forEach((protocol, port) -> {
      listenerList.append(protocol.name).append("://").append(Ports.HOST).append(':').append(port).append(',');
      protocolMap.append(protocol.name).append(':').append(protocol.name).append(',');
    });
    String advertised = listenerList.substring(0, listenerList.length() - 1);
    props.put("listeners", listenerList + EmbeddedKafka.CONTROLLER_LISTENER + "://" + Ports.HOST + ":" + controllerPort);
    props.put("advertised.listeners", advertised);
    props.put("controller.listener.names", EmbeddedKafka.CONTROLLER_LISTENER);
    props.put("inter.broker.listener.name", SecurityProtocol.PLAINTEXT.name);
    props.put("listener.security.protocol.map", protocolMap + EmbeddedKafka.CONTROLLER_LISTENER + ":PLAINTEXT");
    props.put("log.dirs", dataDir.toString());
    if (tls != null) {
      props.put("ssl.keystore.type", TlsMaterial.STORE_TYPE);
      props.put("ssl.keystore.location", tls.keystore().toString());
      props.put("ssl.keystore.password", tls.password());
      props.put("ssl.key.password", tls.password());
    }
    if (sasl) {
      props.put("sasl.enabled.mechanisms", SaslMechanism.PLAIN.kafkaName() + ","
          + SaslMechanism.SCRAM_SHA_512.kafkaName());
      StringBuilder plainUsers = new StringBuilder("org.apache.kafka.common.security.plain.PlainLoginModule required");
      users.forEach((user, password) -> plainUsers.append(" user_").append(user).append("=\"").append(password)
          .append('"'));
      plainUsers.append(';');
      for (SecurityProtocol protocol : ports.keySet()) {
        if (protocol == SecurityProtocol.SASL_PLAINTEXT || protocol == SecurityProtocol.SASL_SSL) {
          String prefix = "listener.name." + protocol.name.toLowerCase(Locale.ROOT) + ".";
          props.put(prefix + "plain.sasl.jaas.config", plainUsers.toString());
          props.put(prefix + "scram-sha-512.sasl.jaas.config",
              "org.apache.kafka.common.security.scram.ScramLoginModule required;");
        }
      }
    }
    props.putAll(DEFAULTS);
    props.putAll(overrides);
    return props;
  }
}
