/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.processor.writer;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.NameAllocator;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.courier.SendMode;
import dev.courier.processor.model.Access;
import dev.courier.processor.model.Member;
import dev.courier.processor.model.MessageModel;
import dev.courier.processor.model.ScalarKind;
import dev.courier.processor.model.ValueType;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import javax.lang.model.element.Modifier;
import javax.lang.model.type.TypeKind;

/** Generates {@code TProducer}: the typed producer whose {@code send} is the message type's send mode. */
final class ProducerWriter {
  private static final TypeName FUTURE =
      ParameterizedTypeName.get(ClassName.get(CompletableFuture.class), Types.RECORD_METADATA);

  private final MessageModel model;
  private final ProducerModel producer;
  private final ClassName self;
  private final TypeName message;
  private final TypeName producerType;
  private final TypeName recordType;
  private final TypeName handlerType;
  private final SendMode mode;

  ProducerWriter(MessageModel model, ProducerModel producer) {
    this.model = model;
    this.producer = producer;
    this.self = model.generated("Producer");
    this.message = model.typeName();
    this.producerType = ParameterizedTypeName.get(Types.PRODUCER, producer.keyType(), producer.valueType());
    this.recordType = ParameterizedTypeName.get(Types.PRODUCER_RECORD, producer.keyType(), producer.valueType());
    this.handlerType = ParameterizedTypeName.get(Types.SEND_ERROR_HANDLER, producer.keyType(), message);
    this.mode = model.sendMode();
  }

  JavaFile write() {
    TypeSpec.Builder type =
        TypeSpec.classBuilder(self)
            .addOriginatingElement(model.element())
            .addAnnotations(Types.generated(model))
            .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
            .addSuperinterface(AutoCloseable.class)
            .addJavadoc(classDoc())
            .addField(
                FieldSpec.builder(String.class, "TOPIC", Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                    .addJavadoc("The topic every {@link $T} is sent to.\n", message)
                    .initializer("$S", model.topic())
                    .build())
            .addField(
                FieldSpec.builder(
                        Types.PRODUCER_SETTINGS, "SETTINGS", Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                    .addJavadoc(
                        "The producer settings {@code @KafkaMessage} fixes on {@link $T}, with where each was"
                            + " fixed.\nRuntime properties may add to them but not contradict them.\n",
                        message)
                    .initializer(SettingsCode.of(model.settings().settings()))
                    .build())
            .addField(producerType, "producer", Modifier.PRIVATE, Modifier.FINAL);
    if (mode == SendMode.FIRE_AND_FORGET) {
      type.addField(handlerType, "errorHandler", Modifier.PRIVATE, Modifier.FINAL);
    }
    constructors(type);
    factories(type);
    type.addMethod(toRecord());
    if (model.transactional()) {
      transactions(type);
    } else {
      type.addMethod(send("send", "Sends a message", false));
      if (mode == SendMode.ASYNC) {
        type.addMethod(sendWithCallback());
      }
      if (producer.key().isPresent()) {
        type.addMethod(send("sendTombstone", "Sends a tombstone", true));
      }
    }
    type.addMethod(deliver());
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
    return JavaFile.builder(model.packageName(), type.build())
        .addFileComment("Generated by Courier from $L. Do not edit.", model.qualifiedName())
        .skipJavaLangImports(true)
        .indent("  ")
        .build();
  }

  private CodeBlock classDoc() {
    CodeBlock.Builder doc = CodeBlock.builder();
    doc.add("Sends {@link $T} messages to topic {@code $L}. Generated by Courier from {@code @KafkaMessage}.\n\n",
        message, model.topic());
    switch (mode) {
      case FIRE_AND_FORGET:
        doc.add("<p>Send mode {@code FIRE_AND_FORGET}: {@code send} returns at once and never throws for a failed"
            + "\nsend; failures go to the {@link $T} (by default, logged with the topic and key).\n", Types
            .SEND_ERROR_HANDLER);
        break;
      case SYNC:
        doc.add("<p>Send mode {@code SYNC}: {@code send} blocks until the broker acknowledges the record and"
            + "\nreturns its {@link $T}, or throws a {@link $T} that carries the cause.\n", Types.RECORD_METADATA,
            Types.SEND_EXCEPTION);
        break;
      default:
        doc.add("<p>Send mode {@code ASYNC}: {@code send} never blocks on the broker; it returns a future of the"
            + "\nrecord's {@link $T}, which fails with a {@link $T} that carries the cause.\n",
            Types.RECORD_METADATA, Types.SEND_EXCEPTION);
    }
    if (model.transactional()) {
      doc.add("\n<p>Transactional: messages are sent inside {@link #inTransaction}, committed or aborted as a"
          + " unit.\n");
    }
    doc.add("\n<p>The record key is ");
    if (producer.key().isPresent()) {
      Member key = producer.key().get();
      doc.add("member {@code $L}, serialized with {@link $T}.\n", key.name(), producer.keySerializer());
      if (refusesNullKey()) {
        doc.add("A message whose {@code $L} is {@code null} is refused: {@code send} throws a {@link $T}\nand"
            + " nothing is sent.\n", key.name(), Types.NULL_KEY_EXCEPTION);
      } else if (key.keyNullable()) {
        doc.add("A message whose {@code $L} is {@code null} is sent with a {@code null} key\n"
            + "({@code @PartitionKey(nullable = true)}).\n", key.name());
      }
    } else {
      doc.add("{@code null}: no member is {@code @PartitionKey}.\n");
    }
    doc.add("The value is serialized with {@link $T}.\n", producer.valueSerializer());
    String fixed = model.settings().settings().toProperties().entrySet().stream()
        .map(e -> "{@code " + e.getKey() + "=" + e.getValue() + "}")
        .collect(Collectors.joining(",\n"));
    doc.add("\n<p>Fixed settings (see {@link #SETTINGS}):\n$L.\n", fixed.isEmpty() ? "none" : fixed);
    doc.add("\n<p>Thread-safe, like the {@link $T} it wraps.\n", Types.PRODUCER);
    return doc.build();
  }

  /** Whether {@code toRecord} refuses a message whose key member is {@code null}. */
  private boolean refusesNullKey() {
    return producer.key().filter(k -> !k.keyNullable() && !k.type().getKind().isPrimitive()).isPresent();
  }

  /** The {@code @throws} line of a method that refuses a message without key, or nothing. */
  private CodeBlock nullKeyThrows() {
    return refusesNullKey()
        ? CodeBlock.of("@throws $T when {@code $L} is {@code null}; nothing is sent\n", Types.NULL_KEY_EXCEPTION,
            producer.key().get().name())
        : CodeBlock.of("");
  }

  private void constructors(TypeSpec.Builder type) {
    String transactional =
        model.transactional() ? "\n<p>Calls {@code initTransactions()} on the producer.\n" : "";
    if (mode == SendMode.FIRE_AND_FORGET) {
      type.addMethod(
          MethodSpec.constructorBuilder()
              .addModifiers(Modifier.PUBLIC)
              .addParameter(producerType, "producer")
              .addJavadoc(
                  "Wraps a producer, for example a {@code MockProducer} in tests; failures are logged.\n"
                      + transactional
                      + "\n@param producer a producer whose serializers write what {@link #create} would\n")
              .addStatement("this(producer, $T.logging())", Types.SEND_ERROR_HANDLER)
              .build());
      MethodSpec.Builder constructor =
          MethodSpec.constructorBuilder()
              .addModifiers(Modifier.PUBLIC)
              .addParameter(producerType, "producer")
              .addParameter(handlerType, "errorHandler")
              .addJavadoc(
                  "Wraps a producer, for example a {@code MockProducer} in tests.\n"
                      + transactional
                      + "\n@param producer a producer whose serializers write what {@link #create} would\n"
                      + "@param errorHandler receives every failed send\n")
              .addStatement("this.producer = $T.requireNonNull(producer, $S)", Objects.class, "producer")
              .addStatement("this.errorHandler = $T.requireNonNull(errorHandler, $S)", Objects.class,
                  "errorHandler");
      if (model.transactional()) {
        constructor.addStatement("producer.initTransactions()");
      }
      type.addMethod(constructor.build());
    } else {
      MethodSpec.Builder constructor =
          MethodSpec.constructorBuilder()
              .addModifiers(Modifier.PUBLIC)
              .addParameter(producerType, "producer")
              .addJavadoc(
                  "Wraps a producer, for example a {@code MockProducer} in tests.\n"
                      + transactional
                      + "\n@param producer a producer whose serializers write what {@link #create} would\n")
              .addStatement("this.producer = $T.requireNonNull(producer, $S)", Objects.class, "producer");
      if (model.transactional()) {
        constructor.addStatement("producer.initTransactions()");
      }
      type.addMethod(constructor.build());
    }
  }

  private void factories(TypeSpec.Builder type) {
    TypeName properties =
        ParameterizedTypeName.get(
            ClassName.get(Map.class),
            ClassName.get(String.class),
            com.palantir.javapoet.WildcardTypeName.subtypeOf(Object.class));
    CodeBlock config =
        CodeBlock.builder()
            .add("$T<$T, $T> config =\n$>$>SETTINGS.toBuilder()\n$>$>", Map.class, String.class, Object.class)
            .add(".origin($S)\n", "the serializers of " + self.simpleName())
            .add(".property($T.KEY_SERIALIZER_CLASS_CONFIG, $T.class.getName())\n", Types.PRODUCER_CONFIG,
                producer.keySerializer())
            .add(".property($T.VALUE_SERIALIZER_CLASS_CONFIG, $T.class.getName())\n", Types.PRODUCER_CONFIG,
                producer.valueSerializer())
            .add(".build()\n")
            .add(".merge(runtimeProperties);\n$<$<$<$<")
            .build();
    String doc =
        "Creates the producer on a new {@link $T} configured with runtime properties (bootstrap servers,\n"
            + "security, client id, ...) merged with {@link #SETTINGS} and the serializers.\n"
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
            + " setting\n    or breaks a rule; the message names the key and where it was fixed\n";
    CodeBlock create =
        CodeBlock.of(
            "$T producer =$Wnew $T<>(config,$Wnew $T(),$Wnew $T())",
            producerType,
            Types.KAFKA_PRODUCER,
            producer.keySerializer(),
            producer.valueSerializer());
    if (mode == SendMode.FIRE_AND_FORGET) {
      type.addMethod(
          MethodSpec.methodBuilder("create")
              .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
              .returns(self)
              .addParameter(properties, "runtimeProperties")
              .addJavadoc(doc + "@return the producer; failures of sends are logged\n" + throwsDoc, Types.KAFKA_PRODUCER)
              .addStatement("return create(runtimeProperties, $T.logging())", Types.SEND_ERROR_HANDLER)
              .build());
      type.addMethod(
          MethodSpec.methodBuilder("create")
              .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
              .returns(self)
              .addParameter(properties, "runtimeProperties")
              .addParameter(handlerType, "errorHandler")
              .addJavadoc(doc + "@param errorHandler receives every failed send\n@return the producer\n" + throwsDoc,
                  Types.KAFKA_PRODUCER)
              .addCode(config)
              .addStatement(create)
              .addStatement("return new $T(producer, errorHandler)", self)
              .build());
    } else {
      type.addMethod(
          MethodSpec.methodBuilder("create")
              .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
              .returns(self)
              .addParameter(properties, "runtimeProperties")
              .addJavadoc(doc + "@return the producer\n" + throwsDoc, Types.KAFKA_PRODUCER)
              .addCode(config)
              .addStatement(create)
              .addStatement("return new $T(producer)", self)
              .build());
    }
  }

  private MethodSpec toRecord() {
    NameAllocator names = new NameAllocator();
    names.newName("message", "message");
    names.newName("record", "record");
    MethodSpec.Builder method =
        MethodSpec.methodBuilder("toRecord")
            .addModifiers(Modifier.PUBLIC)
            .returns(recordType)
            .addParameter(message, "message")
            .addJavadoc(
                "The record {@code send} sends for a message: topic {@link #TOPIC}, key, timestamp and headers"
                    + " from\nthe message's members.\n\n@param message the message\n@return the record\n")
            .addJavadoc(nullKeyThrows())
            .addStatement("$T.requireNonNull(message, $S)", Objects.class, "message");
    CodeBlock key = producer.key().map(k -> access(k)).orElse(CodeBlock.of("null"));
    if (refusesNullKey()) {
      Member member = producer.key().get();
      String local = names.newName(member.name(), "key");
      method.addStatement("$T $N = $L", TypeName.get(member.type()), local, key);
      method.beginControlFlow("if ($N == null)", local);
      method.addStatement("throw new $T($S, $S)", Types.NULL_KEY_EXCEPTION, model.binaryName(), member.name());
      method.endControlFlow();
      key = CodeBlock.of("$N", local);
    }
    CodeBlock timestamp = null;
    if (producer.timestamp().isPresent()) {
      Member member = producer.timestamp().get();
      if (member.valueType() instanceof ValueType.Scalar scalar && scalar.kind() == ScalarKind.INSTANT) {
        String local = names.newName(member.name(), member);
        String millis = names.newName("timestamp", "timestamp");
        method.addStatement("$T $N = $L", member.valueType().typeName(), local, access(member));
        method.addStatement("$T $N = $N == null ? null : $N.toEpochMilli()", Long.class, millis, local, local);
        timestamp = CodeBlock.of("$N", millis);
      } else {
        timestamp = access(member);
      }
    }
    CodeBlock create;
    if (timestamp != null) {
      create = CodeBlock.of("new $T<>(TOPIC, null, $L, $L, message)", Types.PRODUCER_RECORD, timestamp, key);
    } else if (producer.key().isPresent()) {
      create = CodeBlock.of("new $T<>(TOPIC, $L, message)", Types.PRODUCER_RECORD, key);
    } else {
      create = CodeBlock.of("new $T<>(TOPIC, message)", Types.PRODUCER_RECORD);
    }
    if (producer.headers().isEmpty()) {
      return method.addStatement("return $L", create).build();
    }
    method.addStatement("$T record =$W$L", recordType, create);
    for (Member header : producer.headers()) {
      String local = names.newName(header.name(), header);
      method.addStatement("$T $N = $L", header.valueType().typeName(), local, access(header));
      method.beginControlFlow("if ($N != null)", local);
      if (header.type().getKind() == TypeKind.ARRAY) {
        method.addStatement("record.headers().add($S, $N)", header.headerName(), local);
      } else {
        method.addStatement("record.headers().add($S, $N.getBytes($T.UTF_8))", header.headerName(), local,
            StandardCharsets.class);
      }
      method.endControlFlow();
    }
    return method.addStatement("return record").build();
  }

  private static CodeBlock access(Member member) {
    Access access = member.read().orElseThrow();
    return access.kind() == Access.Kind.FIELD
        ? CodeBlock.of("message.$N", access.name())
        : CodeBlock.of("message.$N()", access.name());
  }

  private TypeName sendResult() {
    switch (mode) {
      case FIRE_AND_FORGET:
        return TypeName.VOID;
      case SYNC:
        return Types.RECORD_METADATA;
      default:
        return FUTURE;
    }
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
    String what = tombstone ? "the tombstone" : "the message";
    switch (mode) {
      case FIRE_AND_FORGET:
        doc.add("\n<p>Returns at once and never throws for a failed send: failures go to the error handler.\n");
        break;
      case SYNC:
        doc.add("\n<p>Blocks until the broker acknowledges the record: at most {@code max.block.ms} +\n"
            + "{@code delivery.timeout.ms}.\n");
        break;
      default:
        doc.add("\n<p>Never blocks on the broker's answer.\n");
        break;
    }
    doc.add("\n");
    doc.add(tombstone ? "@param key the key, not {@code null}\n" : "@param message the message, not {@code null}\n");
    switch (mode) {
      case SYNC:
        doc.add("@return the metadata of the acknowledged record (partition, offset, timestamp)\n");
        doc.add("@throws $T when $L could not be sent, with Kafka's exception as the cause\n",
            Types.SEND_EXCEPTION, what);
        break;
      case ASYNC:
        doc.add("@return completes with the record's metadata once the broker acknowledged it, or\n"
            + "    exceptionally with a {@link $T} carrying Kafka's exception\n", Types.SEND_EXCEPTION);
        break;
      default:
        break;
    }
    if (!tombstone) {
      doc.add(nullKeyThrows());
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
        MethodSpec.methodBuilder(name).addModifiers(Modifier.PUBLIC).returns(sendResult());
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
            ? CodeBlock.of("new $T<>(TOPIC, $T.requireNonNull(key, $S), null)", Types.PRODUCER_RECORD,
                Objects.class, "key")
            : CodeBlock.of("toRecord(message)");
    CodeBlock messageArgument = mode == SendMode.FIRE_AND_FORGET
        ? CodeBlock.of(", $L", tombstone ? "null" : "message")
        : CodeBlock.of("");
    if (mode == SendMode.FIRE_AND_FORGET) {
      method.addStatement("deliver($L$L)", record, messageArgument);
    } else {
      method.addStatement("return deliver($L)", record);
    }
    return method.build();
  }

  private MethodSpec sendWithCallback() {
    return MethodSpec.methodBuilder("send")
        .addModifiers(Modifier.PUBLIC)
        .addParameter(message, "message")
        .addParameter(Types.CALLBACK, "callback")
        .addJavadoc(
            "Sends a message without blocking on the broker, and calls {@code callback} on Kafka's I/O thread with"
                + "\nthe record's metadata or the exception. Like {@link $T#send(ProducerRecord, $T)}, it throws"
                + "\nwhat fails before the record is queued (for example a serialization error).\n\n@param message"
                + " the message, not {@code null}\n@param callback called once the send succeeded or failed\n",
            Types.PRODUCER,
            Types.CALLBACK)
        .addJavadoc(nullKeyThrows())
        .addStatement("producer.send(toRecord(message), callback)")
        .build();
  }

  /** The one place a record is handed to Kafka, shaped by the send mode. */
  private MethodSpec deliver() {
    MethodSpec.Builder method =
        MethodSpec.methodBuilder("deliver")
            .addModifiers(Modifier.PRIVATE)
            .returns(sendResult())
            .addParameter(recordType, "record");
    switch (mode) {
      case FIRE_AND_FORGET:
        method.addParameter(message, "message");
        method.beginControlFlow("try");
        // An anonymous class, not a lambda: the metadata goes unused, which ecj warns about for a lambda's
        // parameter under its default settings, but not for an overriding method's.
        method.addStatement("producer.send(record, $L)", TypeSpec.anonymousClassBuilder("")
            .addSuperinterface(Types.CALLBACK)
            .addMethod(MethodSpec.methodBuilder("onCompletion")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .addParameter(Types.RECORD_METADATA, "metadata")
                .addParameter(Exception.class, "exception")
                .beginControlFlow("if (exception != null)")
                .addStatement("errorHandler.onError(TOPIC, record.key(), message, exception)")
                .endControlFlow()
                .build())
            .build());
        method.nextControlFlow("catch ($T e)", RuntimeException.class);
        method.addStatement("errorHandler.onError(TOPIC, record.key(), message, e)");
        method.endControlFlow();
        break;
      case SYNC:
        method.beginControlFlow("try");
        method.addStatement("return producer.send(record).get()");
        method.nextControlFlow("catch ($T e)", InterruptedException.class);
        method.addStatement("$T.currentThread().interrupt()", Thread.class);
        method.addStatement("throw new $T(TOPIC, record.key(), e)", Types.SEND_EXCEPTION);
        method.nextControlFlow("catch ($T e)", ExecutionException.class);
        method.addStatement("throw new $T(TOPIC, record.key(), e.getCause())", Types.SEND_EXCEPTION);
        method.nextControlFlow("catch ($T e)", RuntimeException.class);
        method.addStatement("throw new $T(TOPIC, record.key(), e)", Types.SEND_EXCEPTION);
        method.endControlFlow();
        break;
      default:
        method.addStatement("$T result = new $T<>()", FUTURE, CompletableFuture.class);
        method.beginControlFlow("try");
        method.addCode("producer.send(record, (metadata, exception) -> {\n$>");
        method.beginControlFlow("if (exception == null)");
        method.addStatement("result.complete(metadata)");
        method.nextControlFlow("else");
        method.addStatement("result.completeExceptionally(new $T(TOPIC, record.key(), exception))",
            Types.SEND_EXCEPTION);
        method.endControlFlow();
        method.addCode("$<});\n");
        method.nextControlFlow("catch ($T e)", RuntimeException.class);
        method.addStatement("result.completeExceptionally(new $T(TOPIC, record.key(), e))", Types.SEND_EXCEPTION);
        method.endControlFlow();
        method.addStatement("return result");
        break;
    }
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
                Types.TRANSACTION_FAILED,
                Types.TRANSACTION_FAILED,
                Types.TRANSACTION_FAILED)
            // Declared although unchecked: the javadoc links it, and ecj counts an import used only in javadoc as
            // unused (a warning under its default settings).
            .addException(Types.TRANSACTION_FAILED)
            .addStatement("$T.requireNonNull(work, $S)", Objects.class, "work")
            .addStatement("$T transaction = new $T()", transaction, transaction)
            .beginControlFlow("try")
            .addStatement(
                "$T.run(producer, $S, () -> work.accept(transaction))",
                Types.TRANSACTIONS,
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
