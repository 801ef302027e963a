-- Version 2 (PostgreSQL): the web side's node-local state; same tables as the SQLite script.
CREATE TABLE sessions (
    token_hash     text        NOT NULL PRIMARY KEY,
    trader_id      uuid        NOT NULL REFERENCES traders (id),
    created_at     timestamptz NOT NULL,
    expires_at     timestamptz NOT NULL
);
CREATE INDEX sessions_by_trader ON sessions (trader_id);

CREATE TABLE idempotency_keys (
    key_hash       text        NOT NULL PRIMARY KEY,
    fingerprint    text        NOT NULL,
    status         integer     NOT NULL CHECK (status BETWEEN 100 AND 599),
    content_type   text,
    location       text,
    body           bytea       NOT NULL,
    created_at     timestamptz NOT NULL
);
CREATE INDEX idempotency_keys_by_age ON idempotency_keys (created_at);
