/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.processor.writer;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.courier.ValueFormat;
import dev.courier.processor.model.Member;
import dev.courier.processor.model.MessageModel;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import javax.lang.model.element.Modifier;

/**
 * Generates {@code TProducer}: the typed producer whose {@code send} is the message type's send mode. It writes, top
 * to bottom as they appear in the output, the class javadoc, {@code TOPIC} and {@code SETTINGS}, the constructors and
 * {@code create} factories, {@code toRecord} (key, timestamp and headers from the members), the sends or the
 * transaction API, {@code deliver}, {@code flush} and {@code close}; what differs per send mode (result type,
 * error handler, callback send, {@code deliver}'s body, the mode's javadoc) it asks its {@link SendStrategy}.
 */
final class ProducerWriter {
  private final MessageModel model;
  private final ProducerModel producer;
  private final ClassName self;
  private final TypeName message;
  private final TypeName producerType;
  private final TypeName recordType;
  private final SendStrategy mode;
  private final RecordWriter record;
  private final ClassName contract;

  ProducerWriter(MessageModel model, ProducerModel producer) {
    this.model = model;
    this.producer = producer;
    this.self = model.generated("Producer");
    this.message = model.typeName();
    this.producerType = ParameterizedTypeName.get(TypeNames.PRODUCER, producer.keyType(), producer.valueType());
    this.record = new RecordWriter(model, producer);
    this.recordType = record.recordType();
    this.contract = model.generated("Descriptor");
    this.mode = SendStrategy.of(model.sendMode(), self, message, producerType, recordType, producer.keyType());
  }

  JavaFile write() {
    TypeSpec.Builder type =
        TypeSpec.classBuilder(self)
            .addOriginatingElement(model.element())
            .addAnnotations(TypeNames.generated(model))
            .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
            .addSuperinterface(AutoCloseable.class)
            .addJavadoc(classDoc())
            .addField(
                FieldSpec.builder(String.class, "TOPIC", Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                    .addJavadoc("The topic every {@link $T} is sent to.\n", message)
                    .initializer("$S", model.topic())
                    .build())
            .addField(
                FieldSpec.builder(contract, "CONTRACT", Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                    .initializer("new $T()", contract)
                    .build())
            .addField(
                FieldSpec.builder(
                        TypeNames.PRODUCER_SETTINGS, "SETTINGS", Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                    .addJavadoc(
                        "The producer settings {@code @KafkaMessage} fixes on {@link $T}, with where each was"
                            + " fixed\n(see {@link $T#settings}). Runtime properties may add to them but not"
                            + " contradict them.\n",
                        message, contract)
                    .initializer("CONTRACT.settings()")
                    .build())
            .addField(producerType, "producer", Modifier.PRIVATE, Modifier.FINAL);
    mode.fields(type);
    mode.constructors(type, model.transactional()
        ? "\n<p>The producer must be ready for transactions: {@code initTransactions()} called, as\n{@link #create}"
            + " does. A {@code MockProducer} too: call its {@code initTransactions()} first.\n"
        : "");
    factories(type);
    type.addMethod(toRecord());
    if (model.transactional()) {
      transactions(type);
    } else {
      type.addMethod(send("send", "Sends a message", false));
      mode.extraSends(type, record.nullKeyThrows());
      if (producer.key().isPresent()) {
        type.addMethod(send("sendTombstone", "Sends a tombstone", true));
      }
    }
    type.addMethod(mode.deliver());
    type.addMethod(
        MethodSpec.methodBuilder("flush")
            .addModifiers(Modifier.PUBLIC)
            .addJavadoc("Sends every buffered record now and blocks until each is acknowledged or failed.\n")
            .addStatement("producer.flush()")
            .build());
    type.addMethod(
        MethodSpec.methodBuilder("close")
            .addAnnotation(Override.class)
            .addModifiers(Modifier.PUBLIC)
            .addJavadoc(
                "Closes the producer: waits until buffered records are sent (or fail), then releases its"
                    + " resources.\n")
            .addStatement("producer.close()")
            .build());
    type.addMethod(
        MethodSpec.methodBuilder("close")
            .addModifiers(Modifier.PUBLIC)
            .addParameter(Duration.class, "timeout")
            .addJavadoc(
                "Closes the producer, waiting at most {@code timeout} for buffered records.\n\n@param timeout how"
                    + " long to wait for buffered records to be sent\n")
            .addStatement("producer.close(timeout)")
            .build());
    return Generator.file(model, type.build());
  }

  private CodeBlock classDoc() {
    CodeBlock.Builder doc = CodeBlock.builder();
    doc.add("Sends {@link $T} messages to topic {@code $L}. Generated by Courier from {@code @KafkaMessage}.\n\n",
        message, model.topic());
    doc.add(mode.classDoc());
    if (model.transactional()) {
      doc.add("\n<p>Transactional: messages are sent inside {@link #inTransaction}, committed or aborted as a"
          + " unit.\n");
    }
    doc.add("\n<p>The record key is ");
    if (producer.key().isPresent()) {
      Member key = producer.key().get();
      doc.add("member {@code $L}, serialized with\n$L.\n", key.name(), javadocLink(producer.keySerializer()));
      if (record.refusesNullKey()) {
        doc.add("A message whose {@code $L} is {@code null} is refused: {@code send} throws a {@link $T}\nand"
            + " nothing is sent.\n", key.name(), TypeNames.NULL_KEY_EXCEPTION);
      } else if (key.keyNullable()) {
        doc.add("A message whose {@code $L} is {@code null} is sent with a {@code null} key\n"
            + "({@code @PartitionKey(nullable = true)}).\n", key.name());
      }
    } else {
      doc.add("{@code null}: no member is {@code @PartitionKey}.\n");
    }
    doc.add("The value is serialized with\n$L.\n", javadocLink(producer.valueSerializer()));
    if (model.valueFormat() == ValueFormat.SCHEMA_REGISTRY_JSON) {
      doc.add("\n<p>Value format {@code SCHEMA_REGISTRY_JSON}: each value is framed with the id of the type's JSON"
          + " Schema\nunder subject {@code $L} at the registry named by the runtime property\n"
          + "{@code schema.registry.url}; {@code create} registers the schema there (or looks it up, with\n"
          + "{@code auto.register.schemas=false}) before it creates the producer.\n",
          model.subjectNaming().subject(model.topic(), model.binaryName()));
    }
    String fixed = model.settings().settings().toProperties().entrySet().stream()
        .map(e -> "{@code " + e.getKey() + "=" + e.getValue() + "}")
        .collect(Collectors.joining(",\n"));
    doc.add("\n<p>Fixed settings (see {@link #SETTINGS}):\n$L.\n", fixed.isEmpty() ? "none" : fixed);
    doc.add("\n<p>Thread-safe, like the {@link $T} it wraps.\n", TypeNames.PRODUCER);
    return doc.build();
  }

  /**
   * A javadoc link to a class that the code itself does not use, written out so that it needs no import: an import
   * used only in javadoc is unused to ecj.
   */
  private String javadocLink(TypeName type) {
    if (type instanceof ClassName name) {
      return name.packageName().equals(model.packageName())
          ? "{@link " + name.simpleName() + "}"
          : "{@link " + name.canonicalName() + " " + name.simpleName() + "}";
    }
    return "{@code " + type + "}";
  }

  private void factories(TypeSpec.Builder type) {
    TypeName properties =
        ParameterizedTypeName.get(
            ClassName.get(Map.class),
            ClassName.get(String.class),
            com.palantir.javapoet.WildcardTypeName.subtypeOf(Object.class));
    String doc =
        "Creates the producer on a new\n$L\nconfigured with runtime properties (bootstrap servers, security, client"
            + " id, ...) merged with\n{@link #SETTINGS} and the serializers.\n"
            + (model.transactional()
                ? "\n<p>Calls {@code initTransactions()}, which waits for the broker up to {@code max.block.ms}."
                    + "\nEach running instance needs its own {@code transactional.id}: pass one that starts with"
                    + " the fixed\nid {@code " + model.settings().settings().transactionalId().orElse("")
                    + "}.\n"
                : "")
            + "\n@param runtimeProperties Kafka producer properties; they may add to the fixed settings but not"
            + " contradict them\n";
    String throwsDoc =
        "@throws dev.courier.config.ProducerSettingsException when a runtime property contradicts a fixed"
            + " setting\n    or breaks a rule; the message names the key and where it was fixed\n"
            + (model.valueFormat() == ValueFormat.SCHEMA_REGISTRY_JSON
                ? "@throws dev.courier.runtime.SchemaRegistryException when the registry refuses the type's schema"
                    + "\n    (incompatible, not registered, credentials) or cannot be reached\n"
                : "");
    CodeBlock create =
        CodeBlock.of("$T producer = $T.create(CONTRACT, runtimeProperties)", producerType, TypeNames.PRODUCERS);
    CodeBlock init = model.transactional()
        ? CodeBlock.builder().addStatement("$T.init(producer)", TypeNames.TRANSACTIONS).build()
        : CodeBlock.of("");
    mode.factories(
        type,
        () -> MethodSpec.methodBuilder("create")
            .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
            .returns(self)
            .addParameter(properties, "runtimeProperties")
            .addJavadoc(doc, javadocLink(TypeNames.KAFKA_PRODUCER)),
        "runtimeProperties",
        CodeBlock.builder().addStatement(create).add(init).build(),
        throwsDoc);
    String sharedDoc =
        "Creates the producer on the application's shared producers: it shares one\n"
            + "{@code KafkaProducer} with every type whose effective settings ({@link #SETTINGS} merged with the\n"
            + "shared runtime properties) agree"
            + (model.transactional()
                ? ", here the other types with the same {@code transactional.id}, whose\ntransactions take turns."
                    + "\n\n<p>Calls {@code initTransactions()} once for all of them, which waits for the broker up to"
                    + "\n{@code max.block.ms}"
                : "")
            + ".\n\n@param shared the application's shared producers\n";
    mode.factories(
        type,
        () -> MethodSpec.methodBuilder("create")
            .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
            .returns(self)
            .addParameter(TypeNames.SHARED_PRODUCERS, "shared")
            .addJavadoc(sharedDoc),
        "shared",
        CodeBlock.builder().addStatement("$T producer = shared.producer(CONTRACT)", producerType).add(init).build(),
        throwsDoc);
  }

  /** {@code toRecord}: what the descriptor's {@code toRecord}, which every path calls, builds. */
  private MethodSpec toRecord() {
    MethodSpec.Builder method = MethodSpec.methodBuilder("toRecord")
        .addModifiers(Modifier.PUBLIC)
        .returns(recordType)
        .addParameter(message, "message")
        .addJavadoc(
            "The record {@code send} sends for a message: topic {@link #TOPIC}, key, timestamp and headers"
                + " from\nthe message's members, as {@link $T#toRecord} derives them for every path.\n\n"
                + "@param message the message\n@return the record\n",
            contract)
        .addJavadoc(record.nullKeyThrows())
        .addStatement("return CONTRACT.toRecord(message)");
    if (record.refusesNullKey()) {
      // Declared although unchecked: the javadoc links it, and ecj counts an import used only in javadoc as unused.
      method.addException(TypeNames.NULL_KEY_EXCEPTION);
    }
    return method.build();
  }

  private CodeBlock sendDoc(String summary, boolean tombstone, boolean inTransaction) {
    String context = inTransaction ? " in this transaction" : "";
    String owner = inTransaction ? self.simpleName() : "";
    CodeBlock.Builder doc = CodeBlock.builder();
    if (tombstone) {
      doc.add(summary + context + ": a record with this key and a {@code null} value, which\ncompaction treats as a"
          + " delete.\n");
    } else {
      doc.add(summary + context + " to {@link " + owner + "#TOPIC}, keyed, stamped and with headers as\n{@link "
          + owner + "#toRecord} builds it.\n");
    }
    doc.add(mode.sendBehaviour());
    doc.add("\n");
    doc.add(tombstone ? "@param key the key, not {@code null}\n" : "@param message the message, not {@code null}\n");
    doc.add(mode.sendResultDoc(tombstone ? "the tombstone" : "the message"));
    if (!tombstone) {
      doc.add(record.nullKeyThrows());
    }
    return doc.build();
  }

  /** {@code send(T)} or {@code sendTombstone(K)} on the producer. */
  private MethodSpec send(String name, String summary, boolean tombstone) {
    return sendMethod(name, summary, tombstone, false);
  }

  /** {@code send(T)} or {@code sendTombstone(K)}, on the producer or on a transaction. */
  private MethodSpec sendMethod(String name, String summary, boolean tombstone, boolean inTransaction) {
    MethodSpec.Builder method =
        MethodSpec.methodBuilder(name).addModifiers(Modifier.PUBLIC).returns(mode.result());
    if (tombstone) {
      method.addParameter(producer.keyType(), "key");
    } else {
      method.addParameter(message, "message");
    }
    method.addJavadoc(sendDoc(summary, tombstone, inTransaction));
    if (inTransaction) {
      method.addStatement("checkActive()");
    }
    CodeBlock record =
        tombstone
            ? CodeBlock.of("new $T<>(TOPIC, $T.requireNonNull(key, $S), null)", TypeNames.PRODUCER_RECORD,
                Objects.class, "key")
            : CodeBlock.of("toRecord(message)");
    mode.sendStatement(method, record, tombstone);
    return method.build();
  }

  private void transactions(TypeSpec.Builder type) {
    ClassName transaction = self.nestedClass("Transaction");
    type.addMethod(
        MethodSpec.methodBuilder("inTransaction")
            .addModifiers(Modifier.PUBLIC, Modifier.SYNCHRONIZED)
            .addParameter(ParameterizedTypeName.get(ClassName.get(Consumer.class), transaction), "work")
            .addJavadoc(
                "Runs {@code work} in one Kafka transaction and commits it: the messages it sends become visible"
                    + "\nto {@code read_committed} consumers together, or not at all. One transaction runs at a"
                    + " time;\n{@code work} runs on the calling thread.\n\n<p>When {@code work} throws, the"
                    + " transaction is aborted and the exception is rethrown. When Kafka\nfails the transaction,"
                    + " it is aborted and a {@link $T} is thrown; after a fatal error\n(another producer with the"
                    + " same {@code transactional.id} fenced this one, authorization failed)\n"
                    + "{@link $T#isFatal()} is {@code true} and this producer must be closed.\n\n@param work sends"
                    + " the transaction's messages through the given {@link Transaction}\n@throws $T when the"
                    + " transaction did not commit\n",
                TypeNames.TRANSACTION_FAILED,
                TypeNames.TRANSACTION_FAILED,
                TypeNames.TRANSACTION_FAILED)
            // Declared although unchecked: the javadoc links it, and ecj counts an import used only in javadoc as
            // unused (a warning under its default settings).
            .addException(TypeNames.TRANSACTION_FAILED)
            .addStatement("$T.requireNonNull(work, $S)", Objects.class, "work")
            .addStatement("$T transaction = new $T()", transaction, transaction)
            .beginControlFlow("try")
            .addStatement(
                "$T.run(producer, $S, () -> work.accept(transaction))",
                TypeNames.TRANSACTIONS,
                self.simpleName() + " (topic " + model.topic() + ")")
            .nextControlFlow("finally")
            .addStatement("transaction.active = false")
            .endControlFlow()
            .build());
    TypeSpec.Builder inner =
        TypeSpec.classBuilder(transaction)
            .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
            .addJavadoc(
                "One open transaction of {@link $T}: what is sent through it is committed or aborted as a\nunit."
                    + " Valid only while the work given to {@link #inTransaction} runs.\n",
                self)
            .addField(FieldSpec.builder(TypeName.BOOLEAN, "active", Modifier.PRIVATE, Modifier.VOLATILE)
                .initializer("true").build())
            .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build())
            .addMethod(sendMethod("send", "Sends a message", false, true));
    if (producer.key().isPresent()) {
      inner.addMethod(sendMethod("sendTombstone", "Sends a tombstone", true, true));
    }
    inner.addMethod(
        MethodSpec.methodBuilder("checkActive")
            .addModifiers(Modifier.PRIVATE)
            .beginControlFlow("if (!active)")
            .addStatement(
                "throw new $T($S)",
                IllegalStateException.class,
                "This transaction has ended; send inside the work given to inTransaction")
            .endControlFlow()
            .build());
    type.addType(inner.build());
  }
}
