/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.connect.file;

import dev.courier.config.MemberDescriptor;
import dev.courier.config.MessageDescriptor;
import dev.courier.connect.ConfigIssues;
import dev.courier.connect.CourierSourceConfig;
import dev.courier.connect.CourierSourceConnector;
import dev.courier.connect.MessageDocument;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.connector.Task;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.source.ConnectorTransactionBoundaries;
import org.apache.kafka.connect.source.ExactlyOnceSupport;

/**
 * Streams the files under configured directories into a topic: JSON lines, CSV or text, in spool or tail mode, with
 * exact byte offsets (source partition {@code {"path": <canonical path>}}, source offset
 * {@code {"position", "line", "head.length", "head.crc", "modified"}}), exactly-once support and a bad-record policy.
 * See {@code docs/reference/file-source-connector.md} for every key.
 *
 * <p>Tasks split the files by a hash of their canonical path, so each file is read by exactly one task and new files
 * are picked up without a rebalance.
 */
public final class FileSourceConnector extends CourierSourceConnector<FileSourceConnectorConfig> {

  @Override
  protected FileSourceConnectorConfig parse(Map<String, String> props) {
    return new FileSourceConnectorConfig(props);
  }

  @Override
  public Class<? extends Task> taskClass() {
    return FileSourceTask.class;
  }

  @Override
  public List<Map<String, String>> taskConfigs(int maxTasks) {
    List<Map<String, String>> configs = new ArrayList<>(maxTasks);
    for (int i = 0; i < maxTasks; i++) {
      Map<String, String> task = new HashMap<>(props());
      task.put(FileSourceTask.TASK_INDEX_CONFIG, Integer.toString(i));
      task.put(FileSourceTask.TASK_COUNT_CONFIG, Integer.toString(maxTasks));
      configs.add(task);
    }
    return configs;
  }

  @Override
  public ConfigDef config() {
    return FileSourceConnectorConfig.configDef();
  }

  /** Byte offsets are exact, so exactly-once delivery is supported in every mode and format. */
  @Override
  public ExactlyOnceSupport exactlyOnceSupport(Map<String, String> connectorConfig) {
    return ExactlyOnceSupport.SUPPORTED;
  }

  /**
   * With {@code transaction.boundary=connector}, a transaction ends when a file is read to its end (spool) or
   * caught up with (tail), so consumers reading committed records see whole files, or whole appends.
   */
  @Override
  public ConnectorTransactionBoundaries canDefineTransactionBoundaries(Map<String, String> connectorConfig) {
    return ConnectorTransactionBoundaries.SUPPORTED;
  }

  @Override
  protected void checkSource(Map<String, String> config, MessageDescriptor descriptor, ConfigIssues issues) {
    String format = config.get(FileSourceConnectorConfig.FORMAT_CONFIG);
    boolean formatKnown = format != null && !issues.hasError(FileSourceConnectorConfig.FORMAT_CONFIG);
    if (formatKnown && FileFormat.parse(format) == FileFormat.TEXT) {
      if (CourierSourceConfig.keyMemberOf(config) != null) {
        String key = CourierSourceConfig.keyMemberKey(config);
        issues.add(key, "format=text has no members, so " + key + " cannot name one. Fix: remove " + key
            + " (text records have a null key), or use format json or csv.");
      }
      if (descriptor != null) {
        issues.add(FileSourceConnectorConfig.MESSAGE_CLASS_CONFIG, "format=text has no members to check against "
            + descriptor.messageClassName() + ". Fix: use format json or csv, or remove message.class.");
      }
    }
    String valueConverter = config.get("value.converter");
    if (formatKnown && FileFormat.parse(format) != FileFormat.TEXT && descriptor == null && valueConverter != null
        && valueConverter.trim().equals("org.apache.kafka.connect.storage.StringConverter")) {
      issues.add("value.converter", "format=" + format + " produces structured values (a map or a Struct), which"
          + " StringConverter would write as Java's toString(). Fix: use"
          + " org.apache.kafka.connect.json.JsonConverter (with value.converter.schemas.enable=false for plain"
          + " JSON) or another structured converter.");
    }
    if (spool(config, issues) && finishedAction(config, issues) == FinishedAction.MOVE) {
      String finished = config.get(FileSourceConnectorConfig.SPOOL_FINISHED_PATH_CONFIG);
      if ((finished == null || finished.isBlank())
          && !issues.hasError(FileSourceConnectorConfig.SPOOL_FINISHED_PATH_CONFIG)) {
        issues.add(FileSourceConnectorConfig.SPOOL_FINISHED_PATH_CONFIG, "spool mode with"
            + " spool.finished.action=move needs the directory finished files are moved to. Fix: set"
            + " spool.finished.path, or set spool.finished.action=delete.");
      }
    }
  }

  /** The worker's side: the input directories, the open-file limit in tail mode, the directory for finished files. */
  @Override
  protected void probeSource(Map<String, String> config, MessageDescriptor descriptor, ConfigIssues issues) {
    List<Path> inputs = new ArrayList<>();
    if (!issues.hasError(FileSourceConnectorConfig.INPUT_PATHS_CONFIG)
        && config.get(FileSourceConnectorConfig.INPUT_PATHS_CONFIG) != null) {
      for (String text : config.get(FileSourceConnectorConfig.INPUT_PATHS_CONFIG).split(",")) {
        if (text.isBlank()) {
          continue;
        }
        Path dir = Paths.get(text.trim());
        if (!Files.isDirectory(dir)) {
          issues.add(FileSourceConnectorConfig.INPUT_PATHS_CONFIG, dir + " is not a directory on this worker."
              + " Fix: create it, or correct the path (every worker running a task must see it).");
        } else if (!Files.isReadable(dir)) {
          issues.add(FileSourceConnectorConfig.INPUT_PATHS_CONFIG, dir + " is not readable by the worker's user.");
        } else {
          inputs.add(realPath(dir));
        }
      }
    }
    String maxOpen = config.get(FileSourceConnectorConfig.TAIL_MAX_OPEN_FILES_CONFIG);
    if (mode(config, issues) == FileMode.TAIL
        && !issues.hasError(FileSourceConnectorConfig.TAIL_MAX_OPEN_FILES_CONFIG)) {
      checkOpenFileLimit(maxOpen == null ? FileSourceConnectorConfig.TAIL_MAX_OPEN_FILES_DEFAULT
          : Integer.parseInt(maxOpen.trim()), openFileLimit(), issues);
    }
    String finished = config.get(FileSourceConnectorConfig.SPOOL_FINISHED_PATH_CONFIG);
    if (spool(config, issues) && finishedAction(config, issues) == FinishedAction.MOVE && finished != null
        && !finished.isBlank()
        && !issues.hasError(FileSourceConnectorConfig.SPOOL_FINISHED_PATH_CONFIG)) {
      Path dir = Paths.get(finished.trim());
      if (Files.exists(dir) && (!Files.isDirectory(dir) || !Files.isWritable(dir))) {
        issues.add(FileSourceConnectorConfig.SPOOL_FINISHED_PATH_CONFIG, dir + " is not a writable directory.");
      } else if (Files.exists(dir) && inputs.contains(realPath(dir))) {
        issues.add(FileSourceConnectorConfig.SPOOL_FINISHED_PATH_CONFIG, dir + " is an input directory, so"
            + " finished files would be read again. Fix: use a directory outside input.paths.");
      }
    }
  }

  /** The mode, or {@code null} when {@code mode} is in error. */
  private static FileMode mode(Map<String, String> config, ConfigIssues issues) {
    if (issues.hasError(FileSourceConnectorConfig.MODE_CONFIG)) {
      return null;
    }
    return FileMode.parse(config.getOrDefault(FileSourceConnectorConfig.MODE_CONFIG,
        FileSourceConnectorConfig.MODE_DEFAULT));
  }

  private static boolean spool(Map<String, String> config, ConfigIssues issues) {
    return mode(config, issues) == FileMode.SPOOL;
  }

  /** The finished-file action, or {@code null} when {@code spool.finished.action} has an error. */
  private static FinishedAction finishedAction(Map<String, String> config, ConfigIssues issues) {
    return issues.hasError(FileSourceConnectorConfig.SPOOL_FINISHED_ACTION_CONFIG)
        ? null
        : FinishedAction.parse(config.getOrDefault(FileSourceConnectorConfig.SPOOL_FINISHED_ACTION_CONFIG,
            FileSourceConnectorConfig.SPOOL_FINISHED_ACTION_DEFAULT));
  }

  /**
   * Refuses a {@code tail.max.open.files} above half the worker's open-file limit: the worker needs descriptors for
   * its sockets, jars and other tasks, and a task that runs out fails on its next open.
   *
   * @param maxOpen the configured value
   * @param limit the worker's open-file limit, or -1 when the platform does not tell
   * @param issues where the error goes
   */
  private static void checkOpenFileLimit(int maxOpen, long limit, ConfigIssues issues) {
    if (limit > 0 && maxOpen > limit / 2) {
      issues.add(FileSourceConnectorConfig.TAIL_MAX_OPEN_FILES_CONFIG, "tail.max.open.files=" + maxOpen + " is more"
          + " than half this worker's open-file limit (" + limit + ", ulimit -n), which its sockets, jars and other"
          + " tasks share. Fix: set it to at most " + limit / 2 + ", or raise the worker's limit.");
    }
  }

  /** This JVM's open-file limit, or -1 where the platform does not tell. */
  private static long openFileLimit() {
    try {
      if (java.lang.management.ManagementFactory.getOperatingSystemMXBean()
          instanceof com.sun.management.UnixOperatingSystemMXBean unix) {
        return unix.getMaxFileDescriptorCount();
      }
    } catch (LinkageError e) {
      // A JVM without the jdk.management module: no limit is known.
    }
    return -1;
  }

  private static Path realPath(Path dir) {
    try {
      return dir.toRealPath();
    } catch (IOException e) {
      return dir.toAbsolutePath().normalize();
    }
  }

  @Override
  protected void checkSourcePartition(Map<String, String> connectorConfig, Map<String, ?> partition) {
    onlyKeys(partition, "partition", List.of(FileOffset.PATH));
    Object path = partition.get(FileOffset.PATH);
    if (!(path instanceof String text)) {
      throw new ConnectException("The source partition " + partition + " has no string 'path'; "
          + describeOffsets());
    }
    String problem = FileSourceConnectorConfig.pathProblem(text);
    if (problem != null) {
      throw new ConnectException("The source partition " + partition + " is invalid: " + problem);
    }
    // Where the path really leads: through a symbolic link to a directory, a path under an input directory can name
    // a file outside it.
    Path file = resolveExisting(Paths.get(text));
    String dirs = connectorConfig.get(FileSourceConnectorConfig.INPUT_PATHS_CONFIG);
    if (dirs != null) {
      for (String dir : dirs.split(",")) {
        Path input = realPath(Paths.get(dir.trim()));
        if (file.startsWith(input) && !file.equals(input)) {
          return;
        }
      }
      throw new ConnectException("The source partition " + partition + " names a file outside input.paths ("
          + dirs + ")" + (file.toString().equals(text) ? "" : ": it leads to " + file)
          + "; this connector never reads it");
    }
  }

  /** The real path of the longest existing prefix of an absolute path, followed by the rest of it. */
  private static Path resolveExisting(Path path) {
    Path existing = path;
    while (existing != null && !Files.exists(existing, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      existing = existing.getParent();
    }
    if (existing == null) {
      return path;
    }
    return realPath(existing).resolve(existing.relativize(path));
  }

  @Override
  protected void checkSourceOffset(Map<String, String> connectorConfig, Map<String, ?> partition,
      Map<String, ?> offset) {
    onlyKeys(offset, "offset", List.of(FileOffset.POSITION, FileOffset.LINE, FileOffset.HEAD_LENGTH,
        FileOffset.HEAD_CRC, FileOffset.MODIFIED));
    long position = nonNegativeLong(offset, FileOffset.POSITION, true);
    Long line = nonNegativeLong(offset, FileOffset.LINE, false);
    if (line != null && line == 0 && position > 0) {
      throw new ConnectException("The offset " + offset + " has line 0 after byte 0; lines count from 1 (or leave"
          + " 'line' out and the task counts lines); " + describeOffsets());
    }
    Long headLength = nonNegativeLong(offset, FileOffset.HEAD_LENGTH, false);
    Long headCrc = nonNegativeLong(offset, FileOffset.HEAD_CRC, false);
    if ((headLength == null) != (headCrc == null)) {
      throw new ConnectException("The offset " + offset + " must have both 'head.length' and 'head.crc' or"
          + " neither; " + describeOffsets());
    }
    if (headLength != null && (headLength > Math.min(position, FileOffset.HEAD_BYTES) || headCrc > 0xFFFFFFFFL)) {
      throw new ConnectException("The offset " + offset + " has a 'head.length' above min(position, "
          + FileOffset.HEAD_BYTES + ") or a 'head.crc' above 2^32-1; " + describeOffsets());
    }
    nonNegativeLong(offset, FileOffset.MODIFIED, false);
  }

  @Override
  protected String describeOffsets() {
    return "a file source partition is {\"path\": \"<canonical file path inside input.paths>\"} and its offset is"
        + " {\"position\": <byte position of the next line, at the start of a line>} with optional \"line\""
        + " (the next line's number, from 1), \"head.length\" and \"head.crc\" (the CRC-32C of the file's first"
        + " head.length bytes; a file whose first bytes differ is read from its start) and \"modified\" (spool"
        + " mode: the file's last-modified epoch milliseconds); a null offset reads the file from its start";
  }
}
