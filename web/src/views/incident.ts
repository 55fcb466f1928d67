// The incident page: every field next to the sentence it came from (highlighted in the source's text),
// the other sources' values, the review actions and the audit trail.
import type { Evidence } from '../../../src/model.js';
import type { Alternative } from '../../../src/resolve/contract.js';
import { api, ApiError, type IncidentDetail, type StoredDocument } from '../api.js';
import { h, replace } from '../dom.js';
import { dateText, label, placeText, valueText } from '../format.js';
import { highlighted, type Span } from '../highlight.js';
import { hrefFor, type Route } from '../state.js';
import { notify } from './notify.js';

const FIELDS = ['type', 'status', 'date', 'location', 'perpetrators', 'targets', 'victims', 'weapons', 'killed', 'injured', 'perpetratorsKilled', 'suicide', 'summary'] as const;
type Field = (typeof FIELDS)[number];

const TYPES = ['bombing', 'armed_assault', 'assassination', 'kidnapping', 'hostage_taking', 'hijacking', 'arson', 'vehicle_ramming', 'unarmed_assault', 'other'];
const STATUSES = ['carried_out', 'failed', 'foiled', 'threatened'];

/** Evidence fields named after the incident's fields ("perpetrator" → perpetrators ...). */
function fieldOf(e: Evidence): string {
  const f = e.field.replace(/\[.*$/, '');
  const plural: Record<string, string> = { perpetrator: 'perpetrators', target: 'targets', victim: 'victims', weapon: 'weapons', place: 'location', country: 'location' };
  return plural[f] ?? f;
}

const evidenceId = (e: Evidence) => `ev-${e.doc}-${e.start}-${e.end}`;

function allEvidence(d: IncidentDetail): Evidence[] {
  const seen = new Set<string>();
  const out: Evidence[] = [];
  for (const e of [...d.incident.evidence, ...d.mentions.flatMap((m) => m.incident.evidence)]) {
    const k = `${e.doc}|${e.field}|${e.start}|${e.end}`;
    if (!seen.has(k)) { seen.add(k); out.push(e); }
  }
  return out;
}

/** The sentence around a piece of evidence with the evidence itself marked. */
function sentence(e: Evidence, doc: StoredDocument | undefined): Node {
  if (!doc) return h('q', null, e.text);
  const from = e.sentenceStart ?? Math.max(0, e.start - 80);
  const to = e.sentenceEnd ?? Math.min(doc.text.length, e.end + 80);
  const frag = highlighted(doc.text.slice(from, to), [{ start: e.start - from, end: e.end - from, label: e.field }]);
  return h('a', { href: '#', class: 'evidence', 'data-target': evidenceId(e), title: `in ${doc.title ?? doc.id}` }, frag);
}

function editor(field: Field, value: unknown): { el: HTMLElement; read(): unknown } {
  if (field === 'type' || field === 'status') {
    const sel = h('select', { name: 'value' }, (field === 'type' ? TYPES : STATUSES).map((v) => h('option', { value: v, selected: v === value }, label(v))));
    return { el: sel, read: () => sel.value };
  }
  if (field === 'killed' || field === 'injured' || field === 'perpetratorsKilled') {
    const v = value && typeof value === 'object' ? (value as { value: number }).value : value;
    const input = h('input', { type: 'number', min: 0, name: 'value', value: typeof v === 'number' ? v : '' });
    return { el: input, read: () => (input.value === '' ? null : Number(input.value)) };
  }
  if (field === 'suicide') {
    const box = h('input', { type: 'checkbox', name: 'value', checked: value === true });
    return { el: h('label', null, box, ' suicide attack'), read: () => box.checked };
  }
  if (field === 'date' || field === 'summary') {
    const text = typeof value === 'string' ? value : value ? JSON.stringify(value) : '';
    const input = field === 'summary' ? h('textarea', { name: 'value', rows: 3 }, text) : h('input', { name: 'value', value: text, placeholder: 'YYYY-MM-DD' });
    return { el: input, read: () => { const t = input.value.trim(); return t === '' ? null : t.startsWith('{') ? JSON.parse(t) : t; } };
  }
  const area = h('textarea', { name: 'value', rows: 5, class: 'json' }, JSON.stringify(value ?? null, null, 1));
  return { el: area, read: () => JSON.parse(area.value) };
}

/** Each distinct value a field took, with the sources that gave it. */
function alternatives(field: string, alts: Alternative[], docs: Map<string, StoredDocument>, route: Route): Node {
  if (alts.length === 0) return h('span', { class: 'muted' }, '—');
  const byValue = new Map<string, Alternative[]>();
  for (const a of alts) {
    const k = valueText(field, a.value);
    byValue.set(k, [...(byValue.get(k) ?? []), a]);
  }
  const sourceLink = (a: Alternative) => h('a', { href: hrefFor('document', a.docId, route.filter), title: a.docId },
    (docs.get(a.docId)?.source ?? docs.get(a.docId)?.title ?? a.docId) + (a.published ? ` ${a.published.slice(0, 10)}` : ''));
  if (byValue.size === 1) {
    return h('span', { class: 'muted' }, alts.length === 1 ? 'only ' : `all ${alts.length} agree: `, alts.map((a, i) => [i ? ', ' : '', sourceLink(a)]));
  }
  return h('ul', { class: 'conflict' }, [...byValue].map(([text, list]) => h('li', null, h('b', null, text), ' — ',
    list.map((a, i) => [i ? ', ' : '', sourceLink(a)]))));
}

export async function incidentPage(el: HTMLElement, route: Route, isCurrent: () => boolean): Promise<void> {
  const id = route.id!;
  let detail: IncidentDetail;
  try {
    detail = await api.incident(id);
  } catch (err) {
    if (!isCurrent()) return;
    replace(el, h('p', { class: 'error' }, err instanceof ApiError && err.status === 404 ? `No incident ${id}.` : String((err as Error).message)));
    return;
  }
  const docs = new Map<string, StoredDocument>();
  await Promise.all(detail.documents.map(async (d) => { try { docs.set(d.id, await api.document(d.id)); } catch { /* listed without text */ } }));
  if (!isCurrent()) return;
  const inc = detail.incident;
  const evidence = allEvidence(detail);
  const rerender = () => incidentPage(el, route, isCurrent);
  const act = async (what: () => Promise<unknown>, done: string) => {
    try {
      await what();
      notify(done);
      await rerender();
    } catch (err) {
      notify((err as Error).message, true);
    }
  };

  const mergeInput = h('input', { name: 'other', placeholder: 'inc_… to merge into this one', size: 26 });
  const actions = h('div', { class: 'actions' },
    h('button', { type: 'button', class: 'accept', onclick: () => act(() => api.accept(id), 'Accepted.') }, 'Accept'),
    h('button', { type: 'button', class: 'reject', onclick: () => act(() => api.reject(id), 'Rejected.') }, 'Reject'),
    h('form', { class: 'inline', onsubmit: (e: Event) => {
      e.preventDefault();
      const other = mergeInput.value.trim();
      if (other) void act(() => api.merge(id, other), `Merged ${other} into this incident.`);
    } }, mergeInput, h('button', { type: 'submit' }, 'Merge with…')),
    h('button', { type: 'button', class: 'split', onclick: () => {
      const ids = [...el.querySelectorAll<HTMLInputElement>('input[name=mention]:checked')].map((b) => b.value);
      if (ids.length === 0) { notify('Tick the mentions to split off, in "Sources" below.', true); return; }
      void (async () => {
        try {
          const created = await api.split(id, ids);
          notify(`Split into ${created.id}.`);
          await rerender();
        } catch (err) { notify((err as Error).message, true); }
      })();
    } }, 'Split selected mentions'),
  );

  const fieldRows = FIELDS.map((field) => {
    const value = (inc as unknown as Record<string, unknown>)[field];
    const ev = evidence.filter((e) => fieldOf(e) === field);
    const alts = detail.alternatives.filter((a) => a.field === field);
    const valueCell = h('td', { class: 'value' }, valueText(field, value), ' ',
      h('button', { type: 'button', class: 'edit quiet', 'data-field': field }, 'edit'));
    return h('tr', { 'data-field': field },
      h('th', null, label(field)),
      valueCell,
      h('td', { class: 'sentences' }, ev.length ? ev.map((e) => h('div', null, sentence(e, docs.get(e.doc)))) : h('span', { class: 'muted' }, '—')),
      h('td', { class: 'alternatives' }, alternatives(field, alts, docs, route)),
    );
  });

  const fieldsTable = h('table', { class: 'fields' },
    h('thead', null, h('tr', null, h('th', null, 'Field'), h('th', null, 'Value'), h('th', null, 'Source sentence'), h('th', null, 'What each source says'))),
    h('tbody', null, fieldRows));
  fieldsTable.addEventListener('click', (e) => {
    const t = e.target as HTMLElement;
    const ev = t.closest('a.evidence') as HTMLElement | null;
    if (ev) {
      e.preventDefault();
      const mark = document.getElementById(ev.dataset.target ?? '');
      if (mark) { mark.scrollIntoView({ block: 'center' }); mark.classList.add('flash'); setTimeout(() => mark.classList.remove('flash'), 1200); }
      return;
    }
    const btn = t.closest('button.edit') as HTMLElement | null;
    if (!btn) return;
    const field = btn.dataset.field as Field;
    const cell = btn.closest('td')!;
    const ed = editor(field, (inc as unknown as Record<string, unknown>)[field]);
    replace(cell, h('form', { class: 'editor', onsubmit: (ev2: Event) => {
      ev2.preventDefault();
      let value: unknown;
      try { value = ed.read(); } catch { notify('Not valid JSON.', true); return; }
      void act(() => api.edit(id, field, value), `Saved ${label(field)}.`);
    } }, ed.el, h('button', { type: 'submit' }, 'Save'), h('button', { type: 'button', class: 'quiet', onclick: () => void rerender() }, 'Cancel')));
    (ed.el.querySelector('input,select,textarea') as HTMLElement | null ?? ed.el).focus();
  });

  const sources = detail.documents.map((d) => {
    const doc = docs.get(d.id);
    const mentions = detail.mentions.filter((m) => m.docId === d.id);
    const spans: Span[] = evidence.filter((e) => e.doc === d.id).map((e) => ({ start: e.start, end: e.end, label: fieldOf(e), id: evidenceId(e) }));
    return h('article', { class: 'source' },
      h('header', null,
        h('h3', null, h('a', { href: hrefFor('document', d.id, route.filter) }, d.title ?? d.id)),
        h('span', { class: 'meta' }, [d.source, d.published?.slice(0, 10), d.origin].filter(Boolean).join(' · ')),
        mentions.map((m) => h('label', { class: 'mention', title: 'tick to split this source\'s mention off' },
          h('input', { type: 'checkbox', name: 'mention', value: m.id }), ` ${m.id}`))),
      doc ? h('div', { class: 'doctext' }, highlighted(doc.text, spans)) : h('p', { class: 'muted' }, 'text unavailable'));
  });

  const audit = detail.audit.length === 0 ? h('p', { class: 'muted' }, 'No review yet.') : h('table', { class: 'audit' },
    h('thead', null, h('tr', null, h('th', null, 'When'), h('th', null, 'Who'), h('th', null, 'Action'), h('th', null, 'Detail'))),
    h('tbody', null, detail.audit.map((a) => h('tr', null, h('td', { class: 'nowrap' }, a.at.replace('T', ' ').slice(0, 19)), h('td', null, a.who), h('td', null, a.action), h('td', { class: 'detail' }, JSON.stringify(a.detail))))));

  replace(el,
    h('nav', { class: 'crumbs' }, h('a', { href: hrefFor('incidents', null, route.filter) }, '← incidents')),
    h('header', { class: 'incident-head' },
      h('h2', null, `${label(inc.type)} — ${placeText(inc.location)}`),
      h('div', { class: 'meta' }, dateText(inc.date), ' · ', h('span', { class: 'badge ' + inc.review }, inc.review), ' · ', label(inc.status),
        ' · ', `${inc.sources.length} source${inc.sources.length === 1 ? '' : 's'}`, ' · ', h('code', null, inc.id))),
    actions,
    fieldsTable,
    h('h2', null, 'Sources'),
    sources,
    h('h2', null, 'Audit trail'),
    audit,
  );
}
