-- Migration 2: a provider-imposed hard expiry and a due-soon warning window per secret.
ALTER TABLE secrets ADD COLUMN expires_at INTEGER;
ALTER TABLE secrets ADD COLUMN due_soon_days INTEGER NOT NULL DEFAULT 14
    CHECK (due_soon_days BETWEEN 0 AND 36500);
