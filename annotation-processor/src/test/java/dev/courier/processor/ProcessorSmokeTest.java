/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.Test;

class ProcessorSmokeTest {

  @Test
  void generatesEveryClassAndTheSettingsResourceWithoutWarnings() {
    Compilation compilation = Compilations.compile("good/com/acme/OrderPlaced.java");

    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation).generatedSourceFile("com.acme.OrderPlacedProducer");
    assertThat(compilation).generatedSourceFile("com.acme.OrderPlacedSerializer");
    assertThat(compilation).generatedSourceFile("com.acme.OrderPlacedDeserializer");
    assertThat(compilation).generatedSourceFile("com.acme.OrderPlacedDescriptor");
    assertThat(compilation)
        .generatedFile(StandardLocation.CLASS_OUTPUT, "", "META-INF/courier/com.acme.OrderPlaced.properties")
        .contentsAsUtf8String()
        .contains("acks=all\n");
  }
}
