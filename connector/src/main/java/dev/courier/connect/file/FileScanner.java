/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.connect.file;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.zip.CRC32;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lists the input directories incrementally: each {@link #step} looks at a bounded number of directory entries, so
 * a directory of tens of thousands of files is listed over several polls without holding up reading. Only regular
 * files whose name matches the pattern and whose canonical path hashes to this task's bucket are returned; files
 * the task already tracks are not even stat'ed.
 *
 * <p>Work is split by hashing each file's canonical path (CRC-32 of its UTF-8 bytes) into {@code taskCount}
 * buckets: every task lists the directories and reads only its own bucket. New files are picked up without a
 * rebalance, and no task config has to carry file lists (a connector-side list would restart every task for each
 * new file and outgrow the config topic for large directories).
 *
 * <p>Safety: symbolic links to directories are never followed; a symbolic link to a file is followed only when its
 * target is inside an input directory (and not in the excluded finished directory); otherwise it is refused and
 * logged once.
 */
final class FileScanner {

  private static final Logger LOG = LoggerFactory.getLogger(FileScanner.class);
  private static final int MAX_REFUSED_REMEMBERED = 10_000;

  private final List<Path> inputDirs;
  private final Pattern pattern;
  private final boolean recursive;
  private final Path excluded;
  private final int taskIndex;
  private final int taskCount;
  private final Deque<Path> pendingDirs = new ArrayDeque<>();
  private final Set<Path> refused = new HashSet<>();
  private DirectoryStream<Path> stream;
  private Iterator<Path> entries;
  private boolean roundComplete = true;

  /**
   * Creates a scanner.
   *
   * @param inputDirs the input directories, canonical
   * @param pattern what file names must match
   * @param recursive whether sub-directories are listed
   * @param excluded a canonical directory never listed (the finished directory), or {@code null}
   * @param taskIndex this task's bucket
   * @param taskCount the number of buckets
   */
  FileScanner(List<Path> inputDirs, Pattern pattern, boolean recursive, Path excluded, int taskIndex, int taskCount) {
    this.inputDirs = List.copyOf(inputDirs);
    this.pattern = pattern;
    this.recursive = recursive;
    this.excluded = excluded;
    this.taskIndex = taskIndex;
    this.taskCount = taskCount;
  }

  /**
   * Whether the last round has listed everything.
   *
   * @return whether no round is in progress
   */
  boolean roundComplete() {
    return roundComplete;
  }

  /** Starts a new listing round. */
  void startRound() {
    closeStream();
    pendingDirs.clear();
    pendingDirs.addAll(inputDirs);
    roundComplete = false;
  }

  /**
   * Lists up to {@code maxEntries} more directory entries of the current round.
   *
   * @param maxEntries the most entries to look at
   * @param known whether a listed path is already tracked (then it is not stat'ed)
   * @return the new files of this task's bucket that were found
   */
  List<Candidate> step(int maxEntries, Predicate<Path> known) {
    List<Candidate> found = new ArrayList<>();
    int looked = 0;
    while (looked < maxEntries && !roundComplete) {
      if (entries == null || !entries.hasNext()) {
        closeStream();
        Path dir = pendingDirs.poll();
        if (dir == null) {
          roundComplete = true;
          break;
        }
        try {
          stream = Files.newDirectoryStream(dir);
          entries = stream.iterator();
        } catch (NoSuchFileException e) {
          LOG.warn("Input directory {} does not exist (any more); nothing is read from it", dir);
        } catch (IOException e) {
          LOG.warn("Cannot list input directory {}: {}", dir, e.toString());
        }
        continue;
      }
      Path entry;
      try {
        entry = entries.next();
      } catch (RuntimeException e) {
        LOG.warn("Listing stopped early in a directory: {}", e.toString());
        entries = null;
        continue;
      }
      looked++;
      if (known.test(entry)) {
        continue;
      }
      Candidate candidate = examine(entry);
      if (candidate != null && owns(candidate.path())) {
        found.add(candidate);
      }
    }
    return found;
  }

  /**
   * Whether this task reads a file.
   *
   * @param canonicalPath the file's canonical path
   * @return whether it hashes to this task's bucket
   */
  boolean owns(Path canonicalPath) {
    return bucket(canonicalPath.toString(), taskCount) == taskIndex;
  }

  /**
   * The bucket of a path.
   *
   * @param canonicalPath the canonical path
   * @param buckets the number of buckets
   * @return the bucket, from 0 to {@code buckets - 1}
   */
  static int bucket(String canonicalPath, int buckets) {
    CRC32 crc = new CRC32();
    crc.update(canonicalPath.getBytes(StandardCharsets.UTF_8));
    return (int) (crc.getValue() % buckets);
  }

  /** Closes the directory being listed. */
  void close() {
    closeStream();
  }

  private Candidate examine(Path entry) {
    BasicFileAttributes attributes;
    try {
      attributes = Files.readAttributes(entry, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    } catch (IOException e) {
      return null;
    }
    if (attributes.isDirectory()) {
      if (recursive && !entry.equals(excluded)) {
        pendingDirs.add(entry);
      }
      return null;
    }
    if (!pattern.matcher(entry.getFileName().toString()).matches()) {
      return null;
    }
    if (attributes.isRegularFile()) {
      return new Candidate(entry, attributes.size(), attributes.lastModifiedTime().toMillis(), attributes.fileKey());
    }
    if (!attributes.isSymbolicLink()) {
      return null;
    }
    try {
      Path target = entry.toRealPath();
      if (!inside(target)) {
        refuse(entry, "its target " + target + " is outside the input directories");
        return null;
      }
      BasicFileAttributes targetAttributes = Files.readAttributes(target, BasicFileAttributes.class);
      if (!targetAttributes.isRegularFile()) {
        return null;
      }
      return new Candidate(target, targetAttributes.size(), targetAttributes.lastModifiedTime().toMillis(),
          targetAttributes.fileKey());
    } catch (IOException e) {
      refuse(entry, "its target cannot be resolved: " + e);
      return null;
    }
  }

  /**
   * Whether a canonical path is inside an input directory and not in the excluded one.
   *
   * @param canonical the canonical path
   * @return whether it may be read
   */
  boolean inside(Path canonical) {
    if (excluded != null && canonical.startsWith(excluded)) {
      return false;
    }
    for (Path dir : inputDirs) {
      if (canonical.startsWith(dir) && !canonical.equals(dir)) {
        return true;
      }
    }
    return false;
  }

  private void refuse(Path entry, String why) {
    if (refused.size() < MAX_REFUSED_REMEMBERED && refused.add(entry)) {
      LOG.warn("Refusing to read symbolic link {}: {}. Only files inside input.paths are read.", entry, why);
    }
  }

  private void closeStream() {
    entries = null;
    if (stream != null) {
      try {
        stream.close();
      } catch (IOException e) {
        LOG.debug("Closing a directory stream failed", e);
      }
      stream = null;
    }
  }

  /**
   * A file found by a listing.
   *
   * @param path its canonical path
   * @param size its size when listed
   * @param modified its last-modified time in epoch milliseconds
   * @param fileKey its file key (device and inode on Unix), or {@code null}
   */
  record Candidate(Path path, long size, long modified, Object fileKey) {}
}
