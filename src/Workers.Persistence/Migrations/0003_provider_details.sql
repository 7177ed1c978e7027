-- What every provider needs beyond a task id, so that all five are followed the same way.
ALTER TABLE generations
    -- The provider's extras from the submit answer (Depicta poll_url, TopView noticeUuid and board ids).
    ADD COLUMN submission       jsonb,
    -- Inputs prepared before the paid call (reference URL -> provider file id), so a retry resumes the uploads.
    ADD COLUMN prepared         jsonb,
    -- The unguessable per-generation capability in the callback URL given to the provider.
    ADD COLUMN callback_token   text,
    -- The last provider callback handled, so that a repeated delivery triggers no second poll.
    ADD COLUMN last_callback    text,
    -- When the current submission call began: the window in which reconciliation looks for the provider's task.
    ADD COLUMN submitting_since timestamptz,
    -- Progress in items (Depicta scenes).
    ADD COLUMN items_completed  integer,
    ADD COLUMN items_total      integer,
    -- Items of a completed result that failed on their own (one video of a set).
    ADD COLUMN partial_failures jsonb;
