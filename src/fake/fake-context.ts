import type { Faker } from '@faker-js/faker';
import type { SchemaMatcher } from '../core/schema-matcher.js';
import type { SpecIndex } from '../spec/spec-index.js';

/** What every step of one `fakeFromSchema` call shares: the document, the faker, how deep it is and how much retrying is left. */
export interface FakeContext {
  spec: SpecIndex;
  faker: Faker;
  /** The spec's schema check (built in `validate/`): a faked value is drawn again while it fails. */
  matches: SchemaMatcher;
  maxDepth: number;
  /** Nesting of objects and arrays so far (the root value is 0). */
  depth: number;
  /** The property (or, for array items, the singular of the array's property) being faked, for realistic values. */
  propertyName: string | undefined;
  /** Shared across the whole call, so a schema nobody can satisfy costs a bounded amount of work. */
  budget: { retries: number };
}

/** Fakes a value for a raw (sub)schema; passed down so that object and array fakers need not import the dispatcher. */
export type FakeChild = (schema: unknown, context: FakeContext) => unknown;
