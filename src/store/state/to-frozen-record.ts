/** A record as the store keeps it: deep-frozen, and the JSON text it was made from (for the log). */
export interface FrozenRecord {
  record: unknown;
  json: string;
}

/**
 * A deep-frozen JSON copy of `value` and its JSON text: what the store keeps. JSON because that is what the file
 * keeps, so a record reads the same before and after a restart (a `Date` becomes its ISO string at once).
 */
export function toFrozenJson(value: unknown): FrozenRecord {
  const json = JSON.stringify(value);
  if (json === undefined) throw new TypeError(`a record must be a JSON value, not ${typeof value}`);
  // JSON.parse makes `__proto__` an own property, never the prototype.
  return { record: deepFreeze(JSON.parse(json) as unknown), json };
}

/** A deep-frozen JSON copy of `value` (see `toFrozenJson`). */
export function toFrozenRecord(value: unknown): unknown {
  return toFrozenJson(value).record;
}

/** Freezes `value` and everything inside it. */
export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
