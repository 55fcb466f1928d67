// ingest: read → skip what is stored → extract on every core → store each document in its own transaction.
import type { Store } from '../store/store.js';
import type { Document } from '../ingest/document.js';
import type { ReadResult } from '../ingest/result.js';
import type { HeadlinePolicy } from '../resolve/contract.js';
import { extractAll, defaultThreads } from './pool.js';

export interface IngestSummary {
  read: number;
  new: number;
  duplicate: number;
  failed: number;
  incidents: number;
  /** Ids of the incidents that new documents created or changed. */
  incidentIds: string[];
  seconds: number;
}

export interface IngestEvents {
  onFailure?: (input: string, reason: string) => void;
  onDocument?: (doc: Document, outcome: 'new' | 'duplicate' | 'failed', mentions: number) => void;
}

export interface IngestOptions extends IngestEvents {
  threads?: number;
  policy?: HeadlinePolicy;
  /** Set by a signal handler: stop reading, store the documents already being extracted, return. */
  stop?: { requested: boolean };
}

export async function ingestInputs(store: Store, inputs: AsyncIterable<ReadResult>, opts: IngestOptions = {}): Promise<IngestSummary> {
  const t0 = process.hrtime.bigint();
  const sum: IngestSummary = { read: 0, new: 0, duplicate: 0, failed: 0, incidents: 0, incidentIds: [], seconds: 0 };
  const touched = new Set<string>();
  const fail = (input: string, reason: string) => { sum.failed++; opts.onFailure?.(input, reason); };

  // Documents already stored are counted here and never reach the extractor.
  async function* fresh(): AsyncGenerator<Document> {
    for await (const r of inputs) {
      if (opts.stop?.requested) return;
      sum.read++;
      if (!r.ok) { fail(r.input, r.reason); continue; }
      if (await store.hasDocument(r.doc.id)) { sum.duplicate++; opts.onDocument?.(r.doc, 'duplicate', 0); continue; }
      yield r.doc;
    }
  }

  for await (const x of extractAll(fresh(), opts.threads ?? defaultThreads())) {
    if (!x.extraction) { fail(x.doc.origin, `extraction failed: ${x.error}`); opts.onDocument?.(x.doc, 'failed', 0); continue; }
    try {
      const out = await store.ingest(x.doc, x.extraction, opts.policy);
      if (out.status === 'duplicate') { sum.duplicate++; opts.onDocument?.(x.doc, 'duplicate', 0); continue; }
      sum.new++;
      sum.incidents += out.mentions;
      for (const id of out.incidentIds) touched.add(id);
      opts.onDocument?.(x.doc, 'new', out.mentions);
    } catch (err) {
      fail(x.doc.origin, `not stored: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
  sum.incidentIds = [...touched];
  sum.seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  return sum;
}
