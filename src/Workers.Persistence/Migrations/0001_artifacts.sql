-- Content-addressed artifact store (see Artifacts/PostgresArtifactStore.cs).
-- An upload writes a blob and its chunks first, then publishes it with one artifacts row.
-- A blob no artifacts row points at is an abandoned or duplicate upload; the orphan sweep removes it.

CREATE TABLE artifact_blobs (
    blob_id    uuid        PRIMARY KEY,
    -- When the upload started: the orphan sweep leaves younger blobs alone because they may still be uploading.
    created_at timestamptz NOT NULL
);

CREATE INDEX artifact_blobs_created_at ON artifact_blobs (created_at);

CREATE TABLE artifact_chunks (
    blob_id uuid  NOT NULL REFERENCES artifact_blobs (blob_id) ON DELETE CASCADE,
    seq     int   NOT NULL CHECK (seq >= 0),
    data    bytea NOT NULL,
    PRIMARY KEY (blob_id, seq)
);

-- Images and videos are already compressed: skip TOAST's compression attempt and store the bytes as they are.
ALTER TABLE artifact_chunks ALTER COLUMN data SET STORAGE EXTERNAL;

CREATE TABLE artifacts (
    sha256       text        PRIMARY KEY CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    -- No cascade: a published blob cannot be deleted, not even by a sweep racing a slow upload.
    blob_id      uuid        NOT NULL UNIQUE REFERENCES artifact_blobs (blob_id),
    content_type text        NOT NULL,
    size_bytes   bigint      NOT NULL CHECK (size_bytes >= 0),
    created_at   timestamptz NOT NULL
);
