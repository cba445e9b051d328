/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.processor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import dev.courier.Reading;
import dev.courier.processor.fixtures.Address;
import dev.courier.processor.fixtures.AllTypes;
import dev.courier.processor.fixtures.AllTypesDeserializer;
import dev.courier.processor.fixtures.AllTypesSerializer;
import dev.courier.processor.fixtures.Customer;
import dev.courier.processor.fixtures.Geo;
import dev.courier.processor.fixtures.Money;
import dev.courier.processor.fixtures.OrderPlaced;
import dev.courier.processor.fixtures.OrderPlacedDeserializer;
import dev.courier.processor.fixtures.OrderPlacedSerializer;
import dev.courier.processor.fixtures.Shipment;
import dev.courier.processor.fixtures.ShipmentDeserializer;
import dev.courier.processor.fixtures.ShipmentSerializer;
import dev.courier.processor.fixtures.Status;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

/** Round trips and strictness of the generated JSON codecs. */
class JsonCodecTest {
  private final AllTypesSerializer serializer = new AllTypesSerializer();
  private final AllTypesDeserializer deserializer = new AllTypesDeserializer();

  static AllTypes full() {
    Address home = new Address("Main St 1", 8001, new Geo(47.37, 8.54), Optional.of("ring twice"));
    Address work = new Address("Dock 7", 2000, null, Optional.empty());
    Map<String, Integer> counters = new LinkedHashMap<>();
    counters.put("b", 2);
    counters.put("a", 1);
    counters.put("none", null);
    Map<String, List<Address>> book = new LinkedHashMap<>();
    book.put("family", List.of(home, work));
    book.put("empty", List.of());
    List<String> withNull = new ArrayList<>(List.of("x", "ü ∑ 😀"));
    withNull.add(null);
    return new AllTypes(
        UUID.fromString("123e4567-e89b-12d3-a456-426614174000"),
        true,
        Byte.MIN_VALUE,
        Short.MAX_VALUE,
        Integer.MIN_VALUE,
        Long.MAX_VALUE,
        1.5e-7f,
        -Double.MAX_VALUE,
        '"',
        Boolean.FALSE,
        (byte) 7,
        (short) -3,
        42,
        Long.MIN_VALUE,
        Float.MAX_VALUE,
        Math.PI,
        'ß',
        "quote \" backslash \\ newline \n tab \t",
        Status.PAID,
        new BigDecimal("-12345678901234567890.000100"),
        new BigInteger("-98765432109876543210987654321"),
        UUID.fromString("00000000-0000-0001-0000-000000000002"),
        Instant.parse("2026-11-27T10:15:30.123456789Z"),
        LocalDate.of(2026, 2, 28),
        LocalDateTime.of(2026, 11, 27, 10, 15),
        OffsetDateTime.of(2026, 11, 27, 10, 15, 30, 0, ZoneOffset.ofHoursMinutes(5, 30)),
        new byte[] {0, -1, 127, -128, 42},
        Optional.of("present"),
        Optional.of(home),
        withNull,
        new LinkedHashSet<>(List.of(3, 1, 2)),
        List.of(10L, -20L),
        new int[] {1, -2, 3},
        new String[] {"a", null, "c"},
        new Address[] {work, null},
        new int[][] {{1, 2}, {}, {3}},
        counters,
        book,
        List.of(Status.NEW, Status.SHIPPED),
        List.of(List.of("a", "b"), List.of()),
        home,
        new Customer("Ada", true, 3),
        new Money("CHF", new BigDecimal("19.90")));
  }

  static AllTypes nulls() {
    return new AllTypes(
        null, false, (byte) 0, (short) 0, 0, 0L, 0f, 0d, 'x', null, null, null, null, null, null, null, null, null,
        null, null, null, null, null, null, null, null, null, Optional.empty(), Optional.empty(), null, null, null,
        null, null, null, null, null, null, null, null, null, null, null);
  }

  private AllTypes roundTrip(AllTypes value) {
    return deserializer.deserialize("t", serializer.serialize("t", value));
  }

  @Test
  void everySupportedTypeRoundTrips() {
    AllTypes value = full();

    AllTypes back = roundTrip(value);

    // Arrays compare element by element; everything else by equals().
    assertThat(back).usingRecursiveComparison().isEqualTo(value);
    assertThat(back.codes()).isInstanceOf(Set.class).containsExactly(3, 1, 2);
    assertThat(back.counters()).containsExactly(entry("b", 2), entry("a", 1), entry("none", null));
    assertThat(back.home()).isEqualTo(value.home());
    assertThat(back.customer()).isEqualTo(value.customer());
    assertThat(back.price()).isEqualTo(value.price());
    assertThat(back.decimal().scale()).isEqualTo(6);
  }

  @Test
  void nullsAndEmptyOptionalsRoundTrip() {
    AllTypes value = nulls();

    assertThat(roundTrip(value)).usingRecursiveComparison().isEqualTo(value);
  }

  @Test
  void emptyCollectionsRoundTrip() {
    AllTypes full = full();
    AllTypes value =
        new AllTypes(
            full.id(), true, (byte) 1, (short) 1, 1, 1L, 1f, 1d, 'a', true, null, null, null, null, null, null, null,
            "", null, null, null, null, null, null, null, null, new byte[0], Optional.of(""), Optional.empty(),
            List.of(), Set.of(), List.of(), new int[0], new String[0], new Address[0], new int[0][], Map.of(),
            Map.of(), List.of(), List.of(), null, new Customer(), null);

    assertThat(roundTrip(value)).usingRecursiveComparison().isEqualTo(value);
  }

  @Test
  void writesTheDocumentedJsonForm() {
    OrderPlaced order = new OrderPlaced("o-1", 1250, null, Instant.parse("2026-11-27T10:15:30Z"));

    String json = new String(new OrderPlacedSerializer().serialize("orders", order), StandardCharsets.UTF_8);

    assertThat(json)
        .isEqualTo("{\"orderId\":\"o-1\",\"amountCents\":1250,\"traceId\":null,\"placedAt\":\"2026-11-27T10:15:30Z\"}");
    String all = new String(serializer.serialize("t", full()), StandardCharsets.UTF_8);
    assertThat(all)
        .contains("\"id\":\"123e4567-e89b-12d3-a456-426614174000\"")
        .contains("\"date\":\"2026-02-28\"")
        .contains("\"dateTime\":\"2026-11-27T10:15\"")
        .contains("\"offsetDateTime\":\"2026-11-27T10:15:30+05:30\"")
        .contains("\"bytes\":\"AP9/gCo=\"")
        .contains("\"status\":\"PAID\"")
        .contains("\"decimal\":\"-12345678901234567890.000100\"")
        .contains("\"integer\":\"-98765432109876543210987654321\"")
        .contains("\"maybeAddress\":{\"street\":\"Main St 1\"")
        .contains("\"matrix\":[[1,2],[],[3]]")
        .contains("\"customer\":{\"name\":\"Ada\",\"vip\":true,\"visits\":3}");
  }

  @Test
  void tombstonesStayNull() {
    assertThat(serializer.serialize("t", null)).isNull();
    assertThat(deserializer.deserialize("t", null)).isNull();
  }

  @Test
  void classMessagesRoundTripThroughGettersAndSetters() {
    Shipment shipment = new Shipment(42L, "DHL", new byte[] {1, 2}, 1_700_000_000_000L);

    Shipment back =
        new ShipmentDeserializer().deserialize("s", new ShipmentSerializer().serialize("s", shipment));

    assertThat(back).usingRecursiveComparison().isEqualTo(shipment);
  }

  // ------------------------------------------------------------------------------------------- strict reading

  private static OrderPlaced readOrder(String json) {
    return new OrderPlacedDeserializer().deserialize("orders", json.getBytes(StandardCharsets.UTF_8));
  }

  private static OrderPlaced readOrderStrictly(String json) {
    return new OrderPlacedDeserializer(Reading.STRICT).deserialize("orders", json.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void absentReferenceMembersReadAsNullButAbsentPrimitivesAreErrors() {
    assertThat(readOrder("{\"amountCents\":5}")).isEqualTo(new OrderPlaced(null, 5, null, null));
    assertThatThrownBy(() -> readOrder("{\"orderId\":\"o\"}"))
        .isInstanceOf(SerializationException.class)
        .hasMessage(
            "Cannot read dev.courier.processor.fixtures.OrderPlaced: member 'amountCents' (long) is missing; a"
                + " primitive member needs a value.");
  }

  @Test
  void skipsMembersTheTypeDoesNotHaveNestedOnesTooByDefault() {
    OrderPlaced order = new OrderPlaced("o-1", 1250, "t-9", Instant.parse("2026-11-27T10:15:30Z"));
    assertThat(readOrder("{\"orderId\":\"o-1\",\"note\":\"gift \\u00e9\",\"amountCents\":1250,\"lines\":[{\"a\":[1,"
        + "{\"b\":null}]},2.5e300,true],\"traceId\":\"t-9\",\"meta\":{\"x\":{\"y\":{}}},\"placedAt\":"
        + "\"2026-11-27T10:15:30Z\",\"last\":99999999999999999999999}")).isEqualTo(order);
    String json = new String(serializer.serialize("t", full()), StandardCharsets.UTF_8);
    AllTypes withNewMembers = read(json.replace("\"street\":", "\"floor\":3,\"street\":")
        .replace("\"id\":", "\"addedLater\":{\"deep\":[[]]},\"id\":"));
    assertThat(serializer.serialize("t", withNewMembers)).isEqualTo(serializer.serialize("t", full()));
    // Skipped values are not read, but they are still JSON: malformed content is refused, with its position.
    assertThatThrownBy(() -> readOrder("{\"orderId\":\"o\",\"amountCents\":1,\"note\":{\"a\" 1}}"))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("malformed JSON at line 1");
    // Everything but unknown members is refused as under strict reading.
    assertThatThrownBy(() -> readOrder("{\"amountCents\":1,\"x\":0,\"amountCents\":2}"))
        .hasMessageContaining("it appears more than once");
    assertThatThrownBy(() -> readOrder("{\"x\":0}")).hasMessageContaining("member 'amountCents' (long) is missing");
  }

  @Test
  void strictReadingRefusesUnknownMembersWithASuggestion() {
    assertThatThrownBy(() -> readOrderStrictly("{\"amountCent\":5}"))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("it has no member 'amountCent'")
        .hasMessageContaining("Did you mean 'amountCents'?")
        .hasMessageContaining("Its members are: orderId, amountCents, traceId, placedAt.");
  }

  @Test
  void rejectsMistypedValuesNamingTheMember() {
    assertThatThrownBy(() -> readOrder("{\"amountCents\":\"5\"}"))
        .isInstanceOf(SerializationException.class)
        .hasMessage(
            "Cannot read member 'amountCents' of dev.courier.processor.fixtures.OrderPlaced: expected a JSON"
                + " integer (long), got the string \"5\".");
    assertThatThrownBy(() -> readOrder("{\"amountCents\":1.5}"))
        .hasMessageContaining("expected a JSON integer (long), got the number 1.5");
    assertThatThrownBy(() -> readOrder("{\"amountCents\":null}"))
        .hasMessageContaining("member 'amountCents'")
        .hasMessageContaining("got null (the member is a primitive)");
    assertThatThrownBy(() -> readOrder("{\"amountCents\":1,\"orderId\":7}"))
        .hasMessageContaining("member 'orderId'")
        .hasMessageContaining("expected a JSON string, got the number 7");
    assertThatThrownBy(() -> readOrder("{\"amountCents\":1,\"placedAt\":\"yesterday\"}"))
        .hasMessageContaining("member 'placedAt'")
        .hasMessageContaining("\"yesterday\" is not valid; expected an ISO-8601 instant");
  }

  @Test
  void rejectsNumbersOutOfRange() {
    String json = new String(serializer.serialize("t", nulls()), StandardCharsets.UTF_8);
    assertThatThrownBy(() -> read(json.replace("\"tiny\":0", "\"tiny\":128")))
        .hasMessageContaining("member 'tiny'")
        .hasMessageContaining("the number 128 is out of the range of byte");
    assertThatThrownBy(() -> read(json.replace("\"count\":0", "\"count\":2147483648")))
        .hasMessageContaining("the number 2147483648 is out of the range of int");
    assertThatThrownBy(() -> read(json.replace("\"big\":0", "\"big\":9223372036854775808")))
        .hasMessageContaining("out of the range of long");
    assertThatThrownBy(() -> read(json.replace("\"ratio\":0.0", "\"ratio\":1e39")))
        .hasMessageContaining("out of the range of float");
  }

  @Test
  void rejectsBadScalarsOfEveryStringForm() {
    String json = new String(serializer.serialize("t", nulls()), StandardCharsets.UTF_8);
    assertThatThrownBy(() -> read(json.replace("\"status\":null", "\"status\":\"PAYED\"")))
        .hasMessageContaining("member 'status'")
        .hasMessageContaining("expected one of NEW, PAID, SHIPPED. Did you mean PAID?");
    assertThatThrownBy(() -> read(json.replace("\"uuid\":null", "\"uuid\":\"1-2-3-4-5\"")))
        .hasMessageContaining("expected a UUID in the canonical form");
    assertThatThrownBy(() -> read(json.replace("\"initial\":\"x\"", "\"initial\":\"xy\"")))
        .hasMessageContaining("expected a JSON string of one character");
    assertThatThrownBy(() -> read(json.replace("\"bytes\":null", "\"bytes\":\"!!\"")))
        .hasMessageContaining("member 'bytes'")
        .hasMessageContaining("base64");
    assertThatThrownBy(() -> read(json.replace("\"date\":null", "\"date\":\"2026-02-30\"")))
        .hasMessageContaining("expected an ISO-8601 date");
    assertThatThrownBy(() -> read(json.replace("\"tags\":null", "\"tags\":\"a\"")))
        .hasMessageContaining("member 'tags'")
        .hasMessageContaining("expected a JSON array, got the string \"a\"");
    assertThatThrownBy(() -> read(json.replace("\"home\":null", "\"home\":[]")))
        .hasMessageContaining("member 'home'")
        .hasMessageContaining("expected a JSON object, got an array");
    assertThatThrownBy(() -> new AllTypesDeserializer(Reading.STRICT).deserialize("t",
            json.replace("\"home\":null", "\"home\":{\"zip\":1,\"town\":\"x\"}").getBytes(StandardCharsets.UTF_8)))
        .hasMessageContaining("Cannot read dev.courier.processor.fixtures.Address: it has no member 'town'");
  }

  @Test
  void readsBigDecimalsAndBigIntegersExactlyFromStringsOrNumbers() {
    String json = new String(serializer.serialize("t", nulls()), StandardCharsets.UTF_8);
    AllTypes strings = read(json.replace("\"decimal\":null", "\"decimal\":\"1E+3\"")
        .replace("\"integer\":null", "\"integer\":\"-0\""));
    assertThat(strings.decimal()).isEqualTo(new BigDecimal("1E+3"));
    assertThat(strings.integer()).isEqualTo(BigInteger.ZERO);
    AllTypes numbers = read(json.replace("\"decimal\":null", "\"decimal\":12.50")
        .replace("\"integer\":null", "\"integer\":12345678901234567890123"));
    assertThat(numbers.decimal()).isEqualTo(new BigDecimal("12.50"));
    assertThat(numbers.integer()).isEqualTo(new BigInteger("12345678901234567890123"));
    assertThatThrownBy(() -> read(json.replace("\"decimal\":null", "\"decimal\":\"12,50\"")))
        .hasMessageContaining("member 'decimal'")
        .hasMessageContaining("\"12,50\" is not valid; expected a decimal number such as \"12.50\"");
    assertThatThrownBy(() -> read(json.replace("\"integer\":null", "\"integer\":1.5")))
        .hasMessageContaining("member 'integer'")
        .hasMessageContaining("expected an integer in a JSON string such as \"-42\" (BigInteger), got the number 1.5");
  }

  @Test
  void rejectsMalformedOrTrailingOrDuplicateInput() {
    assertThatThrownBy(() -> readOrder("{\"amountCents\":1"))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("malformed JSON");
    assertThatThrownBy(() -> readOrder("{\"amountCents\":1} {}"))
        .hasMessageContaining("unexpected an object after the end of the JSON object");
    assertThatThrownBy(() -> readOrder("{\"amountCents\":1,\"amountCents\":2}"))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("member 'amountCents' of dev.courier.processor.fixtures.OrderPlaced: it appears more"
            + " than once at line 1, column 32");
    assertThatThrownBy(() -> readOrder("{\"orderId\":null,\"amountCents\":1,\"orderId\":\"o\"}"))
        .hasMessageContaining("member 'orderId' of dev.courier.processor.fixtures.OrderPlaced: it appears more");
    assertThatThrownBy(() -> readOrder("")).hasMessageContaining("the data is empty");
    assertThatThrownBy(() -> readOrder("[1]")).hasMessageContaining("expected a JSON object, got an array");
  }

  @Test
  void rejectsDuplicatesInNestedObjectsAndMaps() {
    String json = new String(serializer.serialize("t", full()), StandardCharsets.UTF_8);
    assertThat(json).contains("\"geo\":{\"lat\":47.37,");
    assertThatThrownBy(() -> read(json.replace("\"geo\":{\"lat\":47.37,", "\"geo\":{\"lat\":47.37,\"lat\":1,")))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("member 'lat' of dev.courier.processor.fixtures.Geo: it appears more than once");
    assertThat(json).contains("\"counters\":{\"b\":2,");
    assertThatThrownBy(() -> read(json.replace("\"counters\":{\"b\":2,", "\"counters\":{\"b\":2,\"b\":3,")))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("member 'counters' of dev.courier.processor.fixtures.AllTypes: key \"b\" appears more"
            + " than once");
    assertThatThrownBy(
            () -> read(json.replace("\"counters\":{\"b\":2,", "\"counters\":{\"b\":null,\"b\":null,")))
        .hasMessageContaining("key \"b\" appears more than once");
  }

  @Test
  void readsMembersInAnyOrder() {
    OrderPlaced order = new OrderPlaced("o-1", 1250, "t-9", Instant.parse("2026-11-27T10:15:30Z"));
    assertThat(readOrder("{\"placedAt\":\"2026-11-27T10:15:30Z\",\"traceId\":\"t-9\",\"amountCents\":1250,"
        + "\"orderId\":\"o-1\"}")).isEqualTo(order);
    assertThat(readOrder("{\"amountCents\":1250,\"orderId\":\"o-1\",\"placedAt\":\"2026-11-27T10:15:30Z\","
        + "\"traceId\":\"t-9\"}")).isEqualTo(order);
    assertThat(readOrder("{ \"orderId\" : \"o-1\" ,\n \"amountCents\" : 1250 , \"traceId\":\"t-9\","
        + "\"placedAt\":\"2026-11-27T10:15:30Z\" }")).isEqualTo(order);
    assertThatThrownBy(() -> readOrderStrictly("{\"orderIdX\":\"o\",\"amountCents\":1}"))
        .hasMessageContaining("it has no member 'orderIdX'. Did you mean 'orderId'?");
  }

  @Test
  void aFailedWriteLeavesNothingBehindForTheNext() {
    AllTypes nan = withNotANumber();
    byte[] before = serializer.serialize("t", full());
    assertThatThrownBy(() -> serializer.serialize("t", nan)).isInstanceOf(SerializationException.class);
    byte[] after = serializer.serialize("t", full());
    assertThat(after).isEqualTo(before);
    assertThat(read(new String(after, StandardCharsets.UTF_8))).usingRecursiveComparison().isEqualTo(full());
    OrderPlaced order = new OrderPlaced("o-1", 1250, null, Instant.parse("2026-11-27T10:15:30Z"));
    assertThat(new String(new OrderPlacedSerializer().serialize("orders", order), StandardCharsets.UTF_8))
        .isEqualTo(
            "{\"orderId\":\"o-1\",\"amountCents\":1250,\"traceId\":null,\"placedAt\":\"2026-11-27T10:15:30Z\"}");
  }

  @Test
  void refusesToWriteWhatJsonCannotHold() {
    AllTypes nan = withNotANumber();
    assertThatThrownBy(() -> serializer.serialize("t", nan))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("member 'precise'")
        .hasMessageContaining("NaN is not a finite number");
    Map<String, Integer> nullKey = new LinkedHashMap<>();
    nullKey.put(null, 1);
    AllTypes full = full();
    AllTypes withNullKey =
        new AllTypes(
            null, false, (byte) 0, (short) 0, 0, 0L, 0f, 0d, 'x', null, null, null, null, null, null, null, null,
            null, null, null, null, null, null, null, null, null, null, Optional.empty(), Optional.empty(), null,
            null, null, null, null, null, null, nullKey, null, null, null, full.home(), null, null);
    assertThatThrownBy(() -> serializer.serialize("t", withNullKey))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("member 'counters'")
        .hasMessageContaining("a map key is null");
  }

  @Test
  void refusesToWriteTemporalValuesOutsideTheJsonForm() {
    for (AllTypes outside : List.of(
        temporal(Instant.parse("+10000-01-01T00:00:00Z"), null, null, null),
        temporal(Instant.parse("-0001-12-31T23:59:59Z"), null, null, null),
        temporal(null, LocalDate.of(10_000, 1, 1), null, null),
        temporal(null, null, LocalDateTime.of(-1, 1, 1, 0, 0), null),
        temporal(null, null, null, OffsetDateTime.of(2026, 11, 27, 10, 15, 30, 0, ZoneOffset.ofTotalSeconds(30))))) {
      assertThatThrownBy(() -> serializer.serialize("t", outside))
          .isInstanceOf(SerializationException.class)
          .hasMessageStartingWith("Cannot write ")
          .hasMessageContaining("years 0000 to 9999");
    }
    AllTypes edges = temporal(Instant.parse("0000-01-01T00:00:00Z"), LocalDate.of(9999, 12, 31),
        LocalDateTime.of(0, 1, 1, 0, 0), OffsetDateTime.of(9999, 12, 31, 23, 59, 59, 0, ZoneOffset.MIN));
    assertThat(deserializer.deserialize("t", serializer.serialize("t", edges))).usingRecursiveComparison()
        .isEqualTo(edges);
  }

  private static AllTypes temporal(Instant instant, LocalDate date, LocalDateTime dateTime, OffsetDateTime offset) {
    return new AllTypes(
        null, false, (byte) 0, (short) 0, 0, 0L, 0f, 0d, 'x', null, null, null, null, null, null, null,
        null, null, null, null, null, null, instant, date, dateTime, offset, null, Optional.empty(), Optional.empty(),
        null, null, null, null, null, null, null, null, null, null, null, null, null, null);
  }

  /** A message whose double member {@code precise} is NaN, which JSON cannot hold. */
  private static AllTypes withNotANumber() {
    return new AllTypes(
        null, false, (byte) 0, (short) 0, 0, 0L, 0f, Double.NaN, 'x', null, null, null, null, null, null, null,
        null, null, null, null, null, null, null, null, null, null, null, Optional.empty(), Optional.empty(),
        null, null, null, null, null, null, null, null, null, null, null, null, null, null);
  }

  private AllTypes read(String json) {
    return deserializer.deserialize("t", json.getBytes(StandardCharsets.UTF_8));
  }
}
