-- Version 4 (SQLite): price bulletins imported from the other bank's node (issue 13). One bulletin
-- per market and day; a second one of the same day replaces the first. The price board shows the
-- newest. Goods are kept by code, not as a reference to goods: the other bank's catalog may name a
-- good this node's catalog does not have.
CREATE TABLE bulletins (
    market         TEXT    NOT NULL CHECK (market IN ('hyesan', 'changbai')),
    date           TEXT    NOT NULL,
    kpw_per_cny    TEXT,
    imported_at    TEXT    NOT NULL,
    PRIMARY KEY (market, date)
) STRICT;

CREATE TABLE bulletin_lines (
    market          TEXT    NOT NULL,
    date            TEXT    NOT NULL,
    position        INTEGER NOT NULL CHECK (position BETWEEN 1 AND 39),
    good            TEXT    NOT NULL,
    median_per_unit INTEGER NOT NULL CHECK (median_per_unit >= 0),
    legs            INTEGER NOT NULL CHECK (legs >= 0),
    PRIMARY KEY (market, date, position),
    UNIQUE (market, date, good),
    FOREIGN KEY (market, date) REFERENCES bulletins (market, date) ON DELETE CASCADE
) STRICT;
