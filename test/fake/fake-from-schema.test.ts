import { describe, expect, it } from 'vitest';
import { createSeededFaker, fakeFromSchema } from '../../src/fake/index.js';
import type { SpecDocument } from '../../src/spec/load-spec.js';
import { inMemorySpec, matcherFor } from '../helpers/spec-tools.js';
import { createAjv } from '../../src/validate/create-ajv.js';

type Schemas = Record<string, unknown>;

interface Case {
  name: string;
  /** `Subject` is the schema faked; other entries are `$ref` targets. */
  schemas: Schemas;
  version?: '3.0' | '3.1';
  propertyName?: string;
  maxDepth?: number;
  /** Runs for every seed's value, after it validated. */
  check: (value: any) => void;
  /** Runs once over all seeds' values: things that hold across seeds (both enum members appear, ...). */
  checkAll?: (values: any[]) => void;
}

const SEEDS = Array.from({ length: 25 }, (_, i) => i + 1);

const specOfSchemas = (schemas: Schemas, version: '3.0' | '3.1'): SpecDocument => inMemorySpec({ components: { schemas } }, version);

const depthOf = (value: unknown): number => (typeof value === 'object' && value !== null ? 1 + Math.max(0, ...Object.values(value).map(depthOf)) : 0);

const ISO_MS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

const cases: Case[] = [
  {
    name: '$ref: a local reference is followed',
    schemas: {
      Subject: { $ref: '#/components/schemas/Target' },
      Target: { type: 'object', required: ['id'], properties: { id: { type: 'integer' } }, additionalProperties: false },
    },
    check: (v) => expect(Object.keys(v)).toEqual(['id']),
  },
  {
    name: '$ref: a recursive schema is bounded by maxDepth',
    maxDepth: 3,
    schemas: {
      Subject: { $ref: '#/components/schemas/Node' },
      Node: { type: 'object', required: ['label'], properties: { label: { type: 'string' }, children: { type: 'array', items: { $ref: '#/components/schemas/Node' } } } },
    },
    check: (v) => expect(depthOf(v)).toBeLessThanOrEqual(4),
    checkAll: (values) => expect(values.some((v) => Array.isArray(v.children) && v.children.length > 0)).toBe(true),
  },
  { name: 'const', schemas: { Subject: { const: 'fixed' } }, check: (v) => expect(v).toBe('fixed') },
  {
    name: 'enum: one member, each member in turn',
    schemas: { Subject: { type: 'string', enum: ['RETURN', 'PICKUP', 'EXCHANGE'] } },
    check: (v) => expect(['RETURN', 'PICKUP', 'EXCHANGE']).toContain(v),
    checkAll: (values) => expect(new Set(values).size).toBe(3),
  },
  { name: 'enum: prefers a non-null member', schemas: { Subject: { type: ['string', 'null'], enum: [null, 'X'] } }, check: (v) => expect(v).toBe('X') },
  { name: 'type: array of types prefers non-null', schemas: { Subject: { type: ['null', 'integer'] } }, check: (v) => expect(Number.isInteger(v)).toBe(true) },
  { name: 'type: OpenAPI 3.0 nullable prefers a value', version: '3.0', schemas: { Subject: { type: 'string', nullable: true } }, check: (v) => expect(typeof v).toBe('string') },
  { name: 'type: boolean', schemas: { Subject: { type: 'boolean' } }, check: (v) => expect(typeof v).toBe('boolean'), checkAll: (values) => expect(new Set(values).size).toBe(2) },
  {
    name: 'allOf: parts merge, required from every part',
    schemas: {
      Subject: {
        allOf: [{ $ref: '#/components/schemas/Base' }, { type: 'object', required: ['extra'], properties: { extra: { type: 'string', minLength: 5 }, id: { minimum: 500 } } }],
      },
      Base: { type: 'object', required: ['id'], properties: { id: { type: 'integer', maximum: 600 } } },
    },
    check: (v) => {
      expect(v.id).toBeGreaterThanOrEqual(500);
      expect(v.id).toBeLessThanOrEqual(600);
      expect(v.extra.length).toBeGreaterThanOrEqual(5);
    },
  },
  {
    name: "allOf: additionalProperties false of one part forbids the other part's optional names",
    schemas: { Subject: { allOf: [{ type: 'object', properties: { a: { type: 'string' } }, additionalProperties: false }, { properties: { b: { type: 'string' } } }] } },
    check: (v) => expect(v).not.toHaveProperty('b'),
  },
  {
    name: 'anyOf: null alternative comes last',
    schemas: { Subject: { anyOf: [{ type: 'null' }, { type: 'string', format: 'email' }] } },
    check: (v) => expect(v).toMatch(/@/),
  },
  {
    name: 'oneOf: the first alternative that works',
    schemas: {
      Subject: { oneOf: [{ $ref: '#/components/schemas/Refund' }, { $ref: '#/components/schemas/Exchange' }] },
      Refund: { type: 'object', required: ['kind', 'amount'], properties: { kind: { const: 'REFUND' }, amount: { type: 'number', minimum: 1 } } },
      Exchange: { type: 'object', required: ['kind', 'sku'], properties: { kind: { const: 'EXCHANGE' }, sku: { type: 'string' } } },
    },
    check: (v) => expect(v.kind).toBe('REFUND'),
  },
  {
    name: 'oneOf: a value that would match a second alternative is drawn again',
    // Every integer is also a number, so the first alternative can never be the only match: a non-integer must come out.
    schemas: { Subject: { oneOf: [{ type: 'integer' }, { type: 'number' }] } },
    check: (v) => expect(Number.isInteger(v)).toBe(false),
  },
  {
    name: 'oneOf with discriminator: the property names the chosen alternative',
    schemas: {
      Subject: {
        oneOf: [{ $ref: '#/components/schemas/Cat' }, { $ref: '#/components/schemas/Dog' }],
        discriminator: { propertyName: 'petType', mapping: { cat: '#/components/schemas/Cat' } },
      },
      Cat: { type: 'object', required: ['petType', 'meows'], properties: { petType: { type: 'string' }, meows: { type: 'boolean' } } },
      Dog: { type: 'object', required: ['petType', 'barks'], properties: { petType: { type: 'string' }, barks: { type: 'boolean' } } },
    },
    check: (v) => expect(v.petType).toBe('cat'),
  },
  {
    name: 'if/then: WriteApproval needs a comment when NOT_APPROVED',
    schemas: {
      Subject: {
        type: 'object',
        required: ['status'],
        properties: { status: { type: 'string', enum: ['APPROVED', 'NOT_APPROVED'] }, comment: { type: 'string' }, code: { type: 'string' } },
        if: { required: ['status'], properties: { status: { const: 'NOT_APPROVED' } } },
        // `code` is an ordinary string: only honouring `then` makes it `R1`.
        then: { required: ['comment', 'code'], properties: { code: { const: 'R1' } } },
      },
    },
    check: (v) => {
      if (v.status === 'NOT_APPROVED') {
        expect(typeof v.comment).toBe('string');
        expect(v.code).toBe('R1');
      }
    },
    checkAll: (values) => expect(new Set(values.map((v) => v.status))).toEqual(new Set(['APPROVED', 'NOT_APPROVED'])),
  },
  {
    name: 'if/then/else: the else branch is honoured too',
    schemas: {
      Subject: {
        type: 'object',
        required: ['kind', 'ref'],
        properties: { kind: { enum: ['A', 'B'] }, ref: { type: 'string' } },
        if: { properties: { kind: { const: 'A' } } },
        then: { properties: { ref: { pattern: '^A-\\d{3}$' } } },
        else: { properties: { ref: { pattern: '^B-\\d{3}$' } } },
      },
    },
    check: (v) => expect(v.ref).toMatch(new RegExp(`^${v.kind}-\\d{3}$`)),
  },
  { name: 'not', schemas: { Subject: { enum: ['a', 'b', 'c'], not: { const: 'a' } } }, check: (v) => expect(v).not.toBe('a') },
  { name: 'format date-time: ISO with milliseconds and Z', schemas: { Subject: { type: 'string', format: 'date-time' } }, check: (v) => expect(v).toMatch(ISO_MS) },
  { name: 'format date', schemas: { Subject: { type: 'string', format: 'date' } }, check: (v) => expect(v).toMatch(/^\d{4}-\d{2}-\d{2}$/) },
  { name: 'format time', schemas: { Subject: { type: 'string', format: 'time' } }, check: (v) => expect(v).toMatch(/^\d{2}:\d{2}:\d{2}\.\d{3}Z$/) },
  {
    name: 'format uuid',
    schemas: { Subject: { type: 'string', format: 'uuid' } },
    check: (v) => expect(v).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/),
  },
  { name: 'format email', schemas: { Subject: { type: 'string', format: 'email' } }, check: (v) => expect(v).toMatch(/^[^@]+@[^@]+\.[a-z]+$/i) },
  { name: 'format uri', schemas: { Subject: { type: 'string', format: 'uri' } }, check: (v) => expect(v).toMatch(/^https?:\/\//) },
  { name: 'format url', schemas: { Subject: { type: 'string', format: 'url' } }, check: (v) => expect(v).toMatch(/^https?:\/\//) },
  { name: 'format hostname', schemas: { Subject: { type: 'string', format: 'hostname' } }, check: (v) => expect(v).toMatch(/\./) },
  { name: 'format ipv4', schemas: { Subject: { type: 'string', format: 'ipv4' } }, check: (v) => expect(v.split('.')).toHaveLength(4) },
  { name: 'format ipv6', schemas: { Subject: { type: 'string', format: 'ipv6' } }, check: (v) => expect(v).toMatch(/:/) },
  { name: 'format byte: base64', schemas: { Subject: { type: 'string', format: 'byte' } }, check: (v) => expect(Buffer.from(v, 'base64').toString('base64')).toBe(v) },
  {
    name: 'format int32: modest positive by default',
    schemas: { Subject: { type: 'integer', format: 'int32' } },
    check: (v) => {
      expect(Number.isInteger(v)).toBe(true);
      expect(v).toBeGreaterThanOrEqual(1);
      expect(v).toBeLessThanOrEqual(100_000);
    },
  },
  {
    name: 'format int32: range respected',
    schemas: { Subject: { type: 'integer', format: 'int32', minimum: 2_147_483_000 } },
    check: (v) => expect(v).toBeLessThanOrEqual(2 ** 31 - 1),
  },
  {
    name: 'format int64: a safe integer',
    schemas: { Subject: { type: 'integer', format: 'int64', minimum: 2 ** 40 } },
    check: (v) => expect(Number.isSafeInteger(v) && v >= 2 ** 40).toBe(true),
  },
  {
    name: 'minLength/maxLength',
    schemas: { Subject: { type: 'string', minLength: 30, maxLength: 40 } },
    check: (v) => {
      expect(v.length).toBeGreaterThanOrEqual(30);
      expect(v.length).toBeLessThanOrEqual(40);
    },
  },
  { name: 'maxLength 0', schemas: { Subject: { type: 'string', maxLength: 0 } }, check: (v) => expect(v).toBe('') },
  {
    name: 'pattern: classes and quantifiers (faker fromRegExp)',
    schemas: { Subject: { type: 'string', pattern: '^[a-f0-9]{6}$' } },
    check: (v) => expect(v).toMatch(/^[a-f0-9]{6}$/),
  },
  {
    name: 'pattern: escapes and groups',
    schemas: { Subject: { type: 'string', pattern: '^[A-Z]{2}-\\d{4}(-[A-Z])?$' } },
    check: (v) => expect(v).toMatch(/^[A-Z]{2}-\d{4}(-[A-Z])?$/),
  },
  { name: 'pattern: alternation', schemas: { Subject: { type: 'string', pattern: '^(RET|PICK)[0-9]{3}$' } }, check: (v) => expect(v).toMatch(/^(RET|PICK)\d{3}$/) },
  { name: 'pattern: lookahead met by retrying', schemas: { Subject: { type: 'string', pattern: '^(?=.*\\d)[a-z0-9]{8}$' } }, check: (v) => expect(v).toMatch(/\d/) },
  {
    name: 'pattern with minLength',
    schemas: { Subject: { type: 'string', pattern: '^[a-z]+$', minLength: 12, maxLength: 14 } },
    check: (v) => expect(v).toMatch(/^[a-z]{12,14}$/),
  },
  {
    name: 'pattern unanchored: a realistic value that contains a match',
    propertyName: 'email',
    schemas: { Subject: { type: 'string', pattern: '@' } },
    check: (v) => expect(v).toMatch(/^[^@]+@[^@]+$/),
  },
  {
    name: 'number: minimum/maximum',
    schemas: { Subject: { type: 'number', minimum: 0.5, maximum: 0.7 } },
    check: (v) => {
      expect(v).toBeGreaterThanOrEqual(0.5);
      expect(v).toBeLessThanOrEqual(0.7);
    },
  },
  {
    name: 'integer: exclusiveMinimum/exclusiveMaximum (2020-12)',
    schemas: { Subject: { type: 'integer', exclusiveMinimum: 10, exclusiveMaximum: 13 } },
    check: (v) => expect([11, 12]).toContain(v),
  },
  {
    name: 'integer: boolean exclusives (OpenAPI 3.0)',
    version: '3.0',
    schemas: { Subject: { type: 'integer', minimum: 5, exclusiveMinimum: true, maximum: 7, exclusiveMaximum: true } },
    check: (v) => expect(v).toBe(6),
  },
  { name: 'number: exclusive bounds', schemas: { Subject: { type: 'number', exclusiveMinimum: 0, exclusiveMaximum: 1 } }, check: (v) => expect(v > 0 && v < 1).toBe(true) },
  { name: 'integer: multipleOf', schemas: { Subject: { type: 'integer', multipleOf: 7 } }, check: (v) => expect(v % 7).toBe(0) },
  {
    name: 'number: decimal multipleOf passes an exact quotient test',
    schemas: { Subject: { type: 'number', multipleOf: 0.01, minimum: 0, maximum: 10 } },
    check: (v) => expect(v / 0.01).toBe(Math.trunc(v / 0.01)),
  },
  { name: 'number: negative range', schemas: { Subject: { type: 'integer', maximum: -5 } }, check: (v) => expect(v).toBeLessThanOrEqual(-5) },
  {
    name: 'array: 1 to 3 items by default',
    schemas: { Subject: { type: 'array', items: { type: 'string' } } },
    check: (v) => expect(v.length >= 1 && v.length <= 3).toBe(true),
  },
  {
    name: 'array: minItems/maxItems',
    schemas: { Subject: { type: 'array', items: { type: 'integer' }, minItems: 4, maxItems: 6 } },
    check: (v) => expect(v.length >= 4 && v.length <= 6).toBe(true),
  },
  {
    name: 'array: uniqueItems fills from a small enum',
    schemas: { Subject: { type: 'array', items: { enum: ['a', 'b', 'c'] }, minItems: 3, uniqueItems: true } },
    check: (v) => expect([...v].sort()).toEqual(['a', 'b', 'c']),
  },
  {
    name: 'array: prefixItems and contains',
    schemas: { Subject: { type: 'array', prefixItems: [{ type: 'string', format: 'date' }], items: { type: 'integer' }, contains: { const: 42 }, maxItems: 4 } },
    check: (v) => {
      expect(v[0]).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(v).toContain(42);
    },
  },
  {
    name: 'object: required always, most optional ones, additionalProperties false',
    schemas: {
      Subject: {
        type: 'object',
        required: ['a', 'b'],
        additionalProperties: false,
        properties: Object.fromEntries(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'].map((key) => [key, { type: 'string' }])),
      },
    },
    check: (v) => {
      expect(v).toHaveProperty('a');
      expect(v).toHaveProperty('b');
      expect(Object.keys(v).every((key) => 'abcdefgh'.includes(key))).toBe(true);
    },
    checkAll: (values) => {
      const optional = values.flatMap((v) => Object.keys(v).filter((key) => !'ab'.includes(key))).length;
      // Most, not all: well over half of the 6 × 25 optional slots, but not every one.
      expect(optional).toBeGreaterThan(6 * values.length * 0.6);
      expect(optional).toBeLessThan(6 * values.length);
    },
  },
  {
    name: 'object: readOnly and writeOnly are ignored',
    schemas: { Subject: { type: 'object', required: ['id', 'secret'], properties: { id: { type: 'integer', readOnly: true }, secret: { type: 'string', writeOnly: true } } } },
    check: (v) => expect(Object.keys(v).sort()).toEqual(['id', 'secret']),
  },
  {
    name: 'object: additionalProperties schema makes a map',
    schemas: { Subject: { type: 'object', additionalProperties: { type: 'integer', minimum: 1 } } },
    check: (v) => {
      expect(Object.keys(v).length).toBeGreaterThanOrEqual(1);
      expect(Object.values(v).every(Number.isInteger)).toBe(true);
    },
  },
  {
    name: 'object: patternProperties and minProperties',
    schemas: { Subject: { type: 'object', patternProperties: { '^x-[a-z]+$': { type: 'string' } }, additionalProperties: false, minProperties: 2 } },
    check: (v) => {
      expect(Object.keys(v).length).toBeGreaterThanOrEqual(2);
      expect(Object.keys(v).every((key) => /^x-[a-z]+$/.test(key))).toBe(true);
    },
  },
  {
    name: 'object: dependentRequired pulls in the dependent name',
    schemas: { Subject: { type: 'object', properties: { iban: { type: 'string' }, holder: { type: 'string' } }, dependentRequired: { iban: ['holder'] }, minProperties: 1 } },
    check: (v) => {
      if ('iban' in v) expect(typeof v.holder).toBe('string');
    },
  },
  {
    name: 'realistic values by property name',
    schemas: {
      Subject: {
        type: 'object',
        required: [
          'email',
          'firstName',
          'lastName',
          'company',
          'city',
          'streetName',
          'postCode',
          'countryCode',
          'country',
          'phone',
          'currency',
          'name',
          'productName',
          'comment',
          'language',
          'url',
          'href',
          'createdAt',
          'modifiedAt',
          'id',
        ],
        properties: {
          email: { type: 'string' },
          firstName: { type: 'string' },
          lastName: { type: 'string' },
          company: { type: 'string', maxLength: 100 },
          city: { type: 'string' },
          streetName: { type: 'string' },
          postCode: { type: 'string' },
          countryCode: { type: 'string', maxLength: 3, minLength: 3 },
          country: { type: 'string', pattern: '^[A-Z]{2}$' },
          phone: { type: 'string' },
          currency: { type: 'string' },
          name: { type: 'string' },
          productName: { type: 'string' },
          comment: { type: 'string', maxLength: 255 },
          language: { type: 'string', maxLength: 2 },
          url: { type: 'string' },
          href: { type: 'string' },
          createdAt: { type: 'string' },
          modifiedAt: { type: 'string', format: 'date-time' },
          id: { type: 'string' },
        },
      },
    },
    check: (v) => {
      expect(v.email).toMatch(/^[^@\s]+@[^@\s]+\.[a-z]+$/i);
      for (const key of ['firstName', 'lastName', 'city', 'name', 'productName']) expect(v[key]).toMatch(/^[A-Z]/);
      expect(v.countryCode).toMatch(/^[A-Z]{3}$/);
      expect(v.country).toMatch(/^[A-Z]{2}$/);
      expect(v.currency).toMatch(/^[A-Z]{3}$/);
      expect(v.language).toMatch(/^[a-z]{2}$/);
      expect(v.postCode).toMatch(/^\d/);
      expect(v.phone).toMatch(/\d{3}/);
      expect(v.url).toMatch(/^https?:\/\//);
      expect(v.href).toMatch(/^https?:\/\//);
      expect(v.createdAt).toMatch(ISO_MS);
      expect(v.modifiedAt).toMatch(ISO_MS);
      expect(v.id).toMatch(/^[0-9a-f-]{36}$/);
      expect(v.comment).toMatch(/\s/);
    },
  },
  {
    name: 'country code alpha-3 from the description',
    propertyName: 'countryCode',
    schemas: { Subject: { type: 'string', description: 'The ISO 3166-1 alpha-3 code for the country.' } },
    check: (v) => expect(v).toMatch(/^[A-Z]{3}$/),
  },
  { name: 'no type at all: still a value', schemas: { Subject: {} }, check: (v) => expect(v).toBeDefined() },
];

describe('fakeFromSchema', () => {
  it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const spec = specOfSchemas(c.schemas, c.version ?? '3.1');
    const validate = createAjv(spec).compile({ $ref: 'spec#/components/schemas/Subject' });
    const values = SEEDS.map((seed) => {
      const value = fakeFromSchema(
        spec.index,
        { $ref: '#/components/schemas/Subject' },
        { matches: matcherFor(spec), faker: createSeededFaker(seed), propertyName: c.propertyName, maxDepth: c.maxDepth },
      );
      expect({ seed, value, errors: validate(value) ? null : validate.errors }).toEqual({ seed, value, errors: null });
      c.check(value);
      return value;
    });
    c.checkAll?.(values);
  });

  it('reads the schema from `pointer` when none is given', () => {
    const spec = specOfSchemas({ Subject: { type: 'string', enum: ['only'] } }, '3.1');
    expect(fakeFromSchema(spec.index, undefined, { matches: matcherFor(spec), faker: createSeededFaker(1), pointer: '#/components/schemas/Subject' })).toBe('only');
  });
});

describe('fakeFromSchema on schemas nothing satisfies', () => {
  const impossible: Schemas = {
    RequiredCycle: { type: 'object', required: ['self'], properties: { self: { $ref: '#/components/schemas/RequiredCycle' } } },
    AllOfCycle: { allOf: [{ $ref: '#/components/schemas/AllOfCycle' }, { type: 'string' }] },
    False: false,
    InvalidPattern: { type: 'string', pattern: '([' },
    EmptyRange: { type: 'integer', minimum: 0.5, maximum: 0.7 },
    ShortDateTime: { type: 'string', format: 'date-time', maxLength: 10 },
    Contradiction: { allOf: [{ type: 'string' }, { type: 'integer' }] },
  };
  const impossibleSpec = inMemorySpec({ components: { schemas: impossible } });
  it.each(Object.keys(impossible))('%s: answers quickly and does not throw', (name) => {
    const started = performance.now();
    for (const seed of [1, 2, 3])
      fakeFromSchema(impossibleSpec.index, { $ref: `#/components/schemas/${name}` }, { matches: matcherFor(impossibleSpec), faker: createSeededFaker(seed) });
    expect(performance.now() - started).toBeLessThan(2000);
  });
});
