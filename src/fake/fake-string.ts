import type { Faker } from '@faker-js/faker';
import type { SchemaMatcher } from '../core/schema-matcher.js';
import { fakeByName } from './fake-by-name.js';
import { fakeFormat } from './fake-format.js';
import type { FlatSchema } from './flatten-schema.js';
import { samplePattern } from './sample-pattern.js';
import { compilePattern, testPattern } from './test-pattern.js';

const PATTERN_ATTEMPTS = 24;
// Faker's own generator handles only classes and quantifiers; anything else goes to `samplePattern`.
const FAKER_REGEXP_SAFE = /^\^?(?:[^\\()|^$]|\[[^\]]*\])*\$?$/;

const codePoints = (value: string) => [...value].length;

/** A string satisfying the schema's format, pattern(s) and length, as realistic as its property name allows. */
export function fakeString(faker: Faker, flat: FlatSchema, propertyName: string | undefined, matches: SchemaMatcher): string {
  const { minLength = 0, maxLength, patterns, formats } = flat;
  const fits = (value: string) =>
    codePoints(value) >= minLength &&
    (maxLength === undefined || codePoints(value) <= maxLength) &&
    patterns.every((pattern) => testPattern(pattern, value)) &&
    formats.every((format) => matches({ type: 'string', format }, value));
  const realistic = () => {
    for (const format of formats) {
      const value = fakeFormat(faker, format, propertyName);
      if (value !== undefined) return value;
    }
    return fakeByName(faker, propertyName, { minLength, maxLength, patterns, hints: flat.hints }) ?? faker.lorem.word();
  };
  if (patterns.length === 0) {
    // A formatted value must not be cut; try a few draws for one that is short enough.
    if (formats.length > 0) {
      let value = realistic();
      for (let attempt = 0; attempt < 8 && !fits(value); attempt += 1) value = realistic();
      return fits(value) ? value : fitLength(faker, value, minLength, maxLength);
    }
    return fitLength(faker, realistic(), minLength, maxLength);
  }
  // A realistic value that happens to match (an email for an email pattern) beats a random draw from the regex;
  // so does one of its plainer spellings (`(526) 515-7323` → `5265157323` for a digits-only phone pattern).
  const first = realistic();
  const variants = [
    first,
    fitLength(faker, first, minLength, maxLength),
    first.replace(/[^\d+]/g, ''),
    first.replace(/[^\p{L}\p{N}]/gu, ''),
    first.toUpperCase(),
    first.toLowerCase(),
  ];
  const match = variants.find((variant) => variant !== '' && fits(variant));
  if (match !== undefined) return match;
  const pattern = patterns[0]!;
  // No string matches a pattern that is no valid regex (ajv refuses to compile it anyway).
  if (compilePattern(pattern) === null) return first;
  let candidate = first;
  for (let attempt = 0; attempt < PATTERN_ATTEMPTS; attempt += 1) {
    // More repetitions on later attempts, for patterns like `^.+$` that must reach a `minLength`.
    const extra = attempt < PATTERN_ATTEMPTS / 2 ? 3 : Math.max(3, minLength);
    candidate = attempt === 0 && FAKER_REGEXP_SAFE.test(pattern) ? (fromRegExp(faker, pattern) ?? '') : samplePattern(faker, pattern, extra);
    if (fits(candidate)) return candidate;
  }
  return candidate;
}

/** Faker's generator on a pattern without its anchors; `undefined` when faker rejects it (`{5,2}`). */
function fromRegExp(faker: Faker, pattern: string): string | undefined {
  try {
    return faker.helpers.fromRegExp(pattern.replace(/^\^/, '').replace(/\$$/, ''));
  } catch {
    return undefined;
  }
}

/** Cuts a value to `maxLength` or pads it with words to `minLength` (lengths in code points, as JSON Schema counts). */
function fitLength(faker: Faker, value: string, minLength: number, maxLength: number | undefined): string {
  let result = value;
  while (codePoints(result) < minLength) result = `${result} ${faker.lorem.word()}`.trimStart();
  if (maxLength !== undefined && codePoints(result) > maxLength) {
    result = [...result].slice(0, maxLength).join('');
    // A cut inside a sentence should not end on a space if the limit allows dropping it.
    const trimmed = result.trimEnd();
    if (codePoints(trimmed) >= minLength) result = trimmed;
  }
  return result;
}
