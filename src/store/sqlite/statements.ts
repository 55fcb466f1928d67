// Every fixed SQL statement of the SQLite store, prepared once.
import type Database from 'better-sqlite3';

export function prepareStatements(db: Database.Database) {
  const s = (sql: string) => db.prepare(sql);
  return {
    docExists: s('SELECT 1 AS x FROM documents WHERE id = ?'),
    insertDoc: s(`INSERT INTO documents (id, title, source, url, author, published, language, text, origin, format, dateline, ingested_at)
      VALUES (@id, @title, @source, @url, @author, @published, @language, @text, @origin, @format, @dateline, @ingested_at)`),
    insertQuote: s(`INSERT INTO quotes (doc_id, n, speaker, role, affiliation, text, start, "end")
      VALUES (?, ?, ?, ?, ?, ?, ?, ?)`),
    insertMention: s(`INSERT INTO mentions (id, doc_id, n, published, data, country_code, date_from, date_to, background)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`),
    insertEvidence: s(`INSERT INTO evidence (owner_id, owner_kind, field, doc_id, value, start, "end", text)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?)`),
    deleteEvidence: s('DELETE FROM evidence WHERE owner_id = ?'),
    upsertActor: s(`INSERT INTO actors (name, actor_id, kind, seen) VALUES (?, ?, ?, 1)
      ON CONFLICT (name) DO UPDATE SET seen = seen + 1, actor_id = coalesce(actors.actor_id, excluded.actor_id)`),
    upsertPlace: s(`INSERT INTO places (key, country, country_code, admin1, place, lat, lon, seen) VALUES (?, ?, ?, ?, ?, ?, ?, 1)
      ON CONFLICT (key) DO UPDATE SET seen = seen + 1, lat = coalesce(places.lat, excluded.lat), lon = coalesce(places.lon, excluded.lon)`),

    mentionsOfIncident: s('SELECT * FROM mentions WHERE incident_id = ? OR pinned_incident = ? ORDER BY id'),
    mentionsOfDoc: s('SELECT * FROM mentions WHERE doc_id = ? ORDER BY n'),
    setMentionIncident: s('UPDATE mentions SET incident_id = ? WHERE id = ?'),
    pinMention: s('UPDATE mentions SET pinned_incident = ?, incident_id = ? WHERE id = ?'),
    pinUnpinned: s('UPDATE mentions SET pinned_incident = incident_id WHERE incident_id = ? AND pinned_incident IS NULL'),

    incident: s('SELECT * FROM incidents WHERE id = ?'),
    countryCodeExists: s('SELECT 1 AS x FROM incidents WHERE country_code = ? LIMIT 1'),
    countryNames: s('SELECT DISTINCT country FROM incidents WHERE lower(country) = ?'),
    upsertIncident: s(`INSERT INTO incidents (id, data, alternatives, date_from, date_to, country, country_code, type, status,
        killed, injured, search_text, mentions, created_at, updated_at)
      VALUES (@id, @data, @alternatives, @date_from, @date_to, @country, @country_code, @type, @status,
        @killed, @injured, @search_text, @mentions, @now, @now)
      ON CONFLICT (id) DO UPDATE SET data = excluded.data, alternatives = excluded.alternatives,
        date_from = excluded.date_from, date_to = excluded.date_to, country = excluded.country,
        country_code = excluded.country_code, type = excluded.type, status = excluded.status,
        killed = excluded.killed, injured = excluded.injured, search_text = excluded.search_text,
        mentions = excluded.mentions, updated_at = excluded.updated_at`),
    deleteIncident: s('DELETE FROM incidents WHERE id = ?'),
    setReview: s('UPDATE incidents SET review = ?, updated_at = ? WHERE id = ?'),
    deleteGroups: s('DELETE FROM incident_groups WHERE incident_id = ?'),
    insertGroup: s('INSERT OR IGNORE INTO incident_groups (incident_id, name, actor_id) VALUES (?, ?, ?)'),

    overrides: s('SELECT field, value FROM overrides WHERE incident_id = ? ORDER BY field'),
    upsertOverride: s(`INSERT INTO overrides (incident_id, field, value, who, at) VALUES (?, ?, ?, ?, ?)
      ON CONFLICT (incident_id, field) DO UPDATE SET value = excluded.value, who = excluded.who, at = excluded.at`),
    deleteOverrides: s('DELETE FROM overrides WHERE incident_id = ?'),

    insertAudit: s('INSERT INTO audit (at, who, action, incident_id, detail) VALUES (?, ?, ?, ?, ?)'),
    auditOf: s('SELECT * FROM audit WHERE incident_id = ? ORDER BY id'),
    auditAll: s('SELECT * FROM audit ORDER BY id'),

    document: s(`SELECT d.*, (SELECT count(DISTINCT incident_id) FROM mentions m WHERE m.doc_id = d.id) AS incidents
      FROM documents d WHERE d.id = ?`),
    quotesOfDoc: s('SELECT * FROM quotes WHERE doc_id = ? ORDER BY n'),
    countDocs: s('SELECT count(*) AS n FROM documents'),
    listDocs: s(`SELECT d.id, d.title, d.source, d.url, d.published, d.origin, d.format, d.ingested_at,
        (SELECT count(DISTINCT incident_id) FROM mentions m WHERE m.doc_id = d.id) AS incidents
      FROM documents d ORDER BY d.ingested_at DESC, d.seq DESC LIMIT ? OFFSET ?`),
    documentSummaries: s(`SELECT d.id, d.title, d.source, d.url, d.published, d.origin, d.format, d.ingested_at,
        (SELECT count(DISTINCT incident_id) FROM mentions m WHERE m.doc_id = d.id) AS incidents
      FROM documents d WHERE d.id IN (SELECT value FROM json_each(?)) ORDER BY d.published, d.id`),
    search: s(`SELECT d.id AS doc_id, d.title, d.published,
        snippet(documents_fts, 1, '«', '»', '…', 16) AS snippet, -bm25(documents_fts, 4.0, 1.0) AS rank
      FROM documents_fts JOIN documents d ON d.seq = documents_fts.rowid
      WHERE documents_fts MATCH ? ORDER BY bm25(documents_fts, 4.0, 1.0) LIMIT ?`),
  };
}

export type Statements = ReturnType<typeof prepareStatements>;
