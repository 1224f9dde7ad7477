import type { Faker } from '@faker-js/faker';
import type { FlatSchema } from './flatten-schema.js';

type Preference = { min: number; max: number } | { pick: number[] };

const INT32: [number, number] = [-(2 ** 31), 2 ** 31 - 1];
const SAFE: [number, number] = [Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER];

// Modest, positive values unless the schema says otherwise; a name narrows them to something plausible.
const BY_NAME: Array<[RegExp, Preference]> = [
  [/^(status|statuscode|httpstatus)$/, { pick: [400, 401, 403, 404, 409, 422] }],
  [/quantity|qty|count$|pieces/, { min: 1, max: 10 }],
  [/position|line|index|sequence|sort|rank/, { min: 1, max: 20 }],
  [/year/, { min: 2015, max: 2030 }],
  [/month/, { min: 1, max: 12 }],
  [/day$/, { min: 1, max: 28 }],
  [/^page$|pagenumber/, { min: 1, max: 5 }],
  [/size$|limit|perpage/, { min: 10, max: 50 }],
  [/latitude|^lat$/, { min: -90, max: 90 }],
  [/longitude|^lng$|^lon$/, { min: -180, max: 180 }],
  [/weight/, { min: 0.1, max: 30 }],
  [/percent|rate|discount/, { min: 0, max: 100 }],
  [/price|amount|total|sum|cost|net|gross|tax|fee|value/, { min: 1, max: 500 }],
];

/** A number (or integer) within the schema's bounds and `multipleOf`, plausible for the property name. */
export function fakeNumber(faker: Faker, flat: FlatSchema, integer: boolean, propertyName: string | undefined): number {
  const [lo, hi] = schemaBounds(flat, integer);
  const name = (propertyName ?? '').toLowerCase().replace(/[^a-z0-9]/g, '');
  const preference: Preference = BY_NAME.find(([test]) => test.test(name))?.[1] ?? (integer ? { min: 1, max: 100_000 } : { min: 1, max: 1000 });
  const ok = (value: number) => value >= lo && value <= hi && (!integer || Number.isInteger(value)) && flat.multipleOf.every((m) => value / m === Math.trunc(value / m));
  if ('pick' in preference) {
    const picked = faker.helpers.arrayElement(preference.pick);
    if (ok(picked)) return picked;
  }
  let [min, max] = 'min' in preference ? [Math.max(lo, preference.min), Math.min(hi, preference.max)] : [Math.max(lo, 1), Math.min(hi, 100_000)];
  if (min > max) {
    // The plausible range misses the schema's: stay near whichever bound the schema gives.
    min = Number.isFinite(lo) ? lo : hi - 100;
    max = Number.isFinite(hi) ? Math.min(hi, min + 100_000) : min + 100_000;
  }
  if (flat.multipleOf.length > 0) return fakeMultiple(faker, flat.multipleOf, min, max, ok);
  // A range with no integer (or no room at all) cannot be met; answer its lower end rather than throw.
  if (integer) return Math.ceil(min) > Math.floor(max) ? Math.ceil(min) : faker.number.int({ min: Math.ceil(min), max: Math.floor(max) });
  if (min >= max) return min;
  const value = Math.ceil(min * 100) <= Math.floor(max * 100) ? faker.number.float({ min, max, fractionDigits: 2 }) : min;
  return ok(value) ? value : (min + max) / 2;
}

/** The closed range the schema allows; exclusive bounds step in by one for integers and by 0.01 for numbers. */
function schemaBounds(flat: FlatSchema, integer: boolean): [number, number] {
  const step = integer ? 1 : 0.01;
  let lo = Math.max(flat.minimum ?? -Infinity, flat.exclusiveMinimum === undefined ? -Infinity : flat.exclusiveMinimum + step);
  let hi = Math.min(flat.maximum ?? Infinity, flat.exclusiveMaximum === undefined ? Infinity : flat.exclusiveMaximum - step);
  if (integer) {
    // int32 is OpenAPI's default width for `integer`; int64 values stay exact JavaScript numbers.
    const [floor, ceiling] = flat.formats.includes('int64') ? SAFE : INT32;
    lo = Math.max(Math.ceil(lo), floor);
    hi = Math.min(Math.floor(hi), ceiling);
  }
  return [lo, hi];
}

/** A multiple of the (first) `multipleOf` in range; decimals are rounded so that ajv's exact quotient test passes. */
function fakeMultiple(faker: Faker, multiples: number[], min: number, max: number, ok: (value: number) => boolean): number {
  const step = multiples.reduce((a, b) => (Number.isInteger(a) && Number.isInteger(b) ? (a * b) / gcd(a, b) : Math.max(a, b)));
  const decimals = (String(step).split('.')[1] ?? '').length;
  const first = Math.ceil(min / step);
  const last = Math.max(first, Math.floor(max / step));
  let value = first * step;
  for (let attempt = 0; attempt < 16; attempt += 1) {
    value = Number((faker.number.int({ min: first, max: last }) * step).toFixed(decimals));
    if (ok(value)) return value;
  }
  // Whole multiples of a decimal step (1, 2, ...) divide exactly far more often than arbitrary ones.
  for (let k = first; k <= last && k < first + 1000; k += 1) {
    const candidate = Number((k * step).toFixed(decimals));
    if (ok(candidate)) return candidate;
  }
  return value;
}

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}
