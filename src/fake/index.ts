export { createSeededFaker, FAKE_REFERENCE_DATE } from './create-faker.js';
export { createKeyedUuid } from './keyed-uuid.js';
export { fakeFromSchema, type FakeOptions } from './fake-from-schema.js';
export { selectExample, selectSchemaExample, type ExampleSelection } from './select-example.js';
export type { Faker } from '@faker-js/faker';
