/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.processor.evolution;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The previous version's schemas: the places named by the processor option {@code courier.evolution.baseline},
 * separated by the platform's path separator, each a directory or a jar. A directory holds
 * {@code <binary name>.json} files, directly (a directory committed with the sources) or under
 * {@code META-INF/courier/schemas/} (a previous build's class output); a jar holds them under
 * {@code META-INF/courier/schemas/}, as Courier writes them. The first place that has a type's schema gives it. A jar
 * is read once, when first asked.
 */
final class Baseline {
  /** Where Courier writes schemas in a class output and a jar. */
  static final String SCHEMAS = "META-INF/courier/schemas/";

  /**
   * A schema of the baseline.
   *
   * @param text the schema document
   * @param where the file, or the jar and its entry, for messages
   */
  record Schema(String text, String where) {}

  private final List<Path> places = new ArrayList<>();
  private final Map<Path, Map<String, String>> jars = new HashMap<>();

  /**
   * The baseline an option value names.
   *
   * @param option the option value
   */
  Baseline(String option) {
    for (String place : option.split(File.pathSeparator)) {
      if (!place.isBlank()) {
        places.add(Path.of(place.strip()));
      }
    }
  }

  /**
   * The schema of a type, if the baseline has the type.
   *
   * @param binaryName the type's binary name
   * @return its previous schema, or empty for a type the baseline does not have (a new type)
   * @throws IOException when a place does not exist or cannot be read
   */
  Optional<Schema> schema(String binaryName) throws IOException {
    String file = binaryName + ".json";
    for (Path place : places) {
      if (Files.isDirectory(place)) {
        for (Path candidate : List.of(place.resolve(file), place.resolve(SCHEMAS + file))) {
          if (Files.isRegularFile(candidate)) {
            return Optional.of(new Schema(Files.readString(candidate, StandardCharsets.UTF_8), candidate.toString()));
          }
        }
      } else if (Files.isRegularFile(place)) {
        String text = jar(place).get(SCHEMAS + file);
        if (text != null) {
          return Optional.of(new Schema(text, place + "!/" + SCHEMAS + file));
        }
      } else {
        throw new IOException("the baseline " + place + " does not exist");
      }
    }
    return Optional.empty();
  }

  private Map<String, String> jar(Path path) throws IOException {
    Map<String, String> schemas = jars.get(path);
    if (schemas != null) {
      return schemas;
    }
    schemas = new HashMap<>();
    try (ZipFile zip = new ZipFile(path.toFile(), StandardCharsets.UTF_8)) {
      for (ZipEntry entry : Collections.list(zip.entries())) {
        if (!entry.isDirectory() && entry.getName().startsWith(SCHEMAS) && entry.getName().endsWith(".json")) {
          try (InputStream in = zip.getInputStream(entry)) {
            schemas.put(entry.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
          }
        }
      }
    } catch (IOException e) {
      throw new IOException("the baseline " + path + " is neither a directory nor a readable jar (" + e.getMessage()
          + ")", e);
    }
    jars.put(path, schemas);
    return schemas;
  }
}
