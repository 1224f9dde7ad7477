import type { StoreChange } from '../state/store-change.js';

/** One line of the append-only log: a group commit's batch number and its changes, in order. */
export interface LogBatch {
  batch: number;
  changes: StoreChange[];
}

const quote = (text: string) => JSON.stringify(text);

export const encodeChange = (change: StoreChange): string => {
  switch (change.kind) {
    case 'put':
      // The record is JSON text already: spliced in, not serialised again.
      return `["put",${quote(change.vendor)},${quote(change.tenant)},${quote(change.collection)},${quote(change.id)},${change.json}]`;
    case 'delete':
      return JSON.stringify(['delete', change.vendor, change.tenant, change.collection, change.id]);
    case 'sequence':
      return JSON.stringify(['sequence', change.vendor, change.tenant, change.sequence, change.value]);
    case 'reset':
      return JSON.stringify(change.vendor === undefined ? ['reset'] : change.tenant === undefined ? ['reset', change.vendor] : ['reset', change.vendor, change.tenant]);
  }
};

/** The log line of a batch: compact JSON (`[batch, [kind, …], …]`) and a newline, which marks it complete. */
export function encodeLogLine({ batch, changes }: LogBatch): string {
  return `[${batch}${changes.map((change) => `,${encodeChange(change)}`).join('')}]\n`;
}

const isName = (value: unknown): value is string => typeof value === 'string' && value !== '';

/** Reads one encoded change, or `undefined` when it is not one. */
export function decodeChange(value: unknown): StoreChange | undefined {
  if (!Array.isArray(value)) return undefined;
  const [kind, vendor, tenant, name, id, record] = value as unknown[];
  if (kind === 'reset') {
    if (value.length === 1) return { kind };
    if (value.length === 2 && isName(vendor)) return { kind, vendor };
    if (value.length === 3 && isName(vendor) && isName(tenant)) return { kind, vendor, tenant };
    return undefined;
  }
  if (!isName(vendor) || !isName(tenant) || !isName(name)) return undefined;
  if (kind === 'put' && value.length === 6 && isName(id) && record !== undefined) return { kind, vendor, tenant, collection: name, id, json: JSON.stringify(record) };
  if (kind === 'delete' && value.length === 5 && isName(id)) return { kind, vendor, tenant, collection: name, id };
  if (kind === 'sequence' && value.length === 5 && typeof id === 'number' && Number.isSafeInteger(id) && id >= 0) return { kind, vendor, tenant, sequence: name, value: id };
  return undefined;
}

/** Reads one line (without its newline), or `undefined` when it is not a complete batch. */
export function decodeLogLine(line: string): LogBatch | undefined {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return undefined;
  }
  if (!Array.isArray(value) || !Number.isSafeInteger(value[0]) || (value[0] as number) < 1) return undefined;
  const changes: StoreChange[] = [];
  for (const encoded of value.slice(1)) {
    const change = decodeChange(encoded);
    if (change === undefined) return undefined;
    changes.push(change);
  }
  return { batch: value[0] as number, changes };
}
