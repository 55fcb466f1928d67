import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Incident, IncidentType, Perpetrator } from '../src/model.js';
import type { MentionRecord } from '../src/resolve/contract.js';
import { BlockIndex, componentOf, resolver } from '../src/resolve/index.js';
import { resolveLocally } from '../src/resolve/component.js';

interface Spec {
  doc: string; n?: number; published: string; date: string | null; type?: IncidentType;
  country?: string; place?: string | null; lat?: number; lon?: number; killed?: number | null; injured?: number | null;
  targets?: string[]; perps?: Perpetrator[]; text?: string; background?: boolean; group?: string; pinned?: string;
}

function mention(s: Spec): MentionRecord {
  const id = `men_${s.doc}_${s.n ?? 0}`;
  const incident: Incident = {
    id, type: s.type ?? 'bombing', status: 'carried_out', date: s.date,
    location: { country: null, countryCode: s.country ?? 'IQ', admin1: null, place: s.place === undefined ? 'Baghdad' : s.place,
      lat: s.lat ?? null, lon: s.lon ?? null, precision: s.place === null ? 'country' : 'city' },
    perpetrators: s.perps ?? [], targets: (s.targets ?? []).map((text) => ({ text, category: 'business' as const })),
    victims: [], weapons: [], killed: s.killed == null ? null : { value: s.killed }, injured: s.injured == null ? null : { value: s.injured },
    suicide: false, evidence: s.text ? [{ doc: s.doc, field: 'killed', start: 0, end: s.text.length, text: s.text }] : [], sources: [s.doc],
  };
  if (s.background) incident.background = true;
  if (s.group) incident.group = s.group;
  const m: MentionRecord = { id, docId: s.doc, published: s.published, incident };
  if (s.pinned) m.pinnedIncident = s.pinned;
  return m;
}

function permutations<T>(xs: T[]): T[][] {
  if (xs.length <= 1) return [xs];
  return xs.flatMap((x, i) => permutations([...xs.slice(0, i), ...xs.slice(i + 1)]).map((p) => [x, ...p]));
}

/** Clusters as sets of mention ids, for comparisons that do not care about incident ids. */
const partition = (ms: MentionRecord[]): string[][] =>
  resolver.cluster(ms).map((c) => [...c.mentionIds].sort()).sort((a, b) => a[0]!.localeCompare(b[0]!));

const IS: Perpetrator = { name: 'Islamic State', kind: 'organization', actorId: 'islamic_state', attribution: 'claimed' };

// Baghdad, 3 July 2016: a truck bomb in Karrada and, the same night, a bomb at a market in al-Shaab.
const karrada = [
  mention({ doc: 'a1', published: '2016-07-03', date: '2016-07-03', place: 'Karrada', killed: 21, targets: ['shopping street in Karrada'],
    text: 'A car bomb tore through a crowded shopping street in the Karrada district, killing at least 21 people.' }),
  mention({ doc: 'a2', published: '2016-07-04', date: '2016-07-03', place: 'Baghdad', killed: 125, targets: ['Karrada shopping district', 'shoppers'],
    perps: [IS], text: 'The death toll from the Karrada truck bombing rose to 125, officials said.' }),
  mention({ doc: 'a3', published: '2016-07-07', date: '2016-07-03', place: 'Karada', killed: 250, targets: ['Karada shopping centre'],
    perps: [{ name: 'ISIL', kind: 'organization', actorId: 'islamic_state', attribution: 'reported' }],
    text: 'The toll from Sunday\'s bombing in Karada has reached 250, the health ministry said.' }),
];
const shaab = [
  mention({ doc: 'a1', n: 1, published: '2016-07-03', date: '2016-07-03', place: 'Shaab', killed: 5, targets: ['market in the Shaab district'],
    text: 'Hours later a roadside bomb exploded near a market in the Shaab district, killing five.' }),
  mention({ doc: 'b1', published: '2016-07-03', date: '2016-07-03', place: 'Baghdad', killed: 5, targets: ['al-Shaab market'],
    text: 'A second bomb at al-Shaab market in northern Baghdad killed five people.' }),
];

test('window: a day date spans three days either side, a month spans its month, no date no window', () => {
  const m = mention({ doc: 'w', published: '2015-11-14', date: '2015-11-13', country: 'FR' }).incident;
  assert.deepEqual(resolver.window(m), { countryCode: 'FR', from: '2015-11-10', to: '2015-11-16' });
  assert.deepEqual(resolver.window({ ...m, date: '2015-11' }), { countryCode: 'FR', from: '2015-10-29', to: '2015-12-03' });
  assert.deepEqual(resolver.window({ ...m, date: null }), { countryCode: 'FR', from: null, to: null });
});

test('two bombings at two Baghdad markets on the same day stay two incidents', () => {
  assert.deepEqual(partition([...karrada, ...shaab]), [
    ['men_a1_0', 'men_a2_0', 'men_a3_0'],
    ['men_a1_1', 'men_b1_0'],
  ]);
});

test('every order of a block gives the same clusters and the same incident ids', () => {
  const block = [...karrada, ...shaab];
  const expected = resolver.cluster(block);
  let n = 0;
  for (const order of permutations(block)) {
    assert.deepEqual(resolver.cluster(order), expected);
    n++;
  }
  assert.equal(n, 120);
  assert.deepEqual(resolver.cluster([...block, ...block]), expected, 'duplicates change nothing');
});

test('re-clustering the clusters changes nothing; ids come from the members', () => {
  const first = resolver.cluster([...karrada, ...shaab]);
  const again = resolver.cluster([...shaab, ...karrada]);
  assert.deepEqual(again, first);
  const sub = resolver.cluster(karrada);
  assert.equal(sub.length, 1);
  assert.equal(sub[0]!.incidentId, first.find((c) => c.mentionIds.includes('men_a1_0'))!.incidentId);
});

test('mentions of one document are never merged', () => {
  const same = [
    mention({ doc: 'd', n: 0, published: '2016-07-03', date: '2016-07-03', killed: 5, targets: ['market'] }),
    mention({ doc: 'd', n: 1, published: '2016-07-03', date: '2016-07-03', killed: 5, targets: ['market'] }),
  ];
  assert.equal(resolver.cluster(same).length, 2);
});

test('rising tolls merge; the headline takes the latest report, or the lowest when conservative', () => {
  const [c] = resolver.cluster(karrada);
  const latest = resolver.headline(c!.incidentId, karrada, 'latest');
  assert.equal((latest.incident.killed as { value: number }).value, 250);
  const low = resolver.headline(c!.incidentId, karrada, 'conservative');
  assert.equal((low.incident.killed as { value: number }).value, 21);
  assert.deepEqual(latest.incident.sources.sort(), ['a1', 'a2', 'a3']);
  const killedAlts = latest.alternatives.filter((a) => a.field === 'killed');
  assert.deepEqual(killedAlts.map((a) => [a.docId, (a.value as { value: number }).value, a.published]),
    [['a1', 21, '2016-07-03'], ['a2', 125, '2016-07-04'], ['a3', 250, '2016-07-07']]);
  assert.ok(killedAlts.every((a) => a.evidence.length === 1));
  // The two spellings of the group are one perpetrator, with the strongest attribution.
  assert.deepEqual(latest.incident.perpetrators.map((p) => [p.actorId, p.attribution]), [['islamic_state', 'claimed']]);
  assert.equal(latest.incident.location!.place, 'Karrada');
});

test('latest report ties go to the higher figure', () => {
  const ms = [
    mention({ doc: 't1', published: '2016-07-04', date: '2016-07-03', killed: 120, targets: ['Karrada'] }),
    mention({ doc: 't2', published: '2016-07-04', date: '2016-07-03', killed: 125, targets: ['Karrada'] }),
  ];
  assert.equal((resolver.headline('inc_x', ms, 'latest').incident.killed as { value: number }).value, 125);
});

test('headline: most precise date and place, overrides applied last', () => {
  const ms = [
    mention({ doc: 'h1', published: '2016-07-10', date: '2016-07', place: null, killed: 200 }),
    mention({ doc: 'h2', published: '2016-07-04', date: '2016-07-03', place: 'Karrada', lat: 33.3, lon: 44.42, killed: 125 }),
  ];
  const r = resolver.headline('inc_y', ms, 'latest', [{ field: 'killed', value: { value: 324, qualifier: 'at least' } }]);
  assert.equal(r.incident.date, '2016-07-03');
  assert.equal(r.incident.location!.place, 'Karrada');
  assert.deepEqual(r.incident.killed, { value: 324, qualifier: 'at least' });
  assert.equal(r.incident.id, 'inc_y');
  assert.ok(r.alternatives.some((a) => a.field === 'date' && a.value === '2016-07' && a.docId === 'h1'));
});

test('a background mention joins the incident it refers to and never creates one', () => {
  const paris = [
    mention({ doc: 'p1', published: '2015-11-14', date: '2015-11-13', country: 'FR', place: 'Paris', type: 'hostage_taking', killed: 89,
      targets: ['Bataclan concert hall'], perps: [IS], text: 'Gunmen stormed the Bataclan concert hall.' }),
    mention({ doc: 'p2', published: '2015-11-15', date: '2015-11-13', country: 'FR', place: 'Paris', type: 'hostage_taking', killed: 90,
      targets: ['Bataclan theatre', 'concert-goers'], perps: [IS] }),
  ];
  const bg = mention({ doc: 'p9', published: '2016-03-22', date: '2015-11', country: 'FR', place: 'Paris', type: 'armed_assault', killed: 130,
    perps: [IS], background: true, text: 'the Paris attacks of November 2015, in which 130 people were killed' });
  const withBg = resolver.cluster([...paris, bg]);
  assert.equal(withBg.length, 1);
  assert.deepEqual(withBg[0]!.mentionIds, ['men_p1_0', 'men_p2_0', 'men_p9_0']);
  assert.equal(withBg[0]!.incidentId, resolver.cluster(paris)[0]!.incidentId, 'joining does not change the id');
  assert.ok(!withBg[0]!.backgroundOnly);
  // The direct accounts keep the headline; the passing reference is an alternative.
  const h = resolver.headline(withBg[0]!.incidentId, [...paris, bg], 'latest');
  assert.equal((h.incident.killed as { value: number }).value, 90);
  assert.ok(h.alternatives.some((a) => a.field === 'killed' && a.docId === 'p9'));

  const alone = resolver.cluster([bg]);
  assert.equal(alone.length, 1);
  assert.equal(alone[0]!.backgroundOnly, true);
});

test('sites of a coordinated attack stay separate incidents sharing a group', () => {
  const sites = [
    mention({ doc: 'q1', n: 0, published: '2015-11-14', date: '2015-11-13', country: 'FR', place: 'Saint-Denis', lat: 48.924, lon: 2.36, killed: 1,
      targets: ['Stade de France'], perps: [IS], group: 'grp_q1' }),
    mention({ doc: 'q1', n: 1, published: '2015-11-14', date: '2015-11-13', country: 'FR', place: 'Paris', lat: 48.863, lon: 2.37, type: 'hostage_taking', killed: 89,
      targets: ['Bataclan concert hall'], perps: [IS], group: 'grp_q1' }),
    mention({ doc: 'q2', n: 0, published: '2015-11-15', date: '2015-11-13', country: 'FR', place: 'Saint Denis', killed: 1,
      targets: ['Stade de France stadium'], perps: [IS], group: 'grp_q2' }),
    mention({ doc: 'q2', n: 1, published: '2015-11-15', date: '2015-11-13', country: 'FR', place: 'Paris', type: 'hostage_taking', killed: 90,
      targets: ['the Bataclan'], perps: [IS], group: 'grp_q2' }),
  ];
  const clusters = resolver.cluster(sites);
  assert.deepEqual(clusters.map((c) => c.mentionIds).sort(), [['men_q1_0', 'men_q2_0'], ['men_q1_1', 'men_q2_1']]);
  const groups = clusters.map((c) => resolver.headline(c.incidentId, sites.filter((m) => c.mentionIds.includes(m.id)), 'latest').incident.group);
  assert.deepEqual(groups, ['grp_q1', 'grp_q1']);
});

test('pinned mentions stay where a person put them', () => {
  // A person split a2 out of the Karrada incident and merged the Shaab report b1 into it.
  const pinned: MentionRecord[] = [
    { ...karrada[0]!, pinnedIncident: 'inc_karrada' }, { ...karrada[1]!, pinnedIncident: 'inc_split' }, karrada[2]!,
    { ...shaab[1]!, pinnedIncident: 'inc_karrada' },
  ];
  const clusters = resolver.cluster(pinned);
  const of = (id: string): string => clusters.find((c) => c.mentionIds.includes(id))!.incidentId;
  assert.equal(of('men_a2_0'), 'inc_split');
  assert.equal(of('men_a1_0'), 'inc_karrada');
  assert.equal(of('men_b1_0'), 'inc_karrada');
  assert.notEqual(of('men_a2_0'), of('men_a1_0'));
  // Later ingestion of more reports does not undo it.
  const later = mention({ doc: 'a4', published: '2016-07-08', date: '2016-07-03', place: 'Karrada', killed: 292, targets: ['Karrada shopping district'], perps: [IS] });
  const after = resolver.cluster([...pinned, later]);
  const of2 = (id: string): string => after.find((c) => c.mentionIds.includes(id))!.incidentId;
  assert.equal(of2('men_a2_0'), 'inc_split');
  assert.equal(of2('men_a1_0'), 'inc_karrada');
  assert.equal(of2('men_b1_0'), 'inc_karrada');
});

test('different countries or distant dates never merge', () => {
  const a = mention({ doc: 'x1', published: '2016-07-03', date: '2016-07-03', country: 'IQ', killed: 5, targets: ['market'] });
  const b = mention({ doc: 'x2', published: '2016-07-03', date: '2016-07-03', country: 'SY', killed: 5, targets: ['market'] });
  const c = mention({ doc: 'x3', published: '2016-07-20', date: '2016-07-19', country: 'IQ', killed: 5, targets: ['market'] });
  assert.equal(resolver.cluster([a, b, c]).length, 3);
});

test('ingesting documents in any order through a block index converges to the same incidents', () => {
  const docs = new Map<string, MentionRecord[]>();
  for (const m of [...karrada, ...shaab]) docs.set(m.docId, [...(docs.get(m.docId) ?? []), m]);
  let first: string | null = null;
  for (const order of permutations([...docs.values()])) {
    const index = new BlockIndex(resolver);
    for (const ms of order) index.addDocument(ms);
    const result = JSON.stringify([...index.partition()].sort());
    first ??= result;
    assert.equal(result, first);
  }
  assert.deepEqual(JSON.parse(first!).map((e: [string, string[]]) => e[1]).sort(),
    [['men_a1_0', 'men_a2_0', 'men_a3_0'], ['men_a1_1', 'men_b1_0']]);
});

// ---- related() and component clustering ---------------------------------------------------------------

test('related: the mentions a new one is linked to, a background reference at the lower threshold', () => {
  const block = [...karrada.slice(1), ...shaab];
  assert.deepEqual(resolver.related(karrada[0]!, block).map((m) => m.id).sort(), ['men_a2_0', 'men_a3_0']);
  assert.deepEqual(resolver.related(karrada[0]!, [karrada[0]!]), [], 'never itself');
  const far = mention({ doc: 'z1', published: '2016-07-20', date: '2016-07-19', killed: 21, targets: ['shopping street in Karrada'] });
  assert.deepEqual(resolver.related(far, karrada), [], 'dates too far apart');
  const pinnedA = { ...shaab[1]!, pinnedIncident: 'inc_p' };
  const pinnedB = { ...karrada[2]!, pinnedIncident: 'inc_p' };
  assert.deepEqual(resolver.related(pinnedA, [pinnedB, karrada[0]!]).map((m) => m.id), ['men_a3_0'], 'one pin links whatever the score');
});

/** A seeded generator of tangled blocks: few places, close dates, shared words, background references, pins. */
function randomBlock(seed: number, n: number): MentionRecord[] {
  let s = seed >>> 0;
  const rand = (): number => { s = (Math.imul(s, 1664525) + 1013904223) >>> 0; return s / 4294967296; };
  const pick = <T>(xs: T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const places = [
    { place: 'Karrada', lat: 33.30, lon: 44.42 }, { place: 'Karada', lat: 33.31, lon: 44.43 }, { place: 'Shaab', lat: 33.40, lon: 44.40 },
    { place: 'Baghdad', lat: 33.31, lon: 44.36 }, { place: 'Mosul', lat: 36.34, lon: 43.13 }, { place: null, lat: undefined, lon: undefined },
  ];
  const words = ['market', 'shopping street', 'checkpoint', 'mosque', 'police station', 'cafe', 'bus'];
  const types: IncidentType[] = ['bombing', 'bombing', 'armed_assault', 'other'];
  const out: MentionRecord[] = [];
  for (let i = 0; i < n; i++) {
    const p = pick(places);
    const day = 1 + Math.floor(rand() * 9);
    const background = rand() < 0.12;
    const spec: Spec = {
      doc: `r${seed}_${Math.floor(i / (rand() < 0.2 ? 2 : 1))}_${i}`.replace(/_\d+$/, rand() < 0.15 && i > 0 ? `_${i - 1}` : `_${i}`),
      n: i, published: `2016-07-${String(day + Math.floor(rand() * 4)).padStart(2, '0')}`,
      date: background || rand() < 0.08 ? '2016-07' : `2016-07-${String(day).padStart(2, '0')}`,
      type: pick(types), place: p.place, lat: rand() < 0.7 ? p.lat : undefined, lon: p.lon,
      killed: rand() < 0.2 ? null : Math.floor(rand() * 30), targets: [pick(words), pick(words)].slice(0, 1 + Math.floor(rand() * 2)),
      perps: rand() < 0.4 ? [IS] : [], text: `A ${pick(['car bomb', 'suicide bomber', 'gunman'])} struck a ${pick(words)} in ${p.place ?? 'the capital'}.`,
      background,
    };
    if (spec.lat === undefined) delete spec.lon;
    const m = mention(spec);
    if (rand() < 0.05) m.pinnedIncident = pick(['inc_pin_a', 'inc_pin_b']);
    out.push(m);
  }
  return out;
}

test('component clustering: cluster() of the component a mention joins gives exactly what the whole block gives', () => {
  let components = 0, nontrivial = 0;
  for (let seed = 1; seed <= 40; seed++) {
    const all = randomBlock(seed, 24);
    const block = all.slice(0, -1);
    const m = all[all.length - 1]!;
    const before = resolver.cluster(block);
    const incidentOf = new Map(before.flatMap((c) => c.mentionIds.map((id) => [id, c.incidentId] as const)));
    const component = componentOf([m], block, resolver.related, (x) => [incidentOf.get(x.id), x.pinnedIncident]);
    components++;
    if (component.length > 1 && component.length < all.length) nontrivial++;
    const whole = resolver.cluster(all);
    const inComponent = new Set(component.map((x) => x.id));
    // The component's clusters are exactly the whole block's clusters of those mentions...
    assert.deepEqual(resolver.cluster(component), whole.filter((c) => c.mentionIds.some((id) => inComponent.has(id))), `seed ${seed}`);
    // ...and nothing outside it changes.
    assert.deepEqual(before.filter((c) => !c.mentionIds.some((id) => inComponent.has(id))),
      whole.filter((c) => !c.mentionIds.some((id) => inComponent.has(id))), `seed ${seed}`);
  }
  assert.ok(nontrivial >= 10, `only ${nontrivial} of ${components} components were neither trivial nor the whole block`);
});

test('block index: resolving against the component joined converges, in any order, to clustering everything at once', () => {
  for (let seed = 1; seed <= 25; seed++) {
    const all = randomBlock(100 + seed, 30);
    const docs = new Map<string, MentionRecord[]>();
    for (const m of all) docs.set(m.docId, [...(docs.get(m.docId) ?? []), m]);
    const expected = JSON.stringify(resolver.cluster(all).map((c) => [c.incidentId, c.mentionIds]).sort());
    let order = [...docs.values()];
    for (let k = 0; k < 4; k++) {
      const index = new BlockIndex(resolver);
      for (const ms of order) index.addDocument(ms);
      assert.equal(JSON.stringify([...index.partition()].sort()), expected, `seed ${seed}, order ${k}`);
      order = order.map((_, i) => order[(i * 7 + k + 3) % order.length]!);
      if (new Set(order).size !== docs.size) order = [...docs.values()].reverse();
    }
  }
});

test('local resolution: a report joining a stored incident re-clusters only the incidents it is related to', () => {
  const stored = [...karrada, ...shaab];
  const clusters = resolver.cluster(stored);
  const incidentOf = new Map(clusters.flatMap((c) => c.mentionIds.map((id) => [id, c.incidentId] as const)));
  const later = mention({ doc: 'a4', published: '2016-07-08', date: '2016-07-03', place: 'Karrada', killed: 292, targets: ['Karrada shopping district'], perps: [IS] });
  const all = [...stored, later];
  const { members, clusters: local } = resolveLocally([later], {
    related: (m) => resolver.related(m, all),
    incidentOf: (m) => incidentOf.get(m.id),
    membersOf: (id) => all.filter((m) => incidentOf.get(m.id) === id),
  }, resolver.cluster);
  assert.deepEqual(members.map((m) => m.id).sort(), ['men_a1_0', 'men_a2_0', 'men_a3_0', 'men_a4_0'], 'the Shaab incident is not touched');
  const whole = resolver.cluster(all);
  assert.deepEqual(local, whole.filter((c) => c.mentionIds.includes('men_a4_0')));
  assert.equal(local[0]!.incidentId, incidentOf.get('men_a1_0'), 'the incident keeps its id');
});
