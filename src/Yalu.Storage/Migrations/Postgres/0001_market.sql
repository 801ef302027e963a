-- Yalu market schema, version 1 (PostgreSQL). Same tables and constraints as the SQLite script,
-- with native types: uuid, timestamptz, numeric, boolean, jsonb.
CREATE TABLE traders (
    id             uuid        NOT NULL PRIMARY KEY,
    handle         text        NOT NULL,
    handle_key     text        NOT NULL UNIQUE,
    side           text        NOT NULL CHECK (side IN ('hyesan', 'changbai')),
    language       text        NOT NULL CHECK (language IN ('ko', 'zh', 'en')),
    role           text        NOT NULL CHECK (role IN ('trader', 'keeper')),
    credit_limit   bigint      NOT NULL CHECK (credit_limit >= 0),
    created_at     timestamptz NOT NULL
);

CREATE TABLE trader_credentials (
    trader_id      uuid        NOT NULL PRIMARY KEY REFERENCES traders (id),
    pass_hash      text        NOT NULL,
    updated_at     timestamptz NOT NULL
);

CREATE TABLE goods (
    id             text        NOT NULL PRIMARY KEY,
    category       text        NOT NULL,
    name_en        text        NOT NULL,
    name_ko        text        NOT NULL,
    name_zh        text        NOT NULL,
    unit           text        NOT NULL,
    price_low      bigint      NOT NULL,
    price_high     bigint      NOT NULL,
    CHECK (0 <= price_low AND price_low <= price_high)
);

CREATE TABLE lots (
    id             uuid        NOT NULL PRIMARY KEY,
    owner_id       uuid        NOT NULL REFERENCES traders (id),
    good_id        text        NOT NULL REFERENCES goods (id),
    quantity       numeric     NOT NULL,
    unit           text        NOT NULL,
    note           text        NOT NULL CHECK (length(note) <= 500),
    value          bigint      NOT NULL CHECK (value >= 0),
    is_donor       boolean     NOT NULL,
    group_id       uuid,
    state          text        NOT NULL CHECK (state IN ('open', 'matched', 'handed_over', 'withdrawn', 'expired')),
    created_at     timestamptz NOT NULL,
    version        bigint      NOT NULL CHECK (version >= 1)
);
CREATE INDEX lots_by_state ON lots (state, good_id);
CREATE INDEX lots_by_owner ON lots (owner_id);

CREATE TABLE want_lists (
    lot_id         uuid        NOT NULL PRIMARY KEY REFERENCES lots (id),
    owner_id       uuid        NOT NULL REFERENCES traders (id),
    updated_at     timestamptz NOT NULL
);

CREATE TABLE want_entries (
    lot_id         uuid        NOT NULL REFERENCES want_lists (lot_id) ON DELETE CASCADE,
    rank           integer     NOT NULL CHECK (rank >= 1),
    kind           text        NOT NULL CHECK (kind IN ('lot', 'good', 'category')),
    target_lot_id  uuid        REFERENCES lots (id),
    good_id        text        REFERENCES goods (id),
    category       text,
    min_percent    integer     NOT NULL,
    PRIMARY KEY (lot_id, rank)
);

CREATE TABLE kpw_rates (
    date           date        NOT NULL,
    place          text        NOT NULL,
    kpw_per_cny    numeric     NOT NULL,
    PRIMARY KEY (date, place)
);

CREATE TABLE rounds (
    id             uuid        NOT NULL PRIMARY KEY,
    keeper_id      uuid        NOT NULL REFERENCES traders (id),
    cycle_cap      integer     NOT NULL CHECK (cycle_cap BETWEEN 2 AND 6),
    chain_cap      integer     NOT NULL CHECK (chain_cap BETWEEN 0 AND 10),
    objective      text        NOT NULL CHECK (objective IN ('count', 'value', 'preference', 'essentials')),
    time_limit_ms  bigint      NOT NULL,
    state          text        NOT NULL CHECK (state IN ('scheduled', 'running', 'cleared', 'failed')),
    created_at     timestamptz NOT NULL,
    finished_at    timestamptz
);

CREATE TABLE legs (
    id             uuid        NOT NULL PRIMARY KEY,
    round_id       uuid        NOT NULL REFERENCES rounds (id),
    exchange_index integer     NOT NULL,
    position       integer     NOT NULL,
    giver_id       uuid        NOT NULL REFERENCES traders (id),
    lot_id         uuid        NOT NULL REFERENCES lots (id),
    receiver_id    uuid        NOT NULL REFERENCES traders (id),
    state          text        NOT NULL CHECK (state IN ('pending', 'confirmed', 'failed', 'released')),
    UNIQUE (round_id, exchange_index, position)
);
CREATE UNIQUE INDEX legs_one_pending_per_lot ON legs (lot_id) WHERE state = 'pending';

CREATE TABLE event_log (
    seq            bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at             timestamptz NOT NULL,
    actor          text        NOT NULL,
    kind           text        NOT NULL,
    subject        text        NOT NULL,
    payload        jsonb       NOT NULL
);
