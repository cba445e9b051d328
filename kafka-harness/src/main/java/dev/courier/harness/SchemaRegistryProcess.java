/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.harness;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A real Schema Registry with the Confluent-compatible API, started as a child process: Apicurio Registry's runnable
 * distribution ({@code io.apicurio:apicurio-registry-app}, classifier {@code all}, type {@code tar.gz}) from Maven
 * Central, which the build unpacks (the modules that use it name the directory in the system property
 * {@value #DIRECTORY_PROPERTY}). It runs with in-memory storage on a free port of 127.0.0.1, with {@code java} from
 * {@code java.home}; {@link #start} returns once its Confluent API answers, and {@link #close} stops it. Its output
 * goes to {@code registry.log} in a new temporary directory, named when it fails to start.
 *
 * <p>Only what the tests need of the API: set a subject's compatibility level, register a JSON Schema, and ask
 * whether another is compatible with the latest version.
 */
public final class SchemaRegistryProcess implements AutoCloseable {
  /** The system property that names the unpacked distribution's directory. */
  public static final String DIRECTORY_PROPERTY = "courier.apicurio.dir";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";

  private final Process process;
  private final URI api;
  private final Path log;
  private final TlsMaterial tls;
  private final HttpClient http;

  private SchemaRegistryProcess(Process process, URI api, Path log, TlsMaterial tls) {
    this.process = process;
    this.api = api;
    this.log = log;
    this.tls = tls;
    HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10));
    if (tls != null) {
      builder.sslContext(trusting(tls));
    }
    this.http = builder.build();
  }

  private static SSLContext trusting(TlsMaterial tls) {
    try (InputStream in = Files.newInputStream(tls.truststore())) {
      KeyStore trusted = KeyStore.getInstance(TlsMaterial.STORE_TYPE);
      trusted.load(in, tls.password().toCharArray());
      TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      trust.init(trusted);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, trust.getTrustManagers(), null);
      return context;
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalStateException("cannot read the registry's truststore " + tls.truststore(), e);
    }
  }

  /**
   * The truststore that trusts a TLS registry's certificate.
   *
   * @return the PKCS12 truststore
   * @throws IllegalStateException when the registry serves plain http
   */
  public Path truststore() {
    if (tls == null) {
      throw new IllegalStateException("the registry serves plain http");
    }
    return tls.truststore();
  }

  /**
   * The truststore's password.
   *
   * @return the password
   * @throws IllegalStateException when the registry serves plain http
   */
  public String storePassword() {
    if (tls == null) {
      throw new IllegalStateException("the registry serves plain http");
    }
    return tls.password();
  }

  /**
   * Starts the registry from the directory {@value #DIRECTORY_PROPERTY} names.
   *
   * @return the running registry
   * @throws IllegalStateException when the distribution is missing or the registry does not answer within 90 s
   */
  public static SchemaRegistryProcess start() {
    return start(null);
  }

  /**
   * Starts Apicurio Registry serving only {@code https} on 127.0.0.1, with a self-signed certificate for
   * {@code localhost} and {@code 127.0.0.1} made in {@code dir}; {@link #truststore()} and {@link #storePassword()}
   * are what a client needs to trust it.
   *
   * @param dir an existing directory for the key material
   * @return the running registry
   */
  public static SchemaRegistryProcess startTls(Path dir) {
    return start(TlsMaterial.create(dir));
  }

  private static SchemaRegistryProcess start(TlsMaterial tls) {
    String directory = System.getProperty(DIRECTORY_PROPERTY);
    if (directory == null) {
      throw new IllegalStateException("the system property " + DIRECTORY_PROPERTY + " does not name Apicurio"
          + " Registry's unpacked distribution; the module's pom unpacks it (maven-dependency-plugin)");
    }
    Path runner;
    try (var files = Files.list(Path.of(directory))) {
      runner = files.filter(p -> p.getFileName().toString().endsWith("-runner.jar")).findFirst()
          .orElseThrow(() -> new IllegalStateException("no *-runner.jar in " + directory));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + directory, e);
    }
    int port = Ports.freePort();
    try {
      Path log = Files.createTempDirectory("courier-registry-").resolve("registry.log");
      List<String> command = new ArrayList<>(List.of(
          Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          "-Xmx512m", "-Dquarkus.http.host=" + Ports.HOST, "-Dquarkus.http.port=" + port));
      if (tls != null) {
        command.addAll(List.of("-Dquarkus.http.ssl-port=" + port, "-Dquarkus.http.insecure-requests=disabled",
            "-Dquarkus.http.ssl.certificate.key-store-file=" + tls.keystore(),
            "-Dquarkus.http.ssl.certificate.key-store-file-type=" + TlsMaterial.STORE_TYPE));
      }
      command.addAll(List.of("-jar", runner.toString()));
      ProcessBuilder builder = new ProcessBuilder(command).directory(runner.getParent().toFile())
          .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
      if (tls != null) {
        // Quarkus reads its configuration from the environment too: the password stays off the command line.
        builder.environment().put("QUARKUS_HTTP_SSL_CERTIFICATE_KEY_STORE_PASSWORD", tls.password());
      }
      Process process = builder.start();
      SchemaRegistryProcess registry = new SchemaRegistryProcess(process,
          URI.create((tls == null ? "http" : "https") + "://" + Ports.HOST + ":" + port + "/apis/ccompat/v7/"), log,
          tls);
      registry.awaitReady(Duration.ofSeconds(90));
      return registry;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start Apicurio Registry from " + runner, e);
    }
  }

  private void awaitReady(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("Apicurio Registry exited with " + process.exitValue() + "; see " + log);
      }
      try {
        if (send("GET", "subjects", null).statusCode() == 200) {
          return;
        }
      } catch (IOException e) {
        // not listening yet
      }
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        close();
        throw new IllegalStateException("interrupted while Apicurio Registry started", e);
      }
    }
    close();
    throw new IllegalStateException("Apicurio Registry did not answer within " + timeout + "; see " + log);
  }

  /**
   * The base URL of the Confluent-compatible API.
   *
   * @return for example {@code http://127.0.0.1:41234/apis/ccompat/v7/}
   */
  public URI confluentApi() {
    return api;
  }

  /**
   * Sets a subject's compatibility level.
   *
   * @param subject the subject
   * @param level {@code BACKWARD}, {@code FORWARD}, {@code FULL} or {@code NONE}
   */
  public void setCompatibility(String subject, String level) {
    expect(200, "PUT", "config/" + subject, Map.of("compatibility", level));
  }

  /**
   * Registers a JSON Schema under a subject.
   *
   * @param subject the subject
   * @param schema the schema document
   * @return the schema id
   */
  public int register(String subject, String schema) {
    return expect(200, "POST", "subjects/" + subject + "/versions", Map.of("schema", schema, "schemaType", "JSON"))
        .path("id").asInt();
  }

  /**
   * Whether a JSON Schema is compatible with a subject's latest version under the subject's level.
   *
   * @param subject the subject
   * @param schema the new schema
   * @return the registry's verdict, and its reason when it says no
   */
  public Verdict compatible(String subject, String schema) {
    JsonNode answer = expect(200, "POST", "compatibility/subjects/" + subject + "/versions/latest?verbose=true",
        Map.of("schema", schema, "schemaType", "JSON"));
    return new Verdict(answer.path("is_compatible").asBoolean(), answer.path("reason").asText(""));
  }

  /**
   * A compatibility verdict.
   *
   * @param compatible whether the registry accepts the schema
   * @param reason why not, as the registry says it
   */
  public record Verdict(boolean compatible, String reason) {}

  private JsonNode expect(int status, String method, String path, Object body) {
    try {
      HttpResponse<String> response = send(method, path, body == null ? null : JSON.writeValueAsString(body));
      if (response.statusCode() != status) {
        throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": "
            + response.body());
      }
      return JSON.readTree(response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(method + " " + path + " failed", e);
    }
  }

  private HttpResponse<String> send(String method, String path, String body) throws IOException {
    HttpRequest request = HttpRequest.newBuilder(api.resolve(path)).timeout(Duration.ofSeconds(30))
        .header("Content-Type", CONTENT_TYPE).header("Accept", CONTENT_TYPE)
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
        .build();
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
  }

  /** Stops the registry and waits for it to exit. */
  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(20, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }
}
