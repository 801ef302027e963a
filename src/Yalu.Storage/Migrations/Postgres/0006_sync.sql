-- Version 4 (PostgreSQL): two banks, one market. The node's identity, the peers it trusts, the signed
-- event log, and the home node of every record (NULL: this node; otherwise the peer's node id, and
-- the row is a replica applied from that peer's signed events, never written here otherwise).

-- The node's own identity: one row. On PostgreSQL the private keys are kept here (several nodes
-- processes on one database are one market node and sign with one key); never logged, never exported.
CREATE TABLE node_identity (
    id             integer     NOT NULL PRIMARY KEY CHECK (id = 1),
    node_id        text        NOT NULL,
    name           text        NOT NULL,
    side           text        NOT NULL CHECK (side IN ('hyesan', 'changbai')),
    card           bytea       NOT NULL,
    private_key    bytea,
    created_at     timestamptz NOT NULL
);

CREATE TABLE peers (
    node_id        text        NOT NULL PRIMARY KEY,
    name           text        NOT NULL,
    side           text        NOT NULL CHECK (side IN ('hyesan', 'changbai')),
    card           bytea       NOT NULL,
    fingerprint    text        NOT NULL,
    trusted_at     timestamptz NOT NULL,
    acked_seq      bigint      NOT NULL DEFAULT 0 CHECK (acked_seq >= 0),
    last_export_at timestamptz,
    last_import_at timestamptz,
    revoked_at     timestamptz
);

ALTER TABLE event_log ADD COLUMN node text;
ALTER TABLE event_log ADD COLUMN node_seq bigint;
ALTER TABLE event_log ADD COLUMN hash bytea;
ALTER TABLE event_log ADD COLUMN signed bytea;
CREATE UNIQUE INDEX event_log_by_node ON event_log (node, node_seq) WHERE node IS NOT NULL;

ALTER TABLE traders ADD COLUMN home text;
ALTER TABLE lots ADD COLUMN home text;
ALTER TABLE want_lists ADD COLUMN home text;
ALTER TABLE rounds ADD COLUMN home text;
ALTER TABLE legs ADD COLUMN home text;

CREATE TABLE cross_loops (
    round_id       uuid        NOT NULL REFERENCES rounds (id),
    exchange_index integer     NOT NULL,
    state          text        NOT NULL CHECK (state IN ('proposed', 'accepted', 'called_off')),
    reason         text,
    PRIMARY KEY (round_id, exchange_index)
);
