// API tokens: `vigil token create --role reviewer|admin` prints a token once; the store keeps only its
// SHA-256 hash, in a table of its own (api_tokens) in the same database as the incidents.
import { createHash, randomBytes, randomUUID } from 'node:crypto';

export const ROLES = ['reviewer', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export interface TokenRecord {
  id: string;
  name: string;
  role: Role;
  /** Hex SHA-256 of the token. */
  hash: string;
  createdAt: string;
  revokedAt: string | null;
}

/** Where token hashes live: a small table beside the store's own (see tokens-sqlite.ts, tokens-postgres.ts). */
export interface TokenStore {
  insert(token: TokenRecord): Promise<void>;
  findByHash(hash: string): Promise<TokenRecord | null>;
  list(): Promise<TokenRecord[]>;
  /** Returns false when there is no such (unrevoked) token. */
  revoke(id: string, at: string): Promise<boolean>;
  close(): Promise<void>;
}

export interface Principal { tokenId: string; name: string; role: Role }

export const hashToken = (token: string): string => createHash('sha256').update(token, 'utf8').digest('hex');

/** Creates a token and returns it in clear: the only time it is ever seen. */
export async function createToken(tokens: TokenStore, opts: { role: Role; name?: string }): Promise<{ token: string; record: TokenRecord }> {
  if (!(ROLES as readonly string[]).includes(opts.role)) throw new Error(`vigil: unknown role "${opts.role}" (roles: ${ROLES.join(', ')})`);
  const token = 'vgl_' + randomBytes(32).toString('base64url');
  const record: TokenRecord = {
    id: 'tok_' + randomUUID().replace(/-/g, '').slice(0, 12),
    name: opts.name?.trim() || opts.role,
    role: opts.role,
    hash: hashToken(token),
    createdAt: new Date().toISOString(),
    revokedAt: null,
  };
  await tokens.insert(record);
  return { token, record };
}

/** The principal a token stands for, or null when it is unknown, malformed or revoked. */
export async function verifyToken(tokens: TokenStore, token: string): Promise<Principal | null> {
  if (!/^vgl_[A-Za-z0-9_-]{43}$/.test(token)) return null;
  const record = await tokens.findByHash(hashToken(token));
  if (!record || record.revokedAt) return null;
  return { tokenId: record.id, name: record.name, role: record.role };
}

/** Admin can do everything a reviewer can. */
export const hasRole = (p: Principal, needed: Role): boolean => p.role === 'admin' || p.role === needed;

/** Opens the token table of a store location (as openStore resolves it: argument, $VIGIL_DB, ./vigil.db). */
export async function openTokenStore(location?: string): Promise<TokenStore> {
  const { DEFAULT_DB, isPostgresUrl } = await import('../store/open.js');
  const where = location || process.env.VIGIL_DB || DEFAULT_DB;
  if (isPostgresUrl(where)) {
    const { PostgresTokenStore } = await import('./tokens-postgres.js');
    return PostgresTokenStore.open(where);
  }
  const { SqliteTokenStore } = await import('./tokens-sqlite.js');
  return SqliteTokenStore.open(where);
}
