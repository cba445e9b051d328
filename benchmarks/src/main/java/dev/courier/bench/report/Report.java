/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.bench.report;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What a benchmark run prints: per section, a table of medians with the values of every round, then the ratios
 * against the targets. The tables are Markdown, so a run's output can go into {@code docs/benchmarks.md} as it is.
 */
public final class Report {
  private final List<Section> sections = new ArrayList<>();
  private int printed;

  /**
   * Starts a section.
   *
   * @param title its title
   * @param unit the unit of its values, e.g. {@code records/s}
   * @return the section
   */
  public Section section(String title, String unit) {
    Section section = new Section(title, unit);
    sections.add(section);
    return section;
  }

  /**
   * Prints every section.
   *
   * @param out where to
   */
  public void print(PrintStream out) {
    for (Section section : sections) {
      section.print(out);
    }
  }

  /**
   * Prints the sections added since the last call, e.g. as each part of a long run finishes.
   *
   * @param out where to
   */
  public void printNew(PrintStream out) {
    for (int i = printed; i < sections.size(); i++) {
      sections.get(i).print(out);
    }
    printed = sections.size();
  }

  /** A whole-report verdict line: how many ratios met their target. */
  public String summary() {
    int met = 0;
    int total = 0;
    for (Section section : sections) {
      for (Ratio ratio : section.ratios) {
        if (ratio.target != null) {
          total++;
          if (ratio.met()) {
            met++;
          }
        }
      }
    }
    return met + " of " + total + " targets met";
  }

  /** One table and its ratios. */
  public static final class Section {
    private final String title;
    private final String unit;
    private final List<String> notes = new ArrayList<>();
    private final List<Row> rows = new ArrayList<>();
    private final List<Ratio> ratios = new ArrayList<>();

    private Section(String title, String unit) {
      this.title = title;
      this.unit = unit;
    }

    /**
     * Adds a note printed under the title (settings, what is measured).
     *
     * @param note the note
     * @return this section
     */
    public Section note(String note) {
      notes.add(note);
      return this;
    }

    /**
     * Adds a row of measured values.
     *
     * @param label what was measured
     * @param samples its values, one per round
     * @return this section
     */
    public Section row(String label, Samples samples) {
      rows.add(new Row(label, samples));
      return this;
    }

    /**
     * Adds a ratio with a target.
     *
     * @param label e.g. {@code courier / FileStreamSource, text, defaults}
     * @param perRound the ratio of each round (paired values of one round)
     * @param target the lowest (or, with {@code atMost}, highest) acceptable value, or null for information only
     * @param atMost whether the ratio must stay at or under the target instead of reaching it
     * @return this section
     */
    public Section ratio(String label, Samples perRound, Double target, boolean atMost) {
      ratios.add(new Ratio(label, perRound, target, atMost));
      return this;
    }

    void print(PrintStream out) {
      out.println();
      out.println("### " + title);
      out.println();
      for (String note : notes) {
        out.println(note);
      }
      if (!notes.isEmpty()) {
        out.println();
      }
      if (!rows.isEmpty()) {
        out.println("| measured | median " + unit + " | every round |");
        out.println("|---|---:|---|");
        for (Row row : rows) {
          out.println("| " + row.label + " | " + Samples.compact(row.samples.median()) + " | "
              + row.samples.describe() + " |");
        }
        out.println();
      }
      if (!ratios.isEmpty()) {
        out.println("| ratio | median | every round | target | |");
        out.println("|---|---:|---|---|---|");
        for (Ratio ratio : ratios) {
          out.println("| " + ratio.label + " | " + format(ratio.perRound.median()) + " | "
              + ratio.perRound.values().stream().map(Report::format).reduce((a, b) -> a + ", " + b).orElse("")
              + " | " + (ratio.target == null ? "" : (ratio.atMost ? "<= " : ">= ") + format(ratio.target))
              + " | " + (ratio.target == null ? "" : ratio.met() ? "met" : "**missed**") + " |");
        }
        out.println();
      }
    }
  }

  private record Row(String label, Samples samples) {
  }

  private record Ratio(String label, Samples perRound, Double target, boolean atMost) {
    boolean met() {
      double median = perRound.median();
      return atMost ? median <= target : median >= target;
    }
  }

  static String format(double ratio) {
    return String.format(Locale.ROOT, "%.2f", ratio);
  }
}
