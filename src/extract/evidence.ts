// Evidence: a field's value as a span of the document, with the sentence around it.
import type { Evidence } from '../model.js';
import type { Annotated, Span } from './annotate.js';

export function evidence(a: Annotated, field: string, value: string, span: Span): Evidence {
  const s = a.sentences[a.tokens[span.from]!.sent]!;
  return { doc: a.doc.id, field, value, start: span.start, end: span.end, text: a.text.slice(span.start, span.end), sentenceStart: s.start, sentenceEnd: s.end };
}
