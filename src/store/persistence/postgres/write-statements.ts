import pg from 'pg';
import type { StoreChange } from '../../state/store-change.js';
import { SCHEMA } from './migrations.js';

const literal = (value: string | number): string => (typeof value === 'number' ? String(value) : pg.escapeLiteral(value));

/** A reset's `WHERE`: everything, a vendor, or a vendor's tenant. */
const scopeOf = (change: StoreChange & { kind: 'reset' }) =>
  change.vendor === undefined
    ? ''
    : change.tenant === undefined
      ? ` WHERE vendor = ${literal(change.vendor)}`
      : ` WHERE vendor = ${literal(change.vendor)} AND tenant = ${literal(change.tenant)}`;

/**
 * The SQL that applies `change` to the tables, one statement. Values are escaped literals (`escapeLiteral`), so a
 * whole transaction's writes travel in one round trip. A put of a new id takes the next `ord` (it lists last); a known id keeps its place.
 */
export function toWriteStatement(change: StoreChange): string {
  switch (change.kind) {
    case 'put':
      return `INSERT INTO ${SCHEMA}.records (vendor, tenant, collection, id, ord, record) VALUES (${literal(change.vendor)}, ${literal(change.tenant)}, ${literal(change.collection)}, ${literal(change.id)}, nextval('${SCHEMA}.record_order'), ${literal(change.json)}) ON CONFLICT (vendor, tenant, collection, id) DO UPDATE SET record = EXCLUDED.record`;
    case 'delete':
      return `DELETE FROM ${SCHEMA}.records WHERE vendor = ${literal(change.vendor)} AND tenant = ${literal(change.tenant)} AND collection = ${literal(change.collection)} AND id = ${literal(change.id)}`;
    case 'sequence':
      return `INSERT INTO ${SCHEMA}.sequences (vendor, tenant, name, value) VALUES (${literal(change.vendor)}, ${literal(change.tenant)}, ${literal(change.sequence)}, ${literal(change.value)}) ON CONFLICT (vendor, tenant, name) DO UPDATE SET value = EXCLUDED.value`;
    case 'reset':
      return `DELETE FROM ${SCHEMA}.records${scopeOf(change)}; DELETE FROM ${SCHEMA}.sequences${scopeOf(change)}`;
  }
}
