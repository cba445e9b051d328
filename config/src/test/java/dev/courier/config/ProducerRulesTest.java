/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.courier.Acks;
import dev.courier.SendMode;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Every rule: its violation, its boundary, and what its message says (id, key, value, origin, fix). */
class ProducerRulesTest {

  private static final String ORIGIN = "@KafkaMessage on com.acme.Order";
  private static final String FIXED_BY = "(fixed by " + ORIGIN + ")";

  /** Settings fixing the given key/value pairs, with {@link #ORIGIN} as their origin. */
  private static ProducerSettings fixed(String... keysAndValues) {
    ProducerSettings.Builder builder = ProducerSettings.builder().origin(ORIGIN);
    for (int i = 0; i < keysAndValues.length; i += 2) {
      builder.property(keysAndValues[i], keysAndValues[i + 1]);
    }
    return builder.build();
  }

  private static List<Violation> check(ProducerSettings settings) {
    return ProducerRules.check(settings);
  }

  private static List<Rule> rules(ProducerSettings settings) {
    return check(settings).stream().map(Violation::rule).toList();
  }

  private static Violation only(ProducerSettings settings, Rule rule) {
    List<Violation> found = check(settings).stream().filter(v -> v.rule() == rule).toList();
    assertThat(found).as("violations of %s in %s", rule, settings).hasSize(1);
    return found.get(0);
  }

  @Test
  void validSettingsHaveNoViolations() {
    assertThat(check(ProducerSettings.empty())).isEmpty();
    assertThat(check(ProducerSettings.builder()
            .sendMode(SendMode.SYNC)
            .acks(Acks.ALL)
            .idempotence(true)
            .transactionalId("orders-tx")
            .retries(10)
            .maxInFlight(5)
            .batchSize(65536)
            .lingerMs(20)
            .bufferMemory(64L << 20)
            .compression(dev.courier.Compression.ZSTD)
            .deliveryTimeoutMs(120_000)
            .requestTimeoutMs(30_000)
            .build()))
        .isEmpty();
  }

  @Nested
  class UnknownKey {
    @Test
    void aMisspeltKeyIsAnErrorWithASuggestion() {
      Violation v = only(fixed("ack", "all"), Rule.UNKNOWN_KEY);
      assertThat(v.id()).isEqualTo("courier.unknown-key");
      assertThat(v.severity()).isEqualTo(Severity.ERROR);
      assertThat(v.key()).isEqualTo("ack");
      assertThat(v.value()).isEqualTo("all");
      assertThat(v.toString()).isEqualTo("[courier.unknown-key] ack is not a Kafka producer property " + FIXED_BY
          + ". Did you mean acks?");
    }

    @Test
    void aKeyFarFromEveryProducerKeyPointsToKafkasList() {
      assertThat(only(fixed("completely.unrelated.setting", "1"), Rule.UNKNOWN_KEY).message())
          .endsWith("See Kafka's ProducerConfig for the producer keys.");
    }

    @Test
    void everyProducerKeyIsKnown() {
      for (String key : ProducerConfig.configNames()) {
        assertThat(rules(fixed(key, "x"))).as(key).doesNotContain(Rule.UNKNOWN_KEY);
      }
    }

    @Test
    void theValueOfAnUnknownSecretLookingKeyIsHidden() {
      Violation v = only(fixed("basic.auth.user.info", "alice:s3cret"), Rule.UNKNOWN_KEY);
      assertThat(v.value()).isEqualTo("[hidden]");
      assertThat(v.toString()).doesNotContain("s3cret");
    }
  }

  @Nested
  class InvalidValue {
    @Test
    void aNegativeLingerIsRejectedByKafkasOwnRange() {
      Violation v = only(fixed("linger.ms", "-1"), Rule.INVALID_VALUE);
      assertThat(v.key()).isEqualTo("linger.ms");
      assertThat(v.value()).isEqualTo("-1");
      assertThat(v.toString()).isEqualTo("[courier.invalid-value] linger.ms=-1 is invalid " + FIXED_BY
          + ": Value must be at least 0. Accepted: [0,...].");
    }

    @Test
    void zeroLingerIsTheBoundary() {
      assertThat(check(fixed("linger.ms", "0"))).isEmpty();
    }

    @Test
    void maxInFlightBoundaryIsOne() {
      assertThat(rules(fixed("max.in.flight.requests.per.connection", "0"))).containsExactly(Rule.INVALID_VALUE);
      assertThat(check(fixed("max.in.flight.requests.per.connection", "1"))).isEmpty();
    }

    @Test
    void retriesBoundaryIsZeroWhenIdempotenceIsOff() {
      assertThat(rules(fixed("retries", "-1", "enable.idempotence", "false"))).containsExactly(Rule.INVALID_VALUE);
      assertThat(rules(fixed("retries", "0", "enable.idempotence", "false"))).isEmpty();
    }

    @Test
    void aValueOfTheWrongTypeNamesWhatIsAccepted() {
      Violation v = only(fixed("enable.idempotence", "yes"), Rule.INVALID_VALUE);
      assertThat(v.message()).isEqualTo("enable.idempotence=yes is invalid " + FIXED_BY
          + ": Expected value to be either true or false. Accepted: a value of type boolean.");
      assertThat(only(fixed("batch.size", "big"), Rule.INVALID_VALUE).message())
          .contains("batch.size=big is invalid", "Accepted: [0,...]");
    }

    @Test
    void acksIsCaseSensitiveAsInKafka() {
      assertThat(rules(fixed("acks", "ALL"))).containsExactly(Rule.INVALID_VALUE);
      assertThat(only(fixed("acks", "ALL"), Rule.INVALID_VALUE).message()).contains("Accepted: [all, -1, 0, 1]");
      assertThat(check(fixed("acks", " all "))).isEmpty();
      assertThat(check(fixed("acks", "-1"))).isEmpty();
    }

    @Test
    void anEmptyTransactionalIdIsInvalid() {
      assertThat(rules(fixed("transactional.id", ""))).containsExactly(Rule.INVALID_VALUE);
    }

    @Test
    void classNamesAreCheckedForTheirFormWithoutLoadingThem() {
      assertThat(check(fixed("partitioner.class", "com.acme.NotOnThisClasspath"))).isEmpty();
      Violation v = only(fixed("partitioner.class", "not a class"), Rule.INVALID_VALUE);
      assertThat(v.message()).contains("Not a Java class name", "Accepted: a class name");
    }
  }

  @Nested
  class CompressionRule {
    @Test
    void anUnknownCodecIsRejected() {
      Violation v = only(fixed("compression.type", "brotli"), Rule.COMPRESSION);
      assertThat(v.key()).isEqualTo("compression.type");
      assertThat(v.value()).isEqualTo("brotli");
      assertThat(v.toString()).isEqualTo("[courier.compression] compression.type=brotli is not a codec Kafka knows "
          + FIXED_BY + ". Use one of none, gzip, snappy, lz4, zstd.");
    }

    @Test
    void upperCaseIsRejectedAsKafkaDoesWithADidYouMean() {
      assertThat(only(fixed("compression.type", "GZIP"), Rule.COMPRESSION).message()).endsWith("Did you mean gzip?");
      assertThat(rules(fixed("compression.type", "GZIP"))).containsExactly(Rule.COMPRESSION);
    }

    @Test
    void everyCodecKafkaKnowsIsAccepted() {
      for (dev.courier.Compression codec : dev.courier.Compression.values()) {
        assertThat(check(fixed("compression.type", codec.value()))).as(codec.value()).isEmpty();
      }
    }
  }

  @Nested
  class Idempotence {
    @Test
    void needsAcksAll() {
      Violation v = only(fixed("enable.idempotence", "true", "acks", "1"), Rule.IDEMPOTENCE_ACKS);
      assertThat(v.key()).isEqualTo("acks");
      assertThat(v.relatedKeys()).containsExactly("enable.idempotence");
      assertThat(v.value()).isEqualTo("1");
      assertThat(v.toString()).isEqualTo("[courier.idempotence.acks] enable.idempotence=true " + FIXED_BY
          + " needs acks=all, but acks=1 " + FIXED_BY + ". Fix: set acks to all, or turn idempotence off.");
      assertThat(rules(fixed("enable.idempotence", "true", "acks", "0"))).containsExactly(Rule.IDEMPOTENCE_ACKS);
    }

    @Test
    void acksAllAndItsSynonymAreTheBoundary() {
      assertThat(check(fixed("enable.idempotence", "true", "acks", "all"))).isEmpty();
      assertThat(check(fixed("enable.idempotence", "true", "acks", "-1"))).isEmpty();
    }

    @Test
    void anIdempotenceLeftToKafkasDefaultIsTurnedOffByAcksNotRejected() {
      assertThat(rules(fixed("acks", "1"))).doesNotContain(Rule.IDEMPOTENCE_ACKS);
      assertThat(rules(fixed("retries", "0"))).doesNotContain(Rule.IDEMPOTENCE_RETRIES);
    }

    @Test
    void needsRetries() {
      Violation v = only(fixed("enable.idempotence", "true", "retries", "0"), Rule.IDEMPOTENCE_RETRIES);
      assertThat(v.key()).isEqualTo("retries");
      assertThat(v.value()).isEqualTo("0");
      assertThat(v.message()).contains("retries=0 " + FIXED_BY, "Fix: leave retries unset");
      assertThat(check(fixed("enable.idempotence", "true", "retries", "1"))).isEmpty();
    }

    @Test
    void needsAtMostFiveInFlight() {
      Violation v = only(fixed("enable.idempotence", "true", "max.in.flight.requests.per.connection", "6"),
          Rule.IDEMPOTENCE_MAX_IN_FLIGHT);
      assertThat(v.key()).isEqualTo("max.in.flight.requests.per.connection");
      assertThat(v.value()).isEqualTo("6");
      assertThat(v.toString()).isEqualTo("[courier.idempotence.max-in-flight] enable.idempotence=true " + FIXED_BY
          + " needs max.in.flight.requests.per.connection <= 5, but it is 6 " + FIXED_BY + ". Fix: set it to 5 or"
          + " less, or set enable.idempotence=false.");
      assertThat(check(fixed("enable.idempotence", "true", "max.in.flight.requests.per.connection", "5"))).isEmpty();
    }

    @Test
    void kafkaChecksMaxInFlightAgainstItsDefaultIdempotenceEvenWhenAcksTurnsItOff() {
      Violation v = only(fixed("acks", "1", "max.in.flight.requests.per.connection", "6"),
          Rule.IDEMPOTENCE_MAX_IN_FLIGHT);
      assertThat(v.message()).startsWith("enable.idempotence=true (Kafka's default, checked even when acks or"
          + " retries turn idempotence off)");
      assertThat(rules(fixed("enable.idempotence", "false", "max.in.flight.requests.per.connection", "6")))
          .doesNotContain(Rule.IDEMPOTENCE_MAX_IN_FLIGHT);
    }
  }

  @Nested
  class Transactions {
    @Test
    void needIdempotence() {
      Violation v = only(fixed("transactional.id", "tx", "enable.idempotence", "false"), Rule.TRANSACTION_IDEMPOTENCE);
      assertThat(v.key()).isEqualTo("enable.idempotence");
      assertThat(v.relatedKeys()).containsExactly("transactional.id");
      assertThat(v.value()).isEqualTo("false");
      assertThat(v.toString()).isEqualTo("[courier.transaction.idempotence] transactional.id=tx " + FIXED_BY
          + " needs enable.idempotence=true, but enable.idempotence=false " + FIXED_BY + ". Fix: leave idempotence"
          + " on, or remove the transactional id.");
      assertThat(check(fixed("transactional.id", "tx", "enable.idempotence", "true"))).isEmpty();
    }

    @Test
    void needAcksAll() {
      Violation v = only(fixed("transactional.id", "tx", "acks", "1"), Rule.TRANSACTION_ACKS);
      assertThat(v.key()).isEqualTo("acks");
      assertThat(v.message()).contains("transactional.id=tx " + FIXED_BY, "acks=1 " + FIXED_BY
          + " turns idempotence off", "Fix: set acks to all");
      assertThat(check(fixed("transactional.id", "tx", "acks", "all"))).isEmpty();
    }

    @Test
    void withExplicitIdempotenceTheIdempotenceRuleSpeaksNotTheTransactionRule() {
      assertThat(rules(fixed("transactional.id", "tx", "enable.idempotence", "true", "acks", "1")))
          .containsExactly(Rule.IDEMPOTENCE_ACKS);
    }

    @Test
    void needRetries() {
      Violation v = only(fixed("transactional.id", "tx", "retries", "0"), Rule.TRANSACTION_RETRIES);
      assertThat(v.key()).isEqualTo("retries");
      assertThat(v.relatedKeys()).containsExactly("transactional.id");
      assertThat(v.message()).isEqualTo("transactional.id=tx " + FIXED_BY + " needs retries > 0, but retries=0 "
          + FIXED_BY + " turns idempotence off. Fix: leave retries unset (Kafka retries until delivery.timeout.ms),"
          + " or remove the transactional id.");
      assertThat(check(fixed("transactional.id", "tx", "retries", "1"))).isEmpty();
    }
  }

  @Nested
  class SendModeAcks {
    @Test
    void syncAndAsyncNeedAnAcknowledgement() {
      ProducerSettings sync = ProducerSettings.builder().origin(ORIGIN).sendMode(SendMode.SYNC).acks(Acks.NONE).build();
      Violation v = only(sync, Rule.SEND_MODE_ACKS);
      assertThat(v.key()).isEqualTo("acks");
      assertThat(v.value()).isEqualTo("0");
      assertThat(v.toString()).isEqualTo("[courier.send-mode.acks] sendMode SYNC " + FIXED_BY + " returns the"
          + " record's offset, which needs an acknowledgement, but acks=0 " + FIXED_BY + ". Fix: set acks to all"
          + " (or 1), or use FIRE_AND_FORGET.");
      ProducerSettings async = ProducerSettings.builder().sendMode(SendMode.ASYNC).acks(Acks.NONE).build();
      assertThat(rules(async)).contains(Rule.SEND_MODE_ACKS);
    }

    @Test
    void fireAndForgetOrAcksOneIsTheBoundary() {
      ProducerSettings.Builder builder = ProducerSettings.builder().idempotence(false);
      assertThat(rules(builder.sendMode(SendMode.FIRE_AND_FORGET).acks(Acks.NONE).build()))
          .doesNotContain(Rule.SEND_MODE_ACKS);
      assertThat(rules(builder.sendMode(SendMode.SYNC).acks(Acks.LEADER).build())).doesNotContain(Rule.SEND_MODE_ACKS);
    }
  }

  @Nested
  class DeliveryTimeout {
    @Test
    void exactlyLingerPlusRequestIsTheBoundary() {
      assertThat(check(fixed("delivery.timeout.ms", "1000", "linger.ms", "0", "request.timeout.ms", "1000")))
          .isEmpty();
      Violation v = only(fixed("delivery.timeout.ms", "999", "linger.ms", "0", "request.timeout.ms", "1000"),
          Rule.DELIVERY_TIMEOUT);
      assertThat(v.key()).isEqualTo("delivery.timeout.ms");
      assertThat(v.relatedKeys()).containsExactly("linger.ms", "request.timeout.ms");
      assertThat(v.value()).isEqualTo("999");
      assertThat(v.toString()).isEqualTo("[courier.delivery-timeout] delivery.timeout.ms=999 " + FIXED_BY
          + " must be >= linger.ms + request.timeout.ms = 0 " + FIXED_BY + " + 1000 " + FIXED_BY + " = 1000. Fix:"
          + " raise delivery.timeout.ms to at least 1000, or lower linger.ms or request.timeout.ms.");
    }

    @Test
    void kafkasDefaultsCountAndAreNamedAsDefaults() {
      assertThat(check(fixed("delivery.timeout.ms", "30005"))).isEmpty();
      assertThat(only(fixed("delivery.timeout.ms", "30004"), Rule.DELIVERY_TIMEOUT).message())
          .contains("= 5 (Kafka's default) + 30000 (Kafka's default) = 30005");
    }

    @Test
    void anUnsetDeliveryTimeoutIsRaisedByKafkaNotRejected() {
      assertThat(check(fixed("linger.ms", "100000"))).isEmpty();
    }

    @Test
    void theSumSaturatesAtIntegerMaxAsInKafka() {
      assertThat(check(fixed("delivery.timeout.ms", "2147483647", "linger.ms", "3000000000"))).isEmpty();
      assertThat(rules(fixed("delivery.timeout.ms", "2147483646", "linger.ms", "3000000000")))
          .containsExactly(Rule.DELIVERY_TIMEOUT);
    }
  }

  @Nested
  class BatchSizeBufferMemory {
    @Test
    void aBatchLargerThanTheBufferIsRejectedOnBatchSize() {
      Violation v = only(fixed("batch.size", "1001", "buffer.memory", "1000"), Rule.BATCH_SIZE_BUFFER_MEMORY);
      assertThat(v.key()).isEqualTo("batch.size");
      assertThat(v.relatedKeys()).containsExactly("buffer.memory");
      assertThat(v.value()).isEqualTo("1001");
      assertThat(v.toString()).isEqualTo("[courier.batch-size.buffer-memory] batch.size=1001 " + FIXED_BY
          + " is larger than buffer.memory=1000 " + FIXED_BY + ", so no batch could ever be allocated. Fix: lower"
          + " batch.size or raise buffer.memory.");
      assertThat(check(fixed("batch.size", "1000", "buffer.memory", "1000"))).isEmpty();
    }

    @Test
    void aBufferSmallerThanKafkasDefaultBatchIsRejectedOnBufferMemory() {
      Violation v = only(fixed("buffer.memory", "16383"), Rule.BATCH_SIZE_BUFFER_MEMORY);
      assertThat(v.key()).isEqualTo("buffer.memory");
      assertThat(v.message()).startsWith("batch.size=16384 (Kafka's default) is larger than buffer.memory=16383 "
          + FIXED_BY);
      assertThat(check(fixed("buffer.memory", "16384"))).isEmpty();
      assertThat(check(fixed("batch.size", "33554432"))).isEmpty();
      assertThat(rules(fixed("batch.size", "33554433"))).containsExactly(Rule.BATCH_SIZE_BUFFER_MEMORY);
    }
  }

  @Nested
  class Ordering {
    @Test
    void retriesWithoutIdempotenceAndSeveralInFlightIsAWarning() {
      Violation v = only(fixed("enable.idempotence", "false", "max.in.flight.requests.per.connection", "2"),
          Rule.ORDERING);
      assertThat(v.severity()).isEqualTo(Severity.WARNING);
      assertThat(v.key()).isEqualTo("max.in.flight.requests.per.connection");
      assertThat(v.relatedKeys()).containsExactly("enable.idempotence", "retries");
      assertThat(v.toString()).isEqualTo("[courier.ordering] enable.idempotence=false " + FIXED_BY + ", so"
          + " retries=2147483647 (Kafka's default) with max.in.flight.requests.per.connection=2 " + FIXED_BY
          + " can reorder records when a request is retried. Fix: use acks=all with enable.idempotence=true, or set"
          + " max.in.flight.requests.per.connection to 1.");
    }

    @Test
    void oneInFlightNoRetriesOrNoAcksIsTheBoundary() {
      assertThat(check(fixed("enable.idempotence", "false", "max.in.flight.requests.per.connection", "1"))).isEmpty();
      assertThat(check(fixed("enable.idempotence", "false", "retries", "0"))).isEmpty();
      assertThat(check(fixed("enable.idempotence", "false", "acks", "0"))).isEmpty();
    }

    @Test
    void acksOneTurnsKafkasDefaultIdempotenceOffAndWarns() {
      Violation v = only(fixed("acks", "1"), Rule.ORDERING);
      assertThat(v.message()).startsWith("Idempotence is off because acks=1 " + FIXED_BY
          + " turns Kafka's default off, so retries=2147483647 (Kafka's default) with"
          + " max.in.flight.requests.per.connection=5 (Kafka's default)");
      assertThat(v.relatedKeys()).containsExactly("acks", "enable.idempotence", "retries");
      assertThat(check(fixed("acks", "1", "max.in.flight.requests.per.connection", "1"))).isEmpty();
    }
  }

  @Nested
  class KafkaFallback {
    @Test
    void whatOnlyKafkasProducerConfigChecksIsReportedInKafkasWords() {
      Violation v = only(fixed("security.protocol", "SASL_PLAINTEXT", "sasl.mechanism", ""), Rule.KAFKA);
      assertThat(v.key()).isEqualTo("sasl.mechanism");
      assertThat(v.relatedKeys()).containsExactly("security.protocol");
      assertThat(v.value()).isEmpty();
      assertThat(v.toString()).startsWith("[courier.kafka] Kafka rejects these producer settings " + FIXED_BY + ":")
          .contains("When the security.protocol configuration enables SASL, mechanism must be non-null");
      assertThat(check(fixed("security.protocol", "SASL_PLAINTEXT", "sasl.mechanism", "PLAIN"))).isEmpty();
    }

    @Test
    void theKeyIsTheFirstOneKafkaNames() {
      Violation v = only(fixed("transaction.two.phase.commit.enable", "true", "transaction.timeout.ms", "1000"),
          Rule.KAFKA);
      assertThat(v.key()).isEqualTo("transaction.timeout.ms");
      assertThat(v.relatedKeys()).containsExactly("transaction.two.phase.commit.enable");
      assertThat(check(fixed("transaction.two.phase.commit.enable", "true"))).isEmpty();
    }

    @Test
    void doesNotRepeatWhatACourierRuleAlreadySaid() {
      assertThat(rules(fixed("enable.idempotence", "true", "acks", "1"))).containsExactly(Rule.IDEMPOTENCE_ACKS);
      assertThat(rules(fixed("transactional.id", "tx", "acks", "1"))).containsExactly(Rule.TRANSACTION_ACKS);
    }

    @Test
    void stillReportsAnIndependentProblemNextToACourierRule() {
      assertThat(rules(fixed("enable.idempotence", "true", "acks", "1", "security.protocol", "SASL_SSL",
              "sasl.mechanism", "")))
          .containsExactly(Rule.IDEMPOTENCE_ACKS, Rule.KAFKA);
    }
  }

  @Nested
  class EveryIndependentProblem {
    @Test
    void anUnknownKeyDoesNotHideTheRulesThatSpanKeys() {
      assertThat(rules(fixed("ack", "all", "enable.idempotence", "true", "acks", "1", "batch.size", "2000",
              "buffer.memory", "1000")))
          .containsExactly(Rule.UNKNOWN_KEY, Rule.IDEMPOTENCE_ACKS, Rule.BATCH_SIZE_BUFFER_MEMORY);
    }

    @Test
    void aValueThatDoesNotParseSuppressesOnlyTheRulesThatNeedIt() {
      // acks does not parse: the idempotence/acks rule cannot judge it, but the rest still runs.
      assertThat(rules(fixed("acks", "most", "enable.idempotence", "true", "retries", "0", "delivery.timeout.ms",
              "10")))
          .containsExactly(Rule.INVALID_VALUE, Rule.IDEMPOTENCE_RETRIES, Rule.DELIVERY_TIMEOUT);
      // linger.ms does not parse: the delivery timeout cannot be judged, batch.size still can.
      assertThat(rules(fixed("linger.ms", "soon", "delivery.timeout.ms", "10", "batch.size", "2000",
              "buffer.memory", "1000")))
          .containsExactly(Rule.INVALID_VALUE, Rule.BATCH_SIZE_BUFFER_MEMORY);
    }

    @Test
    void theOrderIsStableValuesByKeyThenRulesInDeclarationOrder() {
      ProducerSettings settings = fixed("retries", "-5", "compression.type", "lzma", "batch.size", "2000",
          "buffer.memory", "1000", "enable.idempotence", "true", "acks", "0", "max.in.flight.requests.per.connection",
          "9");
      assertThat(check(settings).stream().map(v -> v.id() + " " + v.key()).toList()).containsExactly(
          "courier.compression compression.type",
          "courier.invalid-value retries",
          "courier.idempotence.acks acks",
          "courier.idempotence.max-in-flight max.in.flight.requests.per.connection",
          "courier.batch-size.buffer-memory batch.size");
      assertThat(check(settings)).isEqualTo(check(settings));
    }
  }

  @Test
  void secretsNeverAppearInViolations() {
    ProducerSettings settings = fixed("ssl.key.password", "hunter2-secret", "sasl.jaas.config",
        "org.apache.kafka.common.security.plain.PlainLoginModule required password=\"hunter2-secret\";",
        "security.protocol", "SASL_SSL", "sasl.mechanism", "", "batch.size", "-1");
    List<Violation> violations = check(settings);
    assertThat(violations).isNotEmpty();
    assertThat(violations.toString()).doesNotContain("hunter2");
    assertThat(violations).extracting(Violation::value).doesNotContain("hunter2-secret");
  }

  @Test
  void checkingMergedRuntimeValuesIgnoresUnknownRuntimeKeys() {
    Map<String, Object> merged = ProducerSettings.builder().acks(Acks.ALL).build()
        .merge(Map.of("bootstrap.servers", "localhost:9092", "schema.registry.url", "http://localhost:8081"));
    assertThat(merged).containsEntry("schema.registry.url", "http://localhost:8081").containsEntry("acks", "all");
  }
}
