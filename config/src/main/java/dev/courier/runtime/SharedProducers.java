/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.runtime;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.types.Password;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;

/**
 * The producers of an application's message types, built once from runtime properties: types whose effective
 * settings agree share one {@link KafkaProducer} of bytes, with one I/O thread, one buffer, one set of broker
 * connections and batches across their topics, as Kafka recommends. Each generated producer takes it:
 *
 * <pre>{@code
 * try (SharedProducers producers = SharedProducers.create(Map.of("bootstrap.servers", "localhost:9092"))) {
 *   OrderPlacedProducer orders = OrderPlacedProducer.create(producers);
 *   PaymentCapturedProducer payments = PaymentCapturedProducer.create(producers);
 *   ...
 * }
 * }</pre>
 *
 * <p>A type's effective settings are what {@code create(Map)} would configure: the runtime properties merged with what
 * the type fixes (the same merge, so a runtime property that contradicts a fixed setting is refused the same way),
 * compared as Kafka parses them, so a setting left to Kafka's default agrees with the same value set explicitly.
 * Types whose settings differ in any key (acks, idempotence, compression, batching, a {@code transactional.id}, ...)
 * get producers of their own; {@link #groups()} and {@link #describe()} say which types share which producer and
 * which settings set the producers apart. Serializing stays per type: each type's producer serializes its keys and
 * values with its own serializers and hands the bytes to the shared producer, whose partitioner sees the same key
 * bytes, so a record goes to the same partition as with a producer of its own. Typing, keys, headers, timestamps and
 * send modes stay in the generated code.
 *
 * <p>Closing is safe in any order: a shared producer closes when the last of its users closes, this object counting as
 * one; {@code flush} on a type's producer flushes every type on its shared producer. Transactions of the types that
 * share a transactional producer run one at a time. Thread-safe.
 *
 * <p>Two differences with a producer per type: interceptors ({@code interceptor.classes}) see records of bytes; and
 * the runtime properties may not set {@code transactional.id}, which belongs to one type: a transactional type uses
 * its fixed id here (create it with {@code create(Map)} to give each running instance its own).
 */
public final class SharedProducers implements AutoCloseable {

  /**
   * The producers one shared producer serves, and why they have a producer of their own.
   *
   * @param index the producer's number, from 1, in the order they were created
   * @param messageTypes the message types on it, in the order they were first asked for
   * @param distinguishing the settings in which it differs from the other shared producers, as Kafka parses them
   *     (defaults included, secrets hidden)
   */
  public record Group(int index, List<String> messageTypes, Map<String, String> distinguishing) {
    /**
     * Copies the list and the map.
     *
     * @param index the producer's number
     * @param messageTypes the message types on it
     * @param distinguishing the settings in which it differs from the other producers
     */
    public Group {
      messageTypes = List.copyOf(messageTypes);
      distinguishing = Collections.unmodifiableMap(new LinkedHashMap<>(distinguishing));
    }
  }

  private final Map<String, ?> runtimeProperties;
  private final Function<Map<String, Object>, Producer<byte[], byte[]>> factory;
  /** The shared producers by their settings (without serializers and client id), in creation order. */
  private final Map<Map<String, String>, Shared> shared = new LinkedHashMap<>();
  private boolean closed;

  private SharedProducers(Map<String, ?> runtimeProperties,
      Function<Map<String, Object>, Producer<byte[], byte[]>> factory) {
    this.runtimeProperties = Map.copyOf(Objects.requireNonNull(runtimeProperties, "runtimeProperties"));
    this.factory = Objects.requireNonNull(factory, "factory");
    if (runtimeProperties.containsKey(ProducerConfig.TRANSACTIONAL_ID_CONFIG)) {
      throw new IllegalArgumentException("SharedProducers' runtime properties apply to every type, but"
          + " transactional.id belongs to one: it would make every type on them transactional. Remove it: a"
          + " transactional type's fixed transactionalId is used; for an id per running instance, create that type's"
          + " producer with create(Map) and the instance's transactional.id.");
    }
  }

  /**
   * Shared producers that are {@link KafkaProducer}s.
   *
   * @param runtimeProperties Kafka producer properties for every type (bootstrap servers, security, client id, ...);
   *     they may add to a type's fixed settings but not contradict them
   * @return the shared producers; none is created before a type asks for one
   * @throws IllegalArgumentException when the properties set {@code transactional.id}
   */
  public static SharedProducers create(Map<String, ?> runtimeProperties) {
    return new SharedProducers(runtimeProperties,
        config -> new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer()));
  }

  /**
   * Shared producers made by a factory, for example {@code MockProducer}s in tests.
   *
   * @param runtimeProperties Kafka producer properties for every type
   * @param factory makes a producer of bytes from a configuration (serializer keys left out)
   * @return the shared producers
   */
  public static SharedProducers create(Map<String, ?> runtimeProperties,
      Function<Map<String, Object>, Producer<byte[], byte[]>> factory) {
    return new SharedProducers(runtimeProperties, factory);
  }

  /**
   * The producer of a message type: a view of the shared producer for the type's effective settings, which
   * serializes with the type's serializers. The generated {@code create(SharedProducers)} calls this.
   *
   * @param contract the type's contract (its generated descriptor)
   * @param <K> the record key type
   * @param <V> the record value type
   * @return the type's producer; closing it releases the shared producer
   * @throws dev.courier.config.ProducerSettingsException when a runtime property contradicts a fixed setting of the
   *     type or breaks a rule
   * @throws IllegalStateException when this has been closed
   * @throws org.apache.kafka.common.config.ConfigException when a setting is not a valid producer setting value
   */
  public synchronized <K, V> Producer<K, V> producer(MessageContract<?, K, V> contract) {
    if (closed) {
      throw new IllegalStateException("SharedProducers is closed; it hands out no more producers");
    }
    Serializer<K> keySerializer = contract.newKeySerializer();
    Map<String, Object> config = new TreeMap<>(Producers.config(contract, keySerializer,
        contract.newValueSerializer(), runtimeProperties));
    config.remove(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG);
    config.remove(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG);
    Map<String, Object> settings = effective(config);
    Serializer<V> valueSerializer = SchemaRegistryFraming.valueSerializer(contract, runtimeProperties);
    Map<String, String> key = new TreeMap<>();
    settings.forEach((name, value) -> key.put(name, text(value, false)));
    Shared target = shared.get(key);
    if (target == null) {
      int index = shared.size() + 1;
      Object clientId = config.get(ProducerConfig.CLIENT_ID_CONFIG);
      if (clientId != null && index > 1) {
        config.put(ProducerConfig.CLIENT_ID_CONFIG, clientId + "-" + index);
      }
      target = new Shared(index, settings, factory.apply(Collections.unmodifiableMap(config)));
      shared.put(key, target);
    }
    target.users++;
    target.types.add(contract.messageClassName());
    return new TypedProducer<>(this, target, keySerializer, valueSerializer);
  }

  /**
   * Which types share which producer, and the settings that set each producer apart from the others.
   *
   * @return one group per shared producer, in creation order, closed ones included
   */
  public synchronized List<Group> groups() {
    Set<String> differing = new LinkedHashSet<>();
    for (Shared one : shared.values()) {
      for (Shared other : shared.values()) {
        Set<String> keys = new LinkedHashSet<>(one.settings.keySet());
        keys.addAll(other.settings.keySet());
        for (String name : keys) {
          if (!Objects.equals(text(one.settings.get(name), false), text(other.settings.get(name), false))) {
            differing.add(name);
          }
        }
      }
    }
    List<Group> groups = new ArrayList<>();
    for (Shared one : shared.values()) {
      Map<String, String> distinguishing = new TreeMap<>();
      for (String name : differing) {
        distinguishing.put(name, one.settings.containsKey(name) ? text(one.settings.get(name), true) : "(not set)");
      }
      groups.add(new Group(one.index, new ArrayList<>(one.types), distinguishing));
    }
    return groups;
  }

  /**
   * {@link #groups()} as text, one line per shared producer.
   *
   * @return for example {@code "producer 1 (acks=all): com.acme.OrderPlaced, com.acme.Payment"}
   */
  public String describe() {
    List<Group> groups = groups();
    StringBuilder text = new StringBuilder();
    text.append(groups.size()).append(groups.size() == 1 ? " shared producer" : " shared producers");
    for (Group group : groups) {
      text.append("\nproducer ").append(group.index());
      if (!group.distinguishing().isEmpty()) {
        StringBuilder settings = new StringBuilder();
        group.distinguishing().forEach((name, value) ->
            settings.append(settings.length() == 0 ? "" : ", ").append(name).append('=').append(value));
        text.append(" (").append(settings).append(')');
      }
      text.append(": ").append(String.join(", ", group.messageTypes()));
    }
    return text.toString();
  }

  /** Flushes every shared producer that is open. */
  public void flush() {
    List<Shared> open;
    synchronized (this) {
      open = shared.values().stream().filter(one -> one.open).toList();
    }
    open.forEach(one -> one.producer.flush());
  }

  /**
   * Hands out no more producers, and closes each shared producer whose types' producers are all closed; the others
   * close when the last of their types' producers does.
   */
  @Override
  public void close() {
    List<Shared> released = new ArrayList<>();
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
      for (Shared one : shared.values()) {
        if (one.users == 0) {
          one.open = false;
          released.add(one);
        }
      }
    }
    released.forEach(one -> one.producer.close());
  }

  /** Releases one type's hold on its shared producer; the last one, once this is closed too, closes it. */
  void release(Shared one, Duration timeout) {
    boolean last;
    synchronized (this) {
      one.users--;
      last = closed && one.users == 0;
      if (last) {
        one.open = false;
      }
    }
    if (last) {
      one.producer.close(timeout);
    }
  }

  /**
   * The settings a producer would run with, to compare types by: Kafka's parsing of the configuration, so that a
   * key left to Kafka's default and the same value set explicitly agree, and {@code "20"} and {@code 20} too; keys
   * Kafka does not define (a plugin's) as given. Without the client id, which only names the producer.
   */
  private static Map<String, Object> effective(Map<String, Object> config) {
    Map<String, Object> parsable = new TreeMap<>(config);
    parsable.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    parsable.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    // Required without a default; its absence is the producer factory's to report (a MockProducer needs none).
    parsable.putIfAbsent(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "unset:9092");
    Map<String, Object> settings = new TreeMap<>(ProducerConfig.configDef().parse(parsable));
    if (!config.containsKey(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG)) {
      settings.remove(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG);
    }
    config.forEach(settings::putIfAbsent);
    settings.keySet().removeAll(List.of(ProducerConfig.CLIENT_ID_CONFIG, ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
        ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG));
    return settings;
  }

  private static String text(Object value, boolean hideSecrets) {
    if (value instanceof Password password) {
      return hideSecrets ? "[hidden]" : password.value();
    }
    if (value instanceof Class<?> type) {
      return type.getName();
    }
    return String.valueOf(value);
  }

  /** One shared producer: its effective settings, its types, and how many of their producers are open. */
  static final class Shared {
    final int index;
    final Map<String, Object> settings;
    final Producer<byte[], byte[]> producer;
    final Set<String> types = new LinkedHashSet<>();
    /** Guards the transactions of the types on it, which Kafka allows one at a time. */
    final Object transactions = new Object();
    private int users;
    private boolean open = true;
    private boolean transactionsInitialized;

    Shared(int index, Map<String, Object> settings, Producer<byte[], byte[]> producer) {
      this.index = index;
      this.settings = settings;
      this.producer = producer;
    }

    /** Calls {@code initTransactions()} once, for the first transactional type's producer. */
    void initTransactions() {
      synchronized (transactions) {
        if (!transactionsInitialized) {
          producer.initTransactions();
          transactionsInitialized = true;
        }
      }
    }
  }
}
