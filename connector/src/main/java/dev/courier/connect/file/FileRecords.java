/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.connect.file;

import dev.courier.Reading;
import dev.courier.config.MemberDescriptor;
import dev.courier.config.MessageDescriptor;
import dev.courier.connect.BadRecordException;
import dev.courier.connect.JsonValues;
import dev.courier.connect.MessageDocument;
import dev.courier.connect.MessageMapping;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.source.SourceRecord;

/** Turns framed records of one format into source records, or into the reason they are bad. */
final class FileRecords {

  private final FileFormat format;
  private final MessageMapping mapping;
  private final MessageDescriptor descriptor;
  private final char delimiter;
  private final int maxBytes;
  private final MessageDocument document = new MessageDocument();

  FileRecords(FileFormat format, MessageMapping mapping, char delimiter, int maxBytes) {
    this.format = format;
    this.mapping = mapping;
    this.descriptor = mapping.descriptor().orElse(null);
    this.delimiter = delimiter;
    this.maxBytes = maxBytes;
  }

  /**
   * Converts one frame.
   *
   * @return the record, or {@code null} when the frame carries none (an empty line, a CSV header)
   */
  SourceRecord convert(TrackedFile file, RecordFramer.Frame frame, Map<String, ?> offset) throws BadRecordException {
    String unreadable = null;
    if (frame.tooLong) {
      unreadable = "the record is " + frame.fullLength + " bytes long, more than record.max.bytes=" + maxBytes;
    } else {
      int invalid = Utf8.firstInvalid(frame.data, frame.offset, frame.length);
      if (invalid >= 0) {
        unreadable = "invalid UTF-8 at byte " + (invalid + 1) + " of the record (byte offset "
            + (frame.startPosition + invalid) + " of the file, value 0x"
            + Integer.toHexString(frame.data[frame.offset + invalid] & 0xFF) + "); the file must be UTF-8";
      }
    }
    if (unreadable != null) {
      if (format == FileFormat.CSV && file.header == null && file.headerProblem == null) {
        // An unreadable header is still the header: the next line must not silently take its place.
        file.headerLine = frame.startLine;
        file.headerProblem = unreadable;
        throw new BadRecordException("the header row is invalid: " + unreadable);
      }
      throw new BadRecordException(unreadable);
    }
    switch (format) {
      case TEXT:
        return mapping.record(file.partition, offset, text(frame));
      case JSON:
        if (blank(frame)) {
          return null;
        }
        if (descriptor != null) {
          JsonValues.rejectNul(frame.data, frame.offset, frame.length);
          return mapping.message(file.partition, offset,
              Arrays.copyOfRange(frame.data, frame.offset, frame.offset + frame.length));
        }
        return mapping.record(file.partition, offset,
            JsonValues.readSchemaless(frame.data, frame.offset, frame.length));
      case CSV:
        if (frame.length == 0) {
          return null;
        }
        if (file.header == null && file.headerProblem == null) {
          readHeader(file, frame.startLine, text(frame));
          return null;
        }
        return csvRow(file, text(frame), offset);
      default:
        throw new IllegalStateException("unknown format " + format);
    }
  }

  /**
   * Reads a CSV header. A header that cannot be used is remembered, so each row of the file is a bad record naming
   * the header's problem, and the header line itself is reported as bad.
   */
  void readHeader(TrackedFile file, long line, String text) throws BadRecordException {
    file.headerLine = line;
    List<String> columns;
    try {
      columns = CsvParser.parse(text, delimiter);
    } catch (BadRecordException e) {
      file.headerProblem = e.reason();
      throw new BadRecordException("the header row is invalid: " + e.reason());
    }
    String problem = headerProblem(columns);
    if (problem != null) {
      file.headerProblem = problem;
      throw new BadRecordException("the header row is invalid: " + problem);
    }
    file.header = columns;
    if (descriptor == null) {
      SchemaBuilder builder = SchemaBuilder.struct();
      for (String column : columns) {
        builder.field(column, Schema.OPTIONAL_STRING_SCHEMA);
      }
      file.headerSchema = builder.build();
    } else {
      MemberDescriptor[] members = new MemberDescriptor[columns.size()];
      for (int i = 0; i < members.length; i++) {
        members[i] = member(columns.get(i));
      }
      file.columnMembers = members;
    }
  }

  private String headerProblem(List<String> columns) {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < columns.size(); i++) {
      String column = columns.get(i);
      if (column.isEmpty()) {
        return "column " + (i + 1) + " has no name; every column needs a unique name";
      }
      if (!seen.add(column)) {
        return "the column name '" + column + "' appears twice";
      }
    }
    if (descriptor == null) {
      String key = mapping.keyMember().orElse(null);
      if (key != null && !seen.contains(key)) {
        return "there is no column '" + key + "' (key.member); the columns are " + columns;
      }
      return null;
    }
    List<String> unknown = new ArrayList<>();
    for (String column : columns) {
      if (member(column) == null) {
        unknown.add(column);
      }
    }
    if (!unknown.isEmpty() && mapping.reading().orElse(Reading.STRICT) == Reading.STRICT) {
      return "the columns " + unknown + " are not members of " + descriptor.messageClassName() + " (members: "
          + descriptor.members().stream().map(MemberDescriptor::name).toList() + "), and "
          + descriptor.messageClassName()
          + " is read strictly (@KafkaMessage(reading = STRICT) or message.reading=strict)";
    }
    List<String> missing = new ArrayList<>();
    String requiredKey = descriptor.keyNullable() ? null : descriptor.keyMember().orElse(null);
    for (MemberDescriptor field : descriptor.members()) {
      boolean required = !field.optional() || field.name().equals(requiredKey);
      if (required && !seen.contains(field.name())) {
        missing.add(field.name());
      }
    }
    if (!missing.isEmpty()) {
      return "the required members " + missing + " of " + descriptor.messageClassName() + " have no column";
    }
    return null;
  }

  private MemberDescriptor member(String name) {
    for (MemberDescriptor field : descriptor.members()) {
      if (field.name().equals(name)) {
        return field;
      }
    }
    return null;
  }

  private SourceRecord csvRow(TrackedFile file, String text, Map<String, ?> offset) throws BadRecordException {
    if (file.headerProblem != null) {
      throw new BadRecordException("the file's header row (line " + file.headerLine + ") is invalid: "
          + file.headerProblem);
    }
    List<String> cells = CsvParser.parse(text, delimiter);
    if (cells.size() != file.header.size()) {
      throw new BadRecordException("the record has " + cells.size() + " column" + (cells.size() == 1 ? "" : "s")
          + ", but the header has " + file.header.size() + " (" + String.join(", ", file.header) + ")");
    }
    if (descriptor == null) {
      Struct value = new Struct(file.headerSchema);
      for (int i = 0; i < cells.size(); i++) {
        value.put(file.header.get(i), cells.get(i));
      }
      return mapping.record(file.partition, offset, value);
    }
    document.begin();
    for (int i = 0; i < cells.size(); i++) {
      MemberDescriptor member = file.columnMembers[i];
      if (member == null) {
        continue; // a column that is no member, read tolerantly: skipped, like an unknown JSON member
      }
      String cell = cells.get(i);
      if (cell.isEmpty()) {
        if (!member.optional()) {
          document.finish();
          throw new BadRecordException("member '" + member.name() + "' (" + member.type() + ") is required, but"
              + " its cell in column " + (i + 1) + " is empty");
        }
        continue;
      }
      document.text(member, cell);
    }
    return mapping.message(file.partition, offset, document.finish());
  }

  private static String text(RecordFramer.Frame frame) {
    return new String(frame.data, frame.offset, frame.length, StandardCharsets.UTF_8);
  }

  private static boolean blank(RecordFramer.Frame frame) {
    for (int i = frame.offset; i < frame.offset + frame.length; i++) {
      byte b = frame.data[i];
      if (b != ' ' && b != '\t') {
        return false;
      }
    }
    return true;
  }
}
