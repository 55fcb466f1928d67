// The dashboard in a real browser (Debian chromium, headless) against the real server and a real
// SQLite store. Screenshots go to test-artifacts/.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { serve } from '../src/api/server.js';
import { ROOT } from '../src/paths.js';
import { openStore } from '../src/store/open.js';
import type { Store } from '../src/store/store.js';
import { seed, type Seeded } from './api-fixtures.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARTIFACTS = join(ROOT, 'test-artifacts');
const hasChromium = existsSync(CHROMIUM);
const hasDashboard = existsSync(join(ROOT, 'web', 'dist', 'app.js'));

if (!hasChromium) {
  console.error('\n' + '!'.repeat(78) + `\n!! browser tests SKIPPED: no chromium at ${CHROMIUM}.\n!! Install it: apt-get install -y chromium (or set CHROMIUM_PATH).\n` + '!'.repeat(78) + '\n');
}
if (hasChromium && !hasDashboard) console.error('\n!! browser tests need the dashboard: run `node web/build.mjs` first.\n');

describe('dashboard in chromium', { skip: !hasChromium || !hasDashboard }, () => {
  let dir: string;
  let store: Store;
  let server: Awaited<ReturnType<typeof serve>>;
  let browser: Browser;
  let page: Page;
  let fx: Seeded;
  const dialogs: string[] = [];
  const pageErrors: string[] = [];

  before(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    dir = mkdtempSync(join(tmpdir(), 'vigil-browser-'));
    store = await openStore(join(dir, 'vigil.db'));
    fx = await seed(store);
    server = await serve({ store, port: 0, host: '127.0.0.1' });
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    page.on('dialog', (d) => { dialogs.push(d.message()); void d.dismiss(); });
    page.on('pageerror', (e) => pageErrors.push(e.message));
    // Fully offline: any request to another host fails the test.
    await page.route(/^(?!http:\/\/127\.0\.0\.1)/, (route) => { pageErrors.push('external request: ' + route.request().url()); void route.abort(); });
  });

  after(async () => {
    await browser?.close();
    await server?.close();
    await store?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const open = async (hash: string) => {
    await page.goto(`${server.url}/${hash}`);
  };
  const rows = () => page.locator('table.incidents tbody tr');

  test('the dashboard renders the table, map, timeline and breakdowns', async () => {
    await open('#/incidents');
    await page.waitForSelector('table.incidents tbody tr');
    assert.equal(await rows().count(), 4);
    await page.waitForSelector('svg.map g circle');
    assert.ok((await page.locator('svg.map g circle').count()) >= 3);
    await page.waitForSelector('svg.timeline rect');
    await page.waitForSelector('.breakdown li');
    assert.match((await page.locator('.summary').textContent()) ?? '', /4 incidents/);
    await page.screenshot({ path: join(ARTIFACTS, 'dashboard.png'), fullPage: true });
  });

  test('the filter bar narrows every view and lives in the URL', async () => {
    await open('#/incidents');
    await page.waitForSelector('table.incidents tbody tr');
    await page.fill('input[name=country]', 'AF');
    await page.press('input[name=country]', 'Enter');
    await page.waitForFunction(() => document.querySelectorAll('table.incidents tbody tr').length === 1);
    assert.match(page.url(), /country=AF/);
    await page.waitForFunction(() => /1 incidents/.test(document.querySelector('.summary')?.textContent ?? ''));
    await page.selectOption('select[name=type]', 'kidnapping');
    await page.waitForSelector('p.empty');
    assert.match(page.url(), /type=kidnapping/);
    await page.click('#clear-filters');
    await page.waitForFunction(() => document.querySelectorAll('table.incidents tbody tr').length === 4);
    await page.screenshot({ path: join(ARTIFACTS, 'filtered.png') });
  });

  test('an incident shows each field with its highlighted source sentence', async () => {
    await open('#/incidents?country=AF');
    // The table of the page before may still be on screen: wait for the filtered one.
    await page.waitForFunction(() => document.querySelectorAll('table.incidents tbody tr').length === 1);
    await rows().first().click();
    await page.waitForSelector('table.fields');
    assert.match(page.url(), new RegExp(`#/incident/${fx.incidentOf('kabulA')}`));
    const killedMarks = await page.locator('tr[data-field=killed] td.sentences mark').allTextContents();
    assert.ok(killedMarks.includes('killed 12 people') && killedMarks.includes('rose to 15'), killedMarks.join('|'));
    assert.match((await page.locator('tr[data-field=killed] td.alternatives').textContent()) ?? '', /12[\s\S]*15|15[\s\S]*12/);
    assert.equal(await page.locator('article.source').count(), 2);
    assert.ok((await page.locator('article.source .doctext mark').count()) >= 6);
    await page.screenshot({ path: join(ARTIFACTS, 'incident.png'), fullPage: true });
  });

  test('editing a field persists across a reload, with an audit entry', async () => {
    const id = fx.incidentOf('paris');
    await open(`#/incident/${id}`);
    // The incident of the test before may still be on screen: wait for this one's toll (3 killed in Paris).
    await page.waitForFunction(() => /^3\b/.test(document.querySelector('tr[data-field=killed] td.value')?.textContent ?? ''));
    await page.click('tr[data-field=killed] button.edit');
    await page.fill('tr[data-field=killed] input[name=value]', '7');
    await page.click('tr[data-field=killed] button[type=submit]');
    await page.waitForFunction(() => /^7\b/.test(document.querySelector('tr[data-field=killed] td.value')?.textContent ?? ''));
    await page.reload();
    await page.waitForSelector('tr[data-field=killed] td.value');
    assert.match((await page.locator('tr[data-field=killed] td.value').textContent()) ?? '', /^7\b/);
    assert.match((await page.locator('table.audit').textContent()) ?? '', /edit/);
    await page.click('button.accept');
    await page.waitForSelector('.incident-head .badge.accepted');
    assert.equal((await store.getIncident(id))!.incident.review, 'accepted');
  });

  test('hostile markup in a document is shown as text and runs nothing', async () => {
    await open(`#/document/${fx.docs.xss.id}`);
    // The page before also showed a document: wait for this one's text, not the last one's.
    await page.waitForFunction(() => document.querySelector('.doctext')?.textContent?.includes('__xss'));
    const text = (await page.locator('.doctext').textContent()) ?? '';
    assert.ok(text.includes('<script>window.__xss=2;alert(1)</script>'), text);
    assert.ok(text.includes('<img src=x onerror="window.__xss=3;alert(2)">'));
    assert.equal(await page.locator('.doctext img, .doctext script, .doctext b, main img').count(), 0);
    assert.match((await page.locator('.incident-head h2').textContent()) ?? '', /<img src=x onerror=/);
    await page.locator('.doctext').first().hover();
    await page.screenshot({ path: join(ARTIFACTS, 'hostile-document.png'), fullPage: true });
    await open(`#/incident/${fx.incidentOf('xss')}`);
    await page.waitForSelector('table.fields');
    await open('#/incidents?country=NG');
    await page.waitForSelector('table.incidents tbody tr');
    await page.waitForTimeout(300);
    assert.equal(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss), undefined);
    assert.deepEqual(dialogs, []);
  });

  test('uploading a report lists its incidents', async () => {
    await open('#/upload');
    await page.setInputFiles('#file-input', {
      name: 'mogadishu.txt', mimeType: 'text/plain',
      buffer: Buffer.from('MOGADISHU, Somalia, Feb. 2, 2024 (Reuters) - A car bomb exploded outside a hotel in Mogadishu on Friday, killing 9 people and wounding 14, police said. Al Shabaab claimed responsibility for the bombing.\n'),
    });
    await page.waitForSelector('.upload.done, .upload.failed', { timeout: 60000 });
    assert.equal(await page.locator('.upload.failed').count(), 0, (await page.locator('.upload').textContent()) ?? '');
    assert.equal(await page.locator('.upload progress').evaluate((p) => (p as HTMLProgressElement).value), 1);
    const links = page.locator('.upload .result li a');
    assert.ok((await links.count()) >= 1, 'the new incidents are listed');
    await page.screenshot({ path: join(ARTIFACTS, 'upload.png'), fullPage: true });
    await links.first().click();
    await page.waitForSelector('table.fields');
    assert.ok((await page.locator('article.source .doctext mark').count()) >= 1);
  });

  test('no page error and no request leaves the machine', () => {
    assert.deepEqual(pageErrors, []);
  });
});
