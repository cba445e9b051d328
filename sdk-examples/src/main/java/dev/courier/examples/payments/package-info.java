/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */

/**
 * Payments: {@link dev.courier.examples.payments.PaymentCaptured}, a transactional event, and
 * {@link dev.courier.examples.payments.SettlementApp}, which sends each settlement batch in one transaction.
 */
package dev.courier.examples.payments;
