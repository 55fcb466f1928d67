// The api_tokens table in a PostgreSQL store's database.
import pg from 'pg';
import type { Role, TokenRecord, TokenStore } from './tokens.js';

const SCHEMA = `CREATE TABLE IF NOT EXISTS api_tokens (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('reviewer', 'admin')),
  hash TEXT NOT NULL UNIQUE,
  created_at TIMESTAMPTZ NOT NULL,
  revoked_at TIMESTAMPTZ
)`;

interface Row { id: string; name: string; role: Role; hash: string; created_at: Date | string; revoked_at: Date | string | null }

const iso = (d: Date | string | null): string | null => (d === null ? null : new Date(d).toISOString());
const toRecord = (r: Row): TokenRecord => ({
  id: r.id, name: r.name, role: r.role, hash: r.hash, createdAt: iso(r.created_at)!, revokedAt: iso(r.revoked_at),
});

export class PostgresTokenStore implements TokenStore {
  private constructor(private readonly pool: pg.Pool) {}

  static async open(url: string): Promise<PostgresTokenStore> {
    const pool = new pg.Pool({ connectionString: url, max: 2 });
    await pool.query(SCHEMA);
    return new PostgresTokenStore(pool);
  }

  async insert(t: TokenRecord): Promise<void> {
    await this.pool.query('INSERT INTO api_tokens (id, name, role, hash, created_at, revoked_at) VALUES ($1, $2, $3, $4, $5, $6)',
      [t.id, t.name, t.role, t.hash, t.createdAt, t.revokedAt]);
  }

  async findByHash(hash: string): Promise<TokenRecord | null> {
    const { rows } = await this.pool.query<Row>('SELECT * FROM api_tokens WHERE hash = $1', [hash]);
    return rows[0] ? toRecord(rows[0]) : null;
  }

  async list(): Promise<TokenRecord[]> {
    const { rows } = await this.pool.query<Row>('SELECT * FROM api_tokens ORDER BY created_at');
    return rows.map(toRecord);
  }

  async revoke(id: string, at: string): Promise<boolean> {
    const res = await this.pool.query('UPDATE api_tokens SET revoked_at = $1 WHERE id = $2 AND revoked_at IS NULL', [at, id]);
    return (res.rowCount ?? 0) > 0;
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}
