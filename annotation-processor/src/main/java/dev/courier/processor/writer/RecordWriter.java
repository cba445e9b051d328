/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.processor.writer;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.NameAllocator;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import dev.courier.config.MemberType;
import dev.courier.processor.model.Access;
import dev.courier.processor.model.Member;
import dev.courier.processor.model.MessageModel;
import dev.courier.processor.model.ValueType;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import javax.lang.model.element.Modifier;
import javax.lang.model.type.TypeKind;

/**
 * Writes {@code toRecord}, the one place generated code derives a record's topic, key, timestamp and headers from a
 * message. It is generated once, in the descriptor (the type's {@code MessageContract}), and the producer and
 * Courier's connectors both call it: a {@code null} key is refused, an {@code Instant} timestamp becomes epoch
 * milliseconds, a {@code String} header is its UTF-8 bytes and a {@code byte[]} header is sent as it is, in every
 * path alike.
 */
final class RecordWriter {
  private final MessageModel model;
  private final ProducerModel producer;

  RecordWriter(MessageModel model, ProducerModel producer) {
    this.model = model;
    this.producer = producer;
  }

  /** The record type, {@code ProducerRecord<K, V>}. */
  TypeName recordType() {
    return ParameterizedTypeName.get(TypeNames.PRODUCER_RECORD, producer.keyType(), producer.valueType());
  }

  /** Whether {@code toRecord} refuses a message whose key member is {@code null}. */
  boolean refusesNullKey() {
    return producer.key().filter(k -> !k.keyNullable() && !k.type().getKind().isPrimitive()).isPresent();
  }

  /** The {@code @throws} line of a method that refuses a message without key, or nothing. */
  CodeBlock nullKeyThrows() {
    return refusesNullKey()
        ? CodeBlock.of("@throws $T when {@code $L} is {@code null}; nothing is sent\n", TypeNames.NULL_KEY_EXCEPTION,
            producer.key().get().name())
        : CodeBlock.of("");
  }

  /**
   * {@code toRecord(T message)} with its body, as the descriptor implements it.
   *
   * @param topic how the body names the topic
   */
  MethodSpec.Builder toRecord(CodeBlock topic) {
    NameAllocator names = new NameAllocator();
    names.newName("message", "message");
    names.newName("record", "record");
    TypeName recordType = recordType();
    MethodSpec.Builder method =
        MethodSpec.methodBuilder("toRecord")
            .addModifiers(Modifier.PUBLIC)
            .returns(recordType)
            .addParameter(model.typeName(), "message")
            .addStatement("$T.requireNonNull(message, $S)", Objects.class, "message");
    CodeBlock key = producer.key().map(RecordWriter::access).orElse(CodeBlock.of("null"));
    if (refusesNullKey()) {
      Member member = producer.key().get();
      String local = names.newName(member.name(), "key");
      method.addStatement("$T $N = $L", TypeName.get(member.type()), local, key);
      method.beginControlFlow("if ($N == null)", local);
      method.addStatement("throw new $T($S, $S)", TypeNames.NULL_KEY_EXCEPTION, model.binaryName(), member.name());
      method.endControlFlow();
      key = CodeBlock.of("$N", local);
    }
    CodeBlock timestamp = null;
    if (producer.timestamp().isPresent()) {
      Member member = producer.timestamp().get();
      if (member.valueType() instanceof ValueType.Scalar scalar && scalar.kind() == MemberType.Kind.INSTANT) {
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
      create = CodeBlock.of("new $T<>($L, null, $L, $L, message)", TypeNames.PRODUCER_RECORD, topic, timestamp, key);
    } else if (producer.key().isPresent()) {
      create = CodeBlock.of("new $T<>($L, $L, message)", TypeNames.PRODUCER_RECORD, topic, key);
    } else {
      create = CodeBlock.of("new $T<>($L, message)", TypeNames.PRODUCER_RECORD, topic);
    }
    if (producer.headers().isEmpty()) {
      return method.addStatement("return $L", create);
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
    return method.addStatement("return record");
  }

  private static CodeBlock access(Member member) {
    Access access = member.read().orElseThrow();
    return access.kind() == Access.Kind.FIELD
        ? CodeBlock.of("message.$N", access.name())
        : CodeBlock.of("message.$N()", access.name());
  }
}
