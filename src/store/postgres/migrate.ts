// Applies migrations/postgres/*.sql in one transaction, under an advisory lock so that several
// workers starting at once apply them exactly once.
import type pg from 'pg';
import { loadMigrations } from '../shared/migrations.js';
import { transaction } from './db.js';

export async function migratePostgres(pool: pg.Pool, schema: string | null): Promise<number> {
  if (schema) await pool.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`).catch((err: { code?: string }) => {
    if (err.code !== '23505' && err.code !== '42P06') throw err; // created concurrently
  });
  return transaction(pool, async (c) => {
    await c.query(`SELECT pg_advisory_xact_lock(hashtextextended('vigil:migrate:' || current_schema(), 0))`);
    await c.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version text PRIMARY KEY, name text NOT NULL, applied_at text NOT NULL)`);
    const applied = new Set((await c.query('SELECT version FROM schema_migrations')).rows.map((r: { version: string }) => r.version));
    let n = 0;
    for (const m of loadMigrations('postgres')) {
      if (applied.has(m.version)) continue;
      await c.query(m.sql);
      await c.query('INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)', [m.version, m.name, new Date().toISOString()]);
      n++;
    }
    return n;
  });
}
