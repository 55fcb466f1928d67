-- Vigil storage schema, SQLite. Incident JSON is the source of truth (`data`); the other columns of
-- `incidents` and `mentions` are copies of its values, indexed for filters and sorting.

CREATE TABLE documents (
  seq          INTEGER PRIMARY KEY,          -- rowid, for the full-text index
  id           TEXT NOT NULL UNIQUE,
  title        TEXT,
  source       TEXT,
  url          TEXT,
  author       TEXT,
  published    TEXT,
  language     TEXT NOT NULL,
  text         TEXT NOT NULL,
  origin       TEXT NOT NULL,
  format       TEXT NOT NULL,
  dateline     TEXT,
  ingested_at  TEXT NOT NULL
);
CREATE INDEX documents_published ON documents (published);
CREATE INDEX documents_ingested ON documents (ingested_at);

-- Full-text index over title and text; content lives in `documents`.
CREATE VIRTUAL TABLE documents_fts USING fts5 (
  title, text,
  content = 'documents', content_rowid = 'seq',
  tokenize = 'porter unicode61 remove_diacritics 2'
);
CREATE TRIGGER documents_fts_insert AFTER INSERT ON documents BEGIN
  INSERT INTO documents_fts (rowid, title, text) VALUES (new.seq, coalesce(new.title, ''), new.text);
END;
CREATE TRIGGER documents_fts_delete AFTER DELETE ON documents BEGIN
  INSERT INTO documents_fts (documents_fts, rowid, title, text) VALUES ('delete', old.seq, coalesce(old.title, ''), old.text);
END;

CREATE TABLE quotes (
  id           INTEGER PRIMARY KEY,
  doc_id       TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  n            INTEGER NOT NULL,
  speaker      TEXT,
  role         TEXT,
  affiliation  TEXT,
  text         TEXT NOT NULL,
  start        INTEGER NOT NULL,
  "end"        INTEGER NOT NULL
);
CREATE INDEX quotes_doc ON quotes (doc_id);

CREATE TABLE incidents (
  id            TEXT PRIMARY KEY,
  data          TEXT NOT NULL,               -- headline Incident JSON (with evidence and sources)
  alternatives  TEXT NOT NULL DEFAULT '[]',  -- Alternative[] JSON
  date_from     TEXT,
  date_to       TEXT,
  country       TEXT,
  country_code  TEXT,
  type          TEXT NOT NULL,
  status        TEXT NOT NULL,
  killed        REAL,
  injured       REAL,
  review        TEXT NOT NULL DEFAULT 'pending' CHECK (review IN ('pending', 'accepted', 'rejected')),
  search_text   TEXT NOT NULL DEFAULT '',    -- lower-cased summary, place, actors, targets, weapons
  mentions      INTEGER NOT NULL DEFAULT 0,
  created_at    TEXT NOT NULL,
  updated_at    TEXT NOT NULL
);
CREATE INDEX incidents_date ON incidents (date_from, date_to);
CREATE INDEX incidents_country ON incidents (country_code, date_from);
CREATE INDEX incidents_type ON incidents (type);
CREATE INDEX incidents_status ON incidents (status);
CREATE INDEX incidents_killed ON incidents (killed);
CREATE INDEX incidents_review ON incidents (review);
CREATE INDEX incidents_updated ON incidents (updated_at);

-- Perpetrator organisations of an incident, for the group filter and statistics.
CREATE TABLE incident_groups (
  incident_id  TEXT NOT NULL REFERENCES incidents (id) ON DELETE CASCADE,
  name         TEXT NOT NULL,
  actor_id     TEXT,
  PRIMARY KEY (incident_id, name)
);
CREATE INDEX incident_groups_name ON incident_groups (lower(name));
CREATE INDEX incident_groups_actor ON incident_groups (actor_id);

-- One row per incident a document reports; `incident_id` is where resolution put it.
CREATE TABLE mentions (
  id               TEXT PRIMARY KEY,         -- men_<doc hash>_<n>
  doc_id           TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  n                INTEGER NOT NULL,
  published        TEXT,
  data             TEXT NOT NULL,            -- Incident JSON as extracted
  country_code     TEXT,
  date_from        TEXT,
  date_to          TEXT,
  background       INTEGER NOT NULL DEFAULT 0,
  incident_id      TEXT REFERENCES incidents (id) ON DELETE SET NULL DEFERRABLE INITIALLY DEFERRED,
  pinned_incident  TEXT                      -- set by a person (merge, split, review)
);
CREATE INDEX mentions_doc ON mentions (doc_id);
CREATE INDEX mentions_block ON mentions (country_code, date_from);
CREATE INDEX mentions_date ON mentions (date_from);
CREATE INDEX mentions_incident ON mentions (incident_id);
CREATE INDEX mentions_pinned ON mentions (pinned_incident) WHERE pinned_incident IS NOT NULL;

-- Where each field's value came from: owner is an incident (headline) or a mention (as extracted).
CREATE TABLE evidence (
  id          INTEGER PRIMARY KEY,
  owner_id    TEXT NOT NULL,
  owner_kind  TEXT NOT NULL CHECK (owner_kind IN ('incident', 'mention')),
  field       TEXT NOT NULL,
  doc_id      TEXT NOT NULL,
  value       TEXT,
  start       INTEGER NOT NULL,
  "end"       INTEGER NOT NULL,
  text        TEXT NOT NULL
);
CREATE INDEX evidence_owner ON evidence (owner_id);
CREATE INDEX evidence_doc ON evidence (doc_id);

-- A person's correction of one field, re-applied by every re-resolution.
CREATE TABLE overrides (
  incident_id  TEXT NOT NULL,
  field        TEXT NOT NULL,
  value        TEXT NOT NULL,                -- JSON
  who          TEXT NOT NULL,
  at           TEXT NOT NULL,
  PRIMARY KEY (incident_id, field)
);

CREATE TABLE audit (
  id           INTEGER PRIMARY KEY,
  at           TEXT NOT NULL,
  who          TEXT NOT NULL,
  action       TEXT NOT NULL,
  incident_id  TEXT NOT NULL,
  detail       TEXT NOT NULL                 -- JSON
);
CREATE INDEX audit_incident ON audit (incident_id, id);

-- Actors and places seen in mentions: names with their registry ids, and how often.
CREATE TABLE actors (
  name      TEXT PRIMARY KEY,
  actor_id  TEXT,
  kind      TEXT NOT NULL,
  seen      INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE places (
  key           TEXT PRIMARY KEY,            -- country_code|admin1|place
  country       TEXT,
  country_code  TEXT,
  admin1        TEXT,
  place         TEXT,
  lat           REAL,
  lon           REAL,
  seen          INTEGER NOT NULL DEFAULT 0
);
