// The PostgreSQL connection: a pool bound to one schema, and transactions on one client.
import pg from 'pg';

/** JSON stays text (the store parses it, as with SQLite); counts (int8) become numbers. */
const types = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === 114 || oid === 3802) return (v: string) => v;
    if (oid === 20) return (v: string) => Number(v);
    return pg.types.getTypeParser(oid, format as 'text');
  },
};

export interface PgLocation { connectionString: string; schema: string | null }

/** `postgres://…?schema=name` selects a schema (created on migrate); other parameters go to pg. */
export function parseLocation(url: string): PgLocation {
  const u = new URL(url);
  const schema = u.searchParams.get('schema');
  u.searchParams.delete('schema');
  if (schema !== null && !/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) throw new Error(`vigil: invalid schema name "${schema}"`);
  return { connectionString: u.toString(), schema };
}

export function createPool(loc: PgLocation): pg.Pool {
  const pool = new pg.Pool({
    connectionString: loc.connectionString, max: 4, types,
    // The schema is the connection's search path from the start: no query races ahead of it.
    ...(loc.schema ? { options: `-c search_path=${loc.schema}` } : {}),
  } as pg.PoolConfig);
  pool.on('error', () => undefined); // an idle client's connection dropped: the pool replaces it
  return pool;
}

export type Queryable = pg.Pool | pg.PoolClient;

export async function rows<T>(db: Queryable, sql: string, params: unknown[] = []): Promise<T[]> {
  return (await db.query(sql, params)).rows as T[];
}

export async function one<T>(db: Queryable, sql: string, params: unknown[] = []): Promise<T | undefined> {
  return (await db.query(sql, params)).rows[0] as T | undefined;
}

/** Deadlocks and serialization failures: the transaction may simply be run again. */
const RETRYABLE = new Set(['40001', '40P01']);

/** Runs `fn` in BEGIN … COMMIT on one client; rolls back on error; retries deadlocks a few times. */
export async function transaction<T>(pool: pg.Pool, fn: (c: pg.PoolClient) => Promise<T>, attempts = 5): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      const out = await fn(client);
      await client.query('COMMIT');
      return out;
    } catch (err) {
      await client.query('ROLLBACK').catch(() => undefined);
      const code = (err as { code?: string }).code;
      if (!code || !RETRYABLE.has(code) || attempt >= attempts) throw err;
      await new Promise((r) => setTimeout(r, 10 * attempt + Math.random() * 40));
    } finally {
      client.release();
    }
  }
}

/** A parameter list that numbers its placeholders ($1, $2, …) as they are pushed. */
export function params(): { values: unknown[]; p: (v: unknown) => string } {
  const values: unknown[] = [];
  return { values, p: (v) => { values.push(v); return '$' + values.length; } };
}
