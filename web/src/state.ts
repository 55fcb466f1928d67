// The URL hash holds the view and the filter: #/incidents?country=AF&type=bombing&page=2.
// Every view reads the filter from here, so a link or a reload shows the same thing.

export const FILTER_KEYS = ['from', 'to', 'country', 'type', 'status', 'group', 'q', 'reviewed', 'minKilled'] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];
export type Filter = Partial<Record<FilterKey, string>>;

export interface Route {
  /** "incidents", "incident", "document", "documents", "upload" */
  view: string;
  id: string | null;
  filter: Filter;
  /** View options kept beside the filter: sort, order, page, interval. */
  options: Record<string, string>;
}

export function parseHash(hash = location.hash): Route {
  const [path = '', query = ''] = hash.replace(/^#\/?/, '').split('?');
  const [view = '', ...rest] = path.split('/');
  const params = new URLSearchParams(query);
  const filter: Filter = {};
  const options: Record<string, string> = {};
  for (const [k, v] of params) {
    if (!v) continue;
    if ((FILTER_KEYS as readonly string[]).includes(k)) filter[k as FilterKey] = v;
    else options[k] = v;
  }
  return { view: view || 'incidents', id: rest.length ? decodeURIComponent(rest.join('/')) : null, filter, options };
}

export function filterQuery(filter: Filter, extra: Record<string, string | number | undefined> = {}): string {
  const p = new URLSearchParams();
  for (const k of FILTER_KEYS) if (filter[k]) p.set(k, filter[k]!);
  for (const [k, v] of Object.entries(extra)) if (v !== undefined && v !== '') p.set(k, String(v));
  return p.toString();
}

export function hrefFor(view: string, id: string | null, filter: Filter, options: Record<string, string | number | undefined> = {}): string {
  const q = filterQuery(filter, options);
  return `#/${view}${id ? '/' + encodeURIComponent(id) : ''}${q ? '?' + q : ''}`;
}

export function go(view: string, id: string | null, filter: Filter, options: Record<string, string | number | undefined> = {}): void {
  location.hash = hrefFor(view, id, filter, options);
}
