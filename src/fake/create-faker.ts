import { base, de, en, Faker } from '@faker-js/faker';

/** The instant faked dates are drawn around, so that "recent" and "past" dates do not depend on the clock. */
export const FAKE_REFERENCE_DATE = '2025-06-01T12:00:00.000Z';

/**
 * A new faker instance (English, German for anything English lacks), seeded: never the shared global `faker`,
 * because several vendors and tests fake data in one process and must not shift each other's sequences.
 * @example createSeededFaker(42).person.lastName() // the same name on every run
 */
export function createSeededFaker(seed: number): Faker {
  const faker = new Faker({ locale: [en, de, base] });
  faker.seed(seed);
  faker.setDefaultRefDate(FAKE_REFERENCE_DATE);
  return faker;
}
