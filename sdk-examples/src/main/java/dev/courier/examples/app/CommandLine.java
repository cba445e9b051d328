/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.examples.app;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The command line of an example application: {@code --name value} options from a known set, then positional
 * arguments. An unknown option, a missing value or a malformed number is an {@link AppException} that names it and
 * shows the usage.
 *
 * @param options the options given, by name (with the leading {@code --})
 * @param positionals the other arguments, in order
 * @param usage the usage text, for error messages
 */
public record CommandLine(Map<String, String> options, List<String> positionals, String usage) {

  /**
   * Parses a command line.
   *
   * @param args the arguments
   * @param known the option names accepted, e.g. {@code --config}
   * @param usage the usage text
   * @return the parsed command line
   * @throws AppException for an unknown option or one without a value
   */
  public static CommandLine parse(String[] args, Set<String> known, String usage) {
    Map<String, String> options = new LinkedHashMap<>();
    List<String> positionals = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (arg.equals("--help") || arg.equals("-h")) {
        throw new AppException(usage);
      }
      if (!arg.startsWith("--")) {
        positionals.add(arg);
        continue;
      }
      String name = arg;
      String value = null;
      int equals = arg.indexOf('=');
      if (equals > 0) {
        name = arg.substring(0, equals);
        value = arg.substring(equals + 1);
      }
      if (!known.contains(name)) {
        throw new AppException("unknown option " + name + "; " + usage);
      }
      if (value == null) {
        if (i + 1 >= args.length || args[i + 1].startsWith("--")) {
          throw new AppException("option " + name + " needs a value; " + usage);
        }
        value = args[++i];
      }
      options.put(name, value);
    }
    return new CommandLine(Map.copyOf(options), List.copyOf(positionals), usage);
  }

  /**
   * An option's value as a path.
   *
   * @param name the option
   * @return the path, or {@code null} when not given
   */
  public Path path(String name) {
    String value = options.get(name);
    return value == null ? null : Path.of(value);
  }

  /**
   * An option's value as a positive integer.
   *
   * @param name the option
   * @param defaultValue the value when the option is not given
   * @return the value
   * @throws AppException when the value is not a positive integer
   */
  public int positiveInt(String name, int defaultValue) {
    String value = options.get(name);
    if (value == null) {
      return defaultValue;
    }
    try {
      int parsed = Integer.parseInt(value.trim());
      if (parsed > 0) {
        return parsed;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new AppException("option " + name + " is '" + value + "'; it takes a positive integer; " + usage);
  }
}
