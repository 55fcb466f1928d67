// Terminal rendering: incident tables, the evidence of `vigil show`, stats.
import type { IncidentRow, IncidentDetail, Stats, DocumentSummary, SearchHit, StoredDocument } from '../store/store.js';
import type { Count, Evidence, IncidentDate, Location } from '../model.js';

const tty = () => process.stdout.isTTY === true && !process.env.NO_COLOR;
const bold = (s: string) => (tty() ? `\x1b[1m${s}\x1b[22m` : s);
const dim = (s: string) => (tty() ? `\x1b[2m${s}\x1b[22m` : s);
/** The value inside its sentence: reverse video on a terminal, «guillemets» in a pipe. */
const mark = (s: string) => (tty() ? `\x1b[7m${s}\x1b[27m` : `«${s}»`);

export const fmtDate = (d: IncidentDate): string =>
  d == null ? '' : typeof d === 'string' ? d : `${d.from ?? '…'}..${d.to ?? '…'}`;
export const fmtCount = (c: Count | null | undefined): string =>
  c == null ? '' : typeof c === 'number' ? String(c) : `${c.qualifier && c.qualifier !== 'dozens' && c.qualifier !== 'hundreds' ? c.qualifier + ' ' : ''}${c.value}${c.max ? '-' + c.max : ''}`;
export const fmtPlace = (l: Location | null): string =>
  l ? [l.place, l.admin1 && l.admin1 !== l.place ? l.admin1 : null, l.country].filter(Boolean).join(', ') : '';

function clip(s: string, n: number): string {
  return s.length <= n ? s : s.slice(0, n - 1) + '…';
}

export function table(headers: string[], rows: string[][], widths?: number[]): string {
  const w = headers.map((h, i) => Math.min(widths?.[i] ?? 60, Math.max(h.length, ...rows.map(r => (r[i] ?? '').length))));
  const line = (cells: string[]) => cells.map((c, i) => clip(c ?? '', w[i]!).padEnd(w[i]!)).join('  ').trimEnd();
  return [bold(line(headers)), ...rows.map(line)].join('\n');
}

export function incidentTable(items: IncidentRow[]): string {
  return table(
    ['ID', 'DATE', 'TYPE', 'STATUS', 'PLACE', 'PERPETRATORS', 'KILLED', 'INJURED', 'SRC'],
    items.map(i => [
      i.id, fmtDate(i.date), i.type, i.status, fmtPlace(i.location),
      i.perpetrators.filter(p => p.kind === 'organization').map(p => p.name).join('; ') || i.perpetrators.map(p => p.name).join('; '),
      fmtCount(i.killed), fmtCount(i.injured), String(i.sources.length),
    ]),
    [30, 23, 15, 11, 32, 30, 12, 12, 3],
  );
}

function sentence(ev: Evidence, text: string | undefined): string {
  if (!text || ev.sentenceStart == null || ev.sentenceEnd == null) return mark(ev.text);
  const s = ev.sentenceStart, e = ev.sentenceEnd;
  return (text.slice(s, ev.start) + mark(text.slice(ev.start, ev.end)) + text.slice(ev.end, e)).replace(/\s+/g, ' ').trim();
}

export function showIncident(d: IncidentDetail, texts: Map<string, string>): string {
  const i = d.incident;
  const out: string[] = [];
  out.push(bold(`${i.id}  ${i.type} · ${i.status}${i.suicide ? ' · suicide' : ''}  [${i.review}]`));
  if (i.group) out.push(`coordinated group: ${i.group}`);
  const fields: [string, string][] = [
    ['date', fmtDate(i.date)],
    ['location', fmtPlace(i.location) + (i.location?.lat != null ? dim(`  (${i.location.lat.toFixed(3)}, ${i.location.lon!.toFixed(3)}; ${i.location.precision})`) : '')],
    ['perpetrators', i.perpetrators.map(p => `${p.name}${p.attribution ? ` (${p.attribution})` : ''}`).join('; ')],
    ['targets', i.targets.map(t => `${t.text} [${t.category}]`).join('; ')],
    ['victims', i.victims.map(v => v.text).join('; ')],
    ['weapons', i.weapons.map(w => `${w.text} [${w.type}]`).join('; ')],
    ['killed', fmtCount(i.killed)],
    ['injured', fmtCount(i.injured)],
    ['perpetratorsKilled', fmtCount(i.perpetratorsKilled)],
  ];
  for (const [field, value] of fields) {
    if (!value) continue;
    out.push(`\n${bold(field.padEnd(13))} ${value}`);
    const evs = i.evidence.filter(e => e.field === field || (field === 'type' && e.field === 'type'));
    const seen = new Set<string>();
    for (const e of evs) {
      const key = `${e.doc}:${e.start}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(`  ${dim(e.doc)}  ${sentence(e, texts.get(e.doc))}`);
    }
    const alts = d.alternatives.filter(a => a.field === field);
    const distinct = new Set(alts.map(a => JSON.stringify(a.value)));
    if (distinct.size > 1) {
      out.push(`  ${dim('sources disagree:')}`);
      for (const a of alts) out.push(`    ${fmtAlt(a.value)}  ${dim(`${a.docId}${a.published ? ' · ' + a.published : ''}`)}`);
    }
  }
  const typeEv = i.evidence.filter(e => e.field === 'type');
  if (typeEv.length) {
    out.push(`\n${bold('reported in')}`);
    for (const e of typeEv) out.push(`  ${dim(e.doc)}  ${sentence(e, texts.get(e.doc))}`);
  }
  out.push(`\n${bold('sources')}`);
  for (const doc of d.documents) out.push(`  ${doc.id}  ${doc.published ?? ''}  ${doc.source ?? ''}  ${doc.title ?? doc.origin}`);
  if (d.mentions.length) {
    out.push(`\n${bold('mentions')} ${dim('(vigil split ' + i.id + ' MENTION... moves them into a new incident)')}`);
    for (const m of d.mentions) out.push(`  ${m.id}  ${m.incident.type}  ${fmtDate(m.incident.date)}  ${fmtPlace(m.incident.location)}`);
  }
  if (d.audit.length) {
    out.push(`\n${bold('audit')}`);
    for (const a of d.audit) out.push(`  ${a.at}  ${a.who}  ${a.action}  ${JSON.stringify(a.detail)}`);
  }
  return out.join('\n');
}

function fmtAlt(v: unknown): string {
  if (v == null) return '—';
  if (typeof v === 'object' && 'value' in (v as object)) return fmtCount(v as Count);
  if (typeof v === 'object' && 'country' in (v as object)) return fmtPlace(v as Location);
  return typeof v === 'string' ? v : JSON.stringify(v);
}

export function docTable(items: DocumentSummary[]): string {
  return table(['ID', 'PUBLISHED', 'SOURCE', 'TITLE', 'INC'],
    items.map(d => [d.id, d.published ?? '', d.source ?? '', d.title ?? d.origin, String(d.incidents)]), [22, 10, 20, 70, 4]);
}

export function searchResults(hits: SearchHit[]): string {
  return hits.map(h => `${bold(h.docId)}  ${h.published ?? ''}  ${h.title ?? ''}\n  ${h.snippet.replace(/\s+/g, ' ').replace(/«(.*?)»/g, (_, m: string) => mark(m))}`).join('\n');
}

export function statsText(s: Stats): string {
  const part = (title: string, rows: Stats['byType']) =>
    `\n${bold(title)}\n` + table(['', 'INCIDENTS', 'KILLED'], rows.map(r => [r.key || '(unknown)', String(r.incidents), String(r.killed)]), [32, 9, 8]);
  return `${bold('incidents')} ${s.incidents}   ${bold('killed')} ${s.killed}   ${bold('injured')} ${s.injured}\n`
    + part('by type', s.byType) + part('by country', s.byCountry) + part('by group', s.byGroup)
    + part('by status', s.byStatus) + part('by month', s.byMonth);
}

export function documentText(d: StoredDocument, incidents: IncidentRow[], full: boolean): string {
  const out = [bold(d.title ?? d.origin), dim([d.id, d.source, d.published, d.author, d.url ?? d.origin].filter(Boolean).join(' · '))];
  const text = d.text.replace(/\s+/g, ' ').trim();
  out.push('', full || text.length <= 600 ? text : text.slice(0, 600) + '… ' + dim('(--text for all of it)'));
  out.push('', bold(`incidents (${incidents.length})`), incidents.length ? incidentTable(incidents) : dim('none found'));
  out.push('', bold(`quotes and statements (${d.quotes.length})`));
  for (const q of d.quotes) {
    const who = [q.speaker, q.role, q.affiliation].filter(Boolean).join(', ');
    out.push(`  “${q.text}”`, `    — ${who}`);
  }
  return out.join('\n');
}
