/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.connect.file;

import static org.assertj.core.api.Assertions.assertThat;

import dev.courier.connect.ChildJvm;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tail mode stays bounded: 10,000 tailed files, appended to in rounds, are read by one task in a JVM with a
 * {@value #HEAP} heap and an open-file limit of {@value #OPEN_FILE_LIMIT} ({@code ulimit -n}), every line exactly once
 * ({@link TailAtScaleCheck}). The same run with 1,000 files and without the open-file cap fails, so the limit is
 * real.
 */
@Tag("scenario")
@EnabledOnOs(value = {OS.LINUX, OS.MAC}, disabledReason = "the open-file limit is set with bash's ulimit")
class TailAtScaleTest {

  private static final int FILES = 10_000;
  private static final String HEAP = "-Xmx48m";
  private static final int OPEN_FILE_LIMIT = 256;
  private static final int MAX_OPEN = 64;

  @TempDir Path root;

  @Test
  void tenThousandTailedFilesAreReadExactlyOnceWithinALowOpenFileLimitAndASmallHeap() throws Exception {
    long started = System.nanoTime();
    ChildJvm.Result bounded = child(root.resolve("bounded"), FILES, MAX_OPEN);
    System.out.printf("TailAtScaleTest: %s (%d ms)%n", bounded.output().lines().filter(l -> l.startsWith("OK"))
        .findFirst().orElse("no OK line"), (System.nanoTime() - started) / 1_000_000);
    assertThat(bounded.exit()).as("tailing %d files with %s and ulimit -n %d:%n%s", FILES, HEAP, OPEN_FILE_LIMIT,
        bounded.output()).isZero();
    assertThat(bounded.output()).contains("OK files=" + FILES + " records=" + FILES * TailAtScaleCheck.LINES)
        .contains("files-tracked=" + FILES);
    String maxOpenSeen = bounded.output().replaceAll("(?s).*max-files-open=(\\d+).*", "$1");
    assertThat(Integer.parseInt(maxOpenSeen)).isBetween(1, MAX_OPEN);

    // 1,000 files are enough to run out of descriptors without the cap.
    ChildJvm.Result unbounded = child(root.resolve("unbounded"), 1_000, 1_000_000);
    assertThat(unbounded.exit()).as("without the cap the same run must fail, or the limit proves nothing:%n%s",
        unbounded.output()).isNotZero();
    assertThat(unbounded.output()).contains("Too many open files");
  }

  private static ChildJvm.Result child(Path dir, int files, int maxOpen) throws Exception {
    Files.createDirectories(dir);
    return ChildJvm.run(HEAP, OPEN_FILE_LIMIT, Duration.ofMinutes(2), dir.resolve("child.log"),
        TailAtScaleCheck.class, dir.toString(), Integer.toString(files), Integer.toString(maxOpen));
  }
}
