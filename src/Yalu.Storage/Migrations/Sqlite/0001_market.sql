-- Yalu market schema, version 1 (SQLite). Ids are lower-case hyphenated GUID text, times ISO-8601 text
-- (UTC), money integer fen, enums lower-case snake text with CHECK constraints.
CREATE TABLE traders (
    id             TEXT    NOT NULL PRIMARY KEY,
    handle         TEXT    NOT NULL,
    handle_key     TEXT    NOT NULL UNIQUE,
    side           TEXT    NOT NULL CHECK (side IN ('hyesan', 'changbai')),
    language       TEXT    NOT NULL CHECK (language IN ('ko', 'zh', 'en')),
    role           TEXT    NOT NULL CHECK (role IN ('trader', 'keeper')),
    credit_limit   INTEGER NOT NULL CHECK (credit_limit >= 0),
    created_at     TEXT    NOT NULL
) STRICT;

CREATE TABLE trader_credentials (
    trader_id      TEXT    NOT NULL PRIMARY KEY REFERENCES traders (id),
    pass_hash      TEXT    NOT NULL,
    updated_at     TEXT    NOT NULL
) STRICT;

CREATE TABLE goods (
    id             TEXT    NOT NULL PRIMARY KEY,
    category       TEXT    NOT NULL,
    name_en        TEXT    NOT NULL,
    name_ko        TEXT    NOT NULL,
    name_zh        TEXT    NOT NULL,
    unit           TEXT    NOT NULL,
    price_low      INTEGER NOT NULL,
    price_high     INTEGER NOT NULL,
    CHECK (0 <= price_low AND price_low <= price_high)
) STRICT;

CREATE TABLE lots (
    id             TEXT    NOT NULL PRIMARY KEY,
    owner_id       TEXT    NOT NULL REFERENCES traders (id),
    good_id        TEXT    NOT NULL REFERENCES goods (id),
    quantity       TEXT    NOT NULL,
    unit           TEXT    NOT NULL,
    note           TEXT    NOT NULL CHECK (length(note) <= 500),
    value          INTEGER NOT NULL CHECK (value >= 0),
    is_donor       INTEGER NOT NULL CHECK (is_donor IN (0, 1)),
    group_id       TEXT,
    state          TEXT    NOT NULL CHECK (state IN ('open', 'matched', 'handed_over', 'withdrawn', 'expired')),
    created_at     TEXT    NOT NULL,
    version        INTEGER NOT NULL CHECK (version >= 1)
) STRICT;
CREATE INDEX lots_by_state ON lots (state, good_id);
CREATE INDEX lots_by_owner ON lots (owner_id);

CREATE TABLE want_lists (
    lot_id         TEXT    NOT NULL PRIMARY KEY REFERENCES lots (id),
    owner_id       TEXT    NOT NULL REFERENCES traders (id),
    updated_at     TEXT    NOT NULL
) STRICT;

CREATE TABLE want_entries (
    lot_id         TEXT    NOT NULL REFERENCES want_lists (lot_id) ON DELETE CASCADE,
    rank           INTEGER NOT NULL CHECK (rank >= 1),
    kind           TEXT    NOT NULL CHECK (kind IN ('lot', 'good', 'category')),
    target_lot_id  TEXT    REFERENCES lots (id),
    good_id        TEXT    REFERENCES goods (id),
    category       TEXT,
    min_percent    INTEGER NOT NULL,
    PRIMARY KEY (lot_id, rank)
) STRICT;

CREATE TABLE kpw_rates (
    date           TEXT    NOT NULL,
    place          TEXT    NOT NULL,
    kpw_per_cny    TEXT    NOT NULL,
    PRIMARY KEY (date, place)
) STRICT;

CREATE TABLE rounds (
    id             TEXT    NOT NULL PRIMARY KEY,
    keeper_id      TEXT    NOT NULL REFERENCES traders (id),
    cycle_cap      INTEGER NOT NULL CHECK (cycle_cap BETWEEN 2 AND 6),
    chain_cap      INTEGER NOT NULL CHECK (chain_cap BETWEEN 0 AND 10),
    objective      TEXT    NOT NULL CHECK (objective IN ('count', 'value', 'preference', 'essentials')),
    time_limit_ms  INTEGER NOT NULL,
    state          TEXT    NOT NULL CHECK (state IN ('scheduled', 'running', 'cleared', 'failed')),
    created_at     TEXT    NOT NULL,
    finished_at    TEXT
) STRICT;

CREATE TABLE legs (
    id             TEXT    NOT NULL PRIMARY KEY,
    round_id       TEXT    NOT NULL REFERENCES rounds (id),
    exchange_index INTEGER NOT NULL,
    position       INTEGER NOT NULL,
    giver_id       TEXT    NOT NULL REFERENCES traders (id),
    lot_id         TEXT    NOT NULL REFERENCES lots (id),
    receiver_id    TEXT    NOT NULL REFERENCES traders (id),
    state          TEXT    NOT NULL CHECK (state IN ('pending', 'confirmed', 'failed', 'released')),
    UNIQUE (round_id, exchange_index, position)
) STRICT;
-- The invariant "a lot is in at most one pending leg", enforced by the database as well.
CREATE UNIQUE INDEX legs_one_pending_per_lot ON legs (lot_id) WHERE state = 'pending';

CREATE TABLE event_log (
    seq            INTEGER PRIMARY KEY AUTOINCREMENT,
    at             TEXT    NOT NULL,
    actor          TEXT    NOT NULL,
    kind           TEXT    NOT NULL,
    subject        TEXT    NOT NULL,
    payload        TEXT    NOT NULL CHECK (json_valid(payload))
) STRICT;
