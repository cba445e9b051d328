/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
/**
 * Internal: generates Courier's reference docs from the code. Not an API: it may change or move in any release, and
 * the public-API check (japicmp, in this module's build) leaves it out.
 */
package dev.courier.config.docs;
