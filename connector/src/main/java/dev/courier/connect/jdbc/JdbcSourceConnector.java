/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.connect.jdbc;

import dev.courier.config.MessageDescriptor;
import dev.courier.connect.ConfigIssues;
import dev.courier.connect.CourierSourceConfig;
import dev.courier.connect.CourierSourceConnector;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.connect.connector.Task;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.source.ConnectorTransactionBoundaries;
import org.apache.kafka.connect.source.ExactlyOnceSupport;

/**
 * Streams the rows of database tables (or of one query) into a topic, in bulk, incrementing or
 * timestamp+incrementing mode, without losing rows that transactions commit out of order: rows up to a newly seen
 * position are read only once every transaction that could still commit a row below it has ended (see
 * {@code commit.barrier}). Source partitions are {@code {"table": "<name>"}} or {@code {"query": "query"}}; offsets
 * are the row positions of {@link JdbcOffsets}. See {@code docs/reference/jdbc-source-connector.md}.
 *
 * <p>Tasks split the tables: table {@code i} of {@code table.names} goes to task {@code i mod n}, with
 * {@code n = min(tasks.max, number of tables)}; a query is read by one task.
 */
public final class JdbcSourceConnector extends CourierSourceConnector<JdbcSourceConnectorConfig> {

  /** The keys the database checks of {@code validate()} rely on. */
  private static final List<String> DATABASE_CHECK_KEYS = List.of(JdbcSourceConnectorConfig.CONNECTION_URL_CONFIG,
      JdbcSourceConnectorConfig.CONNECTION_USER_CONFIG, JdbcSourceConnectorConfig.CONNECTION_PASSWORD_CONFIG,
      JdbcSourceConnectorConfig.CONNECTION_TIMEOUT_CONFIG, JdbcSourceConnectorConfig.TABLE_NAMES_CONFIG,
      JdbcSourceConnectorConfig.QUERY_CONFIG, JdbcSourceConnectorConfig.MODE_CONFIG,
      JdbcSourceConnectorConfig.INCREMENTING_COLUMN_CONFIG, JdbcSourceConnectorConfig.TIMESTAMP_COLUMN_CONFIG,
      JdbcSourceConnectorConfig.COMMIT_BARRIER_CONFIG, JdbcSourceConnectorConfig.DB_TIMEZONE_CONFIG,
      JdbcSourceConnectorConfig.TEMPORAL_MAPPING_CONFIG, JdbcSourceConnectorConfig.KEY_MEMBER_CONFIG,
      JdbcSourceConnectorConfig.KEY_FIELD_CONFIG, JdbcSourceConnectorConfig.MESSAGE_CLASS_CONFIG);

  @Override
  protected JdbcSourceConnectorConfig parse(Map<String, String> props) {
    return new JdbcSourceConnectorConfig(props);
  }

  @Override
  public Class<? extends Task> taskClass() {
    return JdbcSourceTask.class;
  }

  @Override
  public List<Map<String, String>> taskConfigs(int maxTasks) {
    JdbcSourceConnectorConfig config = new JdbcSourceConnectorConfig(props());
    List<Map<String, String>> configs = new ArrayList<>();
    if (config.query() != null) {
      configs.add(new HashMap<>(props()));
      return configs;
    }
    int tables = config.tableNames().size();
    int tasks = Math.max(1, Math.min(maxTasks, tables));
    for (int task = 0; task < tasks; task++) {
      List<String> indices = new ArrayList<>();
      for (int table = task; table < tables; table += tasks) {
        indices.add(Integer.toString(table));
      }
      Map<String, String> taskConfig = new HashMap<>(props());
      taskConfig.put(JdbcSourceTask.TASK_TABLES_CONFIG, String.join(",", indices));
      configs.add(taskConfig);
    }
    return configs;
  }

  @Override
  public ConfigDef config() {
    return JdbcSourceConnectorConfig.configDef();
  }

  /**
   * Positions are exact, so incrementing and timestamp+incrementing modes support exactly-once delivery. A bulk
   * snapshot has no position inside it: it is exactly-once only as one transaction
   * ({@code transaction.boundary=connector}), which a restart aborts and takes again whole.
   */
  @Override
  public ExactlyOnceSupport exactlyOnceSupport(Map<String, String> connectorConfig) {
    return isBulk(connectorConfig) && !connectorBoundaries(connectorConfig)
        ? ExactlyOnceSupport.UNSUPPORTED : ExactlyOnceSupport.SUPPORTED;
  }

  /**
   * With {@code transaction.boundary=connector}, a transaction ends after each batch that ends a timestamp group
   * (incrementing: each batch; bulk: each whole snapshot).
   */
  @Override
  public ConnectorTransactionBoundaries canDefineTransactionBoundaries(Map<String, String> connectorConfig) {
    return ConnectorTransactionBoundaries.SUPPORTED;
  }

  @Override
  protected void checkSource(Map<String, String> config, MessageDescriptor descriptor, ConfigIssues issues) {
    String tables = blank(config.get(JdbcSourceConnectorConfig.TABLE_NAMES_CONFIG));
    String query = blank(config.get(JdbcSourceConnectorConfig.QUERY_CONFIG));
    if (tables != null && query != null) {
      String both = "table.names and query are both set. Fix: keep one of them.";
      issues.add(JdbcSourceConnectorConfig.TABLE_NAMES_CONFIG, both);
      issues.add(JdbcSourceConnectorConfig.QUERY_CONFIG, both);
    } else if (tables == null && query == null
        && !issues.hasError(JdbcSourceConnectorConfig.TABLE_NAMES_CONFIG)) {
      issues.add(JdbcSourceConnectorConfig.TABLE_NAMES_CONFIG, "nothing to read. Fix: set table.names (tables) or"
          + " query (a SELECT).");
    }
    if (!issues.hasError(JdbcSourceConnectorConfig.MODE_CONFIG)
        && config.get(JdbcSourceConnectorConfig.MODE_CONFIG) != null) {
      checkModeKeys(JdbcMode.parse(config.get(JdbcSourceConnectorConfig.MODE_CONFIG)), config, issues);
    }
  }

  /** The database: it can be reached with the credentials, and its tables or query fit the mode and the type. */
  @Override
  protected void probeSource(Map<String, String> config, MessageDescriptor descriptor, ConfigIssues issues) {
    String query = blank(config.get(JdbcSourceConnectorConfig.QUERY_CONFIG));
    if (config.get(JdbcSourceConnectorConfig.MODE_CONFIG) == null
        || DATABASE_CHECK_KEYS.stream().anyMatch(issues::hasError)) {
      return; // the database checks need these keys valid; their errors are reported already
    }
    Map<String, String> checkable = new HashMap<>();
    config.forEach((key, value) -> {
      if (!issues.hasError(key)) {
        checkable.put(key, value); // a key in error and not needed here (e.g. a producer override) is left out
      }
    });
    JdbcSourceConnectorConfig parsed;
    try {
      parsed = new JdbcSourceConnectorConfig(checkable);
    } catch (ConfigException e) {
      return;
    }
    Dialect dialect = Dialect.forUrl(parsed.connectionUrl());
    try (Connection connection = Connections.open(parsed, dialect)) {
      SourceInspector inspector = new SourceInspector(parsed, dialect, descriptor);
      if (query != null) {
        inspector.checkQuery(connection, parsed.query());
      } else {
        for (String table : parsed.tableNames()) {
          inspector.table(connection, table);
        }
      }
      inspector.problems().forEach((key, messages) -> messages.forEach(message -> issues.add(key, message)));
    } catch (SQLException e) {
      String message = "cannot connect to " + Connections.redact(parsed.connectionUrl())
          + (parsed.connectionUser() == null ? "" : " as " + parsed.connectionUser()) + ": "
          + Connections.describe(e, parsed);
      issues.add(JdbcSourceConnectorConfig.CONNECTION_URL_CONFIG, message);
      if (e.getSQLState() != null && e.getSQLState().startsWith("28")) {
        issues.add(JdbcSourceConnectorConfig.CONNECTION_PASSWORD_CONFIG, "the database refused the user or the"
            + " password (SQLState " + e.getSQLState() + ")");
      }
    }
  }

  private static void checkModeKeys(JdbcMode mode, Map<String, String> config, ConfigIssues issues) {
    String incrementing = blank(config.get(JdbcSourceConnectorConfig.INCREMENTING_COLUMN_CONFIG));
    String timestamp = blank(config.get(JdbcSourceConnectorConfig.TIMESTAMP_COLUMN_CONFIG));
    if (mode.usesIncrementing() && incrementing == null && mode != JdbcMode.OUTBOX) {
      issues.add(JdbcSourceConnectorConfig.INCREMENTING_COLUMN_CONFIG, "mode=" + mode.configValue() + " needs the"
          + " column that orders the rows. Fix: set incrementing.column.name, e.g. to the auto-increment id.");
    }
    if (!mode.usesIncrementing() && incrementing != null) {
      issues.add(JdbcSourceConnectorConfig.INCREMENTING_COLUMN_CONFIG, "mode=bulk does not use"
          + " incrementing.column.name. Fix: remove it, or use mode=incrementing.");
    }
    if (mode.usesTimestamp() && timestamp == null) {
      issues.add(JdbcSourceConnectorConfig.TIMESTAMP_COLUMN_CONFIG, "mode=" + mode.configValue() + " needs the"
          + " timestamp column. Fix: set timestamp.column.name, e.g. to updated_at.");
    }
    if (!mode.usesTimestamp() && timestamp != null) {
      issues.add(JdbcSourceConnectorConfig.TIMESTAMP_COLUMN_CONFIG, "mode=" + mode.configValue() + " does not"
          + " use timestamp.column.name. Fix: remove it, or use mode=timestamp+incrementing.");
    }
    if (mode == JdbcMode.OUTBOX) {
      checkOutboxKeys(config, issues);
    }
    if (mode == JdbcMode.BULK && "required".equalsIgnoreCase(blank(config.get("exactly.once.support")))
        && !connectorBoundaries(config)) {
      issues.add("transaction.boundary", "mode=bulk with exactly.once.support=required needs"
          + " transaction.boundary=connector: a snapshot has no position inside it, so only a snapshot written as"
          + " one transaction is delivered exactly once.");
    }
  }

  /** mode=outbox: every row carries its topic, key and bytes, so the keys that would set them are refused. */
  private static void checkOutboxKeys(Map<String, String> config, ConfigIssues issues) {
    String why = " is not used by mode=outbox: each outbox row carries its topic, its key and value bytes and its"
        + " headers, as the generated outbox writer stored them. Fix: remove it.";
    for (String key : List.of(CourierSourceConfig.TOPIC_CONFIG, CourierSourceConfig.MESSAGE_CLASS_CONFIG,
        CourierSourceConfig.KEY_MEMBER_CONFIG, JdbcSourceConnectorConfig.QUERY_CONFIG)) {
      if (blank(config.get(key)) != null) {
        issues.add(key, key + why);
      }
    }
    for (String converter : List.of("key.converter", "value.converter")) {
      String value = blank(config.get(converter));
      if (value != null && !value.equals("org.apache.kafka.connect.converters.ByteArrayConverter")) {
        issues.add(converter, "mode=outbox relays the stored bytes, which " + value + " would re-encode, so the"
            + " records would differ from what the type's producer sends. Fix: set " + converter + "="
            + "org.apache.kafka.connect.converters.ByteArrayConverter.");
      }
    }
  }

  @Override
  protected boolean recordsCarryTopic(Map<String, String> config) {
    String mode = blank(config.get(JdbcSourceConnectorConfig.MODE_CONFIG));
    return mode != null && mode.toLowerCase(Locale.ROOT).equals(JdbcMode.OUTBOX.configValue());
  }

  private static boolean isBulk(Map<String, String> config) {
    String mode = blank(config.get(JdbcSourceConnectorConfig.MODE_CONFIG));
    return mode != null && mode.toLowerCase(Locale.ROOT).equals(JdbcMode.BULK.configValue());
  }

  private static boolean connectorBoundaries(Map<String, String> config) {
    String boundary = blank(config.get("transaction.boundary"));
    return boundary != null && boundary.equalsIgnoreCase("connector");
  }

  private static String blank(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }

  @Override
  protected void checkSourcePartition(Map<String, String> connectorConfig, Map<String, ?> partition) {
    if (partition.size() != 1) {
      throw new ConnectException("The source partition " + partition + " must have exactly one key; "
          + describeOffsets());
    }
    Object table = partition.get(JdbcOffsets.TABLE);
    Object query = partition.get(JdbcOffsets.QUERY);
    if (table != null) {
      List<String> tables = new ArrayList<>();
      String configured = blank(connectorConfig.get(JdbcSourceConnectorConfig.TABLE_NAMES_CONFIG));
      if (configured != null) {
        for (String name : configured.split(",")) {
          if (!name.isBlank()) {
            tables.add(name.trim());
          }
        }
      }
      if (!tables.contains(table.toString())) {
        throw new ConnectException("The source partition " + partition + " names a table that is not in"
            + " table.names " + tables + "; this connector never reads it. " + describeOffsets());
      }
    } else if (query != null) {
      if (!JdbcOffsets.QUERY.equals(query) || blank(connectorConfig.get(JdbcSourceConnectorConfig.QUERY_CONFIG))
          == null) {
        throw new ConnectException("The source partition " + partition + " is the query's, {\"query\": \"query\"},"
            + " only when the connector has a query; " + describeOffsets());
      }
    } else {
      throw new ConnectException("The source partition " + partition + " has the unknown key '"
          + partition.keySet().iterator().next() + "'; " + describeOffsets());
    }
  }

  @Override
  protected void checkSourceOffset(Map<String, String> connectorConfig, Map<String, ?> partition,
      Map<String, ?> offset) {
    String modeText = blank(connectorConfig.get(JdbcSourceConnectorConfig.MODE_CONFIG));
    JdbcMode mode;
    try {
      mode = JdbcMode.parse(modeText == null ? "" : modeText);
    } catch (IllegalArgumentException e) {
      throw new ConnectException("The connector config has no valid mode, so its offsets cannot be checked: "
          + e.getMessage());
    }
    switch (mode) {
      case BULK:
        onlyKeys(offset, "offset", List.of(JdbcOffsets.SNAPSHOT));
        nonNegativeLong(offset, JdbcOffsets.SNAPSHOT, true);
        break;
      case INCREMENTING:
      case OUTBOX:
        onlyKeys(offset, "offset", List.of(JdbcOffsets.INCREMENTING));
        wholeNumber(offset);
        break;
      case TIMESTAMP_INCREMENTING:
        onlyKeys(offset, "offset", List.of(JdbcOffsets.TIMESTAMP, JdbcOffsets.INCREMENTING));
        wholeNumber(offset);
        Object timestamp = offset.get(JdbcOffsets.TIMESTAMP);
        if (!(timestamp instanceof String text) || !isTimestamp(text)) {
          throw new ConnectException("The offset " + offset + " needs '" + JdbcOffsets.TIMESTAMP + "' as an"
              + " ISO-8601 string; " + describeOffsets());
        }
        break;
      default:
        throw new IllegalStateException(mode.toString());
    }
  }

  private void wholeNumber(Map<String, ?> offset) {
    Object value = offset.get(JdbcOffsets.INCREMENTING);
    if (!(value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte)) {
      throw new ConnectException("The offset " + offset + " needs '" + JdbcOffsets.INCREMENTING + "' as a whole"
          + " number (the last delivered value); " + describeOffsets());
    }
  }

  private static boolean isTimestamp(String text) {
    try {
      LocalDateTime.parse(text);
      return true;
    } catch (DateTimeParseException e) {
      try {
        OffsetDateTime.parse(text);
        return true;
      } catch (DateTimeParseException again) {
        return false;
      }
    }
  }

  @Override
  protected String describeOffsets() {
    return "a JDBC source partition is {\"table\": \"<a name of table.names, as written there>\"} or {\"query\":"
        + " \"query\"}; its offset is, in mode incrementing, {\"incrementing\": <the last delivered value>}; in"
        + " mode timestamp+incrementing, {\"timestamp\": \"<ISO-8601: 2026-11-27T10:15:30.123456 for a column"
        + " without time zone, 2026-11-27T09:15:30.123456Z for one with>\", \"incrementing\": <the last delivered"
        + " value at that timestamp>}; in mode bulk, {\"snapshot.started\": <epoch milliseconds>}; rows after the"
        + " offset are read next, and a null offset reads the source from its start";
  }
}
