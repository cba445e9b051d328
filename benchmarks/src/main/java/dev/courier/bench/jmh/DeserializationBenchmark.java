/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.bench.jmh;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.courier.bench.model.LargeMessage;
import dev.courier.bench.model.LargeMessageDeserializer;
import dev.courier.bench.model.LargeMessageSerializer;
import dev.courier.bench.model.MediumMessage;
import dev.courier.bench.model.MediumMessageDeserializer;
import dev.courier.bench.model.MediumMessageSerializer;
import dev.courier.bench.model.SmallMessage;
import dev.courier.bench.model.SmallMessageDeserializer;
import dev.courier.bench.model.SmallMessageSerializer;
import java.io.IOException;
import org.apache.kafka.common.serialization.Deserializer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Reading one message from JSON bytes: the generated {@code TDeserializer} vs jackson-databind's
 * {@code ObjectMapper.readValue} (what Spring Kafka's {@code JsonDeserializer} does). Both read the same bytes, and
 * setup checks that both return a message equal to the original.
 */
@State(Scope.Benchmark)
public class DeserializationBenchmark extends JmhDefaults {

  /** The message size: small (5 members), medium (20 members, nested), large (100 nested items). */
  @Param({"small", "medium", "large"})
  public String size;

  private byte[] json;
  private Class<?> type;
  private Deserializer<?> generated;
  private final ObjectMapper databind = new ObjectMapper();

  /** Writes the message once and checks that both readers get it back. */
  @Setup
  public void setUp() throws IOException {
    Object message;
    switch (size) {
      case "small" -> {
        message = Messages.small();
        json = new SmallMessageSerializer().serialize("bench", (SmallMessage) message);
        generated = new SmallMessageDeserializer();
      }
      case "medium" -> {
        message = Messages.medium();
        json = new MediumMessageSerializer().serialize("bench", (MediumMessage) message);
        generated = new MediumMessageDeserializer();
      }
      case "large" -> {
        message = Messages.large();
        json = new LargeMessageSerializer().serialize("bench", (LargeMessage) message);
        generated = new LargeMessageDeserializer();
      }
      default -> throw new IllegalArgumentException("size " + size);
    }
    type = message.getClass();
    if (!message.equals(generated()) || !message.equals(databind())) {
      throw new IllegalStateException(size + ": a reader does not return the message it was given: " + message
          + "\ngenerated: " + generated() + "\ndatabind: " + databind());
    }
  }

  /**
   * The generated deserializer.
   *
   * @return the message
   */
  @Benchmark
  public Object generated() {
    return generated.deserialize("bench", json);
  }

  /**
   * jackson-databind.
   *
   * @return the message
   * @throws IOException never for this input
   */
  @Benchmark
  public Object databind() throws IOException {
    return databind.readValue(json, type);
  }

  /**
   * The floor: jackson-core's parser reading every token, string and number, building nothing ({@link TokensOnly}).
   *
   * @return a value from the content
   */
  @Benchmark
  public long tokensOnly() {
    return TokensOnly.read(json);
  }
}
