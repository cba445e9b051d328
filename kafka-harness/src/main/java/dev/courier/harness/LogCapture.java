/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.harness;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Predicate;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.Appender;
import org.apache.logging.log4j.core.Filter;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.config.Property;
import org.apache.logging.log4j.core.filter.AbstractFilter;

/**
 * Captures what every logger of this JVM logs through log4j2 (Kafka, Connect and Courier alike) at a chosen level,
 * for tests that check what logs say or do not say (for example that no secret is ever logged). What the configured
 * appenders (the console) show does not change while capturing.
 *
 * <pre>{@code
 * try (LogCapture logs = LogCapture.start(Level.INFO, Map.of("dev.courier", Level.TRACE))) {
 *   ...
 *   assertThat(logs.text()).doesNotContain(password);
 * }
 * }</pre>
 *
 * <p>Closing it reloads the log4j2 configuration from its file.
 */
public final class LogCapture implements AutoCloseable {
  private static final String APPENDER_NAME = "courier-log-capture";

  private final LoggerContext context;
  private final ConcurrentLinkedQueue<String> events = new ConcurrentLinkedQueue<>();
  private boolean closed;

  private LogCapture(LoggerContext context) {
    this.context = context;
  }

  /**
   * Starts capturing every event at {@code level} or above.
   *
   * @param level e.g. {@link Level#INFO}, what production logging usually shows
   * @return the capture; close it to stop
   */
  public static LogCapture start(Level level) {
    return start(level, Map.of());
  }

  /**
   * Starts capturing every event at {@code level} or above, and at other levels for some logger name prefixes.
   *
   * @param level the level for every logger
   * @param levels levels by logger name prefix, e.g. {@code dev.courier -> TRACE}
   * @return the capture; close it to stop
   */
  public static synchronized LogCapture start(Level level, Map<String, Level> levels) {
    LoggerContext context = (LoggerContext) LogManager.getContext(false);
    Configuration config = context.getConfiguration();
    LogCapture capture = new LogCapture(context);

    Map<String, Level> original = new HashMap<>();
    List<LoggerConfig> loggers = new ArrayList<>(config.getLoggers().values());
    if (!loggers.contains(config.getRootLogger())) {
      loggers.add(config.getRootLogger());
    }
    loggers.forEach(logger -> original.put(logger.getName(), logger.getLevel()));
    Filter unchanged = new OriginalLevels(original);

    Appender appender = capture.new CaptureAppender();
    appender.start();
    config.addAppender(appender);
    for (String name : levels.keySet()) {
      if (config.getLoggers().get(name) == null) {
        LoggerConfig added = new LoggerConfig(name, config.getLoggerConfig(name).getLevel(), true);
        config.addLogger(name, added);
        loggers.add(added);
      }
    }
    for (LoggerConfig logger : loggers) {
      // The configured appenders keep showing what they showed: events below the level the logger had are denied.
      for (Map.Entry<String, Appender> existing : Map.copyOf(logger.getAppenders()).entrySet()) {
        logger.removeAppender(existing.getKey());
        logger.addAppender(existing.getValue(), null, unchanged);
      }
      Level wanted = levels.getOrDefault(logger.getName(), level);
      if (logger.getLevel() == null || wanted.isLessSpecificThan(logger.getLevel())) {
        logger.setLevel(wanted);
      }
      logger.addAppender(appender, null, null);
    }
    context.updateLoggers();
    return capture;
  }

  /**
   * The captured events so far, each as {@code LEVEL logger - message}, followed by the stack trace of its exception.
   *
   * @return a copy, in the order they were logged
   */
  public List<String> events() {
    return List.copyOf(events);
  }

  /**
   * The captured events whose text matches.
   *
   * @param condition a condition on an event's text
   * @return the matching events
   */
  public List<String> events(Predicate<String> condition) {
    return events.stream().filter(condition).toList();
  }

  /**
   * All captured events as one text.
   *
   * @return the events, one per line (stack traces on following lines)
   */
  public String text() {
    return String.join("\n", events);
  }

  /** Stops capturing and reloads the log4j2 configuration. Safe to call twice. */
  @Override
  public void close() {
    synchronized (LogCapture.class) {
      if (closed) {
        return;
      }
      closed = true;
      context.reconfigure();
    }
  }

  private final class CaptureAppender extends AbstractAppender {
    CaptureAppender() {
      super(APPENDER_NAME, null, null, true, Property.EMPTY_ARRAY);
    }

    @Override
    public void append(LogEvent event) {
      StringBuilder text = new StringBuilder()
          .append(event.getLevel()).append(' ').append(event.getLoggerName()).append(" - ")
          .append(event.getMessage() == null ? "null" : event.getMessage().getFormattedMessage());
      if (event.getThrown() != null) {
        StringWriter trace = new StringWriter();
        event.getThrown().printStackTrace(new PrintWriter(trace));
        text.append('\n').append(trace);
      }
      events.add(text.toString());
    }
  }

  /** Lets an event pass when it is at or above the level its logger had before the capture started. */
  private static final class OriginalLevels extends AbstractFilter {
    private final Map<String, Level> levels;

    OriginalLevels(Map<String, Level> levels) {
      super(Filter.Result.NEUTRAL, Filter.Result.DENY);
      this.levels = levels;
    }

    @Override
    public Filter.Result filter(LogEvent event) {
      Level threshold = threshold(event.getLoggerName());
      return threshold == null || event.getLevel().isMoreSpecificThan(threshold) ? onMatch : onMismatch;
    }

    private Level threshold(String loggerName) {
      String name = Objects.requireNonNullElse(loggerName, "");
      while (true) {
        if (levels.containsKey(name)) {
          return levels.get(name);
        }
        if (name.isEmpty()) {
          return null;
        }
        int dot = name.lastIndexOf('.');
        name = dot < 0 ? "" : name.substring(0, dot);
      }
    }
  }
}
