/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * The refused change that {@code docs/message-contract.md} shows: the next version of the example type
 * {@code PageViewed} ({@code src/test/resources/docs/PageViewed.java}) compiled against the examples' committed
 * baseline ({@code sdk-examples/src/contract/schemas}). The page must quote the error exactly as the processor
 * reports it, with the baseline's path as the examples module names it; {@code -Dcourier.docs.write=true} rewrites
 * the quote.
 */
class ContractDocTest {

  private static final Path ROOT = Path.of(System.getProperty("courier.repo.root", "..")).toAbsolutePath().normalize();
  private static final Path PAGE = ROOT.resolve("docs/message-contract.md");
  private static final Path EXAMPLES = ROOT.resolve("sdk-examples");
  private static final Pattern REFUSED = Pattern.compile("(<!-- refused -->\\n```text\\n)(.*?)(\\n```)",
      Pattern.DOTALL);

  @Test
  void thePageQuotesTheErrorOfTheRefusedChangeExactly() throws IOException {
    Compilation compilation = compile(source());

    assertThat(compilation).failed();
    assertThat(compilation.errors()).hasSize(1);
    assertThat(compilation).hadErrorContaining("[courier.evolution.required] Member 'scrollPercent'")
        .inFile(compilation.sourceFiles().get(0))
        .onLineContaining("int scrollPercent");
    String message = compilation.errors().get(0).getMessage(Locale.ROOT)
        .replace(EXAMPLES + java.io.File.separator, "");

    String page = Files.readString(PAGE, StandardCharsets.UTF_8);
    Matcher quote = REFUSED.matcher(page);
    assertThat(quote.find()).as("%s has a <!-- refused --> text block", PAGE).isTrue();
    if (Boolean.getBoolean("courier.docs.write")) {
      Files.writeString(PAGE, quote.replaceFirst(Matcher.quoteReplacement(quote.group(1) + message + quote.group(3))),
          StandardCharsets.UTF_8);
      return;
    }
    assertThat(quote.group(2)).as("the error quoted by %s (-Dcourier.docs.write=true rewrites it)", PAGE)
        .isEqualTo(message);
  }

  @Test
  void theFixThePageGivesCompiles() throws IOException {
    String fixed = text().replace("int scrollPercent", "Integer scrollPercent");

    assertThat(compile(JavaFileObjects.forSourceString("dev.courier.examples.clickstream.PageViewed", fixed)))
        .succeededWithoutWarnings();
  }

  private static Compilation compile(JavaFileObject source) {
    return Compilations.Tool.JAVAC
        .withProcessor("-Acourier.evolution.baseline=" + EXAMPLES.resolve("src/contract/schemas"))
        .compile(source);
  }

  private static JavaFileObject source() throws IOException {
    return JavaFileObjects.forSourceString("dev.courier.examples.clickstream.PageViewed", text());
  }

  private static String text() throws IOException {
    try (InputStream in = ContractDocTest.class.getClassLoader().getResourceAsStream("docs/PageViewed.java")) {
      assertThat(in).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
