/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.courier.connect.file.FileSourceConnector;
import dev.courier.harness.ConnectorOffset;
import dev.courier.harness.EmbeddedConnect;
import dev.courier.harness.EmbeddedKafka;
import dev.courier.harness.LogCapture;
import dev.courier.harness.TopicReader;
import dev.courier.harness.ValidationResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.logging.log4j.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The file source reads only under its configured directories: a {@code ..} segment or a relative path in its
 * configuration is refused, a symbolic link (to a file or a directory) that leads outside is never followed, and a
 * source partition given through the offsets REST API (KIP-875) that names a file outside is refused, and a tailed
 * file replaced by a link to an outside file is read to its end while the link is not; whatever is tried, no line of
 * a file outside reaches the topic.
 */
@Tag("scenario")
class FileSourceConfinementIT {
  private static final String SECRET_LINE = "outside-secret-line";
  private static EmbeddedKafka kafka;
  private static EmbeddedConnect connect;

  @TempDir
  static Path root;

  @BeforeAll
  static void start() {
    kafka = EmbeddedKafka.start();
    connect = EmbeddedConnect.start(kafka);
  }

  @AfterAll
  static void stop() {
    if (kafka != null) {
      kafka.close();
    }
  }

  private static Map<String, String> config(String topic, String inputPaths) {
    Map<String, String> config = new HashMap<>();
    config.put("connector.class", FileSourceConnector.class.getName());
    config.put("tasks.max", "1");
    config.put("input.paths", inputPaths);
    config.put("input.file.pattern", ".*\\.txt");
    config.put("input.recursive", "true");
    config.put("format", "text");
    config.put("mode", "tail");
    config.put("topic", topic);
    config.put("scan.interval.ms", "100");
    config.put("poll.interval.ms", "50");
    config.put("exactly.once.support", "required");
    config.put("key.converter", "org.apache.kafka.connect.storage.StringConverter");
    config.put("value.converter", "org.apache.kafka.connect.storage.StringConverter");
    return config;
  }

  private static List<String> values(String topic, int count) {
    return TopicReader.readExactly(kafka.bootstrapServers(), topic, count, Duration.ofSeconds(60)).stream()
        .map(r -> new String(r.value(), StandardCharsets.UTF_8)).toList();
  }

  @Test
  void onlyFilesUnderTheInputDirectoriesAreRead() throws Exception {
    Path outside = Files.createDirectories(root.resolve("outside"));
    Path secret = Files.writeString(outside.resolve("secret.txt"), SECRET_LINE + "\n");
    Path outsideDir = Files.createDirectories(outside.resolve("dir"));
    Files.writeString(outsideDir.resolve("secret2.txt"), SECRET_LINE + "-2\n");
    Path in = Files.createDirectories(root.resolve("in"));
    Files.writeString(in.resolve("inside.txt"), "inside-1\ninside-2\n");
    Files.writeString(Files.createDirectories(in.resolve("sub")).resolve("deeper.txt"), "inside-3\n");
    Files.createSymbolicLink(in.resolve("leak.txt"), secret);
    Files.createSymbolicLink(in.resolve("relative-leak.txt"), Path.of("..", "outside", "secret.txt"));
    Files.createSymbolicLink(in.resolve("linkdir"), outsideDir);
    Files.createSymbolicLink(in.resolve("linkdir.txt"), outsideDir);
    kafka.createTopic("confined", 1);

    try (LogCapture logs = LogCapture.start(Level.INFO)) {
      connect.createOrUpdateConnector("confined", config("confined", in.toString()));
      connect.awaitConnectorAndTasksRunning("confined", 1, Duration.ofSeconds(60));

      assertThat(values("confined", 3)).containsExactlyInAnyOrder("inside-1", "inside-2", "inside-3");
      assertThat(logs.events(e -> e.contains("Refusing to read symbolic link"))).anySatisfy(
          e -> assertThat(e).contains(in.resolve("leak.txt").toString()).contains("outside the input directories"))
          .anySatisfy(e -> assertThat(e).contains(in.resolve("relative-leak.txt").toString()));
    }

    // Offsets given through the REST API (KIP-875) may not name a file outside either.
    connect.stopConnector("confined");
    Map<String, Object> offset = Map.of("position", 0);
    // (Connect answers HTTP 500 to any exception of a connector's alterOffsets; the message is the connector's.)
    Map<String, String> refusals = Map.of(
        "/etc/passwd", "names a file outside input.paths",
        secret.toString(), "names a file outside input.paths",
        in + "/../outside/secret.txt", "has a '..' segment",
        "outside/secret.txt", "is not absolute");
    refusals.forEach((path, why) -> assertThatThrownBy(() -> connect.alterOffsets("confined",
        List.of(new ConnectorOffset(Map.of("path", path), offset))))
        .as(path).isInstanceOf(IllegalStateException.class).hasMessageContaining("refused to alter the offsets")
        .hasMessageContaining(why));
    // A path under an input directory that leads outside through a symbolic link to a directory is refused too.
    String throughLink = in.resolve("linkdir").resolve("secret2.txt").toString();
    assertThatThrownBy(() -> connect.alterOffsets("confined",
        List.of(new ConnectorOffset(Map.of("path", throughLink), offset))))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("names a file outside input.paths")
        .hasMessageContaining("it leads to " + outsideDir.toRealPath().resolve("secret2.txt"));
    connect.resumeConnector("confined");
    connect.awaitConnectorAndTasksRunning("confined", 1, Duration.ofSeconds(60));
    // Still reading, still only inside.
    Files.writeString(in.resolve("inside.txt"), "inside-4\n", java.nio.file.StandardOpenOption.APPEND);
    assertThat(values("confined", 4)).containsExactlyInAnyOrder("inside-1", "inside-2", "inside-3", "inside-4")
        .noneMatch(v -> v.contains(SECRET_LINE));
    connect.deleteConnector("confined");
  }

  @Test
  void aTailedFileReplacedByALinkToAnOutsideFileIsReadToItsEndAndTheLinkNever() throws Exception {
    Path outside = Files.createDirectories(root.resolve("swap-outside"));
    Path secret = Files.writeString(outside.resolve("secret.txt"), SECRET_LINE + "\n");
    Path in = Files.createDirectories(root.resolve("swap-in"));
    Path tailed = Files.writeString(in.resolve("app.txt"), "swap-1\n");
    kafka.createTopic("swapped", 1);

    try (LogCapture logs = LogCapture.start(Level.INFO)) {
      connect.createOrUpdateConnector("swapped", config("swapped", in.toString()));
      connect.awaitConnectorAndTasksRunning("swapped", 1, Duration.ofSeconds(60));
      assertThat(values("swapped", 1)).containsExactly("swap-1");

      // A writer of the input directory appends a line, then atomically renames a link to an outside file over the
      // tailed file: the task still holds the old file open, and must read it to its end but never the link.
      Files.writeString(tailed, "swap-2\n", java.nio.file.StandardOpenOption.APPEND);
      Path link = Files.createSymbolicLink(in.resolve("swap.link"), secret);
      Files.move(link, tailed, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
      Files.writeString(secret, SECRET_LINE + "-appended\n", java.nio.file.StandardOpenOption.APPEND);
      // Once the old file is read to its end (when a link at its path used to be followed), a new file marks the
      // point after which every record has arrived.
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (logs.events(e -> e.contains("Read the rotated or removed file " + tailed)).isEmpty()
          && System.nanoTime() < deadline) {
        Thread.sleep(50);
      }
      Files.writeString(in.resolve("later.txt"), "swap-3\n");

      assertThat(values("swapped", 3)).containsExactlyInAnyOrder("swap-1", "swap-2", "swap-3");
      assertThat(logs.events(e -> e.contains(tailed.toString()) && e.contains("replaced by a link"))).isNotEmpty();
    }
    connect.deleteConnector("swapped");
  }

  @Test
  void dotDotSegmentsAndRelativePathsAreRefusedWhenTheConfigIsValidated() throws Exception {
    Path in = Files.createDirectories(root.resolve("validated"));
    String withDots = in + "/../outside";
    Map<String, String> dotted = config("v", withDots);
    ValidationResult result = connect.validate(FileSourceConnector.class.getName(), dotted);
    assertThat(result.errorsFor("input.paths")).singleElement().asString().contains("'..'")
        .contains(withDots);

    ValidationResult relative = connect.validate(FileSourceConnector.class.getName(), config("v", "data/in"));
    assertThat(relative.errorsFor("input.paths")).singleElement().asString().contains("not absolute");

    Map<String, String> finished = config("v", in.toString());
    finished.put("mode", "spool");
    finished.put("spool.finished.path", in + "/../done");
    assertThat(connect.validate(FileSourceConnector.class.getName(), finished).errorsFor("spool.finished.path"))
        .singleElement().asString().contains("'..'");

    assertThatThrownBy(() -> connect.createOrUpdateConnector("dotted", dotted))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("input.paths");
  }
}
