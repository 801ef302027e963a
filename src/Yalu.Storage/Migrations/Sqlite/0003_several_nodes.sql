-- Version 3 (SQLite): what several nodes sharing one database need (PostgreSQL is the provider for
-- that; SQLite gets the same schema so both stores behave alike).

-- At most one round per market is scheduled or running: the database keeps it, whichever node
-- starts the round. Rounds left scheduled or running by an earlier version can only be orphans (no
-- node runs while its database migrates), so they are marked failed first, each with its event.
INSERT INTO event_log (at, actor, kind, subject, payload)
    SELECT strftime('%Y-%m-%d %H:%M:%f', 'now') || '+00:00', 'node', 'round.updated', id, json_object('id', id, 'state', 'failed')
    FROM rounds WHERE state IN ('scheduled', 'running') ORDER BY created_at, id;
UPDATE rounds SET state = 'failed', finished_at = strftime('%Y-%m-%d %H:%M:%f', 'now') || '+00:00'
    WHERE state IN ('scheduled', 'running');
CREATE UNIQUE INDEX rounds_one_active ON rounds ((state IN ('scheduled', 'running'))) WHERE state IN ('scheduled', 'running');

-- ASP.NET Core data-protection keys (antiforgery tokens), shared by every node on the database.
-- Secret: never logged, never in event_log, never in a bundle.
CREATE TABLE data_protection_keys (
    friendly_name  TEXT    NOT NULL PRIMARY KEY,
    xml            TEXT    NOT NULL,
    created_at     TEXT    NOT NULL
) STRICT;
