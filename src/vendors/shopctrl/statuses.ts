import type { Violation } from '../../core/violation.js';

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

/**
 * Resolves `MainStatusId` or `CustomStatusId` against the fixtures' `mainStatuses` or `customStatuses`. An id the list
 * lacks is a finding; no id takes the main list's entry marked `Default` (else its first), and no custom status.
 * With no list in the fixtures the id is echoed without an object.
 */
export function resolveStatus(kind: 'main' | 'custom', id: number | undefined, statuses: FixtureList): { resolved: ResolvedStatus; finding?: Finding } {
  const field = kind === 'main' ? 'MainStatusId' : 'CustomStatusId';
  if (id === undefined) {
    const fallback = kind === 'main' ? (statuses.find((status) => status.Default === true) ?? statuses[0]) : undefined;
    return { resolved: fallback === undefined || typeof fallback.Id !== 'number' ? {} : { id: fallback.Id, status: statusObject(fallback) } };
  }
  if (statuses.length === 0) return { resolved: { id } };
  const found = statuses.find((status) => status.Id === id);
  if (found !== undefined) return { resolved: { id, status: statusObject(found) } };
  return {
    resolved: { id },
    finding: { code: `state.${kind}-status.unknown`, location: 'body', pointer: `/${field}`, message: `${kind} status ${id} does not exist`, specPointer: `#/components/schemas/OrderReturnChanges/properties/${field}`, value: id },
  };
}
