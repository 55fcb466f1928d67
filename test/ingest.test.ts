import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { Readable } from 'node:stream';
import { after, before, describe, it } from 'node:test';
import { normaliseDate } from '../src/ingest/dates.js';
import { findDateline } from '../src/ingest/dateline.js';
import { documentId, type Document } from '../src/ingest/document.js';
import { readInputs, type ReadResult } from '../src/ingest/read.js';
import { stripMarkdown } from '../src/ingest/readers/markdown.js';
import { ROOT } from '../src/paths.js';

const FIXTURES = join(ROOT, 'test', 'fixtures', 'ingest');
const fixture = (name: string): string => join(FIXTURES, name);

async function read(paths: string[], opts?: Parameters<typeof readInputs>[1]): Promise<ReadResult[]> {
  const out: ReadResult[] = [];
  for await (const r of readInputs(paths, opts)) out.push(r);
  return out;
}

async function one(name: string): Promise<Document> {
  const results = await read([fixture(name)]);
  assert.equal(results.length, 1, `one result for ${name}`);
  const [r] = results;
  assert.ok(r!.ok, `${name} should read: ${JSON.stringify(r)}`);
  return r.doc;
}

async function failureOf(path: string, opts?: Parameters<typeof readInputs>[1]): Promise<{ input: string; reason: string }> {
  const results = await read([path], opts);
  assert.equal(results.length, 1);
  const [r] = results;
  assert.ok(r && !r.ok, `${path} should fail`);
  return r;
}

const docs = (results: ReadResult[]): Document[] => results.flatMap((r) => (r.ok ? [r.doc] : []));
const failures = (results: ReadResult[]) => results.flatMap((r) => (r.ok ? [] : [r]));

describe('text and Markdown', () => {
  it('reads YAML front matter and strips Markdown to plain text', async () => {
    const doc = await one('article.md');
    assert.equal(doc.format, 'md');
    assert.equal(doc.title, 'Attack on Westminster Bridge');
    assert.equal(doc.published, '2017-03-22');
    assert.equal(doc.source, 'The Evening Courier');
    assert.equal(doc.url, 'https://courier.example/westminster');
    assert.equal(doc.author, 'Jane Smith, Tom Jones');
    assert.equal(doc.dateline, 'LONDON');
    assert.equal(doc.language, 'en');
    assert.equal(doc.origin, fixture('article.md'));
    assert.equal(doc.id, documentId(doc.text));
    assert.ok(doc.text.startsWith('Westminster attack: what we know\n\nLONDON, March 22 — A man drove'));
    assert.match(doc.text, /on Westminster Bridge on Wednesday/);
    assert.match(doc.text, /outside Parliament, police said\./);
    assert.match(doc.text, /\n"This was a sick/);
    assert.match(doc.text, /\nAt least four people were killed\.\nAbout 50/);
    assert.doesNotMatch(doc.text, /[*#`>[\]]|---|https:/);
  });

  it('keeps a date from the front matter over the dateline, and takes the place from the dateline', async () => {
    const doc = await one('reuters.txt');
    assert.equal(doc.format, 'txt');
    assert.equal(doc.published, '2016-07-15');
    assert.equal(doc.dateline, 'NICE, France');
    assert.ok(doc.text.startsWith('NICE, France (Reuters) - A truck'), 'front matter removed from the text');
  });

  it('takes the publication date from a wire dateline when none is given', async () => {
    const doc = await one('wire.txt');
    assert.equal(doc.dateline, 'SAN SALVADOR');
    assert.equal(doc.published, '1989-11-12');
    assert.equal(doc.title, null);
  });

  it('reads metadata from a NAME.meta.json sidecar', async () => {
    const doc = await one('sidecar.txt');
    assert.equal(doc.title, 'Blast outside Kabul airport');
    assert.equal(doc.source, 'Associated Press');
    assert.equal(doc.author, 'Kathy Gannon');
    assert.equal(doc.published, '2021-08-26');
    assert.equal(doc.dateline, 'KABUL');
  });

  it('strips Markdown syntax line by line', () => {
    assert.equal(
      stripMarkdown('## Heading ##\n\n* **Bold** and _emphasis_ in snake_case_name\n\n```\ncode *kept*\n```\n[^1]: x\n---\n![alt text](a.png) ~~gone~~'),
      'Heading\n\nBold and emphasis in snake_case_name\n\ncode *kept*\n[^1]: x\n\nalt text gone',
    );
  });
});

describe('HTML', () => {
  it('keeps the article, drops navigation and footers, and reads the page metadata', async () => {
    const doc = await one('page.html');
    assert.equal(doc.format, 'html');
    assert.equal(doc.title, 'Gunmen attack hotel in Bamako, at least 20 dead');
    assert.equal(doc.source, 'The Daily Ledger');
    assert.equal(doc.author, 'Amadou Diallo');
    assert.equal(doc.published, '2015-11-20T18:42:00Z');
    assert.equal(doc.url, 'https://ledger.example/world/bamako-hotel-attack');
    assert.match(doc.text, /Gunmen stormed the Radisson Blu hotel/);
    assert.match(doc.text, /officials said\.\n\nMalian special forces/, 'paragraphs separated by a blank line');
    assert.match(doc.text, /Mokhtar Belmokhtar, claimed responsibility/);
    for (const boilerplate of ['Subscribe', 'Politics', 'Most read', 'recipes', 'Copyright', 'analytics', 'font-family']) {
      assert.ok(!doc.text.includes(boilerplate), `boilerplate "${boilerplate}" dropped`);
    }
  });

  it('falls back on JSON-LD for title, date, author and publisher', async () => {
    const doc = await one('page-ld.htm');
    assert.equal(doc.title, 'Suicide bomber strikes market in Maiduguri');
    assert.equal(doc.published, '2017-06-08');
    assert.equal(doc.author, 'Hauwa Musa');
    assert.equal(doc.source, 'Sahel Watch');
    assert.equal(doc.dateline, 'MAIDUGURI, Nigeria');
    assert.match(doc.text, /killing at least eight people, an emergency official said\.\n\nNo group/);
  });
});

describe('PDF', () => {
  it('reads the text of every page in order, with title, author and date from the PDF info', async () => {
    const doc = await one('report.pdf');
    assert.equal(doc.format, 'pdf');
    assert.equal(doc.title, 'Threat Assessment: Lake Chad Basin');
    assert.equal(doc.author, 'Vigil Test Desk');
    assert.equal(doc.published, '2018-03-01');
    assert.equal(
      doc.text,
      'Boko Haram fighters attacked a military base in Borno State on 12 February 2018, killing\n' +
        'four soldiers (army sources).\n\nA second attack, on a camp for displaced people near Dikwa, was repelled.\n\n' +
        'Page two: Outlook for the coming quarter.',
    );
  });

  it('reports a malformed PDF', async () => {
    const f = await failureOf(fixture('broken.pdf'));
    assert.match(f.reason, /^malformed PDF/);
  });
});

describe('JSON and JSONL', () => {
  it('reads JSONL records, keeps given ids and reports each bad line as file:line', async () => {
    const results = await read([fixture('records.jsonl')]);
    const good = docs(results);
    assert.deepEqual(good.map((d) => d.origin), [1, 2, 6].map((n) => `${fixture('records.jsonl')}#${n}`));
    assert.equal(good[0]!.id, 'rec-1');
    assert.equal(good[0]!.dateline, 'BOGOTA');
    assert.equal(good[0]!.published, '1990-01-09');
    assert.equal(good[1]!.id, documentId(good[1]!.text));
    assert.equal(good[1]!.title, 'Aid workers seized');
    assert.equal(good[1]!.source, 'Horn Wire');
    assert.equal(good[2]!.published, '2017-03-03');
    assert.equal(good[2]!.author, 'A. Reporter, B. Writer');
    assert.ok(good.every((d) => d.format === 'jsonl'));
    const bad = failures(results);
    assert.deepEqual(bad.map((f) => f.input), [`${fixture('records.jsonl')}:4`, `${fixture('records.jsonl')}:5`]);
    assert.match(bad[0]!.reason, /^malformed JSON/);
    assert.equal(bad[1]!.reason, 'missing "text"');
  });

  it('reads a JSON array as records #n and a single JSON object as one document', async () => {
    const results = await read([fixture('records.json'), fixture('single.json')]);
    assert.deepEqual(
      results.map((r) => (r.ok ? r.doc.origin : r.input)),
      ['#1', '#2', '#3'].map((n) => fixture('records.json') + n).concat(fixture('single.json')),
    );
    assert.equal(results[1]!.ok, false);
    assert.equal((results[1] as { reason: string }).reason, '"text" must be a string');
    const [first, , third, single] = results.map((r) => (r.ok ? r.doc : null));
    assert.equal(first!.id, 'arr-1');
    assert.equal(third!.dateline, 'EL-ARISH');
    assert.equal(single!.format, 'json');
    assert.equal(single!.published, '2013-04-15T19:30:00-04:00');
    assert.equal(single!.url, 'https://example.org/boston');
  });

  const gold = '/work/shared/data/seeds/gold.jsonl';
  it('reads the shared gold seeds with their ids and ignores extra fields', { skip: !existsSync(gold) && 'shared data not mounted' }, async () => {
    const results = await read([gold]);
    assert.ok(results.every((r) => r.ok));
    assert.equal(docs(results)[0]!.id, 'seed-vocativ-2015-11-17');
    assert.ok(!('incidents' in docs(results)[0]!));
  });
});

describe('feeds', () => {
  it('reads RSS items with HTML stripped and the channel title as source', async () => {
    const results = await read([fixture('feed.rss')]);
    const [a, b] = docs(results);
    assert.equal(a!.format, 'rss');
    assert.equal(a!.origin, fixture('feed.rss') + '#1');
    assert.equal(a!.title, 'Car bomb kills 12 near Baghdad checkpoint');
    assert.equal(a!.url, 'https://frontline.example/2016/07/03/baghdad-car-bomb');
    assert.equal(a!.published, '2016-07-03');
    assert.equal(a!.source, 'Frontline Wire');
    assert.equal(a!.author, 'Staff reporter');
    assert.equal(a!.text, 'A car bomb exploded at a checkpoint south of Baghdad on Sunday, killing 12 people.\n\nPolice said the toll could rise.');
    assert.match(b!.text, /^A man armed with a knife .* & was shot dead/, 'content:encoded preferred over a shorter description');
    assert.deepEqual(failures(results), [{ ok: false, input: fixture('feed.rss') + '#3', reason: 'no text (item has no description or content)' }]);
  });

  it('reads Atom entries', async () => {
    const [a, b] = docs(await read([fixture('feed.atom')]));
    assert.equal(a!.format, 'atom');
    assert.equal(a!.title, 'Church bombings in Sri Lanka');
    assert.equal(a!.url, 'https://monitor.example/2019/04/21/sri-lanka');
    assert.equal(a!.published, '2019-04-21T14:05:00+05:30');
    assert.equal(a!.author, 'R. Perera');
    assert.equal(a!.source, 'Conflict Monitor');
    assert.equal(a!.text, 'Suicide bombers struck three churches and three hotels in Sri Lanka on Easter Sunday.\n\nMore than 250 people were killed.');
    assert.equal(b!.published, '2019-04-22');
    assert.equal(b!.author, 'Monitor Desk', 'feed author when the entry has none');
  });

  it('reports malformed XML and XML that is not a feed', async () => {
    assert.match((await failureOf(fixture('broken.xml'))).reason, /^malformed XML: .*\(line 2\)/);
    assert.equal((await failureOf(fixture('not-a-feed.xml'))).reason, 'not an RSS or Atom feed');
  });
});

describe('failures', () => {
  it('reports each unreadable input with a short reason and goes on', async () => {
    const cases: [string, RegExp][] = [
      ['no-such-file.txt', /^no such file or directory$/],
      ['binary.txt', /^binary content \(NUL bytes\)/],
      ['latin1.txt', /^binary content \(invalid UTF-8\)/],
      ['empty.txt', /^empty file$/],
      ['blank.md', /^no text/],
      ['broken.json', /^malformed JSON/],
      ['bad-frontmatter.md', /^malformed front matter: .*line 2/],
      ['notes.docx', /^unsupported format "\.docx"$/],
      ['sidecar.meta.json', /sidecar/],
    ];
    const results = await read([...cases.map(([name]) => fixture(name)), fixture('wire.txt')]);
    assert.equal(results.length, cases.length + 1);
    cases.forEach(([name, reason], i) => {
      const r = results[i]!;
      assert.ok(!r.ok, `${name} fails`);
      assert.equal(r.input, fixture(name));
      assert.match(r.reason, reason, name);
    });
    assert.ok(results.at(-1)!.ok, 'the input after the failures is still read');
  });

  it('reports oversized files against maxBytes', async () => {
    const f = await failureOf(fixture('page.html'), { maxBytes: 1000 });
    assert.match(f.reason, /^too large: 2\.\d KB \(limit 1000 bytes\)$/);
  });

  describe('permissions', () => {
    let dir = '';
    before(async () => {
      dir = await mkdtemp(join(tmpdir(), 'vigil-ingest-'));
      await writeFile(join(dir, 'locked.txt'), 'A report nobody may read.');
      await chmod(join(dir, 'locked.txt'), 0o000);
    });
    after(() => rm(dir, { recursive: true, force: true }));

    it('reports a file it may not read', { skip: process.getuid?.() === 0 && 'root reads everything' }, async () => {
      const f = await failureOf(join(dir, 'locked.txt'));
      assert.equal(f.reason, 'permission denied');
    });
  });
});

describe('folders and stdin', () => {
  it('walks folders recursively in sorted order, skipping dotfiles, sidecars, READMEs and unsupported formats', async () => {
    const results = await read([FIXTURES]);
    const inputs = results.map((r) => relative(FIXTURES, r.ok ? r.doc.origin : r.input));
    const files = [...new Set(inputs.map((i) => i.replace(/[#:]\d+$/, '')))];
    assert.deepEqual(files, [...files].sort());
    assert.ok(files.includes('nested/a-first.txt') && files.includes('nested/deeper/inner.txt'));
    assert.ok(files.indexOf('nested/a-first.txt') < files.indexOf('nested/deeper/inner.txt'));
    for (const skipped of ['.hidden.txt', 'sidecar.meta.json', 'README.md', 'notes.docx']) {
      assert.ok(!files.includes(skipped), `${skipped} skipped`);
    }
    assert.ok(files.includes('report.pdf') && files.includes('feed.atom') && files.includes('page.html'));
  });

  it('reads plain text from stdin', async () => {
    const stdin = Readable.from([Buffer.from('PARIS (Reuters) - Police evacuated the Gare du Nord'), Buffer.from(' on Monday.\n')]);
    const [r] = await read(['-'], { stdin });
    assert.ok(r?.ok);
    assert.equal(r.doc.origin, 'stdin');
    assert.equal(r.doc.format, 'txt');
    assert.equal(r.doc.dateline, 'PARIS');
    assert.equal(r.doc.text, 'PARIS (Reuters) - Police evacuated the Gare du Nord on Monday.\n');
  });

  it('reads JSON lines from stdin', async () => {
    const lines = '\n{"id": "s1", "text": "First report."}\n{"text": "Second report."}\nnot json\n';
    const results = await read(['-'], { stdin: Readable.from([lines.slice(0, 20), lines.slice(20)]) });
    assert.deepEqual(
      results.map((r) => (r.ok ? [r.doc.id.slice(0, 4), r.doc.origin, r.doc.format] : [r.input])),
      [['s1', 'stdin#2', 'jsonl'], ['doc_', 'stdin#3', 'jsonl'], ['stdin:4']],
    );
  });

  it('gives the same id to the same text however it is wrapped or cased', async () => {
    const a = await read(['-'], { stdin: Readable.from(['A bomb exploded\nin the market.']) });
    const b = await read(['-'], { stdin: Readable.from(['a BOMB exploded in the   market.\n']) });
    assert.ok(a[0]!.ok && b[0]!.ok);
    assert.equal(a[0].doc.id, b[0].doc.id);
  });
});

describe('dates and datelines', () => {
  it('normalises dates to ISO', () => {
    const cases: [unknown, string | null][] = [
      ['2017-05-22', '2017-05-22'],
      ['2017-05-22T21:31:00Z', '2017-05-22T21:31:00Z'],
      ['2017-05-22 21:31', '2017-05-22T21:31'],
      ['Mon, 22 May 2017 23:30:00 +0100', '2017-05-22'],
      ['22 May 2017', '2017-05-22'],
      ['May 22, 2017', '2017-05-22'],
      ['Sept. 11, 2001', '2001-09-11'],
      ['9 JAN 90', '1990-01-09'],
      ['D:20180301093000Z', '2018-03-01'],
      ['2017/05/22', '2017-05-22'],
      ['2017-05', '2017-05'],
      [new Date('2017-05-22T00:00:00Z'), '2017-05-22'],
      ['05/06/2017', null],
      ['2017-02-30', null],
      ['last Tuesday', null],
      [null, null],
    ];
    for (const [input, expected] of cases) assert.equal(normaliseDate(input), expected, String(input));
  });

  it('finds the datelines of wire copy', () => {
    const cases: [string, { place: string; date: string | null; agency: string | null } | null][] = [
      ['BOGOTA, 9 JAN 90 (EFE) -- [TEXT] A BOMB', { place: 'BOGOTA', date: '1990-01-09', agency: 'EFE' }],
      ['   SAN SALVADOR, 3 JAN 90 -- [REPORT] THE ARMY', { place: 'SAN SALVADOR', date: '1990-01-03', agency: null }],
      ['PARIS (Reuters) - French police said', { place: 'PARIS', date: null, agency: 'Reuters' }],
      ['LONDON, March 22 — A man drove', { place: 'LONDON', date: null, agency: null }],
      ['NEW YORK, May 2, 2010 (AP) -- A car bomb', { place: 'NEW YORK', date: '2010-05-02', agency: 'AP' }],
      ['KABUL, Afghanistan (AP) — A suicide bomber', { place: 'KABUL, Afghanistan', date: null, agency: 'AP' }],
      ['Headline of the story\n\nMOGADISHU, Somalia (AP) — A truck bomb', { place: 'MOGADISHU, Somalia', date: null, agency: 'AP' }],
      ['WASHINGTON — Officials said', { place: 'WASHINGTON', date: null, agency: null }],
      ['BREAKING — A blast was heard', null],
      ['The Islamic State — which claimed it — said', null],
      ['Police said - without giving details', null],
      ['SAN SALVADOR, NO DATE (RADIO VENCEREMOS) -- [TEXT]', { place: 'SAN SALVADOR', date: null, agency: 'RADIO VENCEREMOS' }],
    ];
    for (const [text, expected] of cases) assert.deepEqual(findDateline(text), expected, text);
  });
});

describe('bundled examples', () => {
  it('reads all fourteen examples with their titles and dates', async () => {
    const results = await read([join(ROOT, 'examples')]);
    assert.deepEqual(failures(results), []);
    const all = docs(results);
    assert.equal(all.length, 14);
    assert.ok(all.every((d) => d.published && /^\d{4}-\d{2}-\d{2}/.test(d.published)));
    assert.ok(all.every((d) => d.source));
    assert.deepEqual(
      [...new Set(all.map((d) => d.format))].sort(),
      ['html', 'md', 'pdf', 'txt'],
    );
    const wire = all.find((d) => d.origin.endsWith('12-fmln-offensive-wire-1989.txt'))!;
    assert.equal(wire.dateline, 'SAN SALVADOR');
  });
});
