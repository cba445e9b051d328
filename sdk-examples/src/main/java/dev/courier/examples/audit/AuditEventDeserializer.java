/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.examples.audit;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.time.Instant;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;

/** Reads what {@link AuditEventSerializer} writes. */
public final class AuditEventDeserializer implements Deserializer<AuditEvent> {
  /** Creates the deserializer. */
  public AuditEventDeserializer() {}

  @Override
  public AuditEvent deserialize(String topic, byte[] data) {
    if (data == null) {
      return null;
    }
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
      byte version = in.readByte();
      if (version != AuditEventSerializer.VERSION) {
        throw new SerializationException("audit event in topic " + topic + " has format version " + version
            + "; this deserializer reads version " + AuditEventSerializer.VERSION);
      }
      String actor = in.readUTF();
      String action = in.readUTF();
      String resource = in.readUTF();
      String source = in.readBoolean() ? in.readUTF() : null;
      Instant at = Instant.ofEpochMilli(in.readLong());
      if (in.available() > 0) {
        throw new SerializationException("audit event in topic " + topic + " has " + in.available()
            + " trailing byte(s)");
      }
      return new AuditEvent(actor, action, resource, source, at);
    } catch (IOException e) {
      throw new SerializationException("audit event in topic " + topic + " is truncated or malformed ("
          + data.length + " bytes): " + e, e);
    }
  }
}
