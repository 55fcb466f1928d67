// The incident table: sorted and paged by the server, so it stays light however many incidents match.
import { api, type IncidentRow } from '../api.js';
import { h, replace } from '../dom.js';
import { countText, dateText, label, num, placeText } from '../format.js';
import { hrefFor, type Route } from '../state.js';

export const PAGE_SIZE = 50;

interface Column { key: string; title: string; sort?: string; cls?: string; cell(r: IncidentRow): Node | string }

const link = (r: IncidentRow, route: Route, text: string) => h('a', { href: hrefFor('incident', r.id, route.filter) }, text);

const COLUMNS: Column[] = [
  { key: 'date', title: 'Date', sort: 'date', cls: 'nowrap', cell: (r) => dateText(r.date) },
  { key: 'type', title: 'Type', sort: 'type', cell: (r) => label(r.type) },
  { key: 'status', title: 'Status', cell: (r) => label(r.status) },
  { key: 'country', title: 'Where', sort: 'country', cell: (r) => placeText(r.location) },
  { key: 'perpetrators', title: 'Perpetrators', cell: (r) => r.perpetrators.map((p) => p.name + (p.attribution ? ` (${p.attribution})` : '')).join('; ') || '—' },
  { key: 'targets', title: 'Targets', cell: (r) => r.targets.map((t) => t.text).join('; ') || '—' },
  { key: 'killed', title: 'Killed', sort: 'killed', cls: 'num', cell: (r) => countText(r.killed) },
  { key: 'injured', title: 'Injured', sort: 'injured', cls: 'num', cell: (r) => countText(r.injured) },
  { key: 'sources', title: 'Src', cls: 'num', cell: (r) => String(r.sources.length) },
  { key: 'review', title: 'Review', cell: (r) => h('span', { class: 'badge ' + r.review }, r.review) },
];

export async function incidentTable(el: HTMLElement, route: Route, isCurrent: () => boolean): Promise<void> {
  const sort = route.options.sort ?? 'date';
  const order = route.options.order ?? (sort === 'country' || sort === 'type' ? 'asc' : 'desc');
  const page = Math.max(1, Number(route.options.page ?? 1) || 1);
  const data = await api.incidents(route.filter, { sort, order, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE });
  if (!isCurrent()) return;
  const pages = Math.max(1, Math.ceil(data.total / PAGE_SIZE));
  const opts = (o: Record<string, string | number>) => hrefFor('incidents', null, route.filter, { ...route.options, ...o });

  const head = h('tr', null, COLUMNS.map((c) => {
    if (!c.sort) return h('th', { class: c.cls ?? '' }, c.title);
    const active = c.sort === sort;
    const next = active && order === 'desc' ? 'asc' : 'desc';
    return h('th', { class: (c.cls ?? '') + (active ? ' sorted' : ''), 'aria-sort': active ? (order === 'asc' ? 'ascending' : 'descending') : null },
      h('a', { href: opts({ sort: c.sort, order: next, page: 1 }) }, c.title, active ? (order === 'asc' ? ' ▲' : ' ▼') : ''));
  }));
  const body = data.items.map((r) => h('tr', { 'data-id': r.id },
    COLUMNS.map((c, i) => h('td', { class: c.cls ?? '' }, i === 0 ? link(r, route, dateText(r.date)) : c.cell(r)))));
  const from = data.total === 0 ? 0 : data.offset + 1;
  const pager = h('div', { class: 'pager' },
    h('span', null, `${num(from)}–${num(data.offset + data.items.length)} of ${num(data.total)}`),
    page > 1 ? h('a', { href: opts({ page: 1 }) }, '« first') : null,
    page > 1 ? h('a', { href: opts({ page: page - 1 }), rel: 'prev' }, '‹ prev') : null,
    h('span', null, `page ${num(page)} / ${num(pages)}`),
    page < pages ? h('a', { href: opts({ page: page + 1 }), rel: 'next' }, 'next ›') : null,
  );
  replace(el, h('table', { class: 'incidents' }, h('thead', null, head), h('tbody', null, body)),
    data.items.length === 0 ? h('p', { class: 'empty' }, 'No incident matches this filter.') : null, pager);
  el.querySelector('tbody')!.addEventListener('click', (e) => {
    const target = e.target as HTMLElement;
    if (target.closest('a')) return;
    const tr = target.closest('tr');
    if (tr?.dataset.id) location.hash = hrefFor('incident', tr.dataset.id, route.filter);
  });
}
