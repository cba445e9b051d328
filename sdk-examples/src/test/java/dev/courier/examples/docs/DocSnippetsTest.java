/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.examples.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every code snippet of the README and the docs that is marked {@code <!-- from: path -->} (a path from the
 * repository root) appears, character for character, in that file: quoted code never drifts from the code it
 * quotes. Snippets of generated sources point into {@code sdk-examples/target/generated-sources/annotations}.
 */
class DocSnippetsTest {
  private static final Pattern SNIPPET =
      Pattern.compile("<!-- from: (\\S+) -->\n```[a-z]*\n(.*?)```", Pattern.DOTALL);

  @Test
  void theReadmeQuotesTheQuickStartAndTheBuildAsTheyAre() throws Exception {
    List<String> sources = check("README.md");
    assertThat(sources).contains(
        "sdk-examples/src/test/java/dev/courier/examples/readme/QuickStart.java",
        "sdk-examples/pom.xml");
  }

  @Test
  void theGeneratedProducerPageQuotesTheGeneratedCodeAsItIs() throws Exception {
    List<String> sources = check(GeneratedProducerDocTest.FILE);
    assertThat(sources).hasSizeGreaterThan(10).contains(
        "sdk-examples/src/main/java/dev/courier/examples/orders/OrderPlaced.java",
        "sdk-examples/target/generated-sources/annotations/dev/courier/examples/orders/OrderPlacedAsyncProducer.java",
        "sdk-examples/target/generated-sources/annotations/dev/courier/examples/payments/PaymentCapturedProducer.java");
  }

  @Test
  void theMessageContractPageQuotesTheGeneratedSchemaAsItIs() throws Exception {
    assertThat(check("docs/message-contract.md")).contains(
        "sdk-examples/src/main/java/dev/courier/examples/clickstream/PageViewed.java",
        "sdk-examples/target/classes/META-INF/courier/schemas/dev.courier.examples.clickstream.PageViewed.json",
        "annotation-processor/src/test/resources/docs/PageViewed.java");
  }

  @Test
  void theOutboxPageQuotesTheShippedDdlAsItIs() throws Exception {
    assertThat(check("docs/outbox.md")).contains("config/src/main/resources/META-INF/courier/outbox/postgresql.sql");
  }

  /** Checks every marked snippet of a page; returns the files they quote. */
  private static List<String> check(String page) throws Exception {
    Path root = Docs.repoRoot();
    String text = Files.readString(root.resolve(page), StandardCharsets.UTF_8);
    Matcher snippet = SNIPPET.matcher(text);
    List<String> sources = new ArrayList<>();
    while (snippet.find()) {
      String source = snippet.group(1);
      Path file = root.resolve(source);
      assertThat(file).as("%s quotes %s, which does not exist", page, source).exists();
      assertThat(Files.readString(file, StandardCharsets.UTF_8))
          .as("%s quotes a snippet from %s that is no longer in it; update the page", page, source)
          .contains(snippet.group(2));
      sources.add(source);
    }
    return sources;
  }
}
