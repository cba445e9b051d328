/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.connect.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Both ways of confining an open: through secure directory streams, and by path checks where there are none. */
class ConfinedOpenerTest {

  @TempDir Path root;
  Path in;
  Path outside;

  @BeforeEach
  void dirs() throws Exception {
    root = root.toRealPath();
    in = Files.createDirectories(root.resolve("in"));
    outside = Files.createDirectories(root.resolve("outside"));
    Files.writeString(outside.resolve("secret.txt"), "secret\n");
  }

  private static Object key(Path path) throws Exception {
    return Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).fileKey();
  }

  @ParameterizedTest(name = "secure directory streams: {0}")
  @ValueSource(booleans = {true, false})
  void opensTheListedRegularFileInsideTheInputDirectories(boolean secure) throws Exception {
    Path file = Files.writeString(Files.createDirectories(in.resolve("a/b")).resolve("x.txt"), "x\n");
    ConfinedOpener opener = new ConfinedOpener(List.of(in), secure);

    try (var channel = opener.open(file, key(file)).channel()) {
      assertThat(channel.size()).isEqualTo(2);
    }
    if (secure) {
      assertThat(opener.secure()).as("Linux has secure directory streams").isTrue();
    }
  }

  @ParameterizedTest(name = "secure directory streams: {0}")
  @ValueSource(booleans = {true, false})
  void refusesALinkInPlaceOfTheFile(boolean secure) throws Exception {
    Path file = in.resolve("x.txt");
    Files.createSymbolicLink(file, outside.resolve("secret.txt"));

    assertThatThrownBy(() -> new ConfinedOpener(List.of(in), secure).open(file, null))
        .isInstanceOf(ConfinedOpener.Refused.class).hasMessageContaining(file.toString())
        .hasMessageContaining("symbolic link");
  }

  @ParameterizedTest(name = "secure directory streams: {0}")
  @ValueSource(booleans = {true, false})
  void refusesALinkInPlaceOfADirectoryOnTheWay(boolean secure) throws Exception {
    Files.createSymbolicLink(in.resolve("sub"), outside);
    Path file = in.resolve("sub/secret.txt");

    assertThatThrownBy(() -> new ConfinedOpener(List.of(in), secure).open(file, null))
        .isInstanceOf(ConfinedOpener.Refused.class).hasMessageContaining("symbolic link");
  }

  @ParameterizedTest(name = "secure directory streams: {0}")
  @ValueSource(booleans = {true, false})
  void refusesAnotherFileThanTheListedOne(boolean secure) throws Exception {
    Path file = Files.writeString(in.resolve("x.txt"), "listed\n");
    Object listed = key(file);
    Files.move(file, in.resolve("x.txt.old"));
    Files.writeString(file, "another\n");

    assertThatThrownBy(() -> new ConfinedOpener(List.of(in), secure).open(file, listed))
        .isInstanceOfSatisfying(ConfinedOpener.Refused.class, e -> assertThat(e.replaced()).isTrue())
        .hasMessageContaining("another file now has its path");
  }

  @ParameterizedTest(name = "secure directory streams: {0}")
  @ValueSource(booleans = {true, false})
  void refusesPathsOutsideAndWhatIsNotARegularFile(boolean secure) throws Exception {
    ConfinedOpener opener = new ConfinedOpener(List.of(in), secure);
    Path dir = Files.createDirectories(in.resolve("dir.txt"));

    assertThatThrownBy(() -> opener.open(outside.resolve("secret.txt"), null))
        .isInstanceOf(ConfinedOpener.Refused.class).hasMessageContaining("not inside input.paths");
    assertThatThrownBy(() -> opener.open(dir, null))
        .isInstanceOf(ConfinedOpener.Refused.class).hasMessageContaining("no longer a regular file");
    assertThatThrownBy(() -> opener.open(in.resolve("missing.txt"), null)).isInstanceOf(NoSuchFileException.class);
  }

  @ParameterizedTest(name = "secure directory streams: {0}")
  @ValueSource(booleans = {true, false})
  @EnabledOnOs(value = {OS.LINUX, OS.MAC}, disabledReason = "a FIFO is made with mkfifo")
  void refusesAFifoWithoutBlockingOnIt(boolean secure) throws Exception {
    Path fifo = in.resolve("pipe.txt");
    Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
    assertThat(mkfifo.waitFor()).as("mkfifo %s", fifo).isZero();

    assertThatThrownBy(() -> new ConfinedOpener(List.of(in), secure).open(fifo, null))
        .isInstanceOf(ConfinedOpener.Refused.class).hasMessageContaining("no longer a regular file");
  }
}
