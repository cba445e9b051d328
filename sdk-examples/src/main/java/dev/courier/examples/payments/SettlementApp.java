/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.examples.payments;

import dev.courier.config.ProducerSettingsException;
import dev.courier.examples.app.AppConfig;
import dev.courier.examples.app.AppException;
import dev.courier.examples.app.CommandLine;
import dev.courier.examples.app.GracefulShutdown;
import dev.courier.runtime.TransactionFailedException;
import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.errors.SerializationException;

/**
 * Publishes settlement files: each file is one settlement batch of captured payments (JSON lines of
 * {@link PaymentCaptured}), and all of its payments become visible to {@code read_committed} consumers together, or
 * none of them. Each file is sent in one transaction of the generated {@code PaymentCapturedProducer}.
 *
 * <pre>
 * java dev.courier.examples.payments.SettlementApp [--config producer.properties] settlement.jsonl...
 * </pre>
 *
 * <p>Each running instance needs its own {@code transactional.id} starting with the fixed {@code payments-service},
 * e.g. {@code COURIER_PRODUCER_TRANSACTIONAL_ID=payments-service-2}; a second instance with the same id fences the
 * first.
 *
 * <p>Errors:
 * <ul>
 *   <li>A line that is not a valid payment, or a payment whose amount is not positive, aborts its file's
 *       transaction: the payments of that file sent before the bad line are never visible. The file is reported with
 *       the line, the other files go on, and the exit status is 1.</li>
 *   <li>A transaction Kafka aborted (an abortable error, such as a timeout) is retried, up to 3 attempts.</li>
 *   <li>A fatal error (another instance with the same {@code transactional.id}, no authorization) stops the
 *       application: the producer cannot continue. Exit 2.</li>
 *   <li>A configuration error exits with 78, SIGTERM or Ctrl-C with 130 after the file in hand.</li>
 * </ul>
 */
public final class SettlementApp {
  static final String USAGE = "usage: SettlementApp [--config producer.properties] settlement.jsonl...";
  private static final int ATTEMPTS = 3;

  private final PrintStream out;
  private final PrintStream err;
  private final PaymentCapturedDeserializer parser = new PaymentCapturedDeserializer();

  private SettlementApp(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

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
   * @return the exit status: 0 all committed, 1 files rejected, 2 fatal, 78 configuration, 130 stopped
   */
  public static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
    try (GracefulShutdown shutdown = GracefulShutdown.install("settlement", Duration.ofSeconds(60))) {
      return new SettlementApp(out, err).settleAll(args, env, shutdown);
    } catch (AppException e) {
      err.println("settlement: " + e.getMessage());
      return AppException.EXIT_CODE;
    }
  }

  private int settleAll(String[] args, Map<String, String> env, GracefulShutdown shutdown) {
    CommandLine commandLine = CommandLine.parse(args, Set.of("--config"), USAGE);
    if (commandLine.positionals().isEmpty()) {
      throw new AppException("no settlement file; " + USAGE);
    }
    AppConfig config = AppConfig.load(commandLine.path("--config"), env).withDefault("client.id", "settlement");
    int committed = 0;
    int rejected = 0;
    try (PaymentCapturedProducer producer = PaymentCapturedProducer.create(config.producerProperties())) {
      for (String name : commandLine.positionals()) {
        if (shutdown.isRequested()) {
          err.println("settlement: stopped before " + name);
          return 130;
        }
        Path file = Path.of(name);
        List<String> lines = read(file);
        for (int attempt = 1; ; attempt++) {
          try {
            producer.inTransaction(tx -> {
              for (int i = 0; i < lines.size(); i++) {
                if (!lines.get(i).isBlank()) {
                  tx.send(parse(file, i + 1, lines.get(i)));
                }
              }
            });
            committed++;
            out.printf("settlement: %s committed%n", file);
            break;
          } catch (BadPaymentException e) {
            rejected++;
            err.printf("settlement: %s rejected, none of its payments is visible: %s%n", file, e.getMessage());
            break;
          } catch (TransactionFailedException e) {
            if (e.isFatal()) {
              err.printf("settlement: %s not committed and the producer cannot continue; stopping: %s%n", file,
                  e.getMessage());
              return 2;
            }
            if (attempt == ATTEMPTS) {
              rejected++;
              err.printf("settlement: %s aborted %d times, giving up on it: %s%n", file, ATTEMPTS, e.getMessage());
              break;
            }
            err.printf("settlement: %s aborted (attempt %d of %d), retrying: %s%n", file, attempt, ATTEMPTS,
                e.getMessage());
          }
        }
      }
    } catch (ProducerSettingsException e) {
      throw new AppException(config.explain(e), e);
    }
    out.printf("settlement: %d file(s) committed, %d rejected%n", committed, rejected);
    return rejected > 0 ? 1 : 0;
  }

  private static List<String> read(Path file) {
    try {
      return Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new AppException("the settlement file " + file.toAbsolutePath() + " does not exist");
    } catch (IOException e) {
      throw new AppException("cannot read " + file.toAbsolutePath() + " as UTF-8: " + e, e);
    }
  }

  private PaymentCaptured parse(Path file, int line, String json) {
    PaymentCaptured payment;
    try {
      payment = parser.deserialize(PaymentCapturedProducer.TOPIC, json.getBytes(StandardCharsets.UTF_8));
    } catch (SerializationException e) {
      throw new BadPaymentException(file + ":" + line + ": not a valid payment: " + e.getMessage());
    }
    if (payment.amount() == null || payment.amount().compareTo(BigDecimal.ZERO) <= 0) {
      throw new BadPaymentException(file + ":" + line + ": payment " + payment.paymentId() + " has amount "
          + payment.amount() + "; a captured payment has a positive amount");
    }
    return payment;
  }

  /** A line of a settlement file that cannot be settled; thrown inside the transaction, which aborts it. */
  static final class BadPaymentException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    BadPaymentException(String message) {
      super(message);
    }
  }
}
