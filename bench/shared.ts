// Where the benchmarks find ../shared (the data sets and the scorer): beside the repository, or $VIGIL_SHARED.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ROOT } from '../src/paths.js';

export function sharedDir(): string {
  const dir = process.env.VIGIL_SHARED ? resolve(process.env.VIGIL_SHARED) : resolve(ROOT, '..', 'shared');
  if (!existsSync(join(dir, 'eval', 'score.mjs'))) {
    throw new Error(`cannot find the shared data at ${dir} (set VIGIL_SHARED to the folder with eval/ and data/)`);
  }
  return dir;
}

export const CLI = join(ROOT, 'dist', 'src', 'cli', 'main.js');
