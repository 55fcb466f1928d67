// The filter bar: its values live in the URL hash; submitting it navigates.
import { h, replace } from '../dom.js';
import { label } from '../format.js';
import { FILTER_KEYS, go, type Filter, type Route } from '../state.js';

const TYPES = ['bombing', 'armed_assault', 'assassination', 'kidnapping', 'hostage_taking', 'hijacking', 'arson', 'vehicle_ramming', 'unarmed_assault', 'other'];
const STATUSES = ['carried_out', 'failed', 'foiled', 'threatened'];
const REVIEWS = ['pending', 'accepted', 'rejected'];

const select = (name: string, values: string[], any: string) =>
  h('select', { name, 'aria-label': name }, h('option', { value: '' }, any), values.map((v) => h('option', { value: v }, label(v))));

export function filterBar(form: HTMLFormElement, countries: string[] = [], groups: string[] = []): void {
  replace(form,
    h('label', null, 'From', h('input', { type: 'date', name: 'from' })),
    h('label', null, 'To', h('input', { type: 'date', name: 'to' })),
    h('label', null, 'Country', h('input', { name: 'country', list: 'countries', placeholder: 'any', size: 12 })),
    h('datalist', { id: 'countries' }, countries.map((c) => h('option', { value: c }))),
    h('label', null, 'Type', select('type', TYPES, 'any')),
    h('label', null, 'Status', select('status', STATUSES, 'any')),
    h('label', null, 'Group', h('input', { name: 'group', list: 'groups', placeholder: 'any', size: 14 })),
    h('datalist', { id: 'groups' }, groups.map((g) => h('option', { value: g }))),
    h('label', null, 'Review', select('reviewed', REVIEWS, 'any')),
    h('label', { class: 'grow' }, 'Text', h('input', { type: 'search', name: 'q', placeholder: 'words in the incident or its sources' })),
    h('button', { type: 'submit' }, 'Apply'),
    h('button', { type: 'button', class: 'quiet', id: 'clear-filters' }, 'Clear'),
  );
  form.onsubmit = (e) => {
    e.preventDefault();
    go('incidents', null, readFilter(form));
  };
  form.querySelectorAll('select').forEach((s) => s.addEventListener('change', () => go('incidents', null, readFilter(form))));
  form.querySelector('#clear-filters')!.addEventListener('click', () => go('incidents', null, {}));
}

export function readFilter(form: HTMLFormElement): Filter {
  const data = new FormData(form);
  const f: Filter = {};
  for (const k of FILTER_KEYS) {
    const v = String(data.get(k) ?? '').trim();
    if (v) f[k] = v;
  }
  return f;
}

export function showFilter(form: HTMLFormElement, route: Route): void {
  for (const k of FILTER_KEYS) {
    const el = form.elements.namedItem(k) as HTMLInputElement | HTMLSelectElement | null;
    if (el) el.value = route.filter[k] ?? '';
  }
}

export function setSuggestions(form: HTMLFormElement, countries: string[], groups: string[]): void {
  const fill = (id: string, values: string[]) => {
    const list = form.querySelector(`#${id}`);
    if (list) replace(list, values.map((v) => h('option', { value: v })));
  };
  fill('countries', countries);
  fill('groups', groups);
}
