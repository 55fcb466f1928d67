// PostgreSQL test isolation: every store opened by a test gets its own schema, dropped afterwards.
import { randomBytes } from 'node:crypto';
import pg from 'pg';

export function pgTestLocation(base: string): { url: string; schema: string } {
  const schema = 'vigil_test_' + randomBytes(6).toString('hex');
  const url = new URL(base);
  url.searchParams.set('schema', schema);
  return { url: url.toString(), schema };
}

export async function dropPgTestSchema(base: string, schema: string): Promise<void> {
  if (!/^vigil_test_[0-9a-f]+$/.test(schema)) throw new Error('refusing to drop ' + schema);
  const client = new pg.Client({ connectionString: base });
  await client.connect();
  try { await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`); } finally { await client.end(); }
}
