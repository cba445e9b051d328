/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.examples.clickstream;

import dev.courier.config.ProducerSettingsException;
import dev.courier.examples.app.AppConfig;
import dev.courier.examples.app.AppException;
import dev.courier.examples.app.CommandLine;
import dev.courier.examples.app.GracefulShutdown;
import dev.courier.runtime.SendErrorHandler;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends page views {@code FIRE_AND_FORGET}, as a web tier's tracking endpoint would: {@code send} never waits for the
 * broker's answer, so a slow broker does not slow a page down (like any Kafka send, it blocks up to
 * {@code max.block.ms} only while the buffer is full or the topic's metadata is unknown). Here the views are
 * synthetic: {@code --count} of them over {@code --sessions} sessions.
 *
 * <pre>
 * java dev.courier.examples.clickstream.ClickstreamApp [--config producer.properties] [--count 100000] [--sessions 500]
 * </pre>
 *
 * <p>A fire-and-forget send cannot throw for a failed delivery, so failures go to the {@link SendErrorHandler} given
 * to {@code PageViewedProducer.create}. This one counts them, logs the first one in full and then one in every
 * thousand (a broker outage would otherwise flood the log), and the summary reports the total: nothing fails
 * silently. Exit 0 when every view was acknowledged, 1 when some failed, 78 for a configuration error, 130 when
 * stopped by SIGTERM or Ctrl-C (after flushing what was sent).
 */
public final class ClickstreamApp {
  static final String USAGE =
      "usage: ClickstreamApp [--config producer.properties] [--count views] [--sessions sessions]";
  private static final Logger LOG = LoggerFactory.getLogger(ClickstreamApp.class);
  private static final String[] PAGES = {"/", "/search", "/product/sku-0042", "/product/sku-0075", "/cart",
      "/checkout", "/account", "/help"};

  private ClickstreamApp() {}

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
    try (GracefulShutdown shutdown = GracefulShutdown.install("clickstream", Duration.ofSeconds(30))) {
      return send(args, env, out, shutdown);
    } catch (AppException e) {
      err.println("clickstream: " + e.getMessage());
      return AppException.EXIT_CODE;
    }
  }

  private static int send(String[] args, Map<String, String> env, PrintStream out, GracefulShutdown shutdown) {
    CommandLine commandLine = CommandLine.parse(args, Set.of("--config", "--count", "--sessions"), USAGE);
    int count = commandLine.positiveInt("--count", 100_000);
    int sessions = commandLine.positiveInt("--sessions", 500);
    AppConfig config = AppConfig.load(commandLine.path("--config"), env).withDefault("client.id", "clickstream");

    FailureCounter failures = new FailureCounter();
    long sent = 0;
    long started = System.nanoTime();
    try (PageViewedProducer producer = PageViewedProducer.create(config.producerProperties(), failures)) {
      long now = System.currentTimeMillis();
      for (int i = 0; i < count && !shutdown.isRequested(); i++) {
        int session = i % sessions;
        producer.send(new PageViewed(
            "s-" + session,
            PAGES[(i * 7 + session) % PAGES.length],
            i % 3 == 0 ? "https://search.example/q=courier" : null,
            session % 4 == 0 ? Optional.empty() : Optional.of("u-" + session),
            session % 5 == 0 ? Map.of("utm_source", "newsletter", "utm_campaign", "november") : Map.of(),
            now + i));
        sent++;
      }
      // close() (end of this block) sends what is buffered and waits for the answers, so every failure is counted
      // before the summary below.
    } catch (ProducerSettingsException e) {
      throw new AppException(config.explain(e), e);
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    out.printf("clickstream: %d view(s) sent in %.1f s (%.0f/s), %d failed%n", sent, seconds, sent / seconds,
        failures.count());
    if (failures.count() > 0) {
      out.println("clickstream: first failure: " + failures.first());
    }
    return shutdown.isRequested() ? 130 : failures.count() > 0 ? 1 : 0;
  }

  /** Counts failed sends; logs the first and then one in every thousand. Runs on Kafka's I/O thread: fast. */
  static final class FailureCounter implements SendErrorHandler<String, PageViewed> {
    private final AtomicLong count = new AtomicLong();
    private final AtomicReference<String> first = new AtomicReference<>();

    @Override
    public void onError(String topic, String key, PageViewed message, Exception exception) {
      long n = count.incrementAndGet();
      first.compareAndSet(null, "topic " + topic + ", session " + key + ": " + exception);
      if (n == 1 || n % 1000 == 0) {
        LOG.warn("{} page view(s) could not be sent so far; latest to topic {} for session {}: {}", n, topic, key,
            exception.toString());
      }
    }

    long count() {
      return count.get();
    }

    String first() {
      return first.get();
    }
  }
}
