/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.connect;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a check's {@code main} in a JVM of its own, with this test's class path and a small heap, so that a test can
 * hold the code under test to a fixed heap (or, through {@code bash}'s {@code ulimit}, a fixed open-file limit), which
 * the test JVM itself cannot be.
 */
public final class ChildJvm {
  private static final int TAIL = 4000;

  private ChildJvm() {}

  /**
   * What the child did: its exit status ({@code -1} when it timed out) and the end of its output.
   *
   * @param exit the exit status
   * @param output the last 4,000 characters of its standard output and error
   */
  public record Result(int exit, String output) {}

  /**
   * Runs {@code mainClass} in a child JVM and waits for it.
   *
   * @param heap the heap option, for example {@code -Xmx48m}
   * @param openFileLimit the child's {@code ulimit -n}, or 0 to leave the limit as it is
   * @param timeout how long the child may run before it is killed
   * @param log where its output goes (a file, not a pipe: reading a pipe to its end would wait for a hung child
   *     however long it hangs, and the timeout would never apply)
   * @param mainClass the class whose {@code main} runs
   * @param args its arguments
   * @return the exit status and the end of the output
   * @throws IOException when the child cannot be started or its output read
   * @throws InterruptedException when interrupted while waiting
   */
  public static Result run(String heap, int openFileLimit, Duration timeout, Path log, Class<?> mainClass,
      String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    if (openFileLimit > 0) {
      // bash sets the limit, then becomes the JVM; "$@" keeps the class path out of the shell's word splitting.
      command.addAll(List.of("bash", "-c", "ulimit -n " + openFileLimit + " && exec \"$@\"", "bash"));
    }
    command.add(System.getProperty("java.home") + File.separator + "bin" + File.separator + "java");
    command.add(heap);
    command.add("-XX:+UseSerialGC");
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(mainClass.getName());
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    boolean exited = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
    if (!exited) {
      process.destroyForcibly().waitFor();
    }
    String output = Files.readString(log, StandardCharsets.UTF_8);
    String tail = output.length() > TAIL ? output.substring(output.length() - TAIL) : output;
    return exited ? new Result(process.exitValue(), tail)
        : new Result(-1, tail + "\n(timed out after " + timeout.toSeconds() + " s)");
  }
}
