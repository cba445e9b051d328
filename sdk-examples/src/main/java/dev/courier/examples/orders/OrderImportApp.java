/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.examples.orders;

import dev.courier.config.ProducerSettingsException;
import dev.courier.examples.app.AppConfig;
import dev.courier.examples.app.AppException;
import dev.courier.examples.app.CommandLine;
import dev.courier.examples.app.GracefulShutdown;
import dev.courier.runtime.SendException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.SerializationException;

/**
 * Imports orders from JSON lines files into topic {@code orders}, one {@link OrderPlaced} per line, each sent
 * {@code SYNC}: when a line's {@code send} returns, that order is stored.
 *
 * <pre>
 * java dev.courier.examples.orders.OrderImportApp [--config producer.properties] orders.jsonl...
 * </pre>
 *
 * <p>Configuration: see {@link AppConfig} (a properties file and {@code COURIER_PRODUCER_*} variables, for example
 * {@code COURIER_PRODUCER_BOOTSTRAP_SERVERS}). Each line is parsed with the generated, strict
 * {@link OrderPlacedDeserializer}.
 *
 * <p>Errors, and the exit status:
 * <ul>
 *   <li>A line that is not a valid order is reported with its file, line number and the member at fault, and
 *       skipped; the import goes on, and exits with 1 so that no skipped line goes unnoticed.</li>
 *   <li>A send that fails (after the producer's own retries, within {@code delivery.timeout.ms}), or bytes that are
 *       not UTF-8, stop the import with the file and line it stopped at: every line before it was stored.
 *       Exit 2.</li>
 *   <li>A configuration error (a missing file, a setting that contradicts {@code OrderPlaced}'s fixed ones) is
 *       reported without a stack trace, naming the file or variable to fix. Exit 78.</li>
 *   <li>SIGTERM or Ctrl-C: the current line is finished, the producer closed, and the line to resume from is
 *       printed. Exit 130.</li>
 * </ul>
 */
public final class OrderImportApp {
  static final String USAGE = "usage: OrderImportApp [--config producer.properties] orders.jsonl...";

  private final PrintStream out;
  private final PrintStream err;
  private final OrderPlacedDeserializer parser = new OrderPlacedDeserializer();
  private long sent;
  private long skipped;

  private OrderImportApp(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  /**
   * Runs the import and exits with its status.
   *
   * @param args the command line
   */
  public static void main(String[] args) {
    System.exit(run(args, System.getenv(), System.out, System.err));
  }

  /**
   * Runs the import.
   *
   * @param args the command line
   * @param env the environment
   * @param out where the summary goes
   * @param err where errors go
   * @return the exit status: 0 all imported, 1 lines skipped, 2 a send failed, 78 configuration, 130 stopped
   */
  public static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
    try (GracefulShutdown shutdown = GracefulShutdown.install("order-import", Duration.ofSeconds(30))) {
      return new OrderImportApp(out, err).importAll(args, env, shutdown);
    } catch (AppException e) {
      err.println("order-import: " + e.getMessage());
      return AppException.EXIT_CODE;
    }
  }

  private int importAll(String[] args, Map<String, String> env, GracefulShutdown shutdown) {
    CommandLine commandLine = CommandLine.parse(args, Set.of("--config"), USAGE);
    if (commandLine.positionals().isEmpty()) {
      throw new AppException("no input file; " + USAGE);
    }
    AppConfig config = AppConfig.load(commandLine.path("--config"), env).withDefault("client.id", "order-import");
    int status = 0;
    try (OrderPlacedProducer producer = OrderPlacedProducer.create(config.producerProperties())) {
      for (String file : commandLine.positionals()) {
        status = importFile(Path.of(file), producer, shutdown);
        if (status != 0) {
          break;
        }
      }
    } catch (ProducerSettingsException e) {
      throw new AppException(config.explain(e), e);
    }
    out.printf("order-import: %d order(s) sent, %d line(s) skipped%n", sent, skipped);
    return status != 0 ? status : skipped > 0 ? 1 : 0;
  }

  /** Imports one file; returns 0 to go on, else the exit status to stop with. */
  private int importFile(Path file, OrderPlacedProducer producer, GracefulShutdown shutdown) {
    long lineNumber = 0;
    try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line;
      while ((line = reader.readLine()) != null) {
        lineNumber++;
        if (shutdown.isRequested()) {
          err.printf("order-import: stopped before %s:%d; every line before it was sent%n", file, lineNumber);
          return 130;
        }
        if (line.isBlank()) {
          continue;
        }
        OrderPlaced order;
        try {
          order = parser.deserialize(OrderPlacedProducer.TOPIC, line.getBytes(StandardCharsets.UTF_8));
        } catch (SerializationException e) {
          err.printf("order-import: %s:%d: skipped, not a valid order: %s%n", file, lineNumber, e.getMessage());
          skipped++;
          continue;
        }
        try {
          RecordMetadata stored = producer.send(order);
          sent++;
          if (sent % 1000 == 0) {
            out.printf("order-import: %d order(s) sent; last %s to partition %d at offset %d%n", sent,
                order.orderId(), stored.partition(), stored.offset());
          }
        } catch (SendException e) {
          err.printf("order-import: %s:%d: order %s could not be sent, import stopped (every line before it was"
              + " sent): %s%n", file, lineNumber, order.orderId(), e.getMessage());
          return 2;
        }
      }
    } catch (NoSuchFileException e) {
      throw new AppException("the input file " + file.toAbsolutePath() + " does not exist");
    } catch (CharacterCodingException e) {
      err.printf("order-import: %s:%d: not valid UTF-8; import stopped (every line before it was sent)%n", file,
          lineNumber + 1);
      return 2;
    } catch (IOException e) {
      throw new AppException("cannot read " + file.toAbsolutePath() + ": " + e);
    }
    return 0;
  }
}
