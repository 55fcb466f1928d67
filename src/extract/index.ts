// The extractor: (document) → incidents and quotes. Stateless and deterministic; the stages read
// like the pipeline of DESIGN.md.
import type { Document } from '../ingest/document.js';
import type { Extraction } from '../model.js';
import { annotate } from './annotate.js';
import { eventMentions } from './events.js';
import { incidents } from './incidents.js';
import { quotes } from './quotes.js';

export function extract(doc: Document): Extraction {
  const a = annotate(doc);
  const events = eventMentions(a);
  return { docId: doc.id, incidents: incidents(a, events), quotes: quotes(a) };
}
