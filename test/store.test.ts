// Store behaviour, run against every store: SQLite always, PostgreSQL when VIGIL_TEST_PG is a URL.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { documentId, type Document } from '../src/ingest/document.js';
import type { Extraction, Incident, Quote } from '../src/model.js';
import { openStore } from '../src/store/open.js';
import type { Store } from '../src/store/store.js';
import { isPortableStore, isQueueStore, type PortableRecord } from '../src/store/extensions.js';
import { pgTestLocation, dropPgTestSchema } from './store-helpers.js';

// ── fixtures ─────────────────────────────────────────────────────────────────────────────────────

const PARIS = { country: 'France', countryCode: 'FR', admin1: 'Île-de-France', place: 'Paris', lat: 48.857, lon: 2.352, precision: 'city' as const };
const KABUL = { country: 'Afghanistan', countryCode: 'AF', admin1: 'Kabul', place: 'Kabul', lat: 34.53, lon: 69.17, precision: 'city' as const };

function incident(over: Partial<Incident> = {}): Incident {
  return {
    id: 'tmp', type: 'bombing', status: 'carried_out', date: '2015-11-13', location: PARIS,
    perpetrators: [{ name: 'Islamic State', kind: 'organization', attribution: 'claimed' }],
    targets: [{ text: 'Bataclan concert hall', category: 'business' }],
    victims: [{ text: 'concert-goers' }],
    weapons: [{ text: 'suicide vests', type: 'explosives' }],
    killed: { value: 120, qualifier: 'at least' }, injured: { value: 200 }, suicide: true,
    summary: 'Suicide bombing at the Bataclan concert hall in Paris',
    evidence: [], sources: [], ...over,
  };
}

function document(text: string, over: Partial<Document> = {}): Document {
  return {
    id: documentId(text), title: text.split('.')[0] ?? null, source: 'Test Wire', url: null, author: null,
    published: '2015-11-14', language: 'en', text, origin: 'test', format: 'txt', ...over,
  };
}

/** An extraction whose incidents carry evidence spans into the document's text. */
function extraction(doc: Document, incidents: Incident[], quotes: Quote[] = []): Extraction {
  const withEvidence = incidents.map((inc) => {
    const at = doc.text.indexOf('killed');
    const evidence = at < 0 ? inc.evidence : [...inc.evidence, { doc: doc.id, field: 'killed', start: at, end: at + 6, text: doc.text.slice(at, at + 6) }];
    return { ...inc, evidence };
  });
  return { docId: doc.id, incidents: withEvidence, quotes };
}

const bataclan1 = document('Gunmen and suicide bombers attacked the Bataclan concert hall in Paris on Friday, and at least 120 people were killed.');
const bataclan2 = document('The death toll of the Bataclan attack in Paris rose to 130 killed, prosecutors said on Sunday.', { published: '2015-11-16' });
const bataclan3 = document('Investigators in Paris named a third attacker of the Bataclan concert hall; 130 people were killed.', { published: '2015-11-18' });
const kabul = document('A car bomb exploded near the ministry in Kabul, and 14 people were killed, officials said.', { published: '2016-03-02' });

const bataclanInc = incident();
const bataclanLater = incident({ killed: { value: 130 }, summary: 'The Bataclan concert hall attack in Paris' });
const kabulInc = incident({
  type: 'bombing', date: '2016-03-01', location: KABUL, perpetrators: [{ name: 'Taliban', kind: 'organization', attribution: 'suspected' }],
  targets: [{ text: 'ministry', category: 'government' }], victims: [], weapons: [{ text: 'car bomb', type: 'explosives' }],
  killed: { value: 14 }, injured: null, suicide: false, summary: 'Car bomb near a ministry in Kabul',
});

// ── backends ─────────────────────────────────────────────────────────────────────────────────────

interface Backend {
  name: string;
  open(): Promise<{ store: Store; cleanup(): Promise<void> }>;
  /** Another connection to the same database, as a second worker process would have. */
  reopen?(store: Store): Promise<Store>;
}

const backends: Backend[] = [{
  name: 'sqlite',
  async open() {
    const dir = mkdtempSync(join(tmpdir(), 'vigil-store-'));
    const store = await openStore(join(dir, 'sub', 'vigil.db'));
    return { store, cleanup: async () => { await store.close(); rmSync(dir, { recursive: true, force: true }); } };
  },
  reopen: (store) => openStore((store as unknown as { path: string }).path),
}];
const pg = process.env.VIGIL_TEST_PG;
const locations = new Map<Store, string>();
if (pg) {
  backends.push({
    name: 'postgres',
    async open() {
      const { url, schema } = pgTestLocation(pg);
      const store = await openStore(url);
      locations.set(store, url);
      return { store, cleanup: async () => { await store.close(); await dropPgTestSchema(pg, schema); } };
    },
    reopen: (store) => openStore(locations.get(store)!),
  });
} else {
  test('postgres store', (t) => { t.skip('PostgreSQL tests SKIPPED: set VIGIL_TEST_PG'); });
}

// ── tests ────────────────────────────────────────────────────────────────────────────────────────

for (const backend of backends) {
  describe(`store: ${backend.name}`, () => {
    const withStore = (name: string, fn: (s: Store) => Promise<void>) =>
      test(name, async () => {
        const { store, cleanup } = await backend.open();
        try { await fn(store); } finally { await cleanup(); }
      });

    withStore('migrations are recorded and not applied twice', async (s) => {
      assert.equal(s.kind, backend.name);
      assert.equal(await s.migrate(), 0);
    });

    withStore('ingest stores a document, its quotes and mentions; a duplicate changes nothing', async (s) => {
      const quote: Quote = { speaker: 'François Hollande', role: 'President', affiliation: 'France', text: 'This is an act of war', start: 0, end: 21 };
      const first = await s.ingest(bataclan1, extraction(bataclan1, [bataclanInc], [quote]));
      assert.equal(first.status, 'new');
      assert.equal(first.mentions, 1);
      assert.equal(first.incidentIds.length, 1);
      assert.ok(await s.hasDocument(bataclan1.id));

      const again = await s.ingest(bataclan1, extraction(bataclan1, [bataclanInc, kabulInc]));
      assert.deepEqual(again, { status: 'duplicate', docId: bataclan1.id, mentions: 0, incidentIds: [] });
      assert.equal((await s.listIncidents()).total, 1);
      assert.equal((await s.listDocuments()).total, 1);

      const doc = await s.getDocument(bataclan1.id);
      assert.ok(doc);
      assert.equal(doc.text, bataclan1.text);
      assert.equal(doc.incidents, 1);
      assert.deepEqual(doc.quotes, [quote]);
      assert.deepEqual(doc.incidentIds, first.incidentIds);
      const men = doc.mentions[0]!;
      assert.equal(men.id, `men_${bataclan1.id.slice(4)}_0`);
      assert.equal(men.incident.id, men.id);
      assert.deepEqual(men.incident.sources, [bataclan1.id]);
      assert.equal(await s.getDocument('doc_missing'), null);
    });

    withStore('reports of one incident from several documents become one incident with every source', async (s) => {
      const a = await s.ingest(bataclan1, extraction(bataclan1, [bataclanInc]));
      const b = await s.ingest(bataclan2, extraction(bataclan2, [bataclanLater]));
      await s.ingest(kabul, extraction(kabul, [kabulInc]));
      assert.equal((await s.listIncidents()).total, 2);
      const id = b.incidentIds[0]!;
      const detail = await s.getIncident(id);
      assert.ok(detail);
      assert.equal(detail.mentions.length, 2);
      assert.deepEqual([...detail.incident.sources].sort(), [bataclan1.id, bataclan2.id].sort());
      assert.equal(detail.incident.killed?.value, 130, 'latest report wins by default');
      assert.ok(detail.alternatives.some((alt) => alt.field === 'killed'));
      assert.deepEqual(detail.documents.map((d) => d.id).sort(), [bataclan1.id, bataclan2.id].sort());
      assert.ok(detail.incident.evidence.some((e) => e.field === 'killed'));
      if (a.incidentIds[0] !== id) assert.equal(await s.getIncident(a.incidentIds[0]!), null, 'the absorbed incident is gone');
    });

    withStore('listIncidents filters, sorts, pages and counts', async (s) => {
      await s.ingest(bataclan1, extraction(bataclan1, [bataclanInc]));
      await s.ingest(kabul, extraction(kabul, [kabulInc]));
      const ids = async (f: Parameters<Store['listIncidents']>[0]) => (await s.listIncidents(f)).items.map((i) => i.location?.countryCode);
      assert.deepEqual(await ids({}), ['AF', 'FR'], 'newest first by default');
      assert.deepEqual(await ids({ sort: 'date', order: 'asc' }), ['FR', 'AF']);
      assert.deepEqual(await ids({ sort: 'killed', order: 'desc' }), ['FR', 'AF']);
      assert.deepEqual(await ids({ country: 'fr' }), ['FR']);
      assert.deepEqual(await ids({ country: 'Afghanistan' }), ['AF']);
      assert.deepEqual(await ids({ from: '2016-01-01' }), ['AF']);
      assert.deepEqual(await ids({ to: '2015-12-31' }), ['FR']);
      assert.deepEqual(await ids({ from: '2015-11-13', to: '2015-11-13' }), ['FR']);
      assert.deepEqual(await ids({ group: 'taliban' }), ['AF']);
      assert.deepEqual(await ids({ group: 'Islamic State' }), ['FR']);
      assert.deepEqual(await ids({ minKilled: 100 }), ['FR']);
      assert.deepEqual(await ids({ type: 'armed_assault' }), []);
      assert.deepEqual(await ids({ status: 'carried_out', type: 'bombing' }), ['AF', 'FR']);
      assert.deepEqual(await ids({ q: 'ministry' }), ['AF'], 'incident fields');
      assert.deepEqual(await ids({ q: 'officials' }), ['AF'], 'source text via full-text search');
      assert.deepEqual(await ids({ q: 'concert (AND' }), ['FR'], 'odd syntax does not throw');
      assert.deepEqual(await ids({ reviewed: 'pending' }), ['AF', 'FR']);
      const page = await s.listIncidents({ limit: 1, offset: 1 });
      assert.equal(page.total, 2);
      assert.equal(page.items.length, 1);
      assert.equal(page.items[0]!.location?.countryCode, 'FR');
      assert.equal(page.items[0]!.review, 'pending');
      assert.ok(page.items[0]!.updatedAt);
    });

    withStore('full-text search returns snippets and tolerates malformed queries', async (s) => {
      await s.ingest(bataclan1, extraction(bataclan1, [bataclanInc]));
      await s.ingest(kabul, extraction(kabul, [kabulInc]));
      const hits = await s.search('concert hall');
      assert.equal(hits.length, 1);
      assert.equal(hits[0]!.docId, bataclan1.id);
      assert.match(hits[0]!.snippet, /«concert»/i);
      assert.ok(hits[0]!.rank > 0);
      assert.equal((await s.search('hostages')).length, 0);
      assert.equal((await s.search('bombs')).length, 1, 'stemmed: bomb');
      assert.equal((await s.search('exploded')).length, 1, 'stemmed or exact');
      for (const bad of ['"unbalanced', 'AND OR (', 'NEAR(', '*', ':', '', '   ', "o'brien -x"]) {
        assert.ok(Array.isArray(await s.search(bad)), bad);
      }
    });

    withStore('review decisions survive a later ingest about the same incident', async (s) => {
      const [id] = (await s.ingest(bataclan1, extraction(bataclan1, [bataclanInc]))).incidentIds;
      assert.ok(id);
      await s.accept(id, 'ana');
      const edited = await s.editField(id, 'killed', { value: 137, qualifier: 'official' }, 'ana');
      assert.equal(edited.killed?.value, 137);
      assert.equal(edited.review, 'accepted');

      const later = await s.ingest(bataclan2, extraction(bataclan2, [bataclanLater]));
      assert.deepEqual(later.incidentIds, [id], 'the new report joins the reviewed incident');
      const d = await s.getIncident(id);
      assert.ok(d);
      assert.equal(d.incident.review, 'accepted');
      assert.equal(d.incident.killed?.value, 137, 'the correction is re-applied');
      assert.equal(d.mentions.length, 2);
      const audit = await s.audit(id);
      assert.deepEqual(audit.map((a) => a.action), ['accept', 'edit']);
      assert.deepEqual(audit[1]!.detail, { field: 'killed', old: { value: 120, qualifier: 'at least' }, new: { value: 137, qualifier: 'official' } });
      assert.equal(audit[1]!.who, 'ana');
      await assert.rejects(s.editField(id, 'sources', [], 'ana'));
      await assert.rejects(s.accept('inc_missing', 'ana'));
    });

    withStore('a rejected incident stays rejected and hidden', async (s) => {
      const [id] = (await s.ingest(bataclan1, extraction(bataclan1, [bataclanInc]))).incidentIds;
      await s.ingest(kabul, extraction(kabul, [kabulInc]));
      await s.reject(id!, 'ben');
      await s.ingest(bataclan2, extraction(bataclan2, [bataclanLater]));
      assert.deepEqual((await s.listIncidents()).items.map((i) => i.location?.countryCode), ['AF']);
      assert.equal((await s.listIncidents({ includeRejected: true })).total, 2);
      const rejected = await s.listIncidents({ reviewed: 'rejected' });
      assert.deepEqual(rejected.items.map((i) => i.id), [id]);
      assert.equal(rejected.items[0]!.sources.length, 2);
    });

    withStore('merge and split are kept by later ingestion', async (s) => {
      const [a] = (await s.ingest(bataclan1, extraction(bataclan1, [bataclanInc]))).incidentIds;
      const [b] = (await s.ingest(kabul, extraction(kabul, [kabulInc]))).incidentIds;
      const merged = await s.merge(a!, b!, 'cy');
      assert.equal(merged.id, a);
      assert.equal(merged.sources.length, 2);
      assert.equal(await s.getIncident(b!), null);
      assert.equal((await s.listIncidents()).total, 1);

      const kabulMention = `men_${kabul.id.slice(4)}_0`;
      const split = await s.split(a!, [kabulMention], 'cy');
      assert.notEqual(split.id, a);
      assert.match(split.id, /^inc_[0-9a-f]{16}$/);
      assert.deepEqual(split.sources, [kabul.id]);
      assert.equal((await s.listIncidents()).total, 2);

      await s.merge(a!, split.id, 'cy');
      await s.ingest(bataclan2, extraction(bataclan2, [bataclanLater]));
      const d = await s.getIncident(a!);
      assert.ok(d);
      const bataclanMention = `men_${bataclan1.id.slice(4)}_0`;
      assert.deepEqual(d.mentions.map((m) => m.id).filter((m) => m !== `men_${bataclan2.id.slice(4)}_0`).sort(),
        [bataclanMention, kabulMention].sort(), 'merged mentions stay together after a new report');
      assert.deepEqual(d.audit.map((x) => x.action), ['merge', 'split', 'merge']);
      assert.equal((await s.audit()).length, 6);
      await assert.rejects(s.split(a!, ['men_unknown_0'], 'cy'));
      await assert.rejects(s.merge(a!, a!, 'cy'));
    });

    withStore('a background reference alone makes no incident; a later report picks it up', async (s) => {
      const ref = document('A year after the Bataclan attack in Paris, the hall reopened.', { published: '2016-11-12' });
      const bg = incident({ background: true, killed: null, injured: null });
      const out = await s.ingest(ref, extraction(ref, [bg]));
      assert.equal(out.mentions, 1);
      assert.deepEqual(out.incidentIds, []);
      assert.equal((await s.listIncidents()).total, 0);
      const real = await s.ingest(bataclan1, extraction(bataclan1, [bataclanInc]));
      const d = await s.getIncident(real.incidentIds[0]!);
      assert.equal(d?.mentions.length, 2);
    });

    withStore('a failed ingest leaves nothing half-written', async (s) => {
      const bad = document('A broken record about an attack in Paris where 3 were killed.');
      const badQuote = { speaker: null, role: null, affiliation: null, text: null, start: 0, end: 1 } as unknown as Quote;
      await assert.rejects(s.ingest(bad, extraction(bad, [bataclanInc], [badQuote])));
      const badIncident = { ...bataclanInc, type: undefined } as unknown as Incident;
      await assert.rejects(s.ingest(bad, extraction(bad, [bataclanInc, badIncident])));
      assert.equal(await s.hasDocument(bad.id), false);
      assert.equal((await s.listDocuments()).total, 0);
      assert.equal((await s.listIncidents()).total, 0);
      assert.deepEqual(await s.search('broken'), []);
      const ok = await s.ingest(bad, extraction(bad, [bataclanInc]));
      assert.equal(ok.status, 'new');
    });

    withStore('stats and timeline count incidents and killed', async (s) => {
      await s.ingest(bataclan1, extraction(bataclan1, [bataclanInc]));
      await s.ingest(kabul, extraction(kabul, [kabulInc]));
      const st = await s.stats();
      assert.equal(st.incidents, 2);
      assert.equal(st.killed, 134);
      assert.equal(st.injured, 200);
      assert.deepEqual(st.byType, [{ key: 'bombing', incidents: 2, killed: 134 }]);
      assert.deepEqual(st.byCountry.map((c) => c.key).sort(), ['Afghanistan', 'France']);
      assert.deepEqual(st.byGroup.find((g) => g.key === 'Taliban'), { key: 'Taliban', incidents: 1, killed: 14 });
      assert.deepEqual(st.byMonth, [{ key: '2015-11', incidents: 1, killed: 120 }, { key: '2016-03', incidents: 1, killed: 14 }]);
      assert.deepEqual(st.byStatus, [{ key: 'carried_out', incidents: 2, killed: 134 }]);
      assert.equal((await s.stats({ country: 'AF' })).incidents, 1);
      assert.deepEqual(await s.timeline({}, 'month'), [{ period: '2015-11', incidents: 1, killed: 120 }, { period: '2016-03', incidents: 1, killed: 14 }]);
      assert.deepEqual(await s.timeline({ country: 'FR' }, 'week'), [{ period: '2015-11-09', incidents: 1, killed: 120 }]);
      assert.deepEqual(await s.timeline({ country: 'AF' }, 'week'), [{ period: '2016-02-29', incidents: 1, killed: 14 }]);
    });

    withStore('listDocuments pages with a total and incident counts', async (s) => {
      for (const d of [bataclan1, bataclan2, kabul]) await s.ingest(d, extraction(d, d === kabul ? [kabulInc] : [bataclanInc]));
      const page = await s.listDocuments({ limit: 2 });
      assert.equal(page.total, 3);
      assert.equal(page.items.length, 2);
      assert.ok(page.items.every((d) => d.incidents === 1 && d.ingestedAt && d.format === 'txt'));
    });

    withStore('concurrent ingestion from several connections resolves as one would in turn', async (s) => {
      const others = await Promise.all([backend.reopen!(s), backend.reopen!(s)]);
      try {
        const stores = [s, ...others];
        const reports = Array.from({ length: 12 }, (_, n) => {
          const paris = n % 2 === 0;
          const d = document(`${paris ? 'Paris' : 'Kabul'} report number ${n}: people were killed in the attack.`, { published: paris ? '2015-11-14' : '2016-03-02' });
          return { d, e: extraction(d, [paris ? bataclanInc : kabulInc]) };
        });
        const outcomes = await Promise.all([
          ...reports.map((r, n) => stores[n % stores.length]!.ingest(r.d, r.e)),
          ...stores.map((st) => st.ingest(reports[0]!.d, reports[0]!.e)),
        ]);
        assert.equal(outcomes.filter((o) => o.status === 'new').length, 12);
        assert.equal(outcomes.filter((o) => o.status === 'duplicate').length, 3);
        const list = await s.listIncidents();
        assert.equal(list.total, 2);
        assert.deepEqual(list.items.map((i) => i.sources.length), [6, 6]);
        assert.equal((await s.listDocuments()).total, 12);
      } finally {
        for (const o of others) await o.close();
      }
    });

    withStore('the job queue hands each document to one worker, retries, and gives up after its attempts', async (s) => {
      assert.ok(isQueueStore(s));
      const a = document('Queued report one about an attack.');
      const b = document('Queued report two about an attack.');
      const first = await s.enqueue(a, { maxAttempts: 2 });
      assert.equal(first.queued, true);
      assert.deepEqual(await s.enqueue(a), { jobId: first.jobId, queued: false });
      await s.enqueue(b);
      await s.ingest(bataclan1, extraction(bataclan1, [bataclanInc]));
      assert.deepEqual(await s.enqueue(bataclan1), { jobId: null, queued: false }, 'stored already');

      const j1 = await s.claimJob('w1');
      assert.ok(j1);
      assert.equal(j1.docId, a.id);
      assert.deepEqual(j1.document, a);
      assert.equal(j1.attempts, 1);
      assert.equal(j1.worker, 'w1');
      const j2 = await s.claimJob('w2');
      assert.equal(j2?.docId, b.id);
      assert.equal(await s.claimJob('w3'), null);

      assert.equal(await s.failJob(j1.id, 'parser crashed'), 'queued');
      const again = await s.claimJob('w3');
      assert.equal(again?.id, j1.id);
      assert.equal(again?.attempts, 2);
      assert.equal(await s.failJob(j1.id, 'parser crashed again'), 'failed');
      const failed = await s.listJobs({ state: 'failed' });
      assert.equal(failed.total, 1);
      assert.equal(failed.items[0]!.error, 'parser crashed again');

      await s.ingest(b, extraction(b, []));
      await s.completeJob(j2!.id);
      assert.deepEqual(await s.jobCounts(), { queued: 0, running: 0, done: 1, failed: 1 });
      assert.equal(await s.retryJobs(), 1);
      const retried = await s.claimJob('w4');
      assert.equal(retried?.attempts, 1);
      await new Promise((r) => setTimeout(r, 5));
      const stolen = await s.claimJob('w5', { leaseMs: 1 });
      assert.equal(stolen?.id, retried?.id, 'a job whose lease ran out is claimed again');
      assert.equal(stolen?.worker, 'w5');
      assert.equal((await s.listJobs()).total, 2);
    });

    withStore('a worker that renews its lease keeps its job; another worker cannot renew it', async (s) => {
      assert.ok(isQueueStore(s));
      await s.enqueue(document('A long report a worker is still on.'));
      const job = await s.claimJob('w1');
      assert.ok(job);
      await new Promise((r) => setTimeout(r, 30));
      assert.equal(await s.renewJob(job.id, 'w2'), false, 'not w2\'s job');
      assert.equal(await s.renewJob(job.id, 'w1'), true);
      assert.equal(await s.claimJob('w2', { leaseMs: 20 }), null, 'renewed just now: not up for grabs');
      await new Promise((r) => setTimeout(r, 30));
      assert.equal((await s.claimJob('w2', { leaseMs: 20 }))?.id, job.id, 'not renewed: claimed again');
      assert.equal(await s.renewJob(job.id, 'w1'), false, 'w1 lost it');
    });

    withStore('concurrent workers never claim the same job', async (s) => {
      const others = await Promise.all([backend.reopen!(s), backend.reopen!(s)]);
      try {
        const stores = [s, ...others];
        for (let n = 0; n < 9; n++) assert.ok(isQueueStore(s) && (await s.enqueue(document(`Job document ${n}.`))).queued);
        const claimed: string[] = [];
        await Promise.all(stores.map(async (st, w) => {
          assert.ok(isQueueStore(st));
          for (let job = await st.claimJob(`w${w}`); job; job = await st.claimJob(`w${w}`)) {
            claimed.push(job.docId);
            await st.completeJob(job.id);
          }
        }));
        assert.equal(claimed.length, 9);
        assert.equal(new Set(claimed).size, 9);
      } finally {
        for (const o of others) await o.close();
      }
    });
  });
}

// ── export / import between stores ───────────────────────────────────────────────────────────────

async function collect(it: AsyncIterable<PortableRecord>): Promise<PortableRecord[]> {
  const out: PortableRecord[] = [];
  for await (const r of it) out.push(r);
  return out;
}

/** Rows per table in a collation-independent order; the audit keeps its own order. */
function canonical(records: PortableRecord[]): Record<string, unknown[]> {
  const by: Record<string, unknown[]> = {};
  for (const r of records) (by[r.table] ??= []).push(r.row);
  for (const [t, rows] of Object.entries(by)) if (t !== 'audit') rows.sort((a, b) => JSON.stringify(a) < JSON.stringify(b) ? -1 : 1);
  return by;
}

test(`export/import round trip: sqlite → ${pg ? 'postgres' : 'sqlite'} → sqlite`, async () => {
  const source = await backends[0]!.open();
  const middle = await (backends[1] ?? backends[0]!).open();
  const target = await backends[0]!.open();
  try {
    const s = source.store;
    await s.ingest(bataclan1, extraction(bataclan1, [bataclanInc], [{ speaker: 'A', role: null, affiliation: null, text: 'q', start: 1, end: 2 }]));
    const [paris] = (await s.ingest(bataclan2, extraction(bataclan2, [bataclanLater]))).incidentIds;
    const [kab] = (await s.ingest(kabul, extraction(kabul, [kabulInc]))).incidentIds;
    const ref = document('A year after the Bataclan attack in Paris, the hall reopened.', { published: '2016-11-12' });
    await s.ingest(ref, extraction(ref, [incident({ background: true })]));
    await s.accept(paris!, 'ana');
    await s.editField(paris!, 'summary', 'Edited summary', 'ana');
    await s.reject(kab!, 'ben');

    const exported = await collect((s as Store & { exportAll(): AsyncIterable<PortableRecord> }).exportAll());
    assert.ok(isPortableStore(middle.store) && isPortableStore(target.store) && isPortableStore(s));
    const counts = await middle.store.importAll(exported);
    assert.equal(counts.documents, 4);
    assert.equal(counts.audit, 3);
    await target.store.importAll(middle.store.exportAll());
    const back = await collect(target.store.exportAll());
    assert.deepEqual(canonical(back), canonical(exported));
    assert.deepEqual(canonical(await collect(middle.store.exportAll())), canonical(exported));
    // The same export again adds nothing: no second copy of quotes, evidence or audit entries.
    await middle.store.importAll(exported);
    assert.deepEqual(canonical(await collect(middle.store.exportAll())), canonical(exported));

    for (const st of [middle.store, target.store]) {
      assert.deepEqual(await st.getIncident(paris!), await s.getIncident(paris!));
      assert.deepEqual(await st.listIncidents({ includeRejected: true }), await s.listIncidents({ includeRejected: true }));
      assert.deepEqual((await st.search('concert')).map((h) => h.docId), (await s.search('concert')).map((h) => h.docId));
      assert.equal((await st.search('reopened')).length, 1, 'full-text index rebuilt');
    }
    // A later ingest into the imported store still honours the reviews.
    const t = target.store;
    const out = await t.ingest(bataclan3, extraction(bataclan3, [bataclanLater]));
    assert.deepEqual(out.incidentIds, [paris]);
    const d = await t.getIncident(paris!);
    assert.equal(d?.incident.summary, 'Edited summary');
    assert.equal(d?.incident.review, 'accepted');
  } finally {
    await source.cleanup(); await middle.cleanup(); await target.cleanup();
  }
});
