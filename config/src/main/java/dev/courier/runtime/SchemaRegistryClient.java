/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.runtime;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.apache.kafka.common.config.ConfigException;

/**
 * A client of the Schema Registry REST API that Confluent's registry and Apicurio's Confluent-compatible API serve,
 * for the four calls Courier makes: register a schema under a subject, look it up, ask whether it is compatible, and
 * fetch a schema by id. On the JDK's HTTP client (basic auth and TLS from {@link SchemaRegistryConfig}); answers are
 * read with jackson-core. The URLs are tried in order until one answers.
 *
 * <p>Thread-safe. Calls block, with a connect timeout of 10 s and a request timeout of 30 s.
 */
public final class SchemaRegistryClient {
  private static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

  private final List<URI> urls;
  private final Optional<String> authorization;
  private final HttpClient http;

  private SchemaRegistryClient(List<URI> urls, Optional<String> authorization, HttpClient http) {
    this.urls = urls;
    this.authorization = authorization;
    this.http = http;
  }

  /**
   * A client of the registry the settings name.
   *
   * @param config the registry settings
   * @return the client
   * @throws ConfigException when no URL is given, or a key or trust store cannot be read
   */
  public static SchemaRegistryClient create(SchemaRegistryConfig config) {
    if (config.urls().isEmpty()) {
      throw new ConfigException(SchemaRegistryConfig.URL, "",
          "a type whose value format is SCHEMA_REGISTRY_JSON needs the Schema Registry's URL");
    }
    HttpClient.Builder http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
        .followRedirects(HttpClient.Redirect.NORMAL);
    if (config.trustStore().isPresent() || config.keyStore().isPresent()) {
      http.sslContext(sslContext(config));
    }
    Optional<String> authorization = config.userInfo().map(info -> "Basic "
        + Base64.getEncoder().encodeToString(decode(info).getBytes(StandardCharsets.UTF_8)));
    List<URI> urls = config.urls().stream().map(SchemaRegistryClient::withoutUserInfo).toList();
    return new SchemaRegistryClient(urls, authorization, http.build());
  }

  /**
   * Registers a JSON Schema under a subject; the registry answers the existing id when the same schema is there.
   *
   * @param subject the subject
   * @param schema the schema's text
   * @return the schema's id
   * @throws SchemaRegistryException when the registry refuses (409: incompatible with the subject's latest version)
   */
  public int register(String subject, String schema) {
    Answer answer = call("POST", "subjects/" + encode(subject) + "/versions", body(schema));
    if (answer.status() != 200) {
      throw refused(answer, "register the schema under subject " + subject);
    }
    return answer.intField("id");
  }

  /**
   * The id of a JSON Schema registered under a subject.
   *
   * @param subject the subject
   * @param schema the schema's text
   * @return the id, or empty when the subject does not have the schema (or does not exist)
   * @throws SchemaRegistryException when the registry refuses otherwise
   */
  public Optional<Integer> lookup(String subject, String schema) {
    Answer answer = call("POST", "subjects/" + encode(subject), body(schema));
    if (answer.status() == 404) {
      return Optional.empty();
    }
    if (answer.status() != 200) {
      throw refused(answer, "look up the schema under subject " + subject);
    }
    return Optional.of(answer.intField("id"));
  }

  /**
   * Whether the registry would accept a JSON Schema as the next version of a subject, under the subject's level.
   *
   * @param subject the subject
   * @param schema the schema's text
   * @return empty when compatible (or the subject has no version yet), else the registry's reasons
   * @throws SchemaRegistryException when the registry cannot answer
   */
  public Optional<String> incompatibility(String subject, String schema) {
    Answer answer = call("POST", "compatibility/subjects/" + encode(subject) + "/versions/latest?verbose=true",
        body(schema));
    if (answer.status() == 404) {
      return Optional.empty();
    }
    if (answer.status() != 200) {
      throw refused(answer, "check the schema's compatibility with subject " + subject);
    }
    if (answer.booleanField("is_compatible")) {
      return Optional.empty();
    }
    String reasons = answer.text("messages");
    return Optional.of(reasons.isEmpty() ? "the registry gave no reason" : reasons);
  }

  /**
   * A schema by id.
   *
   * @param id the id
   * @return the schema's type ({@code JSON}, {@code AVRO}, {@code PROTOBUF}) and text, or empty when no schema has
   *     the id
   * @throws SchemaRegistryException when the registry cannot answer
   */
  public Optional<Schema> schema(int id) {
    Answer answer = call("GET", "schemas/ids/" + id, null);
    if (answer.status() == 404) {
      return Optional.empty();
    }
    if (answer.status() != 200) {
      throw refused(answer, "fetch schema id " + id);
    }
    String type = answer.text("schemaType");
    return Optional.of(new Schema(type.isEmpty() ? "AVRO" : type, answer.text("schema")));
  }

  /**
   * A registered schema.
   *
   * @param type the schema type; the registry leaves it out for Avro
   * @param text the schema
   */
  public record Schema(String type, String text) {}

  /**
   * The first URL, for messages.
   *
   * @return the registry's first base URL
   */
  public URI url() {
    return urls.get(0);
  }

  private Answer call(String method, String path, String body) {
    IOException failure = null;
    for (URI url : urls) {
      HttpRequest.Builder request = HttpRequest.newBuilder(url.resolve(path)).timeout(REQUEST_TIMEOUT)
          .header("Accept", CONTENT_TYPE)
          .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
              : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
      if (body != null) {
        request.header("Content-Type", CONTENT_TYPE);
      }
      authorization.ifPresent(value -> request.header("Authorization", value));
      try {
        HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        return new Answer(url, response.statusCode(), response.body());
      } catch (IOException e) {
        failure = e;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new SchemaRegistryException(0, "interrupted while calling the Schema Registry at " + url, e);
      }
    }
    throw new SchemaRegistryException(0, "no Schema Registry answered at " + urls + " (" + failure + "). Fix: check "
        + SchemaRegistryConfig.URL + " and that the registry is running and reachable from here", failure);
  }

  private static SchemaRegistryException refused(Answer answer, String what) {
    String detail = answer.text("message");
    String said = detail.isEmpty() ? new String(answer.body(), StandardCharsets.UTF_8) : detail;
    String fix;
    switch (answer.status()) {
      case 401:
      case 403:
        fix = "check the credentials (" + SchemaRegistryConfig.USER_INFO + " or the URL's user info)";
        break;
      case 409:
        fix = "the schema is incompatible with the subject's latest version under the subject's compatibility"
            + " level; change the type compatibly (the build's evolution check, courier.evolution.baseline, finds"
            + " such changes at compile time), or register it under a new subject";
        break;
      case 422:
        fix = "the registry cannot read the schema";
        break;
      default:
        fix = "see the registry's log";
    }
    return new SchemaRegistryException(answer.status(), "The Schema Registry at " + answer.url() + " refused to "
        + what + ": HTTP " + answer.status() + ", " + said + ". Fix: " + fix, null);
  }

  private static String body(String schema) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(schema.length() + 64);
    try (JsonGenerator generator = Json.FACTORY.createGenerator(out)) {
      generator.writeStartObject();
      generator.writeStringField("schemaType", "JSON");
      generator.writeStringField("schema", schema);
      generator.writeEndObject();
    } catch (IOException e) {
      throw new IllegalStateException("cannot write a registry request", e);
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  private static String encode(String subject) {
    return URLEncoder.encode(subject, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static String decode(String userInfo) {
    return java.net.URLDecoder.decode(userInfo, StandardCharsets.UTF_8);
  }

  private static URI withoutUserInfo(URI url) {
    if (url.getRawUserInfo() == null) {
      return url;
    }
    return URI.create(url.getScheme() + "://" + url.getRawAuthority().substring(url.getRawAuthority().indexOf('@') + 1)
        + (url.getRawPath() == null ? "/" : url.getRawPath()));
  }

  private static SSLContext sslContext(SchemaRegistryConfig config) {
    try {
      TrustManagerFactory trust = null;
      if (config.trustStore().isPresent()) {
        trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(load(config.trustStore().get(), SchemaRegistryConfig.TRUSTSTORE_LOCATION));
      }
      KeyManagerFactory keys = null;
      if (config.keyStore().isPresent()) {
        SchemaRegistryConfig.Store store = config.keyStore().get();
        keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        char[] password = config.keyPassword().or(store::password).map(p -> p.value().toCharArray()).orElse(null);
        keys.init(load(store, SchemaRegistryConfig.KEYSTORE_LOCATION), password);
      }
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(keys == null ? null : keys.getKeyManagers(), trust == null ? null : trust.getTrustManagers(), null);
      return context;
    } catch (GeneralSecurityException e) {
      throw new ConfigException("cannot set up TLS for the Schema Registry: " + e.getMessage());
    }
  }

  private static KeyStore load(SchemaRegistryConfig.Store store, String key) throws GeneralSecurityException {
    KeyStore keyStore = KeyStore.getInstance(store.type());
    try (InputStream in = Files.newInputStream(Path.of(store.location()))) {
      keyStore.load(in, store.password().map(p -> p.value().toCharArray()).orElse(null));
    } catch (IOException e) {
      throw new ConfigException(key, store.location(), "cannot read the store: " + e.getMessage());
    }
    return keyStore;
  }

  /** An answer: the registry's status and body, with the few fields Courier reads. */
  private record Answer(URI url, int status, byte[] body) {
    int intField(String name) {
      String value = fields().get(name);
      if (value == null) {
        throw new SchemaRegistryException(status, "The Schema Registry at " + url + " answered without '" + name
            + "': " + new String(body, StandardCharsets.UTF_8), null);
      }
      return Integer.parseInt(value);
    }

    boolean booleanField(String name) {
      return Boolean.parseBoolean(fields().get(name));
    }

    String text(String name) {
      String value = fields().get(name);
      return value == null ? "" : value;
    }

    /** The top-level scalar members, and arrays of strings joined with "; ". */
    private Map<String, String> fields() {
      Map<String, String> fields = new HashMap<>();
      try (JsonParser parser = Json.FACTORY.createParser(body)) {
        if (parser.nextToken() != JsonToken.START_OBJECT) {
          return fields;
        }
        for (String name = parser.nextFieldName(); name != null; name = parser.nextFieldName()) {
          JsonToken token = parser.nextToken();
          if (token == JsonToken.START_ARRAY) {
            StringBuilder joined = new StringBuilder();
            while (parser.nextToken() != JsonToken.END_ARRAY) {
              if (parser.currentToken().isScalarValue()) {
                joined.append(joined.length() == 0 ? "" : "; ").append(parser.getText());
              } else {
                parser.skipChildren();
              }
            }
            fields.put(name, joined.toString());
          } else if (token.isScalarValue()) {
            fields.put(name, parser.getText());
          } else {
            parser.skipChildren();
          }
        }
      } catch (IOException e) {
        // Not JSON (a proxy's error page, for example): the caller shows the body as it is.
      }
      return fields;
    }
  }
}
