// Extraction on every core: worker threads each run the extractor; results come back in input order.
import { Worker } from 'node:worker_threads';
import { availableParallelism } from 'node:os';
import type { Document } from '../ingest/document.js';
import type { Extraction } from '../model.js';

export interface Extracted { doc: Document; extraction: Extraction | null; error?: string }

const WORKER_URL = new URL('./extract-worker.js', import.meta.url);
const IN_FLIGHT_PER_WORKER = 8;

export function defaultThreads(): number {
  return Math.max(1, availableParallelism());
}

/**
 * Extracts documents from an async source, `threads` at a time, yielding results in source order.
 * With one thread, or for a handful of documents, extraction runs inline (no worker start-up cost).
 */
export async function* extractAll(source: AsyncIterable<Document>, threads = defaultThreads(), window = threads * IN_FLIGHT_PER_WORKER): AsyncGenerator<Extracted> {
  if (threads <= 1) {
    for await (const doc of source) yield await extractOne(doc);
    return;
  }
  const workers = Array.from({ length: threads }, () => new Worker(WORKER_URL));
  const pending = new Map<number, { resolve: (r: Extracted) => void }>();
  const results: Promise<Extracted>[] = [];
  let next = 0;
  const docs = new Map<number, Document>();
  for (const w of workers) {
    w.on('message', (m: { seq: number; extraction: Extraction | null; error?: string }) => {
      const p = pending.get(m.seq)!;
      pending.delete(m.seq);
      const doc = docs.get(m.seq)!;
      docs.delete(m.seq);
      p.resolve(m.error ? { doc, extraction: null, error: m.error } : { doc, extraction: m.extraction });
    });
    w.on('error', err => { for (const p of pending.values()) p.resolve({ doc: {} as Document, extraction: null, error: String(err) }); });
  }
  try {
    let emitted = 0;
    for await (const doc of source) {
      const seq = next++;
      docs.set(seq, doc);
      results.push(new Promise<Extracted>(resolve => pending.set(seq, { resolve })));
      workers[seq % threads]!.postMessage({ seq, doc });
      // Back-pressure: keep a bounded window in flight so memory stays flat however long the source.
      while (seq + 1 - emitted >= window) { yield await results[emitted]!; delete results[emitted]; emitted++; }
    }
    while (emitted < next) { yield await results[emitted]!; delete results[emitted]; emitted++; }
  } finally {
    await Promise.all(workers.map(w => w.terminate()));
  }
}

// The extractor (and its gazetteer) is loaded in the main thread only when it runs there.
let inline: typeof import('../extract/index.js') | null = null;

export async function extractOne(doc: Document): Promise<Extracted> {
  try {
    inline ??= await import('../extract/index.js');
    return { doc, extraction: inline.extract(doc) };
  } catch (err) {
    return { doc, extraction: null, error: err instanceof Error ? err.message : String(err) };
  }
}

/** Extraction threads for callers that pull work themselves (the queue worker): one promise per document. */
export class ExtractorThreads {
  private readonly workers: Worker[];
  private readonly pending = new Map<number, (r: Extracted) => void>();
  private readonly docs = new Map<number, Document>();
  private seq = 0;

  constructor(readonly threads: number) {
    this.workers = threads <= 1 ? [] : Array.from({ length: threads }, () => {
      const w = new Worker(WORKER_URL);
      w.on('message', (m: { seq: number; extraction: Extraction | null; error?: string }) => {
        const done = this.pending.get(m.seq)!, doc = this.docs.get(m.seq)!;
        this.pending.delete(m.seq);
        this.docs.delete(m.seq);
        done(m.error ? { doc, extraction: null, error: m.error } : { doc, extraction: m.extraction });
      });
      return w;
    });
  }

  extract(doc: Document): Promise<Extracted> {
    if (!this.workers.length) return extractOne(doc);
    const seq = this.seq++;
    this.docs.set(seq, doc);
    return new Promise(resolve => {
      this.pending.set(seq, resolve);
      this.workers[seq % this.workers.length]!.postMessage({ seq, doc });
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map(w => w.terminate()));
  }
}
