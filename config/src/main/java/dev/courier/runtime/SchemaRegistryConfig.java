/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.runtime;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.types.Password;

/**
 * Where the Schema Registry is and how to reach it, for types whose value format is
 * {@link dev.courier.ValueFormat#SCHEMA_REGISTRY_JSON}: the keys of Confluent's serializers, so that the properties an
 * operator already gives Confluent's clients work unchanged. The generated producers and deserializers read them from
 * their runtime properties, Courier's connectors from their configuration ({@link #configDef()} is the one table of
 * keys, types and docs that both use).
 *
 * <p>These keys are never producer properties: Courier takes them out before it configures a {@code KafkaProducer}.
 */
public final class SchemaRegistryConfig {
  /** The registry's base URLs, comma-separated, tried in order; for Apicurio its {@code /apis/ccompat/v7} API. */
  public static final String URL = "schema.registry.url";
  /** Whether the type's schema is registered when it is not yet (the default), or only looked up. */
  public static final String AUTO_REGISTER = "auto.register.schemas";
  /** Where the basic-auth credentials come from: {@code URL} (the URLs' user info, the default) or {@code USER_INFO}. */
  public static final String CREDENTIALS_SOURCE = "basic.auth.credentials.source";
  /** The basic-auth credentials as {@code user:password}, with {@code basic.auth.credentials.source=USER_INFO}. */
  public static final String USER_INFO = "basic.auth.user.info";
  /** Confluent's name for the subject naming; when given, it must name the strategy the type fixes. */
  public static final String SUBJECT_STRATEGY = "value.subject.name.strategy";
  /** The trust store that holds the registry's certificate authority, for {@code https} URLs. */
  public static final String TRUSTSTORE_LOCATION = "schema.registry.ssl.truststore.location";
  /** The trust store's password. */
  public static final String TRUSTSTORE_PASSWORD = "schema.registry.ssl.truststore.password";
  /** The trust store's type. */
  public static final String TRUSTSTORE_TYPE = "schema.registry.ssl.truststore.type";
  /** The key store with this client's certificate, when the registry asks for one (mutual TLS). */
  public static final String KEYSTORE_LOCATION = "schema.registry.ssl.keystore.location";
  /** The key store's password. */
  public static final String KEYSTORE_PASSWORD = "schema.registry.ssl.keystore.password";
  /** The key store's type. */
  public static final String KEYSTORE_TYPE = "schema.registry.ssl.keystore.type";
  /** The password of the key in the key store, when it differs from the store's. */
  public static final String KEY_PASSWORD = "schema.registry.ssl.key.password";

  private static final String GROUP = "Schema Registry";
  private static final ConfigDef CONFIG_DEF = new ConfigDef()
      .define(URL, Type.LIST, List.of(), Importance.HIGH,
          "The Schema Registry's base URLs, comma-separated, tried in order, for message types whose value format is"
              + " SCHEMA_REGISTRY_JSON (for Apicurio Registry its Confluent API, http://host:port/apis/ccompat/v7)."
              + " Required for such types.", GROUP, 1, ConfigDef.Width.LONG, "Schema Registry URLs")
      .define(AUTO_REGISTER, Type.BOOLEAN, true, Importance.MEDIUM,
          "Whether a type's schema is registered under its subject when it is not there yet (the registry refuses it"
              + " when it is incompatible with the subject's latest version). With false the schema must be"
              + " registered already and is only looked up.", GROUP, 2, ConfigDef.Width.SHORT, "Register schemas")
      .define(CREDENTIALS_SOURCE, Type.STRING, "URL", ConfigDef.ValidString.in("URL", "USER_INFO"),
          Importance.MEDIUM, "Where the registry's basic-auth credentials come from: URL (the user info of the URLs,"
              + " if any) or USER_INFO (" + USER_INFO + ").", GROUP, 3, ConfigDef.Width.SHORT, "Credentials source")
      .define(USER_INFO, Type.PASSWORD, null, Importance.MEDIUM,
          "The registry's basic-auth credentials, user:password, used with " + CREDENTIALS_SOURCE + "=USER_INFO.",
          GROUP, 4, ConfigDef.Width.MEDIUM, "Credentials")
      .define(SUBJECT_STRATEGY, Type.STRING, null, Importance.LOW,
          "Confluent's subject name strategy. The subject is fixed by @KafkaMessage(subjectNaming); when this key is"
              + " given (as in configurations shared with Confluent's serializers) it must name the same strategy.",
          GROUP, 5, ConfigDef.Width.LONG, "Subject name strategy")
      .define(TRUSTSTORE_LOCATION, Type.STRING, null, Importance.MEDIUM,
          "The trust store with the certificate authority of an https registry; without it the JVM's default trust"
              + " store is used.", GROUP, 6, ConfigDef.Width.LONG, "Trust store")
      .define(TRUSTSTORE_PASSWORD, Type.PASSWORD, null, Importance.MEDIUM, "The trust store's password.",
          GROUP, 7, ConfigDef.Width.MEDIUM, "Trust store password")
      .define(TRUSTSTORE_TYPE, Type.STRING, "JKS", Importance.LOW, "The trust store's type (JKS, PKCS12).",
          GROUP, 8, ConfigDef.Width.SHORT, "Trust store type")
      .define(KEYSTORE_LOCATION, Type.STRING, null, Importance.MEDIUM,
          "The key store with this client's certificate, for a registry that asks for one (mutual TLS).",
          GROUP, 9, ConfigDef.Width.LONG, "Key store")
      .define(KEYSTORE_PASSWORD, Type.PASSWORD, null, Importance.MEDIUM, "The key store's password.",
          GROUP, 10, ConfigDef.Width.MEDIUM, "Key store password")
      .define(KEYSTORE_TYPE, Type.STRING, "JKS", Importance.LOW, "The key store's type (JKS, PKCS12).",
          GROUP, 11, ConfigDef.Width.SHORT, "Key store type")
      .define(KEY_PASSWORD, Type.PASSWORD, null, Importance.LOW,
          "The password of the key in the key store, when it differs from the store's.",
          GROUP, 12, ConfigDef.Width.MEDIUM, "Key password");

  private final List<URI> urls;
  private final boolean autoRegister;
  private final Optional<String> userInfo;
  private final Optional<String> subjectStrategy;
  private final Optional<Store> trustStore;
  private final Optional<Store> keyStore;
  private final Optional<Password> keyPassword;

  /**
   * A key store file, its type and password.
   *
   * @param location the file
   * @param type the store's type
   * @param password the store's password, if any
   */
  record Store(String location, String type, Optional<Password> password) {}

  private SchemaRegistryConfig(AbstractConfig parsed) {
    List<URI> parsedUrls = new ArrayList<>();
    for (String url : parsed.getList(URL)) {
      parsedUrls.add(uri(url.strip()));
    }
    this.urls = List.copyOf(parsedUrls);
    this.autoRegister = parsed.getBoolean(AUTO_REGISTER);
    Password credentials = parsed.getPassword(USER_INFO);
    if ("USER_INFO".equals(parsed.getString(CREDENTIALS_SOURCE))) {
      if (credentials == null || !credentials.value().contains(":")) {
        throw new ConfigException(USER_INFO, credentials == null ? null : "[hidden]",
            "with " + CREDENTIALS_SOURCE + "=USER_INFO the registry's credentials must be given as user:password");
      }
      this.userInfo = Optional.of(credentials.value());
    } else {
      this.userInfo = urls.isEmpty() ? Optional.empty() : Optional.ofNullable(urls.get(0).getRawUserInfo());
    }
    this.subjectStrategy = Optional.ofNullable(parsed.getString(SUBJECT_STRATEGY));
    this.trustStore = store(parsed, TRUSTSTORE_LOCATION, TRUSTSTORE_TYPE, TRUSTSTORE_PASSWORD);
    this.keyStore = store(parsed, KEYSTORE_LOCATION, KEYSTORE_TYPE, KEYSTORE_PASSWORD);
    this.keyPassword = Optional.ofNullable(parsed.getPassword(KEY_PASSWORD));
  }

  /**
   * The registry settings among properties; other keys (producer, consumer or connector keys) are ignored.
   *
   * @param properties runtime properties or a connector's configuration
   * @return the registry settings; {@link #urls()} is empty when no registry is named
   * @throws ConfigException when a registry key has a value of the wrong type, or credentials are incomplete
   */
  public static SchemaRegistryConfig of(Map<String, ?> properties) {
    Objects.requireNonNull(properties, "properties");
    Map<String, Object> own = new LinkedHashMap<>();
    properties.forEach((key, value) -> {
      if (CONFIG_DEF.configKeys().containsKey(key) && value != null) {
        own.put(key, value);
      }
    });
    return new SchemaRegistryConfig(new AbstractConfig(CONFIG_DEF, own, false));
  }

  /**
   * The registry keys, their types, defaults and docs: the one table the runtime parses and the connectors declare.
   *
   * @return a copy of the definition
   */
  public static ConfigDef configDef() {
    return new ConfigDef(CONFIG_DEF);
  }

  /**
   * Properties without the registry keys, which are not producer properties.
   *
   * @param properties runtime properties
   * @return the properties without the keys of {@link #configDef()}, in their order
   */
  public static Map<String, Object> withoutRegistryKeys(Map<String, ?> properties) {
    Map<String, Object> rest = new LinkedHashMap<>();
    properties.forEach((key, value) -> {
      if (!CONFIG_DEF.configKeys().containsKey(key)) {
        rest.put(key, value);
      }
    });
    return rest;
  }

  /**
   * The registry's base URLs, in the order they are tried.
   *
   * @return the URLs, empty when no registry is named
   */
  public List<URI> urls() {
    return urls;
  }

  /**
   * Whether a schema that is not registered yet is registered.
   *
   * @return {@code auto.register.schemas}
   */
  public boolean autoRegister() {
    return autoRegister;
  }

  /**
   * The basic-auth credentials.
   *
   * @return {@code user:password}, if any
   */
  Optional<String> userInfo() {
    return userInfo;
  }

  /**
   * Confluent's strategy name, as given.
   *
   * @return {@code value.subject.name.strategy}, if given
   */
  public Optional<String> subjectStrategy() {
    return subjectStrategy;
  }

  Optional<Store> trustStore() {
    return trustStore;
  }

  Optional<Store> keyStore() {
    return keyStore;
  }

  Optional<Password> keyPassword() {
    return keyPassword;
  }

  private static Optional<Store> store(AbstractConfig parsed, String location, String type, String password) {
    String file = parsed.getString(location);
    if (file == null || file.isBlank()) {
      return Optional.empty();
    }
    return Optional.of(new Store(file, parsed.getString(type), Optional.ofNullable(parsed.getPassword(password))));
  }

  private static URI uri(String url) {
    try {
      URI uri = new URI(url.endsWith("/") ? url : url + "/");
      if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
        throw new ConfigException(URL, url, "a registry URL starts with http:// or https://");
      }
      return uri;
    } catch (java.net.URISyntaxException e) {
      throw new ConfigException(URL, url, "not a URL: " + e.getMessage());
    }
  }
}
