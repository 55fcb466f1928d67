import { createHash } from 'node:crypto';

/** One report, whatever its format: the unit of ingestion, extraction and deduplication. */
export interface Document {
  /** `doc_` + hash of the normalised text, or the id a .jsonl record carried. */
  id: string;
  title: string | null;
  /** The publisher ("Reuters", "Vocativ"). */
  source: string | null;
  url: string | null;
  author: string | null;
  /** ISO date (YYYY-MM-DD) or date-time; the reference for "Friday" and "last week". */
  published: string | null;
  language: string;
  text: string;
  /** Where it came from: a file path (with `#n` for the n-th record of a collection), `stdin`, or a URL. */
  origin: string;
  format: DocumentFormat;
  /** The place in a wire dateline ("BOGOTA, 9 JAN 90 (EFE) --"), when the reader found one. */
  dateline?: string | null;
}

export type DocumentFormat = 'txt' | 'md' | 'html' | 'pdf' | 'json' | 'jsonl' | 'rss' | 'atom';

/** Whitespace and case folded, so that re-wrapped or re-cased copies of one text share an id. */
export function normaliseText(text: string): string {
  return text.normalize('NFKC').replace(/\s+/g, ' ').trim().toLowerCase();
}

export function documentId(text: string): string {
  return 'doc_' + createHash('sha256').update(normaliseText(text)).digest('hex').slice(0, 16);
}
