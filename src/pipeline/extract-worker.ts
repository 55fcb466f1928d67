// Worker thread body: extracts the documents it is sent.
import { parentPort } from 'node:worker_threads';
import type { Document } from '../ingest/document.js';
import { extract } from '../extract/index.js';

parentPort!.on('message', (m: { seq: number; doc: Document }) => {
  try {
    parentPort!.postMessage({ seq: m.seq, extraction: extract(m.doc) });
  } catch (err) {
    parentPort!.postMessage({ seq: m.seq, extraction: null, error: err instanceof Error ? err.message : String(err) });
  }
});
