-- Lists and statistics without table scans; same columns and copies as migrations/sqlite/003_fast_queries.sql.
-- Lists filter, sort and count on (covering) indexes and read only the page's rows; the by-group breakdown
-- reads the incident's values copied into its group rows. (SQLite also keeps roll-up tables of counts,
-- maintained by triggers; here PostgreSQL's index-only and parallel scans aggregate the indexes instead,
-- and concurrent workers do not contend on shared counter rows.)

-- The incident's values copied into its group rows, kept equal by triggers.
ALTER TABLE incident_groups
  ADD COLUMN type text, ADD COLUMN status text, ADD COLUMN country text, ADD COLUMN country_code text,
  ADD COLUMN killed double precision, ADD COLUMN review text;
UPDATE incident_groups g SET type = i.type, status = i.status, country = i.country, country_code = i.country_code,
    killed = i.killed, review = i.review
  FROM incidents i WHERE i.id = g.incident_id;

CREATE FUNCTION vigil_incident_groups_fill() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  SELECT i.type, i.status, i.country, i.country_code, i.killed, i.review
    INTO NEW.type, NEW.status, NEW.country, NEW.country_code, NEW.killed, NEW.review
    FROM incidents i WHERE i.id = NEW.incident_id;
  RETURN NEW;
END $$;
CREATE TRIGGER incident_groups_fill BEFORE INSERT ON incident_groups
  FOR EACH ROW WHEN (NEW.type IS NULL) EXECUTE FUNCTION vigil_incident_groups_fill();

CREATE FUNCTION vigil_incidents_groups_sync() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE incident_groups SET type = NEW.type, status = NEW.status, country = NEW.country, country_code = NEW.country_code,
      killed = NEW.killed, review = NEW.review
    WHERE incident_id = NEW.id;
  RETURN NULL;
END $$;
CREATE TRIGGER incidents_groups_sync AFTER UPDATE OF type, status, country, country_code, killed, review ON incidents
  FOR EACH ROW WHEN (OLD.type IS DISTINCT FROM NEW.type OR OLD.status IS DISTINCT FROM NEW.status
    OR OLD.country IS DISTINCT FROM NEW.country OR OLD.country_code IS DISTINCT FROM NEW.country_code
    OR OLD.killed IS DISTINCT FROM NEW.killed OR OLD.review IS DISTINCT FROM NEW.review)
  EXECUTE FUNCTION vigil_incidents_groups_sync();

-- The month of date_from, for the month breakdown and the monthly timeline.
ALTER TABLE incidents ADD COLUMN month text GENERATED ALWAYS AS (substr(date_from, 1, 7)) STORED;

DROP INDEX incidents_date;
DROP INDEX incidents_country;
DROP INDEX incidents_type;
DROP INDEX incidents_killed;
CREATE INDEX incidents_date ON incidents (date_from DESC NULLS LAST, id DESC)
  INCLUDE (date_to, review, type, status, country, country_code, killed, injured);
CREATE INDEX incidents_country ON incidents (country_code, date_from DESC NULLS LAST, id DESC) INCLUDE (review, type, killed);
CREATE INDEX incidents_country_name ON incidents (country, id) INCLUDE (review, date_from);
CREATE INDEX incidents_country_lower ON incidents (lower(country));
CREATE INDEX incidents_type ON incidents (type, status, country, country_code) INCLUDE (review, killed, injured, date_from, id);
CREATE INDEX incidents_killed ON incidents (killed DESC NULLS LAST, id DESC) INCLUDE (review, type);
CREATE INDEX incidents_injured ON incidents (injured DESC NULLS LAST, id DESC) INCLUDE (review);
CREATE INDEX incidents_month ON incidents (month) INCLUDE (review, killed);
CREATE INDEX incident_groups_stats ON incident_groups (name) INCLUDE (review, killed, type, status, country, country_code);
