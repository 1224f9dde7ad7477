import { faker as globalFaker } from '@faker-js/faker';
import { describe, expect, it } from 'vitest';
import { createSeededFaker, FAKE_REFERENCE_DATE, fakeFromSchema } from '../../src/fake/index.js';
import { inMemorySpec, matcherFor } from '../helpers/spec-tools.js';

const doc = {
  components: {
    schemas: {
      Return: {
        type: 'object',
        required: ['id', 'createdAt', 'customer', 'positions'],
        properties: {
          id: { type: 'string', format: 'uuid' },
          createdAt: { type: 'string', format: 'date-time' },
          status: { enum: ['OPEN', 'ACCEPTED', 'REJECTED'] },
          customer: {
            type: 'object',
            required: ['email', 'lastName'],
            properties: { email: { type: 'string' }, firstName: { type: 'string' }, lastName: { type: 'string' }, countryCode: { type: 'string', maxLength: 2 } },
          },
          positions: { type: 'array', items: { type: 'object', properties: { sku: { type: 'string', pattern: '^[A-Z]{3}-\\d{4}$' }, quantity: { type: 'integer', minimum: 1 } } } },
        },
      },
    },
  },
};
const spec = inMemorySpec(doc);
const schema = { $ref: '#/components/schemas/Return' };
const fake = (seed: number) => fakeFromSchema(spec.index, schema, { matches: matcherFor(spec), faker: createSeededFaker(seed) });

describe('determinism', () => {
  it('gives the same value for the same seed', () => {
    expect(fake(7)).toEqual(fake(7));
  });

  it('gives the same sequence of values for the same seed and calls', () => {
    const run = () => {
      const faker = createSeededFaker(3);
      return [1, 2, 3].map(() => fakeFromSchema(spec.index, schema, { matches: matcherFor(spec), faker }));
    };
    const first = run();
    expect(run()).toEqual(first);
    // Consecutive calls on one faker move on: a list of faked returns is not one return repeated.
    expect(new Set(first.map((v) => JSON.stringify(v))).size).toBe(3);
  });

  it('gives different values for different seeds (usually)', () => {
    const distinct = new Set(Array.from({ length: 10 }, (_, i) => JSON.stringify(fake(i + 1))));
    expect(distinct.size).toBeGreaterThanOrEqual(9);
  });

  it('does not share state with other instances or the global faker', () => {
    const alone = fake(11);
    const other = createSeededFaker(99);
    const faker = createSeededFaker(11);
    globalFaker.seed(1);
    other.number.int();
    globalFaker.number.int();
    const interleaved = fakeFromSchema(spec.index, schema, { matches: matcherFor(spec), faker });
    expect(interleaved).toEqual(alone);
    expect(createSeededFaker(1)).not.toBe(globalFaker);
  });

  it('does not depend on the clock: dates are drawn around a fixed reference', () => {
    const faker = createSeededFaker(5);
    const date = faker.date.recent({ days: 30 });
    expect(date.getTime()).toBeLessThanOrEqual(Date.parse(FAKE_REFERENCE_DATE));
    expect(date.getTime()).toBeGreaterThan(Date.parse(FAKE_REFERENCE_DATE) - 31 * 86_400_000);
  });
});
