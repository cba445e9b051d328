/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.bench.jmh;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.courier.bench.model.LargeMessage;
import dev.courier.bench.model.LargeMessageSerializer;
import dev.courier.bench.model.MediumMessage;
import dev.courier.bench.model.MediumMessageSerializer;
import dev.courier.bench.model.SmallMessage;
import dev.courier.bench.model.SmallMessageSerializer;
import java.io.IOException;
import java.util.function.Function;
import org.apache.kafka.common.serialization.Serializer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Serializing one message to JSON bytes: the generated {@code TSerializer} vs jackson-databind's
 * {@code ObjectMapper.writeValueAsBytes} (what Spring Kafka's {@code JsonSerializer} does) vs a hand-written
 * jackson-core streaming serializer. Setup checks that all three write the same JSON, so the comparison is fair.
 */
@State(Scope.Benchmark)
public class SerializationBenchmark extends JmhDefaults {

  /** The message size: small (5 members), medium (20 members, nested), large (100 nested items). */
  @Param({"small", "medium", "large"})
  public String size;

  private Object message;
  private Serializer<Object> generated;
  private Function<Object, byte[]> handWritten;
  private final ObjectMapper databind = new ObjectMapper();

  /** Picks the message and its serializers, and checks that they agree. */
  @Setup
  public void setUp() throws IOException {
    switch (size) {
      case "small" -> {
        message = Messages.small();
        generated = cast(new SmallMessageSerializer());
        handWritten = m -> HandWrittenJson.write((SmallMessage) m);
      }
      case "medium" -> {
        message = Messages.medium();
        generated = cast(new MediumMessageSerializer());
        handWritten = m -> HandWrittenJson.write((MediumMessage) m);
      }
      case "large" -> {
        message = Messages.large();
        generated = cast(new LargeMessageSerializer());
        handWritten = m -> HandWrittenJson.write((LargeMessage) m);
      }
      default -> throw new IllegalArgumentException("size " + size);
    }
    SameJson.check(size, databind, generated(), databind(), handWritten());
  }

  /**
   * The generated serializer.
   *
   * @return the JSON
   */
  @Benchmark
  public byte[] generated() {
    return generated.serialize("bench", message);
  }

  /**
   * jackson-databind.
   *
   * @return the JSON
   * @throws JsonProcessingException never for these messages
   */
  @Benchmark
  public byte[] databind() throws JsonProcessingException {
    return databind.writeValueAsBytes(message);
  }

  /**
   * Hand-written jackson-core.
   *
   * @return the JSON
   */
  @Benchmark
  public byte[] handWritten() {
    return handWritten.apply(message);
  }

  @SuppressWarnings("unchecked")
  private static Serializer<Object> cast(Serializer<?> serializer) {
    return (Serializer<Object>) serializer;
  }
}
