import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../helpers/ensure-chromium.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMock, type ContractReport, type RunningMock } from '../../src/index.js';

const TOKEN = 'dashboard-token-42';
/** Every wait for the page to catch up is bounded: the page polls once a second. */
const CATCH_UP = { timeout: 8_000 };
const VIEWPORT = { width: 1280, height: 900 };

const employee = { authorization: 'Bearer t', 'content-type': 'application/json' };
/** An employee's create: Emporix requires `requestor` and `submitter` from an employee. */
const newReturn = {
  orders: [{ id: 'O-1', items: [{ id: '1', quantity: 1 }] }],
  reason: { code: '001' },
  requestor: { customerId: 'C-1' },
  submitter: { firstName: 'Erin', lastName: 'Employee', email: 'erin@acme.example' },
};

let mock: RunningMock;
let browser: Browser;
let page: Page;
let dir: string;

/** Sends a request to the running mock as a client named `client`. */
function send(method: string, pathAndQuery: string, client: string, body?: unknown) {
  return fetch(`${mock.url}${pathAndQuery}`, { method, headers: { ...employee, 'x-mock-client': client }, body: body === undefined ? undefined : JSON.stringify(body) });
}

const admin = (pathAndQuery: string, init: RequestInit = {}) => fetch(`${mock.url}/__admin${pathAndQuery}`, { ...init, headers: { 'x-admin-token': TOKEN } });

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'returns-mock-dashboard-'));
  // With an admin token: the page must carry it from its own URL to every call it makes.
  mock = await startMock({ port: 0, inMemory: true, adminToken: TOKEN });
  browser = await launchChromium();
  page = await browser.newPage({ viewport: VIEWPORT });
  await page.goto(`${mock.url}/__admin/ui?token=${TOKEN}`);
}, 30_000);

afterAll(async () => {
  await browser?.close();
  await mock?.close();
  if (dir !== undefined) await rm(dir, { recursive: true, force: true });
});

describe('dashboard at /__admin/ui', () => {
  it('is served only with the admin token, as one self-contained page under a strict content security policy', async () => {
    expect((await fetch(`${mock.url}/__admin/ui`)).status).toBe(401);
    const answer = await fetch(`${mock.url}/__admin/ui?token=${TOKEN}`);
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toContain('text/html');
    expect(answer.headers.get('content-security-policy')).toMatch(/script-src 'sha256-[^']+';/);
    expect(answer.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    const html = await answer.text();
    expect(html).not.toMatch(/<(script|link)[^>]+(src|href)=/);
  });

  it('lists every loaded vendor with its prefix and operations, and links the reports with the token', async () => {
    await page.waitForFunction((count) => document.querySelectorAll('#vendor-list section.vendor').length === count, mock.contract.catalogues.length, CATCH_UP);
    const shown = await page.$$eval('#vendor-list section.vendor', (sections) =>
      sections.map((section) => ({
        vendor: section.getAttribute('data-vendor'),
        heading: section.querySelector('h3')?.textContent,
        operations: [...section.querySelectorAll('tr.operation')].map((row) => row.getAttribute('data-operation')),
      })),
    );
    expect(shown.map((s) => s.vendor)).toEqual(mock.engines.map((engine) => engine.plugin.id));
    for (const engine of mock.engines) {
      const section = shown.find((s) => s.vendor === engine.plugin.id)!;
      expect(section.heading).toContain(engine.plugin.title);
      expect(section.heading).toContain(engine.plugin.prefix);
      expect(section.operations).toEqual(engine.operations.map((compiled) => compiled.operation.operationId));
    }
    const links = await page.$$eval('#reports a', (anchors) => anchors.map((a) => (a as HTMLAnchorElement).href));
    expect(links.map((link) => new URL(link).searchParams.get('format'))).toEqual(['html', 'md', 'junit', 'json']);
    for (const link of links) {
      expect(new URL(link).pathname).toBe('/__admin/report');
      expect(new URL(link).searchParams.get('token')).toBe(TOKEN);
    }
    const report = await fetch(links[3]!);
    expect(report.status).toBe(200);
    expect(((await report.json()) as ContractReport).reportVersion).toBe(1);
  });

  it('shows traffic sent after load, newest first, with violations highlighted and escaped as text', async () => {
    expect((await send('POST', '/emporix/return/acme/returns', 'dash-client', newReturn)).status).toBe(201);
    expect((await send('GET', '/emporix/return/acme/returns?pageSize=100000', 'dash-client')).status).toBe(400);
    expect((await send('GET', '/emporix/%3Cimg%20src=x%3E', '<b id="injected">bold</b>')).status).toBe(404);
    const seqs = mock.journal().map((entry) => entry.seq);
    expect(seqs).toHaveLength(3);

    await page.waitForFunction((seq) => document.querySelector(`#journal-rows tr.entry[data-seq="${seq}"]`) !== null, seqs[2]!, CATCH_UP);
    const rows = await page.$$eval('#journal-rows tr.entry', (trs) =>
      trs.map((tr) => ({
        seq: Number(tr.getAttribute('data-seq')),
        violating: tr.classList.contains('violation'),
        background: getComputedStyle(tr.querySelector('td')!).backgroundColor,
        client: tr.querySelector('.client')?.textContent,
        status: tr.querySelector('.status')?.textContent,
        violations: tr.querySelector('.violations')?.textContent,
      })),
    );
    expect(rows.map((row) => row.seq)).toEqual([...seqs].reverse());
    const [unknownPath, tooLarge, created] = rows;
    expect(created).toMatchObject({ violating: false, client: 'dash-client', status: '201', violations: '0' });
    expect(tooLarge).toMatchObject({ violating: true, status: '400', violations: '1' });
    expect(tooLarge!.background).not.toBe(created!.background);
    const detail = await page.textContent(`#journal-rows tr.violation-detail[data-seq="${seqs[1]}"]`);
    expect(detail).toContain('request.query.maximum');
    expect(detail).toContain('/pageSize');
    // What a request carries is shown as text, never run as markup.
    expect(unknownPath!.client).toBe('<b id="injected">bold</b>');
    expect(await page.$('#injected')).toBeNull();
    expect(await page.$('#journal-rows img')).toBeNull();
  });

  it('shows the coverage the report JSON gives: operations exercised of offered and the codes seen', async () => {
    const report = (await (await admin('/report?client=dash-client&vendor=emporix')).json()) as ContractReport;
    const [result] = report.results;
    expect(result!.coverage.exercised).toBe(2);
    const selector = '#vendor-list section.vendor[data-vendor="emporix"]';
    await page.waitForFunction(
      ([sel, exercised]) => document.querySelector(`${sel} .coverage`)?.getAttribute('data-exercised') === String(exercised),
      [selector, result!.coverage.exercised] as const,
      CATCH_UP,
    );
    const coverage = await page.$eval(`${selector} .coverage`, (span) => [span.getAttribute('data-exercised'), span.getAttribute('data-offered'), span.textContent]);
    expect(coverage).toEqual([
      String(result!.coverage.exercised),
      String(result!.coverage.offered),
      `${result!.coverage.exercised} of ${result!.coverage.offered} operations exercised`,
    ]);
    for (const operation of result!.operations) {
      const row = await page.$eval(`${selector} tr.operation[data-operation="${operation.operationId}"]`, (tr) => ({
        requests: tr.querySelector('.requests')?.textContent,
        codes: [...tr.querySelectorAll('.codes .code')].map((code) => code.textContent),
      }));
      expect(row).toEqual({ requests: String(operation.requests), codes: operation.statuses.map((s) => `${s.status} ×${s.count}`) });
    }
  });

  it('shows the stored returns per vendor and tenant, and the reset button empties them after a confirm', async () => {
    const returns = '#state-list .stored-vendor[data-vendor="emporix"] .tenant[data-tenant="acme"] details[data-collection="returns"]';
    await page.waitForSelector(returns, CATCH_UP);
    expect(await page.getAttribute(returns, 'data-count')).toBe('1');
    const [[storedId]] = mock.store.dump().vendors.emporix!.acme!.collections.returns! as [[string, unknown]];
    expect(await page.getAttribute(`${returns} .record`, 'data-id')).toBe(storedId);

    page.once('dialog', (dialog) => void dialog.dismiss());
    await page.click('#reset');
    expect(Object.keys(mock.store.dump().vendors)).toEqual(['emporix']);

    page.once('dialog', (dialog) => void dialog.accept());
    await page.click('#reset');
    await page.waitForFunction(() => document.querySelector('#state-list')?.textContent?.includes('Nothing is stored.'), undefined, CATCH_UP);
    expect(mock.store.dump().vendors).toEqual({});
    expect(await page.$(returns)).toBeNull();
  });

  it('renders: a PNG screenshot of the viewport, its regions laid out with visible text', async () => {
    const file = path.join(dir, 'dashboard.png');
    await page.screenshot({ path: file });
    const png = await readFile(file);
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(png.subarray(12, 16).toString('latin1')).toBe('IHDR');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([VIEWPORT.width, VIEWPORT.height]);
    for (const region of ['header', '#vendors', '#journal', '#state']) {
      const box = await page.locator(region).boundingBox();
      expect(box, region).not.toBeNull();
      expect(box!.width * box!.height, region).toBeGreaterThan(0);
      expect((await page.locator(region).innerText()).trim(), region).not.toBe('');
    }
    expect(await page.textContent('#status')).toContain('live');
  });

  it.each([1280, 1366, 1440])(
    'at %i px wide: the journal fits without horizontal scrolling, operation names are whole, stored data is one anchor away (screenshot)',
    async (width) => {
      const wide = await browser.newPage({ viewport: { width, height: 900 } });
      try {
        // Traffic with a long client name and a long query: the columns that used to push status and violations off screen.
        await send('GET', `/emporix/return/acme/returns?pageSize=0&q=${'x'.repeat(80)}`, 'a-rather-long-client-name-for-the-journal');
        await wide.goto(`${mock.url}/__admin/ui?token=${TOKEN}`);
        await wide.waitForFunction(
          () => document.querySelectorAll('#journal-rows tr.entry').length > 0 && document.querySelectorAll('#vendor-list .operations code').length > 0,
          undefined,
          CATCH_UP,
        );
        const file = path.join(dir, `dashboard-${width}.png`);
        await wide.screenshot({ path: file, fullPage: true });
        const png = await readFile(file);
        expect(png.readUInt32BE(16), 'the screenshot is as wide as the window: nothing sticks out').toBe(width);
        expect(await wide.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
        for (const column of ['status', 'violations']) {
          const right = await wide.evaluate(
            (name) => Math.max(...[...document.querySelectorAll(`#journal-rows td.${name}`)].map((cell) => cell.getBoundingClientRect().right)),
            column,
          );
          expect(right, column).toBeLessThanOrEqual(width);
        }
        const broken = await wide.$$eval('#vendor-list .operations td:first-child code', (names) =>
          names.filter((name) => name.getClientRects().length !== 1 || name.scrollWidth > name.getBoundingClientRect().width + 1).map((name) => name.textContent),
        );
        expect(broken).toEqual([]);
        await wide.click('#sections a[href="#state"]');
        await wide.waitForFunction(() => Math.abs(document.getElementById('state')!.getBoundingClientRect().top) < 100, undefined, CATCH_UP);
        await wide.click('#sections a[href="#vendors"]');
        await wide.waitForFunction(() => Math.abs(document.getElementById('vendors')!.getBoundingClientRect().top) < 100, undefined, CATCH_UP);
      } finally {
        await wide.close();
      }
    },
  );
});
