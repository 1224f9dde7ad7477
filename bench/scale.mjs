// The 100,000-return scenarios: one Emporix tenant holding SCALE_RETURNS returns (approval statuses in turn, one order
// id each, creation times shuffled), listed with a selective `q` (one order id; one approval status), a sorted first page
// and a page deep into that sort; and IOM with 10,000 fixture orders against 100 (creates and reads).
import path from 'node:path';
import { iomOrderNumber, IOM_SHOP, writeBenchFixtures } from './fixtures.mjs';
import { measure } from './load.mjs';
import { populateStore } from './populate.mjs';
import { EMPORIX_HEADERS, requestFor } from './scenarios.mjs';
import { startOurs } from './servers.mjs';

export const SCALE_RETURNS = 100_000;
export const SCALE_PAGE_SIZE = 10;
export const IOM_FIXTURE_ORDERS = [100, 10_000];
const STATUSES = ['PENDING', 'APPROVED', 'REJECTED', 'CLOSED'];
const DEEP_PAGE = SCALE_RETURNS / SCALE_PAGE_SIZE / 2;
const MIDDLE = SCALE_RETURNS / 2 + 7;
const SORT = 'metadata.createdAt:desc';

/** The varied copy of the template that return `i` is. */
function varyReturn(record, i) {
  // A shuffled minute (i × a prime, modulo the count) so the sort order is not the insertion order.
  const minute = (i * 7919) % SCALE_RETURNS;
  const createdAt = new Date(Date.UTC(2024, 0, 1) + minute * 60_000).toISOString();
  return {
    ...record,
    approvalStatus: STATUSES[i % STATUSES.length],
    orders: record.orders.map((order) => ({ ...order, id: `SCALE-${i}` })),
    metadata: { ...record.metadata, createdAt, modifiedAt: createdAt },
  };
}

export const SCALE_LISTS = {
  'list q=orders.id (1 match)': `q=${encodeURIComponent(`orders.id:SCALE-${MIDDLE}`)}&pageSize=${SCALE_PAGE_SIZE}`,
  'list q=approvalStatus (25,000 match)': `q=${encodeURIComponent('approvalStatus:APPROVED')}&pageSize=${SCALE_PAGE_SIZE}`,
  'list sorted, first page': `sort=${encodeURIComponent(SORT)}&pageSize=${SCALE_PAGE_SIZE}`,
  [`list sorted, page ${DEEP_PAGE.toLocaleString('en')}`]: `sort=${encodeURIComponent(SORT)}&pageSize=${SCALE_PAGE_SIZE}&pageNumber=${DEEP_PAGE}`,
};

/** Fails the bench when a scenario would measure refusals instead of answers. */
async function expectOk(url, init) {
  const response = await fetch(url, init);
  if (response.status !== 200) throw new Error(`${url} answered ${response.status}: ${await response.text()}`);
  return response.json();
}

/** Runs every scale scenario; returns { lists: rows, iom: rows, startupMs, peakRssMb }. */
export async function runScaleScenarios({ temp, template, settings, log }) {
  const db = path.join(temp, 'scale.json');
  populateStore(db, { count: SCALE_RETURNS, template, vary: varyReturn });
  const fixtures = writeBenchFixtures(path.join(temp, 'scale-fixtures'));
  const server = await startOurs({ db, fixtures });
  const lists = [];
  let peakRssMb;
  try {
    for (const [scenario, query] of Object.entries(SCALE_LISTS)) {
      const url = `${server.base.emporix}/return/acme/returns?${query}`;
      const page = await expectOk(url, { headers: EMPORIX_HEADERS });
      if (page.length === 0) throw new Error(`${scenario} found nothing`);
      log(`  ${SCALE_RETURNS.toLocaleString('en')} stored: ${scenario}…`);
      lists.push({ scenario, ...(await measure(url, { method: 'GET', headers: EMPORIX_HEADERS }, settings)) });
    }
    peakRssMb = server.peakRssMb();
  } finally {
    await server.stop();
  }
  const scaled = { lists, startupMs: server.startupMs, peakRssMb };

  const iom = [];
  for (const count of IOM_FIXTURE_ORDERS) {
    const dir = writeBenchFixtures(path.join(temp, `iom-fixtures-${count}`), count);
    const ours = await startOurs({ db: path.join(temp, `iom-${count}.json`), fixtures: dir });
    try {
      const create = requestFor('iom create', ours.base.intershop);
      log(`  ${count.toLocaleString('en')} IOM fixture orders: create…`);
      iom.push({ orders: count, scenario: 'iom create', ...(await measure(create.url, create, settings)) });
      const { authorization } = create.headers;
      const read = {
        method: 'GET',
        headers: { authorization },
        path: (i) => `/intershop/shops/${encodeURIComponent(IOM_SHOP)}/orders/${iomOrderNumber(i)}/return-requests/returnables`,
      };
      await expectOk(`${new URL(ours.base.intershop).origin}${read.path(0)}`, { headers: read.headers });
      log(`  ${count.toLocaleString('en')} IOM fixture orders: returnables…`);
      iom.push({ orders: count, scenario: 'iom returnables', ...(await measure(new URL(ours.base.intershop).origin, read, settings)) });
    } finally {
      await ours.stop();
    }
  }
  return { ...scaled, iom };
}
