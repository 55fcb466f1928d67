// Integration tests of the built CLI: `node dist/src/cli/main.js ...` as a child process, each test in its
// own temp folder with its own --db. Run with `npm run build && node --test dist/test/cli.test.js`.
import assert from 'node:assert/strict';
import { writeFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';
import { tempDir, vigil, vigilOk, writeJsonl, startVigil, within } from './cli-helpers.js';

// ---------------------------------------------------------------------------------------------------------
// Fixtures: a few small reports in four formats.

const BOMBING = 'KABUL, Afghanistan — A suicide bomber detonated explosives outside a police station in Kabul on 12 March 2018, '
  + 'killing 14 people and wounding 32 others, officials said.\n';

const KIDNAPPING = `---
title: Engineers kidnapped in Nigeria
published: 2019-05-04
source: Test Wire
---
Gunmen kidnapped three engineers from a construction site near Kaduna, Nigeria, on 3 May 2019, police said.
`;

const PLOT = `<html><head><title>Police foil bomb plot in Berlin</title>
<meta property="article:published_time" content="2017-02-01"></head>
<body><article><h1>Police foil bomb plot in Berlin</h1>
<p>German police foiled a plot to bomb a shopping centre in Berlin on 1 February 2017 and arrested two suspects who had been planning the attack for weeks, prosecutors said.</p>
<p>Investigators found bomb-making materials in a flat in the Moabit district.</p></article></body></html>
`;

const WIRE = [
  { id: 'wire-1', title: 'Car bomb in Baghdad', published: '2016-07-03',
    text: 'A car bomb exploded in the Karrada district of Baghdad, Iraq, on 3 July 2016, killing at least 120 people, officials said.' },
  { id: 'wire-2', title: 'Hostages freed in Mali', published: '2015-11-21',
    text: 'Gunmen stormed the Radisson Blu hotel in Bamako, Mali, on 20 November 2015 and took 170 people hostage; at least 20 hostages were killed.' },
];

async function writeReports(dir: string): Promise<string> {
  const folder = join(dir, 'reports');
  await mkdir(folder, { recursive: true });
  await writeFile(join(folder, 'kabul.txt'), BOMBING);
  await writeFile(join(folder, 'kaduna.md'), KIDNAPPING);
  await writeFile(join(folder, 'berlin.html'), PLOT);
  await writeJsonl(join(folder, 'wire.jsonl'), WIRE);
  return folder;
}

const SUMMARY = /^read (\d+), new (\d+), duplicate (\d+), failed (\d+), incidents found (\d+)\b.*$/m;

function summaryOf(stdout: string): { read: number; new: number; duplicate: number; failed: number; incidents: number } {
  const m = SUMMARY.exec(stdout);
  assert.ok(m, `no summary line in:\n${stdout}`);
  const [read, fresh, duplicate, failed, incidents] = m.slice(1).map(Number) as [number, number, number, number, number];
  return { read, new: fresh, duplicate, failed, incidents };
}

interface Inc {
  id: string; type: string; status: string; date: unknown;
  location: { country?: string; countryCode?: string; place?: string; lat?: number; lon?: number } | null;
  killed: { value: number } | number | null; injured: { value: number } | number | null;
  evidence: { doc: string; field: string; start: number; end: number; text: string }[];
  sources: string[];
}

const killedOf = (i: Inc): number | null => (i.killed == null ? null : typeof i.killed === 'number' ? i.killed : i.killed.value);
const dateStart = (d: unknown): string => (typeof d === 'string' ? d : d && typeof d === 'object' ? String((d as { from?: string }).from ?? '') : '');

async function incidentsJson(db: string, ...flags: string[]): Promise<Inc[]> {
  return JSON.parse(await vigilOk(['incidents', '--db', db, '--format', 'json', ...flags])) as Inc[];
}

/** A database with the fixture reports ingested. */
async function ingested(t: { after(fn: () => unknown): void }): Promise<{ dir: string; db: string; folder: string }> {
  const dir = await tempDir(t);
  const folder = await writeReports(dir);
  const db = join(dir, 'vigil.db');
  // One thread: for five documents, starting extraction threads costs more than it saves.
  await vigilOk(['ingest', folder, '--db', db, '--threads', '1']);
  return { dir, db, folder };
}

/** RFC 4180 rows (quoted fields with doubled quotes, CRLF or LF). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [], field = '', quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; }
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(field); field = ''; }
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field); rows.push(row); row = []; field = '';
    } else field += c;
  }
  if (field !== '' || row.length) { row.push(field); rows.push(row); }
  return rows;
}

// ---------------------------------------------------------------------------------------------------------

test('demo ingests the 14 bundled examples, lists incidents; a second run adds nothing', async t => {
  const dir = await tempDir(t);
  const db = join(dir, 'demo.db');
  const first = await vigil(['demo', '--db', db], { cwd: dir });
  assert.equal(first.code, 0, first.stderr);
  assert.match(first.stdout, /^ID\s+DATE\s+TYPE\s+STATUS\s+PLACE/m, 'an incident table');
  const m = /examples: read 14, new 14, duplicate 0, failed 0; (\d+) incidents/.exec(first.stdout);
  assert.ok(m, `summary of the examples:\n${first.stdout}`);
  assert.ok(Number(m[1]) > 0);
  assert.ok(first.stdout.split('\n').filter(l => l.startsWith('inc_')).length > 0, 'incident rows');

  const before = await incidentsJson(db);
  assert.equal(before.length, Number(m[1]));
  const second = await vigil(['demo', '--db', db], { cwd: dir });
  assert.equal(second.code, 0, second.stderr);
  assert.match(second.stdout, /examples: read 14, new 0, duplicate 14, failed 0;/);
  assert.deepEqual(await incidentsJson(db), before, 'the second demo changes no incident');
});

test('ingest a folder of .txt/.md/.html/.jsonl: summary line; again: all duplicate, no new document', async t => {
  const dir = await tempDir(t);
  const folder = await writeReports(dir);
  const db = join(dir, 'vigil.db');
  const first = await vigil(['ingest', folder, '--db', db]);
  assert.equal(first.code, 0, first.stderr);
  const s1 = summaryOf(first.stdout);
  assert.deepEqual({ read: s1.read, new: s1.new, duplicate: s1.duplicate, failed: s1.failed }, { read: 5, new: 5, duplicate: 0, failed: 0 });
  assert.ok(s1.incidents >= 4, `incidents found: ${s1.incidents}`);
  assert.equal(first.stderr.trim(), '', 'nothing on stderr when all inputs are read (no TTY, no progress bar)');

  const docs1 = await vigilOk(['docs', '--db', db]);
  assert.match(docs1, /^5 of 5 documents$/m);
  for (const id of ['wire-1', 'wire-2']) assert.match(docs1, new RegExp(`^${id}\\b`, 'm'), 'a given id is kept');
  assert.match(docs1, /Engineers kidnapped in Nigeria/);
  assert.match(docs1, /Police foil bomb plot in Berlin/);

  const incidents = await incidentsJson(db);
  assert.ok(incidents.some(i => i.type === 'bombing' && killedOf(i) === 14), 'the Kabul bombing with its death toll');
  assert.ok(incidents.some(i => i.type === 'kidnapping'), 'the kidnapping');
  assert.ok(incidents.some(i => i.status === 'foiled'), 'the foiled plot');

  const second = await vigil(['ingest', folder, '--db', db]);
  assert.equal(second.code, 0, second.stderr);
  assert.deepEqual(summaryOf(second.stdout), { read: 5, new: 0, duplicate: 5, failed: 0, incidents: 0 });
  assert.equal(await vigilOk(['docs', '--db', db]), docs1, 'no document added');
  assert.deepEqual(await incidentsJson(db), incidents, 'no incident changed');
});

test('ingest: an empty and a binary file are reported on stderr, one line each; the rest stored; exit 1', async t => {
  const dir = await tempDir(t);
  const folder = await writeReports(dir);
  await writeFile(join(folder, 'empty.txt'), '');
  await writeFile(join(folder, 'binary.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01, 0x02, 0x00, 0xff, 0xfe, 0x00, 0x10]));
  const db = join(dir, 'vigil.db');
  const r = await vigil(['ingest', folder, '--db', db]);
  assert.equal(r.code, 1, `exit code 1 when an input failed\n${r.stderr}`);
  assert.deepEqual(summaryOf(r.stdout), { ...summaryOf(r.stdout), read: 7, new: 5, duplicate: 0, failed: 2 });
  const lines = r.stderr.split('\n').filter(l => l.trim());
  assert.equal(lines.length, 2, `one line per bad file:\n${r.stderr}`);
  const empty = lines.find(l => l.includes('empty.txt')), binary = lines.find(l => l.includes('binary.txt'));
  assert.ok(empty && /empty/i.test(empty.split('empty.txt')[1]!), `the empty file with its reason: ${empty}`);
  assert.ok(binary && /binary|NUL|not text/i.test(binary.split('binary.txt')[1]!), `the binary file with its reason: ${binary}`);
  assert.match(await vigilOk(['docs', '--db', db]), /^5 of 5 documents$/m, 'the good files are stored');
});

test('ingest - reads stdin', async t => {
  const dir = await tempDir(t);
  const db = join(dir, 'vigil.db');
  const r = await vigil(['ingest', '-', '--db', db], { input: BOMBING });
  assert.equal(r.code, 0, r.stderr);
  assert.deepEqual({ ...summaryOf(r.stdout), incidents: 0 }, { read: 1, new: 1, duplicate: 0, failed: 0, incidents: 0 });
  assert.match(await vigilOk(['docs', '--db', db]), /^1 of 1 documents$/m);
  const search = await vigilOk(['search', 'explosives', '--db', db]);
  assert.match(search, /detonated «explosives»/, 'the stdin text is stored and searchable');
  const again = await vigil(['ingest', '-', '--db', db], { input: BOMBING });
  assert.equal(summaryOf(again.stdout).duplicate, 1, 'the same text on stdin is a duplicate');
});

test('extract prints one JSON line per document, ids kept, evidence offsets into the text', async t => {
  const dir = await tempDir(t);
  const file = join(dir, 'wire.jsonl');
  const docs = [...WIRE, { id: 'plain-1', text: BOMBING.trim() }, { id: 'nothing', text: 'The city council met on Tuesday to discuss the budget.' }];
  await writeJsonl(file, docs);
  const r = await vigil(['extract', file], { cwd: dir });
  assert.equal(r.code, 0, r.stderr);
  const lines = r.stdout.split('\n').filter(l => l.trim());
  assert.equal(lines.length, docs.length, 'one line per document');
  const out = lines.map(l => JSON.parse(l) as { id: string; incidents: Inc[]; quotes: unknown[] });
  assert.deepEqual(out.map(o => o.id), docs.map(d => d.id), 'ids kept, input order');
  const byId = new Map(docs.map(d => [d.id, d.text]));
  let evidence = 0;
  for (const o of out) {
    assert.ok(Array.isArray(o.incidents), 'an incidents array');
    for (const inc of o.incidents) {
      for (const k of ['type', 'status', 'date', 'location', 'evidence'] as const) assert.ok(k in inc, `incident has ${k}`);
      assert.ok(Array.isArray(inc.evidence));
      for (const ev of inc.evidence) {
        evidence++;
        assert.equal(ev.doc, o.id);
        assert.equal(byId.get(o.id)!.slice(ev.start, ev.end), ev.text, `evidence ${ev.field} [${ev.start}, ${ev.end}) of ${o.id}`);
      }
    }
  }
  assert.ok(evidence > 0, 'some evidence');
  assert.ok(out.find(o => o.id === 'wire-1')!.incidents.some(i => i.type === 'bombing'));
  assert.ok(out.find(o => o.id === 'plain-1')!.incidents.some(i => i.type === 'bombing' && killedOf(i) === 14));
  assert.equal(out.find(o => o.id === 'nothing')!.incidents.length, 0, 'a council meeting is not an incident');
  assert.ok(!r.stdout.includes('\n\n'), 'no blank lines between JSON lines');
});

test('incidents: filters narrow the list', async t => {
  const { db } = await ingested(t);
  const all = await incidentsJson(db);
  assert.ok(all.length >= 4);

  const kidnappings = await incidentsJson(db, '--type', 'kidnapping');
  assert.ok(kidnappings.length >= 1 && kidnappings.every(i => i.type === 'kidnapping'));
  assert.ok(kidnappings.length < all.length);

  for (const country of ['Nigeria', 'NG']) {
    const ng = await incidentsJson(db, '--country', country);
    assert.ok(ng.length >= 1, `--country ${country}`);
    assert.ok(ng.every(i => i.location?.countryCode === 'NG'), `--country ${country}`);
  }

  const range = await incidentsJson(db, '--from', '2016-07', '--to', '2017');
  assert.ok(range.length >= 2, 'Baghdad 2016-07 and Berlin 2017');
  for (const i of range) assert.ok(dateStart(i.date) >= '2016-07' && dateStart(i.date) <= '2017-12-31', `${JSON.stringify(i.date)} in range`);
  assert.ok(all.some(i => dateStart(i.date).startsWith('2018')) && !range.some(i => dateStart(i.date).startsWith('2018')));

  const deadly = await incidentsJson(db, '--min-killed', '100');
  assert.ok(deadly.length >= 1 && deadly.every(i => (killedOf(i) ?? 0) >= 100), '--min-killed 100');
  assert.ok(!deadly.some(i => killedOf(i) === 14));

  const kabul = await incidentsJson(db, '--q', 'Kabul');
  assert.ok(kabul.length >= 1 && kabul.some(i => i.location?.place === 'Kabul'), '--q Kabul');
  assert.ok(!kabul.some(i => i.location?.countryCode === 'NG'));

  const table = await vigilOk(['incidents', '--db', db, '--type', 'kidnapping']);
  assert.match(table, /^ID\s+DATE\s+TYPE/m);
  assert.match(table, new RegExp(`^${kidnappings.length} of ${kidnappings.length} incidents$`, 'm'));
  assert.ok(table.split('\n').filter(l => l.startsWith('inc_')).every(l => /\bkidnapping\b/.test(l)));

  const limited = await vigilOk(['incidents', '--db', db, '--limit', '2']);
  assert.match(limited, new RegExp(`^2 of ${all.length} incidents$`, 'm'), '--limit');
});

test('incidents: every export format', async t => {
  const { db } = await ingested(t);
  const all = await incidentsJson(db);

  const csv = parseCsv(await vigilOk(['incidents', '--db', db, '--format', 'csv'])).filter(r => r.some(c => c !== ''));
  const header = csv[0]!;
  for (const col of ['id', 'date', 'type', 'status', 'country', 'killed']) assert.ok(header.includes(col), `csv column ${col}`);
  assert.equal(csv.length - 1, all.length, 'one csv row per incident');
  const idCol = header.indexOf('id');
  assert.deepEqual(new Set(csv.slice(1).map(r => r[idCol])), new Set(all.map(i => i.id)));

  const geo = JSON.parse(await vigilOk(['incidents', '--db', db, '--format', 'geojson'])) as {
    type: string; features: { type: string; geometry: { type: string; coordinates: number[] } | null; properties: { id: string } }[];
  };
  assert.equal(geo.type, 'FeatureCollection');
  assert.ok(geo.features.length >= 1);
  const kabul = all.find(i => i.location?.place === 'Kabul' && i.type === 'bombing')!;
  const feature = geo.features.find(f => f.properties.id === kabul.id);
  assert.ok(feature, 'the Kabul bombing is a feature');
  assert.equal(feature.type, 'Feature');
  assert.equal(feature.geometry?.type, 'Point');
  assert.deepEqual(feature.geometry!.coordinates, [kabul.location!.lon, kabul.location!.lat], 'GeoJSON is [lon, lat]');

  const gtd = parseCsv(await vigilOk(['incidents', '--db', db, '--format', 'gtd'])).filter(r => r.some(c => c !== ''));
  const g = gtd[0]!;
  for (const col of ['eventid', 'iyear', 'imonth', 'iday', 'country_txt', 'attacktype1_txt', 'nkill']) assert.ok(g.includes(col), `gtd column ${col}`);
  assert.equal(gtd.length - 1, all.length);
  const col = (row: string[], name: string) => row[g.indexOf(name)];
  const row = gtd.slice(1).find(r => col(r, 'country_txt') === 'Afghanistan' && col(r, 'nkill') === '14');
  assert.ok(row, 'the Kabul bombing as a GTD row');
  assert.equal(col(row, 'iyear'), '2018');
  assert.equal(col(row, 'imonth'), '3');
  assert.equal(col(row, 'iday'), '12');
  assert.equal(col(row, 'attacktype1_txt'), 'Bombing/Explosion');

  // A reader that stops early is not an error (EPIPE).
  const running = startVigil(['incidents', '--db', db, '--format', 'json']);
  running.child.stdout!.once('data', () => running.child.stdout!.destroy());
  const r = await within(running, 15_000);
  assert.doesNotMatch(r.stderr, /EPIPE|Unhandled/, r.stderr);
});

test('incidents: invalid flag values give a one-line error and exit code 2', async t => {
  const { db } = await ingested(t);
  const cases: [string[], RegExp][] = [
    [['--type', 'nonsense'], /--type/],
    [['--from', '2015-13-45'], /--from/],
    [['--to', '2015-02-30'], /--to/],
    [['--from', 'yesterday'], /--from/],
    [['--min-killed', 'many'], /--min-killed/],
    [['--status', 'maybe'], /--status/],
  ];
  for (const [flags, flag] of cases) {
    const r = await vigil(['incidents', '--db', db, ...flags]);
    assert.equal(r.code, 2, `${flags.join(' ')}: exit code 2\n${r.stderr}`);
    assert.equal(r.stdout, '', `${flags.join(' ')}: nothing on stdout`);
    const lines = r.stderr.split('\n').filter(l => l.trim());
    assert.equal(lines.length, 1, `${flags.join(' ')}: one line\n${r.stderr}`);
    assert.match(lines[0]!, flag);
  }
  const stats = await vigil(['stats', '--db', db, '--from', '2015-13-45']);
  assert.equal(stats.code, 2, stats.stderr);
  // Commander's own checks (choices) fail too, if not with the same code.
  const fmt = await vigil(['incidents', '--db', db, '--format', 'xml']);
  assert.notEqual(fmt.code, 0);
  assert.match(fmt.stderr, /xml/);
});

test('show prints each field with its source sentence; an unknown id fails clearly', async t => {
  const { db } = await ingested(t);
  const kabul = (await incidentsJson(db)).find(i => i.type === 'bombing' && killedOf(i) === 14)!;
  assert.ok(kabul, 'the Kabul bombing');
  const out = await vigilOk(['show', kabul.id, '--db', db]);
  assert.match(out, new RegExp(`^${kabul.id}\\s+bombing`, 'm'));
  assert.match(out, /^date\s+2018-03-12$/m);
  assert.match(out, /^killed\s+14$/m);
  assert.match(out, /killing «14» people/, 'the value highlighted in its sentence (not a TTY)');
  assert.match(out, /on «12 March 2018»/);
  assert.match(out, /^location\s+Kabul/m);
  assert.match(out, /^sources$/m);
  assert.ok(out.includes(kabul.sources[0]!), 'the source document');
  assert.match(out, /^mentions/m, 'mention ids, for vigil split');

  const missing = await vigil(['show', 'inc_nonexistent', '--db', db]);
  assert.notEqual(missing.code, 0);
  assert.equal(missing.stdout, '');
  assert.match(missing.stderr, /no incident inc_nonexistent/);
  assert.equal(missing.stderr.trim().split('\n').length, 1);
});

test('search returns snippets; stats prints counts; stats --json parses', async t => {
  const { db } = await ingested(t);
  const hits = await vigilOk(['search', 'hostage', '--db', db]);
  assert.match(hits, /^wire-2\b/m);
  assert.match(hits, /«hostage/i, 'the matched word highlighted in a snippet');
  assert.doesNotMatch(hits, /^wire-1\b/m);
  assert.match(await vigilOk(['search', 'zzyzx', '--db', db]), /no document matches "zzyzx"/);

  const all = await incidentsJson(db);
  const text = await vigilOk(['stats', '--db', db]);
  assert.match(text, new RegExp(`^incidents ${all.length}\\s+killed \\d+\\s+injured \\d+`, 'm'));
  assert.match(text, /^by type$/m);
  assert.match(text, /^by country$/m);

  const stats = JSON.parse(await vigilOk(['stats', '--json', '--db', db])) as {
    incidents: number; killed: number; byType: { key: string; incidents: number }[]; byCountry: { key: string; incidents: number }[];
  };
  assert.equal(stats.incidents, all.length);
  assert.equal(stats.byType.reduce((n, r) => n + r.incidents, 0), all.length);
  assert.ok(stats.byType.some(r => r.key === 'bombing'));
  assert.ok(stats.killed >= 134, 'Kabul 14 + Baghdad 120 at least');
  const ng = JSON.parse(await vigilOk(['stats', '--json', '--country', 'Nigeria', '--db', db])) as { incidents: number };
  assert.ok(ng.incidents >= 1 && ng.incidents < all.length, 'stats take the filters');
});

test('review: edit, reject, merge and split, with an audit trail', async t => {
  const { db } = await ingested(t);
  const all = await incidentsJson(db);
  const kabul = all.find(i => i.type === 'bombing' && killedOf(i) === 14)!;
  const baghdad = all.find(i => i.location?.place === 'Baghdad')!;
  const berlin = all.find(i => i.location?.place === 'Berlin')!;
  assert.ok(kabul && baghdad && berlin);

  // edit
  const edited = await vigil(['edit', kabul.id, 'killed', '99', '--db', db, '--as', 'alice']);
  assert.equal(edited.code, 0, edited.stderr);
  const shown = await vigilOk(['show', kabul.id, '--db', db]);
  assert.match(shown, /^killed\s+99$/m, 'the corrected value');
  assert.match(shown, /^audit$/m);
  assert.match(shown, /alice\s+edit\s+.*"killed"/, 'an audit entry with the reviewer');
  assert.equal(killedOf((await incidentsJson(db)).find(i => i.id === kabul.id)!), 99);
  const table = await vigilOk(['incidents', '--db', db]);
  assert.doesNotMatch(table, /undefined/);

  // reject
  const rejected = await vigil(['reject', berlin.id, '--db', db]);
  assert.equal(rejected.code, 0, rejected.stderr);
  const after = await incidentsJson(db);
  assert.ok(!after.some(i => i.id === berlin.id), 'a rejected incident is hidden from the list');
  assert.equal(after.length, all.length - 1);
  assert.match(await vigilOk(['show', berlin.id, '--db', db]), /\[rejected\]/);

  // merge: two incidents become one with both sources
  const merged = await vigil(['merge', kabul.id, baghdad.id, '--db', db]);
  assert.equal(merged.code, 0, merged.stderr);
  assert.match(merged.stdout, new RegExp(`merged ${baghdad.id} into ${kabul.id}`));
  const afterMerge = await incidentsJson(db);
  assert.ok(!afterMerge.some(i => i.id === baghdad.id), 'the merged incident is gone');
  const survivor = afterMerge.find(i => i.id === kabul.id)!;
  assert.deepEqual(new Set(survivor.sources), new Set([...kabul.sources, ...baghdad.sources]));
  const mergedShow = await vigilOk(['show', kabul.id, '--db', db]);
  assert.match(mergedShow, /\bmerge\b/, 'merge in the audit trail');

  // split the Baghdad mention back out (mention ids are listed by vigil show)
  const mentionIds = [...mergedShow.matchAll(/^\s+(men_\S+)/gm)].map(m => m[1]!);
  assert.ok(mentionIds.length >= 2, `mention ids in:\n${mergedShow}`);
  const baghdadMention = mentionIds.find(id => id.includes('wire-1'))!;
  assert.ok(baghdadMention, 'the mention from wire-1');
  const split = await vigil(['split', kabul.id, baghdadMention, '--db', db]);
  assert.equal(split.code, 0, split.stderr);
  const afterSplit = await incidentsJson(db);
  assert.equal(afterSplit.length, afterMerge.length + 1, 'a new incident');
  const fresh = afterSplit.find(i => i.sources.includes('wire-1') && i.id !== kabul.id)!;
  assert.ok(fresh, 'the split-off incident has the Baghdad source');
  assert.ok(!afterSplit.find(i => i.id === kabul.id)!.sources.includes('wire-1'), 'and the original no longer has it');
  assert.match(await vigilOk(['show', kabul.id, '--db', db]), /\bsplit\b/, 'split in the audit trail');
  assert.equal(killedOf(afterSplit.find(i => i.id === kabul.id)!), 99, 'the correction survives merge and split');

  const bad = await vigil(['merge', kabul.id, 'inc_nonexistent', '--db', db]);
  assert.notEqual(bad.code, 0);
  assert.match(bad.stderr, /inc_nonexistent/);
});
