/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.connect;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.jar.JarInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/** The Connect plugin archive built by {@code package}: what a worker's plugin.path gets. */
class PluginArchiveIT {

  @Test
  void theArchiveHasTheManifestAndOnlyWhatTheWorkerDoesNotProvide() throws Exception {
    String version = CourierConnectorVersion.get();
    Path zip = Paths.get("target", "courier-connector-" + version + ".zip");
    assertThat(zip).exists();
    try (ZipFile archive = new ZipFile(zip.toFile())) {
      String base = "courier-connector-" + version + "/";
      List<String> names = archive.stream().map(ZipEntry::getName).toList();
      List<String> jars = names.stream().filter(n -> n.startsWith(base + "lib/") && n.endsWith(".jar"))
          .map(n -> n.substring((base + "lib/").length())).toList();
      assertThat(jars).containsExactlyInAnyOrder("courier-connector-" + version + ".jar",
          "courier-config-" + version + ".jar", jarNamed(jars, "jackson-core-"),
          jarNamed(jars, "postgresql-"), jarNamed(jars, "mariadb-java-client-"));
      assertThat(names).contains(base + "manifest.json", base + "doc/file-source-connector.md",
          base + "doc/jdbc-source-connector.md", base + "etc/file-source-json-spool.properties");
      String manifest = new String(archive.getInputStream(archive.getEntry(base + "manifest.json")).readAllBytes(),
          StandardCharsets.UTF_8);
      assertThat(manifest).contains("\"version\": \"" + version + "\"").contains("\"component_types\": [\"source\"]");

      ZipEntry connectorJar = archive.getEntry(base + "lib/courier-connector-" + version + ".jar");
      try (JarInputStream jar = new JarInputStream(archive.getInputStream(connectorJar))) {
        String services = "";
        for (var entry = jar.getNextJarEntry(); entry != null; entry = jar.getNextJarEntry()) {
          if (entry.getName().equals("META-INF/services/org.apache.kafka.connect.source.SourceConnector")) {
            services = new String(jar.readAllBytes(), StandardCharsets.UTF_8);
          }
        }
        assertThat(services).as("META-INF/services registration of the connectors")
            .contains("dev.courier.connect.file.FileSourceConnector")
            .contains("dev.courier.connect.jdbc.JdbcSourceConnector");
      }
    }
    // The two JDBC drivers are most of it (about 1.1 MB and 0.7 MB).
    assertThat(Files.size(zip)).isLessThan(4_000_000);
  }

  private static String jarNamed(List<String> jars, String prefix) {
    return jars.stream().filter(j -> j.startsWith(prefix)).findFirst().orElse(prefix + "*.jar (missing)");
  }
}
