// Extraction on every core: worker threads each run the extractor; results come back in input order.
import { Worker } from 'node:worker_threads';
import { availableParallelism } from 'node:os';
import type { Document } from '../ingest/document.js';
import type { Extraction } from '../model.js';

export interface Extracted { doc: Document; extraction: Extraction | null; error?: string }

const WORKER_URL = new URL('./extract-worker.js', import.meta.url);
const IN_FLIGHT_PER_WORKER = 8;
/** Up to this many documents are extracted in the main thread: starting threads (each loads the gazetteer) costs more. */
const SMALL_RUN = 4;
/**
 * V8 collects lazily: without a ceiling each thread's heap drifts up with the corpus. The extractor needs about
 * 100 MB (most of it the gazetteer) plus ~50 MB per MB of document; a thread that runs out is replaced, and the
 * document that was too big for it is extracted in the main thread.
 */
const WORKER_LIMITS = { maxOldGenerationSizeMb: 256 };

export function defaultThreads(): number {
  return Math.max(1, availableParallelism());
}

/**
 * Extracts documents from an async source, `threads` at a time, yielding results in source order.
 * With one thread, or for a handful of documents, extraction runs inline (no worker start-up cost).
 */
export async function* extractAll(source: AsyncIterable<Document>, threads = defaultThreads(), window = threads * IN_FLIGHT_PER_WORKER): AsyncGenerator<Extracted> {
  const it = source[Symbol.asyncIterator]();
  const head: Document[] = [];
  let exhausted = false;
  while (threads > 1 && head.length <= SMALL_RUN) {
    const r = await it.next();
    if (r.done) { exhausted = true; break; }
    head.push(r.value);
  }
  if (threads <= 1 || exhausted) {
    for (const doc of head) yield await extractOne(doc);
    if (!exhausted) for (let r = await it.next(); !r.done; r = await it.next()) yield await extractOne(r.value);
    return;
  }
  const pool = new ExtractorThreads(threads);
  const queue: Promise<Extracted>[] = [];
  try {
    for (const doc of head) queue.push(pool.extract(doc));
    for (let r = await it.next(); !r.done; r = await it.next()) {
      queue.push(pool.extract(r.value));
      // Back-pressure: a bounded window in flight, so memory stays flat however long the source.
      while (queue.length >= window) yield await queue.shift()!;
    }
    while (queue.length) yield await queue.shift()!;
  } finally {
    await pool.close();
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

interface Pending { doc: Document; worker: Worker; resolve: (r: Extracted) => void }

/** Extraction threads, one promise per document. A thread that dies fails its documents and is replaced. */
export class ExtractorThreads {
  private readonly workers: Worker[] = [];
  private readonly pending = new Map<number, Pending>();
  private seq = 0;
  private closing = false;

  constructor(readonly threads: number) {
    for (let i = 0; i < threads && threads > 1; i++) this.start();
  }

  private start(): void {
    const w = new Worker(WORKER_URL, { resourceLimits: WORKER_LIMITS });
    w.on('message', (m: { seq: number; extraction: Extraction | null; error?: string }) => {
      const p = this.pending.get(m.seq);
      if (!p) return;
      this.pending.delete(m.seq);
      p.resolve(m.error ? { doc: p.doc, extraction: null, error: m.error } : { doc: p.doc, extraction: m.extraction });
    });
    w.on('error', err => this.fail(w, err instanceof Error ? err.message : String(err)));
    w.on('exit', code => { if (code !== 0) this.fail(w, `extraction thread exited with code ${code}`); });
    this.workers.push(w);
  }

  private fail(w: Worker, error: string): void {
    const i = this.workers.indexOf(w);
    if (i < 0) return;
    this.workers.splice(i, 1);
    if (!this.closing) this.start();
    // A thread works through its documents in order: the first one it had is the one that broke it (most
    // often a very long document that outgrew the thread's heap): it is extracted once more in this thread,
    // whose heap is the process's. The others go to the threads that are left.
    const mine = [...this.pending].filter(([, p]) => p.worker === w).sort((x, y) => x[0] - y[0]);
    mine.forEach(([seq, p], k) => {
      this.pending.delete(seq);
      if (k === 0) void extractOne(p.doc).then(r => p.resolve(r.extraction ? r : { ...r, error: `${error}; then ${r.error}` }));
      else void this.extract(p.doc).then(p.resolve);
    });
  }

  extract(doc: Document): Promise<Extracted> {
    if (!this.workers.length) return extractOne(doc);
    const seq = this.seq++;
    const worker = this.workers[seq % this.workers.length]!;
    return new Promise(resolve => {
      this.pending.set(seq, { doc, worker, resolve });
      worker.postMessage({ seq, doc });
    });
  }

  /** Loads the extractor in every thread, so that the first real document is not slowed by it. */
  async warm(): Promise<void> {
    const probe: Document = { id: 'warm', title: null, source: null, url: null, author: null, published: null, language: 'en', text: 'A bomb exploded in Paris.', origin: 'warm', format: 'txt' };
    await Promise.all(this.workers.map(() => this.extract(probe)));
  }

  async close(): Promise<void> {
    this.closing = true;
    const ws = this.workers.splice(0);
    await Promise.all(ws.map(w => w.terminate()));
  }
}
