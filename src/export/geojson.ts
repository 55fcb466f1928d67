// The GeoJSON export: a FeatureCollection of Points; incidents without coordinates are left out.
import type { IncidentRow } from '../store/store.js';
import { countValue, dateText } from './fields.js';

export interface PointFeature {
  type: 'Feature';
  id: string;
  geometry: { type: 'Point'; coordinates: [number, number] };
  properties: Record<string, unknown>;
}

export function toFeature(row: IncidentRow): PointFeature | null {
  const loc = row.location;
  if (!loc || typeof loc.lat !== 'number' || typeof loc.lon !== 'number') return null;
  if (!Number.isFinite(loc.lat) || !Number.isFinite(loc.lon)) return null;
  return {
    type: 'Feature',
    id: row.id,
    geometry: { type: 'Point', coordinates: [loc.lon, loc.lat] },
    properties: {
      id: row.id,
      date: dateText(row.date) || null,
      type: row.type,
      status: row.status,
      country: loc.country,
      countryCode: loc.countryCode,
      admin1: loc.admin1,
      place: loc.place,
      precision: loc.precision,
      perpetrators: row.perpetrators.map((p) => p.name),
      targets: row.targets.map((t) => t.text),
      weapons: row.weapons.map((w) => w.type),
      killed: countValue(row.killed),
      injured: countValue(row.injured),
      suicide: row.suicide,
      group: row.group ?? null,
      sources: row.sources,
      review: row.review,
    },
  };
}

export function toGeoJson(rows: readonly IncidentRow[]): string {
  const features = rows.map(toFeature).filter((f): f is PointFeature => f !== null);
  return JSON.stringify({ type: 'FeatureCollection', features });
}
