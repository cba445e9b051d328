/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.processor.model;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;
import java.util.Optional;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/** Kafka's stock serializers for key types, so keys partition exactly as other clients' keys do. */
public final class KeyTypes {

  private static final String SERIALIZATION = "org.apache.kafka.common.serialization";

  private KeyTypes() {}

  /**
   * A key type with its stock serializer.
   *
   * @param keyType the record key type of the producer ({@code Long} for {@code long}, ...)
   * @param serializer the Kafka serializer class
   */
  public record Stock(TypeName keyType, ClassName serializer) {}

  /**
   * The stock serializer for a key member's type.
   *
   * @param type the member's type
   * @return the serializer, or empty when Kafka has none for the type
   */
  public static Optional<Stock> stock(TypeMirror type) {
    switch (type.getKind()) {
      case LONG:
        return stock(ClassName.get(Long.class), "LongSerializer");
      case INT:
        return stock(ClassName.get(Integer.class), "IntegerSerializer");
      case SHORT:
        return stock(ClassName.get(Short.class), "ShortSerializer");
      case DOUBLE:
        return stock(ClassName.get(Double.class), "DoubleSerializer");
      case FLOAT:
        return stock(ClassName.get(Float.class), "FloatSerializer");
      case ARRAY:
        if (((ArrayType) type).getComponentType().getKind() == TypeKind.BYTE) {
          return stock(ArrayTypeName.of(TypeName.BYTE), "ByteArraySerializer");
        }
        return Optional.empty();
      case DECLARED:
        String name = ((DeclaredType) type).asElement().toString();
        switch (name) {
          case "java.lang.String":
            return stock(ClassName.get(String.class), "StringSerializer");
          case "java.util.UUID":
            return stock(ClassName.get("java.util", "UUID"), "UUIDSerializer");
          case "java.lang.Long":
            return stock(ClassName.get(Long.class), "LongSerializer");
          case "java.lang.Integer":
            return stock(ClassName.get(Integer.class), "IntegerSerializer");
          case "java.lang.Short":
            return stock(ClassName.get(Short.class), "ShortSerializer");
          case "java.lang.Double":
            return stock(ClassName.get(Double.class), "DoubleSerializer");
          case "java.lang.Float":
            return stock(ClassName.get(Float.class), "FloatSerializer");
          default:
            return Optional.empty();
        }
      default:
        return Optional.empty();
    }
  }

  private static Optional<Stock> stock(TypeName keyType, String serializer) {
    return Optional.of(new Stock(keyType, ClassName.get(SERIALIZATION, serializer)));
  }
}
