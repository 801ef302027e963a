-- Version 3 (PostgreSQL): what several nodes sharing one database need.

-- At most one round per market is scheduled or running: the database keeps it, whichever node
-- starts the round. Rounds left scheduled or running by an earlier version can only be orphans
-- (earlier versions took no market-wide clearing lock), so they are marked failed first, each with its event.
INSERT INTO event_log (at, actor, kind, subject, payload)
    SELECT now(), 'node', 'round.updated', id::text, jsonb_build_object('id', id::text, 'state', 'failed')
    FROM rounds WHERE state IN ('scheduled', 'running') ORDER BY created_at, id;
UPDATE rounds SET state = 'failed', finished_at = now() WHERE state IN ('scheduled', 'running');
CREATE UNIQUE INDEX rounds_one_active ON rounds ((state IN ('scheduled', 'running'))) WHERE state IN ('scheduled', 'running');

-- ASP.NET Core data-protection keys (antiforgery tokens), shared by every node on the database.
-- Secret: never logged, never in event_log, never in a bundle.
CREATE TABLE data_protection_keys (
    friendly_name  text        NOT NULL PRIMARY KEY,
    xml            text        NOT NULL,
    created_at     timestamptz NOT NULL
);
