// Opens the store a location names: a postgres:// URL, or a SQLite file path (default ./vigil.db).
import type { Store } from './store.js';

export const DEFAULT_DB = './vigil.db';

export function isPostgresUrl(location: string): boolean {
  return /^postgres(ql)?:\/\//i.test(location);
}

/** Location from the argument, else $VIGIL_DB, else ./vigil.db; migrations are applied on open. */
export async function openStore(location?: string): Promise<Store> {
  const where = location || process.env.VIGIL_DB || DEFAULT_DB;
  let store: Store;
  if (isPostgresUrl(where)) {
    const { PostgresStore } = await import('./postgres/store.js');
    store = new PostgresStore(where);
  } else {
    const { SqliteStore } = await import('./sqlite/store.js');
    store = new SqliteStore(where);
  }
  try {
    await store.migrate();
  } catch (err) {
    await store.close().catch(() => undefined);
    throw err;
  }
  return store;
}
