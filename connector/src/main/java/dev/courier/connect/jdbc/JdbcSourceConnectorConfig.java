/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.connect.jdbc;

import dev.courier.connect.ConfigChoice;
import dev.courier.connect.CourierSourceConfig;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.types.Password;

/** The configuration of {@link JdbcSourceConnector}. */
public final class JdbcSourceConnectorConfig extends CourierSourceConfig {

  /** The group of the connection keys. */
  public static final String CONNECTION_GROUP = "Connection";
  /** The group of the keys that say what is read. */
  public static final String SOURCE_GROUP = "Source";
  /** The group of the keys that protect against rows committed late. */
  public static final String CONSISTENCY_GROUP = "Late commits";
  /** The group of the value-mapping keys. */
  public static final String VALUES_GROUP = "Values";
  /** The group of the reading keys. */
  public static final String READING_GROUP = "Reading";

  /** <code>connection.url</code>: the JDBC URL. */
  public static final String CONNECTION_URL_CONFIG = "connection.url";
  /** Documentation of {@link #CONNECTION_URL_CONFIG}. */
  public static final String CONNECTION_URL_DOC = "The JDBC URL of the database, for example"
      + " jdbc:postgresql://db:5432/shop or jdbc:mariadb://db:3306/shop. PostgreSQL and MariaDB drivers are bundled"
      + " (jdbc:mysql: URLs are served by the MariaDB driver when it is asked to with permitMysqlScheme); H2 works"
      + " when its driver is added. A URL may carry credentials (user:password@, password=..., ;PASSWORD=...), so"
      + " it is a password-type key: Kafka shows it as [hidden] in config dumps and validate responses, and Courier"
      + " logs and reports it with every password parameter and user-info password masked. Prefer"
      + " connection.password (or a config provider) to a password in the URL. Connections are read-only (see the"
      + " reference).";

  /** <code>connection.user</code>: the database user. */
  public static final String CONNECTION_USER_CONFIG = "connection.user";
  /** Documentation of {@link #CONNECTION_USER_CONFIG}. */
  public static final String CONNECTION_USER_DOC = "The database user. It needs SELECT on the tables (or what the"
      + " query reads); with commit.barrier=auto on MariaDB also the PROCESS privilege.";

  /** <code>connection.password</code>: the database password. */
  public static final String CONNECTION_PASSWORD_CONFIG = "connection.password";
  /** Documentation of {@link #CONNECTION_PASSWORD_CONFIG}. */
  public static final String CONNECTION_PASSWORD_DOC = "The database password. Never logged nor shown in errors;"
      + " use a Connect config provider (for example ${file:/secrets/db.properties:password}) to keep it out of the"
      + " connector config.";

  /** <code>connection.timeout.ms</code>: how long connecting may take. */
  public static final String CONNECTION_TIMEOUT_CONFIG = "connection.timeout.ms";
  /** Documentation of {@link #CONNECTION_TIMEOUT_CONFIG}. */
  public static final String CONNECTION_TIMEOUT_DOC = "How long opening a connection (network connect and login)"
      + " may take before it fails; validate() uses it too.";
  /** Default of {@link #CONNECTION_TIMEOUT_CONFIG}. */
  public static final int CONNECTION_TIMEOUT_DEFAULT = 10_000;

  /** <code>connection.backoff.ms</code>: the wait before reconnecting. */
  public static final String CONNECTION_BACKOFF_CONFIG = "connection.backoff.ms";
  /** Documentation of {@link #CONNECTION_BACKOFF_CONFIG}. */
  public static final String CONNECTION_BACKOFF_DOC = "After a lost connection or another transient database error"
      + " (SQLState classes 08, 40, 53, 57), the task closes its connection, waits this long and tries again from"
      + " the last delivered row; it keeps trying and logs each failure at WARN. Other SQL errors fail the task.";
  /** Default of {@link #CONNECTION_BACKOFF_CONFIG}. */
  public static final long CONNECTION_BACKOFF_DEFAULT = 5_000L;

  /** <code>table.names</code>: the tables to read. */
  public static final String TABLE_NAMES_CONFIG = "table.names";
  /** Documentation of {@link #TABLE_NAMES_CONFIG}. */
  public static final String TABLE_NAMES_DOC = "The tables (or views) to read, comma-separated, as table or"
      + " schema.table (PostgreSQL: resolved like an SQL name with the search_path, so unquoted names are folded to"
      + " lower case; MariaDB: database.table, or a table of the URL's database; H2: unquoted names are upper"
      + " case). Every table is read with the same mode and columns; tasks split the tables. Each table's source"
      + " partition is {\"table\": \"<the name as written here>\"}. Set either table.names or query.";

  /** <code>query</code>: a custom SELECT. */
  public static final String QUERY_CONFIG = "query";
  /** Documentation of {@link #QUERY_CONFIG}. */
  public static final String QUERY_DOC = "A SELECT whose rows are read instead of tables' (for example a join, or"
      + " columns renamed to a message type's members). It is used as a sub-query: SELECT * FROM (<query>) courier_q"
      + " WHERE <position> ORDER BY <columns>, so it must not end with ORDER BY, LIMIT or a semicolon, and the"
      + " column names below refer to its result columns. One task reads it; its source partition is {\"query\":"
      + " \"query\"}. Set either table.names or query.";

  /** <code>mode</code>: how new rows are found. */
  public static final String MODE_CONFIG = "mode";
  /** Documentation of {@link #MODE_CONFIG}. */
  public static final String MODE_DOC = "How new rows are found. bulk: every poll.interval.ms, deliver every row (a"
      + " snapshot). incrementing: deliver rows in order of incrementing.column.name, an integer column that is"
      + " unique and only grows (an auto-increment or identity id); changes to delivered rows are not seen."
      + " timestamp+incrementing: deliver rows in order of timestamp.column.name and then incrementing.column.name, so"
      + " a row whose timestamp is set on insert and update is delivered again after each update. outbox: relay the"
      + " rows of Courier's transactional outbox table (META-INF/courier/outbox/*.sql in courier-config), each as the"
      + " record it stores, in order of id, and delete them once their records are committed (outbox.cleanup).";

  /** <code>incrementing.column.name</code>: the strictly increasing column. */
  public static final String INCREMENTING_COLUMN_CONFIG = "incrementing.column.name";
  /** Documentation of {@link #INCREMENTING_COLUMN_CONFIG}. */
  public static final String INCREMENTING_COLUMN_DOC = "The integer column (SMALLINT, INTEGER, BIGINT or a NUMERIC"
      + " with scale 0, NOT NULL and unique) whose value grows with each insert; values must fit in a signed 64-bit"
      + " integer. Required in incrementing and timestamp+incrementing mode; mode=outbox uses the outbox table's id"
      + " unless it is given. Matched exactly, then ignoring case.";

  /** <code>timestamp.column.name</code>: the timestamp column. */
  public static final String TIMESTAMP_COLUMN_CONFIG = "timestamp.column.name";
  /** Documentation of {@link #TIMESTAMP_COLUMN_CONFIG}. */
  public static final String TIMESTAMP_COLUMN_DOC = "The TIMESTAMP or TIMESTAMP WITH TIME ZONE column (NOT NULL),"
      + " set by the database or the writer when a row is inserted or updated. Required in timestamp+incrementing"
      + " mode. Matched exactly, then ignoring case.";

  /** <code>commit.barrier</code>: whether to wait for in-flight transactions. */
  public static final String COMMIT_BARRIER_CONFIG = "commit.barrier";
  /** Documentation of {@link #COMMIT_BARRIER_CONFIG}. */
  public static final String COMMIT_BARRIER_DOC = "auto: before delivering rows up to a newly seen position, wait"
      + " until every transaction that could still commit a row below that position has ended, so a transaction"
      + " that commits after a later one loses nothing. PostgreSQL: the transactions holding a write lock on the"
      + " table, its partitions or the incrementing column's sequence (with query: on any relation of the"
      + " database), read from pg_locks. MariaDB and MySQL: every InnoDB transaction except autocommit reads and"
      + " transactions started READ ONLY, read from information_schema.INNODB_TRX (the user needs the PROCESS"
      + " privilege). H2: sessions with uncommitted changes. Other databases have no barrier: validate() asks for"
      + " none. none: nothing is waited for but the lag (incrementing.lag.ms, timestamp.lag.ms); a transaction still"
      + " open when rows after it are delivered loses its rows, as with other query-based JDBC sources.";
  /** Default of {@link #COMMIT_BARRIER_CONFIG}. */
  public static final String COMMIT_BARRIER_DEFAULT = BarrierMode.AUTO.configValue();

  /** <code>incrementing.lag.ms</code>: how long before a barrier is taken in incrementing mode. */
  public static final String INCREMENTING_LAG_CONFIG = "incrementing.lag.ms";
  /** Documentation of {@link #INCREMENTING_LAG_CONFIG}. */
  public static final String INCREMENTING_LAG_DOC = "In incrementing mode, how long after the newest value is seen"
      + " the in-flight transactions are listed for the barrier (and, with commit.barrier=none, how long rows are"
      + " held back). It must cover the time between a transaction taking its value and writing (locking) the"
      + " table: 0 is enough on PostgreSQL for values from the column's sequence (nextval locks the sequence), and"
      + " MariaDB always waits at least 1000 ms, the time InnoDB may take between handing out an AUTO_INCREMENT"
      + " value and listing the transaction.";
  /** Default of {@link #INCREMENTING_LAG_CONFIG}. */
  public static final long INCREMENTING_LAG_DEFAULT = 0L;

  /** <code>timestamp.lag.ms</code>: how far behind the database clock timestamps are read. */
  public static final String TIMESTAMP_LAG_CONFIG = "timestamp.lag.ms";
  /** Documentation of {@link #TIMESTAMP_LAG_CONFIG}. */
  public static final String TIMESTAMP_LAG_DOC = "In timestamp+incrementing mode, rows are delivered only up to the"
      + " database clock minus this lag, and the barrier lists in-flight transactions this long after reading the"
      + " clock. It must cover the time between a row's timestamp value and its transaction's first write to the"
      + " table: for CURRENT_TIMESTAMP, NOW() or clock_timestamp() in the INSERT or UPDATE itself that is the"
      + " statement's own duration, but PostgreSQL's now() is the transaction's start, so there it is how long a"
      + " transaction may run before it writes the table. Timestamps written by application clocks must also"
      + " cover their skew. With commit.barrier=none it must cover the whole time until commit.";
  /** Default of {@link #TIMESTAMP_LAG_CONFIG}. */
  public static final long TIMESTAMP_LAG_DEFAULT = 5_000L;

  /** <code>db.timezone</code>: the session time zone. */
  public static final String DB_TIMEZONE_CONFIG = "db.timezone";
  /** Documentation of {@link #DB_TIMEZONE_CONFIG}. */
  public static final String DB_TIMEZONE_DOC = "The time zone of the connector's database sessions, as a region"
      + " (Europe/Paris) or an offset (+00:00). It decides how the database clock is compared with a timestamp"
      + " column without time zone (PostgreSQL timestamp, MariaDB DATETIME) and how MariaDB TIMESTAMP values are"
      + " read, so it must be the zone the writers' timestamps are in; prefer one without daylight saving time,"
      + " whose repeated hour breaks the order of such columns. Empty: the driver's default (PostgreSQL: the worker"
      + " JVM's zone; MariaDB: the server's time_zone). Columns with a time zone are not affected.";

  /** <code>temporal.mapping</code>: how temporal columns are mapped. */
  public static final String TEMPORAL_MAPPING_CONFIG = "temporal.mapping";
  /** Documentation of {@link #TEMPORAL_MAPPING_CONFIG}. */
  public static final String TEMPORAL_MAPPING_DOC = "How DATE, TIME and TIMESTAMP columns become values (without"
      + " message.class). string: ISO-8601 strings, exact to the column's precision, as java.time writes them (the"
      + " form Courier's generated JSON codec uses); TIMESTAMP WITH TIME ZONE as a UTC instant. connect: Connect's"
      + " Date, Time and Timestamp logical types, which hold milliseconds: validate() refuses columns with finer"
      + " precision and TIME WITH TIME ZONE, and a TIMESTAMP without time zone is read as UTC.";
  /** Default of {@link #TEMPORAL_MAPPING_CONFIG}. */
  public static final String TEMPORAL_MAPPING_DEFAULT = TemporalMapping.STRING.configValue();

  /** <code>poll.interval.ms</code>: how often tables are checked. */
  public static final String POLL_INTERVAL_CONFIG = "poll.interval.ms";
  /** Documentation of {@link #POLL_INTERVAL_CONFIG}. */
  public static final String POLL_INTERVAL_DOC = "How often a table that is caught up is checked for new rows (each"
      + " check reads the newest value and, with the barrier, the in-flight transactions); in bulk mode, the time"
      + " from the end of one snapshot to the start of the next.";
  /** Default of {@link #POLL_INTERVAL_CONFIG}. */
  public static final long POLL_INTERVAL_DEFAULT = 1_000L;

  /** <code>fetch.size</code>: rows per round trip. */
  public static final String FETCH_SIZE_CONFIG = "fetch.size";
  /** Documentation of {@link #FETCH_SIZE_CONFIG}. */
  public static final String FETCH_SIZE_DOC = "How many rows the driver fetches per round trip. Rows are streamed"
      + " (PostgreSQL: a cursor in a read transaction; MariaDB: a streaming result set), so at most this many rows"
      + " are held by the driver, whatever the table's size.";
  /** Default of {@link #FETCH_SIZE_CONFIG}. */
  public static final int FETCH_SIZE_DEFAULT = 1_000;

  /** The outbox table's id column, the incrementing column of {@code mode=outbox} unless one is given. */
  public static final String OUTBOX_ID_COLUMN = "id";
  /** <code>outbox.cleanup</code>: what becomes of relayed rows. */
  public static final String OUTBOX_CLEANUP_CONFIG = "outbox.cleanup";
  /** Documentation of {@link #OUTBOX_CLEANUP_CONFIG}. */
  public static final String OUTBOX_CLEANUP_DOC = "mode=outbox: what becomes of a relayed row. delete: it is deleted"
      + " once its record is committed in Kafka (with exactly-once support, once its transaction committed; without,"
      + " once the broker acknowledged it) and outbox.retention.ms has passed, so the table holds only what is not"
      + " relayed yet. keep: rows stay, for the application to remove.";
  /** Default of {@link #OUTBOX_CLEANUP_CONFIG}. */
  public static final String OUTBOX_CLEANUP_DEFAULT = "delete";
  /** <code>outbox.retention.ms</code>: how long relayed rows stay. */
  public static final String OUTBOX_RETENTION_CONFIG = "outbox.retention.ms";
  /** Documentation of {@link #OUTBOX_RETENTION_CONFIG}. */
  public static final String OUTBOX_RETENTION_DOC = "mode=outbox with outbox.cleanup=delete: how long a relayed row"
      + " stays after its record is committed, for inspection; 0 deletes it at once.";
  /** Default of {@link #OUTBOX_RETENTION_CONFIG}. */
  public static final long OUTBOX_RETENTION_DEFAULT = 0L;

  private static final ConfigDef CONFIG_DEF = build();

  /**
   * Parses a connector or task config.
   *
   * @param originals the config
   * @throws ConfigException when a value is invalid
   */
  public JdbcSourceConnectorConfig(Map<String, String> originals) {
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
    // PASSWORD, not STRING: Kafka then masks the URL (and any credential in it) wherever it shows config values.
    def.define(CONNECTION_URL_CONFIG, ConfigDef.Type.PASSWORD, ConfigDef.NO_DEFAULT_VALUE, new JdbcUrl(),
            ConfigDef.Importance.HIGH, CONNECTION_URL_DOC, CONNECTION_GROUP, ++order, ConfigDef.Width.LONG,
            "JDBC URL")
        .define(CONNECTION_USER_CONFIG, ConfigDef.Type.STRING, null, ConfigDef.Importance.HIGH,
            CONNECTION_USER_DOC, CONNECTION_GROUP, ++order, ConfigDef.Width.MEDIUM, "User")
        .define(CONNECTION_PASSWORD_CONFIG, ConfigDef.Type.PASSWORD, null, ConfigDef.Importance.HIGH,
            CONNECTION_PASSWORD_DOC, CONNECTION_GROUP, ++order, ConfigDef.Width.MEDIUM, "Password")
        .define(CONNECTION_TIMEOUT_CONFIG, ConfigDef.Type.INT, CONNECTION_TIMEOUT_DEFAULT,
            ConfigDef.Range.between(1_000, 600_000), ConfigDef.Importance.LOW, CONNECTION_TIMEOUT_DOC,
            CONNECTION_GROUP, ++order, ConfigDef.Width.SHORT, "Connect timeout (ms)")
        .define(CONNECTION_BACKOFF_CONFIG, ConfigDef.Type.LONG, CONNECTION_BACKOFF_DEFAULT,
            ConfigDef.Range.between(10, 600_000), ConfigDef.Importance.LOW, CONNECTION_BACKOFF_DOC,
            CONNECTION_GROUP, ++order, ConfigDef.Width.SHORT, "Retry wait (ms)");
    order = 0;
    def.define(TABLE_NAMES_CONFIG, ConfigDef.Type.LIST, "", new TableNames(), ConfigDef.Importance.HIGH,
            TABLE_NAMES_DOC, SOURCE_GROUP, ++order, ConfigDef.Width.LONG, "Tables")
        .define(QUERY_CONFIG, ConfigDef.Type.STRING, null, new QueryText(), ConfigDef.Importance.HIGH, QUERY_DOC,
            SOURCE_GROUP, ++order, ConfigDef.Width.LONG, "Query")
        .define(MODE_CONFIG, ConfigDef.Type.STRING, ConfigDef.NO_DEFAULT_VALUE,
            new OneOf(ConfigChoice.configValues(JdbcMode.class)),
            ConfigDef.Importance.HIGH, MODE_DOC, SOURCE_GROUP, ++order, ConfigDef.Width.MEDIUM, "Mode",
            new Choices(ConfigChoice.configValues(JdbcMode.class)))
        .define(INCREMENTING_COLUMN_CONFIG, ConfigDef.Type.STRING, null, ConfigDef.Importance.HIGH,
            INCREMENTING_COLUMN_DOC, SOURCE_GROUP, ++order, ConfigDef.Width.MEDIUM, "Incrementing column",
            List.of(MODE_CONFIG), new ModeVisible(JdbcMode.INCREMENTING, JdbcMode.TIMESTAMP_INCREMENTING,
                JdbcMode.OUTBOX))
        .define(TIMESTAMP_COLUMN_CONFIG, ConfigDef.Type.STRING, null, ConfigDef.Importance.HIGH,
            TIMESTAMP_COLUMN_DOC, SOURCE_GROUP, ++order, ConfigDef.Width.MEDIUM, "Timestamp column",
            List.of(MODE_CONFIG), new ModeVisible(JdbcMode.TIMESTAMP_INCREMENTING));
    order = 0;
    def.define(COMMIT_BARRIER_CONFIG, ConfigDef.Type.STRING, COMMIT_BARRIER_DEFAULT,
            new OneOf(ConfigChoice.configValues(BarrierMode.class)), ConfigDef.Importance.MEDIUM, COMMIT_BARRIER_DOC,
            CONSISTENCY_GROUP, ++order, ConfigDef.Width.SHORT, "Commit barrier",
            new Choices(ConfigChoice.configValues(BarrierMode.class)))
        .define(INCREMENTING_LAG_CONFIG, ConfigDef.Type.LONG, INCREMENTING_LAG_DEFAULT,
            ConfigDef.Range.between(0, 86_400_000L), ConfigDef.Importance.MEDIUM, INCREMENTING_LAG_DOC,
            CONSISTENCY_GROUP, ++order, ConfigDef.Width.SHORT, "Incrementing lag (ms)", List.of(MODE_CONFIG),
            new ModeVisible(JdbcMode.INCREMENTING, JdbcMode.OUTBOX))
        .define(TIMESTAMP_LAG_CONFIG, ConfigDef.Type.LONG, TIMESTAMP_LAG_DEFAULT,
            ConfigDef.Range.between(0, 86_400_000L), ConfigDef.Importance.MEDIUM, TIMESTAMP_LAG_DOC,
            CONSISTENCY_GROUP, ++order, ConfigDef.Width.SHORT, "Timestamp lag (ms)", List.of(MODE_CONFIG),
            new ModeVisible(JdbcMode.TIMESTAMP_INCREMENTING))
        .define(DB_TIMEZONE_CONFIG, ConfigDef.Type.STRING, "", new TimeZoneName(), ConfigDef.Importance.MEDIUM,
            DB_TIMEZONE_DOC, CONSISTENCY_GROUP, ++order, ConfigDef.Width.SHORT, "Session time zone");
    order = 0;
    def.define(TEMPORAL_MAPPING_CONFIG, ConfigDef.Type.STRING, TEMPORAL_MAPPING_DEFAULT,
        new OneOf(ConfigChoice.configValues(TemporalMapping.class)), ConfigDef.Importance.MEDIUM, TEMPORAL_MAPPING_DOC,
        VALUES_GROUP, ++order, ConfigDef.Width.SHORT, "Temporal values",
        new Choices(ConfigChoice.configValues(TemporalMapping.class)));
    order = 0;
    def.define(POLL_INTERVAL_CONFIG, ConfigDef.Type.LONG, POLL_INTERVAL_DEFAULT, ConfigDef.Range.between(1,
            86_400_000L), ConfigDef.Importance.MEDIUM, POLL_INTERVAL_DOC, READING_GROUP, ++order,
            ConfigDef.Width.SHORT, "Poll interval (ms)")
        .define(FETCH_SIZE_CONFIG, ConfigDef.Type.INT, FETCH_SIZE_DEFAULT, ConfigDef.Range.between(1, 1_000_000),
            ConfigDef.Importance.LOW, FETCH_SIZE_DOC, READING_GROUP, ++order, ConfigDef.Width.SHORT,
            "Fetch size (rows)")
        .define(OUTBOX_CLEANUP_CONFIG, ConfigDef.Type.STRING, OUTBOX_CLEANUP_DEFAULT, new OneOf(List.of("delete",
            "keep")), ConfigDef.Importance.MEDIUM, OUTBOX_CLEANUP_DOC, READING_GROUP, ++order, ConfigDef.Width.SHORT,
            "Relayed outbox rows", List.of(MODE_CONFIG), new ModeVisible(JdbcMode.OUTBOX))
        .define(OUTBOX_RETENTION_CONFIG, ConfigDef.Type.LONG, OUTBOX_RETENTION_DEFAULT, ConfigDef.Range.between(0,
            30L * 86_400_000L), ConfigDef.Importance.LOW, OUTBOX_RETENTION_DOC, READING_GROUP, ++order,
            ConfigDef.Width.SHORT, "Outbox retention (ms)", List.of(MODE_CONFIG), new ModeVisible(JdbcMode.OUTBOX));
    return addSharedKeys(def);
  }

  /**
   * {@code connection.url}.
   *
   * @return the URL; it may hold credentials, so log only {@link Connections#redact(String)} of it
   */
  public String connectionUrl() {
    return getPassword(CONNECTION_URL_CONFIG).value().trim();
  }

  /**
   * {@code connection.user}.
   *
   * @return the user, or {@code null}
   */
  public String connectionUser() {
    return blankToNull(getString(CONNECTION_USER_CONFIG));
  }

  /**
   * {@code connection.password}.
   *
   * @return the password, or {@code null}; never log it
   */
  public Password connectionPassword() {
    return getPassword(CONNECTION_PASSWORD_CONFIG);
  }

  /**
   * {@code connection.timeout.ms}.
   *
   * @return the timeout
   */
  public Duration connectionTimeout() {
    return Duration.ofMillis(getInt(CONNECTION_TIMEOUT_CONFIG));
  }

  /**
   * {@code connection.backoff.ms}.
   *
   * @return the wait before reconnecting
   */
  public Duration connectionBackoff() {
    return Duration.ofMillis(getLong(CONNECTION_BACKOFF_CONFIG));
  }

  /**
   * {@code table.names}.
   *
   * @return the table names as written, trimmed, without empty entries
   */
  public List<String> tableNames() {
    List<String> names = new ArrayList<>();
    for (String name : getList(TABLE_NAMES_CONFIG)) {
      if (!name.isBlank()) {
        names.add(name.trim());
      }
    }
    return names;
  }

  /**
   * {@code query}.
   *
   * @return the query, or {@code null}
   */
  public String query() {
    return blankToNull(getString(QUERY_CONFIG));
  }

  /**
   * {@code mode}.
   *
   * @return the mode
   */
  public JdbcMode mode() {
    return JdbcMode.parse(getString(MODE_CONFIG));
  }

  /**
   * {@code incrementing.column.name}.
   *
   * @return the column, or {@code null}
   */
  public String incrementingColumn() {
    String column = blankToNull(getString(INCREMENTING_COLUMN_CONFIG));
    return column == null && mode() == JdbcMode.OUTBOX ? OUTBOX_ID_COLUMN : column;
  }

  /**
   * {@code timestamp.column.name}.
   *
   * @return the column, or {@code null}
   */
  public String timestampColumn() {
    return blankToNull(getString(TIMESTAMP_COLUMN_CONFIG));
  }

  /**
   * {@code commit.barrier}.
   *
   * @return whether the barrier is used
   */
  public boolean commitBarrier() {
    return BarrierMode.parse(getString(COMMIT_BARRIER_CONFIG)) == BarrierMode.AUTO;
  }

  /**
   * The lag of the configured mode: {@code timestamp.lag.ms} or {@code incrementing.lag.ms}.
   *
   * @return the lag (zero in bulk mode)
   */
  public Duration lag() {
    return switch (mode()) {
      case BULK -> Duration.ZERO;
      case INCREMENTING, OUTBOX -> Duration.ofMillis(getLong(INCREMENTING_LAG_CONFIG));
      case TIMESTAMP_INCREMENTING -> Duration.ofMillis(getLong(TIMESTAMP_LAG_CONFIG));
    };
  }

  /**
   * {@code db.timezone}.
   *
   * @return the zone, or {@code null} for the driver's default
   */
  public ZoneId dbTimeZone() {
    String zone = blankToNull(getString(DB_TIMEZONE_CONFIG));
    return zone == null ? null : ZoneId.of(zone);
  }

  /**
   * {@code temporal.mapping}.
   *
   * @return the mapping
   */
  public TemporalMapping temporalMapping() {
    return TemporalMapping.parse(getString(TEMPORAL_MAPPING_CONFIG));
  }

  /**
   * {@code poll.interval.ms}.
   *
   * @return the interval
   */
  public Duration pollInterval() {
    return Duration.ofMillis(getLong(POLL_INTERVAL_CONFIG));
  }

  /**
   * {@code fetch.size}.
   *
   * @return rows per round trip
   */
  public int fetchSize() {
    return getInt(FETCH_SIZE_CONFIG);
  }

  /**
   * Whether relayed outbox rows are deleted.
   *
   * @return {@code outbox.cleanup=delete}
   */
  public boolean outboxDeletes() {
    return "delete".equals(getString(OUTBOX_CLEANUP_CONFIG));
  }

  /**
   * How long relayed outbox rows stay before they are deleted.
   *
   * @return {@code outbox.retention.ms}
   */
  public Duration outboxRetention() {
    return Duration.ofMillis(getLong(OUTBOX_RETENTION_CONFIG));
  }

  /** Validates a JDBC URL. */
  static final class JdbcUrl implements ConfigDef.Validator {
    @Override
    public void ensureValid(String name, Object value) {
      String url = value instanceof Password password && password.value() != null ? password.value().trim() : "";
      if (!url.startsWith("jdbc:") || url.length() <= "jdbc:".length()) {
        throw new ConfigException(name, Connections.redact(url), "a JDBC URL starts with jdbc:, for example"
            + " jdbc:postgresql://host:5432/db or jdbc:mariadb://host:3306/db");
      }
    }

    @Override
    public String toString() {
      return "a JDBC URL (jdbc:...)";
    }
  }

  /** Validates the table list. */
  static final class TableNames implements ConfigDef.Validator {
    @Override
    public void ensureValid(String name, Object value) {
      if (value == null) {
        return;
      }
      @SuppressWarnings("unchecked")
      List<String> names = (List<String>) value;
      List<String> seen = new ArrayList<>();
      for (String table : names) {
        String trimmed = table.trim();
        if (trimmed.isEmpty()) {
          continue;
        }
        if (seen.contains(trimmed)) {
          throw new ConfigException(name, value, "the table " + trimmed + " is listed twice");
        }
        seen.add(trimmed);
      }
    }

    @Override
    public String toString() {
      return "table names (table or schema.table), comma-separated";
    }
  }

  /** Validates the custom query's shape. */
  static final class QueryText implements ConfigDef.Validator {
    @Override
    public void ensureValid(String name, Object value) {
      if (value == null || value.toString().isBlank()) {
        return;
      }
      String text = value.toString().trim();
      if (text.endsWith(";")) {
        throw new ConfigException(name, value, "the query is used as a sub-query, so it must not end with ';'");
      }
      String head = text.length() < 6 ? text : text.substring(0, 6);
      if (!head.equalsIgnoreCase("select") && !head.regionMatches(true, 0, "with", 0, 4)
          && !head.startsWith("(")) {
        throw new ConfigException(name, value, "the query must be a SELECT (or WITH ... SELECT)");
      }
    }

    @Override
    public String toString() {
      return "a SELECT, without a trailing ';'";
    }
  }

  /** Validates a time zone. */
  static final class TimeZoneName implements ConfigDef.Validator {
    @Override
    public void ensureValid(String name, Object value) {
      if (value == null || value.toString().isBlank()) {
        return;
      }
      try {
        ZoneId.of(value.toString().trim());
      } catch (DateTimeException e) {
        throw new ConfigException(name, value, "not a time zone: use a region such as Europe/Paris or an offset"
            + " such as +00:00");
      }
    }

    @Override
    public String toString() {
      return "empty, a region (Europe/Paris) or an offset (+00:00)";
    }
  }

  /** Shows a key only in the modes that use it. */
  static final class ModeVisible implements ConfigDef.Recommender {
    private final List<JdbcMode> modes;

    ModeVisible(JdbcMode... modes) {
      this.modes = List.of(modes);
    }

    @Override
    public List<Object> validValues(String name, Map<String, Object> parsedConfig) {
      return new ArrayList<>();
    }

    @Override
    public boolean visible(String name, Map<String, Object> parsedConfig) {
      Object mode = parsedConfig.get(MODE_CONFIG);
      if (mode == null) {
        return true;
      }
      try {
        return modes.contains(JdbcMode.parse(mode.toString()));
      } catch (IllegalArgumentException e) {
        return true;
      }
    }
  }
}
