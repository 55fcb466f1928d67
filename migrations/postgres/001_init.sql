-- Vigil storage schema, PostgreSQL. Same tables and columns as migrations/sqlite/001_init.sql;
-- JSON as jsonb, full-text search as a generated tsvector. Dates are ISO text (YYYY-MM-DD) in both stores.

CREATE TABLE documents (
  seq          bigserial UNIQUE,
  id           text PRIMARY KEY,
  title        text,
  source       text,
  url          text,
  author       text,
  published    text,
  language     text NOT NULL,
  text         text NOT NULL,
  origin       text NOT NULL,
  format       text NOT NULL,
  dateline     text,
  ingested_at  text NOT NULL,
  tsv          tsvector GENERATED ALWAYS AS (
                 setweight(to_tsvector('english', coalesce(title, '')), 'A') ||
                 setweight(to_tsvector('english', text), 'B')) STORED
);
CREATE INDEX documents_published ON documents (published);
CREATE INDEX documents_ingested ON documents (ingested_at);
CREATE INDEX documents_tsv ON documents USING gin (tsv);

CREATE TABLE quotes (
  id           bigserial PRIMARY KEY,
  doc_id       text NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  n            integer NOT NULL,
  speaker      text,
  role         text,
  affiliation  text,
  text         text NOT NULL,
  start        integer NOT NULL,
  "end"        integer NOT NULL
);
CREATE INDEX quotes_doc ON quotes (doc_id);

CREATE TABLE incidents (
  id            text PRIMARY KEY,
  data          jsonb NOT NULL,
  alternatives  jsonb NOT NULL DEFAULT '[]',
  date_from     text,
  date_to       text,
  country       text,
  country_code  text,
  type          text NOT NULL,
  status        text NOT NULL,
  killed        double precision,
  injured       double precision,
  review        text NOT NULL DEFAULT 'pending' CHECK (review IN ('pending', 'accepted', 'rejected')),
  search_text   text NOT NULL DEFAULT '',
  mentions      integer NOT NULL DEFAULT 0,
  created_at    text NOT NULL,
  updated_at    text NOT NULL
);
CREATE INDEX incidents_date ON incidents (date_from, date_to);
CREATE INDEX incidents_country ON incidents (country_code, date_from);
CREATE INDEX incidents_type ON incidents (type);
CREATE INDEX incidents_status ON incidents (status);
CREATE INDEX incidents_killed ON incidents (killed);
CREATE INDEX incidents_review ON incidents (review);
CREATE INDEX incidents_updated ON incidents (updated_at);

CREATE TABLE incident_groups (
  incident_id  text NOT NULL REFERENCES incidents (id) ON DELETE CASCADE,
  name         text NOT NULL,
  actor_id     text,
  PRIMARY KEY (incident_id, name)
);
CREATE INDEX incident_groups_name ON incident_groups (lower(name));
CREATE INDEX incident_groups_actor ON incident_groups (actor_id);

CREATE TABLE mentions (
  id               text PRIMARY KEY,
  doc_id           text NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  n                integer NOT NULL,
  published        text,
  data             jsonb NOT NULL,
  country_code     text,
  date_from        text,
  date_to          text,
  background       boolean NOT NULL DEFAULT false,
  incident_id      text REFERENCES incidents (id) ON DELETE SET NULL DEFERRABLE INITIALLY DEFERRED,
  pinned_incident  text
);
CREATE INDEX mentions_doc ON mentions (doc_id);
CREATE INDEX mentions_block ON mentions (country_code, date_from);
CREATE INDEX mentions_date ON mentions (date_from);
CREATE INDEX mentions_incident ON mentions (incident_id);
CREATE INDEX mentions_pinned ON mentions (pinned_incident) WHERE pinned_incident IS NOT NULL;

CREATE TABLE evidence (
  id          bigserial PRIMARY KEY,
  owner_id    text NOT NULL,
  owner_kind  text NOT NULL CHECK (owner_kind IN ('incident', 'mention')),
  field       text NOT NULL,
  doc_id      text NOT NULL,
  value       text,
  start       integer NOT NULL,
  "end"       integer NOT NULL,
  text        text NOT NULL
);
CREATE INDEX evidence_owner ON evidence (owner_id);
CREATE INDEX evidence_doc ON evidence (doc_id);

CREATE TABLE overrides (
  incident_id  text NOT NULL,
  field        text NOT NULL,
  value        jsonb NOT NULL,
  who          text NOT NULL,
  at           text NOT NULL,
  PRIMARY KEY (incident_id, field)
);

CREATE TABLE audit (
  id           bigserial PRIMARY KEY,
  at           text NOT NULL,
  who          text NOT NULL,
  action       text NOT NULL,
  incident_id  text NOT NULL,
  detail       jsonb NOT NULL
);
CREATE INDEX audit_incident ON audit (incident_id, id);

CREATE TABLE actors (
  name      text PRIMARY KEY,
  actor_id  text,
  kind      text NOT NULL,
  seen      integer NOT NULL DEFAULT 0
);

CREATE TABLE places (
  key           text PRIMARY KEY,
  country       text,
  country_code  text,
  admin1        text,
  place         text,
  lat           double precision,
  lon           double precision,
  seen          integer NOT NULL DEFAULT 0
);
