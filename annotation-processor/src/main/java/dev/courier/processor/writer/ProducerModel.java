/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.processor.writer;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;
import dev.courier.processor.model.KeyTypes;
import dev.courier.processor.model.Member;
import dev.courier.processor.model.MessageModel;
import java.util.List;
import java.util.Optional;

/**
 * What the generated producer sends, derived from a valid model: the key member with the producer's key type and
 * serializer, the value type and serializer, the header and timestamp members.
 *
 * @param key the {@code @PartitionKey} member, or empty
 * @param keyType the producer's key type ({@code Void} without a key)
 * @param keySerializer the key serializer class
 * @param valueType the producer's value type (the message type, or what a declared serializer takes)
 * @param valueSerializer the value serializer class
 * @param headers the {@code @Header} members
 * @param timestamp the {@code @Timestamp} member, or empty
 */
record ProducerModel(
    Optional<Member> key,
    TypeName keyType,
    ClassName keySerializer,
    TypeName valueType,
    ClassName valueSerializer,
    List<Member> headers,
    Optional<Member> timestamp) {

  static ProducerModel of(MessageModel model) {
    Optional<Member> key = model.struct().members().stream().filter(m -> m.partitionKey() != null).findFirst();
    TypeName keyType;
    ClassName keySerializer;
    if (key.isEmpty()) {
      keyType = ClassName.get(Void.class);
      keySerializer = TypeNames.VOID_SERIALIZER;
    } else if (model.keySerializer().isPresent()) {
      keyType = TypeName.get(model.keySerializer().get().handledType());
      keySerializer = (ClassName) TypeName.get(model.keySerializer().get().type());
    } else {
      KeyTypes.Stock stock = KeyTypes.stock(key.get().type()).orElseThrow();
      keyType = stock.keyType();
      keySerializer = stock.serializer();
    }
    TypeName valueType;
    ClassName valueSerializer;
    if (model.valueSerializer().isPresent()) {
      valueType = TypeName.get(model.valueSerializer().get().handledType());
      valueSerializer = (ClassName) TypeName.get(model.valueSerializer().get().type());
    } else {
      valueType = model.typeName();
      valueSerializer = model.generated("Serializer");
    }
    List<Member> headers = model.struct().members().stream().filter(m -> m.header() != null).toList();
    Optional<Member> timestamp =
        model.struct().members().stream().filter(m -> m.timestamp() != null).findFirst();
    return new ProducerModel(key, keyType, keySerializer, valueType, valueSerializer, headers, timestamp);
  }
}
