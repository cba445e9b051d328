/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.examples.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.courier.Acks;
import dev.courier.Compression;
import dev.courier.Header;
import dev.courier.KafkaMessage;
import dev.courier.PartitionKey;
import dev.courier.SendMode;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code docs/reference/annotations.md} is exactly what {@link AnnotationReference} generates from the annotations'
 * sources. Run with {@code -Dcourier.docs.write=true} to rewrite it.
 */
class AnnotationReferenceTest {
  private static String reference;

  @BeforeAll
  static void generate() {
    reference = AnnotationReference.generate(Docs.repoRoot());
  }

  @Test
  void theCommittedReferenceIsWhatTheSourcesGenerate() throws Exception {
    Docs.checkOrWrite(Docs.repoRoot().resolve(AnnotationReference.FILE), reference, AnnotationReference.REGENERATE);
  }

  @Test
  void everyAttributeAndEveryConstantIsDocumented() {
    for (String attribute : AnnotationReference.attributes(KafkaMessage.class, PartitionKey.class, Header.class)) {
      assertThat(reference).contains("### `" + attribute + "`\n\n");
    }
    Stream.of(SendMode.values(), Acks.values(), Compression.values()).flatMap(Stream::of)
        .forEach(constant -> assertThat(reference).contains("| `" + ((Enum<?>) constant).name() + "` | "));
    assertThat(reference).contains("## `@PartitionKey`", "## `@Timestamp`", "## `@Header`", "## `@KafkaMessage`");
  }

  @Test
  void defaultsAndKafkaKeysComeFromTheCode() {
    assertThat(reference)
        .contains("| [`topic`](#kafkamessagetopic) | `String` | (required) |  |")
        .contains("| [`sendMode`](#kafkamessagesendmode) | `SendMode` | `ASYNC` |  |")
        .contains("| [`acks`](#kafkamessageacks) | `Acks` | `ALL` | `acks` |")
        .contains("| [`lingerMs`](#kafkamessagelingerms) | `long` | `-1` (`NOT_FIXED`: not fixed) | `linger.ms` |")
        .contains("| [`valueSerializer`](#kafkamessagevalueserializer) | `Class<? extends Serializer<?>>` |"
            + " `Inferred.class` |")
        .contains("| [`properties`](#kafkamessageproperties) | `String[]` | `{}` |")
        .contains("Applies to: fields, no-argument getters, record components.")
        .doesNotContain("{@").doesNotContain("<p>");
  }

  @Test
  void javadocBecomesMarkdown() {
    assertThat(Javadoc.markdown(" First {@code a.b} and {@link #topic()},\n {@link Acks#NONE} {@value #X}.\n"
        + " <p>Second <em>one</em>:\n <pre>{@code\n @KafkaMessage(topic = \"t\")\n record R() {}\n }</pre>\n"
        + " @return ignored\n", ref -> "-1"))
        .isEqualTo("First `a.b` and `topic`, `Acks.NONE` `-1`.\n\nSecond *one*:\n\n```java\n"
            + "@KafkaMessage(topic = \"t\")\nrecord R() {}\n```");
    assertThatThrownBy(() -> Javadoc.markdown("a <table> b", ref -> ref))
        .hasMessageContaining("unsupported HTML at '<table> b");
    assertThatThrownBy(() -> Javadoc.markdown("a {@inheritDoc} b", ref -> ref))
        .hasMessageContaining("unsupported inline tag {@inheritDoc}");
  }
}
