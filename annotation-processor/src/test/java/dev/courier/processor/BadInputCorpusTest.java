/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import dev.courier.config.Rule;
import dev.courier.config.Severity;
import dev.courier.processor.diagnostics.ProcessorMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The bad-input corpus of the processor, under javac and under ecj (the Eclipse compiler, which Eclipse and VS Code
 * compile with): every fixture under {@code src/test/resources/corpus/bad} is an invalid {@code @KafkaMessage} source
 * that marks each line an error must be reported on with {@code // error: <id>} (ids separated by commas;
 * {@code javac} for an error that javac itself reports). For each fixture the processor must not crash
 * ({@code courier.internal}), must report each marked id on exactly its line of that file, must report no Courier
 * error that is not marked, and must generate nothing for an invalid type. {@code // generates: Name} names a valid
 * sibling type whose generated files are allowed; {@code // message: text} is a text that one of the file's errors
 * must contain (the words a user reads, pinned for each id).
 *
 * <p>Where ecj reports: on a class, on the same line as javac (so that Eclipse and VS Code put a marker where javac
 * does), except an entry of an array attribute ({@code properties}), for which ecj has no position and marks
 * {@code @KafkaMessage}; on a record, nowhere (see {@link #assertEclipseReports}).
 *
 * <p>The fixtures without a javac error compile together in one javac run (each diagnostic names its file, so every
 * fixture is still judged on its own); those with {@code // error: javac} compile alone, as javac's own errors change
 * what the processor sees ({@code -Dcorpus.isolated=true} compiles every fixture alone). The fixtures under
 * {@code corpus/good} are valid odd constructs that must compile and generate code without a single warning under
 * {@code -Xlint:all -Werror}. The fixtures under
 * {@code corpus/bad/scenarios} are the cases that need more than one file or a compilation of their own (a name
 * clash with an existing class, a stale generated file, a processor failure, warnings and their suppression); each
 * has its own test below. Together they give every diagnostic id a negative test under each compiler (checked after
 * all tests have run).
 */
class BadInputCorpusTest {

  private static final Pattern MARKER = Pattern.compile("//\\s*error:\\s*([a-z0-9.,\\s-]+)$");
  private static final Pattern GENERATES = Pattern.compile("^//\\s*generates:\\s*(\\w+)\\s*$");
  private static final Pattern MESSAGE = Pattern.compile("^//\\s*message:\\s*(.+)$");
  private static final Pattern ANYWHERE = Pattern.compile("^//\\s*error-anywhere:\\s*javac\\s*$");
  private static final Pattern RECORD = Pattern.compile("\\brecord\\s+\\w+\\s*[(<]");
  private static final String JAVAC = "javac";
  private static final List<String> GENERATED_SUFFIXES =
      List.of("Producer", "Serializer", "Deserializer", "Descriptor");

  private static final String SCENARIOS = "corpus/bad/scenarios/";

  private static final Map<Compilations.Tool, Result> BATCH = new java.util.EnumMap<>(Compilations.Tool.class);
  private static final Map<Compilations.Tool, Set<String>> TESTED = new ConcurrentHashMap<>();

  /**
   * One fixture: its file, its expected errors by line, the texts its errors must contain, the generated types it
   * allows, whether it is a record, the line its {@code @KafkaMessage} starts on, and the lines that are entries of
   * an array attribute.
   */
  record Fixture(String name, JavaFileObject source, Map<Long, Set<String>> expected, List<String> messages,
      Set<String> allowed, boolean javacAnywhere, boolean record, long annotationLine, Set<Long> entries) {
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

  static Stream<Arguments> badUnderEachCompiler() {
    return Stream.of(Compilations.Tool.values()).flatMap(tool -> bad().stream().map(f -> Arguments.of(tool, f)));
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
    List<String> messages = new ArrayList<>();
    Set<String> allowed = new LinkedHashSet<>();
    Set<Long> entries = new java.util.TreeSet<>();
    boolean anywhere = false;
    boolean record = false;
    long annotationLine = 0;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      record |= RECORD.matcher(line).find();
      if (annotationLine == 0 && line.startsWith("@KafkaMessage")) {
        annotationLine = i + 1;
      }
      Matcher message = MESSAGE.matcher(line);
      if (message.matches()) {
        messages.add(message.group(1).strip());
        continue;
      }
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
        if (line.startsWith("\"")) {
          entries.add((long) i + 1);
        }
      }
    }
    return new Fixture(fileName.substring(0, fileName.length() - ".java".length()),
        JavaFileObjects.forResource(dir + "/" + fileName), expected, List.copyOf(messages), allowed, anywhere, record,
        annotationLine, entries);
  }

  /** The fixtures without javac errors, compiled once together per compiler. */
  private static synchronized Result batch(Compilations.Tool tool) {
    return BATCH.computeIfAbsent(
        tool, t -> compile(t, bad().stream().filter(f -> !f.javac()).map(Fixture::source).toList()));
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

  private static Result compile(Compilations.Tool tool, List<JavaFileObject> sources) {
    try {
      Path out = Files.createTempDirectory("courier-corpus");
      Path generatedSources = Files.createDirectories(out.resolve("generated-sources"));
      Path classes = Files.createDirectories(out.resolve("classes"));
      JavaCompiler javac = tool.tool();
      DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
      try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT,
          StandardCharsets.UTF_8)) {
        files.setLocationFromPaths(StandardLocation.SOURCE_OUTPUT, List.of(generatedSources));
        files.setLocationFromPaths(StandardLocation.CLASS_OUTPUT, List.of(classes));
        files.setLocation(StandardLocation.CLASS_PATH, Compilations.CLASS_PATH);
        JavaCompiler.CompilationTask task =
            javac.getTask(null, files, diagnostics, tool == Compilations.Tool.JAVAC
                ? List.of("-Xlint:all,-processing", "-Xmaxerrs", "100000", "-Xmaxwarns", "100000")
                : List.of(), null, sources);
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
    // Not input-driven: courier.write (an unwritable output) and courier.internal (a processor bug), each with a
    // scenario of its own below; nor courier.evolution.*, which need a baseline (a scenario below too);
    // warnings are not errors.
    Set<String> expected = new java.util.TreeSet<>();
    reachableIds().forEach((id, error) -> {
      if (error) {
        expected.add(id);
      }
    });
    expected.removeAll(Set.of("courier.write", "courier.internal"));
    expected.removeIf(id -> id.startsWith("courier.evolution."));
    assertThat(covered).containsAll(expected);
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("badUnderEachCompiler")
  void eachInvalidSourceGetsItsErrorOnItsLineAndNothingIsGenerated(Compilations.Tool tool, Fixture fixture) {
    Result compilation = fixture.javac() || Boolean.getBoolean("corpus.isolated")
        ? compile(tool, List.of(fixture.source()))
        : batch(tool);

    assertThat(compilation.success()).isFalse();
    List<Diagnostic<? extends JavaFileObject>> all = compilation.diagnostics();
    assertThat(all.stream().map(BadInputCorpusTest::message))
        .as("no processor crash anywhere in the compilation")
        .noneMatch(m -> m.contains("[courier.internal]"));

    List<Diagnostic<? extends JavaFileObject>> errors = compilation.errors().stream()
        .filter(d -> about(d, fixture))
        .toList();
    if (tool == Compilations.Tool.JAVAC) {
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
    } else {
      assertEclipseReports(fixture, errors);
    }
    for (String text : fixture.messages()) {
      assertThat(errors)
          .as("%s: an error that says \"%s\"; the file's errors were:%n%s", fixture.name(), text, describe(errors))
          .anyMatch(d -> message(d).contains(text));
    }
    // Every Courier diagnostic has a file and a line, so that the IDE puts a marker in the editor; ecj cannot on a
    // record (see assertEclipseReports).
    if (!fixture.record()) {
      assertThat(all.stream().filter(d -> about(d, fixture)).filter(d -> message(d).startsWith("[courier.")))
          .allSatisfy(d -> assertThat(d.getSource() != null && d.getLineNumber() > 0)
              .as("%s: %s has a file and a line", fixture.name(), message(d).lines().findFirst().orElse(""))
              .isTrue());
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
    fixture.expected().values().forEach(ids -> ids.forEach(id -> tested(tool, id)));
  }

  /** Under javac's -Xlint:all and under ecj's default settings. */
  @ParameterizedTest
  @EnumSource(Compilations.Tool.class)
  void validOddConstructsCompileAndGenerateWithoutAnyWarning(Compilations.Tool tool) {
    List<Fixture> good = fixtures("corpus/good");
    assertThat(good).hasSizeGreaterThanOrEqualTo(5);

    Compilation compilation =
        Compilations.compile(tool, good.stream().map(Fixture::source).toArray(JavaFileObject[]::new));

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

  @ParameterizedTest
  @EnumSource(Compilations.Tool.class)
  void aClassNamedLikeAGeneratedOneClashes(Compilations.Tool tool) {
    JavaFileObject message = Compilations.fixture(SCENARIOS + "Clash.java");
    JavaFileObject existing = Compilations.fixture(SCENARIOS + "ClashProducer.java");

    Compilation compilation = Compilations.compile(tool, message, existing);

    assertThat(compilation)
        .hadErrorContaining("[courier.name-clash] Courier generates corpus.ClashProducer for corpus.Clash, but"
            + " a class of that name already exists.")
        .inFile(message)
        .onLineContaining("@KafkaMessage");
    tested(tool, "courier.name-clash");
  }

  @ParameterizedTest
  @EnumSource(Compilations.Tool.class)
  void twoMessageTypesWithTheSameGeneratedNamesClash(Compilations.Tool tool) {
    JavaFileObject nested = Compilations.fixture(SCENARIOS + "Twin.java");
    JavaFileObject topLevel = Compilations.fixture(SCENARIOS + "Twin_Inner.java");

    Compilation compilation = Compilations.compile(tool, nested, topLevel);

    assertThat(compilation)
        .hadErrorContaining("[courier.name-clash] Courier generates corpus.Twin_InnerProducer for"
            + " corpus.Twin_Inner, but it is also the class Courier generates for corpus.Twin.Inner.")
        .inFile(topLevel)
        .onLineContaining("@KafkaMessage");
    assertEveryCourierDiagnosticHasAPosition(compilation);
  }

  @ParameterizedTest
  @EnumSource(Compilations.Tool.class)
  void typesThatDoNotExistAreReportedAfterTheLastRound(Compilations.Tool tool) {
    JavaFileObject source = Compilations.fixture(SCENARIOS + "Unresolved.java");

    Compilation compilation = Compilations.compile(tool, source);

    assertThat(compilation)
        .hadErrorContaining(tool == Compilations.Tool.JAVAC ? "cannot find symbol" : "cannot be resolved to a type")
        .inFile(source)
        .onLineContaining("DoesNotExist missing");
    assertThat(compilation)
        .hadErrorContaining("[courier.unresolved] corpus.Unresolved refers to types that do not exist: DoesNotExist")
        .inFile(source)
        .onLineContaining("public class Unresolved");
    tested(tool, "courier.unresolved");
  }

  @ParameterizedTest
  @EnumSource(Compilations.Tool.class)
  void aStaleGeneratedSourceIsAWriteErrorNotACrash(Compilations.Tool tool) {
    JavaFileObject message = Compilations.fixture(SCENARIOS + "StaleOutput.java");
    JavaFileObject stale = Compilations.fixture(SCENARIOS + "StaleOutputProducer.java");

    Compilation compilation = Compilations.compile(tool, message, stale);

    assertThat(compilation)
        .hadErrorContaining("[courier.write] Courier could not write corpus.StaleOutputProducer for"
            + " corpus.StaleOutput")
        .inFile(message)
        .onLineContaining("public class StaleOutput");
    tested(tool, "courier.write");
  }

  @ParameterizedTest
  @EnumSource(Compilations.Tool.class)
  void anUnexpectedFailureIsAnErrorWithTheStackTraceNotACrash(Compilations.Tool tool) {
    JavaFileObject source = Compilations.fixture(SCENARIOS + "Crash.java");

    Compilation compilation =
        Compiler.compiler(tool.tool())
            .withClasspath(Compilations.CLASS_PATH)
            .withProcessors(
                new CourierProcessor(
                    type -> {
                      throw new IllegalStateException("boom");
                    }))
            .compile(source);

    assertThat(compilation)
        .hadErrorContaining("[courier.internal] Courier's processor failed on corpus.Crash; this is a bug in"
            + " Courier. java.lang.IllegalStateException: boom")
        .inFile(source)
        .onLineContaining("public class Crash");
    assertThat(compilation).hadErrorContaining("at dev.courier.processor.CourierProcessor");
    tested(tool, "courier.internal");
  }

  @ParameterizedTest
  @EnumSource(Compilations.Tool.class)
  void warningsAreReportedOnTheirAttribute(Compilations.Tool tool) {
    JavaFileObject collision = Compilations.fixture(SCENARIOS + "TopicCollision.java");
    JavaFileObject ordering = Compilations.fixture(SCENARIOS + "Ordering.java");

    Compilation compilation = tool.withProcessor().compile(collision, ordering);

    assertThat(compilation).succeeded();
    assertThat(compilation)
        .hadWarningContaining("[courier.topic.collision] @KafkaMessage(topic) on corpus.TopicCollision is"
            + " \"my.orders_v1\", which mixes '.' and '_'")
        .inFile(collision)
        .onLineContaining("topic = \"my.orders_v1\"");
    assertThat(compilation)
        .hadWarningContaining("[courier.ordering] enable.idempotence=false")
        .inFile(ordering)
        .onLineContaining("maxInFlight = 5");
    assertEveryCourierDiagnosticHasAPosition(compilation);
    tested(tool, "courier.topic.collision");
    tested(tool, "courier.ordering");
  }

  /**
   * A type changed against its baseline (a committed previous schema) in every way the evolution check refuses
   * under FULL with a strict reader: topic, key, a narrowed member, a required member added; and a baseline that
   * does not exist.
   */
  @ParameterizedTest
  @EnumSource(Compilations.Tool.class)
  void evolutionBreaksAreReportedOnTheirMember(Compilations.Tool tool) throws URISyntaxException {
    JavaFileObject source = Compilations.fixture(SCENARIOS + "Evolved.java");
    Path baseline = Path.of(BadInputCorpusTest.class.getClassLoader()
        .getResource(SCENARIOS + "evolution-baseline").toURI());

    Compilation compilation =
        tool.withProcessor("-Acourier.evolution.baseline=" + baseline).compile(source);

    String where = "(baseline " + baseline.resolve("corpus.Evolved.json") + ")";
    assertThat(compilation)
        .hadErrorContaining("[courier.evolution.topic] @KafkaMessage(topic) on corpus.Evolved is \"evolved.v2\", but"
            + " the previous version sends to \"evolved\" " + where)
        .inFile(source)
        .onLineContaining("topic = \"evolved.v2\"");
    assertThat(compilation)
        .hadErrorContaining("[courier.evolution.key] The key of corpus.Evolved is serialized by"
            + " org.apache.kafka.common.serialization.StringSerializer, but the previous version's is serialized by"
            + " org.apache.kafka.common.serialization.LongSerializer " + where)
        .inFile(source)
        .onLineContaining("@PartitionKey");
    assertThat(compilation)
        .hadErrorContaining("[courier.evolution.type] Member 'id' breaks FULL compatibility of corpus.Evolved")
        .inFile(source)
        .onLineContaining("String id");
    assertThat(compilation)
        .hadErrorContaining("[courier.evolution.type] Member 'cents' breaks FULL compatibility of corpus.Evolved:"
            + " records of the previous version may hold integers from -9223372036854775808 to 9223372036854775807")
        .inFile(source)
        .onLineContaining("int cents");
    assertThat(compilation)
        .hadErrorContaining("[courier.evolution.required] Member 'quantity' breaks FULL compatibility of"
            + " corpus.Evolved: this version requires it")
        .inFile(source)
        .onLineContaining("int quantity");
    assertThat(compilation)
        .hadErrorContaining("[courier.evolution.unknown] Member 'quantity' breaks FULL compatibility of"
            + " corpus.Evolved: this version's records have it, and the previous version's strict reader refuses")
        .inFile(source)
        .onLineContaining("int quantity");
    assertEveryCourierDiagnosticHasAPosition(compilation);

    Compilation missing =
        tool.withProcessor("-Acourier.evolution.baseline=" + baseline.resolve("missing")).compile(source);
    assertThat(missing)
        .hadErrorContaining("[courier.evolution.baseline] Courier cannot compare corpus.Evolved with its previous"
            + " version: the baseline " + baseline.resolve("missing") + " does not exist.")
        .inFile(source)
        .onLineContaining("@KafkaMessage(");
    Stream.of("topic", "key", "type", "required", "unknown", "baseline")
        .forEach(id -> tested(tool, "courier.evolution." + id));
  }

  @Test
  void javacSuppressesACourierWarningByIdWithoutAWarningOfItsOwn() {
    Compilation suppressed =
        Compilations.compile(
            Compilations.Tool.JAVAC, SCENARIOS + "SuppressedCollision.java", SCENARIOS + "SuppressedOrdering.java");

    assertThat(suppressed).succeededWithoutWarnings();
  }

  /**
   * ecj suppresses the warning too, but by default warns that it does not know the id; {@code -warn:-warningToken}
   * (in Eclipse and VS Code: {@code org.eclipse.jdt.core.compiler.problem.unhandledWarningToken=ignore}) turns that
   * off, as the processor's README says.
   */
  @Test
  void ecjSuppressesACourierWarningByIdOnceItsUnhandledTokenWarningIsOff() {
    String[] fixtures = {SCENARIOS + "SuppressedCollision.java", SCENARIOS + "SuppressedOrdering.java"};

    Compilation byDefault = Compilations.compileAllowingWarnings(Compilations.Tool.ECJ, fixtures);
    assertThat(byDefault).succeeded();
    assertThat(byDefault.warnings()).hasSize(2)
        .allMatch(w -> w.getMessage(null).startsWith("Unsupported @SuppressWarnings(\"courier."));

    Compilation quiet =
        Compilations.Tool.ECJ.withProcessor("-warn:-warningToken")
            .compile(Arrays.stream(fixtures).map(Compilations::fixture).toList());
    assertThat(quiet).succeededWithoutWarnings();
  }

  /**
   * Pins the one place ecj cannot show where a Courier error is: a record (its {@code Messager} has no case for
   * {@code RECORD}). When a newer ecj gives the position, this fails: then drop the caveat from the processor's
   * README and the record exception from
   * {@link #assertEclipseReports}.
   */
  @Test
  void ecjGivesNoPositionToAnErrorOnARecord() {
    JavaFileObject source = Compilations.fixture("corpus/bad/TopicSlash.java");

    Compilation ecj = Compilations.compile(Compilations.Tool.ECJ, source);
    Compilation javac = Compilations.compile(Compilations.Tool.JAVAC, source);

    assertThat(javac).hadErrorContaining("[courier.topic]").inFile(source).onLineContaining("\"orders/eu\"");
    assertThat(ecj).hadErrorContaining("[courier.topic] @KafkaMessage(topic) on corpus.TopicSlash");
    assertThat(ecj.errors()).singleElement().satisfies(d -> assertThat(d.getSource()).isNull());
  }

  private static void tested(Compilations.Tool tool, String id) {
    TESTED.computeIfAbsent(tool, t -> ConcurrentHashMap.newKeySet()).add(id);
  }

  /**
   * Every Courier diagnostic is on a file and a line: under ecj as well as javac, so that Eclipse and VS Code put a
   * marker in the editor.
   */
  private static void assertEveryCourierDiagnosticHasAPosition(Compilation compilation) {
    assertThat(compilation.diagnostics())
        .filteredOn(d -> d.getMessage(null).startsWith("[courier."))
        .allSatisfy(d -> assertThat(d.getSource() != null && d.getLineNumber() > 0)
            .as("%s has a file and a line", d.getMessage(null).lines().findFirst().orElse(""))
            .isTrue());
  }

  /** Runs last (by JUnit's default method order it may not; so it checks in an AfterAll). */
  @AfterAll
  static void everyProcessorMessageIdHasANegativeTestUnderEachCompiler() {
    for (Compilations.Tool tool : Compilations.Tool.values()) {
      assertThat(TESTED.getOrDefault(tool, Set.of()))
          .as("processor message ids and rule ids reachable from @KafkaMessage with a negative test under %s", tool)
          .containsAll(reachableIds().keySet());
    }
  }

  /**
   * Every diagnostic id a {@code @KafkaMessage} can get, and whether it is an error: every processor message, and
   * every rule but compression (the attribute is an enum and properties may not set it), kafka (nothing an
   * annotation can fix reaches it after the other checks), conflict (a runtime-only rule, see
   * {@code GeneratedProducersTest}) and connect.* (rules of a connector's configuration).
   */
  private static Map<String, Boolean> reachableIds() {
    Map<String, Boolean> ids = new TreeMap<>();
    for (ProcessorMessage message : ProcessorMessage.values()) {
      ids.put(message.id(), message.kind() == Diagnostic.Kind.ERROR);
    }
    for (Rule rule : Rule.values()) {
      ids.put(rule.id(), rule.severity() == Severity.ERROR);
    }
    ids.keySet().removeAll(Set.of("courier.compression", "courier.kafka", "courier.conflict"));
    ids.keySet().removeIf(id -> id.startsWith("courier.connect."));
    return ids;
  }

  /**
   * ecj reports the same Courier ids. Where it gives a position, it is the marked line, or, for an entry of an array
   * attribute ({@code properties}, a marked line that starts with a string literal), the line {@code @KafkaMessage}
   * starts on: ecj has no position for an array's entries and marks the annotation. On a class it gives every marked
   * error that position. ecj gives no position to anything reported on a record, its components or its implicit
   * members (its {@code Messager} knows no {@code RECORD} kind; {@code BaseMessagerImpl.createProblem}): such an error
   * is matched by the type it names, and this is asserted to happen only on records, so that a class can never lose
   * its position unnoticed. ecj's own errors (marked {@code javac}) are in the file, not always on javac's line.
   */
  private static void assertEclipseReports(Fixture fixture, List<Diagnostic<? extends JavaFileObject>> errors) {
    Set<String> expectedIds = fixture.expected().values().stream().flatMap(Set::stream)
        .collect(Collectors.toCollection(java.util.TreeSet::new));
    for (String id : expectedIds) {
      assertThat(errors)
          .as("%s: an error [%s]; the file's errors were:%n%s", fixture.name(), id, describe(errors))
          .anyMatch(d -> idOf(d).equals(id));
    }
    if (!fixture.record()) {
      fixture.expected().forEach((line, ids) -> {
        long ecjLine = fixture.entries().contains(line) ? fixture.annotationLine() : line;
        ids.stream().filter(id -> !id.equals(JAVAC)).forEach(id -> assertThat(errors)
            .as("%s: an error [%s] on line %d; the file's errors were:%n%s", fixture.name(), id, ecjLine,
                describe(errors))
            .anyMatch(d -> d.getLineNumber() == ecjLine && idOf(d).equals(id)));
      });
    }
    for (Diagnostic<? extends JavaFileObject> error : errors) {
      String id = idOf(error);
      assertThat(expectedIds.contains(id) || (id.equals(JAVAC) && fixture.javacAnywhere()))
          .as("%s: unexpected error %s", fixture.name(), message(error))
          .isTrue();
      if (id.equals(JAVAC)) {
        continue;
      }
      if (error.getSource() == null) {
        assertThat(fixture.record()).as("%s: [%s] without a position on a type that is not a record", fixture.name(),
            id).isTrue();
        continue;
      }
      long line = error.getLineNumber();
      boolean anEntryOf = line == fixture.annotationLine()
          && fixture.entries().stream().anyMatch(entry -> fixture.expected().get(entry).contains(id));
      assertThat(fixture.expected().getOrDefault(line, Set.of()).contains(id) || anEntryOf)
          .as("%s: [%s] on line %d", fixture.name(), id, line)
          .isTrue();
    }
  }

  /** Whether a diagnostic is about a fixture: in its file, or, without a position, naming its type. */
  private static boolean about(Diagnostic<? extends JavaFileObject> diagnostic, Fixture fixture) {
    if (diagnostic.getSource() != null) {
      return diagnostic.getSource().toUri().equals(fixture.source().toUri());
    }
    return Pattern.compile("\\bcorpus\\." + fixture.name() + "\\b").matcher(message(diagnostic)).find();
  }

  private static boolean belongsTo(String generatedName, Fixture fixture) {
    return simpleName(generatedName).startsWith(fixture.name())
        || simpleName(generatedName).startsWith("corpus." + fixture.name());
  }

  private static boolean generatedFor(String generatedName, String type) {
    String simple = simpleName(generatedName);
    // A nested type's base name joins its enclosing names with '_'; its resources are named by its binary name.
    return GENERATED_SUFFIXES.stream().anyMatch(s -> simple.equals(type + s))
        || generatedName.equals("META-INF/courier/corpus." + type + ".properties")
        || generatedName.equals("META-INF/courier/corpus." + type.replace('_', '$') + ".properties")
        || generatedName.equals("META-INF/courier/schemas/corpus." + type + ".json")
        || generatedName.equals("META-INF/courier/schemas/corpus." + type.replace('_', '$') + ".json");
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
