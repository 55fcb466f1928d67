import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { buildServer } from '../src/api/server.js';
import { SqliteTokenStore } from '../src/api/tokens-sqlite.js';
import { createToken } from '../src/api/tokens.js';
import { openStore } from '../src/store/open.js';
import type { IncidentDetail, IncidentRow, Store, StoredDocument } from '../src/store/store.js';
import { XSS_TEXT, seed, type Seeded } from './api-fixtures.js';

let dir: string;
let store: Store;
let app: FastifyInstance;
let fx: Seeded;

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'vigil-api-'));
  store = await openStore(join(dir, 'vigil.db'));
  fx = await seed(store);
  app = await buildServer(store, { localUser: 'tester' });
});

after(async () => {
  await app?.close();
  await store?.close();
  rmSync(dir, { recursive: true, force: true });
});

const get = async (url: string) => app.inject({ method: 'GET', url });
const json = async <T = any>(url: string): Promise<T> => {
  const res = await get(url);
  assert.equal(res.statusCode, 200, `${url}: ${res.body}`);
  return res.json() as T;
};
const ids = (page: { items: IncidentRow[] }) => page.items.map((i) => i.id).sort();

function assertJsonError(res: { statusCode: number; headers: Record<string, unknown>; json(): any }, status: number, pattern?: RegExp): void {
  assert.equal(res.statusCode, status);
  assert.match(String(res.headers['content-type']), /^application\/json/);
  const body = res.json();
  assert.equal(typeof body.error, 'string');
  assert.deepEqual(Object.keys(body), ['error']);
  if (pattern) assert.match(body.error, pattern);
}

describe('reading', () => {
  test('incident list: every filter field as a query parameter', async () => {
    assert.equal((await json('/api/incidents')).total, 4);
    assert.deepEqual(ids(await json('/api/incidents?country=AF')), [fx.incidentOf('kabulA')]);
    assert.deepEqual(ids(await json('/api/incidents?country=Nigeria')), [fx.incidentOf('maiduguri'), fx.incidentOf('xss')].sort());
    assert.deepEqual(ids(await json('/api/incidents?type=kidnapping')), [fx.incidentOf('maiduguri')]);
    assert.deepEqual(ids(await json('/api/incidents?from=2024-01-01')), [fx.incidentOf('kabulA')]);
    assert.deepEqual(ids(await json('/api/incidents?from=2023-06-01&to=2023-06-30')), [fx.incidentOf('paris')]);
    assert.deepEqual(ids(await json('/api/incidents?group=Boko%20Haram')), [fx.incidentOf('maiduguri')]);
    assert.deepEqual(ids(await json('/api/incidents?minKilled=10')), [fx.incidentOf('kabulA')]);
    assert.deepEqual(ids(await json('/api/incidents?q=checkpoint')), [fx.incidentOf('kabulA')]);
    assert.equal((await json('/api/incidents?status=foiled')).total, 0);
    assert.equal((await json('/api/incidents?reviewed=pending')).total, 4);
    assert.equal((await json('/api/incidents?country=&type=')).total, 4, 'empty parameters mean "any"');
  });

  test('incident list: sorting and paging', async () => {
    const byKilled = await json<{ items: IncidentRow[] }>('/api/incidents?sort=killed&order=desc');
    assert.deepEqual(byKilled.items.slice(0, 3).map((i) => (i.killed as { value: number }).value), [15, 4, 3]);
    const page1 = await json('/api/incidents?sort=date&order=asc&limit=2');
    const page2 = await json('/api/incidents?sort=date&order=asc&limit=2&offset=2');
    assert.equal(page1.total, 4);
    assert.equal(page1.items.length, 2);
    assert.equal(page2.offset, 2);
    assert.equal(page1.items[0].id, fx.incidentOf('maiduguri'));
    assert.equal(page2.items[1].id, fx.incidentOf('kabulA'));
    assert.equal(new Set([...ids(page1), ...ids(page2)]).size, 4);
  });

  test('bad input is a 400 JSON error naming the parameter', async () => {
    assertJsonError(await get('/api/incidents?type=picnic'), 400, /type/);
    assertJsonError(await get('/api/incidents?limit=0'), 400, /limit/);
    assertJsonError(await get('/api/incidents?limit=100000'), 400, /limit/);
    assertJsonError(await get('/api/incidents?from=yesterday'), 400, /from/);
    assertJsonError(await get('/api/incidents?colour=red'), 400, /colour/);
    assertJsonError(await get('/api/timeline?interval=day'), 400, /interval/);
    assertJsonError(await get('/api/search'), 400, /q/);
  });

  test('unknown things are 404 JSON errors', async () => {
    assertJsonError(await get('/api/incidents/inc_nope'), 404, /inc_nope/);
    assertJsonError(await get('/api/documents/doc_nope'), 404, /doc_nope/);
    assertJsonError(await get('/api/nothing-here'), 404);
    assertJsonError(await app.inject({ method: 'POST', url: '/api/incidents/inc_nope/accept' }), 404);
  });

  test('incident detail: evidence, alternatives of every source, documents, audit', async () => {
    const d = await json<IncidentDetail>(`/api/incidents/${fx.incidentOf('kabulA')}`);
    assert.deepEqual(d.incident.sources.sort(), [fx.docs.kabulA.id, fx.docs.kabulB.id].sort());
    const killed = d.alternatives.filter((a) => a.field === 'killed').map((a) => (a.value as { value: number }).value).sort();
    assert.deepEqual(killed, [12, 15]);
    const ev = d.incident.evidence.find((e) => e.field === 'killed' && e.doc === fx.docs.kabulA.id)!;
    assert.equal(fx.docs.kabulA.text.slice(ev.start, ev.end), 'killed 12 people');
    assert.equal(d.documents.length, 2);
    assert.equal(d.mentions.length, 2);
    assert.deepEqual(d.audit, []);
  });

  test('documents: list, detail with text, search', async () => {
    const list = await json('/api/documents?limit=2');
    assert.equal(list.total, 5);
    assert.equal(list.items.length, 2);
    const doc = await json<StoredDocument>(`/api/documents/${fx.docs.paris.id}`);
    assert.equal(doc.text, fx.docs.paris.text);
    assert.deepEqual(doc.incidentIds, [fx.incidentOf('paris')]);
    const hits = await json('/api/search?q=checkpoint');
    assert.deepEqual(hits.hits.map((h: { docId: string }) => h.docId).sort(), [fx.docs.kabulA.id, fx.docs.kabulB.id].sort());
  });

  test('a document holding <script> and <img onerror> is stored and returned as text, as JSON', async () => {
    const res = await get(`/api/documents/${fx.docs.xss.id}`);
    assert.match(String(res.headers['content-type']), /^application\/json/);
    const doc = res.json() as StoredDocument;
    assert.equal(doc.text, XSS_TEXT);
    assert.ok(doc.text.includes('<script>window.__xss=2;alert(1)</script>'));
    assert.equal(doc.title, 'Market attack <img src=x onerror="window.__xss=1">');
    const page = await get('/');
    assert.match(String(page.headers['content-security-policy']), /script-src 'self'/);
    assert.equal(page.headers['x-content-type-options'], 'nosniff');
  });

  test('stats and timeline over a filter', async () => {
    const stats = await json('/api/stats');
    assert.equal(stats.incidents, 4);
    assert.equal(stats.killed, 22);
    assert.deepEqual(stats.byCountry.map((c: { key: string }) => c.key).sort(), ['Afghanistan', 'France', 'Nigeria']);
    assert.equal((await json('/api/stats?country=NG')).incidents, 2);
    const months = await json('/api/timeline?interval=month');
    assert.equal(months.interval, 'month');
    assert.deepEqual(months.periods.map((p: { period: string }) => p.period), ['2023-01', '2023-06', '2023-09', '2024-03']);
    const weeks = await json('/api/timeline?interval=week&country=AF');
    assert.equal(weeks.periods.length, 1);
    assert.equal(weeks.periods[0].killed, 15);
  });

  test('exports of the current filter, with their content types', async () => {
    const csv = await get('/api/export.csv?country=NG');
    assert.equal(csv.statusCode, 200);
    assert.match(String(csv.headers['content-type']), /^text\/csv/);
    assert.match(String(csv.headers['content-disposition']), /attachment; filename="vigil-incidents-\d{4}-\d{2}-\d{2}\.csv"/);
    const lines = csv.body.trim().split('\r\n');
    assert.ok(lines[0]!.startsWith('id,date,type,status,country'));
    assert.equal(lines.length, 3);
    assert.ok(csv.body.includes(`"'<img src=x onerror=""window.__xss=6"">"`) || csv.body.includes('<img src=x onerror=""window.__xss=6"">'));

    const geo = await get('/api/export.geojson');
    assert.match(String(geo.headers['content-type']), /^application\/geo\+json/);
    assert.equal(geo.json().features.length, 4);

    const all = await get('/api/export.json?sort=date&order=asc');
    assert.match(String(all.headers['content-type']), /^application\/json/);
    assert.equal(all.json()[0].id, fx.incidentOf('maiduguri'));

    const gtd = await get('/api/export.gtd.csv?country=AF');
    assert.match(String(gtd.headers['content-type']), /^text\/csv/);
    assert.match(String(gtd.headers['content-disposition']), /\.gtd\.csv"/);
    const [head, row] = gtd.body.trim().split('\r\n');
    const rec = Object.fromEntries(head!.split(',').map((h, i) => [h, row!.split(',')[i]]));
    assert.equal(rec.country, '4');
    assert.equal(rec.attacktype1, '3');
    assert.equal(rec.targtype1, '3');
    assert.equal(rec.gname, 'Taliban');
    assert.equal(rec.nkill, '15');

    assertJsonError(await get('/api/export.csv?type=nope'), 400);
  });

  test('the OpenAPI document lists every route', async () => {
    const doc = await json('/api/openapi.json');
    assert.equal(doc.openapi, '3.1.0');
    const expected: [string, string][] = [
      ['/api/documents', 'get'], ['/api/documents', 'post'], ['/api/documents/{id}', 'get'], ['/api/incidents', 'get'],
      ['/api/incidents/{id}', 'get'], ['/api/incidents/{id}', 'patch'], ['/api/incidents/{id}/accept', 'post'],
      ['/api/incidents/{id}/reject', 'post'], ['/api/incidents/{id}/merge', 'post'], ['/api/incidents/{id}/split', 'post'],
      ['/api/stats', 'get'], ['/api/timeline', 'get'], ['/api/search', 'get'], ['/api/export.csv', 'get'],
      ['/api/export.geojson', 'get'], ['/api/export.gtd.csv', 'get'], ['/api/export.json', 'get'], ['/api/openapi.json', 'get'],
    ];
    for (const [path, method] of expected) assert.ok(doc.paths[path]?.[method], `${method} ${path}`);
    const params = doc.paths['/api/incidents'].get.parameters.map((p: { name: string }) => p.name);
    for (const p of ['from', 'to', 'country', 'type', 'status', 'group', 'minKilled', 'q', 'reviewed', 'includeRejected', 'sort', 'order', 'limit', 'offset']) {
      assert.ok(params.includes(p), p);
    }
    assert.ok(doc.paths['/api/incidents/{id}'].patch.requestBody);
  });
});

describe('review', () => {
  test('accept, edit, reject are persisted and audited', async () => {
    const id = fx.incidentOf('paris');
    const accepted = await app.inject({ method: 'POST', url: `/api/incidents/${id}/accept` });
    assert.equal(accepted.statusCode, 200, accepted.body);
    assert.equal(accepted.json().review, 'accepted');
    assert.deepEqual(ids(await json('/api/incidents?reviewed=accepted')), [id]);

    const edited = await app.inject({ method: 'PATCH', url: `/api/incidents/${id}`, payload: { field: 'killed', value: 5 } });
    assert.equal(edited.statusCode, 200, edited.body);
    assert.deepEqual(edited.json().killed, { value: 5 });
    const detail = await json<IncidentDetail>(`/api/incidents/${id}`);
    assert.deepEqual(detail.incident.killed, { value: 5 });
    assert.deepEqual(detail.audit.map((a) => [a.action, a.who]), [['accept', 'tester'], ['edit', 'tester']]);

    assertJsonError(await app.inject({ method: 'PATCH', url: `/api/incidents/${id}`, payload: { field: 'killed', value: 'many' } }), 400, /value/);
    assertJsonError(await app.inject({ method: 'PATCH', url: `/api/incidents/${id}`, payload: { field: 'sources', value: [] } }), 400, /field/);
    assertJsonError(await app.inject({ method: 'PATCH', url: `/api/incidents/${id}`, payload: { field: 'type', value: 'picnic' } }), 400);
    assertJsonError(await app.inject({ method: 'PATCH', url: `/api/incidents/${id}`, payload: 'field=killed', headers: { 'content-type': 'application/x-www-form-urlencoded' } }), 415);
    assertJsonError(await app.inject({ method: 'PATCH', url: `/api/incidents/${id}`, payload: '{"field":', headers: { 'content-type': 'application/json' } }), 400);

    const before = await get('/api/stats');
    assert.equal((await get('/api/stats')).headers['x-vigil-cache'], 'hit', 'aggregates are reused');
    assert.equal(before.json().incidents, 4);
    const rejected = await app.inject({ method: 'POST', url: `/api/incidents/${fx.incidentOf('maiduguri')}/reject` });
    assert.equal(rejected.json().review, 'rejected');
    assert.equal((await json('/api/incidents')).total, 3, 'rejected incidents leave the default list');
    assert.equal((await json('/api/stats')).incidents, 3, 'a write clears the cached aggregates');
    assert.equal((await json('/api/incidents?includeRejected=true')).total, 4);
  });

  test('merge two incidents, then split them apart again', async () => {
    const a = fx.incidentOf('paris');
    const b = fx.incidentOf('xss');
    const merged = await app.inject({ method: 'POST', url: `/api/incidents/${a}/merge`, payload: { other: b } });
    assert.equal(merged.statusCode, 200, merged.body);
    assert.equal(merged.json().sources.length, 2);
    assertJsonError(await get(`/api/incidents/${b}`), 404);
    assertJsonError(await app.inject({ method: 'POST', url: `/api/incidents/${a}/merge`, payload: { other: a } }), 400);
    assertJsonError(await app.inject({ method: 'POST', url: `/api/incidents/${a}/merge`, payload: {} }), 400, /other/);

    const detail = await json<IncidentDetail>(`/api/incidents/${merged.json().id}`);
    const xssMention = detail.mentions.find((m) => m.docId === fx.docs.xss.id)!;
    const split = await app.inject({ method: 'POST', url: `/api/incidents/${a}/split`, payload: { mentionIds: [xssMention.id] } });
    assert.equal(split.statusCode, 200, split.body);
    assert.deepEqual(split.json().sources, [fx.docs.xss.id]);
    assert.deepEqual((await json<IncidentDetail>(`/api/incidents/${a}`)).incident.sources, [fx.docs.paris.id]);
    assertJsonError(await app.inject({ method: 'POST', url: `/api/incidents/${a}/split`, payload: { mentionIds: ['men_nope'] } }), 400, /men_nope/);
    assertJsonError(await app.inject({ method: 'POST', url: `/api/incidents/${a}/split`, payload: { mentionIds: [] } }), 400);
  });

  test('writes from another origin or host are refused', async () => {
    const id = fx.incidentOf('kabulA');
    assertJsonError(await app.inject({ method: 'POST', url: `/api/incidents/${id}/accept`, headers: { origin: 'https://evil.example' } }), 403, /cross-origin/);
    assertJsonError(await app.inject({ method: 'POST', url: `/api/incidents/${id}/accept`, headers: { host: 'evil.example' } }), 403, /host/);
    const same = await app.inject({ method: 'POST', url: `/api/incidents/${id}/accept`, headers: { origin: 'http://localhost:80', host: 'localhost:80' } });
    assert.equal(same.statusCode, 200, same.body);
  });
});

describe('uploads', () => {
  const upload = (name: string, body: string | Buffer, headers: Record<string, string> = {}) =>
    app.inject({ method: 'POST', url: `/api/documents?filename=${encodeURIComponent(name)}`, payload: body, headers: { 'content-type': 'application/octet-stream', ...headers } });

  test('too large, wrong type, unnamed: clear JSON errors', async () => {
    assertJsonError(await upload('big.txt', Buffer.alloc(20 * 1024 * 1024 + 1, 'a')), 413, /20 MB/);
    assertJsonError(await upload('huge.txt', Buffer.alloc(21 * 1024 * 1024, 'a')), 413);
    assertJsonError(await upload('tool.exe', 'MZ...'), 415, /\.exe/);
    assertJsonError(await upload('noext', 'text'), 415);
    assertJsonError(await upload('empty.txt', ''), 400, /empty/);
    assertJsonError(await app.inject({ method: 'POST', url: '/api/documents', payload: 'x', headers: { 'content-type': 'text/plain' } }), 400, /filename/);
  });

  test('a raw text upload goes through the readers, the extractor and the store', async () => {
    const text = 'MOGADISHU, Somalia, Feb. 2, 2024 (Reuters) - A car bomb exploded outside a hotel in Mogadishu on Friday, killing 9 people and wounding 14, police said. Al Shabaab claimed responsibility for the bombing.\n';
    const res = await upload('mogadishu.txt', text);
    assert.equal(res.statusCode, 201, res.body);
    const body = res.json();
    assert.equal(body.files[0].file, 'mogadishu.txt');
    assert.equal(body.files[0].documents[0].status, 'new');
    assert.ok(body.incidents.length >= 1, 'the upload produced an incident');
    const doc = await json<StoredDocument>(`/api/documents/${body.files[0].documents[0].docId}`);
    assert.equal(doc.origin, 'upload:mogadishu.txt');
    const again = await upload('copy.txt', text);
    assert.equal(again.statusCode, 200);
    assert.equal(again.json().files[0].documents[0].status, 'duplicate');
  });

  test('a multipart upload with a .md and an unreadable .pdf', async () => {
    const boundary = '----vigil' + Date.now();
    const part = (name: string, content: string) => `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/octet-stream\r\n\r\n${content}\r\n`;
    const payload = part('../../notes.md', '# Attack in Quetta\n\nA bomb exploded at a market in Quetta, Pakistan on 3 May 2024, killing 5 people.\n') + `--${boundary}--\r\n`;
    const res = await app.inject({ method: 'POST', url: '/api/documents', payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } });
    assert.ok(res.statusCode === 201 || res.statusCode === 200, res.body);
    assert.equal(res.json().files[0].file, 'notes.md', 'a path in the file name is dropped');

    const bad = part('broken.pdf', 'this is not a pdf') + `--${boundary}--\r\n`;
    const res2 = await app.inject({ method: 'POST', url: '/api/documents', payload: bad, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } });
    assertJsonError(res2, 422, /broken\.pdf/);
    assert.ok(!res2.body.includes(tmpdir()), 'the temporary path does not leak');
  });
});

describe('auth on a non-loopback address', () => {
  let remote: FastifyInstance;
  let tokens: SqliteTokenStore;
  let reviewer: string;
  let admin: string;
  let revokedToken: string;

  before(async () => {
    tokens = SqliteTokenStore.open(join(dir, 'vigil.db'));
    reviewer = (await createToken(tokens, { role: 'reviewer', name: 'rita' })).token;
    admin = (await createToken(tokens, { role: 'admin', name: 'ada' })).token;
    const r = await createToken(tokens, { role: 'reviewer' });
    revokedToken = r.token;
    await tokens.revoke(r.record.id, new Date().toISOString());
    remote = await buildServer(store, { host: '0.0.0.0', tokens });
  });
  after(async () => {
    await remote?.close();
    await tokens?.close();
  });

  const post = (url: string, token?: string, extra: Record<string, string> = {}) =>
    remote.inject({ method: 'POST', url, headers: { host: 'vigil.example.org', ...(token ? { authorization: `Bearer ${token}` } : {}), ...extra } });

  test('reads are open, writes need a valid token with the right role', async () => {
    const id = fx.incidentOf('kabulA');
    const read = await remote.inject({ method: 'GET', url: '/api/incidents', headers: { host: 'vigil.example.org' } });
    assert.equal(read.statusCode, 200);
    assertJsonError(await post(`/api/incidents/${id}/reject`), 401, /Bearer/);
    assertJsonError(await post(`/api/incidents/${id}/reject`, 'vgl_not-a-real-token'), 401);
    assertJsonError(await post(`/api/incidents/${id}/reject`, revokedToken), 401, /revoked/);
    assertJsonError(await remote.inject({ method: 'PATCH', url: `/api/incidents/${id}`, payload: { field: 'killed', value: 1 } }), 401);
    assert.equal((await json(`/api/incidents/${id}`)).incident.review, 'accepted', 'nothing changed');

    const ok = await post(`/api/incidents/${id}/reject`, reviewer);
    assert.equal(ok.statusCode, 200, ok.body);
    const detail = await json<IncidentDetail>(`/api/incidents/${id}`);
    assert.equal(detail.incident.review, 'rejected');
    assert.equal(detail.audit.at(-1)!.who, 'rita');

    assertJsonError(await post('/api/documents?filename=a.txt', reviewer, { 'content-type': 'text/plain' }), 403, /admin/);
    const asAdmin = await remote.inject({ method: 'POST', url: `/api/incidents/${id}/accept`, headers: { host: 'vigil.example.org', authorization: `Bearer ${admin}` } });
    assert.equal(asAdmin.statusCode, 200);
  });

  test('tokens are stored as SHA-256 hashes only', async () => {
    const list = await tokens.list();
    assert.equal(list.length, 3);
    for (const t of list) {
      assert.match(t.hash, /^[0-9a-f]{64}$/);
      assert.notEqual(t.hash, reviewer);
    }
  });
});
