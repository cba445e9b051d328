/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.connect.jdbc;

import dev.courier.connect.FakeTaskContext;
import dev.courier.connect.FakeTaskContext.FakeClock;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.source.SourceRecord;

/**
 * Run in a JVM with a small fixed heap by {@link JdbcLargeTableIT}: reads a whole table either through
 * {@link JdbcSourceTask} ({@code task}) or with a plain query that loads the result ({@code whole}, which must run out
 * of memory for the heap to prove anything). Prints the rows read and exits 0 when all were read in order.
 */
public final class StreamingHeapCheck {

  private StreamingHeapCheck() {}

  /**
   * Entry point.
   *
   * @param args {@code task|whole <jdbc url> <user> <table> <rows>}
   * @throws Exception on failure
   */
  public static void main(String[] args) throws Exception {
    String how = args[0];
    String url = args[1];
    String user = args[2];
    String table = args[3];
    long rows = Long.parseLong(args[4]);
    long read = how.equals("task") ? throughTask(url, user, table, rows) : whole(url, user, table);
    long used = Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
    System.out.printf("read=%d heap.max=%d heap.used=%d%n", read, Runtime.getRuntime().maxMemory(), used);
    System.exit(read == rows ? 0 : 1);
  }

  private static long throughTask(String url, String user, String table, long rows) throws Exception {
    Map<String, String> config = Map.of("name", "heap-check", "connection.url", url, "connection.user", user,
        "mode", "incrementing", "incrementing.column.name", "id", "table.names", table, "topic", "rows",
        "fetch.size", "1000");
    JdbcSourceTask task = new JdbcSourceTask(new FakeClock(0));
    task.initialize(new FakeTaskContext(config, false));
    task.start(config);
    long read = 0;
    long idle = 0;
    try {
      while (read < rows && idle < 200) {
        List<SourceRecord> batch = task.poll();
        if (batch == null || batch.isEmpty()) {
          idle++;
          continue;
        }
        idle = 0;
        for (SourceRecord record : batch) {
          long id = ((Struct) record.value()).getInt64("id");
          if (id != read + 1) {
            throw new IllegalStateException("expected id " + (read + 1) + ", read " + id);
          }
          read++;
        }
      }
    } finally {
      task.stop();
    }
    return read;
  }

  private static long whole(String url, String user, String table) throws Exception {
    try (Connection connection = DriverManager.getConnection(url, user, "");
        Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery("SELECT * FROM " + table + " ORDER BY id")) {
      long read = 0;
      while (rs.next()) {
        read++;
      }
      return read;
    }
  }
}
