import fc from 'fast-check';
import type { FuzzRequest } from './fuzz-harness.js';

/** Keys that reach `Object.prototype` when code assigns them carelessly. */
export const PROTOTYPE_KEYS = ['__proto__', 'constructor', 'prototype'] as const;

/** A large value, built only when applied and printed by name when fast-check reports a counterexample. */
class Huge {
  constructor(
    readonly name: string,
    readonly make: () => unknown,
  ) {}
  [fc.toStringMethod](): string {
    return `<${this.name}>`;
  }
}
const huge = (name: string, make: () => unknown) => new Huge(name, make);
const materialize = (value: unknown): unknown => (value instanceof Huge ? value.make() : value);

const HUGE_VALUES = [
  huge('string of 10,000 x', () => 'x'.repeat(10_000)),
  huge('string of 5,000 ü', () => 'ü'.repeat(5_000)),
  huge('array of 100,000 zeros', () => new Array(100_000).fill(0)),
  huge('array of 1,000 objects', () => Array.from({ length: 1_000 }, () => ({ a: 1 }))),
];
const HUGE_BODIES = [
  huge('JSON array nested 10,000 deep', () => `${'['.repeat(10_000)}${']'.repeat(10_000)}`),
  huge('JSON object nested 10,000 deep', () => `${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}`),
];

/** Values that break a field: wrong types, boundaries, bad formats, huge sizes, prototype keys. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.jsonValue({ maxDepth: 2 }),
  fc.constantFrom(null, true, false, 0, -1, -0, 1.5, 2 ** 31, -(2 ** 31) - 1, 2 ** 53 + 1, 1e308, -1e308, '', ' ', '0', 'null', 'true'),
  // Formats: dates, date-times, UUIDs, emails that are almost right.
  fc.constantFrom('2024-02-30', '2024-13-01T00:00:00Z', '2024-01-01T25:61:61Z', '0000-00-00', 'not-a-uuid', '3fa85f64-5717-4562-b3fc-2c963f66afaZ', '@', 'a@', 'user@@example.com'),
  fc.constantFrom('\u0000', '\uD800', '../../etc/passwd', '<script>alert(1)</script>', "' OR 1=1 --"),
  fc.constantFrom(...HUGE_VALUES),
  fc.constantFrom(...PROTOTYPE_KEYS).map((key) => JSON.parse(`{"${key}":{"polluted":"yes"}}`)),
  fc.array(fc.jsonValue({ maxDepth: 1 }), { maxLength: 5 }),
);

/** What the fuzzer does to a valid request. Paths into the body are chosen by index among its places. */
export type Mutation =
  | { kind: 'set'; at: number; value: unknown }
  | { kind: 'delete'; at: number }
  | { kind: 'add'; at: number; key: string; value: unknown }
  | { kind: 'raw-body'; text: string | Huge }
  | { kind: 'bytes-body'; bytes: number[] }
  | { kind: 'content-type'; value: string | undefined }
  | { kind: 'path-segment'; at: number; value: string }
  | { kind: 'query'; key: string; value: string }
  | { kind: 'header'; name: string; value: string | undefined };

const key = fc.oneof(fc.constantFrom(...PROTOTYPE_KEYS, 'extra', 'Id', 'id', ''), fc.string({ maxLength: 8 }));

export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('set' as const), at: fc.nat(), value: hostileValue }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('delete' as const), at: fc.nat() }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('add' as const), at: fc.nat(), key, value: hostileValue }) },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('raw-body' as const),
      text: fc.oneof(
        fc.constantFrom<string | Huge>(
          ...HUGE_BODIES,
          '{"a":1,"a":2}',
          '{"Id":0,"Id":"x"}',
          '{',
          '[',
          '""',
          'null',
          '{}',
          '[]',
          '{"__proto__":{"polluted":"yes"}}',
          '{"constructor":{"prototype":{"polluted":"yes"}}}',
        ),
        fc.string({ maxLength: 40 }),
        fc.jsonValue({ maxDepth: 3 }).map((value) => JSON.stringify(value)),
      ),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('bytes-body' as const),
      bytes: fc.oneof(fc.constant<number[]>([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x3a, 0x31, 0x7d]), fc.array(fc.integer({ min: 0, max: 255 }), { maxLength: 64 })),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('content-type' as const),
      value: fc.constantFrom(
        undefined,
        '',
        'text/plain',
        'application/xml',
        'application/json; charset=latin1',
        'multipart/form-data; boundary=x',
        'application/x-www-form-urlencoded',
        '*/*',
        'application/json;;;',
        'ü/ü',
      ),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('path-segment' as const),
      at: fc.nat(),
      value: fc.oneof(
        fc.constantFrom('..', '%2E%2E', '%2F', 'a%2Fb', '%00', 'a%00b', '%C3%BC%E2%82%AC', '%F0%9F%92%A5', '%FF', '%', 'x'.repeat(2_000), '__proto__', 'constructor'),
        fc.string({ maxLength: 12 }).map(encodeURIComponent),
      ),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('query' as const),
      key: fc.oneof(
        fc.constantFrom('__proto__', '__proto__[polluted]', 'constructor[prototype][polluted]', 'pageSize', 'pageNumber', 'q', 'sort', 'type', 'fields'),
        fc.string({ maxLength: 8 }),
      ),
      value: fc.oneof(fc.constantFrom('yes', '-1', '0', '1e9', '99999999999999999999', '', 'a'.repeat(3_000), 'status:~(a+)+$', 'x:(', '%FF'), fc.string({ maxLength: 16 })),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('header' as const),
      name: fc.constantFrom(
        'authorization',
        'accept',
        'x-tenant-id',
        'x-appid',
        'x-appversion',
        'x-api-key',
        'saas-token',
        'prefer',
        'x-mock-client',
        'content-language',
        'x-admin-token',
        'x-auth-token',
      ),
      value: fc.oneof(
        fc.constant(undefined),
        fc.constantFrom(
          '',
          ' ',
          '\t',
          'Bearer',
          'Bearer ',
          'Basic !!!',
          'Basic ' + Buffer.from('no-colon').toString('base64'),
          'Bearer a.b.c',
          'Bearer x.' + Buffer.from('{"scope":7}').toString('base64url') + '.y',
          '*/*;q=x',
          'x'.repeat(4_000),
          'code=999',
          'delay=-1',
          'fault=explode',
        ),
        fc.string({ maxLength: 16 }).filter((s) => /^[\t\x20-\x7e]*$/.test(s)),
      ),
    }),
  },
);

type Place = { parent: Record<string, unknown> | unknown[]; key: string | number } | { root: true };

/** Every place in a JSON value: the root and each property and element below it. */
function places(value: unknown): Place[] {
  const found: Place[] = [{ root: true }];
  const walk = (node: unknown, depth: number) => {
    if (depth > 8 || typeof node !== 'object' || node === null) return;
    for (const [k, child] of Object.entries(node)) {
      found.push({ parent: node as Record<string, unknown>, key: Array.isArray(node) ? Number(k) : k });
      walk(child, depth + 1);
    }
  };
  walk(value, 0);
  return found;
}

function mutateBody(body: string | Uint8Array | undefined, change: (root: { value: unknown }) => void): string | undefined {
  if (typeof body !== 'string') return undefined;
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    return undefined;
  }
  const holder = { value };
  change(holder);
  try {
    return JSON.stringify(holder.value);
  } catch {
    // Too deep to re-encode (a body nested 10,000 levels): send it as it came.
    return undefined;
  }
}

/** Applies a mutation; one that has nothing to act on (no JSON body, no path segment) leaves the request as it was. */
export function applyMutation(request: FuzzRequest, m: Mutation): FuzzRequest {
  const next: FuzzRequest = { ...request, headers: { ...request.headers } };
  switch (m.kind) {
    case 'set':
    case 'delete':
    case 'add': {
      const text = mutateBody(request.body, (holder) => {
        const all = places(holder.value);
        const place = all[m.at % all.length]!;
        if ('root' in place) {
          if (m.kind === 'set') holder.value = materialize(m.value);
          else if (m.kind === 'add' && typeof holder.value === 'object' && holder.value !== null)
            Object.defineProperty(holder.value, m.key, { value: materialize(m.value), enumerable: true, configurable: true, writable: true });
          else if (m.kind === 'delete') holder.value = {};
          return;
        }
        const { parent, key: at } = place;
        if (m.kind === 'set') (parent as Record<string | number, unknown>)[at] = materialize(m.value);
        else if (m.kind === 'delete') {
          if (Array.isArray(parent)) parent.splice(at as number, 1);
          else delete parent[at as string];
        } else {
          const target = (parent as Record<string | number, unknown>)[at];
          // defineProperty: a plain assignment of "__proto__" would set the prototype instead of adding the key.
          if (typeof target === 'object' && target !== null)
            Object.defineProperty(target, m.key, { value: materialize(m.value), enumerable: true, configurable: true, writable: true });
        }
      });
      if (text !== undefined) next.body = text;
      return next;
    }
    case 'raw-body':
      next.body = materialize(m.text) as string;
      next.headers['content-type'] ??= 'application/json';
      return next;
    case 'bytes-body':
      next.body = Uint8Array.from(m.bytes);
      return next;
    case 'content-type':
      if (m.value === undefined) delete next.headers['content-type'];
      else next.headers['content-type'] = m.value;
      return next;
    case 'path-segment': {
      const [pathname = '', query] = request.path.split('?');
      const segments = pathname.split('/');
      const index = 1 + (m.at % Math.max(1, segments.length - 1));
      segments[index] = m.value;
      next.path = segments.join('/') + (query === undefined ? '' : `?${query}`);
      return next;
    }
    case 'query': {
      const separator = request.path.includes('?') ? '&' : '?';
      next.path = `${request.path}${separator}${encodeURIComponent(m.key).replaceAll('%5B', '[').replaceAll('%5D', ']')}=${m.value.startsWith('%') ? m.value : encodeURIComponent(m.value)}`;
      return next;
    }
    case 'header':
      if (m.value === undefined) delete next.headers[m.name];
      else next.headers[m.name] = m.value;
      return next;
  }
}
