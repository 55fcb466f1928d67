// The JSON export: the incidents as the store holds them (DESIGN.md's incident JSON plus review state).
import type { IncidentRow } from '../store/store.js';

export function toJson(rows: readonly IncidentRow[]): string {
  return '[' + rows.map((r) => '\n' + JSON.stringify(r)).join(',') + '\n]\n';
}
