import { raise } from '../../core/rules.js';
import type { VendorTransaction } from '../../core/vendor-plugin.js';
import type { Violation } from '../../core/violation.js';
import { createSeededFaker } from '../../fake/index.js';
import { resolveReference } from '../shared/resolve-reference.js';
import { TENANT } from './reference-data.js';
import { SHOPCTRL_RULES } from './rules.js';

type Finding = Omit<Violation, 'operationId'>;
type FixtureList = ReadonlyArray<Record<string, unknown>>;

/** The spec's `OrderReturnStatus`: a main or custom status as the answer shows it. */
export interface OrderReturnStatus {
  Id?: number;
  BaseStatusId?: number;
  StatusTypeId?: number;
  Name?: string;
}

/** The status object of a fixture record: its four documented fields only (`Default` and the like stay in the fixtures). */
function statusObject(record: Record<string, unknown>): OrderReturnStatus {
  const status: OrderReturnStatus = {};
  for (const key of ['Id', 'BaseStatusId', 'StatusTypeId'] as const) if (typeof record[key] === 'number') status[key] = record[key];
  if (typeof record.Name === 'string') status.Name = record.Name;
  return status;
}

/** A resolved status: its id and object, either absent when nothing names one. */
export interface ResolvedStatus {
  id?: number;
  status?: OrderReturnStatus;
}

/** Where a status is looked up and, when the fixtures lack it, fabricated. */
export interface StatusLookup {
  tx: VendorTransaction;
  statuses: FixtureList;
  strict: boolean;
  /** The seed of a fabricated status, from its kind and id. */
  seedFor(key: string): number;
}

const FIELDS = { main: 'MainStatusId', custom: 'CustomStatusId' } as const;
const RULES = { main: SHOPCTRL_RULES.mainStatusUnknown, custom: SHOPCTRL_RULES.customStatusUnknown } as const;
/** Store collections of fabricated statuses: fixture-shaped, so a later return finds the same one. */
export const FABRICATED_STATUSES = { main: 'mainStatuses', custom: 'customStatuses' } as const;
/** `StatusTypeId` of the fixtures' main (1) and custom (2) statuses. */
const STATUS_TYPES = { main: 1, custom: 2 } as const;

/** A status the fixtures lack, named from the seed: a main status is its own base, a custom one refines none the mock knows. */
function fabricateStatus(seed: number, kind: 'main' | 'custom', id: number): Record<string, unknown> {
  const name = createSeededFaker(seed).word.adjective();
  return { Id: id, ...(kind === 'main' ? { BaseStatusId: id } : {}), StatusTypeId: STATUS_TYPES[kind], Name: name.charAt(0).toUpperCase() + name.slice(1), Fabricated: true };
}

/**
 * Resolves `MainStatusId` or `CustomStatusId` against the fixtures' `mainStatuses` or `customStatuses`. No id takes the
 * main list's entry marked `Default` (else its first), and no custom status. An id the list lacks is fabricated and kept
 * (`fabricated` to store), or a finding under `--strict-fixtures`. With no list in the fixtures the id is echoed without an object.
 */
export function resolveStatus(
  kind: 'main' | 'custom',
  id: number | undefined,
  lookup: StatusLookup,
): { resolved: ResolvedStatus; finding?: Finding; fabricated?: Record<string, unknown> } {
  const { tx, statuses, strict } = lookup;
  if (id === undefined) {
    const fallback = kind === 'main' ? (statuses.find((status) => status.Default === true) ?? statuses[0]) : undefined;
    return { resolved: fallback === undefined || typeof fallback.Id !== 'number' ? {} : { id: fallback.Id, status: statusObject(fallback) } };
  }
  if (statuses.length === 0) return { resolved: { id } };
  const found = resolveReference({ tx, tenant: TENANT, collection: FABRICATED_STATUSES[kind], fixtures: statuses, strict, id }, () =>
    fabricateStatus(lookup.seedFor(`shopctrl/${kind}-status/${id}`), kind, id),
  );
  if (found !== undefined) return { resolved: { id, status: statusObject(found.record) }, ...(found.fabricated ? { fabricated: found.record } : {}) };
  const field = FIELDS[kind];
  return {
    resolved: { id },
    finding: raise(RULES[kind], {
      location: 'body',
      pointer: `/${field}`,
      message: `${kind} status ${id} does not exist`,
      specPointer: `#/components/schemas/OrderReturnChanges/properties/${field}`,
      value: id,
    }),
  };
}
