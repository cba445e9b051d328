/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.examples.audit;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Writes an {@link AuditEvent} in the audit trail's binary format, version 1: the byte {@code 1}, then actor, action,
 * resource and source as {@link DataOutputStream#writeUTF modified UTF-8} strings (source may be absent: a boolean
 * first), then the time as epoch milliseconds. {@link AuditEventDeserializer} reads it.
 *
 * <p>A declared value serializer must be a public class with a public no-argument constructor whose type argument
 * is the message type; Courier's processor checks both.
 */
public final class AuditEventSerializer implements Serializer<AuditEvent> {
  /** The format version this serializer writes. */
  public static final byte VERSION = 1;

  /** Creates the serializer. */
  public AuditEventSerializer() {}

  @Override
  public byte[] serialize(String topic, AuditEvent event) {
    if (event == null) {
      return null;
    }
    if (event.actor() == null || event.action() == null || event.resource() == null || event.at() == null) {
      throw new SerializationException("an audit event needs actor, action, resource and at; got " + event);
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(64);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeByte(VERSION);
      out.writeUTF(event.actor());
      out.writeUTF(event.action());
      out.writeUTF(event.resource());
      out.writeBoolean(event.source() != null);
      if (event.source() != null) {
        out.writeUTF(event.source());
      }
      out.writeLong(event.at().toEpochMilli());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }
}
