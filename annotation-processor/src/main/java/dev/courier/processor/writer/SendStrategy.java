/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.processor.writer;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.courier.SendMode;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;
import javax.lang.model.element.Modifier;

/**
 * What one {@link SendMode} writes into a generated producer, so that {@link ProducerWriter} asks its strategy
 * instead of switching on the mode: the result type of {@code send}, the private {@code deliver} that hands a record
 * to Kafka, the send statement, the mode's paragraphs of the class and send javadoc, and the members only that mode
 * has (the error handler field, constructor and factory of {@code FIRE_AND_FORGET}, the callback {@code send} of
 * {@code ASYNC}). The base class writes the parts {@code SYNC} and {@code ASYNC} share: one constructor and one
 * {@code create}.
 */
abstract sealed class SendStrategy {
  /** The generated producer. */
  final ClassName self;
  /** The message type. */
  final TypeName message;
  /** {@code Producer<K, V>}. */
  final TypeName producerType;
  /** {@code ProducerRecord<K, V>}. */
  final TypeName recordType;

  private SendStrategy(ClassName self, TypeName message, TypeName producerType, TypeName recordType) {
    this.self = self;
    this.message = message;
    this.producerType = producerType;
    this.recordType = recordType;
  }

  /**
   * The strategy of a send mode.
   *
   * @param mode the message type's send mode
   * @param self the generated producer
   * @param message the message type
   * @param producerType {@code Producer<K, V>}
   * @param recordType {@code ProducerRecord<K, V>}
   * @param keyType the producer's key type
   * @return the strategy that writes that mode
   */
  static SendStrategy of(SendMode mode, ClassName self, TypeName message, TypeName producerType, TypeName recordType,
      TypeName keyType) {
    switch (mode) {
      case FIRE_AND_FORGET:
        return new FireAndForget(self, message, producerType, recordType,
            ParameterizedTypeName.get(TypeNames.SEND_ERROR_HANDLER, keyType, message));
      case SYNC:
        return new Sync(self, message, producerType, recordType);
      default:
        return new Async(self, message, producerType, recordType);
    }
  }

  /** The class javadoc's paragraph on the send mode. */
  abstract CodeBlock classDoc();

  /** The return type of {@code send}, {@code sendTombstone} and {@code deliver}. */
  abstract TypeName result();

  /** Adds the fields beside {@code producer}; none by default. */
  void fields(TypeSpec.Builder type) {}

  /**
   * Adds the constructors: by default one that wraps a producer.
   *
   * @param transactional the javadoc paragraph of a transactional producer, or empty
   */
  void constructors(TypeSpec.Builder type, String transactional) {
    type.addMethod(wrapper(transactional)
        .addJavadoc("\n@param producer a producer whose serializers write what {@link #create} would\n")
        .addStatement("this.producer = $T.requireNonNull(producer, $S)", Objects.class, "producer")
        .build());
  }

  /** A public constructor taking {@code producer}, with the javadoc's first lines. */
  final MethodSpec.Builder wrapper(String transactional) {
    return MethodSpec.constructorBuilder()
        .addModifiers(Modifier.PUBLIC)
        .addParameter(producerType, "producer")
        .addJavadoc("Wraps a producer, for example a {@code MockProducer} in tests.\n" + transactional);
  }

  /**
   * Adds the {@code create} factories: by default one.
   *
   * @param type the producer
   * @param create a new {@code create(argument)} with the javadoc's description
   * @param argument the name of its parameter
   * @param body the statements that build the {@code Producer} named {@code producer}
   * @param throwsDoc the javadoc's {@code @throws} lines
   */
  void factories(TypeSpec.Builder type, Supplier<MethodSpec.Builder> create, String argument, CodeBlock body,
      String throwsDoc) {
    type.addMethod(create.get()
        .addJavadoc("@return the producer\n" + throwsDoc)
        .addCode(body)
        .addStatement("return new $T(producer)", self)
        .build());
  }

  /**
   * Adds the send methods only this mode has, after {@code send}; none by default.
   *
   * @param nullKeyThrows the {@code @throws} line for a message without key, or empty
   */
  void extraSends(TypeSpec.Builder type, CodeBlock nullKeyThrows) {}

  /** The send javadoc's paragraph on blocking and failures. */
  abstract String sendBehaviour();

  /**
   * The send javadoc's {@code @return} and {@code @throws} lines of the mode.
   *
   * @param what {@code the message} or {@code the tombstone}
   */
  abstract CodeBlock sendResultDoc(String what);

  /**
   * Adds the statement that hands {@code record} to {@code deliver}.
   *
   * @param record the expression of the record
   * @param tombstone whether the record is a tombstone (no message)
   */
  void sendStatement(MethodSpec.Builder method, CodeBlock record, boolean tombstone) {
    method.addStatement("return deliver($L)", record);
  }

  /** The one place a record is handed to Kafka. */
  final MethodSpec deliver() {
    MethodSpec.Builder method =
        MethodSpec.methodBuilder("deliver")
            .addModifiers(Modifier.PRIVATE)
            .returns(result())
            .addParameter(recordType, "record");
    deliverBody(method);
    return method.build();
  }

  /** Adds the parameters after {@code record} and the body of {@code deliver}. */
  abstract void deliverBody(MethodSpec.Builder method);

  /**
   * {@code FIRE_AND_FORGET}: {@code send} returns nothing and never throws for a failed send; failures go to a
   * {@code SendErrorHandler} the producer holds (logging by default), so this mode adds the handler's field, a
   * constructor and a {@code create} that take one, and passes the message to {@code deliver} for the handler.
   */
  private static final class FireAndForget extends SendStrategy {
    private final TypeName handlerType;

    FireAndForget(ClassName self, TypeName message, TypeName producerType, TypeName recordType,
        TypeName handlerType) {
      super(self, message, producerType, recordType);
      this.handlerType = handlerType;
    }

    @Override
    CodeBlock classDoc() {
      return CodeBlock.of("<p>Send mode {@code FIRE_AND_FORGET}: {@code send} returns at once and never throws for a"
          + " failed\nsend; failures go to the {@link $T} (by default, logged with the topic and key).\n",
          TypeNames.SEND_ERROR_HANDLER);
    }

    @Override
    TypeName result() {
      return TypeName.VOID;
    }

    @Override
    void fields(TypeSpec.Builder type) {
      type.addField(handlerType, "errorHandler", Modifier.PRIVATE, Modifier.FINAL);
    }

    @Override
    void constructors(TypeSpec.Builder type, String transactional) {
      type.addMethod(
          MethodSpec.constructorBuilder()
              .addModifiers(Modifier.PUBLIC)
              .addParameter(producerType, "producer")
              .addJavadoc(
                  "Wraps a producer, for example a {@code MockProducer} in tests; failures are logged.\n"
                      + transactional
                      + "\n@param producer a producer whose serializers write what {@link #create} would\n")
              .addStatement("this(producer, $T.logging())", TypeNames.SEND_ERROR_HANDLER)
              .build());
      type.addMethod(wrapper(transactional)
          .addParameter(handlerType, "errorHandler")
          .addJavadoc("\n@param producer a producer whose serializers write what {@link #create} would\n"
              + "@param errorHandler receives every failed send\n")
          .addStatement("this.producer = $T.requireNonNull(producer, $S)", Objects.class, "producer")
          .addStatement("this.errorHandler = $T.requireNonNull(errorHandler, $S)", Objects.class, "errorHandler")
          .build());
    }

    @Override
    void factories(TypeSpec.Builder type, Supplier<MethodSpec.Builder> create, String argument, CodeBlock body,
        String throwsDoc) {
      type.addMethod(create.get()
          .addJavadoc("@return the producer; failures of sends are logged\n" + throwsDoc)
          .addStatement("return create($N, $T.logging())", argument, TypeNames.SEND_ERROR_HANDLER)
          .build());
      type.addMethod(create.get()
          .addParameter(handlerType, "errorHandler")
          .addJavadoc("@param errorHandler receives every failed send\n@return the producer\n" + throwsDoc)
          .addCode(body)
          .addStatement("return new $T(producer, errorHandler)", self)
          .build());
    }

    @Override
    String sendBehaviour() {
      return "\n<p>Returns at once and never throws for a failed send: failures go to the error handler.\n";
    }

    @Override
    CodeBlock sendResultDoc(String what) {
      return CodeBlock.of("");
    }

    @Override
    void sendStatement(MethodSpec.Builder method, CodeBlock record, boolean tombstone) {
      method.addStatement("deliver($L, $L)", record, tombstone ? "null" : "message");
    }

    @Override
    void deliverBody(MethodSpec.Builder method) {
      method.addParameter(message, "message");
      method.beginControlFlow("try");
      // An anonymous class, not a lambda: the metadata goes unused, which ecj warns about for a lambda's
      // parameter under its default settings, but not for an overriding method's.
      method.addStatement("producer.send(record, $L)", TypeSpec.anonymousClassBuilder("")
          .addSuperinterface(TypeNames.CALLBACK)
          .addMethod(MethodSpec.methodBuilder("onCompletion")
              .addAnnotation(Override.class)
              .addModifiers(Modifier.PUBLIC)
              .addParameter(TypeNames.RECORD_METADATA, "metadata")
              .addParameter(Exception.class, "exception")
              .beginControlFlow("if (exception != null)")
              .addStatement("errorHandler.onError(TOPIC, record.key(), message, exception)")
              .endControlFlow()
              .build())
          .build());
      method.nextControlFlow("catch ($T e)", RuntimeException.class);
      method.addStatement("errorHandler.onError(TOPIC, record.key(), message, e)");
      method.endControlFlow();
    }
  }

  /**
   * {@code SYNC}: {@code send} blocks until the broker acknowledges the record and returns its
   * {@code RecordMetadata}; {@code deliver} waits on Kafka's future and turns every failure, interruption included,
   * into a {@code SendException} that carries the cause.
   */
  private static final class Sync extends SendStrategy {
    Sync(ClassName self, TypeName message, TypeName producerType, TypeName recordType) {
      super(self, message, producerType, recordType);
    }

    @Override
    CodeBlock classDoc() {
      return CodeBlock.of("<p>Send mode {@code SYNC}: {@code send} blocks until the broker acknowledges the record"
          + " and\nreturns its {@link $T}, or throws a {@link $T} that carries the cause.\n", TypeNames.RECORD_METADATA,
          TypeNames.SEND_EXCEPTION);
    }

    @Override
    TypeName result() {
      return TypeNames.RECORD_METADATA;
    }

    @Override
    String sendBehaviour() {
      return "\n<p>Blocks until the broker acknowledges the record: at most {@code max.block.ms} +\n"
          + "{@code delivery.timeout.ms}.\n";
    }

    @Override
    CodeBlock sendResultDoc(String what) {
      return CodeBlock.builder()
          .add("@return the metadata of the acknowledged record (partition, offset, timestamp)\n")
          .add("@throws $T when $L could not be sent, with Kafka's exception as the cause\n", TypeNames.SEND_EXCEPTION,
              what)
          .build();
    }

    @Override
    void deliverBody(MethodSpec.Builder method) {
      method.beginControlFlow("try");
      method.addStatement("return producer.send(record).get()");
      method.nextControlFlow("catch ($T e)", InterruptedException.class);
      method.addStatement("$T.currentThread().interrupt()", Thread.class);
      method.addStatement("throw new $T(TOPIC, record.key(), e)", TypeNames.SEND_EXCEPTION);
      method.nextControlFlow("catch ($T e)", ExecutionException.class);
      method.addStatement("throw new $T(TOPIC, record.key(), e.getCause())", TypeNames.SEND_EXCEPTION);
      method.nextControlFlow("catch ($T e)", RuntimeException.class);
      method.addStatement("throw new $T(TOPIC, record.key(), e)", TypeNames.SEND_EXCEPTION);
      method.endControlFlow();
    }
  }

  /**
   * {@code ASYNC}, the default: {@code send} never blocks on the broker and returns a {@code CompletableFuture} of
   * the record's metadata that fails with a {@code SendException}; this mode also writes {@code send(message,
   * callback)}, which hands Kafka's callback through unchanged.
   */
  private static final class Async extends SendStrategy {
    private static final TypeName FUTURE =
        ParameterizedTypeName.get(ClassName.get(CompletableFuture.class), TypeNames.RECORD_METADATA);

    Async(ClassName self, TypeName message, TypeName producerType, TypeName recordType) {
      super(self, message, producerType, recordType);
    }

    @Override
    CodeBlock classDoc() {
      return CodeBlock.of("<p>Send mode {@code ASYNC}: {@code send} never blocks on the broker; it returns a future of"
          + " the\nrecord's {@link $T}, which fails with a {@link $T} that carries the cause.\n",
          TypeNames.RECORD_METADATA, TypeNames.SEND_EXCEPTION);
    }

    @Override
    TypeName result() {
      return FUTURE;
    }

    @Override
    void extraSends(TypeSpec.Builder type, CodeBlock nullKeyThrows) {
      type.addMethod(MethodSpec.methodBuilder("send")
          .addModifiers(Modifier.PUBLIC)
          .addParameter(message, "message")
          .addParameter(TypeNames.CALLBACK, "callback")
          .addJavadoc(
              "Sends a message without blocking on the broker, and calls {@code callback} on Kafka's I/O thread"
                  + " with\nthe record's metadata or the exception. Like {@link $T#send(ProducerRecord, $T)}, it"
                  + " throws\nwhat fails before the record is queued (for example a serialization error).\n\n@param"
                  + " message the message, not {@code null}\n@param callback called once the send succeeded or"
                  + " failed\n",
              TypeNames.PRODUCER,
              TypeNames.CALLBACK)
          .addJavadoc(nullKeyThrows)
          .addStatement("producer.send(toRecord(message), callback)")
          .build());
    }

    @Override
    String sendBehaviour() {
      return "\n<p>Never blocks on the broker's answer.\n";
    }

    @Override
    CodeBlock sendResultDoc(String what) {
      return CodeBlock.of("@return completes with the record's metadata once the broker acknowledged it, or\n"
          + "    exceptionally with a {@link $T} carrying Kafka's exception\n", TypeNames.SEND_EXCEPTION);
    }

    @Override
    void deliverBody(MethodSpec.Builder method) {
      method.addStatement("$T result = new $T<>()", FUTURE, CompletableFuture.class);
      method.beginControlFlow("try");
      method.addCode("producer.send(record, (metadata, exception) -> {\n$>");
      method.beginControlFlow("if (exception == null)");
      method.addStatement("result.complete(metadata)");
      method.nextControlFlow("else");
      method.addStatement("result.completeExceptionally(new $T(TOPIC, record.key(), exception))",
          TypeNames.SEND_EXCEPTION);
      method.endControlFlow();
      method.addCode("$<});\n");
      method.nextControlFlow("catch ($T e)", RuntimeException.class);
      method.addStatement("result.completeExceptionally(new $T(TOPIC, record.key(), e))", TypeNames.SEND_EXCEPTION);
      method.endControlFlow();
      method.addStatement("return result");
    }
  }
}
