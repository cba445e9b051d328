/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.examples.shipping;

import dev.courier.config.ProducerSettingsException;
import dev.courier.examples.app.AppConfig;
import dev.courier.examples.app.AppException;
import dev.courier.examples.app.CommandLine;
import dev.courier.examples.app.GracefulShutdown;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Reports dispatched shipments {@code ASYNC}, as a warehouse service would: each {@code send(message, callback)}
 * returns at once and Kafka calls the callback when the broker has acknowledged the record or the send has failed.
 * At most {@code --in-flight} sends are unanswered at a time, so a slow broker slows the service down instead of
 * filling its memory. The shipments are synthetic: {@code --count} of them, with ids derived from their number so
 * that a rerun sends the same keys.
 *
 * <pre>
 * java dev.courier.examples.shipping.ShippingApp [--config producer.properties] [--count 1000] [--in-flight 100]
 * </pre>
 *
 * <p>Every failed shipment is kept with its id and reported at the end (exit 1); exit 0 when all were acknowledged,
 * 78 for a configuration error, 130 when stopped by SIGTERM or Ctrl-C after the sends in flight were answered.
 * {@code ShipmentDispatchedProducer.send(message)} without a callback returns a {@code CompletableFuture} instead,
 * for code that composes futures.
 */
public final class ShippingApp {
  static final String USAGE =
      "usage: ShippingApp [--config producer.properties] [--count shipments] [--in-flight sends]";
  private static final String[] CARRIERS = {"DHL", "UPS", "PostNL", "La Poste"};

  private ShippingApp() {}

  /**
   * Runs the application and exits with its status.
   *
   * @param args the command line
   */
  public static void main(String[] args) {
    System.exit(run(args, System.getenv(), System.out, System.err));
  }

  /**
   * Runs the application.
   *
   * @param args the command line
   * @param env the environment
   * @param out where the summary goes
   * @param err where errors go
   * @return the exit status
   */
  public static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
    try (GracefulShutdown shutdown = GracefulShutdown.install("shipping", Duration.ofSeconds(30))) {
      return send(args, env, out, err, shutdown);
    } catch (AppException e) {
      err.println("shipping: " + e.getMessage());
      return AppException.EXIT_CODE;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      err.println("shipping: interrupted");
      return 130;
    }
  }

  /**
   * The shipment with number {@code n}: the same id on every run.
   *
   * @param n the shipment number
   * @param now the dispatch time
   * @return the shipment
   */
  static ShipmentDispatched shipment(int n, Instant now) {
    return new ShipmentDispatched(
        UUID.nameUUIDFromBytes(("shipment-" + n).getBytes(java.nio.charset.StandardCharsets.UTF_8)),
        "o-" + (10001 + n),
        CARRIERS[n % CARRIERS.length],
        "TRK" + (100000 + n),
        Set.of("p-" + n + "-1", "p-" + n + "-2"),
        LocalDate.ofInstant(now, ZoneOffset.UTC).plusDays(2 + n % 3),
        now);
  }

  private static int send(String[] args, Map<String, String> env, PrintStream out, PrintStream err,
      GracefulShutdown shutdown) throws InterruptedException {
    CommandLine commandLine = CommandLine.parse(args, Set.of("--config", "--count", "--in-flight"), USAGE);
    int count = commandLine.positiveInt("--count", 1000);
    int maxInFlight = commandLine.positiveInt("--in-flight", 100);
    AppConfig config = AppConfig.load(commandLine.path("--config"), env).withDefault("client.id", "shipping");

    Semaphore inFlight = new Semaphore(maxInFlight);
    AtomicLong acknowledged = new AtomicLong();
    ConcurrentLinkedQueue<String> failed = new ConcurrentLinkedQueue<>();
    int sent = 0;
    try (ShipmentDispatchedProducer producer = ShipmentDispatchedProducer.create(config.producerProperties())) {
      Instant now = Instant.now();
      for (int n = 0; n < count && !shutdown.isRequested(); n++) {
        ShipmentDispatched shipment = shipment(n, now);
        inFlight.acquire();
        try {
          // The callback runs on Kafka's I/O thread: keep it short, never block in it.
          producer.send(shipment, (metadata, exception) -> {
            if (exception == null) {
              acknowledged.incrementAndGet();
            } else {
              failed.add(shipment.shipmentId() + " (order " + shipment.orderId() + "): " + exception);
            }
            inFlight.release();
          });
          sent++;
        } catch (RuntimeException e) {
          // What fails before the record is queued (serialization, a closed producer) is thrown, not called back.
          inFlight.release();
          failed.add(shipment.shipmentId() + " (order " + shipment.orderId() + "): " + e);
        }
      }
      // Wait until every send was answered, so that the summary is complete.
      inFlight.acquire(maxInFlight);
      inFlight.release(maxInFlight);
    } catch (ProducerSettingsException e) {
      throw new AppException(config.explain(e), e);
    }
    out.printf("shipping: %d shipment(s) sent, %d acknowledged, %d failed%n", sent, acknowledged.get(),
        failed.size());
    List<String> failures = List.copyOf(failed);
    failures.stream().limit(20).forEach(f -> err.println("shipping: not sent: " + f));
    if (failures.size() > 20) {
      err.printf("shipping: ... and %d more%n", failures.size() - 20);
    }
    return shutdown.isRequested() ? 130 : failures.isEmpty() ? 0 : 1;
  }
}
