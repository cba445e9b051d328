/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.connect.jdbc;

import dev.courier.config.MemberDescriptor;
import dev.courier.config.MemberType;
import dev.courier.config.MessageDescriptor;
import dev.courier.connect.BadRecordException;
import dev.courier.connect.MessageDocument;
import dev.courier.connect.MessageMapping;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.connect.source.SourceRecord;

/**
 * Rows with {@code message.class}: each member of the {@code @KafkaMessage} type is read from the column of the same
 * name (exact, else ignoring case); the row becomes the type's JSON document ({@link MessageDocument}), which the
 * type's generated reader reads like a JSON line, so an integer out of the member's range, a string that is not an
 * enum constant, a NULL for a required member are bad records with the reader's own words. Which column types feed
 * which member kinds is fixed here and checked by {@code validate()}. A column that is no member (other than the position columns) is skipped when the type is read
 * tolerantly, as an unknown JSON member is, and refused when it is read strictly, so nothing is dropped then.
 */
final class MessageRows implements RowConverter {

  private final MessageDescriptor descriptor;
  private final MemberDescriptor[] members;
  private final int[] columnIndex;
  private final JdbcColumn[] columns;
  private final MessageDocument document = new MessageDocument();

  private MessageRows(MessageDescriptor descriptor, MemberDescriptor[] members, JdbcColumn[] columns) {
    this.descriptor = descriptor;
    this.members = members;
    this.columns = columns;
    this.columnIndex = new int[members.length];
    for (int i = 0; i < members.length; i++) {
      columnIndex[i] = columns[i].index() - 1;
    }
  }

  /**
   * Matches a message type's members with a source's columns.
   *
   * @param descriptor the type's descriptor
   * @param columns the source's columns
   * @param positionColumns labels of the incrementing and timestamp columns, which need not be members
   * @param skipOthers whether other columns that are no member are skipped (the type is read tolerantly) rather than
   *     refused
   * @param source the source, for messages (for example {@code table public.orders})
   * @param problems where problems are added
   * @return the converter, or null when there are problems
   */
  static MessageRows match(MessageDescriptor descriptor, List<JdbcColumn> columns, Set<String> positionColumns,
      boolean skipOthers, String source, List<String> problems) {
    String type = descriptor.messageClassName();
    int before = problems.size();
    List<MemberDescriptor> memberList = descriptor.members();
    MemberDescriptor[] members = memberList.toArray(new MemberDescriptor[0]);
    JdbcColumn[] matched = new JdbcColumn[members.length];
    List<JdbcColumn> used = new ArrayList<>();
    for (int i = 0; i < members.length; i++) {
      MemberDescriptor member = members[i];
      JdbcColumn column = JdbcColumn.byLabel(columns, member.name());
      if (column == null) {
        problems.add("member '" + member.name() + "' (" + member.type() + ") of " + type + " has no column in "
            + source + " (columns: " + labels(columns) + "). Fix: rename the column, or use query with "
            + "'AS \"" + member.name() + "\"'.");
        continue;
      }
      String incompatible = incompatibility(member, column);
      if (incompatible != null) {
        problems.add("member '" + member.name() + "' (" + member.type() + ") of " + type + " cannot be read from"
            + " column " + column.label() + " (" + column.describeType() + ") of " + source + ": " + incompatible);
        continue;
      }
      matched[i] = column;
      used.add(column);
    }
    for (JdbcColumn column : columns) {
      if (!skipOthers && !used.contains(column) && !positionColumns.contains(column.label())
          && member(memberList, column.label()) == null) {
        problems.add("column " + column.label() + " of " + source + " is not a member of " + type + " (members: "
            + memberList.stream().map(MemberDescriptor::name).toList() + "), so its values would be dropped, and "
            + type + " is read strictly (@KafkaMessage(reading = STRICT) or message.reading=strict). Fix: select"
            + " only the members' columns with query.");
      }
    }
    return problems.size() == before ? new MessageRows(descriptor, members, matched) : null;
  }

  private static MemberDescriptor member(List<MemberDescriptor> members, String label) {
    for (MemberDescriptor member : members) {
      if (member.name().equalsIgnoreCase(label)) {
        return member;
      }
    }
    return null;
  }

  private static String labels(List<JdbcColumn> columns) {
    return String.join(", ", columns.stream().map(JdbcColumn::label).toList());
  }

  /** Why a column cannot feed a member, or null when it can. */
  static String incompatibility(MemberDescriptor member, JdbcColumn column) {
    ColumnKind c = column.kind();
    MemberType.Kind m = member.type().kind();
    boolean text = c == ColumnKind.STRING;
    boolean ok =
        switch (m) {
          case BOOLEAN -> c == ColumnKind.BOOLEAN || c.isIntegral() || text;
          case INT8, INT16, INT32, INT64, BIG_INTEGER -> c.isIntegral() || c == ColumnKind.DECIMAL
              || c == ColumnKind.NUMERIC_TEXT || text;
          case FLOAT32, FLOAT64 -> c.isNumeric() || text;
          case DECIMAL -> c.isIntegral() || c == ColumnKind.DECIMAL || c == ColumnKind.NUMERIC_TEXT || text;
          case CHAR, STRING, ENUM, UUID -> text;
          case INSTANT, OFFSET_DATE_TIME -> c == ColumnKind.TIMESTAMP_TZ || text;
          case LOCAL_DATE_TIME -> c == ColumnKind.TIMESTAMP || text;
          case LOCAL_DATE -> c == ColumnKind.DATE || text;
          case BYTES -> c == ColumnKind.BYTES || text;
          case ARRAY, MAP, STRUCT -> false;
        };
    if (ok) {
      return null;
    }
    return switch (m) {
      case ARRAY, MAP, STRUCT -> "a column cannot hold a " + m + " member; use a message type with scalar members";
      case INSTANT, OFFSET_DATE_TIME -> "it needs a TIMESTAMP WITH TIME ZONE or text column (a TIMESTAMP without"
          + " time zone names no instant: convert it in a query, e.g. ts AT TIME ZONE 'UTC')";
      case LOCAL_DATE_TIME -> "it needs a TIMESTAMP (without time zone) or text column";
      case LOCAL_DATE -> "it needs a DATE or text column";
      case BYTES -> "it needs a binary column, or base64 text";
      case CHAR, STRING, ENUM, UUID -> "it needs a text column (cast others in a query)";
      case DECIMAL, BIG_INTEGER, INT8, INT16, INT32, INT64 -> "it needs an integer, exact numeric or text column"
          + " (a floating-point column is not exact)";
      default -> "it needs a " + m.name().toLowerCase(Locale.ROOT) + ", numeric or text column";
    };
  }

  @Override
  public SourceRecord record(MessageMapping mapping, Map<String, ?> partition, Map<String, ?> offset, Object[] raw)
      throws BadRecordException {
    document.begin();
    for (int i = 0; i < members.length; i++) {
      Object cell = raw[columnIndex[i]];
      MemberDescriptor member = members[i];
      if (cell == null) {
        if (!member.optional()) {
          document.finish();
          throw new BadRecordException("member '" + member.name() + "' (" + member.type() + ") is NULL (column "
              + columns[i].label() + "), but " + descriptor.messageClassName() + " requires it");
        }
        continue;
      }
      document.value(member, cell);
    }
    return mapping.message(partition, offset, document.finish());
  }
}
