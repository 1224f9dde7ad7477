/**
 * A plain object without a prototype: keys such as `__proto__` or `constructor` (tenant names, ids)
 * are ordinary keys there and never reach `Object.prototype`.
 */
export function createDictionary<T>(): Record<string, T> {
  return Object.create(null) as Record<string, T>;
}
