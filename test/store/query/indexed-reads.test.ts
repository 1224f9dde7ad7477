import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createStore, type Store } from '../../../src/store/index.js';
import { compareSortValues } from '../../../src/store/query/compare-sort-values.js';
import { valuesAtPath } from '../../../src/store/query/values-at-path.js';
import { createTempStoreFile } from '../temp-dir.js';

interface Row {
  id: string;
  status?: string;
  rank?: number | string;
  orders?: Array<{ id: string }>;
}

/** What the indexed reads must give, computed by walking the whole collection. */
const scanFind = (rows: readonly Row[], path: string, values: readonly unknown[]) => rows.filter((row) => valuesAtPath(row, path).some((v) => values.includes(v)));
function scanSorted(rows: readonly Row[], path: string, descending: boolean) {
  const present = rows.filter((row) => valuesAtPath(row, path)[0] !== undefined);
  const missing = rows.filter((row) => valuesAtPath(row, path)[0] === undefined);
  // Array.prototype.sort is stable: ties keep insertion order in both directions.
  const ordered = [...present].sort((a, b) => (descending ? -1 : 1) * compareSortValues(valuesAtPath(a, path)[0], valuesAtPath(b, path)[0]));
  return [...ordered, ...missing];
}

const row = fc.record(
  {
    id: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', '1', '10'),
    status: fc.constantFrom('PENDING', 'APPROVED', 'DECLINED'),
    rank: fc.oneof(fc.integer({ min: -3, max: 3 }), fc.constantFrom('x', 'y', '2')),
    orders: fc.array(fc.record({ id: fc.constantFrom('O-1', 'O-2', 'O-3') }), { maxLength: 3 }),
  },
  { requiredKeys: ['id', 'status'] },
);
const step = fc.oneof(
  row.map((value) => ({ kind: 'put' as const, value })),
  fc.constantFrom('a', 'b', 'c', '1').map((id) => ({ kind: 'delete' as const, id })),
  fc.constant({ kind: 'read' as const }),
);

function checkReads(store: Store) {
  const rows = store.list<Row>('emporix', 't', 'returns');
  for (const [path, values] of [
    ['status', ['APPROVED']],
    ['status', ['PENDING', 'DECLINED']],
    ['orders.id', ['O-2']],
    ['rank', [2, '2']],
  ] as const) {
    expect(store.findBy('emporix', 't', 'returns', path, values)).toEqual(scanFind(rows, path, values));
    expect(store.countBy('emporix', 't', 'returns', path, values)).toBe(scanFind(rows, path, values).length);
    expect(store.findBy('emporix', 't', 'returns', path, values, { offset: 1, limit: 2 })).toEqual(scanFind(rows, path, values).slice(1, 3));
  }
  for (const descending of [false, true]) {
    const expected = scanSorted(rows, 'rank', descending);
    for (const [offset, limit] of [
      [0, 100],
      [0, 2],
      [1, 3],
      [4, 10],
    ] as const) {
      expect(store.listSorted('emporix', 't', 'returns', 'rank', { descending, offset, limit })).toEqual(expected.slice(offset, offset + limit));
    }
  }
}

describe('indexed reads (findBy, countBy, listSorted)', () => {
  it('give what a scan of the collection gives, after any mix of puts and deletes, before and after a restart', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { maxLength: 30 }), async (steps) => {
        const file = await createTempStoreFile();
        const store = await createStore({ file });
        for (const s of steps) {
          if (s.kind === 'put') await store.transact((tx) => tx.put('emporix', 't', 'returns', s.value.id, s.value));
          else if (s.kind === 'delete') await store.transact((tx) => tx.delete('emporix', 't', 'returns', s.id));
          else checkReads(store); // the indexes are made here and must then follow every later change
        }
        checkReads(store);
        await store.close();
        const reopened = await createStore({ file });
        checkReads(reopened);
        await reopened.close();
      }),
      { numRuns: 100, seed: 22 },
    );
  });

  it('forget a reset collection and index it afresh', async () => {
    const store = await createStore({ file: await createTempStoreFile() });
    await store.transact((tx) => tx.put('emporix', 't', 'returns', 'a', { id: 'a', status: 'APPROVED' }));
    expect(store.countBy('emporix', 't', 'returns', 'status', ['APPROVED'])).toBe(1);
    await store.reset({ vendor: 'emporix', tenant: 't' });
    expect(store.findBy('emporix', 't', 'returns', 'status', ['APPROVED'])).toEqual([]);
    await store.transact((tx) => tx.put('emporix', 't', 'returns', 'b', { id: 'b', status: 'APPROVED' }));
    expect(store.findBy('emporix', 't', 'returns', 'status', ['APPROVED'])).toEqual([{ id: 'b', status: 'APPROVED' }]);
    await store.close();
  });
});
