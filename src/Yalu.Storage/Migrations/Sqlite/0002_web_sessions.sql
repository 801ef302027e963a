-- Version 2 (SQLite): the web side's node-local state. Neither table is a market fact, so neither
-- writes to event_log or travels in bundles.
-- Sessions: only the SHA-256 of a token is kept, so a copy of the file lets nobody log in.
CREATE TABLE sessions (
    token_hash     TEXT    NOT NULL PRIMARY KEY,
    trader_id      TEXT    NOT NULL REFERENCES traders (id),
    created_at     TEXT    NOT NULL,
    expires_at     TEXT    NOT NULL
) STRICT;
CREATE INDEX sessions_by_trader ON sessions (trader_id);

-- Idempotency keys: the first response to a write, replayed to a retry with the same key. The key
-- itself is stored only hashed with its caller; the request fingerprint is an HMAC keyed by the key.
CREATE TABLE idempotency_keys (
    key_hash       TEXT    NOT NULL PRIMARY KEY,
    fingerprint    TEXT    NOT NULL,
    status         INTEGER NOT NULL CHECK (status BETWEEN 100 AND 599),
    content_type   TEXT,
    location       TEXT,
    body           BLOB    NOT NULL,
    created_at     TEXT    NOT NULL
) STRICT;
CREATE INDEX idempotency_keys_by_age ON idempotency_keys (created_at);
