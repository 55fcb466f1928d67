-- The extraction queue: documents waiting for a worker.
CREATE TABLE jobs (
  id            INTEGER PRIMARY KEY,
  doc_id        TEXT NOT NULL UNIQUE,
  document      TEXT,                        -- Document JSON; cleared when the job is done
  state         TEXT NOT NULL DEFAULT 'queued' CHECK (state IN ('queued', 'running', 'done', 'failed')),
  attempts      INTEGER NOT NULL DEFAULT 0,
  max_attempts  INTEGER NOT NULL DEFAULT 3,
  worker        TEXT,
  error         TEXT,
  enqueued_at   TEXT NOT NULL,
  claimed_at    TEXT,
  finished_at   TEXT
);
CREATE INDEX jobs_state ON jobs (state, id);
