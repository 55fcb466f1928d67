// The world map: country shapes from world-atlas drawn once as SVG, incidents as circles sized by
// the killed, grid-clustered in screen space when dense. Click a point to open it, a cluster to list it.
import { geoNaturalEarth1, geoPath, type GeoProjection } from 'd3-geo';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import world from 'world-atlas/countries-110m.json';
import { api } from '../api.js';
import { h, replace, s } from '../dom.js';
import { label, num } from '../format.js';
import { hrefFor, type Route } from '../state.js';

const W = 960;
const H = 470;
const CELL = 28;
const R_MIN = 3;
const R_MAX = 13;

let base: { projection: GeoProjection; land: string } | null = null;

function basemap() {
  if (base) return base;
  const topo = world as unknown as Topology<{ countries: GeometryCollection }>;
  const countries = feature(topo, topo.objects.countries);
  const projection = geoNaturalEarth1().fitExtent([[4, 4], [W - 4, H - 4]], { type: 'Sphere' });
  const land = geoPath(projection)(countries) ?? '';
  base = { projection, land };
  return base;
}

interface Cluster { x: number; y: number; n: number; killed: number; ids: string[]; types: Set<string> }

export function clusterPoints(points: [string, number, number, number, string][], project: (p: [number, number]) => [number, number] | null, cell = CELL): Cluster[] {
  const cells = new Map<string, Cluster>();
  for (const [id, lat, lon, killed, type] of points) {
    const xy = project([lon, lat]);
    if (!xy) continue;
    const key = `${Math.floor(xy[0] / cell)}:${Math.floor(xy[1] / cell)}`;
    let c = cells.get(key);
    if (!c) cells.set(key, (c = { x: 0, y: 0, n: 0, killed: 0, ids: [], types: new Set() }));
    c.x += xy[0];
    c.y += xy[1];
    c.n++;
    c.killed += killed;
    c.types.add(type);
    if (c.ids.length < 50) c.ids.push(id);
  }
  return [...cells.values()].map((c) => ({ ...c, x: c.x / c.n, y: c.y / c.n }));
}

/** Area proportional to the killed, relative to the deadliest cluster on screen; a cluster is never smaller than its label. */
function radiusFor(clusters: Cluster[]): (c: Cluster) => number {
  const max = clusters.reduce((m, c) => Math.max(m, c.killed), 1);
  return (c) => Math.max(c.n > 1 ? 7 + Math.min(3, Math.log10(c.n)) : R_MIN, R_MIN + (R_MAX - R_MIN) * Math.sqrt(c.killed / max));
}

export async function incidentMap(el: HTMLElement, route: Route, isCurrent: () => boolean): Promise<void> {
  const { projection, land } = basemap();
  const data = await api.points(route.filter);
  if (!isCurrent()) return;
  const found = clusterPoints(data.points, (p) => projection(p));
  const radius = radiusFor(found);
  const clusters = found.sort((a, b) => radius(b) - radius(a));
  const detail = h('div', { class: 'map-detail' });
  const svg = s('svg', { viewBox: `0 0 ${W} ${H}`, class: 'map', role: 'img', 'aria-label': 'map of incidents' },
    s('path', { class: 'sphere', d: geoPath(projection)({ type: 'Sphere' }) ?? '' }),
    s('path', { class: 'land', d: land }),
    clusters.map((c, i) => s('g', { class: c.n > 1 ? 'cluster' : 'point', 'data-i': i, transform: `translate(${c.x.toFixed(1)},${c.y.toFixed(1)})` },
      s('circle', { r: radius(c).toFixed(1) }),
      c.n > 1 ? s('text', { dy: '0.35em' }, c.n > 999 ? Math.round(c.n / 1000) + 'k' : String(c.n)) : null,
      s('title', null, c.n > 1 ? `${num(c.n)} incidents, ${num(c.killed)} killed` : `${[...c.types].map(label).join(', ')}: ${num(c.killed)} killed`),
    )),
  );
  svg.addEventListener('click', (e) => {
    const g = (e.target as Element).closest('g[data-i]');
    if (!g) return;
    const c = clusters[Number(g.getAttribute('data-i'))]!;
    if (c.n === 1) {
      location.hash = hrefFor('incident', c.ids[0]!, route.filter);
      return;
    }
    replace(detail, h('strong', null, `${num(c.n)} incidents here (${num(c.killed)} killed)`), ' ',
      c.ids.map((id, k) => [k ? ' · ' : '', h('a', { href: hrefFor('incident', id, route.filter) }, id.slice(0, 12))]),
      c.n > c.ids.length ? ` … and ${num(c.n - c.ids.length)} more: narrow the filter.` : '');
  });
  const note = data.truncated ? h('p', { class: 'note' }, `Showing the ${num(data.points.length)} deadliest of ${num(data.total)} incidents.`) : null;
  replace(el, svg, note, detail);
}
