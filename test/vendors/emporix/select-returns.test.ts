import { describe, expect, it } from 'vitest';
import { createVendorStore } from '../../../src/engine/vendor-store.js';
import { createStore } from '../../../src/store/index.js';
import { matchesQuery, parseEmporixQuery, parseEmporixSort, sortRecords, type QueryTerm, type SortKey } from '../../../src/vendors/emporix/query.js';
import { customerView, type EmporixReturn } from '../../../src/vendors/emporix/return-record.js';
import { selectReturns } from '../../../src/vendors/emporix/select-returns.js';
import { createTempStoreFile } from '../../store/temp-dir.js';

const STATUSES = ['PENDING', 'APPROVED', 'DECLINED'];

/** The list as a scan computes it: every return, the caller's view, filtered, sorted, paged. */
function scanReturns(all: readonly EmporixReturn[], customerId: string | undefined, terms: QueryTerm[], keys: SortKey[], pageSize: number, pageNumber: number) {
  const visible = customerId === undefined ? all : all.filter((r) => r.requestor?.customerId === customerId).map(customerView);
  const matching = sortRecords(
    visible.filter((r) => matchesQuery(r, terms)),
    keys,
  );
  return { page: matching.slice((pageNumber - 1) * pageSize, pageNumber * pageSize), total: matching.length };
}

describe('selectReturns', () => {
  it('answers every query, sort and page as a scan of all returns does, for employees and customers', async () => {
    const store = await createStore({ file: await createTempStoreFile() });
    const vendorStore = createVendorStore(store, 'emporix');
    await store.transact((tx) => {
      for (let i = 0; i < 60; i += 1) {
        const record = {
          id: `r${i}`,
          approvalStatus: STATUSES[i % 3],
          received: i % 4 === 0,
          orders: [{ id: `O-${i % 7}`, items: [{ id: '32090', quantity: (i % 5) + 1 }] }],
          total: { value: (i % 9) / 2, currency: 'EUR' },
          requestor: { customerId: `C-${i % 2}` },
          ...(i % 6 === 0 ? {} : { metadata: { createdAt: `2024-01-${String((i % 28) + 1).padStart(2, '0')}T00:00:00Z` } }),
        };
        tx.put('emporix', 'acme', 'returns', record.id, record);
      }
    });
    // A changed return keeps its place: the indexes must follow it.
    await store.transact((tx) => tx.put('emporix', 'acme', 'returns', 'r3', { ...tx.get<EmporixReturn>('emporix', 'acme', 'returns', 'r3'), approvalStatus: 'APPROVED' }));
    const all = store.list<EmporixReturn>('emporix', 'acme', 'returns') as EmporixReturn[];
    const queries = [
      '',
      'approvalStatus:APPROVED',
      'orders.id:O-3',
      'orders.id:(O-1,O-2) approvalStatus:PENDING',
      'received:true',
      'total.value:1.50',
      'approvalStatus:~APP',
      'requestor.customerId:C-1',
    ];
    const sorts = ['', 'metadata.createdAt:desc', 'metadata.createdAt', 'total.value:desc,id'];
    for (const q of queries) {
      for (const sort of sorts) {
        for (const customerId of [undefined, 'C-1']) {
          for (const [pageSize, pageNumber] of [
            [60, 1],
            [7, 1],
            [7, 3],
            [5, 20],
          ] as const) {
            const parsed = parseEmporixQuery(q);
            const keys = sort === '' ? [] : parseEmporixSort(sort);
            if (!parsed.ok || (!Array.isArray(keys) && !keys.ok)) throw new Error('unparsable test query');
            const terms = parsed.terms;
            const sortKeys = Array.isArray(keys) ? keys : keys.keys;
            const expected = scanReturns(all, customerId, terms, sortKeys, pageSize, pageNumber);
            expect(
              selectReturns(vendorStore, 'acme', customerId, { terms, keys: sortKeys, pageSize, pageNumber }),
              `${q} | ${sort} | ${customerId} | ${pageSize}/${pageNumber}`,
            ).toEqual(expected);
          }
        }
      }
    }
    await store.close();
  });
});
