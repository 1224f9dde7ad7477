/**
 * A bound body with every `null` property left out: .NET serializers write `null` for an unset optional member, and a
 * model binder reads it as unset, so a handler treats it as absent. Array items stay as they are.
 */
export function withoutNulls<T>(value: T): T {
  if (Array.isArray(value)) return value.map((item: unknown) => withoutNulls(item)) as T;
  if (typeof value !== 'object' || value === null) return value;
  const kept: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(value)) {
    if (child !== null) Object.defineProperty(kept, key, { value: withoutNulls(child), enumerable: true, writable: true, configurable: true });
  }
  return kept as T;
}
