/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.connect.jdbc;

import dev.courier.connect.docs.ConfigTables;
import org.apache.kafka.common.config.ConfigDef;

/**
 * Writes the reference page of the JDBC source from its {@link ConfigDef}, so key docs are written once: in the
 * {@code *_DOC} constants. The prose around the tables is here; the tables are the definition's.
 */
final class JdbcReferenceDocs {

  static final String REGENERATE = "./mvnw -pl connector -am test -Dtest=JdbcReferenceDocsTest"
      + " -Dsurefire.failIfNoSpecifiedTests=false -Dcourier.docs.write=true";

  private JdbcReferenceDocs() {}

  /**
   * The Markdown reference of {@code JdbcSourceConnector}.
   *
   * @return the page
   */
  static String page() {
    StringBuilder md = new StringBuilder();
    md.append("<!-- Generated from JdbcSourceConnectorConfig's ConfigDef by JdbcReferenceDocsTest; do not edit.\n")
        .append("     Regenerate: ").append(REGENERATE).append(" -->\n\n");
    md.append("# JDBC source connector reference\n\n")
        .append("`dev.courier.connect.jdbc.JdbcSourceConnector` streams the rows of database tables, or of one"
            + " query, into a topic: in **bulk** mode (a snapshot every `poll.interval.ms`), **incrementing** mode"
            + " (new rows, in order of an auto-increment id) or **timestamp+incrementing** mode (new and updated"
            + " rows, in order of a timestamp column, then the id). PostgreSQL and MariaDB drivers are bundled;"
            + " H2 and other databases work with their driver in the plugin's `lib/`.\n\n");

    md.append("## How rows are found, and why none is lost\n\n")
        .append("Query-based sources lose rows when transactions commit out of order: a transaction takes id 10,"
            + " another takes id 11 and commits, the source reads 11 and moves its offset past 10, then 10 commits"
            + " and is never read. The same happens with timestamps set by long transactions. This connector reads"
            + " each source in cycles:\n\n")
        .append("1. Read the newest position `H`: the largest incrementing value (incrementing mode), or the"
            + " database clock cut to the timestamp column's precision (timestamp+incrementing mode).\n")
        .append("2. Wait the lag (`incrementing.lag.ms` or `timestamp.lag.ms`).\n")
        .append("3. With `commit.barrier=auto`, list the in-flight transactions that could still commit rows of the"
            + " source, and wait until every one of them has ended (the barrier).\n")
        .append("4. Read the rows after the last delivered position and up to `H` (incrementing: `id <= H`;"
            + " timestamp: `ts < H`) with one streaming query in position order, and deliver them.\n\n")
        .append("A row at or below `H` that commits after the read would have to belong to a transaction that was"
            + " not listed in step 3, so the guarantee is: **a row is delivered unless its transaction took its"
            + " position value (the id, or the timestamp) and then became visible to the barrier more than the lag"
            + " later**. What \"visible to the barrier\" means depends on the database:\n\n")
        .append("| database | the barrier waits for | a transaction is visible from |\n|---|---|---|\n")
        .append("| PostgreSQL | transactions holding RowExclusiveLock or a stronger lock on the table, its partitions"
            + " and inheritance children, or the incrementing column's sequence (for `query` or a view: on any"
            + " relation of the database), from `pg_locks`; prepared (two-phase) transactions included |"
            + " its first write to the table, or its first `nextval` on the sequence (both lock before the value"
            + " exists; the locks are held to the end of the transaction) |\n")
        .append("| MariaDB, MySQL | every InnoDB transaction except autocommit reads and `START TRANSACTION READ ONLY`"
            + " ones, from `information_schema.INNODB_TRX` (needs the PROCESS privilege); at least 1 s after `H` is"
            + " read | its first InnoDB read or write (an AUTO_INCREMENT value is handed out within the row insert"
            + " that registers the transaction, which the 1 s minimum covers) |\n")
        .append("| H2 | sessions with uncommitted changes | its first write |\n")
        .append("| others | no barrier: `validate()` asks for `commit.barrier=none` | never: only the lag protects |\n")
        .append("\nWhat this guarantees, per mode (with `commit.barrier=auto`):\n\n")
        .append("| mode | PostgreSQL | MariaDB / MySQL |\n|---|---|---|\n")
        .append("| incrementing | **No row is lost** whose id comes from the column's own sequence (SERIAL, IDENTITY,"
            + " DEFAULT nextval) in the inserting transaction, with any lag: validate() checks the sequence has"
            + " CACHE 1 (a cached sequence hands out ids out of order across sessions). Ids set by the application"
            + " are safe when the transaction writes the table within `incrementing.lag.ms` of taking the id; ids"
            + " taken in another transaction (Hibernate's pooled optimizer) are not safe. | **No row is lost**"
            + " whose id is an AUTO_INCREMENT value (single primary; not with several Galera writers or"
            + " `auto_increment_increment` across servers). Ids set by the application: as for PostgreSQL. |\n")
        .append("| timestamp+incrementing | A row is delivered if its transaction wrote the table within"
            + " `timestamp.lag.ms` of its timestamp value. For `clock_timestamp()` or `statement_timestamp()` in"
            + " the writing statement, that is the statement's own start-up; for `now()` (the transaction's start)"
            + " it is how long the transaction runs before it writes the table. After that, the transaction may"
            + " run as long as it likes. | A row is delivered if its transaction started within `timestamp.lag.ms`"
            + " of its timestamp value (`NOW()`, `CURRENT_TIMESTAMP` and `ON UPDATE CURRENT_TIMESTAMP` are the"
            + " statement's start, so any transaction qualifies unless it waited longer than the lag before it)."
            + " |\n")
        .append("| bulk | Each snapshot is one statement's consistent snapshot. | Each snapshot is one statement's"
            + " consistent read. |\n\n")
        .append("With `commit.barrier=none` a row is delivered only if it commits within the lag of its position"
            + " becoming the newest (incrementing) or of its timestamp value (timestamp+incrementing), which is"
            + " what other query-based sources offer with their delay settings.\n\n")
        .append("The barrier can delay rows, never lose them: the connector cannot see which values an open"
            + " transaction holds, so a transaction that stays open after it wrote (a long batch job, a session idle"
            + " in a transaction) holds back every row that is not delivered yet when it is listed, until it ends;"
            + " the task logs the wait at INFO and reports it in `barrier-wait-ms`. On MariaDB any open InnoDB"
            + " transaction that may write holds back every source; on PostgreSQL only the tables (and sequence) it"
            + " wrote.\n\n")
        .append("Never seen, in any mode: deleted rows; in incrementing mode, updates; a row updated several times"
            + " between two reads is delivered once, in its latest state; a row whose timestamp is moved back below"
            + " the delivered position; rows whose incrementing or timestamp value is NULL (validate() refuses"
            + " nullable position columns of tables). Timestamps compare with the database clock: timestamps"
            + " written by application clocks must be within the lag of it, and a column without time zone must be"
            + " written in `db.timezone`.\n\n");

    md.append("## Offsets and exactly-once delivery\n\n")
        .append("- **Partitions**: `{\"table\": \"<name as written in table.names>\"}` per table, or"
            + " `{\"query\": \"query\"}`.\n")
        .append("- **Offsets**: each record's offset is its row's position: `{\"incrementing\": 42}`, or"
            + " `{\"timestamp\": \"2026-11-27T10:15:30.123456\", \"incrementing\": 42}` (a column with time zone"
            + " as the UTC instant `2026-11-27T09:15:30.123456Z`); bulk records carry"
            + " `{\"snapshot.started\": <epoch ms>}`. A restarted task reads the rows after the committed offset:"
            + " nothing is read twice or skipped. Offsets can be changed or reset with Connect's offsets REST API"
            + " (KIP-875); `alterOffsets` refuses partitions of tables that are not configured and offsets that do"
            + " not fit the mode.\n")
        .append("- **Exactly once**: in incrementing and timestamp+incrementing modes `exactlyOnceSupport()` is"
            + " `SUPPORTED`; with the worker's `exactly.once.source.support=enabled`, records, dead-letter records"
            + " and offsets are committed in one transaction. With `transaction.boundary=poll` (the default) each"
            + " `poll()` is a transaction; a poll returns the rows of one source and, in timestamp+incrementing"
            + " mode, ends where the timestamp changes whenever its rows hold more than one timestamp, so rows with"
            + " the same timestamp are committed together (a group larger than `poll.max.records` is split, unless"
            + " `transaction.boundary=connector`). With `transaction.boundary=connector`, a transaction is"
            + " committed only after a batch that ends a timestamp group (incrementing: after every batch; bulk:"
            + " after each whole snapshot). Bulk mode is `SUPPORTED` only with"
            + " `transaction.boundary=connector`: a snapshot has no position inside it, so it is delivered whole"
            + " or, after a failure, aborted and taken again.\n\n");

    md.append("## Memory and load\n\n")
        .append("Rows are streamed, never loaded whole: PostgreSQL reads through a cursor (`fetch.size` rows per"
            + " round trip) inside a read-only use of a transaction, which is held for one read and so keeps VACUUM"
            + " from removing rows deleted meanwhile for that long; MariaDB uses a streaming result set"
            + " (`fetch.size` > 0; the barrier's and other queries run between reads, never during one). A task"
            + " holds at most `fetch.size` rows in the driver, one batch (`poll.max.records`, `poll.max.bytes`) and"
            + " the rows it carries over to keep a timestamp group together. Each cycle runs `SELECT MAX(...)` on"
            + " the position column (index it) and the barrier's query; a table is checked every"
            + " `poll.interval.ms` once it is caught up. Tasks split the tables (table `i` to task `i mod n`); a"
            + " query has one task. A task reads its tables in turn, one streaming read at a time, over one"
            + " connection; after a lost connection or another transient error it reconnects after"
            + " `connection.backoff.ms` and reads again from the last row it returned.\n\n");

    md.append("## Read-only connections and credentials\n\n")
        .append("Every connection of a task and of `validate()` is read-only on the server, so neither the"
            + " connector's SQL nor a custom `query` (or a function it calls) can write. PostgreSQL: the driver"
            + " property `readOnlyMode=always` with `setReadOnly(true)`, so pgjdbc makes the session's transactions"
            + " `READ ONLY` in autocommit too (its default, `transaction`, would cover only transactions begun with"
            + " autocommit off); the connector then checks `transaction_read_only` and refuses a URL whose"
            + " `readOnlyMode` undoes it. MariaDB and MySQL: `SET SESSION TRANSACTION READ ONLY`, since the MariaDB"
            + " driver's `setReadOnly(true)` sends nothing to the server. H2 and other databases get"
            + " `setReadOnly(true)`, which H2 ignores: give the connector's user SELECT only. `validate()` reads the"
            + " first row of a custom `query` (within `connection.timeout.ms`) and inspects it inside such read-only"
            + " transactions and rolls them back, so a query that writes is reported on `query` and leaves"
            + " nothing. Read-only sessions guard against mistakes, not against a query written to get around them"
            + " (on PostgreSQL, dblink opens a session of its own): the connector's user needs SELECT only.\n\n")
        .append("`connection.url` is a password-type key: Kafka shows it as `[hidden]` in config dumps and in"
            + " validate responses. Courier's own logs and error messages show it with every credential masked"
            + " (`password=`, `sslpassword=`, `trustStorePassword=` and other keys naming a password, secret or"
            + " token, after `?`, `&` or `;`, or inside MySQL's `(host=...,password=...)`; the password of"
            + " `user:password@host`), and mask those values wherever a driver's message repeats them. Connect's"
            + " REST API (`GET /connectors/{name}/config`) and config topic hold the configuration as given: keep"
            + " secrets in `connection.password` behind a config provider (`${file:...}`).\n\n");

    md.append("## Column types\n\n")
        .append("Without `message.class`, a record's value is a `Struct` with one field per column, named by the"
            + " column label, optional when the column is nullable; `key.field` names the column whose value is the"
            + " key. Every column of the table (or query) is read, so nothing is dropped; a type not listed here is"
            + " refused by `validate()` (cast it in a query).\n\n")
        .append("| column type | Connect type | `temporal.mapping=connect` |\n|---|---|---|\n")
        .append("| BOOLEAN, BIT(1) (PostgreSQL `bool`, MariaDB `BIT(1)`) | BOOLEAN | |\n")
        .append("| TINYINT (MariaDB TINYINT(1) and BOOLEAN too: the driver is told not to turn them into booleans)"
            + " | INT8 | |\n")
        .append("| SMALLINT, TINYINT UNSIGNED, YEAR | INT16 | |\n")
        .append("| INTEGER, MEDIUMINT, SMALLINT UNSIGNED | INT32 | |\n")
        .append("| BIGINT, INTEGER UNSIGNED | INT64 | |\n")
        .append("| BIGINT UNSIGNED | Decimal (scale 0) | |\n")
        .append("| REAL, MariaDB FLOAT | FLOAT32 | |\n")
        .append("| DOUBLE PRECISION, FLOAT | FLOAT64 | |\n")
        .append("| NUMERIC/DECIMAL(p, s) | Decimal (logical, scale s); with `JsonConverter` set"
            + " `value.converter.decimal.format=NUMERIC` to get JSON numbers | |\n")
        .append("| PostgreSQL NUMERIC without precision | STRING with the exact digits (Decimal needs a fixed scale);"
            + " `NaN` stays `NaN` | |\n")
        .append("| CHAR, VARCHAR, TEXT, CLOB, JSON, JSONB, UUID, ENUM, XML, INTERVAL, INET, PostgreSQL `money` and"
            + " `bit(n)` | STRING (the database's text form) | |\n")
        .append("| BINARY, VARBINARY, BLOB, `bytea`, MariaDB BIT(n > 1) | BYTES | |\n")
        .append("| DATE | STRING `2026-11-27` | Date |\n")
        .append("| TIME | STRING `10:15:30.123456` | Time (milliseconds) |\n")
        .append("| TIME WITH TIME ZONE | STRING `10:15:30+02:00` | refused |\n")
        .append("| TIMESTAMP, MariaDB DATETIME and TIMESTAMP | STRING `2026-11-27T10:15:30.123456` (wall clock;"
            + " MariaDB TIMESTAMP in `db.timezone`) | Timestamp, the wall clock read as UTC |\n")
        .append("| TIMESTAMP WITH TIME ZONE | STRING, the UTC instant `2026-11-27T09:15:30.123456Z` | Timestamp |\n")
        .append("| SQL NULL type (`SELECT NULL AS x`) | optional STRING, always null | |\n")
        .append("| arrays, structs, geometry and other types | refused by `validate()` | |\n\n")
        .append("Strings are in the form `java.time`'s `toString()` writes (as Courier's generated JSON codec does:"
            + " trailing zero seconds are left out). `temporal.mapping=connect` keeps milliseconds only, so"
            + " `validate()` refuses TIME and TIMESTAMP columns with more than 3 fractional digits; a value that"
            + " does not fit its Connect type exactly is a bad record, never rounded.\n\n");

    md.append("## message.class\n\n")
        .append("With `message.class`, each row becomes the record the `@KafkaMessage` type's generated producer"
            + " would send for the same message: the row is handed to the type's generated deserializer as a JSON"
            + " document of its cells, and the message goes through the generated `toRecord` and serializers, so"
            + " the key, value and headers are the producer's bytes and the three converters must be"
            + " `ByteArrayConverter` (see the file source's reference). Each member is read from the column of the same name (exactly,"
            + " else ignoring case; rename columns with a query and `AS \"memberName\"`). `validate()` refuses a"
            + " member without a column, a column that is neither a member nor a position column, and these"
            + " pairs of member kind and column type only:\n\n")
        .append("| member kind | columns it can be read from |\n|---|---|\n")
        .append("| BOOLEAN | boolean; integer (0 or 1, else a bad record); text (`true`/`false`) |\n")
        .append("| INT8, INT16, INT32, INT64, BIG_INTEGER | integer, exact numeric (a whole value), text; out of the"
            + " member's range is a bad record |\n")
        .append("| FLOAT32, FLOAT64 | any numeric, text |\n")
        .append("| DECIMAL | integer, exact numeric, text (not floating point, which is not exact) |\n")
        .append("| CHAR, STRING, ENUM, UUID | text (an ENUM must be a constant name, a UUID canonical, a CHAR one"
            + " character) |\n")
        .append("| INSTANT, OFFSET_DATE_TIME | TIMESTAMP WITH TIME ZONE, ISO-8601 text |\n")
        .append("| LOCAL_DATE_TIME | TIMESTAMP, ISO-8601 text |\n")
        .append("| LOCAL_DATE | DATE, ISO-8601 text |\n")
        .append("| BYTES | binary, base64 text |\n")
        .append("| ARRAY, MAP, STRUCT | none |\n\n")
        .append("A NULL in a column of a required member, and a value a member cannot hold, are bad records.\n\n");

    md.append("## Bad records\n\n")
        .append("A row whose value cannot become a record (a value out of its member's or Connect type's range, a"
            + " NULL for a required member, a value the driver cannot read) is a bad record;"
            + " `bad.record.policy` decides:\n\n")
        .append("| policy | what happens |\n|---|---|\n")
        .append("| `fail` | the good rows before it are delivered, then the task fails with `Bad record in table"
            + " <name> row at incrementing=<id>: <reason>` |\n")
        .append("| `skip` | logged at WARN with table, position and reason; counted in `bad-records-total` |\n")
        .append("| `dead-letter` | the row as a JSON object of its raw column values (a string value, null key, cut at"
            + " 64 KiB) goes to `bad.record.dead.letter.topic` in the same transaction, with string headers"
            + " `courier.error.reason`, `courier.error.table` (or `courier.error.query`), `courier.error.position`"
            + " and `courier.error.connector` |\n\n");

    md.append("## Producer settings\n\n")
        .append("`producer.override.*` keys are checked in `validate()` by Courier's shared producer rules, each error"
            + " on its `producer.override.<key>`; when `message.class` fixes a producer setting, the connector config"
            + " must set the same value (see the producer overrides reference).\n\n");

    md.append("## Metrics\n\n")
        .append("Per task, through the worker's plugin metrics (JMX"
            + " `kafka.connect:type=plugins,connector=<name>,task=<n>`, and every metrics reporter of the worker;"
            + " before Kafka Connect 4.1, JMX only, under the same name):"
            + " `rows-read-total`, `bad-records-total`, `snapshots-total` (bulk), `incrementing-lag` (the newest"
            + " incrementing value seen minus the last delivered one: about the rows behind), `timestamp-lag-ms`"
            + " (the newest timestamp seen minus the last delivered one), `barrier-wait-ms` (how long the oldest"
            + " newest-position seen has waited for the lag and the barrier), `poll-duration-ms` (the last"
            + " `poll()`) and `poll-duration-max-ms`.\n\n");

    md.append("## Configuration\n");
    ConfigTables.append(md, JdbcSourceConnectorConfig.configDef());
    md.append("\nConnect's own connector keys apply as well, notably `tasks.max`, `key.converter`,"
        + " `value.converter`, `exactly.once.support` and `transaction.boundary`.\n");
    return md.toString();
  }
}
