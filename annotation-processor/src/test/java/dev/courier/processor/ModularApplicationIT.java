/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.processor;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An application with a {@code module-info.java}: its {@code @KafkaMessage} type is compiled with Courier's processor
 * against the packaged courier-config jar on the module path (automatic module {@code dev.courier}, from its
 * {@code Automatic-Module-Name}), warning-free, and the result runs on the module path. Generated code carries
 * {@code @javax.annotation.processing.Generated} only when the application's module reads {@code java.compiler}.
 *
 * <p>An IT (after {@code package}): it needs courier-config as a jar, as an application gets it.
 */
class ModularApplicationIT {

  private static final String ORDER_PLACED = """
      package com.acme.orders;

      import dev.courier.Acks;
      import dev.courier.Header;
      import dev.courier.KafkaMessage;
      import dev.courier.PartitionKey;
      import dev.courier.SendMode;
      import dev.courier.Timestamp;
      import java.time.Instant;

      /** An order, sent with a generated producer. */
      @KafkaMessage(topic = "orders", sendMode = SendMode.SYNC, acks = Acks.ALL, idempotence = true)
      public record OrderPlaced(@PartitionKey String orderId, long totalCents,
          @Header("trace-id") String traceId, @Timestamp Instant placedAt) {}
      """;

  private static final String APP = """
      package com.acme.orders;

      import java.time.Instant;
      import java.util.Map;
      import org.apache.kafka.clients.producer.ProducerRecord;

      /** Uses the generated code: codec round trip, and a real KafkaProducer created (no broker needed) and closed. */
      public final class App {
        private App() {}

        /**
         * Runs it.
         *
         * @param args none
         */
        public static void main(String[] args) {
          OrderPlaced order = new OrderPlaced("o-1", 5895, "trace-1", Instant.parse("2026-11-27T10:15:30Z"));
          byte[] json = new OrderPlacedSerializer().serialize("orders", order);
          OrderPlaced back = new OrderPlacedDeserializer().deserialize("orders", json);
          try (OrderPlacedProducer producer =
              OrderPlacedProducer.create(Map.of("bootstrap.servers", "127.0.0.1:9"))) {
            ProducerRecord<String, OrderPlaced> record = producer.toRecord(order);
            System.out.println(record.topic() + " " + record.key() + " " + back.equals(order) + " "
                + new OrderPlacedDescriptor().topic());
          }
        }
      }
      """;

  @TempDir
  Path dir;

  @Test
  void aModuleThatDoesNotReadJavaCompilerCompilesAndRunsWithoutGenerated() throws Exception {
    Path classes = compile(moduleInfo(""));
    String producer = Files.readString(dir.resolve("generated/com/acme/orders/OrderPlacedProducer.java"));
    assertThat(producer).doesNotContain("javax.annotation.processing").doesNotContain("@Generated");
    assertThat(run(classes)).isEqualTo("orders o-1 true orders");
  }

  @Test
  void aModuleThatReadsJavaCompilerGetsGenerated() throws Exception {
    Path classes = compile(moduleInfo("  requires java.compiler;\n"));
    try (Stream<Path> files = Files.list(dir.resolve("generated/com/acme/orders"))) {
      List<Path> sources = files.filter(f -> f.toString().endsWith(".java")).sorted().toList();
      assertThat(sources).extracting(f -> f.getFileName().toString()).containsExactly("OrderPlacedDescriptor.java",
          "OrderPlacedDeserializer.java", "OrderPlacedProducer.java", "OrderPlacedSerializer.java");
      for (Path source : sources) {
        assertThat(Files.readString(source)).as(source.getFileName().toString())
            .contains("@Generated(\"dev.courier.processor.CourierProcessor\")");
      }
    }
    assertThat(run(classes)).isEqualTo("orders o-1 true orders");
  }

  /**
   * What an application's module needs for Courier's generated code (quoted in the README): courier-config (the
   * annotations, the runtime), kafka-clients and jackson-core (the generated code uses their types), and slf4j-api,
   * which kafka-clients and courier-config log with: as automatic modules they cannot declare it, so the application
   * requires it (or runs with {@code --add-modules org.slf4j}).
   */
  private static String moduleInfo(String extra) throws IOException {
    try (var in = ModularApplicationIT.class.getResourceAsStream("/modular/module-info.java")) {
      String moduleInfo = new String(in.readAllBytes(), UTF_8);
      int end = moduleInfo.lastIndexOf('}');
      return moduleInfo.substring(0, end) + extra + moduleInfo.substring(end);
    }
  }

  private Path compile(String moduleInfo) throws IOException {
    Path sources = dir.resolve("src");
    Path pkg = Files.createDirectories(sources.resolve("com/acme/orders"));
    Files.writeString(sources.resolve("module-info.java"), moduleInfo, UTF_8);
    Files.writeString(pkg.resolve("OrderPlaced.java"), ORDER_PLACED, UTF_8);
    Files.writeString(pkg.resolve("App.java"), APP, UTF_8);
    Path classes = Files.createDirectories(dir.resolve("classes"));
    Path generated = Files.createDirectories(dir.resolve("generated"));

    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    StringWriter output = new StringWriter();
    try (StandardJavaFileManager files = javac.getStandardFileManager(null, null, UTF_8)) {
      List<String> options = List.of(
          "--module-path", modulePath(),
          "--processor-path", System.getProperty("java.class.path"),
          "-processor", CourierProcessor.class.getName(),
          // requires-automatic: courier-config and kafka-clients are automatic modules, on purpose.
          "-Xlint:all,-processing,-requires-automatic", "-Werror",
          "-d", classes.toString(), "-s", generated.toString());
      List<File> inputs = List.of(sources.resolve("module-info.java").toFile(), pkg.resolve("OrderPlaced.java").toFile(),
          pkg.resolve("App.java").toFile());
      boolean ok = javac.getTask(output, files, null, options, null, files.getJavaFileObjectsFromFiles(inputs)).call();
      assertThat(ok).as("javac output:%n%s", output).isTrue();
    }
    assertThat(output.toString()).as("javac output").isEmpty();
    return classes;
  }

  private String run(Path classes) throws Exception {
    Path java = Paths.get(System.getProperty("java.home"), "bin", "java");
    List<String> command = new ArrayList<>(List.of(java.toString(), "-Xmx128m",
        "--module-path", classes + File.pathSeparator + modulePath(), "-m", "com.acme.orders/com.acme.orders.App"));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output;
    try (var in = process.getInputStream()) {
      output = new String(in.readAllBytes(), UTF_8);
    }
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as("exit status; output:%n%s", output).isZero();
    return output.lines().reduce((first, last) -> last).orElse("");
  }

  /** The jars an application puts on its module path: courier-config, packaged, and what it depends on. */
  private static String modulePath() {
    List<String> classPath = Arrays.asList(System.getProperty("java.class.path").split(File.pathSeparator));
    List<String> jars = new ArrayList<>();
    for (String prefix : List.of("courier-config-", "kafka-clients-", "jackson-core-", "slf4j-api-")) {
      String jar = classPath.stream().filter(e -> Paths.get(e).getFileName().toString().startsWith(prefix))
          .findFirst().orElseThrow(() -> new AssertionError("no " + prefix + "*.jar on the test class path"));
      assertThat(jar).as("%s must be a packaged jar (run this IT with verify)", prefix).endsWith(".jar");
      jars.add(jar);
    }
    return jars.stream().collect(Collectors.joining(File.pathSeparator));
  }
}
