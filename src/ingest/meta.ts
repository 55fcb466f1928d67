// Metadata as found in front matter, sidecars and JSON records, checked once here.
import { ReadError } from './result.js';

export interface Meta {
  id?: string | null;
  title?: string | null;
  /** As given: normalised to ISO when the Document is built. */
  published?: unknown;
  source?: string | null;
  url?: string | null;
  author?: string | null;
  dateline?: string | null;
}

/** Field names accepted for each Meta field, first found wins. */
const ALIASES: Record<Exclude<keyof Meta, 'id'>, string[]> = {
  title: ['title', 'headline'],
  published: ['published', 'date', 'pubDate', 'datePublished', 'published_at'],
  source: ['source', 'publisher', 'site', 'outlet'],
  url: ['url', 'link', 'canonical'],
  author: ['author', 'authors', 'byline'],
  dateline: ['dateline'],
};

/** A display string for a name-ish value: "A", ["A", "B"], {name: "A"}. */
function nameOf(value: unknown, field: string): string | null {
  if (value == null) return null;
  if (typeof value === 'string') return value.trim() || null;
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) {
    const names = value.map((v) => nameOf(v, field)).filter((v): v is string => v !== null);
    return names.length ? names.join(', ') : null;
  }
  if (typeof value === 'object' && 'name' in value) return nameOf((value as { name: unknown }).name, field);
  throw new ReadError(`"${field}" must be a string`);
}

function stringOf(value: unknown, field: string): string | null {
  if (value == null) return null;
  if (typeof value === 'string') return value.trim() || null;
  if (typeof value === 'number') return String(value);
  throw new ReadError(`"${field}" must be a string`);
}

/** The Meta in a loose object (parsed YAML or JSON); throws a ReadError naming a field of the wrong type. */
export function metaFromObject(obj: Record<string, unknown>, opts: { id?: boolean } = {}): Meta {
  const meta: Meta = {};
  for (const [field, names] of Object.entries(ALIASES) as [keyof typeof ALIASES, string[]][]) {
    const name = names.find((n) => obj[n] != null);
    if (name === undefined) continue;
    const value = obj[name];
    if (field === 'published') {
      if (typeof value !== 'string' && typeof value !== 'number' && !(value instanceof Date)) {
        throw new ReadError(`"${name}" must be a date string`);
      }
      meta.published = typeof value === 'number' ? String(value) : value;
    } else if (field === 'author' || field === 'source') {
      meta[field] = nameOf(value, name);
    } else {
      meta[field] = stringOf(value, name);
    }
  }
  if (opts.id && obj.id != null) meta.id = stringOf(obj.id, 'id');
  return meta;
}

/** Field by field, the first value given wins: pass the most authoritative Meta first. */
export function mergeMeta(...metas: (Meta | null | undefined)[]): Meta {
  const out: Meta = {};
  for (const meta of metas) {
    if (!meta) continue;
    for (const [key, value] of Object.entries(meta) as [keyof Meta, unknown][]) {
      if (value != null && value !== '' && out[key] == null) (out as Record<string, unknown>)[key] = value;
    }
  }
  return out;
}
