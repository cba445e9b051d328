-- Courier's transactional outbox table for PostgreSQL (dev.courier.runtime.Outbox writes it, the JDBC source's
-- mode=outbox relays it). Rows are read and deleted by id ranges: the primary key is the only index the relay needs.
CREATE TABLE IF NOT EXISTS courier_outbox (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  topic VARCHAR(249) NOT NULL,
  message_key BYTEA,
  message_value BYTEA,
  headers BYTEA,
  message_timestamp BIGINT NOT NULL,
  message_type VARCHAR(1000) NOT NULL
);
