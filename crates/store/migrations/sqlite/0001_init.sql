-- silkway store schema, version 1 (SQLite). Keep in step with
-- migrations/postgres/0001_init.sql: same tables, columns and indexes.

CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

-- Scenario entities, link definitions and EO tasking documents: one JSON
-- document per (kind, id), with the columns queries filter on.
CREATE TABLE resources (
    seq        INTEGER PRIMARY KEY AUTOINCREMENT,
    kind       TEXT NOT NULL,
    id         TEXT NOT NULL,
    owner_org  TEXT,
    status     TEXT,
    body       TEXT NOT NULL,
    revision   INTEGER NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    UNIQUE (kind, id)
);
CREATE INDEX resources_owner ON resources (kind, owner_org);

CREATE TABLE users (
    seq           INTEGER PRIMARY KEY AUTOINCREMENT,
    id            TEXT NOT NULL UNIQUE,
    org_id        TEXT NOT NULL,
    email         TEXT NOT NULL UNIQUE,
    name          TEXT NOT NULL,
    role          TEXT NOT NULL,
    password_hash TEXT,
    created_at    TEXT NOT NULL
);
CREATE INDEX users_org ON users (org_id);

CREATE TABLE tokens (
    seq          INTEGER PRIMARY KEY AUTOINCREMENT,
    id           TEXT NOT NULL UNIQUE,
    user_id      TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    name         TEXT NOT NULL,
    token_sha256 TEXT NOT NULL UNIQUE,
    created_at   TEXT NOT NULL,
    revoked_at   TEXT
);
CREATE INDEX tokens_user ON tokens (user_id);

CREATE TABLE element_sets (
    seq          INTEGER PRIMARY KEY AUTOINCREMENT,
    satellite_id TEXT NOT NULL,
    norad_id     BIGINT NOT NULL,
    epoch        TEXT NOT NULL,
    line1        TEXT,
    line2        TEXT,
    elements     TEXT NOT NULL,
    source       TEXT NOT NULL,
    imported_at  TEXT NOT NULL,
    imported_by  TEXT
);
CREATE INDEX element_sets_satellite ON element_sets (satellite_id, epoch);

CREATE TABLE coordination_requests (
    seq        INTEGER PRIMARY KEY AUTOINCREMENT,
    id         TEXT NOT NULL UNIQUE,
    from_org   TEXT NOT NULL,
    to_org     TEXT NOT NULL,
    subject    TEXT NOT NULL,
    status     TEXT NOT NULL,
    body       TEXT NOT NULL,
    created_by TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX coordination_from ON coordination_requests (from_org);
CREATE INDEX coordination_to ON coordination_requests (to_org);

CREATE TABLE coordination_comments (
    seq        INTEGER PRIMARY KEY AUTOINCREMENT,
    request_id TEXT NOT NULL REFERENCES coordination_requests (id) ON DELETE CASCADE,
    org_id     TEXT NOT NULL,
    user_id    TEXT NOT NULL,
    text       TEXT NOT NULL,
    analysis   TEXT,
    created_at TEXT NOT NULL
);
CREATE INDEX coordination_comments_request ON coordination_comments (request_id);

CREATE TABLE audit_log (
    seq         INTEGER PRIMARY KEY AUTOINCREMENT,
    at          TEXT NOT NULL,
    actor_org   TEXT,
    actor_user  TEXT,
    token_id    TEXT,
    action      TEXT NOT NULL,
    kind        TEXT NOT NULL,
    resource_id TEXT NOT NULL,
    owner_org   TEXT,
    before_json TEXT,
    after_json  TEXT
);
CREATE INDEX audit_actor_org ON audit_log (actor_org);
CREATE INDEX audit_owner_org ON audit_log (owner_org);
