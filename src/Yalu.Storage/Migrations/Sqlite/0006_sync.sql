-- Version 4 (SQLite): two banks, one market. The node's identity, the peers it trusts, the signed
-- event log, and the home node of every record (NULL: this node; otherwise the peer's node id, and
-- the row is a replica applied from that peer's signed events, never written here otherwise).

-- The node's own identity: one row. Its private keys are NOT here on SQLite: they live in the file
-- beside the database (DB.node-key, mode 0600); private_key stays NULL.
CREATE TABLE node_identity (
    id             INTEGER NOT NULL PRIMARY KEY CHECK (id = 1),
    node_id        TEXT    NOT NULL,
    name           TEXT    NOT NULL,
    side           TEXT    NOT NULL CHECK (side IN ('hyesan', 'changbai')),
    card           BLOB    NOT NULL,
    private_key    BLOB,
    created_at     TEXT    NOT NULL
) STRICT;

-- Peers whose bundles this node accepts. acked_seq: the highest of this node's own event numbers the
-- peer has said it applied (exports start after it).
CREATE TABLE peers (
    node_id        TEXT    NOT NULL PRIMARY KEY,
    name           TEXT    NOT NULL,
    side           TEXT    NOT NULL CHECK (side IN ('hyesan', 'changbai')),
    card           BLOB    NOT NULL,
    fingerprint    TEXT    NOT NULL,
    trusted_at     TEXT    NOT NULL,
    acked_seq      INTEGER NOT NULL DEFAULT 0 CHECK (acked_seq >= 0),
    last_export_at TEXT,
    last_import_at TEXT,
    revoked_at     TEXT
) STRICT;

-- The signed log: every event carries its writer's node id, that node's own gapless sequence number,
-- the hash of the encoded event and the encoded signed event itself (the canonical binary payload
-- inside it is what was signed). Rows written before the node had an identity (and the migrations'
-- own rows) have NULL here until the store signs them, in seq order, when it opens.
ALTER TABLE event_log ADD COLUMN node TEXT;
ALTER TABLE event_log ADD COLUMN node_seq INTEGER;
ALTER TABLE event_log ADD COLUMN hash BLOB;
ALTER TABLE event_log ADD COLUMN signed BLOB;
CREATE UNIQUE INDEX event_log_by_node ON event_log (node, node_seq) WHERE node IS NOT NULL;

ALTER TABLE traders ADD COLUMN home TEXT;
ALTER TABLE lots ADD COLUMN home TEXT;
ALTER TABLE want_lists ADD COLUMN home TEXT;
ALTER TABLE rounds ADD COLUMN home TEXT;
ALTER TABLE legs ADD COLUMN home TEXT;

-- A loop of a round that touches a lot of the other bank: proposed until the lot's home node has
-- imported the round and answered; accepted, or called off (its legs released, its lots reopened).
CREATE TABLE cross_loops (
    round_id       TEXT    NOT NULL REFERENCES rounds (id),
    exchange_index INTEGER NOT NULL,
    state          TEXT    NOT NULL CHECK (state IN ('proposed', 'accepted', 'called_off')),
    reason         TEXT,
    PRIMARY KEY (round_id, exchange_index)
) STRICT;
