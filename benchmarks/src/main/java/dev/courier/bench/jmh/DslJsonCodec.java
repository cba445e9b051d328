/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.bench.jmh;

import com.dslplatform.json.BoolConverter;
import com.dslplatform.json.DslJson;
import com.dslplatform.json.JsonReader;
import com.dslplatform.json.JsonWriter;
import com.dslplatform.json.NumberConverter;
import com.dslplatform.json.StringConverter;
import dev.courier.bench.model.Address;
import dev.courier.bench.model.LargeMessage;
import dev.courier.bench.model.LineItem;
import dev.courier.bench.model.MediumMessage;
import dev.courier.bench.model.Money;
import dev.courier.bench.model.OrderStatus;
import dev.courier.bench.model.SmallMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The benchmark messages written and read by hand on DSL-JSON's runtime ({@code com.dslplatform:dsl-json}): its
 * {@link JsonWriter} and {@link JsonReader} with its number, string and boolean converters, no reflection and none of
 * its annotation processing. It answers one question: how fast Courier's codec could be on DSL-JSON's writer and
 * reader instead of jackson-core's generator and parser, with the same output and the same checks.
 *
 * <p>It writes exactly the bytes of the generated serializers (the setup of {@link CpuTimeComparison} and
 * {@code CpuTimeComparisonSmokeTest} check that), and reads as strictly as the generated deserializers: an unknown
 * or duplicate member, a missing primitive or trailing content is an error; members may come in any order, and the
 * member that usually comes next is compared first, as the generated readers do. Like Courier's runtime, each thread
 * keeps one writer and one reader and resets them for each message; doubles are read with
 * {@link JsonReader.DoublePrecision#EXACT}, so they round as {@link Double#parseDouble} does.
 */
final class DslJsonCodec {
  static final DslJson<Object> DSL = new DslJson<>(new DslJson.Settings<>()
      .doublePrecision(JsonReader.DoublePrecision.EXACT)
      .errorInfo(JsonReader.ErrorInfo.DESCRIPTION_AND_POSITION));
  private static final ThreadLocal<JsonWriter> WRITER = ThreadLocal.withInitial(DSL::newWriter);
  private static final ThreadLocal<JsonReader<Object>> READER = ThreadLocal.withInitial(DSL::newReader);
  private static final OrderStatus[] ORDER_STATUS_VALUES = OrderStatus.values();
  /** What the member loops get when an object ends. */
  static final int END = -1;

  // Each type's members in declaration order, then the indexes of its primitive members (which must be present).
  private static final DslJsonMembers SMALL = new DslJsonMembers(List.of("id", "amountCents", "quantity", "express", "currency"),
      1, 2, 3);
  private static final DslJsonMembers MEDIUM = new DslJsonMembers(List.of("orderId", "customerId", "createdAtMillis", "itemCount",
      "total", "tax", "gift", "express", "weightKg", "channel", "status", "couponCode", "priority", "version", "note",
      "shipping", "billing", "tags", "trackingId", "loyaltyPoints"), 2, 3, 6, 7, 8, 12, 13, 19);
  private static final DslJsonMembers LARGE = new DslJsonMembers(List.of("batchId", "createdAtMillis", "source", "items"), 1);
  private static final DslJsonMembers LINE_ITEM = new DslJsonMembers(List.of("sku", "name", "quantity", "price", "discount",
      "backordered"), 2, 4, 5);
  private static final DslJsonMembers MONEY = new DslJsonMembers(List.of("amountCents", "currency"), 0);
  private static final DslJsonMembers ADDRESS = new DslJsonMembers(List.of("street", "city", "zip", "country"));

  private DslJsonCodec() {
  }

  // ---------------------------------------------------------------------------------------------- writing

  static byte[] write(SmallMessage m) {
    JsonWriter w = writer();
    w.writeByte(JsonWriter.OBJECT_START);
    SMALL.name(w, 0);
    string(w, m.id());
    SMALL.name(w, 1);
    NumberConverter.serialize(m.amountCents(), w);
    SMALL.name(w, 2);
    NumberConverter.serialize(m.quantity(), w);
    SMALL.name(w, 3);
    BoolConverter.serialize(m.express(), w);
    SMALL.name(w, 4);
    string(w, m.currency());
    w.writeByte(JsonWriter.OBJECT_END);
    return w.toByteArray();
  }

  static byte[] write(MediumMessage m) {
    JsonWriter w = writer();
    w.writeByte(JsonWriter.OBJECT_START);
    MEDIUM.name(w, 0);
    string(w, m.orderId());
    MEDIUM.name(w, 1);
    string(w, m.customerId());
    MEDIUM.name(w, 2);
    NumberConverter.serialize(m.createdAtMillis(), w);
    MEDIUM.name(w, 3);
    NumberConverter.serialize(m.itemCount(), w);
    MEDIUM.name(w, 4);
    money(w, m.total());
    MEDIUM.name(w, 5);
    money(w, m.tax());
    MEDIUM.name(w, 6);
    BoolConverter.serialize(m.gift(), w);
    MEDIUM.name(w, 7);
    BoolConverter.serialize(m.express(), w);
    MEDIUM.name(w, 8);
    finite(w, m.weightKg());
    MEDIUM.name(w, 9);
    string(w, m.channel());
    MEDIUM.name(w, 10);
    string(w, m.status() == null ? null : m.status().name());
    MEDIUM.name(w, 11);
    string(w, m.couponCode());
    MEDIUM.name(w, 12);
    NumberConverter.serialize(m.priority(), w);
    MEDIUM.name(w, 13);
    NumberConverter.serialize(m.version(), w);
    MEDIUM.name(w, 14);
    string(w, m.note());
    MEDIUM.name(w, 15);
    address(w, m.shipping());
    MEDIUM.name(w, 16);
    address(w, m.billing());
    MEDIUM.name(w, 17);
    if (m.tags() == null) {
      w.writeNull();
    } else {
      w.writeByte(JsonWriter.ARRAY_START);
      boolean first = true;
      for (String tag : m.tags()) {
        if (!first) {
          w.writeByte(JsonWriter.COMMA);
        }
        first = false;
        string(w, tag);
      }
      w.writeByte(JsonWriter.ARRAY_END);
    }
    MEDIUM.name(w, 18);
    string(w, m.trackingId());
    MEDIUM.name(w, 19);
    NumberConverter.serialize(m.loyaltyPoints(), w);
    w.writeByte(JsonWriter.OBJECT_END);
    return w.toByteArray();
  }

  static byte[] write(LargeMessage m) {
    JsonWriter w = writer();
    w.writeByte(JsonWriter.OBJECT_START);
    LARGE.name(w, 0);
    string(w, m.batchId());
    LARGE.name(w, 1);
    NumberConverter.serialize(m.createdAtMillis(), w);
    LARGE.name(w, 2);
    string(w, m.source());
    LARGE.name(w, 3);
    if (m.items() == null) {
      w.writeNull();
    } else {
      w.writeByte(JsonWriter.ARRAY_START);
      boolean first = true;
      for (LineItem item : m.items()) {
        if (!first) {
          w.writeByte(JsonWriter.COMMA);
        }
        first = false;
        lineItem(w, item);
      }
      w.writeByte(JsonWriter.ARRAY_END);
    }
    w.writeByte(JsonWriter.OBJECT_END);
    return w.toByteArray();
  }

  private static void lineItem(JsonWriter w, LineItem item) {
    if (item == null) {
      w.writeNull();
      return;
    }
    w.writeByte(JsonWriter.OBJECT_START);
    LINE_ITEM.name(w, 0);
    string(w, item.sku());
    LINE_ITEM.name(w, 1);
    string(w, item.name());
    LINE_ITEM.name(w, 2);
    NumberConverter.serialize(item.quantity(), w);
    LINE_ITEM.name(w, 3);
    money(w, item.price());
    LINE_ITEM.name(w, 4);
    finite(w, item.discount());
    LINE_ITEM.name(w, 5);
    BoolConverter.serialize(item.backordered(), w);
    w.writeByte(JsonWriter.OBJECT_END);
  }

  private static void money(JsonWriter w, Money money) {
    if (money == null) {
      w.writeNull();
      return;
    }
    w.writeByte(JsonWriter.OBJECT_START);
    MONEY.name(w, 0);
    NumberConverter.serialize(money.amountCents(), w);
    MONEY.name(w, 1);
    string(w, money.currency());
    w.writeByte(JsonWriter.OBJECT_END);
  }

  private static void address(JsonWriter w, Address address) {
    if (address == null) {
      w.writeNull();
      return;
    }
    w.writeByte(JsonWriter.OBJECT_START);
    ADDRESS.name(w, 0);
    string(w, address.street());
    ADDRESS.name(w, 1);
    string(w, address.city());
    ADDRESS.name(w, 2);
    string(w, address.zip());
    ADDRESS.name(w, 3);
    string(w, address.country());
    w.writeByte(JsonWriter.OBJECT_END);
  }

  private static JsonWriter writer() {
    JsonWriter w = WRITER.get();
    w.reset();
    return w;
  }

  private static void string(JsonWriter w, String value) {
    if (value == null) {
      w.writeNull();
    } else {
      w.writeString(value);
    }
  }

  /** NaN and infinities are errors, as in Courier's runtime. */
  private static void finite(JsonWriter w, double value) {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException(value + " is not a finite number, which JSON cannot hold");
    }
    NumberConverter.serialize(value, w);
  }

  // ---------------------------------------------------------------------------------------------- reading

  static SmallMessage readSmall(byte[] json) {
    try {
      JsonReader<Object> r = reader(json);
      String id = null;
      long amountCents = 0;
      int quantity = 0;
      boolean express = false;
      String currency = null;
      int seen = 0;
      for (int member = firstMember(r, SMALL); member != END; member = nextMember(r, SMALL, member)) {
        seen = SMALL.seen(r, seen, member);
        switch (member) {
          case 0 -> id = StringConverter.deserializeNullable(r);
          case 1 -> amountCents = NumberConverter.deserializeLong(r);
          case 2 -> quantity = NumberConverter.deserializeInt(r);
          case 3 -> express = BoolConverter.deserialize(r);
          default -> currency = StringConverter.deserializeNullable(r);
        }
      }
      SMALL.require(r, seen);
      end(r, json);
      return new SmallMessage(id, amountCents, quantity, express, currency);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static MediumMessage readMedium(byte[] json) {
    try {
      JsonReader<Object> r = reader(json);
      String orderId = null;
      String customerId = null;
      long createdAtMillis = 0;
      int itemCount = 0;
      Money total = null;
      Money tax = null;
      boolean gift = false;
      boolean express = false;
      double weightKg = 0;
      String channel = null;
      OrderStatus status = null;
      String couponCode = null;
      int priority = 0;
      long version = 0;
      String note = null;
      Address shipping = null;
      Address billing = null;
      List<String> tags = null;
      String trackingId = null;
      int loyaltyPoints = 0;
      int seen = 0;
      for (int member = firstMember(r, MEDIUM); member != END; member = nextMember(r, MEDIUM, member)) {
        seen = MEDIUM.seen(r, seen, member);
        switch (member) {
          case 0 -> orderId = StringConverter.deserializeNullable(r);
          case 1 -> customerId = StringConverter.deserializeNullable(r);
          case 2 -> createdAtMillis = NumberConverter.deserializeLong(r);
          case 3 -> itemCount = NumberConverter.deserializeInt(r);
          case 4 -> total = readMoney(r);
          case 5 -> tax = readMoney(r);
          case 6 -> gift = BoolConverter.deserialize(r);
          case 7 -> express = BoolConverter.deserialize(r);
          case 8 -> weightKg = NumberConverter.deserializeDouble(r);
          case 9 -> channel = StringConverter.deserializeNullable(r);
          case 10 -> status = orderStatus(r, StringConverter.deserializeNullable(r));
          case 11 -> couponCode = StringConverter.deserializeNullable(r);
          case 12 -> priority = NumberConverter.deserializeInt(r);
          case 13 -> version = NumberConverter.deserializeLong(r);
          case 14 -> note = StringConverter.deserializeNullable(r);
          case 15 -> shipping = readAddress(r);
          case 16 -> billing = readAddress(r);
          case 17 -> tags = readStrings(r);
          case 18 -> trackingId = StringConverter.deserializeNullable(r);
          default -> loyaltyPoints = NumberConverter.deserializeInt(r);
        }
      }
      MEDIUM.require(r, seen);
      end(r, json);
      return new MediumMessage(orderId, customerId, createdAtMillis, itemCount, total, tax, gift, express, weightKg,
          channel, status, couponCode, priority, version, note, shipping, billing, tags, trackingId, loyaltyPoints);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static LargeMessage readLarge(byte[] json) {
    try {
      JsonReader<Object> r = reader(json);
      String batchId = null;
      long createdAtMillis = 0;
      String source = null;
      List<LineItem> items = null;
      int seen = 0;
      for (int member = firstMember(r, LARGE); member != END; member = nextMember(r, LARGE, member)) {
        seen = LARGE.seen(r, seen, member);
        switch (member) {
          case 0 -> batchId = StringConverter.deserializeNullable(r);
          case 1 -> createdAtMillis = NumberConverter.deserializeLong(r);
          case 2 -> source = StringConverter.deserializeNullable(r);
          default -> items = readLineItems(r);
        }
      }
      LARGE.require(r, seen);
      end(r, json);
      return new LargeMessage(batchId, createdAtMillis, source, items);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<LineItem> readLineItems(JsonReader<?> r) throws IOException {
    if (r.wasNull()) {
      return null;
    }
    if (r.last() != '[') {
      throw r.newParseError("expected a JSON array");
    }
    List<LineItem> items = new ArrayList<>();
    if (r.getNextToken() == ']') {
      return items;
    }
    while (true) {
      items.add(readLineItem(r));
      byte next = r.getNextToken();
      if (next == ']') {
        return items;
      }
      if (next != ',') {
        throw r.newParseError("expected ',' or ']'");
      }
      r.getNextToken();
    }
  }

  private static LineItem readLineItem(JsonReader<?> r) throws IOException {
    if (r.wasNull()) {
      return null;
    }
    String sku = null;
    String name = null;
    int quantity = 0;
    Money price = null;
    double discount = 0;
    boolean backordered = false;
    int seen = 0;
    for (int member = firstMember(r, LINE_ITEM); member != END; member = nextMember(r, LINE_ITEM, member)) {
      seen = LINE_ITEM.seen(r, seen, member);
      switch (member) {
        case 0 -> sku = StringConverter.deserializeNullable(r);
        case 1 -> name = StringConverter.deserializeNullable(r);
        case 2 -> quantity = NumberConverter.deserializeInt(r);
        case 3 -> price = readMoney(r);
        case 4 -> discount = NumberConverter.deserializeDouble(r);
        default -> backordered = BoolConverter.deserialize(r);
      }
    }
    LINE_ITEM.require(r, seen);
    return new LineItem(sku, name, quantity, price, discount, backordered);
  }

  private static Money readMoney(JsonReader<?> r) throws IOException {
    if (r.wasNull()) {
      return null;
    }
    long amountCents = 0;
    String currency = null;
    int seen = 0;
    for (int member = firstMember(r, MONEY); member != END; member = nextMember(r, MONEY, member)) {
      seen = MONEY.seen(r, seen, member);
      if (member == 0) {
        amountCents = NumberConverter.deserializeLong(r);
      } else {
        currency = StringConverter.deserializeNullable(r);
      }
    }
    MONEY.require(r, seen);
    return new Money(amountCents, currency);
  }

  private static Address readAddress(JsonReader<?> r) throws IOException {
    if (r.wasNull()) {
      return null;
    }
    String street = null;
    String city = null;
    String zip = null;
    String country = null;
    int seen = 0;
    for (int member = firstMember(r, ADDRESS); member != END; member = nextMember(r, ADDRESS, member)) {
      seen = ADDRESS.seen(r, seen, member);
      switch (member) {
        case 0 -> street = StringConverter.deserializeNullable(r);
        case 1 -> city = StringConverter.deserializeNullable(r);
        case 2 -> zip = StringConverter.deserializeNullable(r);
        default -> country = StringConverter.deserializeNullable(r);
      }
    }
    ADDRESS.require(r, seen);
    return new Address(street, city, zip, country);
  }

  private static List<String> readStrings(JsonReader<?> r) throws IOException {
    if (r.wasNull()) {
      return null;
    }
    if (r.last() != '[') {
      throw r.newParseError("expected a JSON array");
    }
    List<String> values = new ArrayList<>();
    if (r.getNextToken() == ']') {
      return values;
    }
    while (true) {
      values.add(StringConverter.deserializeNullable(r));
      byte next = r.getNextToken();
      if (next == ']') {
        return values;
      }
      if (next != ',') {
        throw r.newParseError("expected ',' or ']'");
      }
      r.getNextToken();
    }
  }

  private static OrderStatus orderStatus(JsonReader<?> r, String name) throws IOException {
    if (name == null) {
      return null;
    }
    for (OrderStatus status : ORDER_STATUS_VALUES) {
      if (status.name().equals(name)) {
        return status;
      }
    }
    throw r.newParseError("not an OrderStatus: " + name);
  }

  private static JsonReader<Object> reader(byte[] json) throws IOException {
    JsonReader<Object> r = READER.get().process(json, json.length);
    r.getNextToken();
    return r;
  }

  /** At an object's '{': moves to the first member's value and returns its index, or {@link #END}. */
  private static int firstMember(JsonReader<?> r, DslJsonMembers members) throws IOException {
    if (r.last() != '{') {
      throw r.newParseError("expected a JSON object");
    }
    if (r.getNextToken() == '}') {
      return END;
    }
    return members.at(r, 0);
  }

  /** After a member's value: moves to the next member's value and returns its index, or {@link #END}. */
  private static int nextMember(JsonReader<?> r, DslJsonMembers members, int previous) throws IOException {
    byte next = r.getNextToken();
    if (next == '}') {
      return END;
    }
    if (next != ',') {
      throw r.newParseError("expected ',' or '}'");
    }
    r.getNextToken();
    return members.at(r, previous + 1);
  }

  /** Only whitespace may follow the message. */
  private static void end(JsonReader<?> r, byte[] json) throws IOException {
    for (int i = r.getCurrentIndex(); i < json.length; i++) {
      byte b = json[i];
      if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
        throw r.newParseError("unexpected content after the end of the JSON object");
      }
    }
  }
}
