/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.processor.writer;

import com.palantir.javapoet.JavaFile;
import dev.courier.processor.model.MessageModel;
import java.util.ArrayList;
import java.util.List;

/** Everything generated for one valid message type. */
public final class Generator {
  private Generator() {}

  /**
   * The generated sources and resource of a valid model.
   *
   * @param sources the Java files: producer, serializer and deserializer (unless a value serializer is declared),
   *     descriptor
   * @param resourcePath the effective-settings resource's path under the class output
   * @param resourceText its text
   */
  public record Output(List<JavaFile> sources, String resourcePath, String resourceText) {}

  /**
   * Generates the code of a message type.
   *
   * @param model a model without errors
   * @return the files to write
   */
  public static Output generate(MessageModel model) {
    ProducerModel producer = ProducerModel.of(model);
    List<JavaFile> sources = new ArrayList<>();
    sources.add(new ProducerWriter(model, producer).write());
    if (model.valueSerializer().isEmpty()) {
      sources.add(new SerializerWriter(model).write());
      sources.add(new DeserializerWriter(model).write());
    }
    sources.add(new DescriptorWriter(model, producer).write());
    return new Output(
        List.copyOf(sources),
        SettingsResourceWriter.path(model),
        SettingsResourceWriter.text(model, producer));
  }

  /**
   * The suffixes of the classes generated for a model.
   *
   * @param model the model
   * @return {@code Producer}, {@code Serializer}, {@code Deserializer}, {@code Descriptor} as generated
   */
  public static List<String> suffixes(MessageModel model) {
    return model.valueSerializer().isEmpty()
        ? List.of("Producer", "Serializer", "Deserializer", "Descriptor")
        : List.of("Producer", "Descriptor");
  }
}
