import type { FakeChild, FakeContext } from './fake-context.js';
import type { FlatSchema } from './flatten-schema.js';
import { isDeepEqual } from './is-deep-equal.js';

/** Items when the schema sets no bounds: a list of one to three reads as a real payload without bloating it. */
const DEFAULT_MAX_ITEMS = 3;

/** `contactPersons` → `contactPerson`, `categories` → `category`: array items are faked under their singular name. */
const singular = (name: string | undefined) => name?.replace(/ies$/, 'y').replace(/([^s])s$/, '$1');

/** An array within `minItems`/`maxItems`, honouring `prefixItems`, `uniqueItems` and `contains`. */
export function fakeArray(flat: FlatSchema, context: FakeContext, fakeChild: FakeChild): unknown[] {
  const { faker } = context;
  const prefix = flat.prefixItems ?? [];
  const closedTail = flat.items.includes(false);
  const itemSchema = flat.items.length === 0 ? {} : flat.items.length === 1 ? flat.items[0] : { allOf: flat.items };
  const min = Math.max(flat.minItems ?? 0, flat.contains.length > 0 ? 1 : 0);
  let count: number;
  if (context.depth >= context.maxDepth) count = min;
  else {
    const lo = Math.max(min, flat.maxItems === 0 ? 0 : 1);
    const hi = Math.min(flat.maxItems ?? Infinity, Math.max(lo, DEFAULT_MAX_ITEMS));
    count = faker.number.int({ min: Math.min(lo, hi), max: hi });
  }
  if (closedTail) count = Math.min(count, prefix.length);
  const child = (index: number): FakeContext => ({
    ...context,
    depth: context.depth + 1,
    propertyName: index < prefix.length ? context.propertyName : singular(context.propertyName),
  });
  const result: unknown[] = [];
  // Duplicates are drawn again, a bounded number of times: an enum of two cannot fill five unique slots.
  for (let attempt = 0; result.length < count && attempt < count * 10; attempt += 1) {
    const index = result.length;
    const item = fakeChild(index < prefix.length ? prefix[index] : itemSchema, child(index));
    if (flat.uniqueItems && result.some((other) => isDeepEqual(other, item))) continue;
    result.push(item);
  }
  if (flat.contains.length > 0 && !result.some((item) => flat.contains.every((schema) => context.matches(schema, item)))) {
    // The first item after the prefix takes the `contains` constraint too.
    const index = prefix.length;
    const item = fakeChild({ allOf: [itemSchema, ...flat.contains] }, child(index));
    if (result.length > index) result[index] = item;
    else result.push(item);
  }
  return result;
}
