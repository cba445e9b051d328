/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import dev.courier.config.Rule;
import dev.courier.processor.diagnostics.ProcessorMessage;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One negative test per diagnostic id, under javac and under ecj (the Eclipse compiler, which Eclipse and VS Code
 * compile with): the bad fixture fails to compile with the id, in the fixture's file, on the line of the element or
 * annotation value it is about, and every Courier diagnostic has a file and a line.
 *
 * <p>The fixtures are classes: ecj's {@code Messager} gives no position to anything reported on a record, its
 * components or its implicit members (its {@code BaseMessagerImpl.createProblem} knows no {@code RECORD} kind), so
 * a record cannot show where an error is under ecj. Records are covered under javac by the bad-input corpus, and
 * what ecj does with them by {@link BadInputCorpusTest}.
 */
class DiagnosticsTest {
  private static final Map<Compilations.Tool, Set<String>> TESTED = new ConcurrentHashMap<>();

  static Stream<Arguments> errors() {
    return cases().flatMap(c -> Stream.of(Compilations.Tool.values()).map(tool -> Arguments.of(tool, c)));
  }

  /**
   * One error case. {@code line} is the line of the element or attribute the error is about. For an entry of an array
   * attribute ({@code properties}) javac marks the entry; ecj has no position for an array's entries and marks the
   * annotation ({@code @KafkaMessage(}).
   */
  record Case(String id, String fixture, String line, String text, boolean entry) {
    String line(Compilations.Tool tool) {
      return entry && tool == Compilations.Tool.ECJ ? "@KafkaMessage(" : line;
    }

    @Override
    public String toString() {
      return "[" + id + "] " + fixture;
    }
  }

  static Stream<Case> cases() {
    return Stream.of(
        error("courier.topic", "BadTopic", "topic = \"orders!\"", "is \"orders!\", which is not a legal Kafka topic"
            + " name: the character '!' at position 7 is not allowed"),
        error("courier.topic", "BlankTopic", "topic = \" \"", "a topic name cannot be blank"),
        error("courier.type.kind", "InterfaceMessage", "@KafkaMessage", "which is an interface"),
        error("courier.type.kind", "AbstractMessage", "@KafkaMessage", "which is an abstract class"),
        error("courier.type.generic", "GenericMessage", "@KafkaMessage", "declares type parameters <T>"),
        error("courier.type.nesting", "InnerMessage", "@KafkaMessage", "which is an inner (non-static) class"),
        error("courier.type.access", "PrivateMessage", "@KafkaMessage", "com.acme.PrivateMessage.Hidden"),
        error("courier.key.duplicate", "TwoKeys", "@PartitionKey String customerId",
            "more than one @PartitionKey member ('orderId', 'customerId')"),
        error("courier.key.type", "KeyType", "@PartitionKey Instant at", "has type java.time.Instant, for which"
            + " Kafka has no stock serializer"),
        error("courier.key.nullable", "KeyNullable", "nullable = true", "@PartitionKey(nullable = true) on member"
            + " 'id' of com.acme.KeyNullable cannot apply: its type long is primitive, so the key is never null."
            + " Fix: Remove nullable = true, or use Long if messages may have no key."),
        error("courier.key.missing", "KeyMissing", "keySerializer = StringSerializer.class",
            "but no member is @PartitionKey"),
        error("courier.serializer", "WrongSerializer", "valueSerializer = StringSerializer.class",
            "which serializes java.lang.String, not com.acme.WrongSerializer"),
        error("courier.serializer", "AbstractSerializer", "keySerializer = AbstractSerializer.KeyWriter.class",
            "which is abstract"),
        error("courier.member.unreadable", "Unreadable", "private long secret",
            "Member 'secret' of com.acme.Unreadable cannot be read by the generated code: the field is private and"
                + " there is no accessible getter getSecret() or secret()."),
        error("courier.member.type", "UnsupportedType", "File attachment",
            "Member 'attachment' of com.acme.UnsupportedType has type java.io.File, which Courier's JSON codec"
                + " cannot handle: java.io.File is a JDK type that Courier has no JSON form for"),
        error("courier.member.type", "UnsupportedMapKey", "Map<Integer, String> byNumber",
            "a Map whose keys are not String"),
        error("courier.member.type", "Recursive", "List<Recursive> children", "recursive (it contains itself)"),
        error("courier.creator", "NoCreator", "@KafkaMessage", "cannot create com.acme.NoCreator: it has no"
            + " accessible no-argument constructor, and no accessible constructor whose parameters are exactly its"
            + " members (id, amount)"),
        error("courier.member.access", "PrivateNested", "Line line", "reaches com.acme.PrivateNested.Line"),
        error("courier.member.duplicate", "DuplicateMember", "public class DuplicateMember",
            "two members named 'id' in com.acme.DuplicateMemberBase and in com.acme.DuplicateMember"),
        error("courier.member.derived", "Derived", "@PartitionKey", "@PartitionKey is on routingKey() of"
            + " com.acme.Derived, which is not the getter of a member"),
        error("courier.member.ignored", "IgnoredKey", "@PartitionKey", "@PartitionKey on static field 'region' of"
            + " com.acme.IgnoredKey would have no effect: it is static, so it is not part of the message"),
        error("courier.header.name", "HeaderName", "@Header(\" \") String trace", "has a blank name"),
        error("courier.header.duplicate", "HeaderDuplicate", "@Header(\"trace\") String second",
            "Header \"trace\" is sent by both 'first' and 'second'"),
        error("courier.header.type", "HeaderType", "@Header(\"count\") int count", "has type int, but a header"
            + " value is bytes"),
        error("courier.timestamp.duplicate", "TimestampDuplicate", "@Timestamp Instant updated",
            "more than one @Timestamp member ('created', 'updated')"),
        error("courier.timestamp.type", "TimestampType", "@Timestamp String when", "has type java.lang.String"),
        entry("courier.property.syntax", "PropertySyntax", "\"linger\"", "entry \"linger\" on"
            + " com.acme.PropertySyntax is not of the form key=value"),
        entry("courier.property.attribute", "PropertyAttribute", "\"acks=1\"", "sets acks, which the attribute"
            + " acks covers"),
        entry("courier.property.duplicate", "PropertyDuplicate", "\"max.request.size=2000000\"",
            "sets max.request.size again (first set by \"max.request.size=1000000\")"),
        // The shared rules, in their own words, on the attribute they are about.
        error("courier.idempotence.acks", "IdempotenceAcks", "acks = Acks.LEADER",
            "enable.idempotence=true (fixed by @KafkaMessage(idempotence) on com.acme.IdempotenceAcks) needs"
                + " acks=all, but acks=1 (fixed by @KafkaMessage(acks) on com.acme.IdempotenceAcks)"),
        error("courier.idempotence.retries", "IdempotenceRetries", "retries = 0", "needs retries > 0"),
        error("courier.idempotence.max-in-flight", "IdempotenceInFlight", "maxInFlight = 6",
            "needs max.in.flight.requests.per.connection <= 5, but it is 6"),
        error("courier.transaction.idempotence", "TransactionIdempotence", "idempotence = false",
            "transactional.id=orders-tx"),
        error("courier.transaction.retries", "TransactionRetries", "retries = 0",
            "transactional.id=orders-tx (fixed by @KafkaMessage(transactionalId) on com.acme.TransactionRetries)"
                + " needs retries > 0"),
        error("courier.transaction.acks", "TransactionAcks", "acks = Acks.LEADER", "needs acks=all, but acks=1"),
        error("courier.send-mode.acks", "SendModeAcks", "acks = Acks.NONE", "sendMode SYNC (fixed by"
            + " @KafkaMessage(sendMode) on com.acme.SendModeAcks) returns the record's offset"),
        error("courier.delivery-timeout", "DeliveryTimeout", "deliveryTimeoutMs = 1000",
            "delivery.timeout.ms=1000"),
        error("courier.batch-size.buffer-memory", "BatchBuffer", "batchSize = 2000000",
            "batch.size=2000000"),
        error("courier.invalid-value", "InvalidValue", "requestTimeoutMs = -5", "request.timeout.ms=-5 is invalid"),
        entry("courier.unknown-key", "UnknownKey", "\"max.request.sise=2097152\"",
            "Did you mean max.request.size?"));
  }

  private static Case error(String id, String fixture, String line, String text) {
    return new Case(id, fixture, line, text, false);
  }

  private static Case entry(String id, String fixture, String line, String text) {
    return new Case(id, fixture, line, text, true);
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("errors")
  void reportsTheErrorOnTheLineItIsAbout(Compilations.Tool tool, Case error) {
    JavaFileObject source = Compilations.fixture("bad/com/acme/" + error.fixture() + ".java");

    Compilation compilation = Compilations.compile(tool, source);

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorContaining("[" + error.id() + "] ").inFile(source)
        .onLineContaining(error.line(tool));
    assertThat(compilation).hadErrorContaining(error.text());
    assertThat(compilation.errors().stream().map(d -> d.getMessage(null)))
        .noneMatch(m -> m.contains("[courier.internal]"));
    assertEveryCourierDiagnosticHasAPosition(compilation);
    tested(tool, error.id());
  }

  @ParameterizedTest
  @EnumSource(Compilations.Tool.class)
  void aClassNamedLikeAGeneratedOneClashes(Compilations.Tool tool) {
    JavaFileObject message = Compilations.fixture("bad/com/acme/Clash.java");
    JavaFileObject existing = Compilations.fixture("bad/com/acme/ClashProducer.java");

    Compilation compilation = Compilations.compile(tool, message, existing);

    assertThat(compilation)
        .hadErrorContaining("[courier.name-clash] Courier generates com.acme.ClashProducer for com.acme.Clash, but"
            + " a class of that name already exists.")
        .inFile(message)
        .onLineContaining("@KafkaMessage");
    tested(tool, "courier.name-clash");
  }

  @ParameterizedTest
  @EnumSource(Compilations.Tool.class)
  void twoMessageTypesWithTheSameGeneratedNamesClash(Compilations.Tool tool) {
    JavaFileObject nested = Compilations.fixture("bad/com/acme/Twin.java");
    JavaFileObject topLevel = Compilations.fixture("bad/com/acme/Twin_Inner.java");

    Compilation compilation = Compilations.compile(tool, nested, topLevel);

    assertThat(compilation)
        .hadErrorContaining("[courier.name-clash] Courier generates com.acme.Twin_InnerProducer for"
            + " com.acme.Twin_Inner, but it is also the class Courier generates for com.acme.Twin.Inner.")
        .inFile(topLevel)
        .onLineContaining("@KafkaMessage");
    assertEveryCourierDiagnosticHasAPosition(compilation);
  }

  @ParameterizedTest
  @EnumSource(Compilations.Tool.class)
  void typesThatDoNotExistAreReportedAfterTheLastRound(Compilations.Tool tool) {
    JavaFileObject source = Compilations.fixture("bad/com/acme/Unresolved.java");

    Compilation compilation = Compilations.compile(tool, source);

    assertThat(compilation)
        .hadErrorContaining(tool == Compilations.Tool.JAVAC ? "cannot find symbol" : "cannot be resolved to a type")
        .inFile(source)
        .onLineContaining("DoesNotExist missing");
    assertThat(compilation)
        .hadErrorContaining("[courier.unresolved] com.acme.Unresolved refers to types that do not exist: DoesNotExist")
        .inFile(source)
        .onLineContaining("public class Unresolved");
    tested(tool, "courier.unresolved");
  }

  @ParameterizedTest
  @EnumSource(Compilations.Tool.class)
  void aStaleGeneratedSourceIsAWriteErrorNotACrash(Compilations.Tool tool) {
    JavaFileObject message = Compilations.fixture("bad/com/acme/StaleOutput.java");
    JavaFileObject stale = Compilations.fixture("bad/com/acme/StaleOutputProducer.java");

    Compilation compilation = Compilations.compile(tool, message, stale);

    assertThat(compilation)
        .hadErrorContaining("[courier.write] Courier could not write com.acme.StaleOutputProducer for"
            + " com.acme.StaleOutput")
        .inFile(message)
        .onLineContaining("public class StaleOutput");
    tested(tool, "courier.write");
  }

  @ParameterizedTest
  @EnumSource(Compilations.Tool.class)
  void anUnexpectedFailureIsAnErrorWithTheStackTraceNotACrash(Compilations.Tool tool) {
    JavaFileObject source = Compilations.fixture("bad/com/acme/Crash.java");

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
        .hadErrorContaining("[courier.internal] Courier's processor failed on com.acme.Crash; this is a bug in"
            + " Courier. java.lang.IllegalStateException: boom")
        .inFile(source)
        .onLineContaining("public class Crash");
    assertThat(compilation).hadErrorContaining("at dev.courier.processor.CourierProcessor");
    tested(tool, "courier.internal");
  }

  @ParameterizedTest
  @EnumSource(Compilations.Tool.class)
  void warningsAreReportedOnTheirAttribute(Compilations.Tool tool) {
    JavaFileObject collision = Compilations.fixture("bad/com/acme/TopicCollision.java");
    JavaFileObject ordering = Compilations.fixture("bad/com/acme/Ordering.java");

    Compilation compilation = tool.withProcessor().compile(collision, ordering);

    assertThat(compilation).succeeded();
    assertThat(compilation)
        .hadWarningContaining("[courier.topic.collision] @KafkaMessage(topic) on com.acme.TopicCollision is"
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

  @Test
  void javacSuppressesACourierWarningByIdWithoutAWarningOfItsOwn() {
    Compilation suppressed =
        Compilations.compile(
            Compilations.Tool.JAVAC, "bad/com/acme/SuppressedCollision.java", "bad/com/acme/SuppressedOrdering.java");

    assertThat(suppressed).succeededWithoutWarnings();
  }

  /**
   * ecj suppresses the warning too, but by default warns that it does not know the id; {@code -warn:-warningToken}
   * (in Eclipse and VS Code: {@code org.eclipse.jdt.core.compiler.problem.unhandledWarningToken=ignore}) turns that
   * off, as the processor's README says.
   */
  @Test
  void ecjSuppressesACourierWarningByIdOnceItsUnhandledTokenWarningIsOff() {
    String[] fixtures = {"bad/com/acme/SuppressedCollision.java", "bad/com/acme/SuppressedOrdering.java"};

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
   * README and the record exception from {@link BadInputCorpusTest}.
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
    Set<String> ids = Arrays.stream(ProcessorMessage.values()).map(ProcessorMessage::id).collect(Collectors.toSet());
    List<String> reachableRules =
        Arrays.stream(Rule.values())
            .map(Rule::id)
            // compression: the attribute is an enum and properties may not set it; kafka: nothing an annotation
            // can fix reaches it after the checks above; conflict: a runtime-only rule (GeneratedProducersTest);
            // connect.*: rules of a connector's configuration.
            .filter(id -> !Set.of("courier.compression", "courier.kafka", "courier.conflict").contains(id))
            .filter(id -> !id.startsWith("courier.connect."))
            .toList();
    for (Compilations.Tool tool : Compilations.Tool.values()) {
      Set<String> tested = TESTED.getOrDefault(tool, Set.of());
      assertThat(tested).as("processor message ids with a negative test under %s", tool).containsAll(ids);
      assertThat(tested).as("rule ids reachable from @KafkaMessage with a negative test under %s", tool)
          .containsAll(reachableRules);
    }
  }
}
