import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createEncoder, encodeAll, toCsv, toGeoJson, toGtdCsv, toJson, CSV_COLUMNS, GTD_COLUMNS } from '../src/export/index.js';
import { csvField } from '../src/export/rfc4180.js';
import type { IncidentRow } from '../src/store/store.js';

function row(over: Partial<IncidentRow> = {}): IncidentRow {
  return {
    id: 'inc_paris',
    type: 'bombing',
    status: 'carried_out',
    date: '2015-11-13',
    location: { country: 'France', countryCode: 'FR', admin1: 'Île-de-France', place: 'Paris', lat: 48.85, lon: 2.35, precision: 'city' },
    perpetrators: [
      { name: 'Islamic State', kind: 'organization', attribution: 'claimed' },
      { name: 'gunmen', kind: 'individual' },
    ],
    targets: [{ text: 'Bataclan concert hall', category: 'business' }],
    victims: [{ text: 'concert-goers' }],
    weapons: [{ text: 'suicide vests', type: 'explosives' }, { text: 'rifles', type: 'firearms' }],
    killed: { value: 130, qualifier: 'at least' },
    injured: { value: 368 },
    perpetratorsKilled: { value: 7 },
    suicide: true,
    group: 'grp_paris',
    evidence: [],
    sources: ['doc_a', 'doc_b'],
    review: 'accepted',
    updatedAt: '2024-01-01T00:00:00Z',
    ...over,
  };
}

/** A minimal RFC 4180 parser, to check that what we write reads back. */
function parseCsv(text: string): string[][] {
  const out: string[][] = [];
  let rec: string[] = [];
  let field = '';
  let i = 0;
  let quoted = false;
  while (i < text.length) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i += 2; continue; }
      if (c === '"') { quoted = false; i++; continue; }
      field += c; i++; continue;
    }
    if (c === '"') { quoted = true; i++; continue; }
    if (c === ',') { rec.push(field); field = ''; i++; continue; }
    if (c === '\r' && text[i + 1] === '\n') { rec.push(field); out.push(rec); rec = []; field = ''; i += 2; continue; }
    field += c; i++;
  }
  assert.equal(field, '', 'every record ends with CRLF');
  return out;
}

const asObjects = (text: string) => {
  const [head, ...rows] = parseCsv(text);
  return rows.map((r) => Object.fromEntries(head!.map((h, i) => [h, r[i]])));
};

test('csv: RFC 4180 quoting of commas, quotes and line breaks; formulas neutralised', () => {
  assert.equal(csvField('plain'), 'plain');
  assert.equal(csvField('a,b'), '"a,b"');
  assert.equal(csvField('say "hi"'), '"say ""hi"""');
  assert.equal(csvField('two\nlines'), '"two\nlines"');
  assert.equal(csvField('=HYPERLINK("x")'), `"'=HYPERLINK(""x"")"`);
  assert.equal(csvField(-12.5), '-12.5');
  assert.equal(csvField(null), '');
});

test('csv: flat columns in order, lists joined, round-trips through a parser', () => {
  const text = toCsv([row(), row({ id: 'inc_2', summary: 'x', targets: [{ text: 'a "quoted", target\r\nnext', category: 'police' }] })]);
  assert.ok(text.startsWith(CSV_COLUMNS.join(',') + '\r\n'));
  const [a, b] = asObjects(text);
  assert.equal(a!.id, 'inc_paris');
  assert.equal(a!.date, '2015-11-13');
  assert.equal(a!.country, 'France');
  assert.equal(a!.admin1, 'Île-de-France');
  assert.equal(a!.lat, '48.85');
  assert.equal(a!.perpetrators, 'Islamic State; gunmen');
  assert.equal(a!.attribution, 'claimed; ');
  assert.equal(a!.weapons, 'suicide vests (explosives); rifles (firearms)');
  assert.equal(a!.killed, '130');
  assert.equal(a!.injured, '368');
  assert.equal(a!.suicide, '1');
  assert.equal(a!.sources, 'doc_a; doc_b');
  assert.equal(a!.review, 'accepted');
  assert.equal(b!.targets, 'a "quoted", target\r\nnext (police)');
});

test('csv: unknown values are empty cells', () => {
  const [a] = asObjects(toCsv([row({ date: null, location: null, killed: null, injured: null, group: undefined })]));
  assert.equal(a!.date, '');
  assert.equal(a!.country, '');
  assert.equal(a!.lat, '');
  assert.equal(a!.killed, '');
  assert.equal(a!.group, '');
  assert.equal(toCsv([]), CSV_COLUMNS.join(',') + '\r\n');
});

test('json: an array of the incidents as stored', () => {
  const parsed = JSON.parse(toJson([row(), row({ id: 'inc_2' })]));
  assert.equal(parsed.length, 2);
  assert.deepEqual(parsed[0], row());
  assert.deepEqual(JSON.parse(toJson([])), []);
});

test('geojson: Points in lon,lat order; incidents without coordinates left out', () => {
  const fc = JSON.parse(toGeoJson([row(), row({ id: 'inc_nowhere', location: { ...row().location!, lat: null, lon: null } }), row({ id: 'inc_null', location: null })]));
  assert.equal(fc.type, 'FeatureCollection');
  assert.equal(fc.features.length, 1);
  const f = fc.features[0];
  assert.deepEqual(f.geometry, { type: 'Point', coordinates: [2.35, 48.85] });
  assert.equal(f.properties.id, 'inc_paris');
  assert.equal(f.properties.killed, 130);
  assert.deepEqual(f.properties.perpetrators, ['Islamic State', 'gunmen']);
});

test('gtd: codebook columns and codes', () => {
  const text = toGtdCsv([row()]);
  assert.ok(text.startsWith(GTD_COLUMNS.join(',') + '\r\n'));
  const [g] = asObjects(text);
  assert.equal(g!.eventid, '201511130001');
  assert.equal(g!.iyear, '2015');
  assert.equal(g!.imonth, '11');
  assert.equal(g!.iday, '13');
  assert.equal(g!.approxdate, '');
  assert.equal(g!.country, '69');
  assert.equal(g!.country_txt, 'France');
  assert.equal(g!.region_txt, 'Western Europe');
  assert.equal(g!.provstate, 'Île-de-France');
  assert.equal(g!.city, 'Paris');
  assert.equal(g!.latitude, '48.85');
  assert.equal(g!.longitude, '2.35');
  assert.equal(g!.attacktype1, '3');
  assert.equal(g!.attacktype1_txt, 'Bombing/Explosion');
  assert.equal(g!.targtype1, '1');
  assert.equal(g!.targtype1_txt, 'Business');
  assert.equal(g!.target1, 'Bataclan concert hall');
  assert.equal(g!.weaptype1, '6');
  assert.equal(g!.weaptype1_txt, 'Explosives');
  assert.equal(g!.weaptype2, '5');
  assert.equal(g!.gname, 'Islamic State');
  assert.equal(g!.claimed, '1');
  assert.equal(g!.guncertain1, '0');
  assert.equal(g!.suicide, '1');
  assert.equal(g!.success, '1');
  assert.equal(g!.multiple, '1');
  assert.equal(g!.nkill, '137', 'GTD nkill counts victims and perpetrators');
  assert.equal(g!.nkillter, '7');
  assert.equal(g!.nwound, '368');
  assert.equal(g!.scite1, 'doc_a');
  assert.match(g!.addnotes!, /vigil:inc_paris/);
});

test('gtd: every Vigil attack type maps to its GTD code', () => {
  const expected: Record<string, [string, string]> = {
    bombing: ['3', 'Bombing/Explosion'], armed_assault: ['2', 'Armed Assault'], assassination: ['1', 'Assassination'],
    hijacking: ['4', 'Hijacking'], hostage_taking: ['5', 'Hostage Taking (Barricade Incident)'],
    kidnapping: ['6', 'Hostage Taking (Kidnapping)'], arson: ['7', 'Facility/Infrastructure Attack'],
    unarmed_assault: ['8', 'Unarmed Assault'], vehicle_ramming: ['8', 'Unarmed Assault'], other: ['9', 'Unknown'],
  };
  for (const [type, [code, txt]] of Object.entries(expected)) {
    const [g] = asObjects(toGtdCsv([row({ type: type as IncidentRow['type'], weapons: [] })]));
    assert.equal(g!.attacktype1, code, type);
    assert.equal(g!.attacktype1_txt, txt, type);
    assert.equal(g!.ishostkid, type === 'kidnapping' || type === 'hostage_taking' ? '1' : '0');
    if (type === 'vehicle_ramming') assert.equal(g!.weaptype1, '10', 'a ramming is coded with weapon Vehicle');
    else assert.equal(g!.weaptype1, '13');
  }
});

test('gtd: unknowns, failed plots, suspects, unmapped countries, day numbering', () => {
  const text = toGtdCsv([
    row({ id: 'a', date: '2016-03', status: 'foiled', targets: [], perpetrators: [{ name: 'Boko Haram', kind: 'organization', attribution: 'suspected' }],
      location: { country: 'Nigeria', countryCode: 'NG', admin1: 'Borno', place: 'Maiduguri', lat: null, lon: null, precision: 'city' }, killed: null, injured: null, perpetratorsKilled: null, group: undefined }),
    row({ id: 'b', date: '2016-03', perpetrators: [], location: { country: 'Atlantis', countryCode: 'QQ', admin1: null, place: null, lat: null, lon: null, precision: 'country' } }),
    row({ id: 'c', date: { from: '2016-04-02', to: '2016-04-05' }, location: { country: 'Nigeria', countryCode: null, admin1: null, place: null, lat: 1, lon: 2, precision: 'admin1' } }),
  ]);
  const [a, b, c] = asObjects(text);
  assert.equal(a!.eventid, '201603000001');
  assert.equal(b!.eventid, '201603000002');
  assert.equal(a!.iday, '0');
  assert.equal(a!.approxdate, '2016-03');
  assert.equal(a!.success, '0');
  assert.equal(a!.targtype1, '20');
  assert.equal(a!.targtype1_txt, 'Unknown');
  assert.equal(a!.gname, 'Boko Haram');
  assert.equal(a!.guncertain1, '1');
  assert.equal(a!.claimed, '0');
  assert.equal(a!.country, '147');
  assert.equal(a!.region_txt, 'Sub-Saharan Africa');
  assert.equal(a!.nkill, '');
  assert.equal(a!.specificity, '5');
  assert.equal(a!.multiple, '0');
  assert.equal(b!.gname, 'Unknown');
  assert.equal(b!.country, '0');
  assert.equal(b!.country_txt, 'Atlantis');
  assert.equal(b!.region_txt, '');
  assert.equal(c!.eventid, '201604020001');
  assert.equal(c!.approxdate, '2016-04-02/2016-04-05');
  assert.equal(c!.country, '147', 'mapped by name when the code is missing');
  assert.equal(c!.specificity, '4');
});

test('encoders: a streamed export equals the one-shot export', () => {
  const rows = [row(), row({ id: 'inc_2', location: null }), row({ id: 'inc_3' })];
  for (const format of ['csv', 'json', 'geojson', 'gtd'] as const) {
    const enc = createEncoder(format);
    const streamed = enc.head() + enc.rows(rows.slice(0, 1)) + enc.rows([]) + enc.rows(rows.slice(1)) + enc.tail();
    assert.equal(streamed, encodeAll(format, rows), format);
  }
  assert.equal(JSON.parse(encodeAll('geojson', rows)).features.length, 2);
  assert.deepEqual(JSON.parse(encodeAll('geojson', [])), { type: 'FeatureCollection', features: [] });
});
