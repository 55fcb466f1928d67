// vigil ingest | extract | demo
import { inputSizes, readInputs } from '../ingest/read.js';
import type { Document } from '../ingest/document.js';
import { openStore } from '../store/open.js';
import { ingestInputs } from '../pipeline/ingest.js';
import { extractAll } from '../pipeline/pool.js';
import { createProgress } from './progress.js';
import { incidentTable } from './render.js';
import { ROOT } from '../paths.js';
import { join } from 'node:path';
import { z } from 'zod';
import { UsageError } from './options.js';
import { enqueueInputs } from './team.js';

const threadsOf = (v: unknown): number | undefined => {
  if (v === undefined) return undefined;
  const n = z.coerce.number().int().min(1).max(64).safeParse(v);
  if (!n.success) throw new UsageError('--threads: expected a whole number from 1 to 64');
  return n.data;
};

interface IngestFlags { db?: string; threads?: string; policy?: string; queue?: boolean }

export async function ingestCommand(paths: string[], flags: IngestFlags): Promise<void> {
  const policy = z.enum(['latest', 'conservative']).safeParse(flags.policy ?? 'latest');
  if (!policy.success) throw new UsageError('--policy: expected latest or conservative');
  if (flags.queue) return enqueueInputs(paths, flags.db);
  const store = await openStore(flags.db);
  const stop = { requested: false };
  const onSignal = () => { stop.requested = true; process.stderr.write('\nvigil: stopping: storing the documents in hand, reading no more…\n'); };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  const progress = createProgress(process.stderr.isTTY ? await inputSizes(paths) : null);
  try {
    const sum = await ingestInputs(store, readInputs(paths), {
      threads: threadsOf(flags.threads), policy: policy.data, stop,
      onFailure: (input, reason) => progress.log(`vigil: ${input}: ${reason}`),
      onDocument: doc => progress.tick(doc.origin, doc.text.length),
    });
    progress.stop();
    process.stdout.write(`read ${sum.read}, new ${sum.new}, duplicate ${sum.duplicate}, failed ${sum.failed}, `
      + `incidents found ${sum.incidents} (${sum.incidentIds.length} incidents touched) in ${sum.seconds.toFixed(1)}s\n`);
    if (sum.failed) process.exitCode = 1;
    if (stop.requested) process.exitCode = 130;
  } finally {
    progress.stop();
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    await store.close();
  }
}

interface ExtractFlags { jsonl?: boolean; pretty?: boolean; threads?: string }

export async function extractCommand(paths: string[], flags: ExtractFlags): Promise<void> {
  let failed = 0;
  async function* docs(): AsyncGenerator<Document> {
    for await (const r of readInputs(paths)) {
      if (r.ok) yield r.doc;
      else { failed++; process.stderr.write(`vigil: ${r.input}: ${r.reason}\n`); }
    }
  }
  for await (const x of extractAll(docs(), threadsOf(flags.threads))) {
    if (!x.extraction) { failed++; process.stderr.write(`vigil: ${x.doc.origin}: extraction failed: ${x.error}\n`); continue; }
    const line = { id: x.doc.id, incidents: x.extraction.incidents, quotes: x.extraction.quotes };
    const ok = process.stdout.write(JSON.stringify(line, null, flags.pretty ? 2 : undefined) + '\n');
    if (!ok) await new Promise(r => process.stdout.once('drain', r));
  }
  if (failed) process.exitCode = 1;
}

export async function demoCommand(flags: { db?: string }): Promise<void> {
  const store = await openStore(flags.db);
  try {
    const examples = join(ROOT, 'examples');
    const progress = createProgress();
    const sum = await ingestInputs(store, readInputs([examples]), {
      onFailure: (input, reason) => progress.log(`vigil: ${input}: ${reason}`),
      onDocument: () => progress.tick(),
    });
    progress.stop();
    const { total, items } = await store.listIncidents({ sort: 'date', order: 'desc', limit: 100 });
    process.stdout.write(incidentTable(items) + '\n\n');
    process.stdout.write(`examples: read ${sum.read}, new ${sum.new}, duplicate ${sum.duplicate}, failed ${sum.failed}; `
      + `${total} incidents in ${flags.db ?? process.env.VIGIL_DB ?? './vigil.db'}\n`
      + `next: vigil show ${items[0]?.id ?? 'ID'} · vigil incidents --format csv · vigil stats · vigil search "suicide"\n`);
  } finally {
    await store.close();
  }
}
