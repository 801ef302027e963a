-- Version 4 (PostgreSQL): price bulletins imported from the other bank's node (issue 13). One
-- bulletin per market and day; a second one of the same day replaces the first. The price board
-- shows the newest. Goods are kept by code, not as a reference to goods: the other bank's catalog
-- may name a good this node's catalog does not have.
CREATE TABLE bulletins (
    market         text        NOT NULL CHECK (market IN ('hyesan', 'changbai')),
    date           date        NOT NULL,
    kpw_per_cny    numeric,
    imported_at    timestamptz NOT NULL,
    PRIMARY KEY (market, date)
);

CREATE TABLE bulletin_lines (
    market          text        NOT NULL,
    date            date        NOT NULL,
    position        integer     NOT NULL CHECK (position BETWEEN 1 AND 39),
    good            text        NOT NULL,
    median_per_unit bigint      NOT NULL CHECK (median_per_unit >= 0),
    legs            integer     NOT NULL CHECK (legs >= 0),
    PRIMARY KEY (market, date, position),
    UNIQUE (market, date, good),
    FOREIGN KEY (market, date) REFERENCES bulletins (market, date) ON DELETE CASCADE
);
