// Uploads: a file an analyst dropped on the dashboard goes through the same readers, extractor and
// store as `vigil ingest`. The file is written under its own name to a private temporary folder, so
// the readers pick the format by its extension, then removed.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, extname, join } from 'node:path';
import type { ReadResult } from '../ingest/result.js';
import type { Store } from '../store/store.js';
import { HttpError } from './errors.js';
import type { UploadedFile } from './multipart.js';

export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;
export const UPLOAD_EXTENSIONS = ['.txt', '.md', '.html', '.htm', '.pdf', '.json', '.jsonl', '.xml'] as const;

export interface FileOutcome {
  file: string;
  documents: { docId: string; status: 'new' | 'duplicate'; mentions: number }[];
  failures: { input: string; reason: string }[];
  /** The incidents the file's new documents created or changed. */
  incidentIds: string[];
}

/** A safe file name: the base name only, no control or path characters. */
export function safeName(name: string): string {
  const base = basename(name.replace(/\\/g, '/')).replace(/[\x00-\x1f/\\:*?"<>|]/g, '_').trim();
  return base === '' || base === '.' || base === '..' ? 'upload.txt' : base.slice(0, 200);
}

export function checkUpload(file: UploadedFile): void {
  const ext = extname(file.name).toLowerCase();
  if (!(UPLOAD_EXTENSIONS as readonly string[]).includes(ext)) {
    throw new HttpError(415, `${file.name}: unsupported file type "${ext || '(none)'}" (allowed: ${UPLOAD_EXTENSIONS.join(' ')})`);
  }
  if (file.data.length > MAX_UPLOAD_BYTES) {
    throw new HttpError(413, `${file.name}: ${file.data.length} bytes is over the ${MAX_UPLOAD_BYTES / 1024 / 1024} MB limit`);
  }
  if (file.data.length === 0) throw new HttpError(400, `${file.name}: the file is empty`);
}

/** Reads, extracts and stores one uploaded file through the ingest pipeline; its documents are recorded as `upload:<name>`. */
export async function ingestUpload(store: Store, file: UploadedFile): Promise<FileOutcome> {
  const name = safeName(file.name);
  const dir = await mkdtemp(join(tmpdir(), 'vigil-upload-'));
  const path = join(dir, name);
  const outcome: FileOutcome = { file: name, documents: [], failures: [], incidentIds: [] };
  const local = (s: string) => s.split(path).join(name);
  // Loaded on the first upload: the extractor's gazetteers are large, and serving does not need them.
  const [{ readInputs }, { ingestInputs }] = await Promise.all([import('../ingest/read.js'), import('../pipeline/ingest.js')]);
  async function* renamed(): AsyncGenerator<ReadResult> {
    for await (const r of readInputs([path])) {
      yield r.ok ? { ok: true, doc: { ...r.doc, origin: 'upload:' + local(r.doc.origin) } } : { ok: false, input: local(r.input), reason: local(r.reason) };
    }
  }
  try {
    await writeFile(path, file.data);
    const summary = await ingestInputs(store, renamed(), {
      threads: 1,
      onFailure: (input, reason) => outcome.failures.push({ input: local(input), reason: local(reason) }),
      onDocument: (doc, status, mentions) => { if (status !== 'failed') outcome.documents.push({ docId: doc.id, status, mentions }); },
    });
    outcome.incidentIds = summary.incidentIds;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  return outcome;
}
