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
  void everyCredentialSyntaxOfThePostgresMariaDbMySqlAndH2UrlsIsMasked() {
    Map<String, String> urls = Map.of(
        "jdbc:postgresql://db/shop?password=s1&sslpassword=s2&sslmode=verify-full",
        "jdbc:postgresql://db/shop?password=****&sslpassword=****&sslmode=verify-full",
        "jdbc:postgresql://h1:5432,h2:5432/shop?user=app&PASSWORD=s1",
        "jdbc:postgresql://h1:5432,h2:5432/shop?user=app&PASSWORD=****",
        "jdbc:mariadb://db:3306/shop?user=app&password=s1&trustStorePassword=s2&keyStorePassword=s3&keyPassword=s4",
        "jdbc:mariadb://db:3306/shop?user=app&password=****&trustStorePassword=****&keyStorePassword=****"
            + "&keyPassword=****",
        "jdbc:mysql://app:p@ss:w0rd@db1,db2:3306/shop?pwd=s2", "jdbc:mysql://app:****@db1,db2:3306/shop?pwd=****",
        "jdbc:mysql://(host=db,port=3306,user=app,password=s1)/shop",
        "jdbc:mysql://(host=db,port=3306,user=app,password=****)/shop",
        "jdbc:mariadb://address=(host=db)(port=3306)(password=s1)/shop",
        "jdbc:mariadb://address=(host=db)(port=3306)(password=****)/shop",
        "jdbc:h2:tcp://db:9092/~/shop;USER=sa;PASSWORD=file user;CIPHER=AES",
        "jdbc:h2:tcp://db:9092/~/shop;USER=sa;PASSWORD=****;CIPHER=AES",
        "jdbc:oracle:thin:scott/tiger@db:1521:orcl", "jdbc:oracle:thin:scott/****@db:1521:orcl");
    urls.forEach((url, masked) -> assertThat(Connections.redact(url)).as(url).isEqualTo(masked));
    assertThat(Connections.redact("jdbc:postgresql://db:5432/shop?ApplicationName=a@b&user=app"))
        .as("no credential").isEqualTo("jdbc:postgresql://db:5432/shop?ApplicationName=a@b&user=app");
  }

  @Test
  void aDriverMessageThatEchoesACredentialOfTheUrlOnItsOwnIsMasked() {
    JdbcSourceConnectorConfig config = new JdbcSourceConnectorConfig(Map.of("connection.url",
        "jdbc:mysql://app:Pa55-word@db/shop?trustStorePassword=Tr-5t0re", "mode", "bulk", "table.names", "t",
        "topic", "t"));
    SQLException e = new SQLException("cannot open trust store with Tr-5t0re; login app/Pa55-word refused", "28000");
    assertThat(Connections.describe(e, config))
        .isEqualTo("cannot open trust store with ****; login app/**** refused (SQLState 28000)");
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
