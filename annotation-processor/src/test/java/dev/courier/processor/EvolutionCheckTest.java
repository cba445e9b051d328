/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import dev.courier.Compatibility;
import dev.courier.Reading;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The compile-time evolution check, judged by the evolution corpus ({@link EvolutionCorpusTest}, whose verdicts are
 * what the generated codecs really do). For every case, under each {@link Reading}: the before version is compiled
 * and its generated schema becomes the baseline; the after version is compiled against it under each
 * {@link Compatibility} level, and must compile exactly when the case's verdict satisfies the level (a
 * {@code contract} verdict, for a change of the topic or the key, overrides the value's). A refused change fails
 * with errors that all have a {@code courier.evolution.*} id.
 */
class EvolutionCheckTest {

  private static final String ROOT = "evolution";
  private static final String SCHEMA = "META-INF/courier/schemas/evolution.Order.json";

  @TempDir
  static Path baselines;

  static Stream<Arguments> casesUnderEachReading() throws Exception {
    return EvolutionCorpusTest.cases()
        .flatMap(name -> Stream.of(Reading.values()).map(reading -> Arguments.of(name, reading)));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("casesUnderEachReading")
  void theCheckAllowsExactlyWhatTheVerdictAllows(String name, Reading reading) throws Exception {
    String key = reading.name().toLowerCase(Locale.ROOT);
    Compatibility verdict = Compatibility.valueOf(EvolutionCorpusTest.courierVerdict(name, reading));

    Path baseline = Files.createDirectories(baselines.resolve(name + "-" + key));
    Compilation before = compile(source(name, "before", reading, Compatibility.BACKWARD));
    assertThat(before).succeeded();
    Files.writeString(baseline.resolve("evolution.Order.json"), schema(before));

    List<String> disagreements = new ArrayList<>();
    for (Compatibility level : Compatibility.values()) {
      Compilation after = compile(source(name, "after", reading, level),
          "-A" + "courier.evolution.baseline=" + baseline);
      boolean allowed = satisfies(verdict, level);
      boolean compiled = after.status() == Compilation.Status.SUCCESS;
      if (allowed != compiled) {
        disagreements.add(level + ": the verdict " + verdict + (allowed ? " allows" : " refuses")
            + " the change, the check " + (compiled ? "allowed it" : "refused it: " + errors(after)));
      }
      if (!compiled) {
        assertThat(after.errors()).as("%s under %s", name, level)
            .allSatisfy(e -> assertThat(e.getMessage(Locale.ROOT)).startsWith("[courier.evolution."));
      }
    }
    assertThat(disagreements).as("%s, %s", name, reading).isEmpty();
  }

  @Test
  void aRefusedChangeIsReportedOnTheMemberWithWhatBreaksAndTheFix() throws Exception {
    Path baseline = baseline("narrow-long-to-int", Reading.TOLERANT);

    Compilation after = compile(source("narrow-long-to-int", "after", Reading.TOLERANT, Compatibility.BACKWARD),
        "-Acourier.evolution.baseline=" + baseline);

    assertThat(after).failed();
    assertThat(after)
        .hadErrorContaining("[courier.evolution.type] Member 'cents' breaks BACKWARD compatibility of evolution.Order:"
            + " records of the previous version may hold integers from -9223372036854775808 to 9223372036854775807"
            + " in it, which this version's reader refuses (it reads integers from -2147483648 to 2147483647)"
            + " (baseline " + baseline.resolve("evolution.Order.json") + "). Fix: Widen the type")
        .inFile(after.sourceFiles().get(0))
        .onLineContaining("int cents");
  }

  @Test
  void aBaselineJarIsReadLikeADirectory(@TempDir Path dir) throws Exception {
    Path baseline = baseline("add-primitive", Reading.TOLERANT);
    Path jar = dir.resolve("orders-1.0.jar");
    try (OutputStream out = Files.newOutputStream(jar); ZipOutputStream zip = new ZipOutputStream(out)) {
      zip.putNextEntry(new ZipEntry(SCHEMA));
      zip.write(Files.readAllBytes(baseline.resolve("evolution.Order.json")));
      zip.closeEntry();
    }

    Compilation after = compile(source("add-primitive", "after", Reading.TOLERANT, Compatibility.BACKWARD),
        "-Acourier.evolution.baseline=" + jar);

    assertThat(after)
        .hadErrorContaining("[courier.evolution.required] Member 'quantity' breaks BACKWARD compatibility of"
            + " evolution.Order: this version requires it")
        .inFile(after.sourceFiles().get(0))
        .onLineContaining("int quantity");
    assertThat(after).hadErrorContaining("(baseline " + jar + "!/" + SCHEMA + ")");
  }

  @Test
  void aTypeTheBaselineDoesNotHaveIsNew(@TempDir Path empty) {
    Compilation after = compile(source("add-primitive", "after", Reading.TOLERANT, Compatibility.FULL),
        "-Acourier.evolution.baseline=" + empty);

    assertThat(after).succeededWithoutWarnings();
  }

  @Test
  void aMissingOrMalformedBaselineIsAnErrorNotASilentPass(@TempDir Path dir) throws Exception {
    Compilation missing = compile(source("identical", "after", Reading.TOLERANT, Compatibility.BACKWARD),
        "-Acourier.evolution.baseline=" + dir.resolve("nowhere"));
    assertThat(missing)
        .hadErrorContaining("[courier.evolution.baseline] Courier cannot compare evolution.Order with its previous"
            + " version: the baseline " + dir.resolve("nowhere") + " does not exist.")
        .inFile(missing.sourceFiles().get(0))
        .onLineContaining("@KafkaMessage");

    Files.writeString(dir.resolve("evolution.Order.json"), "{\"type\": \"object\", ");
    Compilation malformed = compile(source("identical", "after", Reading.TOLERANT, Compatibility.BACKWARD),
        "-Acourier.evolution.baseline=" + dir);
    assertThat(malformed).hadErrorContaining("[courier.evolution.baseline] Courier cannot compare evolution.Order"
        + " with its previous version: the baseline " + dir.resolve("evolution.Order.json") + " is not a JSON"
        + " document");
  }

  private static boolean satisfies(Compatibility verdict, Compatibility level) {
    return (!level.backward() || verdict.backward()) && (!level.forward() || verdict.forward());
  }

  private static Path baseline(String name, Reading reading) throws IOException {
    Path dir = Files.createTempDirectory(baselines, name);
    Compilation before = compile(source(name, "before", reading, Compatibility.BACKWARD));
    assertThat(before).succeeded();
    Files.writeString(dir.resolve("evolution.Order.json"), schema(before));
    return dir;
  }

  static Compilation compile(JavaFileObject source, String... options) {
    return Compilations.Tool.JAVAC.withProcessor(options).compile(source);
  }

  /** A version of a case, its {@code @KafkaMessage} given the reading and the level. */
  static JavaFileObject source(String name, String side, Reading reading, Compatibility level) {
    String path = ROOT + "/" + name + "/" + side + "/Order.java";
    String text;
    try (InputStream in = EvolutionCheckTest.class.getClassLoader().getResourceAsStream(path)) {
      assertThat(in).as(path).isNotNull();
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String attributes = "reading = dev.courier.Reading." + reading + ", compatibility = dev.courier.Compatibility."
        + level + ", ";
    assertThat(text).as(path).contains("@KafkaMessage(");
    return JavaFileObjects.forSourceString("evolution.Order", text.replaceFirst("@KafkaMessage\\(",
        "@KafkaMessage(" + attributes));
  }

  static String schema(Compilation compilation) throws IOException {
    JavaFileObject file = compilation.generatedFile(StandardLocation.CLASS_OUTPUT, SCHEMA)
        .orElseThrow(() -> new AssertionError("no " + SCHEMA));
    try (InputStream in = file.openInputStream()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static String errors(Compilation compilation) {
    return compilation.diagnostics().stream().filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
        .map(d -> d.getMessage(Locale.ROOT)).toList().toString();
  }
}
