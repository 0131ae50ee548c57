-- sanctum ledger schema, migration 1: secrets, audit events, chain anchor.
-- Applied by the library (core/src/ledger/db.c) inside one transaction together with
-- PRAGMA user_version = 1. Never edit a released migration: add the next number instead.

CREATE TABLE secrets (
    id               INTEGER PRIMARY KEY,
    name             TEXT    NOT NULL UNIQUE CHECK (length(name) BETWEEN 1 AND 256),
    provider         TEXT    NOT NULL CHECK (length(provider) BETWEEN 1 AND 256),
    kind             TEXT    NOT NULL DEFAULT '',
    locations        TEXT    NOT NULL DEFAULT '',
    created_at       INTEGER NOT NULL,
    rotated_at       INTEGER NOT NULL,
    max_age_days     INTEGER NOT NULL CHECK (max_age_days BETWEEN 1 AND 36500),
    auto_rotate_days INTEGER CHECK (auto_rotate_days IS NULL OR auto_rotate_days BETWEEN 1 AND 36500),
    method           TEXT    NOT NULL CHECK (method IN ('api', 'manual')),
    owner            TEXT    NOT NULL DEFAULT '',
    notes            TEXT    NOT NULL DEFAULT '',
    state            TEXT    NOT NULL CHECK (state IN ('active', 'retired')),
    fingerprint      BLOB    CHECK (fingerprint IS NULL OR length(fingerprint) = 32),
    rotations        INTEGER NOT NULL DEFAULT 0 CHECK (rotations >= 0)
) STRICT;

CREATE INDEX secrets_by_fingerprint ON secrets (fingerprint) WHERE fingerprint IS NOT NULL;

-- The audit trail. mac = keyed BLAKE2b over the canonical encoding of the event (computed in C),
-- which includes prev (the mac of the event before). UNIQUE on prev makes a fork impossible to commit.
CREATE TABLE events (
    seq       INTEGER PRIMARY KEY CHECK (seq >= 1),
    at        INTEGER NOT NULL,
    actor     TEXT    NOT NULL,
    action    TEXT    NOT NULL CHECK (action IN ('add', 'rotate', 'retire')),
    secret_id INTEGER NOT NULL REFERENCES secrets (id) ON DELETE RESTRICT,
    secret    TEXT    NOT NULL,
    before    TEXT    NOT NULL,
    after     TEXT    NOT NULL,
    prev      BLOB    NOT NULL UNIQUE CHECK (length(prev) = 32),
    mac       BLOB    NOT NULL UNIQUE CHECK (length(mac) = 32)
) STRICT;

CREATE INDEX events_by_secret ON events (secret, seq);

-- One row: the chain head and event count, sealed with a keyed MAC. Rewritten with every event.
CREATE TABLE anchor (
    id    INTEGER PRIMARY KEY CHECK (id = 1),
    count INTEGER NOT NULL CHECK (count >= 0),
    head  BLOB    NOT NULL CHECK (length(head) = 32),
    mac   BLOB    NOT NULL CHECK (length(mac) = 32)
) STRICT;

-- key_check: keyed MAC of a fixed label, so a wrong key is reported as such.
CREATE TABLE meta (
    k TEXT PRIMARY KEY,
    v BLOB NOT NULL
) STRICT;

-- Guards against accidental edits only: the sqlite3 shell can drop them. The MAC chain is the check.
CREATE TRIGGER events_no_update BEFORE UPDATE ON events
BEGIN SELECT RAISE(ABORT, 'audit events are append-only'); END;
CREATE TRIGGER events_no_delete BEFORE DELETE ON events
BEGIN SELECT RAISE(ABORT, 'audit events are append-only'); END;
CREATE TRIGGER secrets_no_delete BEFORE DELETE ON secrets
BEGIN SELECT RAISE(ABORT, 'secrets are retired, never deleted'); END;
