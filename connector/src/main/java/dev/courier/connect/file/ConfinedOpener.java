/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.connect.file;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.SecureDirectoryStream;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Set;

/**
 * Opens the files a task reads so that whoever can write to the input directories cannot lead the task outside them.
 *
 * <p>A listed path is opened later, sometimes much later (tail mode reopens files), and in between a writer of the
 * input directory can rename the file away and put a symbolic link to any file the worker may read in its place, or
 * do the same to a sub-directory on the way. So a path is never simply opened. Every open:
 *
 * <ol>
 *   <li>walks from the input directory to the file one name at a time without following a symbolic link: each
 *       directory is opened relative to the one before it ({@code openat} with {@code O_NOFOLLOW}, through a
 *       {@link SecureDirectoryStream}), so no directory on the way can be swapped between a check and the open;
 *   <li>checks, relative to that directory, that the name is a regular file (not a link, not a FIFO that would block
 *       the open) with the file key (device and inode) the listing saw;
 *   <li>opens it without following a symbolic link, and checks the name again, so a swap during the open is noticed.
 * </ol>
 *
 * <p>What is opened is therefore a regular file reached from an input directory through real directories only: its
 * real path is inside {@code input.paths}. Hard links are the one way a writer can still put an outside file there;
 * Linux refuses them for files the writer does not own ({@code fs.protected_hardlinks=1}, the default).
 *
 * <p>On a platform without secure directory streams (Windows), the same checks run on paths: the file must be a
 * regular file with the listed key, its real path must be itself (no link on the way), it is opened with
 * {@code NOFOLLOW_LINKS}, and then checked again. A writer who swaps a directory twice within one open could get past
 * that; such platforms are warned about when a task starts.
 */
final class ConfinedOpener {

  private static final Set<OpenOption> READ_NO_LINKS = Set.of(StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);

  private final List<Path> inputDirs;
  private final boolean secureStreams;

  /**
   * Creates an opener for the given input directories.
   *
   * @param inputDirs the input directories, as real paths
   * @param secureStreams whether to walk directories through secure directory streams when the platform has them
   *     (tests turn it off to exercise the path checks)
   */
  ConfinedOpener(List<Path> inputDirs, boolean secureStreams) {
    this.inputDirs = List.copyOf(inputDirs);
    this.secureStreams = secureStreams;
  }

  /**
   * Whether this platform walks directories without following links (else only path checks guard an open).
   *
   * @return whether secure directory streams are used
   */
  boolean secure() {
    if (!secureStreams || inputDirs.isEmpty()) {
      return false;
    }
    try (DirectoryStream<Path> stream = Files.newDirectoryStream(inputDirs.get(0))) {
      return stream instanceof SecureDirectoryStream;
    } catch (IOException e) {
      return false;
    }
  }

  /**
   * Opens a file for reading, confined to the input directories.
   *
   * @param path the file's canonical path, as listed
   * @param expectedKey the file key the file must have (the listed one, or the one it had when first opened), or
   *     {@code null} when the platform has no file keys
   * @return the open channel and the file's attributes
   * @throws Refused when the path does not lead to that regular file inside the input directories
   * @throws NoSuchFileException when the file (or a directory on the way) no longer exists
   * @throws IOException when it cannot be read
   */
  Opened open(Path path, Object expectedKey) throws IOException {
    Path dir = inputDirOf(path);
    if (dir == null) {
      throw new Refused(path, "it is not inside input.paths " + inputDirs, false);
    }
    Path relative = dir.relativize(path);
    DirectoryStream<Path> top = secureStreams ? Files.newDirectoryStream(dir) : null;
    if (!(top instanceof SecureDirectoryStream<Path> secure)) {
      if (top != null) {
        top.close();
      }
      return openByPath(path, expectedKey);
    }
    SecureDirectoryStream<Path> current = secure;
    try {
      for (int i = 0; i < relative.getNameCount() - 1; i++) {
        SecureDirectoryStream<Path> next;
        Path name = relative.getName(i);
        try {
          next = current.newDirectoryStream(name, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
          throw e;
        } catch (FileSystemException e) {
          // ELOOP (a symbolic link) or ENOTDIR, or another failure (too many open files) that is not a refusal.
          BasicFileAttributes attributes = current.getFileAttributeView(name, BasicFileAttributeView.class,
              LinkOption.NOFOLLOW_LINKS).readAttributes();
          if (attributes.isDirectory()) {
            throw e;
          }
          throw new Refused(path, "the directory " + dir.resolve(relative.subpath(0, i + 1)) + " on its way is now"
              + (attributes.isSymbolicLink() ? " a symbolic link" : " not a directory"), false);
        }
        current.close();
        current = next;
      }
      Path name = relative.getFileName();
      BasicFileAttributeView view = current.getFileAttributeView(name, BasicFileAttributeView.class,
          LinkOption.NOFOLLOW_LINKS);
      check(path, view.readAttributes(), expectedKey);
      SeekableByteChannel channel;
      try {
        channel = current.newByteChannel(name, READ_NO_LINKS);
      } catch (NoSuchFileException e) {
        throw e;
      } catch (FileSystemException e) {
        // ELOOP when it became a link since the check; any other failure is not a refusal.
        check(path, view.readAttributes(), expectedKey);
        throw e;
      }
      return checked(path, channel, view, expectedKey);
    } finally {
      current.close();
    }
  }

  /** The path checks, where the platform has no secure directory streams. */
  private Opened openByPath(Path path, Object expectedKey) throws IOException {
    check(path, Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS), expectedKey);
    checkRealPath(path);
    SeekableByteChannel channel;
    try {
      channel = FileChannel.open(path, READ_NO_LINKS);
    } catch (NoSuchFileException e) {
      throw e;
    } catch (FileSystemException e) {
      check(path, Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS), expectedKey);
      throw e;
    }
    try {
      checkRealPath(path);
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
    return checked(path, channel, Files.getFileAttributeView(path, BasicFileAttributeView.class,
        LinkOption.NOFOLLOW_LINKS), expectedKey);
  }

  /** Checks the name once more after the open, so a file swapped in during the open is not read. */
  private static Opened checked(Path path, SeekableByteChannel channel, BasicFileAttributeView view,
      Object expectedKey) throws IOException {
    try {
      BasicFileAttributes after = view.readAttributes();
      check(path, after, expectedKey);
      if (!(channel instanceof FileChannel fileChannel)) {
        throw new IOException("the platform opened " + path + " as a " + channel.getClass().getName()
            + ", not a FileChannel");
      }
      return new Opened(fileChannel, after);
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
  }

  private static void check(Path path, BasicFileAttributes attributes, Object expectedKey) throws Refused {
    if (attributes.isSymbolicLink()) {
      throw new Refused(path, "it is now a symbolic link", false);
    }
    if (!attributes.isRegularFile()) {
      throw new Refused(path, "it is no longer a regular file", false);
    }
    if (expectedKey != null && !expectedKey.equals(attributes.fileKey())) {
      throw new Refused(path, "another file now has its path (file key " + attributes.fileKey() + ", listed as "
          + expectedKey + ")", true);
    }
  }

  private void checkRealPath(Path path) throws IOException {
    Path real = path.toRealPath();
    if (!real.equals(path)) {
      throw new Refused(path, "its real path is " + real + ": a symbolic link is on its way", false);
    }
  }

  private Path inputDirOf(Path path) {
    for (Path dir : inputDirs) {
      if (path.startsWith(dir) && !path.equals(dir)) {
        return dir;
      }
    }
    return null;
  }

  /**
   * An opened file.
   *
   * @param channel the channel, to be closed by the caller
   * @param attributes the file's attributes, read from the name just after it was opened
   */
  record Opened(FileChannel channel, BasicFileAttributes attributes) {}

  /** A path that does not lead to the listed regular file inside the input directories; the file is not read. */
  static final class Refused extends IOException {
    private static final long serialVersionUID = 1L;

    private final transient Path path;
    private final String reason;
    private final boolean replaced;

    Refused(Path path, String reason, boolean replaced) {
      super("refusing to read " + path + ": " + reason);
      this.path = path;
      this.reason = reason;
      this.replaced = replaced;
    }

    /**
     * The refused path.
     *
     * @return the path
     */
    Path path() {
      return path;
    }

    /**
     * Why it is refused.
     *
     * @return the reason
     */
    String reason() {
      return reason;
    }

    /**
     * Whether the path is a regular file inside the input directories, only another one than expected (a file
     * rotated or replaced at that path).
     *
     * @return whether another regular file now has the path
     */
    boolean replaced() {
      return replaced;
    }
  }
}
