/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import dev.courier.Reading;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.Stream;
import javax.tools.JavaFileObject;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The evolution corpus, held against what the generated codecs really do. Each case under
 * {@code src/test/resources/evolution} is a before and an after version of one {@code @KafkaMessage} type and the
 * verdict of the change under each {@link Reading} ({@code verdict.properties}), in Schema Registry's terms:
 * BACKWARD when readers of the new version read every record of the old one, FORWARD when readers of the old version
 * read every record of the new one, FULL for both, NONE for neither.
 *
 * <p>Both versions are compiled with the processor into class loaders of their own, so the same class name holds
 * two shapes. Each side's generated serializer writes sample messages whose values exercise the ranges a change can
 * break (a long beyond int, every enum constant including the last, {@code null} and absent optionals, the extremes
 * of each number type), and the other side's generated deserializer reads them. The test fails when the verdict and
 * what the codecs do disagree, in either direction: a direction the verdict grants must read every sample, a
 * direction it denies must fail on at least one. The compile-time evolution check is judged by the same corpus
 * ({@link EvolutionCheckTest}); a case may add a {@code contract} verdict for what the values do not show (a topic
 * or a key changed), which only the check uses.
 */
class EvolutionCorpusTest {

  private static final String ROOT = "evolution";

  static Stream<String> cases() throws IOException, URISyntaxException {
    URL url = EvolutionCorpusTest.class.getClassLoader().getResource(ROOT);
    assertThat(url).as(ROOT).isNotNull();
    try (Stream<Path> dirs = Files.list(Path.of(url.toURI()))) {
      List<String> names = dirs.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList();
      assertThat(names).as("the corpus").hasSizeGreaterThanOrEqualTo(30);
      return names.stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void theVerdictsAreWhatTheGeneratedCodecsDo(String name) throws Exception {
    Version before = Version.compile(name, "before");
    Version after = Version.compile(name, "after");
    Properties verdicts = verdicts(name);
    List<String> disagreements = new ArrayList<>();
    for (Reading reading : Reading.values()) {
      String key = reading.name().toLowerCase(Locale.ROOT);
      String declared = verdicts.getProperty(key);
      assertThat(declared).as("%s: %s in verdict.properties", name, key).isNotNull();
      Direction backward = Direction.of(before, after, reading);
      Direction forward = Direction.of(after, before, reading);
      String actual = verdict(backward.reads(), forward.reads());
      if (!actual.equals(declared.strip())) {
        disagreements.add(reading + ": the corpus says " + declared + ", the codecs do " + actual + " (new reader on"
            + " old records: " + backward + "; old reader on new records: " + forward + ")");
      }
    }
    assertThat(disagreements).as(name).isEmpty();
  }

  /** A case's {@code verdict.properties}. */
  static Properties verdicts(String name) throws IOException {
    Properties verdicts = new Properties();
    try (InputStream in = resource(name + "/verdict.properties")) {
      verdicts.load(in);
    }
    return verdicts;
  }

  /**
   * What Courier must decide for a case under a reading: its {@code contract} verdict when it has one (a change of
   * the topic or key, which the values do not show), else the reading's.
   */
  static String courierVerdict(String name, Reading reading) throws IOException {
    Properties verdicts = verdicts(name);
    return verdicts.getProperty("contract", verdicts.getProperty(reading.name().toLowerCase(Locale.ROOT))).strip();
  }

  /** The level two directions make, in Schema Registry's terms. */
  static String verdict(boolean backward, boolean forward) {
    return backward && forward ? "FULL" : backward ? "BACKWARD" : forward ? "FORWARD" : "NONE";
  }

  private static InputStream resource(String path) {
    InputStream in = EvolutionCorpusTest.class.getClassLoader().getResourceAsStream(ROOT + "/" + path);
    assertThat(in).as(path).isNotNull();
    return in;
  }

  /** One reading direction: samples of the writer's version read by the reader's version. */
  private record Direction(int samples, List<String> failures) {
    static Direction of(Version writer, Version reader, Reading reading) throws Exception {
      Serializer<Object> serializer = writer.serializer();
      Deserializer<Object> deserializer = reader.deserializer(reading);
      List<Object> samples = writer.samples();
      List<String> failures = new ArrayList<>();
      for (Object sample : samples) {
        byte[] json = serializer.serialize("orders", sample);
        try {
          assertThat(deserializer.deserialize("orders", json)).isNotNull();
        } catch (RuntimeException e) {
          failures.add(new String(json, java.nio.charset.StandardCharsets.UTF_8) + ": " + e.getMessage());
        }
      }
      return new Direction(samples.size(), failures);
    }

    boolean reads() {
      return failures.isEmpty();
    }

    @Override
    public String toString() {
      return failures.isEmpty() ? "all " + samples + " samples read"
          : failures.size() + " of " + samples + " samples refused, first " + failures.get(0);
    }
  }

  /** One version of the type, compiled with the processor and loaded on its own. */
  private record Version(ClassLoader loader) {
    static Version compile(String name, String side) {
      Compilation compilation = Compilations.compile(ROOT + "/" + name + "/" + side + "/Order.java");
      assertThat(compilation).succeededWithoutWarnings();
      Map<String, byte[]> classes = new HashMap<>();
      for (JavaFileObject file : compilation.generatedFiles()) {
        if (file.getKind() != JavaFileObject.Kind.CLASS) {
          continue;
        }
        String path = file.toUri().getPath();
        String binary = path.substring(path.indexOf("/evolution/") + 1, path.length() - ".class".length())
            .replace('/', '.');
        try (InputStream in = file.openInputStream()) {
          classes.put(binary, in.readAllBytes());
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
      ClassLoader loader = new ClassLoader(name + "-" + side, EvolutionCorpusTest.class.getClassLoader()) {
        @Override
        protected Class<?> findClass(String className) throws ClassNotFoundException {
          byte[] bytes = classes.get(className);
          if (bytes == null) {
            throw new ClassNotFoundException(className);
          }
          return defineClass(className, bytes, 0, bytes.length);
        }
      };
      return new Version(loader);
    }

    Class<?> load(String simpleName) throws ClassNotFoundException {
      return Class.forName("evolution." + simpleName, true, loader);
    }

    @SuppressWarnings("unchecked")
    Serializer<Object> serializer() throws Exception {
      return (Serializer<Object>) load("OrderSerializer").getConstructor().newInstance();
    }

    @SuppressWarnings("unchecked")
    Deserializer<Object> deserializer(Reading reading) throws Exception {
      return (Deserializer<Object>) load("OrderDeserializer").getConstructor(Reading.class).newInstance(reading);
    }

    /**
     * Messages whose members take every sample value of their type at least once: sample {@code i} gives each member
     * its type's value {@code i} (modulo how many there are).
     */
    List<Object> samples() throws Exception {
      Class<?> type = load("Order");
      int count = Math.max(variety(type), 1);
      List<Object> samples = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        samples.add(instance(type, i));
      }
      return samples;
    }
  }

  private static int variety(Class<?> record) {
    int most = 0;
    for (RecordComponent component : record.getRecordComponents()) {
      most = Math.max(most, values(component.getGenericType()).size());
    }
    return most;
  }

  private static Object instance(Class<?> record, int index) throws Exception {
    RecordComponent[] components = record.getRecordComponents();
    Object[] arguments = new Object[components.length];
    Class<?>[] types = new Class<?>[components.length];
    for (int i = 0; i < components.length; i++) {
      List<Object> values = values(components[i].getGenericType());
      arguments[i] = values.get(index % values.size());
      types[i] = components[i].getType();
    }
    Constructor<?> constructor = record.getDeclaredConstructor(types);
    return constructor.newInstance(arguments);
  }

  /** The sample values of a member type: the ones a change of the type can break. */
  private static List<Object> values(Type type) {
    if (type instanceof ParameterizedType parameterized && parameterized.getRawType() == Optional.class) {
      List<Object> values = new ArrayList<>();
      values.add(Optional.empty());
      values(parameterized.getActualTypeArguments()[0]).stream().filter(v -> v != null).map(Optional::of)
          .forEach(values::add);
      return values;
    }
    if (type instanceof ParameterizedType parameterized && parameterized.getRawType() == List.class) {
      List<Object> elements = values(parameterized.getActualTypeArguments()[0]);
      return Arrays.asList(List.of(), Collections.unmodifiableList(new ArrayList<>(elements)), null);
    }
    if (type instanceof ParameterizedType parameterized && parameterized.getRawType() == Map.class) {
      Map<String, Object> entries = new LinkedHashMap<>();
      List<Object> elements = values(parameterized.getActualTypeArguments()[1]);
      for (int i = 0; i < elements.size(); i++) {
        entries.put("k" + i, elements.get(i));
      }
      return Arrays.asList(Map.of(), Collections.unmodifiableMap(entries), null);
    }
    Class<?> raw = (Class<?>) type;
    if (raw == long.class) {
      return List.of(0L, 1L << 40, Long.MIN_VALUE, (long) Integer.MAX_VALUE);
    }
    if (raw == int.class) {
      return List.of(0, Integer.MAX_VALUE, Integer.MIN_VALUE);
    }
    if (raw == Long.class || raw == Integer.class) {
      List<Object> values = new ArrayList<>(values(raw == Long.class ? long.class : int.class));
      values.add(null);
      return values;
    }
    if (raw == short.class) {
      return List.of((short) 0, Short.MAX_VALUE, Short.MIN_VALUE);
    }
    if (raw == double.class) {
      return List.of(0.0, 1.5, Double.MAX_VALUE, -Double.MAX_VALUE, 42.0);
    }
    if (raw == float.class) {
      return List.of(0.0f, 1.5f, Float.MAX_VALUE, -Float.MAX_VALUE);
    }
    if (raw == char.class) {
      return List.of('a', 'Z', '\u00e9');
    }
    if (raw == boolean.class) {
      return List.of(true, false);
    }
    if (raw == String.class) {
      return Arrays.asList("o-1", "", null);
    }
    if (raw == BigDecimal.class) {
      return Arrays.asList(new BigDecimal("12.50"), null);
    }
    if (raw == UUID.class) {
      return Arrays.asList(new UUID(0x1234_5678_9abc_def0L, 0x0fed_cba9_8765_4321L), null);
    }
    if (raw == Instant.class) {
      return Arrays.asList(Instant.EPOCH, Instant.parse("2026-12-07T10:15:30.123Z"), null);
    }
    if (raw == LocalDate.class) {
      return Arrays.asList(LocalDate.of(2026, 12, 7), null);
    }
    if (raw == byte[].class) {
      return Arrays.asList(new byte[0], new byte[] {1, 2, (byte) 0xff}, null);
    }
    if (raw.isEnum()) {
      List<Object> values = new ArrayList<>(Arrays.asList(raw.getEnumConstants()));
      values.add(null);
      return values;
    }
    if (raw.isRecord()) {
      List<Object> values = new ArrayList<>();
      try {
        for (int i = 0; i < Math.max(variety(raw), 1); i++) {
          values.add(instance(raw, i));
        }
      } catch (Exception e) {
        throw new IllegalStateException("cannot create " + raw, e);
      }
      values.add(null);
      return values;
    }
    throw new IllegalArgumentException("the corpus test has no sample values of " + type + "; add them here");
  }
}
