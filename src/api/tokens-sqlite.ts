// The api_tokens table in a SQLite store's database file, opened on its own connection.
import Database from 'better-sqlite3';
import type { Role, TokenRecord, TokenStore } from './tokens.js';

const SCHEMA = `CREATE TABLE IF NOT EXISTS api_tokens (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('reviewer', 'admin')),
  hash TEXT NOT NULL UNIQUE,
  created_at TEXT NOT NULL,
  revoked_at TEXT
)`;

interface Row { id: string; name: string; role: Role; hash: string; created_at: string; revoked_at: string | null }

const toRecord = (r: Row): TokenRecord => ({
  id: r.id, name: r.name, role: r.role, hash: r.hash, createdAt: r.created_at, revokedAt: r.revoked_at,
});

export class SqliteTokenStore implements TokenStore {
  private constructor(private readonly db: Database.Database) {}

  static open(file: string): SqliteTokenStore {
    const db = new Database(file);
    db.pragma('journal_mode = WAL');
    db.pragma('busy_timeout = 5000');
    db.exec(SCHEMA);
    return new SqliteTokenStore(db);
  }

  async insert(t: TokenRecord): Promise<void> {
    this.db.prepare('INSERT INTO api_tokens (id, name, role, hash, created_at, revoked_at) VALUES (?, ?, ?, ?, ?, ?)')
      .run(t.id, t.name, t.role, t.hash, t.createdAt, t.revokedAt);
  }

  async findByHash(hash: string): Promise<TokenRecord | null> {
    const row = this.db.prepare('SELECT * FROM api_tokens WHERE hash = ?').get(hash) as Row | undefined;
    return row ? toRecord(row) : null;
  }

  async list(): Promise<TokenRecord[]> {
    return (this.db.prepare('SELECT * FROM api_tokens ORDER BY created_at').all() as Row[]).map(toRecord);
  }

  async revoke(id: string, at: string): Promise<boolean> {
    return this.db.prepare('UPDATE api_tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL').run(at, id).changes > 0;
  }

  async close(): Promise<void> {
    this.db.close();
  }
}
