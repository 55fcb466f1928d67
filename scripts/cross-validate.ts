// Chooses the models' L2 weight on MUC-4 train alone: for each weight and each held-out fold, fits both
// models on the other four fifths of train, extracts the held-out fifth and scores it with the official
// scorer. The shipped models (data/model/) are restored at the end; devtest and the seeds are never read.
//
//   npx tsx scripts/cross-validate.ts [l2 …]        (default 1e-3 3e-3 1e-2; folds 0 and 1)
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT, dataPath } from '../src/paths.js';

const shared = resolve(process.env.VIGIL_SHARED ?? join(ROOT, '..', 'shared'));
const weights = process.argv.slice(2).length ? process.argv.slice(2) : ['1e-3', '3e-3', '1e-2'];
const folds = (process.env.FOLDS ?? '0,1').split(',');
const { score } = await import(pathToFileURL(join(shared, 'eval', 'score.mjs')).href) as {
  score: (g: Map<string, unknown>, p: Map<string, unknown>) => { all: { f: number }; roles: { f: number } };
};

const lines = readFileSync(join(shared, 'data', 'muc4', 'train.jsonl'), 'utf8').split('\n').filter(Boolean);
const tmp = mkdtempSync(join(tmpdir(), 'vigil-cv-'));
const models = ['roles.json', 'incident-filter.json'];
for (const m of models) copyFileSync(dataPath('model', m), join(tmp, m));
const tsx = join(ROOT, 'node_modules', '.bin', 'tsx');
try {
  for (const l2 of weights) {
    const rows: string[] = [];
    for (const k of folds) {
      const env = { ...process.env, FIT_L2: l2, FIT_HOLDOUT: k };
      for (const s of ['fit-roles.ts', 'fit-incident-filter.ts']) execFileSync(tsx, [join(ROOT, 'scripts', s), shared], { env, stdio: 'ignore' });
      const held = lines.filter((_, i) => i % 5 === Number(k));
      const goldFile = join(tmp, `fold${k}.jsonl`);
      writeFileSync(goldFile, held.join('\n') + '\n');
      const out = execFileSync(tsx, [join(ROOT, 'src', 'cli', 'main.ts'), 'extract', goldFile], { maxBuffer: 1 << 30 }).toString();
      const byId = (text: string) => new Map(text.split('\n').filter(Boolean).map(l => { const d = JSON.parse(l) as { id: string }; return [d.id, d]; }));
      const r = score(byId(held.join('\n')), byId(out));
      rows.push(`fold ${k}: ALL ${r.all.f.toFixed(1)} roles ${r.roles.f.toFixed(1)}`);
    }
    console.log(`l2 ${l2}\t${rows.join('\t')}`);
  }
} finally {
  for (const m of models) copyFileSync(join(tmp, m), dataPath('model', m));
}
