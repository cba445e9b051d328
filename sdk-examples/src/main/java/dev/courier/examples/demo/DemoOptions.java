/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.examples.demo;

import dev.courier.examples.app.AppException;
import dev.courier.examples.app.CommandLine;
import java.util.Set;

/**
 * The demo's options.
 *
 * @param bootstrapServers an external Kafka cluster to use instead of the in-process broker, or {@code null}
 * @param records how many orders of the sample file the connector streams
 * @param perSendMode how many of those orders each generated producer sends again
 * @param partitions the partitions of topic {@code orders} when the demo creates it
 * @param schemaRegistry {@code embedded}, or the URL of a Schema Registry, for the registry step; {@code null} to
 *     skip it
 */
public record DemoOptions(String bootstrapServers, int records, int perSendMode, int partitions,
    String schemaRegistry) {

  /** The number of orders in the sample file. */
  public static final int SAMPLE_RECORDS = 2000;

  static final String USAGE = String.join("\n",
      "usage: ./mvnw -B -q -Pdemo [-Ddemo.args=\"OPTIONS\"]",
      "   or: java -cp ... dev.courier.examples.demo.Demo [OPTIONS]",
      "options:",
      "  --bootstrap-servers HOST:PORT,...  use this Kafka cluster instead of an in-process broker; the demo still",
      "                                     runs its Connect worker in process, creates topic 'orders' if it is",
      "                                     missing and deletes the worker's internal topics at the end",
      "  --records N      orders the connector streams from the sample file (1-" + SAMPLE_RECORDS + ", default "
          + SAMPLE_RECORDS + ")",
      "  --per-mode N     orders each generated producer sends again (default 200; at most records / 3)",
      "  --partitions N   partitions of topic 'orders' when the demo creates it (default 6)",
      "  --schema-registry embedded|URL  adds a step with refunds framed for the Schema Registry: 'embedded'",
      "                   starts Apicurio Registry (run with -Pdemo,registry, which fetches it from Maven",
      "                   Central, 142 MB), a URL uses that registry (Confluent's API, or Apicurio's",
      "                   http://host:port/apis/ccompat/v7)");

  /**
   * The defaults: the in-process broker, every sample order, 200 per send mode, 6 partitions.
   *
   * @return the default options
   */
  public static DemoOptions defaults() {
    return new DemoOptions(null, SAMPLE_RECORDS, 200, 6, null);
  }

  /**
   * Parses the command line.
   *
   * @param args the arguments
   * @return the options
   * @throws AppException for an unknown option or a value out of range, with the usage
   */
  public static DemoOptions parse(String... args) {
    CommandLine commandLine = CommandLine.parse(args,
        Set.of("--bootstrap-servers", "--records", "--per-mode", "--partitions", "--schema-registry"), USAGE);
    if (!commandLine.positionals().isEmpty()) {
      throw new AppException("unexpected argument " + commandLine.positionals().get(0) + "\n" + USAGE);
    }
    int records = commandLine.positiveInt("--records", SAMPLE_RECORDS);
    if (records > SAMPLE_RECORDS) {
      throw new AppException("--records is " + records + "; the sample file has " + SAMPLE_RECORDS + " orders\n"
          + USAGE);
    }
    int perSendMode = commandLine.positiveInt("--per-mode", Math.min(200, Math.max(1, records / 3)));
    if (perSendMode * 3 > records) {
      throw new AppException("--per-mode is " + perSendMode + "; the three send modes resend distinct orders of the"
          + " " + records + " streamed, so it can be at most " + records / 3 + "\n" + USAGE);
    }
    String bootstrap = commandLine.options().get("--bootstrap-servers");
    if (bootstrap != null && bootstrap.isBlank()) {
      throw new AppException("--bootstrap-servers is empty\n" + USAGE);
    }
    String registry = commandLine.options().get("--schema-registry");
    if (registry != null && !registry.equals("embedded") && !registry.startsWith("http://")
        && !registry.startsWith("https://")) {
      throw new AppException("--schema-registry is '" + registry + "'; give 'embedded' or the registry's http(s) URL\n"
          + USAGE);
    }
    return new DemoOptions(bootstrap, records, perSendMode, commandLine.positiveInt("--partitions", 6), registry);
  }
}
