/**
 * A deep copy of a stored record (JSON data only: objects, arrays, strings, numbers, booleans, null), several
 * times faster than `structuredClone` or `JSON.parse`, which the store's reads would otherwise spend their time in.
 * A `__proto__` key stays an own property of the copy, never its prototype.
 */
export function copyRecord<T>(value: T): T {
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) {
    const items = new Array<unknown>(value.length);
    for (let i = 0; i < value.length; i += 1) items[i] = copyRecord(value[i]);
    return items as T;
  }
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    const child = copyRecord((value as Record<string, unknown>)[key]);
    if (key === '__proto__') Object.defineProperty(copy, key, { value: child, enumerable: true, writable: true, configurable: true });
    else copy[key] = child;
  }
  return copy as T;
}
