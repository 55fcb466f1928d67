-- The extraction queue: documents waiting for a worker (claimed with FOR UPDATE SKIP LOCKED).
CREATE TABLE jobs (
  id            bigserial PRIMARY KEY,
  doc_id        text NOT NULL UNIQUE,
  document      jsonb,
  state         text NOT NULL DEFAULT 'queued' CHECK (state IN ('queued', 'running', 'done', 'failed')),
  attempts      integer NOT NULL DEFAULT 0,
  max_attempts  integer NOT NULL DEFAULT 3,
  worker        text,
  error         text,
  enqueued_at   text NOT NULL,
  claimed_at    text,
  finished_at   text
);
CREATE INDEX jobs_state ON jobs (state, id);
