/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.connect.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConnectionsTest {

  @Test
  void urlSecretsAreMasked() {
    assertThat(Connections.redact("jdbc:postgresql://db:5432/shop?user=app&password=hunter2&ssl=true"))
        .isEqualTo("jdbc:postgresql://db:5432/shop?user=app&password=****&ssl=true");
    assertThat(Connections.redact("jdbc:mariadb://app:hunter2@db:3306/shop"))
        .isEqualTo("jdbc:mariadb://app:****@db:3306/shop");
    assertThat(Connections.redact("jdbc:h2:mem:x;PASSWORD=hunter2;MODE=MySQL"))
        .isEqualTo("jdbc:h2:mem:x;PASSWORD=****;MODE=MySQL");
  }

  @Test
  void descriptionsNeverHoldThePassword() {
    JdbcSourceConnectorConfig config = new JdbcSourceConnectorConfig(Map.of("connection.url", "jdbc:h2:mem:x",
        "mode", "bulk", "table.names", "t", "topic", "t", "connection.password", "hunter2"));
    SQLException e = new SQLException("login failed for hunter2", "28000", 17);
    assertThat(Connections.describe(e, config)).isEqualTo("login failed for **** (SQLState 28000, error 17)");
    assertThat(config.toString()).doesNotContain("hunter2");
  }

  @Test
  void lostConnectionsAndRollbacksAreTransientSyntaxErrorsAreNot() {
    assertThat(Connections.isTransient(new SQLException("gone", "08006"))).isTrue();
    assertThat(Connections.isTransient(new SQLException("deadlock", "40P01"))).isTrue();
    assertThat(Connections.isTransient(new SQLException("terminated", "57P01"))).isTrue();
    assertThat(Connections.isTransient(new SQLTransientConnectionException("x"))).isTrue();
    assertThat(Connections.isTransient(new SQLException("syntax", "42601"))).isFalse();
    assertThat(Connections.isTransient(new SQLException("denied", "42501"))).isFalse();
  }
}
