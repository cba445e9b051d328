/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.connect.jdbc;

import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.ServiceLoader;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.common.config.types.Password;

/**
 * Opens the connector's connections and turns SQL errors into messages without secrets.
 *
 * <p>Drivers are found with a {@link ServiceLoader} on the plugin's own class loader and asked directly, not through
 * {@code DriverManager}: under Connect's plugin isolation, {@code DriverManager} registers only the drivers its first
 * caller could see, which may be another plugin's.
 */
final class Connections {

  /** A credential-like key: password, sslpassword, keyStorePassword, PASSWORD, pwd, a secret or a token. */
  private static final String SECRET_KEY = "[\\w.-]*(?:password|passwd|pwd|secret|token)[\\w.-]*\\s*=";
  /**
   * Where a URL's credentials are, each in group 2: parameters after ?, & or ; (PostgreSQL, MariaDB, MySQL, H2),
   * properties in MySQL's and MariaDB's address syntax ((host=db,password=...) and address=(...)(password=...)),
   * the password of user:password@host, and Oracle's user/password@.
   */
  private static final List<Pattern> URL_SECRETS = List.of(
      Pattern.compile("(?i)([?&;]\\s*" + SECRET_KEY + ")([^&;#]*)"),
      Pattern.compile("(?i)([(,]\\s*" + SECRET_KEY + ")([^,)]*)"),
      Pattern.compile("(//[^/?#@:]*:)([^/?#]*)@"),
      Pattern.compile("(?i)(jdbc:oracle:[a-z]+:[^/@:]*/)([^@]*)@"));
  private static final String MASK = "****";

  private Connections() {}

  /**
   * Opens a connection with the config's user, password and timeouts, and prepares its session.
   *
   * @param config the connector config
   * @param dialect the database's dialect
   * @return an open, read-only connection in autocommit mode (see {@link Dialect#makeReadOnly(Connection)})
   * @throws SQLException when the driver cannot connect; its message never holds the password
   */
  static Connection open(JdbcSourceConnectorConfig config, Dialect dialect) throws SQLException {
    return open(config, dialect, true);
  }

  /**
   * Opens a connection that may write, in autocommit mode: only for deleting relayed outbox rows.
   *
   * @param config the connector config
   * @param dialect the database's dialect
   * @return an open connection in autocommit mode
   * @throws SQLException when the driver cannot connect; its message never holds the password
   */
  static Connection openForWriting(JdbcSourceConnectorConfig config, Dialect dialect) throws SQLException {
    return open(config, dialect, false);
  }

  private static Connection open(JdbcSourceConnectorConfig config, Dialect dialect, boolean readOnly)
      throws SQLException {
    String url = config.connectionUrl();
    Properties properties = dialect.connectionProperties(config.connectionTimeout());
    if (config.connectionUser() != null) {
      properties.setProperty("user", config.connectionUser());
    }
    Password password = config.connectionPassword();
    if (password != null && password.value() != null) {
      properties.setProperty("password", password.value());
    }
    Driver driver = driverFor(url);
    Connection connection;
    try {
      connection = driver.connect(url, properties);
    } catch (SQLException e) {
      throw scrub(e, config);
    }
    if (connection == null) {
      throw new SQLException("The driver " + driver.getClass().getName() + " does not accept the URL "
          + redact(url), "08001");
    }
    try {
      connection.setAutoCommit(true);
      dialect.prepareSession(connection, config.dbTimeZone());
      if (readOnly) {
        dialect.makeReadOnly(connection);
      }
    } catch (SQLException e) {
      closeQuietly(connection);
      throw scrub(e, config);
    } catch (RuntimeException e) {
      closeQuietly(connection);
      throw e;
    }
    return connection;
  }

  private static Driver driverFor(String url) throws SQLException {
    List<String> seen = new ArrayList<>();
    for (ClassLoader loader : loaders()) {
      for (Driver driver : ServiceLoader.load(Driver.class, loader)) {
        seen.add(driver.getClass().getName());
        if (driver.acceptsURL(url)) {
          return driver;
        }
      }
    }
    throw new SQLException("No JDBC driver accepts " + redact(url) + " (drivers found: " + seen + "). The plugin"
        + " bundles the PostgreSQL (jdbc:postgresql:) and MariaDB (jdbc:mariadb:) drivers; put other drivers' jars"
        + " into the plugin's lib directory.", "08001");
  }

  private static List<ClassLoader> loaders() {
    List<ClassLoader> loaders = new ArrayList<>();
    loaders.add(Connections.class.getClassLoader());
    ClassLoader context = Thread.currentThread().getContextClassLoader();
    if (context != null && context != loaders.get(0)) {
      loaders.add(context);
    }
    return loaders;
  }

  /**
   * A JDBC URL fit for logs and errors: password parameters and user-info passwords are masked.
   *
   * @param url the URL
   * @return the URL with secrets replaced by {@value #MASK}
   */
  static String redact(String url) {
    if (url == null) {
      return null;
    }
    String masked = url;
    for (Pattern secret : URL_SECRETS) {
      Matcher matcher = secret.matcher(masked);
      StringBuilder out = new StringBuilder();
      while (matcher.find()) {
        String tail = masked.substring(matcher.end(2), matcher.end());
        matcher.appendReplacement(out, Matcher.quoteReplacement(matcher.group(1) + MASK + tail));
      }
      matcher.appendTail(out);
      masked = out.toString();
    }
    return masked;
  }

  /** The credentials written in a URL (the values {@link #redact(String)} masks), longest first. */
  private static List<String> secretsOf(String url) {
    List<String> secrets = new ArrayList<>();
    if (url == null) {
      return secrets;
    }
    for (Pattern secret : URL_SECRETS) {
      Matcher matcher = secret.matcher(url);
      while (matcher.find()) {
        String value = matcher.group(2).trim();
        if (!value.isEmpty()) {
          secrets.add(value);
        }
      }
    }
    secrets.sort(Comparator.comparingInt(String::length).reversed());
    return secrets;
  }

  /**
   * Whether an error is worth retrying after reconnecting: a lost connection, a deadlock or serialization failure,
   * an operator intervention (cancel, shutdown) or lacking resources.
   *
   * @param e the error
   * @return whether to retry
   */
  static boolean isTransient(SQLException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLRecoverableException || t instanceof SQLTransientException) {
        return true;
      }
      if (t instanceof SQLException sql && sql.getSQLState() != null) {
        String state = sql.getSQLState();
        if (state.startsWith("08") || state.startsWith("40") || state.startsWith("53") || state.startsWith("57")) {
          return true;
        }
      }
      if (t instanceof java.io.IOException) {
        return true;
      }
    }
    return false;
  }

  /**
   * Describes an SQL error for a log line or an exception: its message, SQLState and vendor code, with the password
   * and URL secrets masked.
   *
   * @param e the error
   * @param config the config whose secrets must not show
   * @return the description
   */
  static String describe(SQLException e, JdbcSourceConnectorConfig config) {
    StringBuilder text = new StringBuilder();
    text.append(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
    if (e.getSQLState() != null) {
      text.append(" (SQLState ").append(e.getSQLState());
      if (e.getErrorCode() != 0) {
        text.append(", error ").append(e.getErrorCode());
      }
      text.append(')');
    }
    return mask(text.toString(), config);
  }

  /**
   * Masks the config's password and the URL's secrets in a text.
   *
   * @param text a message
   * @param config the config
   * @return the text without secrets
   */
  static String mask(String text, JdbcSourceConnectorConfig config) {
    String masked = redact(text);
    Password password = config.connectionPassword();
    if (password != null && password.value() != null && !password.value().isEmpty()) {
      masked = masked.replace(password.value(), MASK);
    }
    // A driver may echo a URL's credential on its own, outside a key=value that redact() recognises.
    for (String secret : secretsOf(config.connectionUrl())) {
      masked = masked.replace(secret, MASK);
    }
    return masked;
  }

  /** An SQL exception whose message and causes cannot leak the password. */
  private static SQLException scrub(SQLException e, JdbcSourceConnectorConfig config) {
    SQLException clean = new SQLException(mask(String.valueOf(e.getMessage()), config), e.getSQLState(),
        e.getErrorCode());
    clean.setStackTrace(e.getStackTrace());
    return clean;
  }

  static void closeQuietly(AutoCloseable closeable) {
    if (closeable == null) {
      return;
    }
    try {
      closeable.close();
    } catch (Exception e) {
      // Closing after a failure: the first failure is what matters.
    }
  }
}
