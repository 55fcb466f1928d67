// Where the store looks for other accounts of a mention's incident.
import type { Incident } from '../model.js';
import { WINDOW_DAYS } from './config.js';
import type { BlockWindow } from './contract.js';
import { dateSpan, isoOfDay } from './dates.js';

/**
 * The mention's country and its date span widened by WINDOW_DAYS each side ("2015-11" spans November).
 * The store should fetch the stored mentions of that country whose own date span overlaps [from, to].
 */
export function blockWindow(m: Incident): BlockWindow {
  const countryCode = m.location?.countryCode ?? null;
  const span = dateSpan(m.date);
  if (!span) return { countryCode, from: null, to: null };
  return { countryCode, from: isoOfDay(span.from - WINDOW_DAYS), to: isoOfDay(span.to + WINDOW_DAYS) };
}
