import { describe, expect, it } from 'vitest';
import { createSeededFaker } from '../../src/fake/index.js';
import { samplePattern } from '../../src/fake/sample-pattern.js';

// Patterns the sampler must meet on its own, without the caller's retry: no lookarounds or back-references.
const PATTERNS = [
  '^[a-z][a-z0-9]+$',
  '^[A-Z]{3}$',
  '^\\d{5}(-\\d{4})?$',
  '^(RET|PICK|EXCH)-[0-9]{2,4}$',
  '^\\+?[0-9 ]{6,20}$',
  '^[^\\s@]+@[^\\s@]+\\.[a-z]{2,}$',
  '^(?:[A-Z]{2})$',
  '^(?<year>\\d{4})-(?<month>0[1-9]|1[0-2])$',
  '^[\\w.-]+$',
  '^\\p{Lu}\\p{Ll}+$',
  '^[\\u0041-\\u0046]{2}\\x2D\\.$',
  '^a*b+c?d{2,}$',
  'ABC',
  '^[-a-z]{5}$',
];

describe('samplePattern', () => {
  it.each(PATTERNS)('%s', (pattern) => {
    const faker = createSeededFaker(1);
    const regex = new RegExp(pattern, 'u');
    for (let i = 0; i < 50; i += 1) {
      const value = samplePattern(faker, pattern);
      expect({ value, matches: regex.test(value) }).toEqual({ value, matches: true });
    }
  });

  it('draws characters uniformly, not ranges: `[0-9 ]` gives mostly digits', () => {
    const faker = createSeededFaker(2);
    const text = Array.from({ length: 200 }, () => samplePattern(faker, '^[0-9 ]$')).join('');
    expect(text.replace(/\d/g, '').length).toBeLessThan(50);
  });
});
