/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
/**
 * The evolution check: a message type's JSON Schema compared with its previous version's (the baseline), under the
 * type's {@link dev.courier.Compatibility} level. {@link dev.courier.processor.evolution.SchemaJudge} decides, from
 * the two schemas alone, whether the readers of one version accept every record the other may write;
 * {@link dev.courier.processor.evolution.EvolutionCheck} finds the baseline and reports each break on the member it
 * is about.
 */
package dev.courier.processor.evolution;
