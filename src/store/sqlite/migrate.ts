// Applies migrations/sqlite/*.sql in order, each in its own transaction, recorded in schema_migrations.
import type Database from 'better-sqlite3';
import { loadMigrations } from '../shared/migrations.js';

export function migrateSqlite(db: Database.Database): number {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version TEXT PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`);
  const applied = new Set(
    (db.prepare('SELECT version FROM schema_migrations').all() as { version: string }[]).map((r) => r.version));
  const record = db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)');
  let n = 0;
  for (const m of loadMigrations('sqlite')) {
    if (applied.has(m.version)) continue;
    db.transaction(() => {
      // Another process may have applied it meanwhile: check again inside the write lock.
      if (db.prepare('SELECT 1 FROM schema_migrations WHERE version = ?').get(m.version)) return;
      db.exec(m.sql);
      record.run(m.version, m.name, new Date().toISOString());
      n++;
    }).immediate();
  }
  return n;
}
