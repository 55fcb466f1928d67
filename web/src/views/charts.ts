// The timeline (incidents and killed per week or month, SVG bars) and the breakdowns (bars) by type,
// status, country and group. A click on a bar narrows the filter to it.
import { api, type Stats } from '../api.js';
import { h, replace, s } from '../dom.js';
import { label, num } from '../format.js';
import { hrefFor, type Filter, type Route } from '../state.js';

type Bucket = { key: string; incidents: number; killed: number };

function bars(title: string, items: Bucket[], route: Route, key: keyof Filter | null, limit = 10): HTMLElement {
  const top = items.slice(0, limit);
  const max = Math.max(1, ...top.map((b) => b.incidents));
  return h('section', { class: 'breakdown' },
    h('h3', null, title),
    top.length === 0 ? h('p', { class: 'empty' }, '—') : null,
    h('ul', null, top.map((b) => h('li', null,
      key && b.key
        ? h('a', { href: hrefFor('incidents', null, { ...route.filter, [key]: b.key }), class: 'name', title: b.key }, label(b.key || 'unknown'))
        : h('span', { class: 'name' }, label(b.key || 'unknown')),
      h('span', { class: 'bar' }, h('span', { style: `width:${((b.incidents / max) * 100).toFixed(1)}%` })),
      h('span', { class: 'num', title: `${num(b.killed)} killed` }, num(b.incidents)),
    ))),
  );
}

export function breakdowns(el: HTMLElement, stats: Stats, route: Route): void {
  replace(el,
    bars('By type', stats.byType, route, 'type'),
    bars('By status', stats.byStatus, route, 'status'),
    bars('By country', stats.byCountry, route, 'country'),
    bars('By group', stats.byGroup, route, 'group'),
  );
}

const CW = 960;
const CH = 60;

type Period = { period: string; incidents: number; killed: number };

function nextPeriod(p: string, interval: 'week' | 'month'): string {
  if (interval === 'month') {
    const [y, m] = p.split('-').map(Number) as [number, number];
    return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
  }
  const d = new Date(p + 'T00:00:00Z');
  d.setUTCDate(d.getUTCDate() + 7);
  return d.toISOString().slice(0, 10);
}

/** The store lists only periods with incidents; the chart shows the empty ones too. */
export function fillPeriods(periods: Period[], interval: 'week' | 'month', cap = 3000): Period[] {
  if (periods.length < 2) return periods;
  const byKey = new Map(periods.map((p) => [p.period, p]));
  const out: Period[] = [];
  const last = periods[periods.length - 1]!.period;
  for (let k = periods[0]!.period; k <= last && out.length < cap; k = nextPeriod(k, interval)) {
    out.push(byKey.get(k) ?? { period: k, incidents: 0, killed: 0 });
  }
  return out.length >= cap ? periods : out;
}

function series(periods: Period[], pick: 'incidents' | 'killed', cls: string): Node[] {
  const max = periods.reduce((m, p) => Math.max(m, p[pick]), 1);
  const w = CW / Math.max(1, periods.length);
  return [h('div', { class: 'series-label' }, `${pick} per period (max ${num(max)})`), s('svg', { viewBox: `0 0 ${CW} ${CH + 14}`, class: 'timeline ' + cls, preserveAspectRatio: 'none' },
    periods.map((p, i) => {
      const bh = (p[pick] / max) * CH;
      return s('rect', { x: (i * w + 0.5).toFixed(1), y: (CH - bh).toFixed(1), width: Math.max(0.5, w - 1).toFixed(1), height: bh.toFixed(1) },
        s('title', null, `${p.period}: ${num(p.incidents)} incidents, ${num(p.killed)} killed`));
    }),
    s('text', { x: 2, y: CH + 12, class: 'axis' }, periods[0]?.period ?? ''),
    s('text', { x: CW - 2, y: CH + 12, class: 'axis', 'text-anchor': 'end' }, periods.at(-1)?.period ?? ''),
  )];
}

export async function timeline(el: HTMLElement, route: Route, isCurrent: () => boolean): Promise<void> {
  const interval = route.options.interval === 'week' ? 'week' : 'month';
  const data = await api.timeline(route.filter, interval);
  if (!isCurrent()) return;
  const other = interval === 'week' ? 'month' : 'week';
  const periods = fillPeriods(data.periods, interval);
  replace(el,
    h('div', { class: 'panel-head' }, h('h3', null, `Per ${interval}`),
      h('a', { href: hrefFor('incidents', null, route.filter, { ...route.options, interval: other }) }, `per ${other}`)),
    periods.length === 0 ? h('p', { class: 'empty' }, 'No dated incident.') : [
      series(periods, 'incidents', 'incidents'),
      series(periods, 'killed', 'killed'),
    ],
  );
}
