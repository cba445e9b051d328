/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.bench.jmh;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.courier.bench.model.Address;
import dev.courier.bench.model.LargeMessage;
import dev.courier.bench.model.LineItem;
import dev.courier.bench.model.MediumMessage;
import dev.courier.bench.model.Money;
import dev.courier.bench.model.SmallMessage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * What a careful person writes by hand on jackson-core's streaming API: the reference the generated serializers are
 * compared with. Same JSON form as the generated code (members in declaration order, enums by name, null as null).
 */
final class HandWrittenJson {
  private static final JsonFactory FACTORY = new JsonFactory();

  private HandWrittenJson() {
  }

  static byte[] write(SmallMessage m) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(128);
    try (JsonGenerator g = FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
      g.writeStartObject();
      g.writeStringField("id", m.id());
      g.writeNumberField("amountCents", m.amountCents());
      g.writeNumberField("quantity", m.quantity());
      g.writeBooleanField("express", m.express());
      g.writeStringField("currency", m.currency());
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  static byte[] write(MediumMessage m) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(128);
    try (JsonGenerator g = FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
      g.writeStartObject();
      g.writeStringField("orderId", m.orderId());
      g.writeStringField("customerId", m.customerId());
      g.writeNumberField("createdAtMillis", m.createdAtMillis());
      g.writeNumberField("itemCount", m.itemCount());
      g.writeFieldName("total");
      money(g, m.total());
      g.writeFieldName("tax");
      money(g, m.tax());
      g.writeBooleanField("gift", m.gift());
      g.writeBooleanField("express", m.express());
      g.writeNumberField("weightKg", m.weightKg());
      g.writeStringField("channel", m.channel());
      g.writeStringField("status", m.status() == null ? null : m.status().name());
      g.writeStringField("couponCode", m.couponCode());
      g.writeNumberField("priority", m.priority());
      g.writeNumberField("version", m.version());
      g.writeStringField("note", m.note());
      g.writeFieldName("shipping");
      address(g, m.shipping());
      g.writeFieldName("billing");
      address(g, m.billing());
      g.writeFieldName("tags");
      if (m.tags() == null) {
        g.writeNull();
      } else {
        g.writeStartArray();
        for (String tag : m.tags()) {
          g.writeString(tag);
        }
        g.writeEndArray();
      }
      g.writeStringField("trackingId", m.trackingId());
      g.writeNumberField("loyaltyPoints", m.loyaltyPoints());
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  static byte[] write(LargeMessage m) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(128);
    try (JsonGenerator g = FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
      g.writeStartObject();
      g.writeStringField("batchId", m.batchId());
      g.writeNumberField("createdAtMillis", m.createdAtMillis());
      g.writeStringField("source", m.source());
      g.writeFieldName("items");
      if (m.items() == null) {
        g.writeNull();
      } else {
        g.writeStartArray();
        for (LineItem item : m.items()) {
          if (item == null) {
            g.writeNull();
            continue;
          }
          g.writeStartObject();
          g.writeStringField("sku", item.sku());
          g.writeStringField("name", item.name());
          g.writeNumberField("quantity", item.quantity());
          g.writeFieldName("price");
          money(g, item.price());
          g.writeNumberField("discount", item.discount());
          g.writeBooleanField("backordered", item.backordered());
          g.writeEndObject();
        }
        g.writeEndArray();
      }
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private static void money(JsonGenerator g, Money money) throws IOException {
    if (money == null) {
      g.writeNull();
      return;
    }
    g.writeStartObject();
    g.writeNumberField("amountCents", money.amountCents());
    g.writeStringField("currency", money.currency());
    g.writeEndObject();
  }

  private static void address(JsonGenerator g, Address address) throws IOException {
    if (address == null) {
      g.writeNull();
      return;
    }
    g.writeStartObject();
    g.writeStringField("street", address.street());
    g.writeStringField("city", address.city());
    g.writeStringField("zip", address.zip());
    g.writeStringField("country", address.country());
    g.writeEndObject();
  }
}
