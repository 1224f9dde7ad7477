/**
 * Every value a dotted path reaches in a JSON record, stepping into arrays (`orders.id` reaches each order's id);
 * a value that is an array counts as its items.
 * @example valuesAtPath({ orders: [{ id: 'a' }, { id: 'b' }] }, 'orders.id') // ['a', 'b']
 */
export function valuesAtPath(record: unknown, path: string): unknown[] {
  let current: unknown[] = [record];
  for (const key of path.split('.')) {
    const next: unknown[] = [];
    for (const value of current) {
      const items: unknown[] = Array.isArray(value) ? value : [value];
      for (const item of items) {
        if (typeof item === 'object' && item !== null && Object.hasOwn(item, key)) next.push((item as Record<string, unknown>)[key]);
      }
    }
    current = next;
  }
  return current.flatMap((value): unknown[] => (Array.isArray(value) ? value : [value]));
}
