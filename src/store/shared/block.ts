// Which stored mentions a new mention may belong with: the SQL condition for a resolver window.
// Always bounded by an indexed column (country and/or date); never a scan of all mentions.
import type { BlockWindow } from '../../resolve/contract.js';
import { addDays } from './dates.js';

/** Stored mentions span at most this long (a year-only date) when they can overlap a window. */
const MAX_SPAN_DAYS = 400;
/** A window this narrow may match mentions with no country (and a countryless one any country). */
const CLOSE_DAYS = 14;
/** A safety net: a block larger than this is truncated. */
export const BLOCK_LIMIT = 5000;

export type Param = (value: unknown) => string;

/** Returns a WHERE condition over table alias `m` (mentions), with parameters pushed through `p`. */
export function blockCondition(w: BlockWindow, p: Param): string {
  const cc = w.countryCode ? w.countryCode.toUpperCase() : null;
  if (!w.from || !w.to) {
    return cc ? `(m.country_code = ${p(cc)} AND m.date_from IS NULL)`
      : `(m.country_code IS NULL AND m.date_from IS NULL)`;
  }
  const close = daysBetween(w.from, w.to) <= CLOSE_DAYS;
  // Parameters are pushed in the order they appear in the SQL text ('?' placeholders).
  const country = cc ? (close ? `(m.country_code = ${p(cc)} OR m.country_code IS NULL)` : `m.country_code = ${p(cc)}`)
    : (close ? null : 'm.country_code IS NULL');
  const dates = `m.date_from >= ${p(addDays(w.from, -MAX_SPAN_DAYS))} AND m.date_from <= ${p(w.to)} AND m.date_to >= ${p(w.from)}`;
  return country ? `(${country} AND ${dates})` : `(${dates})`;
}

/** The advisory-lock key of a window: its country, or the shared key of countryless mentions. */
export function blockKey(w: BlockWindow): string {
  return w.countryCode ? 'cc:' + w.countryCode.toUpperCase() : 'cc:*';
}

function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(b.slice(0, 10)) - Date.parse(a.slice(0, 10))) / 86400000);
}
