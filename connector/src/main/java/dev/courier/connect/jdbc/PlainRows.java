/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.connect.jdbc;

import dev.courier.connect.BadRecordException;
import dev.courier.connect.MessageMapping;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.source.SourceRecord;

/** Rows without {@code message.class}: a STRUCT with one field per column, named by the column label. */
final class PlainRows implements RowConverter {

  private final List<JdbcColumn> columns;
  private final TemporalMapping temporal;
  private final Schema schema;
  private final Field[] fields;

  PlainRows(List<JdbcColumn> columns, TemporalMapping temporal) {
    this.columns = List.copyOf(columns);
    this.temporal = temporal;
    SchemaBuilder builder = SchemaBuilder.struct();
    for (JdbcColumn column : columns) {
      builder.field(column.label(), column.schema(temporal));
    }
    this.schema = builder.build();
    this.fields = schema.fields().toArray(new Field[0]);
  }

  @Override
  public SourceRecord record(MessageMapping mapping, Map<String, ?> partition, Map<String, ?> offset, Object[] raw)
      throws BadRecordException {
    Struct value = new Struct(schema);
    for (int i = 0; i < fields.length; i++) {
      Object cell = raw[i];
      if (cell == null) {
        if (!fields[i].schema().isOptional()) {
          throw new BadRecordException("column " + columns.get(i).label() + " is NULL, but the database reports it"
              + " as NOT NULL");
        }
        continue;
      }
      value.put(fields[i], columns.get(i).toConnect(cell, temporal));
    }
    return mapping.record(partition, offset, value);
  }
}
