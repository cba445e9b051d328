/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.connect.docs;

import dev.courier.connect.file.FileSourceConnectorConfig;
import org.apache.kafka.common.config.ConfigDef;

/**
 * Writes the reference page of the file source from its {@link ConfigDef}, so key docs are written once: in the
 * {@code *_DOC} constants. The prose around the tables is here; the tables are the definition's.
 */
public final class ReferenceDocs {

  private ReferenceDocs() {}

  /**
   * The Markdown reference of {@code FileSourceConnector}.
   *
   * @return the page
   */
  public static String fileSourceConnector() {
    StringBuilder md = new StringBuilder();
    md.append("<!-- Generated from FileSourceConnectorConfig's ConfigDef by ReferenceDocsTest; do not edit.\n")
        .append("     Regenerate: ./mvnw -pl connector -am test -Dtest=ReferenceDocsTest -Dsurefire.failIfNoSpecifiedTests=false"
            + " -Dcourier.docs.write=true -->\n\n");
    md.append("# File source connector reference\n\n")
        .append("`dev.courier.connect.file.FileSourceConnector` streams the files under configured directories into"
            + " a topic: JSON lines, CSV or plain text, in spool mode (read each file once, then move or delete it"
            + " after every record of it is committed) or tail mode (follow appends, survive rotation and"
            + " truncation).\n\n");
    md.append("## Guarantees\n\n")
        .append("- **Offsets**: each file is a source partition `{\"path\": \"<canonical path>\"}`; each record's"
            + " offset is the byte position just after it (`position`), with the next line number (`line`), the"
            + " CRC-32C of the file's first up to 1024 bytes (`head.length`, `head.crc`) and, in spool mode, the"
            + " file's last-modified time (`modified`). A restarted task resumes exactly after the last committed"
            + " record; a file replaced at the same path (other first bytes, or in spool mode another modification"
            + " time) is read from its start.\n")
        .append("- **Exactly once**: `exactlyOnceSupport()` is `SUPPORTED` in every mode and format. With the worker's"
            + " `exactly.once.source.support=enabled`, records, dead-letter records and offsets are written in one"
            + " transaction. `transaction.boundary=poll` (Connect's default) commits each `poll()` batch (see"
            + " `poll.max.records`); `transaction.boundary=connector` commits when a file is read to its end (spool)"
            + " or caught up with (tail), so a read_committed consumer sees whole files; keep files small enough"
            + " to be written within the producer's `transaction.timeout.ms`, or raise it with"
            + " `producer.override.transaction.timeout.ms`.\n")
        .append("- **Spool**: a file is moved to `spool.finished.path` (or deleted) only after Connect acknowledged"
            + " every record of it through `SourceTask.commitRecord` (with exactly-once support: after the transaction"
            + " committed). A worker that dies before that reads the file again from its committed offset.\n")
        .append("- **Tasks**: files are split over `tasks.max` tasks by a hash of their canonical path: each file is"
            + " read by exactly one task, every task lists the directories itself (in steps of at most 1000"
            + " entries per poll), and new files are picked up without a rebalance.\n")
        .append("- **Memory**: bounded by `record.max.bytes` per open file and by `poll.max.records` and"
            + " `poll.max.bytes` per poll, whatever the file sizes. In tail mode a task keeps at most"
            + " `tail.max.open.files` files open (the least recently read is closed and later reopened at its"
            + " position) and follows at most `tail.max.tracked.files`.\n")
        .append("- **Safety**: only regular files inside `input.paths` are read; symbolic links are followed only to"
            + " files inside an input directory; symbolic links to directories are never followed. Every open,"
            + " first or again, walks from the input directory without following a link and checks that the file"
            + " is the one listed (same device and inode), so a file or directory swapped for a link by a writer of"
            + " the input directories is refused with a WARN naming it and why, and never read.\n\n");
    md.append("## Bad records\n\n")
        .append("Invalid UTF-8, invalid JSON or a JSON line that is not one object, duplicate JSON members, a CSV"
            + " record with another column count than the header or broken quoting, a record longer than"
            + " `record.max.bytes`, and (with `message.class`) a missing, null-but-required or mistyped member, or"
            + " one the type does not have when it is read strictly (`@KafkaMessage(reading = STRICT)` or"
            + " `message.reading=strict`; by default such a member is skipped) are bad records."
            + " `bad.record.policy` decides:\n\n")
        .append("| policy | what happens |\n|---|---|\n")
        .append("| `fail` | the good records before it are delivered, then the task fails with `Bad record in file"
            + " <path> line <n> (byte offset <o>): <reason>` |\n")
        .append("| `skip` | logged at WARN with file, line, offset and reason; counted in `bad-records-total` |\n")
        .append("| `dead-letter` | the raw record (a string value, null key; over-long records: their first"
            + " min(record.max.bytes, 65536) bytes) goes to `bad.record.dead.letter.topic` in the same transaction,"
            + " with string headers `courier.error.reason`, `courier.error.file`, `courier.error.line`,"
            + " `courier.error.offset`, `courier.error.connector` and, for over-long records,"
            + " `courier.error.length` and `courier.error.truncated` |\n\n");
    md.append("## Values and keys\n\n")
        .append("| format | value without `message.class` | value with `message.class` |\n|---|---|---|\n")
        .append("| json | schemaless `Map` (objects to maps, arrays to lists, integers to `Long`, other numbers to"
            + " `Double`, as `JsonConverter` reads schemaless JSON; an integer beyond 64 bits is a bad record) |"
            + " the bytes the type's generated producer sends for the message the line holds |\n")
        .append("| csv | `Struct` of optional strings named by the header (empty cells are empty strings) |"
            + " the same, for the message the row holds; an empty cell is an absent member |\n")
        .append("| text | the line as a string, null key | not allowed |\n\n")
        .append("With `message.class`, each record is the record the type's generated producer would send, by"
            + " construction: the line (or the row, handed over as a JSON document of its cells) is read by the"
            + " type's generated deserializer, which accepts and refuses exactly what it accepts and refuses"
            + " from Kafka, and the message goes through the generated descriptor's `toRecord` and the generated"
            + " serializers, the code the producer runs. The record's key and value are those bytes (Connect"
            + " schema BYTES), its headers the producer's header bytes (a `String` header as UTF-8, a `byte[]`"
            + " header as it is), its timestamp the `@Timestamp` member's. So `key.converter`, `value.converter`"
            + " and `header.converter` must be `org.apache.kafka.connect.converters.ByteArrayConverter`, which"
            + " writes them unchanged; `validate()` refuses any other value, or none, on the key. The price:"
            + " transformations that read or change the key or value as a Connect value (`ReplaceField`, `Cast`,"
            + " `MaskField`, `ValueToKey`, ...) and converters with their own framing cannot be used; those that"
            + " route or filter by topic or header still work. A record the generated producer would refuse (a"
            + " key member missing or null, in CSV an empty cell, unless the type declares"
            + " `@PartitionKey(nullable = true)`; a timestamp before 1970) is a bad record, with the reader's or"
            + " the producer's own message. A type that declares its own `valueSerializer` has no JSON form to"
            + " read and is refused for `message.class`. Dead-letter records of a `message.class` connector carry"
            + " their value and headers as UTF-8 bytes, which `ByteArrayConverter` writes.\n\n");
    md.append("## Producer settings\n\n")
        .append("`producer.override.*` keys are checked in `validate()` by Courier's shared producer rules, each"
            + " error on its `producer.override.<key>`, on top of Kafka Connect's producer defaults. When"
            + " `message.class` fixes a producer setting, the connector's producer must use it: a"
            + " `producer.override.<key>` with another value (`[courier.conflict]`), or none where Connect's"
            + " default differs (`[courier.connect.override]`), is an error on that key."
            + " `producer.override.transactional.id` is refused: the worker manages transactional ids. Rule"
            + " warnings are logged when the task starts. The documented keys are in the two producer-override"
            + " groups below; any other producer key is accepted and checked the same way.\n\n");
    md.append("## Metrics\n\n")
        .append("Per task, through the worker's plugin metrics (JMX"
            + " `kafka.connect:type=plugins,connector=<name>,task=<n>`, and every metrics reporter of the worker;"
            + " before Kafka Connect 4.1, JMX only, under the same name):"
            + " `records-read-total`, `bytes-read-total`, `bad-records-total`, `files-completed-total`,"
            + " `bytes-behind` (bytes not yet read in the files the task reads), `files-tracked`, `files-open` and,"
            + " in tail mode, `files-untracked` (files found but waiting because `tail.max.tracked.files` is"
            + " reached).\n\n");
    md.append("## Configuration\n");
    ConfigTables.append(md, FileSourceConnectorConfig.configDef());
    md.append("\nConnect's own connector keys apply as well, notably `tasks.max`, `key.converter`,"
        + " `value.converter`, `exactly.once.support`, `transaction.boundary` and `producer.override.*`.\n");
    return md.toString();
  }
}
