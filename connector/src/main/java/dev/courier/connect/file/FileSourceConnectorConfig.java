/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.connect.file;

import dev.courier.connect.ConfigChoice;
import dev.courier.connect.CourierSourceConfig;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;

/** The configuration of {@link FileSourceConnector}. */
public final class FileSourceConnectorConfig extends CourierSourceConfig {

  /** The group of the input keys. */
  public static final String INPUT_GROUP = "Input";
  /** The group of the spool-mode keys. */
  public static final String SPOOL_GROUP = "Spool mode";
  /** The group of the tail-mode keys. */
  public static final String TAIL_GROUP = "Tail mode";
  /** The group of the CSV keys. */
  public static final String CSV_GROUP = "CSV";
  /** The group of the reading keys. */
  public static final String READING_GROUP = "Reading";

  /** <code>input.paths</code>: the directories files are read from. */
  public static final String INPUT_PATHS_CONFIG = "input.paths";
  /** Documentation of {@link #INPUT_PATHS_CONFIG}. */
  public static final String INPUT_PATHS_DOC = "The directories whose files are read, as absolute normalized paths"
      + " (no '.' or '..' segments), comma-separated. Only files inside them are read: a symbolic link whose target"
      + " is outside every input directory is refused and logged, and symbolic links to directories are not"
      + " followed. Each open checks this again without following links, and checks that the file is the one"
      + " listed (same device and inode), so a file swapped for a link or another file after it was listed is"
      + " refused with a WARN, never read. Each file's source partition is its canonical path.";

  /** <code>input.file.pattern</code>: the regular expression file names must match. */
  public static final String INPUT_FILE_PATTERN_CONFIG = "input.file.pattern";
  /** Documentation of {@link #INPUT_FILE_PATTERN_CONFIG}. */
  public static final String INPUT_FILE_PATTERN_DOC = "A Java regular expression the whole file name (not the path)"
      + " must match, for example .*\\.csv or app\\.log. Hidden files are matched like any other.";

  /** <code>input.recursive</code>: whether sub-directories are read too. */
  public static final String INPUT_RECURSIVE_CONFIG = "input.recursive";
  /** Documentation of {@link #INPUT_RECURSIVE_CONFIG}. */
  public static final String INPUT_RECURSIVE_DOC = "Whether files in sub-directories of the input directories are"
      + " read too (symbolic links to directories are not followed; spool.finished.path is never read).";

  /** <code>format</code>: the file format. */
  public static final String FORMAT_CONFIG = "format";
  /** Documentation of {@link #FORMAT_CONFIG}. */
  public static final String FORMAT_DOC = "The format of the files. json: one JSON object per line (the value is a"
      + " schemaless map, or a Struct of message.class); csv: a header row, then records (RFC 4180 quoting, quoted"
      + " fields may span lines; the value is a Struct of optional strings named by the header, or of message.class);"
      + " text: each line is a string value with a null key. Files are UTF-8 (a leading byte-order mark is skipped);"
      + " lines end with \\n or \\r\\n; empty lines in json and csv files carry no record and are passed over.";

  /** <code>mode</code>: spool or tail. */
  public static final String MODE_CONFIG = "mode";
  /** Documentation of {@link #MODE_CONFIG}. */
  public static final String MODE_DOC = "spool: read each file to its end once (only files unchanged for"
      + " spool.min.file.age.ms), then move or delete it, but only after every record of it is committed to Kafka;"
      + " the last line needs no line end. tail: keep reading what is appended to each file (a line is read once its"
      + " line end is written); a truncated file is read again from its start, and a file renamed away (rotation)"
      + " is read to its end before the new file at the path is read from its start; both are logged at WARN.";
  /** Default of {@link #MODE_CONFIG}. */
  public static final String MODE_DEFAULT = FileMode.SPOOL.configValue();

  /** <code>spool.finished.action</code>: what happens to a spooled file. */
  public static final String SPOOL_FINISHED_ACTION_CONFIG = "spool.finished.action";
  /** Documentation of {@link #SPOOL_FINISHED_ACTION_CONFIG}. */
  public static final String SPOOL_FINISHED_ACTION_DOC = "What happens to a file in spool mode once every record of"
      + " it is committed: move (to spool.finished.path, keeping its path relative to its input directory; an"
      + " existing file there is never overwritten: a suffix .1, .2, ... is added) or delete.";
  /** Default of {@link #SPOOL_FINISHED_ACTION_CONFIG}. */
  public static final String SPOOL_FINISHED_ACTION_DEFAULT = FinishedAction.MOVE.configValue();

  /** <code>spool.finished.path</code>: where spooled files are moved. */
  public static final String SPOOL_FINISHED_PATH_CONFIG = "spool.finished.path";
  /** Documentation of {@link #SPOOL_FINISHED_PATH_CONFIG}. */
  public static final String SPOOL_FINISHED_PATH_DOC = "The directory finished files are moved to, as an absolute"
      + " normalized path. Required when spool.finished.action is move; must not be an input directory.";

  /** <code>spool.min.file.age.ms</code>: how long a file must be unchanged before it is spooled. */
  public static final String SPOOL_MIN_FILE_AGE_CONFIG = "spool.min.file.age.ms";
  /** Documentation of {@link #SPOOL_MIN_FILE_AGE_CONFIG}. */
  public static final String SPOOL_MIN_FILE_AGE_DOC = "In spool mode, a file is read only once it has not been"
      + " modified for this long, so files still being written are left alone. Writers that write elsewhere and"
      + " rename into the input directory can use 0. A spooled file that changes while it is read is read again as"
      + " a new file (logged at WARN).";
  /** Default of {@link #SPOOL_MIN_FILE_AGE_CONFIG}. */
  public static final long SPOOL_MIN_FILE_AGE_DEFAULT = 1000L;

  /** <code>tail.max.open.files</code>: how many files a task keeps open in tail mode. */
  public static final String TAIL_MAX_OPEN_FILES_CONFIG = "tail.max.open.files";
  /** Documentation of {@link #TAIL_MAX_OPEN_FILES_CONFIG}. */
  public static final String TAIL_MAX_OPEN_FILES_DOC = "In tail mode, the most files one task keeps open (each"
      + " holds a file descriptor and a read buffer of 64 KiB, more while a longer record is read). When another"
      + " file must be read, the file read least recently is closed, keeping its position, and is reopened at that"
      + " position when it grows, without"
      + " reading anything twice. A closed file is checked for appends, rotation and truncation every"
      + " scan.interval.ms. A closed file rotated within its directory is found there by its device and inode and"
      + " read to its end; one moved to another directory or deleted while closed cannot be, and what it held"
      + " beyond the position read up to is logged at WARN with that position. validate() refuses a value above"
      + " half the worker's open-file limit (ulimit -n).";
  /** Default of {@link #TAIL_MAX_OPEN_FILES_CONFIG}. */
  public static final int TAIL_MAX_OPEN_FILES_DEFAULT = 128;

  /** <code>tail.max.tracked.files</code>: how many files a task follows in tail mode. */
  public static final String TAIL_MAX_TRACKED_FILES_CONFIG = "tail.max.tracked.files";
  /** Documentation of {@link #TAIL_MAX_TRACKED_FILES_CONFIG}. */
  public static final String TAIL_MAX_TRACKED_FILES_DOC = "In tail mode, the most files one task follows, open or"
      + " closed (each costs about 2 KiB of heap, measured with 10,000 files). Files found beyond it are not read"
      + " until followed files are removed or rotated away: nothing is dropped, but they wait. The task then logs a WARN naming the count (at"
      + " most every 5 minutes) and reports it in the files-untracked metric; raise this value or tasks.max.";
  /** Default of {@link #TAIL_MAX_TRACKED_FILES_CONFIG}. */
  public static final int TAIL_MAX_TRACKED_FILES_DEFAULT = 10_000;

  /** <code>csv.delimiter</code>: the CSV field delimiter. */
  public static final String CSV_DELIMITER_CONFIG = "csv.delimiter";
  /** Documentation of {@link #CSV_DELIMITER_CONFIG}. */
  public static final String CSV_DELIMITER_DOC = "The CSV field delimiter: one character other than the quote"
      + " (\"), \\r and \\n, for example , or ; or a tab.";
  /** Default of {@link #CSV_DELIMITER_CONFIG}. */
  public static final String CSV_DELIMITER_DEFAULT = ",";

  /** <code>record.max.bytes</code>: the longest record. */
  public static final String RECORD_MAX_BYTES_CONFIG = "record.max.bytes";
  /** Documentation of {@link #RECORD_MAX_BYTES_CONFIG}. */
  public static final String RECORD_MAX_BYTES_DOC = "The longest line (or CSV record) in bytes, without its line"
      + " end. A longer one is a bad record (a dead-letter record carries its first record.max.bytes bytes, at"
      + " most 65536); it is passed over without being held in memory.";
  /** Default of {@link #RECORD_MAX_BYTES_CONFIG}. */
  public static final int RECORD_MAX_BYTES_DEFAULT = 1024 * 1024;

  /** <code>scan.interval.ms</code>: how often the directories are listed. */
  public static final String SCAN_INTERVAL_CONFIG = "scan.interval.ms";
  /** Documentation of {@link #SCAN_INTERVAL_CONFIG}. */
  public static final String SCAN_INTERVAL_DOC = "How often the input directories are listed for new files (and,"
      + " in tail mode, checked for rotation). A listing is spread over polls in steps of"
      + " at most 1000 entries, so large directories never hold up reading.";
  /** Default of {@link #SCAN_INTERVAL_CONFIG}. */
  public static final long SCAN_INTERVAL_DEFAULT = 1000L;

  /** <code>poll.interval.ms</code>: how long a poll waits when there is nothing to read. */
  public static final String POLL_INTERVAL_CONFIG = "poll.interval.ms";
  /** Documentation of {@link #POLL_INTERVAL_CONFIG}. */
  public static final String POLL_INTERVAL_DOC = "How long poll() waits when there is nothing to read before"
      + " returning (and, in tail mode, how soon appended lines are seen).";
  /** Default of {@link #POLL_INTERVAL_CONFIG}. */
  public static final long POLL_INTERVAL_DEFAULT = 200L;

  private static final ConfigDef CONFIG_DEF = build();

  /**
   * Parses a connector or task config.
   *
   * @param originals the config
   * @throws ConfigException when a value is invalid
   */
  public FileSourceConnectorConfig(Map<String, String> originals) {
    super(CONFIG_DEF, originals);
  }

  /**
   * The definition of every key.
   *
   * @return a copy of the definition
   */
  public static ConfigDef configDef() {
    return new ConfigDef(CONFIG_DEF);
  }

  private static ConfigDef build() {
    ConfigDef def = new ConfigDef();
    int order = 0;
    def.define(INPUT_PATHS_CONFIG, ConfigDef.Type.LIST, ConfigDef.NO_DEFAULT_VALUE, new AbsolutePaths(),
            ConfigDef.Importance.HIGH, INPUT_PATHS_DOC, INPUT_GROUP, ++order, ConfigDef.Width.LONG,
            "Input directories")
        .define(INPUT_FILE_PATTERN_CONFIG, ConfigDef.Type.STRING, ConfigDef.NO_DEFAULT_VALUE, new RegexValidator(),
            ConfigDef.Importance.HIGH, INPUT_FILE_PATTERN_DOC, INPUT_GROUP, ++order, ConfigDef.Width.MEDIUM,
            "File name pattern")
        .define(INPUT_RECURSIVE_CONFIG, ConfigDef.Type.BOOLEAN, false, ConfigDef.Importance.LOW,
            INPUT_RECURSIVE_DOC, INPUT_GROUP, ++order, ConfigDef.Width.SHORT, "Read sub-directories")
        .define(FORMAT_CONFIG, ConfigDef.Type.STRING, ConfigDef.NO_DEFAULT_VALUE,
            new OneOf(ConfigChoice.configValues(FileFormat.class)),
            ConfigDef.Importance.HIGH, FORMAT_DOC, INPUT_GROUP, ++order, ConfigDef.Width.SHORT, "Format",
            new Choices(ConfigChoice.configValues(FileFormat.class)))
        .define(MODE_CONFIG, ConfigDef.Type.STRING, MODE_DEFAULT,
            new OneOf(ConfigChoice.configValues(FileMode.class)),
            ConfigDef.Importance.HIGH, MODE_DOC, INPUT_GROUP, ++order, ConfigDef.Width.SHORT, "Mode",
            new Choices(ConfigChoice.configValues(FileMode.class)));
    order = 0;
    SpoolOnly spoolOnly = new SpoolOnly();
    def.define(SPOOL_FINISHED_ACTION_CONFIG, ConfigDef.Type.STRING, SPOOL_FINISHED_ACTION_DEFAULT,
            new OneOf(ConfigChoice.configValues(FinishedAction.class)), ConfigDef.Importance.HIGH,
            SPOOL_FINISHED_ACTION_DOC, SPOOL_GROUP, ++order, ConfigDef.Width.SHORT, "Finished files",
            List.of(MODE_CONFIG), new SpoolOnly(ConfigChoice.configValues(FinishedAction.class)))
        .define(SPOOL_FINISHED_PATH_CONFIG, ConfigDef.Type.STRING, null, new OptionalAbsolutePath(),
            ConfigDef.Importance.HIGH, SPOOL_FINISHED_PATH_DOC, SPOOL_GROUP, ++order, ConfigDef.Width.LONG,
            "Finished directory", List.of(MODE_CONFIG, SPOOL_FINISHED_ACTION_CONFIG), spoolOnly)
        .define(SPOOL_MIN_FILE_AGE_CONFIG, ConfigDef.Type.LONG, SPOOL_MIN_FILE_AGE_DEFAULT,
            ConfigDef.Range.atLeast(0), ConfigDef.Importance.MEDIUM, SPOOL_MIN_FILE_AGE_DOC, SPOOL_GROUP, ++order,
            ConfigDef.Width.SHORT, "Minimum file age (ms)", List.of(MODE_CONFIG), spoolOnly);
    order = 0;
    ShownWhen tailOnly = new ShownWhen(MODE_CONFIG, FileMode.TAIL.configValue());
    def.define(TAIL_MAX_OPEN_FILES_CONFIG, ConfigDef.Type.INT, TAIL_MAX_OPEN_FILES_DEFAULT,
            ConfigDef.Range.between(1, 1_000_000), ConfigDef.Importance.MEDIUM, TAIL_MAX_OPEN_FILES_DOC, TAIL_GROUP,
            ++order, ConfigDef.Width.SHORT, "Most open files", List.of(MODE_CONFIG), tailOnly)
        .define(TAIL_MAX_TRACKED_FILES_CONFIG, ConfigDef.Type.INT, TAIL_MAX_TRACKED_FILES_DEFAULT,
            ConfigDef.Range.between(1, 10_000_000), ConfigDef.Importance.MEDIUM, TAIL_MAX_TRACKED_FILES_DOC,
            TAIL_GROUP, ++order, ConfigDef.Width.SHORT, "Most followed files", List.of(MODE_CONFIG), tailOnly);
    order = 0;
    def.define(CSV_DELIMITER_CONFIG, ConfigDef.Type.STRING, CSV_DELIMITER_DEFAULT, new DelimiterValidator(),
        ConfigDef.Importance.MEDIUM, CSV_DELIMITER_DOC, CSV_GROUP, ++order, ConfigDef.Width.SHORT, "Delimiter",
        List.of(FORMAT_CONFIG), new ShownWhen(FORMAT_CONFIG, FileFormat.CSV.configValue()));
    order = 0;
    def.define(RECORD_MAX_BYTES_CONFIG, ConfigDef.Type.INT, RECORD_MAX_BYTES_DEFAULT,
            ConfigDef.Range.between(16, 64 * 1024 * 1024), ConfigDef.Importance.MEDIUM, RECORD_MAX_BYTES_DOC,
            READING_GROUP, ++order, ConfigDef.Width.SHORT, "Longest record (bytes)")
        .define(SCAN_INTERVAL_CONFIG, ConfigDef.Type.LONG, SCAN_INTERVAL_DEFAULT, ConfigDef.Range.atLeast(10),
            ConfigDef.Importance.LOW, SCAN_INTERVAL_DOC, READING_GROUP, ++order, ConfigDef.Width.SHORT,
            "Scan interval (ms)")
        .define(POLL_INTERVAL_CONFIG, ConfigDef.Type.LONG, POLL_INTERVAL_DEFAULT, ConfigDef.Range.between(1,
            60_000), ConfigDef.Importance.LOW, POLL_INTERVAL_DOC, READING_GROUP, ++order, ConfigDef.Width.SHORT,
            "Idle poll wait (ms)");
    return addSharedKeys(def);
  }

  /**
   * {@code input.paths}.
   *
   * @return the input directories as given
   */
  public List<Path> inputPaths() {
    return getList(INPUT_PATHS_CONFIG).stream().map(String::trim).map(Paths::get).toList();
  }

  /**
   * {@code input.file.pattern}.
   *
   * @return the compiled pattern
   */
  public Pattern filePattern() {
    return Pattern.compile(getString(INPUT_FILE_PATTERN_CONFIG));
  }

  /**
   * {@code input.recursive}.
   *
   * @return whether sub-directories are read
   */
  public boolean recursive() {
    return getBoolean(INPUT_RECURSIVE_CONFIG);
  }

  /**
   * {@code format}.
   *
   * @return the format
   */
  public FileFormat format() {
    return FileFormat.parse(getString(FORMAT_CONFIG));
  }

  /**
   * {@code mode}.
   *
   * @return the mode
   */
  public FileMode mode() {
    return FileMode.parse(getString(MODE_CONFIG));
  }

  /**
   * {@code spool.finished.action}.
   *
   * @return whether finished files are deleted (else moved)
   */
  public boolean deleteFinished() {
    return FinishedAction.parse(getString(SPOOL_FINISHED_ACTION_CONFIG)) == FinishedAction.DELETE;
  }

  /**
   * {@code spool.finished.path}.
   *
   * @return the directory, or {@code null}
   */
  public Path finishedPath() {
    String value = blankToNull(getString(SPOOL_FINISHED_PATH_CONFIG));
    return value == null ? null : Paths.get(value);
  }

  /**
   * {@code spool.min.file.age.ms}.
   *
   * @return the minimum age
   */
  public Duration minFileAge() {
    return Duration.ofMillis(getLong(SPOOL_MIN_FILE_AGE_CONFIG));
  }

  /**
   * {@code tail.max.open.files}.
   *
   * @return the most files a task keeps open in tail mode
   */
  public int tailMaxOpenFiles() {
    return getInt(TAIL_MAX_OPEN_FILES_CONFIG);
  }

  /**
   * {@code tail.max.tracked.files}.
   *
   * @return the most files a task follows in tail mode
   */
  public int tailMaxTrackedFiles() {
    return getInt(TAIL_MAX_TRACKED_FILES_CONFIG);
  }

  /**
   * {@code csv.delimiter}.
   *
   * @return the delimiter
   */
  public char csvDelimiter() {
    return getString(CSV_DELIMITER_CONFIG).charAt(0);
  }

  /**
   * {@code record.max.bytes}.
   *
   * @return the longest record in bytes
   */
  public int recordMaxBytes() {
    return getInt(RECORD_MAX_BYTES_CONFIG);
  }

  /**
   * {@code scan.interval.ms}.
   *
   * @return the scan interval
   */
  public Duration scanInterval() {
    return Duration.ofMillis(getLong(SCAN_INTERVAL_CONFIG));
  }

  /**
   * {@code poll.interval.ms}.
   *
   * @return the idle wait
   */
  public Duration pollInterval() {
    return Duration.ofMillis(getLong(POLL_INTERVAL_CONFIG));
  }

  /**
   * Checks that a path is absolute and normalized.
   *
   * @param text the path as configured
   * @return the problem, or {@code null} when the path is acceptable
   */
  static String pathProblem(String text) {
    Path path;
    try {
      path = Paths.get(text.trim());
    } catch (InvalidPathException e) {
      return "'" + text + "' is not a path: " + e.getReason();
    }
    if (!path.isAbsolute()) {
      return "'" + text + "' is not absolute; give the full path, for example /var/spool/in";
    }
    for (Path segment : path) {
      if (segment.toString().equals("..") || segment.toString().equals(".")) {
        return "'" + text + "' has a '" + segment + "' segment; give the normalized path " + path.normalize();
      }
    }
    return null;
  }

  /** Validates the input directories. */
  static final class AbsolutePaths implements ConfigDef.Validator {
    @Override
    public void ensureValid(String name, Object value) {
      @SuppressWarnings("unchecked")
      List<String> paths = (List<String>) value;
      if (paths == null || paths.isEmpty()) {
        throw new ConfigException(name, value, "at least one input directory is required");
      }
      for (String path : paths) {
        String problem = pathProblem(path);
        if (problem != null) {
          throw new ConfigException(name, value, problem);
        }
      }
    }

    @Override
    public String toString() {
      return "absolute normalized directory paths, comma-separated";
    }
  }

  /** Validates an optional absolute path. */
  static final class OptionalAbsolutePath implements ConfigDef.Validator {
    @Override
    public void ensureValid(String name, Object value) {
      if (value == null || value.toString().isBlank()) {
        return;
      }
      String problem = pathProblem(value.toString());
      if (problem != null) {
        throw new ConfigException(name, value, problem);
      }
    }

    @Override
    public String toString() {
      return "an absolute normalized directory path";
    }
  }

  /** Validates a regular expression. */
  static final class RegexValidator implements ConfigDef.Validator {
    @Override
    public void ensureValid(String name, Object value) {
      if (value == null || value.toString().isEmpty()) {
        throw new ConfigException(name, value, "a file name pattern is required, for example .*\\.json");
      }
      try {
        Pattern.compile(value.toString());
      } catch (PatternSyntaxException e) {
        throw new ConfigException(name, value, "not a Java regular expression: " + e.getDescription()
            + " near index " + e.getIndex());
      }
    }

    @Override
    public String toString() {
      return "a Java regular expression";
    }
  }

  /** Validates the CSV delimiter. */
  static final class DelimiterValidator implements ConfigDef.Validator {
    @Override
    public void ensureValid(String name, Object value) {
      String text = value == null ? "" : value.toString();
      if (text.length() != 1 || text.equals("\"") || text.equals("\r") || text.equals("\n")) {
        throw new ConfigException(name, value, "the delimiter is one character other than \", \\r and \\n");
      }
    }

    @Override
    public String toString() {
      return "one character other than \", \\r and \\n";
    }
  }

  /** Shows a key only in spool mode. */
  static final class SpoolOnly implements ConfigDef.Recommender {
    private final List<Object> values;

    SpoolOnly() {
      this(List.of());
    }

    SpoolOnly(List<?> values) {
      this.values = List.copyOf(values);
    }

    @Override
    public List<Object> validValues(String name, Map<String, Object> parsedConfig) {
      return new java.util.ArrayList<>(values);
    }

    @Override
    public boolean visible(String name, Map<String, Object> parsedConfig) {
      Object mode = parsedConfig.get(MODE_CONFIG);
      return mode == null || FileMode.SPOOL.configValue().equalsIgnoreCase(mode.toString());
    }
  }

  /** Shows a key only when another key has a given value (csv keys for format=csv, tail keys for mode=tail). */
  static final class ShownWhen implements ConfigDef.Recommender {
    private final String key;
    private final String value;

    ShownWhen(String key, String value) {
      this.key = key;
      this.value = value;
    }

    @Override
    public List<Object> validValues(String name, Map<String, Object> parsedConfig) {
      return new java.util.ArrayList<>();
    }

    @Override
    public boolean visible(String name, Map<String, Object> parsedConfig) {
      Object actual = parsedConfig.get(key);
      return actual != null && value.equalsIgnoreCase(actual.toString());
    }
  }
}
