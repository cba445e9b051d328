/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The generated code of the good fixtures, under javac and under ecj (the Eclipse compiler), compared with the same
 * golden files under {@code src/test/resources/expected}: as source (compile-testing's {@code hasSourceEquivalentTo}), and one file as exact text so that formatting and
 * javadoc are pinned too. Run with {@code -Dcourier.goldens.write=true} to rewrite the goldens from the current
 * output, then review the diff.
 */
class GoldenFilesTest {
  private static final boolean WRITE = Boolean.getBoolean("courier.goldens.write");
  private static final Path EXPECTED = Path.of("src", "test", "resources", "expected");

  static Stream<Arguments> goldens() {
    return Stream.of(Compilations.Tool.values()).flatMap(tool -> Stream.of(
        Arguments.of(tool, "OrderPlaced", List.of("Producer", "Serializer", "Deserializer", "Descriptor")),
        Arguments.of(tool, "Payment", List.of("Producer")),
        Arguments.of(tool, "Shipment", List.of("Producer", "Deserializer")),
        Arguments.of(tool, "Invoice", List.of("Serializer", "Deserializer", "Descriptor")),
        Arguments.of(tool, "Refund", List.of("Producer", "Deserializer", "Descriptor", "Outbox"))));
  }

  /** Under ecj too: the same goldens, and no warning under ecj's default settings. */
  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("goldens")
  void generatedSourcesMatchTheGoldenFiles(Compilations.Tool tool, String message, List<String> suffixes)
      throws IOException {
    Compilation compilation = Compilations.compile(tool, "good/com/acme/" + message + ".java");
    assertThat(compilation).succeededWithoutWarnings();

    for (String suffix : suffixes) {
      String name = "com.acme." + message + suffix;
      String relative = "com/acme/" + message + suffix + ".java";
      if (WRITE) {
        // The goldens are written from javac's output; ecj's is compared with them on the next run.
        if (tool == Compilations.Tool.JAVAC) {
          write(relative, generated(compilation, name));
        }
        continue;
      }
      assertThat(compilation)
          .generatedSourceFile(name)
          .hasSourceEquivalentTo(JavaFileObjects.forResource("expected/" + relative));
    }
  }

  @ParameterizedTest
  @EnumSource(Compilations.Tool.class)
  void theProducerMatchesItsGoldenFileExactly(Compilations.Tool tool) throws IOException {
    Compilation compilation = Compilations.compile(tool, "good/com/acme/OrderPlaced.java");
    String actual = generated(compilation, "com.acme.OrderPlacedProducer");
    if (WRITE) {
      if (tool == Compilations.Tool.JAVAC) {
        write("com/acme/OrderPlacedProducer.java", actual);
      }
      return;
    }
    assertThat(actual).isEqualTo(expected("com/acme/OrderPlacedProducer.java"));
  }

  /** The resources, exactly: the effective settings and the JSON Schemas (tolerant, nested, strict). */
  @ParameterizedTest
  @CsvSource({
      "Shipment, META-INF/courier/com.acme.Shipment.properties",
      "Invoice, META-INF/courier/schemas/com.acme.Invoice.json",
      "OrderPlaced, META-INF/courier/schemas/com.acme.OrderPlaced.json",
      "Shipment, META-INF/courier/schemas/com.acme.Shipment.json"})
  void theResourceMatchesItsGoldenFileExactly(String message, String path) throws IOException {
    Compilation compilation = Compilations.compile("good/com/acme/" + message + ".java");
    assertResource(compilation, path);
  }

  @Test
  void theAsyncApiDocumentMatchesItsGoldenFileExactly() throws IOException {
    Compilation compilation = Compilations.Tool.JAVAC
        .withProcessor("-Werror", "-Acourier.asyncapi=true", "-Acourier.asyncapi.title=Acme",
            "-Acourier.asyncapi.version=1.2.3")
        .compile(Compilations.fixture("good/com/acme/OrderPlaced.java"),
            Compilations.fixture("good/com/acme/Payment.java"), Compilations.fixture("good/com/acme/Invoice.java"));
    assertThat(compilation).succeededWithoutWarnings();
    assertResource(compilation, "META-INF/courier/asyncapi.json");
  }

  private static void assertResource(Compilation compilation, String path) throws IOException {
    String actual = compilation.generatedFile(StandardLocation.CLASS_OUTPUT, "", path).orElseThrow()
        .getCharContent(true).toString();
    if (WRITE) {
      write(path, actual);
      return;
    }
    assertThat(actual).isEqualTo(expected(path));
  }

  @Test
  void withoutTheOptionThereIsNoAsyncApiDocument() {
    Compilation compilation = Compilations.compile("good/com/acme/OrderPlaced.java");
    assertThat(compilation.generatedFile(StandardLocation.CLASS_OUTPUT, "", "META-INF/courier/asyncapi.json"))
        .isEmpty();
  }

  @Test
  void outputIsDeterministic() throws IOException {
    Compilation first = Compilations.compile("good/com/acme/Invoice.java", "good/com/acme/OrderPlaced.java");
    Compilation second = Compilations.compile("good/com/acme/OrderPlaced.java", "good/com/acme/Invoice.java");

    for (JavaFileObject file : first.generatedFiles()) {
      JavaFileObject twin =
          second.generatedFiles().stream()
              .filter(f -> f.toUri().equals(file.toUri()))
              .findFirst()
              .orElseThrow();
      assertThat(twin.getCharContent(true).toString()).isEqualTo(file.getCharContent(true).toString());
    }
    assertThat(first.generatedFiles()).hasSameSizeAs(second.generatedFiles());
  }

  private static String generated(Compilation compilation, String className) throws IOException {
    return compilation.generatedSourceFile(className).orElseThrow().getCharContent(true).toString();
  }

  private static String expected(String relative) throws IOException {
    return Files.readString(EXPECTED.resolve(relative), StandardCharsets.UTF_8);
  }

  private static void write(String relative, String content) {
    try {
      Path target = EXPECTED.resolve(relative);
      Files.createDirectories(target.getParent());
      Files.writeString(target, content, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
