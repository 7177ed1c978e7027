-- One row per request id (the producer's idempotency key). Status walks:
--   pending -> submitting -> submitted -> running -> completed | failed
-- 'submitting' is only ever seen by another worker when a submission crashed mid-call (unknown outcome).
CREATE TABLE generations (
    request_id           text PRIMARY KEY,
    kind                 text NOT NULL,
    provider             text NOT NULL,
    model                text NOT NULL,
    account              text NOT NULL,
    status               text NOT NULL,
    provider_task_id     text,
    request              jsonb NOT NULL,
    tags                 jsonb,
    accepted_at          timestamptz NOT NULL,
    submitted_at         timestamptz,
    provider_finished_at timestamptz,
    completed_at         timestamptz,
    updated_at           timestamptz NOT NULL,
    deadline             timestamptz,
    submit_attempts      integer NOT NULL DEFAULT 0,
    poll_count           integer NOT NULL DEFAULT 0,
    poll_claim           uuid,
    provider_status      text,
    progress_percent     integer,
    price_per_result     numeric,
    price_unit           text,
    credits_amount       numeric,
    credits_unit         text,
    credits_source       text,
    error_code           text,
    error_message        text,
    error_provider_code  text,
    artifacts            jsonb
);

-- In-flight work per provider: the gauge operators scale on, and the sweep for stuck rows.
CREATE INDEX generations_in_flight ON generations (provider, status) WHERE status NOT IN ('completed', 'failed');
