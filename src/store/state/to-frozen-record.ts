/** A deep-frozen JSON copy of `value`: JSON because that is what the file keeps (a `Date` becomes its ISO string at once). */
export function toFrozenRecord(value: unknown): unknown {
  const text = JSON.stringify(value);
  if (text === undefined) throw new TypeError(`a record must be a JSON value, not ${typeof value}`);
  // JSON.parse makes `__proto__` an own property, never the prototype.
  return deepFreeze(JSON.parse(text) as unknown);
}

/** Freezes `value` and everything inside it. */
export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
