/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.connect.jdbc;

import dev.courier.connect.BadRecordException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import org.apache.kafka.connect.data.Date;
import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Time;
import org.apache.kafka.connect.data.Timestamp;

/**
 * One column of a source's result: its label, what the driver says of its type, the {@link ColumnKind} that decides
 * its Connect schema, and how its values are read.
 *
 * @param label the column label, as the driver reports it (the Connect field name)
 * @param index the 1-based column index
 * @param jdbcType the {@link java.sql.Types} constant
 * @param typeName the database's type name
 * @param precision the declared precision (0 when unknown)
 * @param scale the declared scale, or fractional-second digits for temporal types
 * @param nullable whether the column may hold NULL (true when unknown)
 * @param kind the kind the dialect classified it as
 */
record JdbcColumn(
    String label,
    int index,
    int jdbcType,
    String typeName,
    int precision,
    int scale,
    boolean nullable,
    ColumnKind kind) {

  /**
   * The type for messages, for example {@code numeric(10,2)} or {@code timestamptz}.
   *
   * @return the type as the database names it
   */
  String describeType() {
    String name = typeName == null || typeName.isBlank() ? "JDBC type " + jdbcType : typeName;
    if (kind == ColumnKind.DECIMAL && precision > 0) {
      return name.toLowerCase(Locale.ROOT).contains("(") ? name : name + "(" + precision + "," + scale + ")";
    }
    return name;
  }

  /**
   * The Connect schema of the column's values (without {@code message.class}).
   *
   * @param temporal how temporal columns are mapped
   * @return the schema, optional when the column is nullable
   * @throws IllegalStateException for {@link ColumnKind#UNSUPPORTED} (refused earlier)
   */
  Schema schema(TemporalMapping temporal) {
    SchemaBuilder builder =
        switch (kind) {
          case BOOLEAN -> SchemaBuilder.bool();
          case INT8 -> SchemaBuilder.int8();
          case INT16 -> SchemaBuilder.int16();
          case INT32 -> SchemaBuilder.int32();
          case INT64 -> SchemaBuilder.int64();
          case FLOAT32 -> SchemaBuilder.float32();
          case FLOAT64 -> SchemaBuilder.float64();
          case DECIMAL -> Decimal.builder(scale);
          case NUMERIC_TEXT, STRING, TIME_TZ, NULL -> SchemaBuilder.string();
          case BYTES -> SchemaBuilder.bytes();
          case DATE -> temporal == TemporalMapping.CONNECT ? Date.builder() : SchemaBuilder.string();
          case TIME -> temporal == TemporalMapping.CONNECT ? Time.builder() : SchemaBuilder.string();
          case TIMESTAMP, TIMESTAMP_TZ ->
              temporal == TemporalMapping.CONNECT ? Timestamp.builder() : SchemaBuilder.string();
          case UNSUPPORTED -> throw new IllegalStateException("column " + label + " has an unsupported type");
        };
    if (nullable || kind == ColumnKind.NULL) {
      builder.optional();
    }
    return builder.build();
  }

  /**
   * Reads the column's value of the current row as a plain Java value: Boolean, Long (every integer kind), Float,
   * Double, BigDecimal, String, byte[], LocalDate, LocalTime, OffsetTime, LocalDateTime, OffsetDateTime, or null.
   *
   * @param rs the result set, on a row
   * @return the value
   * @throws SQLException when the driver cannot read it (a value the type's Java form cannot hold, such as a numeric
   *     NaN), which the caller turns into a bad record
   */
  Object readRaw(ResultSet rs) throws SQLException {
    Object value =
        switch (kind) {
          case BOOLEAN -> rs.getBoolean(index);
          case INT8, INT16, INT32, INT64 -> rs.getLong(index);
          case FLOAT32 -> rs.getFloat(index);
          case FLOAT64 -> rs.getDouble(index);
          case DECIMAL -> rs.getBigDecimal(index);
          case NUMERIC_TEXT, STRING -> rs.getString(index);
          case BYTES -> rs.getBytes(index);
          case DATE -> rs.getObject(index, LocalDate.class);
          case TIME -> rs.getObject(index, LocalTime.class);
          case TIME_TZ -> rs.getObject(index, OffsetTime.class);
          case TIMESTAMP -> rs.getObject(index, LocalDateTime.class);
          case TIMESTAMP_TZ -> rs.getObject(index, OffsetDateTime.class);
          case NULL -> null;
          case UNSUPPORTED -> throw new IllegalStateException("column " + label + " has an unsupported type");
        };
    return rs.wasNull() ? null : value;
  }

  /**
   * Converts a raw value (from {@link #readRaw}) to the Connect value of {@link #schema(TemporalMapping)}.
   *
   * @param raw the raw value, not null
   * @param temporal how temporal columns are mapped
   * @return the Connect value
   * @throws BadRecordException when the value does not fit the schema exactly
   */
  Object toConnect(Object raw, TemporalMapping temporal) throws BadRecordException {
    switch (kind) {
      case INT8:
        return (byte) checkRange((Long) raw, Byte.MIN_VALUE, Byte.MAX_VALUE);
      case INT16:
        return (short) checkRange((Long) raw, Short.MIN_VALUE, Short.MAX_VALUE);
      case INT32:
        return (int) checkRange((Long) raw, Integer.MIN_VALUE, Integer.MAX_VALUE);
      case DECIMAL:
        return scaled((BigDecimal) raw);
      case DATE:
        if (temporal == TemporalMapping.CONNECT) {
          return connectInstant(((LocalDate) raw).atStartOfDay(ZoneOffset.UTC).toInstant(), raw);
        }
        return raw.toString();
      case TIME:
        if (temporal == TemporalMapping.CONNECT) {
          LocalTime time = (LocalTime) raw;
          if (time.getNano() % 1_000_000 != 0) {
            throw finer(raw);
          }
          return new java.util.Date(time.toNanoOfDay() / 1_000_000);
        }
        return raw.toString();
      case TIME_TZ:
        return raw.toString();
      case TIMESTAMP:
        if (temporal == TemporalMapping.CONNECT) {
          return connectInstant(((LocalDateTime) raw).toInstant(ZoneOffset.UTC), raw);
        }
        return raw.toString();
      case TIMESTAMP_TZ:
        Instant instant = ((OffsetDateTime) raw).toInstant();
        if (temporal == TemporalMapping.CONNECT) {
          return connectInstant(instant, raw);
        }
        return instant.toString();
      default:
        return raw;
    }
  }

  private long checkRange(long value, long min, long max) throws BadRecordException {
    if (value < min || value > max) {
      throw new BadRecordException("column " + label + " (" + describeType() + ") holds " + value
          + ", outside the range " + min + " to " + max + " of its Connect type");
    }
    return value;
  }

  private BigDecimal scaled(BigDecimal value) throws BadRecordException {
    if (value.scale() == scale) {
      return value;
    }
    try {
      return value.setScale(scale, RoundingMode.UNNECESSARY);
    } catch (ArithmeticException e) {
      throw new BadRecordException("column " + label + " (" + describeType() + ") holds " + value.toPlainString()
          + ", which has more than the column's " + scale + " decimal places");
    }
  }

  private java.util.Date connectInstant(Instant instant, Object raw) throws BadRecordException {
    if (instant.getNano() % 1_000_000 != 0) {
      throw finer(raw);
    }
    try {
      return java.util.Date.from(instant);
    } catch (IllegalArgumentException e) {
      throw new BadRecordException("column " + label + " holds " + raw + ", beyond the range of a Connect "
          + "timestamp");
    }
  }

  private BadRecordException finer(Object raw) {
    return new BadRecordException("column " + label + " (" + describeType() + ") holds " + raw + ", finer than the"
        + " milliseconds of Connect's temporal types (temporal.mapping=connect); use temporal.mapping=string");
  }

  /** The column of a label: exact, else the only one equal ignoring case. */
  static JdbcColumn byLabel(List<JdbcColumn> columns, String name) {
    for (JdbcColumn column : columns) {
      if (column.label().equals(name)) {
        return column;
      }
    }
    JdbcColumn found = null;
    for (JdbcColumn column : columns) {
      if (column.label().equalsIgnoreCase(name)) {
        if (found != null) {
          return null;
        }
        found = column;
      }
    }
    return found;
  }
}
