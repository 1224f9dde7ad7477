/** Throws unless `value` is a non-empty string: vendor, tenant, collection, sequence names and ids. */
export function assertName(kind: string, value: unknown): asserts value is string {
  if (typeof value !== 'string' || value.length === 0) {
    throw new TypeError(`store: ${kind} must be a non-empty string, got ${typeof value === 'string' ? "''" : typeof value}`);
  }
}
