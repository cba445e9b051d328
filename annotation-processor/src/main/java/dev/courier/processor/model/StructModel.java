/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.processor.model;

import com.palantir.javapoet.ClassName;
import java.util.List;
import javax.lang.model.element.TypeElement;

/**
 * A record or class read as a JSON object: the message type itself, or a type nested in it.
 *
 * @param element the type
 * @param typeName the type as JavaPoet writes it
 * @param qualifiedName the canonical name, for messages
 * @param members the members in JSON order
 * @param creator how the deserializer creates it
 * @param accessible whether generated code in the message's package can use the type
 * @param duplicates names of members declared more than once in the hierarchy, with where
 */
public record StructModel(
    TypeElement element,
    ClassName typeName,
    String qualifiedName,
    List<Member> members,
    Creator creator,
    boolean accessible,
    List<String> duplicates) {

  /**
   * Copies the lists.
   *
   * @param element the type
   * @param typeName the type as JavaPoet writes it
   * @param qualifiedName the canonical name, for messages
   * @param members the members in JSON order
   * @param creator how the deserializer creates it
   * @param accessible whether generated code in the message's package can use the type
   * @param duplicates names of members declared more than once in the hierarchy, with where
   */
  public StructModel {
    members = List.copyOf(members);
    duplicates = List.copyOf(duplicates);
  }
}
