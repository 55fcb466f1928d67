// Versioned migrations: readable SQL files under migrations/<dialect>/NNN_name.sql at the repo root.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../../paths.js';

export interface Migration { version: string; name: string; sql: string }

export function loadMigrations(dialect: 'sqlite' | 'postgres'): Migration[] {
  const dir = join(ROOT, 'migrations', dialect);
  return readdirSync(dir)
    .filter((f) => /^\d+_.+\.sql$/.test(f))
    .sort()
    .map((f) => ({ version: f.split('_')[0]!, name: f.replace(/\.sql$/, ''), sql: readFileSync(join(dir, f), 'utf8') }));
}
