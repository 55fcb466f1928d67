-- Lists and statistics without table scans. An incident row is several KB (headline JSON, alternatives,
-- search text), so every query that read the table for a filter, a sort or a count read the whole file.
-- Now: lists filter, sort and count on covering indexes and fetch only the page's rows; statistics over
-- type, status, country and review read small roll-up tables kept exact by triggers; other filters
-- (dates, group, deaths, text) use covering indexes over the rows they select.

-- The incident's values copied into its group rows (kept equal by triggers), so that the group roll-up
-- can be maintained when group rows are deleted and re-inserted.
ALTER TABLE incident_groups ADD COLUMN type TEXT;
ALTER TABLE incident_groups ADD COLUMN status TEXT;
ALTER TABLE incident_groups ADD COLUMN country TEXT;
ALTER TABLE incident_groups ADD COLUMN country_code TEXT;
ALTER TABLE incident_groups ADD COLUMN killed REAL;
ALTER TABLE incident_groups ADD COLUMN review TEXT;
UPDATE incident_groups SET type = i.type, status = i.status, country = i.country, country_code = i.country_code,
    killed = i.killed, review = i.review
  FROM incidents AS i WHERE i.id = incident_groups.incident_id;

-- Incidents counted per (type, status, country, country code, review), and the same per month of date_from:
-- what every breakdown of the statistics needs when the filter is on those columns only (the usual case).
CREATE TABLE incident_rollup (
  cell          TEXT PRIMARY KEY,            -- json_array(type, status, country, country_code, review)
  type          TEXT NOT NULL,
  status        TEXT NOT NULL,
  country       TEXT,
  country_code  TEXT,
  review        TEXT NOT NULL,
  incidents     INTEGER NOT NULL,
  killed        REAL NOT NULL,               -- sum of coalesce(killed, 0)
  injured       REAL NOT NULL
) WITHOUT ROWID;

CREATE TABLE incident_month_rollup (
  cell          TEXT PRIMARY KEY,            -- json_array(month, type, status, country, country_code, review)
  month         TEXT,                        -- substr(date_from, 1, 7)
  type          TEXT NOT NULL,
  status        TEXT NOT NULL,
  country       TEXT,
  country_code  TEXT,
  review        TEXT NOT NULL,
  incidents     INTEGER NOT NULL,
  killed        REAL NOT NULL
) WITHOUT ROWID;
CREATE INDEX incident_month_rollup_month ON incident_month_rollup (month, review, type, status, country, country_code, incidents, killed);

-- Incidents counted per perpetrator organisation and (type, status, country, country code, review).
CREATE TABLE incident_group_rollup (
  cell          TEXT PRIMARY KEY,            -- json_array(name, type, status, country, country_code, review)
  name          TEXT NOT NULL,
  type          TEXT NOT NULL,
  status        TEXT NOT NULL,
  country       TEXT,
  country_code  TEXT,
  review        TEXT NOT NULL,
  incidents     INTEGER NOT NULL,
  killed        REAL NOT NULL
) WITHOUT ROWID;

INSERT INTO incident_rollup (cell, type, status, country, country_code, review, incidents, killed, injured)
  SELECT json_array(type, status, country, country_code, review),
    type, status, country, country_code, review, count(*), coalesce(sum(killed), 0), coalesce(sum(injured), 0)
  FROM incidents GROUP BY type, status, country, country_code, review;

INSERT INTO incident_month_rollup (cell, month, type, status, country, country_code, review, incidents, killed)
  SELECT json_array(substr(date_from, 1, 7), type, status, country, country_code, review),
    substr(date_from, 1, 7), type, status, country, country_code, review, count(*), coalesce(sum(killed), 0)
  FROM incidents GROUP BY substr(date_from, 1, 7), type, status, country, country_code, review;

INSERT INTO incident_group_rollup (cell, name, type, status, country, country_code, review, incidents, killed)
  SELECT json_array(name, type, status, country, country_code, review),
    name, type, status, country, country_code, review, count(*), coalesce(sum(killed), 0)
  FROM incident_groups WHERE type IS NOT NULL GROUP BY name, type, status, country, country_code, review;

-- ── incidents → incident_rollup, incident_month_rollup ───────────────────────────────────────

CREATE TRIGGER incidents_rollup_insert AFTER INSERT ON incidents BEGIN
  INSERT INTO incident_rollup (cell, type, status, country, country_code, review, incidents, killed, injured)
    VALUES (json_array(new.type, new.status, new.country, new.country_code, new.review),
      new.type, new.status, new.country, new.country_code, new.review, 1, coalesce(new.killed, 0), coalesce(new.injured, 0))
    ON CONFLICT (cell) DO UPDATE SET incidents = incidents + 1, killed = killed + excluded.killed, injured = injured + excluded.injured;
  INSERT INTO incident_month_rollup (cell, month, type, status, country, country_code, review, incidents, killed)
    VALUES (json_array(substr(new.date_from, 1, 7), new.type, new.status, new.country, new.country_code, new.review),
      substr(new.date_from, 1, 7), new.type, new.status, new.country, new.country_code, new.review, 1, coalesce(new.killed, 0))
    ON CONFLICT (cell) DO UPDATE SET incidents = incidents + 1, killed = killed + excluded.killed;
END;

CREATE TRIGGER incidents_rollup_delete AFTER DELETE ON incidents BEGIN
  UPDATE incident_rollup SET incidents = incidents - 1, killed = killed - coalesce(old.killed, 0), injured = injured - coalesce(old.injured, 0)
    WHERE cell = json_array(old.type, old.status, old.country, old.country_code, old.review);
  DELETE FROM incident_rollup WHERE cell = json_array(old.type, old.status, old.country, old.country_code, old.review) AND incidents <= 0;
  UPDATE incident_month_rollup SET incidents = incidents - 1, killed = killed - coalesce(old.killed, 0)
    WHERE cell = json_array(substr(old.date_from, 1, 7), old.type, old.status, old.country, old.country_code, old.review);
  DELETE FROM incident_month_rollup
    WHERE cell = json_array(substr(old.date_from, 1, 7), old.type, old.status, old.country, old.country_code, old.review) AND incidents <= 0;
END;

CREATE TRIGGER incidents_rollup_update AFTER UPDATE OF type, status, country, country_code, date_from, killed, injured, review ON incidents
  WHEN old.type IS NOT new.type OR old.status IS NOT new.status OR old.country IS NOT new.country
    OR old.country_code IS NOT new.country_code OR substr(old.date_from, 1, 7) IS NOT substr(new.date_from, 1, 7)
    OR old.killed IS NOT new.killed OR old.injured IS NOT new.injured OR old.review IS NOT new.review
BEGIN
  UPDATE incident_rollup SET incidents = incidents - 1, killed = killed - coalesce(old.killed, 0), injured = injured - coalesce(old.injured, 0)
    WHERE cell = json_array(old.type, old.status, old.country, old.country_code, old.review);
  DELETE FROM incident_rollup WHERE cell = json_array(old.type, old.status, old.country, old.country_code, old.review) AND incidents <= 0;
  UPDATE incident_month_rollup SET incidents = incidents - 1, killed = killed - coalesce(old.killed, 0)
    WHERE cell = json_array(substr(old.date_from, 1, 7), old.type, old.status, old.country, old.country_code, old.review);
  DELETE FROM incident_month_rollup
    WHERE cell = json_array(substr(old.date_from, 1, 7), old.type, old.status, old.country, old.country_code, old.review) AND incidents <= 0;
  INSERT INTO incident_rollup (cell, type, status, country, country_code, review, incidents, killed, injured)
    VALUES (json_array(new.type, new.status, new.country, new.country_code, new.review),
      new.type, new.status, new.country, new.country_code, new.review, 1, coalesce(new.killed, 0), coalesce(new.injured, 0))
    ON CONFLICT (cell) DO UPDATE SET incidents = incidents + 1, killed = killed + excluded.killed, injured = injured + excluded.injured;
  INSERT INTO incident_month_rollup (cell, month, type, status, country, country_code, review, incidents, killed)
    VALUES (json_array(substr(new.date_from, 1, 7), new.type, new.status, new.country, new.country_code, new.review),
      substr(new.date_from, 1, 7), new.type, new.status, new.country, new.country_code, new.review, 1, coalesce(new.killed, 0))
    ON CONFLICT (cell) DO UPDATE SET incidents = incidents + 1, killed = killed + excluded.killed;
END;

-- ── incidents → their group rows' copies ──────────────────────────────────────────────────────

CREATE TRIGGER incidents_groups_sync AFTER UPDATE OF type, status, country, country_code, killed, review ON incidents
  WHEN old.type IS NOT new.type OR old.status IS NOT new.status OR old.country IS NOT new.country
    OR old.country_code IS NOT new.country_code OR old.killed IS NOT new.killed OR old.review IS NOT new.review
BEGIN
  UPDATE incident_groups SET type = new.type, status = new.status, country = new.country, country_code = new.country_code,
      killed = new.killed, review = new.review
    WHERE incident_id = new.id;
END;

-- A group row inserted without the copies (an import, an older writer) takes them from its incident.
CREATE TRIGGER incident_groups_fill AFTER INSERT ON incident_groups WHEN new.type IS NULL BEGIN
  UPDATE incident_groups SET type = i.type, status = i.status, country = i.country, country_code = i.country_code,
      killed = i.killed, review = i.review
    FROM incidents AS i WHERE i.id = new.incident_id AND incident_groups.rowid = new.rowid;
END;

-- ── incident_groups → incident_group_rollup ───────────────────────────────────────────────────

CREATE TRIGGER incident_groups_rollup_insert AFTER INSERT ON incident_groups WHEN new.type IS NOT NULL BEGIN
  INSERT INTO incident_group_rollup (cell, name, type, status, country, country_code, review, incidents, killed)
    VALUES (json_array(new.name, new.type, new.status, new.country, new.country_code, new.review),
      new.name, new.type, new.status, new.country, new.country_code, new.review, 1, coalesce(new.killed, 0))
    ON CONFLICT (cell) DO UPDATE SET incidents = incidents + 1, killed = killed + excluded.killed;
END;

CREATE TRIGGER incident_groups_rollup_delete AFTER DELETE ON incident_groups WHEN old.type IS NOT NULL BEGIN
  UPDATE incident_group_rollup SET incidents = incidents - 1, killed = killed - coalesce(old.killed, 0)
    WHERE cell = json_array(old.name, old.type, old.status, old.country, old.country_code, old.review);
  DELETE FROM incident_group_rollup
    WHERE cell = json_array(old.name, old.type, old.status, old.country, old.country_code, old.review) AND incidents <= 0;
END;

CREATE TRIGGER incident_groups_rollup_update_old AFTER UPDATE OF name, type, status, country, country_code, killed, review ON incident_groups
  WHEN old.type IS NOT NULL
BEGIN
  UPDATE incident_group_rollup SET incidents = incidents - 1, killed = killed - coalesce(old.killed, 0)
    WHERE cell = json_array(old.name, old.type, old.status, old.country, old.country_code, old.review);
  DELETE FROM incident_group_rollup
    WHERE cell = json_array(old.name, old.type, old.status, old.country, old.country_code, old.review) AND incidents <= 0;
END;

CREATE TRIGGER incident_groups_rollup_update_new AFTER UPDATE OF name, type, status, country, country_code, killed, review ON incident_groups
  WHEN new.type IS NOT NULL
BEGIN
  INSERT INTO incident_group_rollup (cell, name, type, status, country, country_code, review, incidents, killed)
    VALUES (json_array(new.name, new.type, new.status, new.country, new.country_code, new.review),
      new.name, new.type, new.status, new.country, new.country_code, new.review, 1, coalesce(new.killed, 0))
    ON CONFLICT (cell) DO UPDATE SET incidents = incidents + 1, killed = killed + excluded.killed;
END;

-- ── covering indexes: lists (filter, sort, count) and statistics over other filters ───────────

DROP INDEX incidents_date;
DROP INDEX incidents_country;
DROP INDEX incidents_type;
DROP INDEX incidents_killed;
-- Date ranges and the default sort (date_from DESC), with every column the statistics read.
CREATE INDEX incidents_date ON incidents (date_from, date_to, review, type, status, country, country_code, killed, injured, id);
CREATE INDEX incidents_country ON incidents (country_code, date_from, review, type, killed, id);
CREATE INDEX incidents_country_name ON incidents (country, review, date_from, id);
CREATE INDEX incidents_country_lower ON incidents (lower(country), country);
CREATE INDEX incidents_type ON incidents (type, review, killed, date_from, id);
CREATE INDEX incidents_killed ON incidents (killed, review, type, status, country, country_code, date_from, injured, id);
CREATE INDEX incidents_injured ON incidents (injured, review, id);
