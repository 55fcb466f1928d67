// The dashboard: a filter bar and one view at a time, both driven by the URL hash.
import { api, exportUrl, getToken, setToken } from './api.js';
import { h, replace } from './dom.js';
import { num } from './format.js';
import { parseHash, type Route } from './state.js';
import { breakdowns, timeline } from './views/charts.js';
import { documentList, documentPage } from './views/document.js';
import { filterBar, setSuggestions, showFilter } from './views/filters.js';
import { incidentPage } from './views/incident.js';
import { incidentMap } from './views/map.js';
import { notify } from './views/notify.js';
import { incidentTable } from './views/table.js';
import { uploadPage } from './views/upload.js';

const form = document.getElementById('filters') as HTMLFormElement;
const main = document.getElementById('view') as HTMLElement;
const exports = document.getElementById('exports') as HTMLElement;
let generation = 0;

function settled(p: Promise<unknown>, el: HTMLElement): void {
  p.catch((err: Error) => replace(el, h('p', { class: 'error' }, err.message)));
}

function dashboard(route: Route, isCurrent: () => boolean): void {
  const summary = h('div', { class: 'summary' });
  const tableEl = h('section', { class: 'panel table-panel' }, h('p', { class: 'loading' }, 'Loading incidents…'));
  const mapEl = h('section', { class: 'panel map-panel' });
  const sideEl = h('section', { class: 'panel side-panel' });
  const timeEl = h('section', { class: 'panel time-panel' });
  replace(main, summary, h('div', { class: 'grid' }, mapEl, sideEl), timeEl, tableEl);
  // The table first, alone: it is what an analyst reads, and the server answers one query at a time,
  // so the aggregates (heavier on a large store) must not get ahead of it.
  const table = incidentTable(tableEl, route, isCurrent);
  settled(table, tableEl);
  void table.catch(() => undefined).then(() => {
    if (!isCurrent()) return;
    settled(api.stats(route.filter).then((stats) => {
      if (!isCurrent()) return;
      replace(summary,
        h('span', null, h('b', null, num(stats.incidents)), ' incidents'),
        h('span', null, h('b', null, num(stats.killed)), ' killed'),
        h('span', null, h('b', null, num(stats.injured)), ' injured'));
      breakdowns(sideEl, stats, route);
      setSuggestions(form, stats.byCountry.map((c) => c.key).filter(Boolean), stats.byGroup.map((g) => g.key).filter(Boolean));
    }), sideEl);
    settled(timeline(timeEl, route, isCurrent), timeEl);
    settled(incidentMap(mapEl, route, isCurrent), mapEl);
  });
}

function render(): void {
  const route = parseHash();
  const mine = ++generation;
  const isCurrent = () => mine === generation;
  showFilter(form, route);
  replace(exports, 'Export ', (['csv', 'gtd.csv', 'geojson', 'json'] as const).map((f) =>
    h('a', { href: exportUrl(f, route.filter), download: '', class: 'button' }, f.replace('.csv', '').toUpperCase())));
  document.querySelectorAll('nav.views a').forEach((a) => a.classList.toggle('active', a.getAttribute('data-view') === route.view));
  switch (route.view) {
    case 'incident': settled(incidentPage(main, route, isCurrent), main); break;
    case 'document': settled(documentPage(main, route, isCurrent), main); break;
    case 'documents': settled(documentList(main, route, isCurrent), main); break;
    case 'upload': uploadPage(main, route); break;
    default: dashboard(route, isCurrent);
  }
  document.title = `Vigil — ${route.view}${route.id ? ' ' + route.id : ''}`;
}

function tokenBox(): void {
  const box = document.getElementById('token') as HTMLElement;
  const input = h('input', { type: 'password', placeholder: 'API token', size: 14, value: getToken(), 'aria-label': 'API token' });
  replace(box, input);
  input.addEventListener('change', () => { setToken(input.value.trim()); notify(input.value ? 'Token saved in this browser.' : 'Token removed.'); });
}

filterBar(form);
tokenBox();
window.addEventListener('hashchange', render);
render();
