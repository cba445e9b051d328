/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.examples.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.courier.config.ProducerSettingsException;
import dev.courier.examples.orders.OrderPlacedProducer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@code docs/generated-producer.md} shows the generated {@code OrderPlacedProducer} exactly: the full listing equals
 * the generated file, and the quoted error message is the one {@code create} throws ({@link DocSnippetsTest} checks
 * the snippets). {@code -Dcourier.docs.write=true} rewrites the full listing and the message.
 */
class GeneratedProducerDocTest {
  static final String FILE = "docs/generated-producer.md";
  private static final String REGENERATE = "./mvnw -B -q -pl sdk-examples -am test -Dtest=GeneratedProducerDocTest"
      + " -Dsurefire.failIfNoSpecifiedTests=false -Dcourier.docs.write=true";
  private static final Pattern FULL = Pattern.compile(
      "(<!-- generated-producer:begin (\\S+) -->\n)(.*?)(<!-- generated-producer:end -->)", Pattern.DOTALL);
  private static final Pattern ERROR = Pattern.compile(
      "(<!-- generated-producer:error acks=1 -->\n```text\n)(.*?)(\n```)", Pattern.DOTALL);

  @Test
  void thePageShowsTheGeneratedProducerAndTheErrorExactly() throws Exception {
    Path page = Docs.repoRoot().resolve(FILE);
    String text = Files.readString(page, StandardCharsets.UTF_8);

    Matcher full = FULL.matcher(text);
    assertThat(full.find()).as("%s has no generated-producer:begin/end markers", page).isTrue();
    String generated = Files.readString(Docs.generatedSources().resolve(full.group(2)), StandardCharsets.UTF_8);
    String expected = full.replaceFirst(Matcher.quoteReplacement(
        full.group(1) + "```java\n" + generated + (generated.endsWith("\n") ? "" : "\n") + "```\n" + full.group(4)));

    Matcher error = ERROR.matcher(expected);
    assertThat(error.find()).as("%s has no generated-producer:error block", page).isTrue();
    expected = error.replaceFirst(Matcher.quoteReplacement(error.group(1) + createWithAcks1() + error.group(3)));

    Docs.checkOrWrite(page, expected, REGENERATE);
  }

  /** The message {@code create} throws for a runtime {@code acks=1}. */
  private static String createWithAcks1() {
    ProducerSettingsException e = catchThrowableOfType(ProducerSettingsException.class,
        () -> OrderPlacedProducer.create(Map.of("bootstrap.servers", "localhost:9092", "acks", "1")).close());
    assertThat(e).as("create accepted acks=1 for a type that fixes acks=all").isNotNull();
    return e.getMessage();
  }
}
