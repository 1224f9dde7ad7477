/**
 * A plain record without a prototype: keys such as `__proto__` or `constructor` (tenant names, ids)
 * are ordinary keys there and can never reach `Object.prototype`.
 */
export function createDictionary<T>(): Record<string, T> {
  return Object.create(null) as Record<string, T>;
}

/** Turns parsed JSON maps back into prototype-free dictionaries, `depth` levels deep. */
export function toDictionary<T>(value: unknown, depth: number): Record<string, T> {
  const dictionary = createDictionary<T>();
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return dictionary;
  for (const [key, child] of Object.entries(value)) {
    dictionary[key] = (depth > 1 ? toDictionary(child, depth - 1) : child) as T;
  }
  return dictionary;
}
