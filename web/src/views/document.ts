// A document: its text with every extracted span highlighted, its incidents and its quotes.
import { api, ApiError } from '../api.js';
import { h, replace } from '../dom.js';
import { dateText, label, num, placeText } from '../format.js';
import { highlighted, type Span } from '../highlight.js';
import { hrefFor, type Route } from '../state.js';

export async function documentPage(el: HTMLElement, route: Route, isCurrent: () => boolean): Promise<void> {
  const id = route.id!;
  let doc;
  try {
    doc = await api.document(id);
  } catch (err) {
    if (!isCurrent()) return;
    replace(el, h('p', { class: 'error' }, err instanceof ApiError && err.status === 404 ? `No document ${id}.` : (err as Error).message));
    return;
  }
  if (!isCurrent()) return;
  const spans: Span[] = [];
  for (const m of doc.mentions) {
    for (const e of m.incident.evidence) if (e.doc === doc.id) spans.push({ start: e.start, end: e.end, label: e.field });
  }
  doc.quotes.forEach((q) => spans.push({ start: q.start, end: q.end, label: 'quote' + (q.speaker ? ': ' + q.speaker : ''), kind: 'quote' }));

  replace(el,
    h('nav', { class: 'crumbs' }, h('a', { href: hrefFor('documents', null, route.filter) }, '← documents')),
    h('header', { class: 'incident-head' },
      h('h2', null, doc.title ?? doc.id),
      h('div', { class: 'meta' }, [doc.source, doc.author, doc.published?.slice(0, 10), doc.dateline, doc.format, doc.origin].filter(Boolean).join(' · '),
        doc.url ? [' · ', h('a', { href: doc.url, rel: 'noopener noreferrer', target: '_blank' }, 'original')] : null)),
    h('div', { class: 'doc-layout' },
      h('div', { class: 'doctext' }, highlighted(doc.text, spans)),
      h('aside', null,
        h('h3', null, `Incidents (${doc.mentions.length})`),
        doc.mentions.length === 0 ? h('p', { class: 'muted' }, 'None extracted.') : h('ul', { class: 'plain' }, doc.mentions.map((m) => {
          const target = m.pinnedIncident ?? (doc.incidentIds.length === 1 ? doc.incidentIds[0] : null);
          const i = m.incident;
          const text = `${label(i.type)}, ${dateText(i.date)}, ${placeText(i.location)}` + (i.killed ? `, ${num(typeof i.killed === 'number' ? i.killed : i.killed.value)} killed` : '');
          return h('li', null, target ? h('a', { href: hrefFor('incident', target, route.filter) }, text) : text);
        })),
        doc.incidentIds.length ? h('p', null, 'Resolved into: ', doc.incidentIds.map((iid, k) => [k ? ', ' : '', h('a', { href: hrefFor('incident', iid, route.filter) }, iid)])) : null,
        h('h3', null, `Quotes (${doc.quotes.length})`),
        doc.quotes.length === 0 ? h('p', { class: 'muted' }, 'None.') : h('ul', { class: 'plain quotes' }, doc.quotes.map((q) => h('li', null,
          h('blockquote', null, q.text),
          h('cite', null, [q.speaker, q.role, q.affiliation].filter(Boolean).join(', ') || 'unattributed')))),
        h('h3', null, 'Legend'),
        h('p', null, h('mark', { class: 'hl-field' }, 'extracted fact'), ' ', h('mark', { class: 'hl-quote' }, 'quote')),
      ),
    ),
  );
}

export async function documentList(el: HTMLElement, route: Route, isCurrent: () => boolean): Promise<void> {
  const page = Math.max(1, Number(route.options.page ?? 1) || 1);
  const q = route.filter.q;
  if (q) {
    const res = await api.search(q);
    if (!isCurrent()) return;
    replace(el, h('h2', null, `Documents matching “${q}”`),
      res.hits.length === 0 ? h('p', { class: 'empty' }, 'No document matches.') : h('ul', { class: 'plain hits' }, res.hits.map((hit) => h('li', null,
        h('a', { href: hrefFor('document', hit.docId, route.filter) }, hit.title ?? hit.docId), ' ',
        h('span', { class: 'meta' }, hit.published?.slice(0, 10) ?? ''), h('div', { class: 'snippet' }, hit.snippet)))));
    return;
  }
  const data = await api.documents(50, (page - 1) * 50);
  if (!isCurrent()) return;
  replace(el, h('h2', null, `Documents (${num(data.total)})`),
    h('table', { class: 'incidents' },
      h('thead', null, h('tr', null, ['Title', 'Source', 'Published', 'Format', 'Incidents', 'Ingested'].map((t) => h('th', null, t)))),
      h('tbody', null, data.items.map((d) => h('tr', null,
        h('td', null, h('a', { href: hrefFor('document', d.id, route.filter) }, d.title ?? d.id)),
        h('td', null, d.source ?? '—'), h('td', { class: 'nowrap' }, d.published?.slice(0, 10) ?? '—'), h('td', null, d.format),
        h('td', { class: 'num' }, String(d.incidents)), h('td', { class: 'nowrap' }, d.ingestedAt.slice(0, 16).replace('T', ' ')))))),
    h('div', { class: 'pager' },
      page > 1 ? h('a', { href: hrefFor('documents', null, route.filter, { page: page - 1 }) }, '‹ prev') : null,
      h('span', null, `page ${page} / ${Math.max(1, Math.ceil(data.total / 50))}`),
      page * 50 < data.total ? h('a', { href: hrefFor('documents', null, route.filter, { page: page + 1 }) }, 'next ›') : null));
}
