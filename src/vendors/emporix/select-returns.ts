import type { VendorStore } from '../../core/vendor-plugin.js';
import { lookupKeysOf, matchesQuery, sortRecords, type QueryTerm, type SortKey } from './query.js';
import { customerView, type EmporixReturn } from './return-record.js';

const RETURNS = 'returns';

/** What a list asks for: its `q` terms, its sort keys and its page (`pageNumber` from 1). */
export interface ReturnsQuery {
  terms: readonly QueryTerm[];
  keys: readonly SortKey[];
  pageSize: number;
  pageNumber: number;
}

/** One page of matching returns and how many match in all (`X-Total-Count`). */
export interface ReturnsPage {
  page: readonly object[];
  total: number;
}

/**
 * The page of a tenant's returns a list answers with. For an employee, the store's indexes do the narrowing: the
 * most selective plain-equality term (`orderId:O-1`, `approvalStatus:(APPROVED,DECLINED)`) is looked up, a lone sort
 * key reads a sorted page; only what the index cannot decide is checked record by record. A customer sees only
 * their own returns, in their view (the employee-only fields are not there to match).
 */
export function selectReturns(store: VendorStore, tenant: string, customerId: string | undefined, query: ReturnsQuery): ReturnsPage {
  const { terms, keys, pageSize, pageNumber } = query;
  const offset = (pageNumber - 1) * pageSize;
  const pageOf = (matching: readonly object[]) => ({ page: matching.slice(offset, offset + pageSize), total: matching.length });
  if (customerId !== undefined) {
    const own = store
      .findBy<EmporixReturn>(tenant, RETURNS, 'requestor.customerId', [customerId])
      .filter((r) => r.requestor?.customerId === customerId)
      .map((r) => customerView(r as EmporixReturn));
    return pageOf(
      sortRecords(
        own.filter((r) => matchesQuery(r, terms)),
        keys,
      ),
    );
  }
  let narrowest: { term: QueryTerm; values: unknown[]; count: number } | undefined;
  for (const term of terms) {
    const values = lookupKeysOf(term.condition);
    if (values === undefined) continue;
    const count = store.countBy(tenant, RETURNS, term.field, values);
    if (narrowest === undefined || count < narrowest.count) narrowest = { term, values, count };
  }
  if (narrowest !== undefined && terms.length === 1 && keys.length === 0) {
    // The index answers a lone equality exactly: read only the page.
    return { page: store.findBy(tenant, RETURNS, narrowest.term.field, narrowest.values, { offset, limit: pageSize }), total: narrowest.count };
  }
  if (narrowest !== undefined) {
    const found = store.findBy<EmporixReturn>(tenant, RETURNS, narrowest.term.field, narrowest.values);
    const rest = terms.filter((term) => term !== narrowest.term);
    const matching = rest.length === 0 ? found : found.filter((r) => matchesQuery(r, rest));
    return pageOf(keys.length === 0 ? matching : sortRecords(matching, keys));
  }
  if (terms.length === 0 && keys.length === 1) {
    const [{ field, descending }] = keys as [SortKey];
    return { page: store.listSorted(tenant, RETURNS, field, { descending, offset, limit: pageSize }), total: store.count(tenant, RETURNS) };
  }
  const all = store.list<EmporixReturn>(tenant, RETURNS);
  const matching = terms.length === 0 ? all : all.filter((r) => matchesQuery(r, terms));
  return pageOf(keys.length === 0 ? matching : sortRecords(matching, keys));
}
