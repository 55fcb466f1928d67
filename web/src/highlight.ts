// Text with marked spans, built from text nodes and <mark> elements only. Spans may overlap: the
// text is cut at every span boundary and each piece is marked with every span that covers it.
import { h } from './dom.js';

export interface Span { start: number; end: number; label: string; kind?: string; id?: string }

export function highlighted(text: string, spans: Span[]): DocumentFragment {
  const frag = document.createDocumentFragment();
  const valid = spans.filter((s) => s.start >= 0 && s.end <= text.length && s.end > s.start);
  const cuts = new Set<number>([0, text.length]);
  for (const s of valid) { cuts.add(s.start); cuts.add(s.end); }
  const points = [...cuts].sort((a, b) => a - b);
  const anchored = new Set<string>();
  for (let i = 0; i + 1 < points.length; i++) {
    const a = points[i]!;
    const b = points[i + 1]!;
    const piece = text.slice(a, b);
    const covering = valid.filter((s) => s.start <= a && s.end >= b);
    if (covering.length === 0) {
      frag.appendChild(document.createTextNode(piece));
      continue;
    }
    const labels = [...new Set(covering.map((s) => s.label))];
    const kinds = [...new Set(covering.map((s) => s.kind ?? 'field'))];
    const mark = h('mark', { class: kinds.map((k) => 'hl-' + k).join(' '), title: labels.join(', '), 'data-fields': labels.join(' ') }, piece);
    for (const s of covering) {
      if (s.id && !anchored.has(s.id) && s.start === a) {
        mark.id = s.id;
        anchored.add(s.id);
      }
    }
    frag.appendChild(mark);
  }
  return frag;
}
