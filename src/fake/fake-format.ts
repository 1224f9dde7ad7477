import type { Faker } from '@faker-js/faker';

/** A date that fits the property: creation dates in the past year, modification dates recent, expiries ahead. */
function fakeDate(faker: Faker, propertyName: string | undefined): Date {
  const name = (propertyName ?? '').toLowerCase();
  if (/creat|birth|since|start|order/.test(name)) return faker.date.past({ years: 1 });
  if (/expir|until|due|end|deadline|valid/.test(name)) return faker.date.soon({ days: 60 });
  return faker.date.recent({ days: 90 });
}

const FORMATS: Record<string, (faker: Faker, propertyName: string | undefined) => string> = {
  // `toISOString` gives milliseconds and `Z`, the shape the vendors' own examples use.
  'date-time': (f, name) => fakeDate(f, name).toISOString(),
  date: (f, name) => fakeDate(f, name).toISOString().slice(0, 10),
  // RFC 3339 `full-time` needs an offset; ajv-formats' full mode insists on it.
  time: (f, name) => fakeDate(f, name).toISOString().slice(11),
  duration: (f) => `P${f.number.int({ min: 1, max: 30 })}D`,
  uuid: (f) => f.string.uuid(),
  email: (f) => f.internet.email(),
  'idn-email': (f) => f.internet.email(),
  uri: (f) => f.internet.url(),
  url: (f) => f.internet.url(),
  iri: (f) => f.internet.url(),
  'uri-reference': (f) => `/${f.lorem.slug(2)}`,
  'iri-reference': (f) => `/${f.lorem.slug(2)}`,
  'uri-template': (f) => `${f.internet.url({ appendSlash: true })}{id}`,
  hostname: (f) => f.internet.domainName(),
  'idn-hostname': (f) => f.internet.domainName(),
  ipv4: (f) => f.internet.ipv4(),
  ipv6: (f) => f.internet.ipv6(),
  byte: (f) => Buffer.from(f.lorem.words(3)).toString('base64'),
  binary: (f) => f.string.alphanumeric(16),
  password: (f) => f.internet.password(),
  'json-pointer': (f) => `/${f.lorem.word()}/${f.number.int({ min: 0, max: 9 })}`,
  'relative-json-pointer': (f) => `${f.number.int({ min: 0, max: 3 })}/${f.lorem.word()}`,
  regex: () => '^[A-Z]+$',
};

/** A string in a known `format` (`date-time`, `uuid`, `email`, ...); `undefined` for formats it does not know. */
export function fakeFormat(faker: Faker, format: string, propertyName?: string): string | undefined {
  return FORMATS[format]?.(faker, propertyName);
}
