/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.processor;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The bad-input corpus of the processor: every fixture under {@code src/test/resources/corpus/bad} is an invalid
 * {@code @KafkaMessage} source that marks each line an error must be reported on with {@code // error: <id>} (ids
 * separated by commas; {@code javac} for an error that javac itself reports). For each fixture the processor must
 * not crash ({@code courier.internal}), must report each marked id on exactly its line of that file, must report no
 * Courier error that is not marked, and must generate nothing for an invalid type. {@code // generates: Name} names a
 * valid sibling type whose generated files are allowed.
 *
 * <p>The fixtures without a javac error compile together in one javac run (each diagnostic names its file, so every
 * fixture is still judged on its own); those with {@code // error: javac} compile alone, as javac's own errors change
 * what the processor sees ({@code -Dcorpus.isolated=true} compiles every fixture alone). The fixtures under {@code corpus/good} are valid odd constructs that must compile and
 * generate code without a single warning under {@code -Xlint:all -Werror}.
 */
class BadInputCorpusTest {

  private static final Pattern MARKER = Pattern.compile("//\\s*error:\\s*([a-z0-9.,\\s-]+)$");
  private static final Pattern GENERATES = Pattern.compile("^//\\s*generates:\\s*(\\w+)\\s*$");
  private static final Pattern ANYWHERE = Pattern.compile("^//\\s*error-anywhere:\\s*javac\\s*$");
  private static final String JAVAC = "javac";
  private static final List<String> GENERATED_SUFFIXES =
      List.of("Producer", "Serializer", "Deserializer", "Descriptor");

  private static Result batch;

  /** One fixture: its file, its expected errors by line, and the generated types it allows. */
  record Fixture(String name, JavaFileObject source, Map<Long, Set<String>> expected, Set<String> allowed,
      boolean javacAnywhere) {
    boolean javac() {
      return javacAnywhere || expected.values().stream().anyMatch(ids -> ids.contains(JAVAC));
    }

    @Override
    public String toString() {
      return name;
    }
  }

  static List<Fixture> bad() {
    return fixtures("corpus/bad");
  }

  static List<Fixture> fixtures(String dir) {
    try {
      URL url = BadInputCorpusTest.class.getClassLoader().getResource(dir);
      assertThat(url).as(dir).isNotNull();
      try (Stream<Path> files = Files.list(Path.of(url.toURI()))) {
        return files.filter(p -> p.toString().endsWith(".java")).sorted().map(p -> fixture(dir, p)).toList();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Fixture fixture(String dir, Path path) {
    String fileName = path.getFileName().toString();
    List<String> lines;
    try {
      lines = Files.readAllLines(path, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Map<Long, Set<String>> expected = new TreeMap<>();
    Set<String> allowed = new LinkedHashSet<>();
    boolean anywhere = false;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      Matcher generates = GENERATES.matcher(line);
      if (generates.matches()) {
        allowed.add(generates.group(1));
        continue;
      }
      if (ANYWHERE.matcher(line).matches()) {
        anywhere = true;
        continue;
      }
      Matcher marker = MARKER.matcher(line);
      if (marker.find()) {
        Set<String> ids = new LinkedHashSet<>();
        for (String id : marker.group(1).split(",")) {
          ids.add(id.strip());
        }
        expected.put((long) i + 1, ids);
      }
    }
    return new Fixture(fileName.substring(0, fileName.length() - ".java".length()),
        JavaFileObjects.forResource(dir + "/" + fileName), expected, allowed, anywhere);
  }

  /** The fixtures without javac errors, compiled once together. */
  private static synchronized Result batch() {
    if (batch == null) {
      batch = compile(bad().stream().filter(f -> !f.javac()).map(Fixture::source).toList());
    }
    return batch;
  }

  /**
   * What a javac run with the processor produced. compile-testing hides generated files when a compilation fails,
   * which is exactly when they must be checked, so this runs javac itself with output directories of its own.
   *
   * @param success whether javac succeeded
   * @param diagnostics every diagnostic
   * @param generated the generated sources and Courier resources, as paths relative to their output directory
   */
  record Result(boolean success, List<Diagnostic<? extends JavaFileObject>> diagnostics, List<String> generated) {
    List<Diagnostic<? extends JavaFileObject>> errors() {
      return diagnostics.stream().filter(d -> d.getKind() == Diagnostic.Kind.ERROR).toList();
    }
  }

  private static Result compile(List<JavaFileObject> sources) {
    try {
      Path out = Files.createTempDirectory("courier-corpus");
      Path generatedSources = Files.createDirectories(out.resolve("generated-sources"));
      Path classes = Files.createDirectories(out.resolve("classes"));
      JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
      DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
      try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT,
          StandardCharsets.UTF_8)) {
        files.setLocationFromPaths(StandardLocation.SOURCE_OUTPUT, List.of(generatedSources));
        files.setLocationFromPaths(StandardLocation.CLASS_OUTPUT, List.of(classes));
        files.setLocationFromPaths(StandardLocation.CLASS_PATH, classPath());
        JavaCompiler.CompilationTask task =
            javac.getTask(null, files, diagnostics, List.of("-Xlint:all,-processing", "-Xmaxerrs", "100000", "-Xmaxwarns", "100000"), null, sources);
        task.setProcessors(List.of(new CourierProcessor()));
        boolean success = task.call();
        List<String> generated = new ArrayList<>();
        try (Stream<Path> walk = Stream.concat(Files.walk(generatedSources), Files.walk(classes))) {
          walk.filter(Files::isRegularFile)
              .map(p -> (p.startsWith(generatedSources) ? generatedSources : classes).relativize(p).toString())
              .filter(name -> name.endsWith(".java") || name.startsWith("META-INF"))
              .sorted()
              .forEach(generated::add);
        }
        return new Result(success, List.copyOf(diagnostics.getDiagnostics()), generated);
      } finally {
        try (Stream<Path> walk = Files.walk(out)) {
          walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The test class path, which holds Courier's annotations, kafka-clients and the processor. */
  private static List<Path> classPath() {
    return Stream.of(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
        .filter(s -> !s.isEmpty())
        .map(Path::of)
        .toList();
  }

  @Test
  void theCorpusHasAtLeastFiftyInvalidSourcesEachWithAnExpectedError() {
    List<Fixture> fixtures = bad();
    assertThat(fixtures).hasSizeGreaterThanOrEqualTo(50);
    assertThat(fixtures).allSatisfy(f -> assertThat(f.expected()).as(f.name()).isNotEmpty());
  }

  @Test
  void theCorpusReachesEveryErrorRuleAndEveryInputDrivenProcessorError() {
    Set<String> covered = bad().stream().flatMap(f -> f.expected().values().stream()).flatMap(Set::stream)
        .collect(Collectors.toSet());
    // Not input-driven: courier.write (an unwritable output), courier.internal (a processor bug); warnings are not
    // errors. Not reachable from @KafkaMessage: compression (an enum attribute; properties may not set it), kafka
    // (nothing gets past the other checks to it), conflict (runtime only), connect.* (connector configs).
    Set<String> expected = new java.util.TreeSet<>();
    for (dev.courier.processor.diagnostics.ProcessorMessage message
        : dev.courier.processor.diagnostics.ProcessorMessage.values()) {
      if (message.kind() == Diagnostic.Kind.ERROR) {
        expected.add(message.id());
      }
    }
    for (dev.courier.config.Rule rule : dev.courier.config.Rule.values()) {
      if (rule.severity() == dev.courier.config.Severity.ERROR) {
        expected.add(rule.id());
      }
    }
    expected.removeAll(Set.of("courier.write", "courier.internal", "courier.compression", "courier.kafka",
        "courier.conflict"));
    expected.removeIf(id -> id.startsWith("courier.connect."));
    assertThat(covered).containsAll(expected);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("bad")
  void eachInvalidSourceGetsItsErrorOnItsLineAndNothingIsGenerated(Fixture fixture) {
    Result compilation = fixture.javac() || Boolean.getBoolean("corpus.isolated")
        ? compile(List.of(fixture.source()))
        : batch();

    assertThat(compilation.success()).isFalse();
    List<Diagnostic<? extends JavaFileObject>> all = compilation.diagnostics();
    assertThat(all.stream().map(BadInputCorpusTest::message))
        .as("no processor crash anywhere in the compilation")
        .noneMatch(m -> m.contains("[courier.internal]"));

    List<Diagnostic<? extends JavaFileObject>> errors = compilation.errors().stream()
        .filter(d -> d.getSource() != null && d.getSource().toUri().equals(fixture.source().toUri()))
        .toList();
    // Every expected error is on its line.
    fixture.expected().forEach((line, ids) -> {
      for (String id : ids) {
        assertThat(errors)
            .as("%s: an error [%s] on line %d; the file's errors were:%n%s", fixture.name(), id, line,
                describe(errors))
            .anyMatch(d -> d.getLineNumber() == line && idOf(d).equals(id));
      }
    });
    // No unexpected Courier error; javac's own errors only where the fixture expects them.
    for (Diagnostic<? extends JavaFileObject> error : errors) {
      String id = idOf(error);
      boolean expected = fixture.expected().getOrDefault(error.getLineNumber(), Set.of()).contains(id)
          || (id.equals(JAVAC) && fixture.javacAnywhere());
      assertThat(expected).as("%s: unexpected error on line %d: %s", fixture.name(), error.getLineNumber(),
          message(error)).isTrue();
    }
    // Nothing generated for an invalid type.
    List<String> generated = compilation.generated().stream()
        .filter(name -> belongsTo(name, fixture))
        .filter(name -> fixture.allowed().stream().noneMatch(allowed -> generatedFor(name, allowed)))
        .toList();
    assertThat(generated).as("%s: files generated from an invalid model", fixture.name()).isEmpty();
    if (!fixture.allowed().isEmpty()) {
      for (String allowed : fixture.allowed()) {
        assertThat(compilation.generated())
            .as("%s: the valid sibling %s is still generated", fixture.name(), allowed)
            .anyMatch(name -> generatedFor(name, allowed));
      }
    }
  }

  @Test
  void validOddConstructsCompileAndGenerateWithoutAnyWarning() {
    List<Fixture> good = fixtures("corpus/good");
    assertThat(good).hasSizeGreaterThanOrEqualTo(5);

    Compilation compilation = Compilations.compile(good.stream().map(Fixture::source).toArray(JavaFileObject[]::new));

    assertThat(compilation.status())
        .as("diagnostics:%n%s", describe(compilation.diagnostics()))
        .isEqualTo(Compilation.Status.SUCCESS);
    assertThat(compilation.diagnostics().stream().filter(d -> d.getKind() != Diagnostic.Kind.NOTE))
        .as("warnings").isEmpty();
    Set<String> producers = compilation.generatedSourceFiles().stream()
        .map(f -> simpleName(f.getName()))
        .filter(n -> n.endsWith("Producer"))
        .collect(Collectors.toCollection(java.util.TreeSet::new));
    assertThat(producers).containsExactly(
        "ClassWithHierarchyProducer",
        "CompactConstructorProducer",
        "DeeplyNested_Level2_Level3_MessageProducer",
        "DiamondProducer",
        "GeneratedLocalNamesProducer",
        "LongestTopicProducer",
        "TwoInOneFileProducer",
        "TwoInOneFile_NestedProducer",
        "UnicodeProducer");
  }

  private static boolean belongsTo(String generatedName, Fixture fixture) {
    return simpleName(generatedName).startsWith(fixture.name())
        || simpleName(generatedName).startsWith("corpus." + fixture.name());
  }

  private static boolean generatedFor(String generatedName, String type) {
    String simple = simpleName(generatedName);
    // A nested type's base name joins its enclosing names with '_'; its resource is named by its binary name.
    return GENERATED_SUFFIXES.stream().anyMatch(s -> simple.equals(type + s))
        || generatedName.equals("META-INF/courier/corpus." + type + ".properties")
        || generatedName.equals("META-INF/courier/corpus." + type.replace('_', '$') + ".properties");
  }

  private static String simpleName(String path) {
    String name = path.substring(path.lastIndexOf('/') + 1);
    int dot = name.lastIndexOf('.');
    return dot < 0 ? name : name.substring(0, dot);
  }

  private static String message(Diagnostic<?> diagnostic) {
    return diagnostic.getMessage(Locale.ROOT);
  }

  /** The Courier id of an error ({@code courier.topic}), or {@code javac} for one of javac's own. */
  private static String idOf(Diagnostic<?> diagnostic) {
    String message = message(diagnostic);
    if (message.startsWith("[courier.")) {
      return message.substring(1, message.indexOf(']'));
    }
    return JAVAC;
  }

  private static String describe(List<? extends Diagnostic<?>> diagnostics) {
    List<String> lines = new ArrayList<>();
    for (Diagnostic<?> d : diagnostics) {
      String file = d.getSource() == null ? "-" : simpleName(((JavaFileObject) d.getSource()).getName());
      String text = message(d);
      lines.add("  " + d.getKind() + " " + file + ":" + d.getLineNumber() + " "
          + text.substring(0, Math.min(200, text.length())).replace('\n', ' '));
    }
    return String.join("\n", lines);
  }
}
