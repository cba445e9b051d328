/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.harness;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A broker key pair and the truststore that trusts it, made at test time: no key is checked in and no crypto library
 * is needed. The JDK's {@code keytool} makes a self-signed EC certificate for {@code CN=localhost} with the subject
 * alternative names {@code DNS:localhost} and {@code IP:127.0.0.1}, so clients keep Kafka's default host name
 * verification ({@code ssl.endpoint.identification.algorithm=https}); the JDK's {@link KeyStore} API copies the
 * certificate into a PKCS12 truststore. Passwords are random per instance and never passed on a command line.
 */
final class TlsMaterial {
  static final String STORE_TYPE = "PKCS12";
  private static final String ALIAS = "courier-broker";
  private static final String PASSWORD_VARIABLE = "COURIER_HARNESS_STORE_PASSWORD";
  private static final long KEYTOOL_TIMEOUT_SECONDS = 60;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Path keystore;
  private final Path truststore;
  private final String password;

  private TlsMaterial(Path keystore, Path truststore, String password) {
    this.keystore = keystore;
    this.truststore = truststore;
    this.password = password;
  }

  /**
   * Makes a keystore and a truststore in {@code dir}.
   *
   * @param dir an existing directory
   * @return the stores and their (shared) password
   * @throws IllegalStateException when keytool fails, with its output
   */
  static TlsMaterial create(Path dir) {
    String password = randomSecret(24);
    Path keystore = dir.resolve("broker.keystore.p12");
    Path truststore = dir.resolve("client.truststore.p12");
    Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
    List<String> command = List.of(keytool.toString(), "-genkeypair", "-alias", ALIAS, "-keyalg", "EC",
        "-groupname", "secp256r1", "-sigalg", "SHA256withECDSA", "-dname", "CN=localhost, O=Courier test broker",
        "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-validity", "30", "-storetype", STORE_TYPE,
        "-keystore", keystore.toString(), "-storepass:env", PASSWORD_VARIABLE, "-keypass:env", PASSWORD_VARIABLE);
    run(command, password, dir.resolve("keytool.log"));
    try {
      KeyStore keys = KeyStore.getInstance(STORE_TYPE);
      try (InputStream in = Files.newInputStream(keystore)) {
        keys.load(in, password.toCharArray());
      }
      Certificate certificate = keys.getCertificate(ALIAS);
      KeyStore trust = KeyStore.getInstance(STORE_TYPE);
      trust.load(null, null);
      trust.setCertificateEntry(ALIAS, certificate);
      try (OutputStream out = Files.newOutputStream(truststore)) {
        trust.store(out, password.toCharArray());
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the truststore " + truststore, e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot make the truststore " + truststore + ": " + e, e);
    }
    return new TlsMaterial(keystore, truststore, password);
  }

  private static void run(List<String> command, String password, Path log) {
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    Map<String, String> environment = builder.environment();
    environment.put(PASSWORD_VARIABLE, password);
    try {
      Process process = builder.start();
      if (!process.waitFor(KEYTOOL_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException("keytool did not finish within " + KEYTOOL_TIMEOUT_SECONDS + " s: "
            + String.join(" ", command));
      }
      if (process.exitValue() != 0) {
        throw new IllegalStateException("keytool failed with exit code " + process.exitValue() + ": "
            + String.join(" ", command) + "\n" + Files.readString(log, StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run " + command.get(0), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while running keytool", e);
    }
  }

  /** A random secret of letters and digits (safe in JAAS and SCRAM bootstrap syntax). */
  static String randomSecret(int length) {
    String alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    StringBuilder sb = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      sb.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
    }
    return sb.toString();
  }

  /** The broker's PKCS12 keystore (its key password is the store password). */
  Path keystore() {
    return keystore;
  }

  /** The PKCS12 truststore clients use; it holds the broker's certificate. */
  Path truststore() {
    return truststore;
  }

  /** The password of both stores and of the key. */
  String password() {
    return password;
  }
}
