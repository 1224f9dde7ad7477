import type { Faker } from '@faker-js/faker';
import { faker as germanFaker } from '@faker-js/faker/locale/de';
import { faker as englishFaker } from '@faker-js/faker/locale/en';

/** The instant faked dates are drawn around, so that "recent" and "past" dates do not depend on the clock. */
export const FAKE_REFERENCE_DATE = '2025-06-01T12:00:00.000Z';

/**
 * The package's main entry loads all of faker's ~70 locales (~90 ms of start-up); the two locale entries load only
 * theirs. Their prebuilt instances give the `Faker` class and each locale's definitions merged over its fallbacks
 * (en over base; de over en over base), which together look up exactly as the locale chain en, de, base.
 */
const FakerClass = englishFaker.constructor as typeof Faker;
const LOCALE_CHAIN = [englishFaker.rawDefinitions, germanFaker.rawDefinitions];

/**
 * A new faker instance (English, German for anything English lacks), seeded: never a shared instance,
 * because several vendors and tests fake data in one process and must not shift each other's sequences.
 * @example createSeededFaker(42).person.lastName() // the same name on every run
 */
export function createSeededFaker(seed: number): Faker {
  const faker = new FakerClass({ locale: LOCALE_CHAIN });
  faker.seed(seed);
  faker.setDefaultRefDate(FAKE_REFERENCE_DATE);
  return faker;
}
