// node bench/index-timing.mjs (after `npm run build`): in process, no HTTP, the time to open a store file holding
// 100,000 Emporix returns and the time the Emporix list's selection takes on it (first call builds the index it
// uses; later calls read it), so a change to the store can be judged apart from the machine's HTTP noise.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createVendorStore } from '../dist/engine/vendor-store.js';
import { createStore } from '../dist/store/index.js';
import { parseEmporixQuery, parseEmporixSort } from '../dist/vendors/emporix/query.js';
import { selectReturns } from '../dist/vendors/emporix/select-returns.js';
import { populateStore } from './populate.mjs';

const COUNT = 100_000;
const STATUSES = ['PENDING', 'APPROVED', 'REJECTED', 'CLOSED'];
const template = {
  approvalStatus: 'PENDING',
  received: false,
  orders: [{ id: 'O-1', items: [{ id: '32090', quantity: 1, reason: { code: '001' } }] }],
  reason: { code: '001' },
  total: { value: 10, currency: 'EUR' },
  metadata: { version: 1 },
};
const vary = (record, i) => ({
  ...record,
  approvalStatus: STATUSES[i % 4],
  orders: [{ ...record.orders[0], id: `SCALE-${i}` }],
  metadata: { ...record.metadata, createdAt: new Date(Date.UTC(2024, 0, 1) + ((i * 7919) % COUNT) * 60_000).toISOString() },
});
const temp = mkdtempSync(path.join(os.tmpdir(), 'returns-mock-index-'));
const ms = (since) => (performance.now() - since).toFixed(2);
try {
  const file = path.join(temp, 'store.json');
  populateStore(file, { count: COUNT, template, vary });
  let started = performance.now();
  const store = await createStore({ file });
  console.log(`open a store of ${COUNT.toLocaleString('en')} returns: ${ms(started)} ms`);
  const vendorStore = createVendorStore(store, 'emporix');
  for (const [q, sort, pageNumber] of [
    ['orders.id:SCALE-50007', '', 1],
    ['approvalStatus:APPROVED', '', 1],
    ['approvalStatus:APPROVED', '', 2000],
    ['', 'metadata.createdAt:desc', 1],
    ['', 'metadata.createdAt:desc', 5000],
    ['approvalStatus:~APP', '', 1],
  ]) {
    const terms = q === '' ? [] : parseEmporixQuery(q).terms;
    const keys = sort === '' ? [] : parseEmporixSort(sort).keys;
    const times = [];
    for (let i = 0; i < 5; i += 1) {
      started = performance.now();
      selectReturns(vendorStore, 'acme', undefined, { terms, keys, pageSize: 10, pageNumber });
      times.push(ms(started));
    }
    console.log(`q=${q || '–'} sort=${sort || '–'} page ${pageNumber}: first ${times[0]} ms, then ${times.slice(1).join(', ')} ms`);
  }
  await store.close();
} finally {
  rmSync(temp, { recursive: true, force: true });
}
