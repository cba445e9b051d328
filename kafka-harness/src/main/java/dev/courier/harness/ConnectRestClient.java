/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.harness;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * A client of one Kafka Connect worker's REST API, as an operator would use it: connectors, their status, offsets
 * (KIP-875) and config validation. Calls that the worker answers with HTTP 409 (a rebalance is in progress) are
 * retried for up to 30 s. Used by {@link EmbeddedConnect} (a worker in this JVM) and {@link WorkerProcess} (a worker
 * in its own JVM); any worker's URL will do.
 */
public final class ConnectRestClient {
  /** How long a connector or task must stay FAILED before {@link #awaitConnectorAndTasksRunning} gives up early. */
  public static final Duration FAILED_GRACE = Duration.ofSeconds(2);
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);
  private static final Duration RETRY_TIMEOUT = Duration.ofSeconds(30);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final String restUrl;
  private final HttpClient http;

  /**
   * A client of the worker at {@code restUrl}.
   *
   * @param restUrl e.g. {@code http://127.0.0.1:8083}, with or without a trailing slash
   */
  public ConnectRestClient(String restUrl) {
    this.restUrl = restUrl.endsWith("/") ? restUrl.substring(0, restUrl.length() - 1) : restUrl;
    this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  }

  /**
   * The worker's REST URL.
   *
   * @return e.g. {@code http://127.0.0.1:38211}, without a trailing slash
   */
  public String restUrl() {
    return restUrl;
  }

  /**
   * Creates a connector or replaces its configuration ({@code PUT /connectors/{name}/config}). Retries while the
   * worker is rebalancing.
   *
   * @param name the connector name
   * @param config the connector configuration, with {@code connector.class}
   * @throws IllegalStateException with the worker's error message when it rejects the configuration
   */
  public void createOrUpdateConnector(String name, Map<String, String> config) {
    HttpResponse<String> response = send("PUT", "/connectors/" + encode(name) + "/config", toJson(config));
    expect(response, "create or update connector '" + name + "'", 200, 201);
  }

  /**
   * Deletes a connector ({@code DELETE /connectors/{name}}).
   *
   * @param name the connector name
   * @throws IllegalStateException when the worker refuses, e.g. because there is no such connector
   */
  public void deleteConnector(String name) {
    HttpResponse<String> response = send("DELETE", "/connectors/" + encode(name), null);
    expect(response, "delete connector '" + name + "'", 200, 204);
  }

  /**
   * Pauses a connector and its tasks ({@code PUT /connectors/{name}/pause}); the state changes asynchronously, see
   * {@link #awaitStatus}.
   *
   * @param name the connector name
   */
  public void pauseConnector(String name) {
    expect(send("PUT", "/connectors/" + encode(name) + "/pause", null), "pause connector '" + name + "'", 202);
  }

  /**
   * Resumes a paused or stopped connector ({@code PUT /connectors/{name}/resume}).
   *
   * @param name the connector name
   */
  public void resumeConnector(String name) {
    expect(send("PUT", "/connectors/" + encode(name) + "/resume", null), "resume connector '" + name + "'", 202);
  }

  /**
   * Stops a connector and shuts its tasks down ({@code PUT /connectors/{name}/stop}, KIP-875), and waits until its
   * status is {@code STOPPED}, so its offsets can be altered or reset.
   *
   * @param name the connector name
   */
  public void stopConnector(String name) {
    expect(send("PUT", "/connectors/" + encode(name) + "/stop", null), "stop connector '" + name + "'", 202, 204);
    awaitStatus(name, "it to stop", status -> "STOPPED".equals(status.state()) && status.tasks().isEmpty(),
        RETRY_TIMEOUT);
  }

  /**
   * A connector's committed offsets ({@code GET /connectors/{name}/offsets}, KIP-875).
   *
   * @param name the connector name
   * @return one entry per source partition
   */
  public List<ConnectorOffset> offsets(String name) {
    HttpResponse<String> response = send("GET", "/connectors/" + encode(name) + "/offsets", null);
    expect(response, "read the offsets of connector '" + name + "'", 200);
    List<ConnectorOffset> offsets = new ArrayList<>();
    for (JsonNode entry : readTree(response.body()).path("offsets")) {
      offsets.add(new ConnectorOffset(toMap(entry.path("partition")), toMap(entry.path("offset"))));
    }
    return offsets;
  }

  /**
   * Alters a stopped connector's offsets ({@code PATCH /connectors/{name}/offsets}, KIP-875).
   *
   * @param name the connector name; it must be {@link #stopConnector stopped}
   * @param offsets the new offsets; an entry with a null offset removes that partition's offset
   * @return the worker's message
   */
  public String alterOffsets(String name, List<ConnectorOffset> offsets) {
    List<Map<String, Object>> entries = new ArrayList<>();
    for (ConnectorOffset offset : offsets) {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("partition", offset.partition());
      entry.put("offset", offset.offset());
      entries.add(entry);
    }
    HttpResponse<String> response = send("PATCH", "/connectors/" + encode(name) + "/offsets",
        toJson(Map.of("offsets", entries)));
    expect(response, "alter the offsets of connector '" + name + "'", 200);
    return errorMessage(response.body());
  }

  /**
   * Removes all of a stopped connector's offsets ({@code DELETE /connectors/{name}/offsets}, KIP-875).
   *
   * @param name the connector name; it must be {@link #stopConnector stopped}
   * @return the worker's message
   */
  public String resetOffsets(String name) {
    HttpResponse<String> response = send("DELETE", "/connectors/" + encode(name) + "/offsets", null);
    expect(response, "reset the offsets of connector '" + name + "'", 200);
    return errorMessage(response.body());
  }

  /**
   * Any other call to the worker's REST API, for what this class has no method for. Retries while the worker is
   * rebalancing (HTTP 409).
   *
   * @param method the HTTP method
   * @param path the path, starting with {@code /}, e.g. {@code /connectors?expand=info}
   * @param jsonBody the JSON request body, or null
   * @return the response, whatever its status code
   */
  public HttpResponse<String> rest(String method, String path, String jsonBody) {
    return send(method, path, jsonBody);
  }

  /**
   * The worker's Kafka version ({@code GET /}).
   *
   * @return e.g. {@code 4.3.1}
   */
  public String workerVersion() {
    HttpResponse<String> response = send("GET", "/", null);
    expect(response, "tell its version", 200);
    return readTree(response.body()).path("version").asText();
  }

  /**
   * The classes of the connector plugins the worker offers ({@code GET /connector-plugins}).
   *
   * @return the class names, as the worker lists them
   */
  public List<String> connectorPlugins() {
    HttpResponse<String> response = send("GET", "/connector-plugins", null);
    expect(response, "list its connector plugins", 200);
    List<String> classes = new ArrayList<>();
    readTree(response.body()).forEach(plugin -> classes.add(plugin.path("class").asText()));
    return classes;
  }

  /**
   * Restarts a connector ({@code POST /connectors/{name}/restart}).
   *
   * @param name the connector name
   * @param includeTasks whether to restart its tasks too
   * @param onlyFailed whether to restart only the instances that failed
   */
  public void restartConnector(String name, boolean includeTasks, boolean onlyFailed) {
    HttpResponse<String> response = send("POST", "/connectors/" + encode(name) + "/restart?includeTasks="
        + includeTasks + "&onlyFailed=" + onlyFailed, null);
    expect(response, "restart connector '" + name + "'", 200, 202, 204);
  }

  /**
   * A connector's current status ({@code GET /connectors/{name}/status}).
   *
   * @param name the connector name
   * @return its status
   * @throws IllegalStateException when the worker does not know the connector
   */
  public ConnectorStatus status(String name) {
    HttpResponse<String> response = send("GET", "/connectors/" + encode(name) + "/status", null);
    expect(response, "read the status of connector '" + name + "'", 200);
    return parseStatus(readTree(response.body()));
  }

  /**
   * Waits until the connector and exactly {@code tasks} tasks are {@code RUNNING}.
   *
   * <p>A connector or task that stays {@code FAILED} for {@link #FAILED_GRACE} ends the wait early: a status read
   * right after a restart or a config update may still show the failure that the restart is about to clear.
   *
   * @param name the connector name
   * @param tasks the expected number of tasks
   * @param timeout how long to wait
   * @throws AssertionError when the connector or a task stays failed, or after the timeout; the message holds the
   *     last status with its traces
   */
  public void awaitConnectorAndTasksRunning(String name, int tasks, Duration timeout) {
    long[] failedSince = {0};
    awaitStatus(name, "it and " + tasks + " task(s) to run", status -> {
      if (status.isRunning(tasks)) {
        return true;
      }
      if (!status.hasFailed()) {
        failedSince[0] = 0;
      } else if (failedSince[0] == 0) {
        failedSince[0] = System.nanoTime();
      } else if (System.nanoTime() - failedSince[0] > FAILED_GRACE.toNanos()) {
        throw new AssertionError("connector '" + name + "' failed while waiting for it and " + tasks
            + " task(s) to run:\n" + status.describe());
      }
      return false;
    }, timeout);
  }

  /**
   * Waits until the connector's status satisfies {@code condition}, e.g. {@code ConnectorStatus::hasFailed}.
   *
   * @param name the connector name
   * @param what what is awaited, for the failure message (e.g. "task 0 to fail")
   * @param condition the condition; it may throw to stop waiting early
   * @param timeout how long to wait
   * @return the first status that satisfies the condition
   * @throws AssertionError after the timeout, with the last status and its traces
   */
  public ConnectorStatus awaitStatus(String name, String what, Predicate<ConnectorStatus> condition,
      Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    String last = "the worker does not know connector '" + name + "'";
    while (true) {
      HttpResponse<String> response = send("GET", "/connectors/" + encode(name) + "/status", null);
      if (response.statusCode() == 200) {
        ConnectorStatus status = parseStatus(readTree(response.body()));
        if (condition.test(status)) {
          return status;
        }
        last = status.describe();
      } else if (response.statusCode() != 404) {
        last = "HTTP " + response.statusCode() + ": " + errorMessage(response.body());
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("connector '" + name + "': waited " + timeout.toMillis() + " ms for " + what
            + "; last status:\n" + last);
      }
      pause(100);
    }
  }

  /**
   * Validates a connector configuration with the worker
   * ({@code PUT /connector-plugins/{connectorClass}/config/validate}).
   *
   * @param connectorClass the connector class name (fully qualified or as the worker lists it)
   * @param config the configuration; {@code connector.class} is added when missing
   * @return the errors by config key
   * @throws IllegalStateException when the worker cannot validate, e.g. for an unknown connector class
   */
  public ValidationResult validate(String connectorClass, Map<String, String> config) {
    Map<String, String> body = new LinkedHashMap<>(config);
    body.putIfAbsent("connector.class", connectorClass);
    HttpResponse<String> response = send("PUT", "/connector-plugins/" + encode(connectorClass) + "/config/validate",
        toJson(body));
    expect(response, "validate a configuration of " + connectorClass, 200);
    JsonNode root = readTree(response.body());
    TreeMap<String, List<String>> errors = new TreeMap<>();
    for (JsonNode entry : root.path("configs")) {
      JsonNode value = entry.path("value");
      List<String> messages = new ArrayList<>();
      value.path("errors").forEach(e -> messages.add(e.asText()));
      if (!messages.isEmpty()) {
        errors.put(value.path("name").asText(), messages);
      }
    }
    return new ValidationResult(connectorClass, root.path("error_count").asInt(), errors);
  }

  /**
   * Waits until the worker's REST API answers {@code GET /health} with 200 (it has started and joined its group). A
   * worker without that endpoint (before Kafka 3.9) is ready when {@code GET /connectors} answers 200.
   *
   * @param timeout how long to wait
   * @throws IllegalStateException after the timeout, with the last answer
   */
  public void awaitReady(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    String last = "no answer";
    String path = "/health";
    while (System.nanoTime() < deadline) {
      try {
        HttpResponse<String> response = http.send(request("GET", path, null), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 200) {
          return;
        }
        if (response.statusCode() == 404 && path.equals("/health")) {
          path = "/connectors";
          continue;
        }
        last = "HTTP " + response.statusCode() + ": " + response.body();
      } catch (IOException e) {
        last = e.toString();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for the Connect worker", e);
      }
      pause(100);
    }
    throw new IllegalStateException("Connect worker at " + restUrl() + " is not ready after "
        + timeout.toSeconds() + " s: " + last);
  }

  private HttpResponse<String> send(String method, String path, String body) {
    long deadline = System.nanoTime() + RETRY_TIMEOUT.toNanos();
    while (true) {
      HttpResponse<String> response;
      try {
        response = http.send(request(method, path, body), HttpResponse.BodyHandlers.ofString());
      } catch (IOException e) {
        throw new UncheckedIOException(method + " " + restUrl() + path + " failed", e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted during " + method + " " + path, e);
      }
      // 409: a rebalance is in progress; the worker asks the caller to retry.
      if (response.statusCode() != 409 || System.nanoTime() > deadline) {
        return response;
      }
      pause(100);
    }
  }

  private HttpRequest request(String method, String path, String body) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(restUrl() + path)).timeout(REQUEST_TIMEOUT)
        .header("Accept", "application/json");
    if (body == null) {
      builder.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      builder.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
    }
    return builder.build();
  }

  private void expect(HttpResponse<String> response, String what, int... codes) {
    for (int code : codes) {
      if (response.statusCode() == code) {
        return;
      }
    }
    throw new IllegalStateException("Connect worker at " + restUrl() + " refused to " + what + ": HTTP "
        + response.statusCode() + " " + errorMessage(response.body()));
  }

  private static String errorMessage(String body) {
    try {
      JsonNode node = JSON.readTree(body);
      if (node.hasNonNull("message")) {
        return node.get("message").asText();
      }
    } catch (IOException | RuntimeException e) {
      // not JSON: show the body as it is
    }
    return body;
  }

  private static ConnectorStatus parseStatus(JsonNode root) {
    JsonNode connector = root.path("connector");
    List<ConnectorStatus.TaskStatus> tasks = new ArrayList<>();
    for (JsonNode task : root.path("tasks")) {
      tasks.add(new ConnectorStatus.TaskStatus(task.path("id").asInt(), task.path("state").asText(),
          task.path("worker_id").asText(null), textOrNull(task.path("trace"))));
    }
    tasks.sort((a, b) -> Integer.compare(a.id(), b.id()));
    return new ConnectorStatus(root.path("name").asText(), connector.path("state").asText(),
        connector.path("worker_id").asText(null), textOrNull(connector.path("trace")), tasks);
  }

  private static Map<String, Object> toMap(JsonNode node) {
    if (node.isMissingNode() || node.isNull()) {
      return null;
    }
    Map<String, Object> map = new LinkedHashMap<>();
    node.properties().forEach(e -> map.put(e.getKey(), JSON.convertValue(e.getValue(), Object.class)));
    return map;
  }

  private static String textOrNull(JsonNode node) {
    return node.isMissingNode() || node.isNull() ? null : node.asText();
  }

  private static JsonNode readTree(String body) {
    try {
      return JSON.readTree(body);
    } catch (IOException e) {
      throw new IllegalStateException("the Connect worker answered with invalid JSON: " + body, e);
    }
  }

  private static String toJson(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String encode(String segment) {
    return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  @Override
  public String toString() {
    return "ConnectRestClient[" + restUrl + "]";
  }
}
