/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.io.NumberOutput;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * How {@link Json} writes and reads floating-point numbers: the shortest decimal that reads back as the same value,
 * and reading that rounds exactly as {@link Double#parseDouble} and {@link Float#parseFloat} do.
 */
class JsonNumbersTest {

  private static String writeDouble(double value) {
    return new String(Json.write(value, "double", (JsonGenerator generator, Double v) ->
        JsonWriting.writeDoubleValue(generator, v, "double")), StandardCharsets.UTF_8);
  }

  private static String writeFloat(float value) {
    return new String(Json.write(value, "float", (JsonGenerator generator, Float v) ->
        JsonWriting.writeFloatValue(generator, v, "float")), StandardCharsets.UTF_8);
  }

  private static double readDouble(String json) {
    return Json.read(("{\"v\":" + json + "}").getBytes(StandardCharsets.UTF_8), "double",
        (JsonParser parser, String where) -> {
          Json.nextMember(parser);
          double value = JsonReading.readDoubleValue(parser, where);
          Json.nextMember(parser);
          return value;
        });
  }

  private static float readFloat(String json) {
    return Json.read(("{\"v\":" + json + "}").getBytes(StandardCharsets.UTF_8), "float",
        (JsonParser parser, String where) -> {
          Json.nextMember(parser);
          float value = JsonReading.readFloatValue(parser, where);
          Json.nextMember(parser);
          return value;
        });
  }

  private static BigDecimal readDecimal(String json) {
    return Json.read(("{\"v\":" + json + "}").getBytes(StandardCharsets.UTF_8), "decimal",
        (JsonParser parser, String where) -> {
          Json.nextMember(parser);
          BigDecimal value = JsonReading.readBigDecimal(parser, where);
          Json.nextMember(parser);
          return value;
        });
  }

  @Test
  void doublesAreWrittenAsTheShortestDecimalThatReadsBackTheSame() {
    assertThat(writeDouble(0.0)).isEqualTo("0.0");
    assertThat(writeDouble(-0.0)).isEqualTo("-0.0");
    assertThat(writeDouble(100)).isEqualTo("100.0");
    assertThat(writeDouble(2.375)).isEqualTo("2.375");
    assertThat(writeDouble(0.1 + 0.2)).isEqualTo("0.30000000000000004");
    assertThat(writeDouble(1.0e-4)).isEqualTo("1.0E-4");
    assertThat(writeDouble(1.0e7)).isEqualTo("1.0E7");
    assertThat(writeDouble(Double.MIN_VALUE)).isEqualTo("4.9E-324");
    assertThat(writeDouble(Double.MAX_VALUE)).isEqualTo("1.7976931348623157E308");
    // Double.toString on JDK 17 writes these two with more digits than they need: 2.82879384806159008E17 and
    // 9.999999999999999E22.
    assertThat(writeDouble(2.82879384806159E17)).isEqualTo("2.82879384806159E17");
    assertThat(writeDouble(1e23)).isEqualTo("1.0E23");
  }

  @Test
  void floatsAreWrittenAsTheShortestDecimalThatReadsBackTheSame() {
    assertThat(writeFloat(0.1f)).isEqualTo("0.1");
    assertThat(writeFloat(-0.0f)).isEqualTo("-0.0");
    assertThat(writeFloat(1.5e-7f)).isEqualTo("1.5E-7");
    assertThat(writeFloat(Float.MAX_VALUE)).isEqualTo("3.4028235E38");
    assertThat(writeFloat(Float.MIN_VALUE)).isEqualTo("1.4E-45");
    // Float.toString on JDK 17: -8.1109158E8.
    assertThat(writeFloat(-8.110916E8f)).isEqualTo("-8.110916E8");
  }

  @Test
  void everyWrittenNumberReadsBackAsTheSameValueAndIsNeverLongerThanJavasOwn() {
    SplittableRandom random = new SplittableRandom(13);
    for (int i = 0; i < 200_000; i++) {
      double d = Double.longBitsToDouble(random.nextLong());
      if (Double.isFinite(d)) {
        String json = writeDouble(d);
        assertThat(Double.doubleToRawLongBits(readDouble(json))).as(json).isEqualTo(Double.doubleToRawLongBits(d));
        assertThat(Double.doubleToRawLongBits(Double.parseDouble(json))).as(json)
            .isEqualTo(Double.doubleToRawLongBits(d));
        assertThat(json.length()).as(json).isLessThanOrEqualTo(Double.toString(d).length());
      }
      float f = Float.intBitsToFloat(random.nextInt());
      if (Float.isFinite(f)) {
        String json = writeFloat(f);
        assertThat(Float.floatToRawIntBits(readFloat(json))).as(json).isEqualTo(Float.floatToRawIntBits(f));
        assertThat(Float.floatToRawIntBits(Float.parseFloat(json))).as(json).isEqualTo(Float.floatToRawIntBits(f));
        assertThat(json.length()).as(json).isLessThanOrEqualTo(Float.toString(f).length());
      }
    }
  }

  @Test
  void shortDecimalsAreWrittenAsJacksonsSchubfachWriterWritesThem() {
    // Json writes doubles between 0.001 and 10^7 itself; the text must be the generator's, digit for digit.
    SplittableRandom random = new SplittableRandom(7);
    for (int i = 0; i < 1_000_000; i++) {
      double d = switch (i % 4) {
        case 0 -> random.nextLong(-10_000_000_000L, 10_000_000_000L) / Math.pow(10, random.nextInt(0, 13));
        case 1 -> random.nextDouble(-1e7, 1e7);
        case 2 -> random.nextDouble(1e-3, 1);
        default -> (random.nextInt(0, 100) * 0.05) + Math.ulp(1.0) * random.nextInt(-2, 3);
      };
      assertThat(writeDouble(d)).isEqualTo(NumberOutput.toString(d, true));
    }
    for (double d : new double[] {1e-3, Math.nextDown(1e-3), Math.nextUp(1e-3), 1e7, Math.nextDown(1e7), 0.05, 0.15,
        3 * 0.05, 0.1 + 0.2, 9_999_999.999999998, 1234567.0, -0.001, 999_999.9999999999, 0.0012345678901234}) {
      assertThat(writeDouble(d)).as("%s", d).isEqualTo(NumberOutput.toString(d, true));
      assertThat(writeDouble(-d)).as("%s", -d).isEqualTo(NumberOutput.toString(-d, true));
    }
  }

  @Test
  void readingRoundsAsJavasOwnParsers() {
    for (String text : new String[] {"0.1", "1.0000000596046448", "2.2250738585072011e-308", "4.9e-324", "2e-324",
        "1.7976931348623157e308", "9007199254740993", "0.500000000000000166533453693773481063544750213623046875",
        "123456789012345678901234567890.123456789e-10", "-0.0", "1e23", "3.4028235677973366e38"}) {
      assertThat(Double.doubleToRawLongBits(readDouble(text))).as(text)
          .isEqualTo(Double.doubleToRawLongBits(Double.parseDouble(text)));
      if (Float.isFinite(Float.parseFloat(text))) {
        assertThat(Float.floatToRawIntBits(readFloat(text))).as(text)
            .isEqualTo(Float.floatToRawIntBits(Float.parseFloat(text)));
      }
      assertThat(readDecimal(text)).as(text).isEqualTo(new BigDecimal(text));
    }
  }
}
