/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
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

  /**
   * Every bundled jar has its license: Courier's own jars Courier's LICENSE and NOTICE, every other jar an entry in
   * manifest.json's {@code bundled_components} (with its licenses) and its license texts under
   * {@code doc/licenses/<artifactId>/}, taken from the jar or committed in src/main/licenses/.
   */
  @Test
  void everyBundledJarHasItsLicenseTextAndAManifestEntry() throws Exception {
    String version = CourierConnectorVersion.get();
    String base = "courier-connector-" + version + "/";
    try (ZipFile archive = new ZipFile(zip(version).toFile())) {
      List<String> names = archive.stream().map(ZipEntry::getName).toList();
      assertThat(names).contains(base + "doc/LICENSE", base + "doc/NOTICE");
      assertThat(text(archive, base + "doc/LICENSE")).contains("Apache License", "Version 2.0, January 2004");

      JsonNode manifest = new ObjectMapper().readTree(text(archive, base + "manifest.json"));
      assertThat(manifest.path("license").findValuesAsText("name")).containsExactly("Apache License 2.0");
      List<String> declared = new ArrayList<>();
      for (JsonNode component : manifest.path("bundled_components")) {
        String artifactId = component.path("name").asText();
        declared.add(artifactId + "-" + component.path("version").asText() + ".jar");
        assertThat(component.path("licenses").findValuesAsText("name")).as("licenses of %s", artifactId).isNotEmpty();
        assertThat(component.path("license_files").asText()).isEqualTo("doc/licenses/" + artifactId + "/");
      }

      List<String> missing = new ArrayList<>();
      for (String jar : bundledJars(names, base)) {
        if (jar.startsWith("courier-")) {
          continue; // Courier's own: doc/LICENSE and doc/NOTICE, checked above
        }
        if (!declared.contains(jar)) {
          missing.add(jar + ": no bundled_components entry in manifest.json with this name and version");
        }
        String artifactId = jar.substring(0, jar.lastIndexOf('-'));
        if (!names.contains(base + "doc/licenses/" + artifactId + "/LICENSE")) {
          missing.add(jar + ": no doc/licenses/" + artifactId + "/LICENSE (not in the jar: commit it under"
              + " connector/src/main/licenses/" + artifactId + "/)");
        }
      }
      assertThat(missing).as("bundled jars without a license entry").isEmpty();
      assertThat(bundledJars(names, base)).as("every manifest entry is a bundled jar").containsAll(declared);
      assertThat(text(archive, base + "doc/licenses/jackson-core/NOTICE")).as("a notice taken from its jar")
          .contains("Jackson");
    }
  }

  /** The CycloneDX SBOM in the zip (and next to it) lists exactly the jars of lib/. */
  @Test
  void theSbomListsExactlyTheBundledJars() throws Exception {
    assumeFalse("offline=true".equals(System.getProperty("courier.maven.mode")),
        "Maven ran offline, and skips cyclonedx:makeBom (it needs online mode): the zip has no SBOM");
    String version = CourierConnectorVersion.get();
    String base = "courier-connector-" + version + "/";
    String sbomName = "courier-connector-" + version + "-cyclonedx.json";
    try (ZipFile archive = new ZipFile(zip(version).toFile())) {
      List<String> names = archive.stream().map(ZipEntry::getName).toList();
      JsonNode sbom = new ObjectMapper().readTree(text(archive, base + "doc/" + sbomName));
      assertThat(sbom.path("bomFormat").asText()).isEqualTo("CycloneDX");
      JsonNode main = sbom.path("metadata").path("component");
      List<String> described = new ArrayList<>();
      described.add(main.path("name").asText() + "-" + main.path("version").asText() + ".jar");
      for (JsonNode component : sbom.path("components")) {
        described.add(component.path("name").asText() + "-" + component.path("version").asText() + ".jar");
        assertThat(component.path("licenses")).as("licenses of %s", component.path("name").asText()).isNotEmpty();
      }
      assertThat(new TreeSet<>(described)).isEqualTo(new TreeSet<>(bundledJars(names, base)));
      assertThat(Files.readString(Paths.get("target", sbomName))).as("the SBOM attached to the build")
          .isEqualTo(text(archive, base + "doc/" + sbomName));
    }
  }

  private static Path zip(String version) {
    Path zip = Paths.get("target", "courier-connector-" + version + ".zip");
    assertThat(zip).exists();
    return zip;
  }

  private static List<String> bundledJars(List<String> names, String base) {
    return names.stream().filter(n -> n.startsWith(base + "lib/") && n.endsWith(".jar"))
        .map(n -> n.substring((base + "lib/").length())).toList();
  }

  private static String text(ZipFile archive, String name) throws IOException {
    ZipEntry entry = archive.getEntry(name);
    assertThat(entry).as(name).isNotNull();
    return new String(archive.getInputStream(entry).readAllBytes(), StandardCharsets.UTF_8);
  }

  private static String jarNamed(List<String> jars, String prefix) {
    return jars.stream().filter(j -> j.startsWith(prefix)).findFirst().orElse(prefix + "*.jar (missing)");
  }
}
