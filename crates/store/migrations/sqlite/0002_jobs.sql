-- silkway store schema, version 2: analysis jobs and their results, kept
-- across restarts. The job document (state, progress, parameters, times,
-- error) is JSON in `body`; the columns queries filter or sort on are
-- copied out of it. Same tables and columns on SQLite and PostgreSQL.

CREATE TABLE jobs (
    id         TEXT PRIMARY KEY,
    kind       TEXT NOT NULL,
    state      TEXT NOT NULL,
    created_at TEXT NOT NULL,
    body       TEXT NOT NULL,
    result     TEXT
);
CREATE INDEX jobs_created ON jobs (created_at);
