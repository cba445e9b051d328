/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.examples.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The module's AsyncAPI document, which the processor writes with {@code -Acourier.asyncapi=true}, passes the AsyncAPI
 * project's own parser ({@code @asyncapi/parser} from npm, pinned by {@code src/test/asyncapi/package-lock.json}), with
 * no error and no warning. Needs Node.js and npm ({@code .ci/node} installs them where a machine has none); the
 * parser is installed into {@code target/asyncapi-check} with {@code npm ci}.
 */
class AsyncApiDocumentIT {
  /** The module's directory: Maven runs its tests there and says so in {@code basedir}. */
  private static final Path MODULE = Path.of(System.getProperty("basedir", "")).toAbsolutePath();
  private static final Path DOCUMENT = MODULE.resolve("target/classes/META-INF/courier/asyncapi.json");

  @Test
  void theAsyncApiProjectsParserAcceptsTheDocument() throws Exception {
    assertThat(DOCUMENT).as("the generated AsyncAPI document").exists();
    Path check = MODULE.resolve("target/asyncapi-check");
    Files.createDirectories(check);
    for (String file : List.of("package.json", "package-lock.json", "validate.mjs")) {
      Files.copy(MODULE.resolve("src/test/asyncapi").resolve(file), check.resolve(file),
          StandardCopyOption.REPLACE_EXISTING);
    }
    if (!Files.isDirectory(check.resolve("node_modules/@asyncapi/parser"))) {
      Run install = run(check, "npm", "ci", "--no-audit", "--no-fund", "--loglevel=error");
      assertThat(install.exit()).as("npm ci in %s:%n%s", check, install.output()).isZero();
    }
    Run validate = run(check, "node", "validate.mjs", DOCUMENT.toString());
    assertThat(validate.exit()).as("the AsyncAPI parser on %s:%n%s", DOCUMENT, validate.output()).isZero();
    assertThat(validate.output()).contains("VALID: AsyncAPI 3.0.0, 6 channels, 8 operations, 8 messages");
  }

  private record Run(int exit, String output) {}

  private static Run run(Path directory, String... command) throws IOException, InterruptedException {
    Process process;
    try {
      process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true).start();
    } catch (IOException e) {
      throw new IllegalStateException(command[0] + " is not on the PATH: this test needs Node.js and npm (run"
          + " .ci/node, which installs Debian's nodejs and npm)", e);
    }
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(5, TimeUnit.MINUTES)).as("%s finishes", String.join(" ", command)).isTrue();
    return new Run(process.exitValue(), output);
  }
}
