// The dashboard's calls to the HTTP API. Errors carry the server's {error} message.
import type {
  DocumentSummary, IncidentDetail, IncidentRow, SearchHit, Stats, StoredDocument,
} from '../../src/store/store.js';
import { filterQuery, type Filter } from './state.js';

export type { DocumentSummary, IncidentDetail, IncidentRow, SearchHit, Stats, StoredDocument };

export class ApiError extends Error {
  constructor(readonly status: number, message: string) { super(message); }
}

const TOKEN_KEY = 'vigil.token';
export const getToken = (): string => localStorage.getItem(TOKEN_KEY) ?? '';
export const setToken = (t: string): void => { if (t) localStorage.setItem(TOKEN_KEY, t); else localStorage.removeItem(TOKEN_KEY); };

export function authHeaders(): Record<string, string> {
  const t = getToken();
  return t ? { authorization: `Bearer ${t}` } : {};
}

async function call<T>(method: string, url: string, body?: unknown): Promise<T> {
  const res = await fetch(url, {
    method,
    headers: { ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...(method !== 'GET' ? authHeaders() : {}) },
    body: body !== undefined ? JSON.stringify(body) : undefined,
  });
  const data = await res.json().catch(() => ({ error: res.statusText }));
  if (!res.ok) throw new ApiError(res.status, (data as { error?: string }).error ?? res.statusText);
  return data as T;
}

export interface Page<T> { total: number; offset: number; limit: number; items: T[] }

export const api = {
  incidents: (f: Filter, o: { sort?: string; order?: string; limit: number; offset: number }) =>
    call<Page<IncidentRow>>('GET', '/api/incidents?' + filterQuery(f, o)),
  incident: (id: string) => call<IncidentDetail>('GET', `/api/incidents/${encodeURIComponent(id)}`),
  stats: (f: Filter) => call<Stats>('GET', '/api/stats?' + filterQuery(f)),
  timeline: (f: Filter, interval: string) =>
    call<{ interval: string; periods: { period: string; incidents: number; killed: number }[] }>('GET', '/api/timeline?' + filterQuery(f, { interval })),
  points: (f: Filter) =>
    call<{ total: number; truncated: boolean; points: [string, number, number, number, string][] }>('GET', '/api/points?' + filterQuery(f)),
  documents: (limit: number, offset: number) => call<Page<DocumentSummary>>('GET', `/api/documents?limit=${limit}&offset=${offset}`),
  document: (id: string) => call<StoredDocument>('GET', `/api/documents/${encodeURIComponent(id)}`),
  search: (q: string) => call<{ hits: SearchHit[] }>('GET', '/api/search?' + new URLSearchParams({ q })),
  accept: (id: string) => call<IncidentRow>('POST', `/api/incidents/${encodeURIComponent(id)}/accept`),
  reject: (id: string) => call<IncidentRow>('POST', `/api/incidents/${encodeURIComponent(id)}/reject`),
  edit: (id: string, field: string, value: unknown) => call<IncidentRow>('PATCH', `/api/incidents/${encodeURIComponent(id)}`, { field, value }),
  merge: (id: string, other: string) => call<IncidentRow>('POST', `/api/incidents/${encodeURIComponent(id)}/merge`, { other }),
  split: (id: string, mentionIds: string[]) => call<IncidentRow>('POST', `/api/incidents/${encodeURIComponent(id)}/split`, { mentionIds }),
};

export const exportUrl = (format: 'csv' | 'json' | 'geojson' | 'gtd.csv', f: Filter): string => {
  const q = filterQuery(f);
  return `/api/export.${format}${q ? '?' + q : ''}`;
};
