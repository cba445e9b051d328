/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

/** {@link Json#write}: each thread keeps its generator from one message to the next; no message may see another. */
class JsonWriteTest {
  private static final SerializedString ID = new SerializedString("id");
  private static final SerializedString TEXT = new SerializedString("text");

  private record Item(long id, String text) {}

  private static void writeItem(JsonGenerator generator, Item item) throws IOException {
    generator.writeStartObject();
    generator.writeFieldName(ID);
    generator.writeNumber(item.id());
    generator.writeFieldName(TEXT);
    JsonWriting.writeString(generator, item.text());
    generator.writeEndObject();
  }

  private static String write(Item item) {
    return new String(Json.write(item, "Item", JsonWriteTest::writeItem), StandardCharsets.UTF_8);
  }

  @Test
  void eachMessageIsOneObjectWithNothingBeforeOrAfterIt() {
    assertThat(write(new Item(1, "a"))).isEqualTo("{\"id\":1,\"text\":\"a\"}");
    assertThat(write(new Item(2, null))).isEqualTo("{\"id\":2,\"text\":null}");
    assertThat(write(new Item(3, "ü \" \n"))).isEqualTo("{\"id\":3,\"text\":\"ü \\\" \\n\"}");
  }

  @Test
  void aWriteThatFailsHalfWayLeavesNothingForTheNextOne() {
    assertThatThrownBy(
            () ->
                Json.write(new Item(1, "a"), "Item", (generator, item) -> {
                  generator.writeStartObject();
                  generator.writeFieldName(ID);
                  throw new IOException("disk on fire");
                }))
        .isInstanceOf(SerializationException.class)
        .hasMessage("Cannot write Item as JSON: disk on fire");
    assertThat(write(new Item(2, "b"))).isEqualTo("{\"id\":2,\"text\":\"b\"}");
    assertThatThrownBy(
            () ->
                Json.write(new Item(1, "a"), "Item", (generator, item) -> {
                  generator.writeStartArray();
                  generator.writeString("half");
                  throw new IllegalStateException("accessor failed");
                }))
        .isInstanceOf(IllegalStateException.class);
    assertThat(write(new Item(3, "c"))).isEqualTo("{\"id\":3,\"text\":\"c\"}");
  }

  @Test
  void aMessageWrittenWhileWritingAnotherOnTheSameThreadGetsItsOwnGenerator() {
    String outer =
        new String(
            Json.write(new Item(1, "outer"), "Item", (generator, item) -> {
              generator.writeStartObject();
              generator.writeFieldName(ID);
              generator.writeNumber(item.id());
              generator.writeFieldName(TEXT);
              // An accessor that serializes another message, on this thread, while this one is half-written.
              generator.writeString(write(new Item(2, "inner")));
              generator.writeEndObject();
            }),
            StandardCharsets.UTF_8);
    assertThat(outer).isEqualTo("{\"id\":1,\"text\":\"{\\\"id\\\":2,\\\"text\\\":\\\"inner\\\"}\"}");
    assertThat(write(new Item(3, "after"))).isEqualTo("{\"id\":3,\"text\":\"after\"}");
  }

  @Test
  void largeMessagesAreWholeAndTheSmallOnesAfterThemToo() {
    String big = "x".repeat(200_000);
    assertThat(write(new Item(1, big))).isEqualTo("{\"id\":1,\"text\":\"" + big + "\"}");
    assertThat(write(new Item(2, "small"))).isEqualTo("{\"id\":2,\"text\":\"small\"}");
    String medium = "y".repeat(20_000);
    assertThat(write(new Item(3, medium))).isEqualTo("{\"id\":3,\"text\":\"" + medium + "\"}");
    assertThat(write(new Item(4, "z"))).isEqualTo("{\"id\":4,\"text\":\"z\"}");
  }

  @Test
  void threadsDoNotShareOutput() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Integer>> results = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        int thread = t;
        results.add(pool.submit(() -> {
          int checked = 0;
          for (int i = 0; i < 20_000; i++) {
            String text = "thread " + thread + " message " + i + " " + "p".repeat(i % 300);
            String json = write(new Item(i, text));
            if (!json.equals("{\"id\":" + i + ",\"text\":\"" + text + "\"}")) {
              throw new AssertionError("thread " + thread + " got " + json);
            }
            checked++;
          }
          return checked;
        }));
      }
      for (Future<Integer> result : results) {
        assertThat(result.get()).isEqualTo(20_000);
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
