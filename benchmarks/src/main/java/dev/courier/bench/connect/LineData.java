/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.bench.connect;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/**
 * The connector benchmark's input: {@code records} JSON lines of exactly {@code lineBytes} bytes (plus {@code \n}),
 * one {@link dev.courier.bench.model.LineEvent} each, written once as one file and once split into {@code files}
 * files of equal size. The same bytes are read as text lines and as JSON lines, and the plain-producer ceiling sends
 * them from memory. Deterministic: a fixed seed.
 */
public final class LineData {
  private static final String[] STATUS = {"NEW", "PAID", "SHIPPED"};

  private final Path singleFile;
  private final Path splitDir;
  private final int records;
  private final byte[][] values;
  private final byte[][] keys;

  private LineData(Path singleFile, Path splitDir, int records, byte[][] values, byte[][] keys) {
    this.singleFile = singleFile;
    this.splitDir = splitDir;
    this.records = records;
    this.values = values;
    this.keys = keys;
  }

  /**
   * Writes the input files into {@code dir}.
   *
   * @param dir a directory
   * @param records how many lines, a multiple of {@code files}
   * @param files into how many files the split copy is cut
   * @param lineBytes the length of each line without its line end, at least 100
   * @return the data
   */
  public static LineData write(Path dir, int records, int files, int lineBytes) {
    if (records % files != 0) {
      throw new IllegalArgumentException("records (" + records + ") must be a multiple of files (" + files + ")");
    }
    byte[][] values = new byte[records][];
    byte[][] keys = new byte[records][];
    Random random = new Random(42);
    for (int i = 0; i < records; i++) {
      String id = String.format("e%07d", i + 1);
      String head = "{\"id\":\"" + id + "\",\"seq\":" + (i + 1) + ",\"amountCents\":" + random.nextInt(10_000_000)
          + ",\"status\":\"" + STATUS[random.nextInt(STATUS.length)] + "\",\"note\":\"";
      int padding = lineBytes - head.length() - 2;
      if (padding < 1) {
        throw new IllegalArgumentException("lines of " + lineBytes + " bytes are too short for the record; use >= 100");
      }
      StringBuilder line = new StringBuilder(lineBytes).append(head);
      for (int c = 0; c < padding; c++) {
        line.append((char) ('a' + random.nextInt(26)));
      }
      line.append("\"}");
      values[i] = line.toString().getBytes(StandardCharsets.UTF_8);
      keys[i] = id.getBytes(StandardCharsets.UTF_8);
    }
    try {
      Files.createDirectories(dir);
      Path single = dir.resolve("events.jsonl");
      write(single, values, 0, records);
      Path split = Files.createDirectories(dir.resolve("split"));
      int perFile = records / files;
      for (int f = 0; f < files; f++) {
        write(split.resolve(String.format("events-%05d.jsonl", f)), values, f * perFile, perFile);
      }
      return new LineData(single, split, records, values, keys);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the benchmark input in " + dir, e);
    }
  }

  private static void write(Path file, byte[][] lines, int from, int count) throws IOException {
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
      for (int i = from; i < from + count; i++) {
        out.write(lines[i]);
        out.write('\n');
      }
    }
  }

  /**
   * The file that holds every line.
   *
   * @return the path
   */
  public Path singleFile() {
    return singleFile;
  }

  /**
   * The directory of the split files.
   *
   * @return the path
   */
  public Path splitDir() {
    return splitDir;
  }

  /**
   * The number of lines.
   *
   * @return the number
   */
  public int records() {
    return records;
  }

  /**
   * Line {@code i} without its line end, as the text-line record value.
   *
   * @param i the index
   * @return the bytes; not to be modified
   */
  public byte[] value(int i) {
    return values[i];
  }

  /**
   * The {@code id} member of line {@code i}, as the JSON record key.
   *
   * @param i the index
   * @return the bytes; not to be modified
   */
  public byte[] key(int i) {
    return keys[i];
  }

  /**
   * Hard-links the given files into a fresh directory, so a spooling connector can delete what it has read while
   * the originals stay for the next run.
   *
   * @param target the directory to create
   * @param sources the files
   * @return {@code target}
   */
  public static Path linkInto(Path target, Path... sources) {
    try {
      Files.createDirectories(target);
      for (Path source : sources) {
        if (Files.isDirectory(source)) {
          try (var files = Files.list(source)) {
            for (Path file : (Iterable<Path>) files.sorted()::iterator) {
              Files.createLink(target.resolve(file.getFileName()), file);
            }
          }
        } else {
          Files.createLink(target.resolve(source.getFileName()), source);
        }
      }
      return target;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot link the input into " + target, e);
    }
  }
}
