// The last step of every reader: text and metadata become a Document (or a failure when there is no text).
import { documentId, type DocumentFormat } from './document.js';
import { normaliseDate } from './dates.js';
import { findDateline } from './dateline.js';
import type { Meta } from './meta.js';
import type { ReadResult } from './result.js';

/** What a reader gets out of one report. */
export interface Parsed {
  text: string;
  meta: Meta;
}

const clean = (s: string | null | undefined): string | null => s?.replace(/\s+/g, ' ').trim() || null;

export function buildDocument(parsed: Parsed, origin: string, format: DocumentFormat): ReadResult {
  const { text, meta } = parsed;
  if (text.trim() === '') return { ok: false, input: origin, reason: 'no text (empty or whitespace only)' };
  const found = meta.dateline ? null : findDateline(text);
  const published = normaliseDate(meta.published) ?? found?.date ?? null;
  return {
    ok: true,
    doc: {
      id: clean(meta.id) ?? documentId(text),
      title: clean(meta.title),
      source: clean(meta.source),
      url: clean(meta.url),
      author: clean(meta.author),
      published,
      language: 'en',
      text,
      origin,
      format,
      dateline: clean(meta.dateline) ?? found?.place ?? null,
    },
  };
}
