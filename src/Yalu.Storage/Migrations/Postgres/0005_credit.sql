-- Version 5 (PostgreSQL): the mutual-credit ledger, IOUs and set-off runs (docs/credit.md).

-- The ledger: append-only, one row per double-entry posting. Each row credits one account and
-- debits another the same positive amount, so every posting balances and all balances sum to zero.
-- An account is a trader or, when NULL, the market's pool (donated lots, the end of a chain).
CREATE TABLE ledger_entries (
    seq            bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at             timestamptz NOT NULL,
    kind           text        NOT NULL CHECK (kind IN ('leg', 'iou', 'setoff')),
    reference      text        NOT NULL CHECK (length(reference) BETWEEN 1 AND 120),
    credit_id      uuid        REFERENCES traders (id),
    debit_id       uuid        REFERENCES traders (id),
    amount         bigint      NOT NULL CHECK (amount > 0),
    CHECK (credit_id IS DISTINCT FROM debit_id),
    UNIQUE (kind, reference)
);
CREATE INDEX ledger_by_credit ON ledger_entries (credit_id);
CREATE INDEX ledger_by_debit ON ledger_entries (debit_id);
CREATE FUNCTION ledger_entries_append_only() RETURNS trigger LANGUAGE plpgsql AS
$$ BEGIN RAISE EXCEPTION 'ledger entries are append-only'; END $$;
CREATE TRIGGER ledger_entries_no_change BEFORE UPDATE OR DELETE ON ledger_entries
    FOR EACH ROW EXECUTE FUNCTION ledger_entries_append_only();

-- Bilateral IOUs. The memo is the parties' own words: never in event_log.
CREATE TABLE ious (
    id             uuid        NOT NULL PRIMARY KEY,
    creditor_id    uuid        NOT NULL REFERENCES traders (id),
    debtor_id      uuid        NOT NULL REFERENCES traders (id),
    amount         bigint      NOT NULL CHECK (amount > 0),
    remaining      bigint      NOT NULL CHECK (remaining >= 0 AND remaining <= amount),
    memo           text        NOT NULL CHECK (length(memo) <= 200),
    state          text        NOT NULL CHECK (state IN ('proposed', 'accepted', 'declined', 'settled')),
    created_at     timestamptz NOT NULL,
    version        bigint      NOT NULL CHECK (version >= 1),
    CHECK (creditor_id <> debtor_id),
    CHECK ((state = 'settled') = (remaining = 0))
);
CREATE INDEX ious_by_creditor ON ious (creditor_id);
CREATE INDEX ious_by_debtor ON ious (debtor_id);
CREATE INDEX ious_by_state ON ious (state);

-- A keeper's set-off run over the accepted IOUs: its totals (the cancelled amounts are its ledger entries).
CREATE TABLE setoff_runs (
    id             uuid        NOT NULL PRIMARY KEY,
    keeper_id      uuid        NOT NULL REFERENCES traders (id),
    at             timestamptz NOT NULL,
    obligations    integer     NOT NULL CHECK (obligations >= 0),
    total          bigint      NOT NULL CHECK (total >= 0),
    cleared        bigint      NOT NULL CHECK (cleared >= 0 AND cleared <= total),
    remaining      bigint      NOT NULL CHECK (remaining = total - cleared)
);

-- A round with credit on never takes a trader below minus their limit.
ALTER TABLE rounds ADD COLUMN credit boolean NOT NULL DEFAULT false;
