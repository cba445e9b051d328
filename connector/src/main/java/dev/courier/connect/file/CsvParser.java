/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.connect.file;

import dev.courier.connect.BadRecordException;
import java.util.ArrayList;
import java.util.List;

/**
 * A small strict CSV parser for one record (RFC 4180 with a configurable delimiter): fields are separated by the
 * delimiter; a field that starts with a double quote is quoted, may hold delimiters, line ends and doubled quotes
 * ({@code ""} for one {@code "}), and must end with a quote followed by the delimiter or the end of the record.
 * Anything else (a quote inside an unquoted field, text after a closing quote, an unterminated quote) is a bad
 * record, never guessed at. Unquoted fields are kept as they are, spaces included.
 *
 * <p>Why not a library: the file source needs the exact byte offset of every record for exactly-once resume and a
 * hard bound on a record's size; it frames records on bytes itself ({@link RecordFramer}) and only needs this
 * field split, which commons-csv's reader-based API does not offer on its own.
 */
final class CsvParser {

  private CsvParser() {}

  /**
   * Splits a record into fields.
   *
   * @param record the record text, without its final line end
   * @param delimiter the delimiter
   * @return the fields, at least one
   * @throws BadRecordException when the record breaks the quoting rules, naming the column
   */
  static List<String> parse(String record, char delimiter) throws BadRecordException {
    List<String> fields = new ArrayList<>();
    int length = record.length();
    int i = 0;
    while (true) {
      int column = fields.size() + 1;
      if (i < length && record.charAt(i) == '"') {
        StringBuilder field = new StringBuilder();
        int opened = i;
        i++;
        boolean closed = false;
        while (i < length) {
          char c = record.charAt(i);
          if (c == '"') {
            if (i + 1 < length && record.charAt(i + 1) == '"') {
              field.append('"');
              i += 2;
              continue;
            }
            closed = true;
            i++;
            break;
          }
          field.append(c);
          i++;
        }
        if (!closed) {
          throw new BadRecordException("column " + column + " opens a quoted field at character " + (opened + 1)
              + " that is never closed");
        }
        fields.add(field.toString());
        if (i == length) {
          return fields;
        }
        if (record.charAt(i) != delimiter) {
          throw new BadRecordException("column " + column + " has '" + record.charAt(i) + "' after its closing"
              + " quote at character " + (i + 1) + "; a quoted field must be followed by the delimiter '"
              + delimiter + "' or the end of the record");
        }
        i++;
      } else {
        int end = i;
        while (end < length && record.charAt(end) != delimiter) {
          if (record.charAt(end) == '"') {
            throw new BadRecordException("column " + column + " has a quote at character " + (end + 1)
                + " inside an unquoted field; quote the whole field and double the quote (\"\")");
          }
          end++;
        }
        fields.add(record.substring(i, end));
        if (end == length) {
          return fields;
        }
        i = end + 1;
      }
    }
  }
}
