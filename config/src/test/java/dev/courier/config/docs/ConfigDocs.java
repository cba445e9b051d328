/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.config.docs;

import dev.courier.config.Rule;
import dev.courier.config.Severity;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.common.config.ConfigDef;

/**
 * Generates Courier's configuration reference docs from the code, so they are never written twice: the rules from
 * {@link Rule} (the connector's producer overrides are generated in the connector's tests). The
 * generated files are committed; a unit test fails when they differ from what this class produces. Build tooling,
 * in the test sources: it never ships in {@code courier-config}.
 *
 * <p>Run {@code ./mvnw -B -q -pl config test -Dtest=ConfigDocsTest -Dcourier.docs.write=true} to regenerate them, or
 * call {@link #main(String[])} with the repository root.
 */
public final class ConfigDocs {

  /** Where the reference docs live, relative to the repository root. */
  public static final String REFERENCE_DIR = "docs/reference";

  /** The file name of the rules reference. */
  public static final String RULES_FILE = "producer-rules.md";

  private static final String REGENERATE = "./mvnw -B -q -pl config test -Dtest=ConfigDocsTest"
      + " -Dcourier.docs.write=true";

  private ConfigDocs() {}

  /**
   * Writes every reference doc under {@value #REFERENCE_DIR} of a repository root.
   *
   * @param args one argument: the repository root (default: the working directory)
   * @throws IOException when a file cannot be written
   */
  public static void main(String[] args) throws IOException {
    Path root = Path.of(args.length > 0 ? args[0] : ".");
    for (Map.Entry<String, String> doc : documents().entrySet()) {
      Path file = root.resolve(REFERENCE_DIR).resolve(doc.getKey());
      Files.createDirectories(file.getParent());
      Files.writeString(file, doc.getValue(), StandardCharsets.UTF_8);
      System.out.println("Wrote " + file);
    }
  }

  /**
   * Every reference doc, by file name under {@value #REFERENCE_DIR}.
   *
   * @return file name to Markdown content, in a stable order
   */
  public static Map<String, String> documents() {
    Map<String, String> documents = new LinkedHashMap<>();
    documents.put(RULES_FILE, rules());
    return documents;
  }

  /**
   * The rules reference: every rule with its id, severity and description, then what Courier rejects beyond Kafka,
   * and why.
   *
   * @return Markdown
   */
  public static String rules() {
    StringBuilder md = new StringBuilder();
    md.append("# Producer rules\n\n");
    md.append(generatedNote("dev.courier.config.Rule"));
    md.append("Courier checks producer settings with one set of rules wherever they are given: the annotation"
        + " processor reports a violation as a compile error on the `@KafkaMessage` attribute, a source connector's"
        + " `validate()` attaches it to the `producer.override.*` key, and `ProducerSettings.merge` throws a"
        + " `ProducerSettingsException` (a Kafka `ConfigException`) before a producer is created. Every message"
        + " starts with the rule's id in brackets, for example `[courier.idempotence.acks]`, says what is wrong,"
        + " where each value was fixed, and how to fix it. Ids never change once released.\n\n");
    md.append("Single values are checked by Kafka's own `ProducerConfig` definition; a key that is not set takes"
        + " Kafka's default (in a connector: Kafka Connect's producer default), exactly as `KafkaProducer` applies"
        + " it. Every independent problem is reported, not only the first.\n\n");
    md.append("| Id | Severity | Rule |\n|---|---|---|\n");
    for (Rule rule : Rule.values()) {
      md.append("| `").append(rule.id()).append("` | ").append(severity(rule.severity())).append(" | ")
          .append(cell(rule.description())).append(" |\n");
    }
    md.append("\n## What Courier rejects beyond Kafka, and why\n\n");
    md.append("Every other error rejects exactly what a `KafkaProducer` built from the same properties rejects, only"
        + " earlier and in clearer words: `KafkaProducerComparisonTest` builds a real `KafkaProducer` for every"
        + " combination of `acks` x `enable.idempotence` x `max.in.flight.requests.per.connection` x `retries` x"
        + " `transactional.id` and for the numeric bounds, and fails when Courier accepts anything Kafka rejects, or"
        + " rejects anything Kafka accepts with a rule that is not listed here. `courier.ordering` is a warning:"
        + " it rejects nothing.\n\n");
    for (Rule rule : Rule.values()) {
      if (rule.beyondKafka().isPresent()) {
        md.append("### `").append(rule.id()).append("`\n\n").append(rule.beyondKafka().get()).append("\n\n");
      }
    }
    return md.toString().stripTrailing() + "\n";
  }

  private static String generatedNote(String source) {
    return "<!-- Generated from " + source + " by dev.courier.config.docs.ConfigDocs; do not edit. Regenerate with: "
        + REGENERATE + " -->\n\n";
  }

  private static String severity(Severity severity) {
    return severity.name().toLowerCase(Locale.ROOT);
  }

  private static String cell(String text) {
    return text.replace("|", "\\|");
  }
}
