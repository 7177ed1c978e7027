-- The submission lease replaces the session advisory lock: plain statements on the row, so it works behind a pooler in
-- transaction mode and cannot leak with a pooled connection; a crashed holder's lease simply runs out.
ALTER TABLE generations
    ADD COLUMN lease_owner      text,
    ADD COLUMN lease_expires_at timestamptz,
    -- When the sweeper last looked at a row that seemed stuck, so it does not act on it twice in a row.
    ADD COLUMN swept_at         timestamptz;

-- The sweeper's scan: unfinished rows by last change.
CREATE INDEX generations_unfinished_by_update ON generations (updated_at) WHERE status NOT IN ('completed', 'failed');
