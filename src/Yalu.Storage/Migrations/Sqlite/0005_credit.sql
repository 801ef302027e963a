-- Version 5 (SQLite): the mutual-credit ledger, IOUs and set-off runs (docs/credit.md).

-- The ledger: append-only, one row per double-entry posting. Each row credits one account and
-- debits another the same positive amount, so every posting balances and all balances sum to zero.
-- An account is a trader or, when NULL, the market's pool (donated lots, the end of a chain).
CREATE TABLE ledger_entries (
    seq            INTEGER PRIMARY KEY AUTOINCREMENT,
    at             TEXT    NOT NULL,
    kind           TEXT    NOT NULL CHECK (kind IN ('leg', 'iou', 'setoff')),
    reference      TEXT    NOT NULL CHECK (length(reference) BETWEEN 1 AND 120),
    credit_id      TEXT    REFERENCES traders (id),
    debit_id       TEXT    REFERENCES traders (id),
    amount         INTEGER NOT NULL CHECK (amount > 0),
    CHECK (credit_id IS NOT debit_id),
    UNIQUE (kind, reference)
) STRICT;
CREATE INDEX ledger_by_credit ON ledger_entries (credit_id);
CREATE INDEX ledger_by_debit ON ledger_entries (debit_id);
CREATE TRIGGER ledger_entries_no_update BEFORE UPDATE ON ledger_entries
BEGIN SELECT RAISE(ABORT, 'ledger entries are append-only'); END;
CREATE TRIGGER ledger_entries_no_delete BEFORE DELETE ON ledger_entries
BEGIN SELECT RAISE(ABORT, 'ledger entries are append-only'); END;

-- Bilateral IOUs. The memo is the parties' own words: never in event_log.
CREATE TABLE ious (
    id             TEXT    NOT NULL PRIMARY KEY,
    creditor_id    TEXT    NOT NULL REFERENCES traders (id),
    debtor_id      TEXT    NOT NULL REFERENCES traders (id),
    amount         INTEGER NOT NULL CHECK (amount > 0),
    remaining      INTEGER NOT NULL CHECK (remaining >= 0 AND remaining <= amount),
    memo           TEXT    NOT NULL CHECK (length(memo) <= 200),
    state          TEXT    NOT NULL CHECK (state IN ('proposed', 'accepted', 'declined', 'settled')),
    created_at     TEXT    NOT NULL,
    version        INTEGER NOT NULL CHECK (version >= 1),
    CHECK (creditor_id <> debtor_id),
    CHECK ((state = 'settled') = (remaining = 0))
) STRICT;
CREATE INDEX ious_by_creditor ON ious (creditor_id);
CREATE INDEX ious_by_debtor ON ious (debtor_id);
CREATE INDEX ious_by_state ON ious (state);

-- A keeper's set-off run over the accepted IOUs: its totals (the cancelled amounts are its ledger entries).
CREATE TABLE setoff_runs (
    id             TEXT    NOT NULL PRIMARY KEY,
    keeper_id      TEXT    NOT NULL REFERENCES traders (id),
    at             TEXT    NOT NULL,
    obligations    INTEGER NOT NULL CHECK (obligations >= 0),
    total          INTEGER NOT NULL CHECK (total >= 0),
    cleared        INTEGER NOT NULL CHECK (cleared >= 0 AND cleared <= total),
    remaining      INTEGER NOT NULL CHECK (remaining = total - cleared)
) STRICT;

-- A round with credit on never takes a trader below minus their limit.
ALTER TABLE rounds ADD COLUMN credit INTEGER NOT NULL DEFAULT 0 CHECK (credit IN (0, 1));
