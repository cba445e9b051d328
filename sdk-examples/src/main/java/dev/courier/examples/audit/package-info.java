/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */

/**
 * Audit: {@link dev.courier.examples.audit.AuditEvent}, whose value is written by a declared serializer
 * ({@link dev.courier.examples.audit.AuditEventSerializer}) and read by its pair
 * ({@link dev.courier.examples.audit.AuditEventDeserializer}).
 */
package dev.courier.examples.audit;
