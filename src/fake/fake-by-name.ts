import type { Faker } from '@faker-js/faker';

/** What a name rule may look at besides the name: the string's limits and the schema's descriptions. */
export interface NameHints {
  minLength: number | undefined;
  maxLength: number | undefined;
  patterns: string[];
  /** Lower-cased descriptions of the schema. */
  hints: string;
}

type Rule = [test: (name: string, raw: string) => boolean, make: (faker: Faker, hints: NameHints) => string];

const ends =
  (...suffixes: string[]) =>
  (name: string) =>
    suffixes.some((suffix) => name.endsWith(suffix));
const has =
  (...parts: string[]) =>
  (name: string) =>
    parts.some((part) => name.includes(part));
const is =
  (...names: string[]) =>
  (name: string) =>
    names.includes(name);

/** ISO 3166-1 alpha-3 when the schema says so by length, pattern or description; alpha-2 otherwise. */
function countryCode(faker: Faker, h: NameHints): string {
  const three = h.maxLength === 3 || h.minLength === 3 || /alpha-?3/.test(h.hints) || h.patterns.some((p) => /\{3\}/.test(p));
  return faker.location.countryCode(three ? 'alpha-3' : 'alpha-2');
}

function personName(faker: Faker, h: NameHints): string {
  if (/product|article|item/.test(h.hints)) return faker.commerce.productName();
  if (/company|organi[sz]ation|shop|supplier|vendor|merchant|store/.test(h.hints)) return faker.company.name();
  return faker.person.fullName();
}

// Order matters: the first rule whose test passes wins, so specific names come before general ones.
const RULES: Rule[] = [
  [has('email'), (f) => f.internet.email()],
  [ends('mail'), (f) => f.internet.email()],
  [has('username', 'login'), (f) => f.internet.username()],
  [has('firstname', 'givenname', 'forename'), (f) => f.person.firstName()],
  [has('lastname', 'familyname', 'surname'), (f) => f.person.lastName()],
  [has('middlename'), (f) => f.person.middleName()],
  [has('productname', 'articlename', 'itemname', 'producttitle'), (f) => f.commerce.productName()],
  [has('company', 'organization', 'organisation', 'shopname', 'suppliername', 'vendorname', 'merchantname', 'storename'), (f) => f.company.name()],
  [has('countrycode', 'countryiso'), countryCode],
  // A `country` with a pattern or a short limit is a code, not a name.
  [ends('country'), (f, h) => ((h.maxLength ?? 99) <= 3 || h.patterns.length > 0 ? countryCode(f, h) : f.location.country())],
  [ends('city', 'town'), (f) => f.location.city()],
  [has('streetaddress', 'addressline', 'address1', 'address2'), (f) => f.location.streetAddress()],
  [is('address'), (f) => f.location.streetAddress()],
  [has('housenumber', 'buildingnumber', 'streetnumber'), (f) => f.location.buildingNumber()],
  [has('street'), (f) => f.location.street()],
  [has('postcode', 'postalcode', 'zip'), (f) => f.location.zipCode()],
  [has('district', 'county'), (f) => f.location.county()],
  [ends('state', 'region', 'province'), (f, h) => f.location.state({ abbreviated: (h.maxLength ?? 99) <= 3 })],
  [has('phone', 'mobile', 'fax'), (f) => f.phone.number({ style: 'national' })],
  [has('currency'), (f) => f.finance.currencyCode()],
  [has('locale'), (f) => f.helpers.arrayElement(['en-US', 'en-GB', 'de-DE', 'de-AT', 'fr-FR'])],
  // ISO-639-1: two lower-case letters.
  [(n) => n.includes('language') || n === 'lang', (f) => f.location.language().alpha2],
  // Suffixes, not substrings: `security` holds `uri`.
  [ends('url', 'uri', 'href', 'link', 'website', 'homepage'), (f) => f.internet.url()],
  [(n) => n === 'ip' || n.endsWith('ipaddress') || n.endsWith('ipv4'), (f) => f.internet.ipv4()],
  [
    (n, raw) => /At$|Date$|Time$|^timestamp$|(^|_)(date|time)$/i.test(raw) || /^(created|modified|updated|changed|deleted)/.test(n),
    (f) => f.date.recent({ days: 90 }).toISOString(),
  ],
  [(n, raw) => n === 'id' || /(Id|ID|_id|uuid|guid)$/.test(raw), (f) => f.string.uuid()],
  [has('iban'), (f) => f.finance.iban()],
  [(n) => n === 'bic' || n.includes('swift'), (f) => f.finance.bic()],
  [has('password', 'secret'), (f) => f.internet.password()],
  [has('serial'), (f) => f.string.alphanumeric({ length: 11, casing: 'upper' })],
  [is('rel'), (f) => f.helpers.arrayElement(['self', 'next', 'prev', 'related'])],
  [
    (n) => n === 'sku' || n === 'number' || /(product|article|item|order|rma|invoice|reference|tracking|customer|return)(number|no|nr)$/.test(n),
    (f) => f.string.numeric({ length: 8, allowLeadingZeros: false }),
  ],
  [has('filename'), (f) => f.system.fileName()],
  [has('jobtitle'), (f) => f.person.jobTitle()],
  // Codes (`reasonCode`, `errorCode`) look like vendor constants, not prose.
  [ends('code'), (f) => `${f.string.alpha({ length: 3, casing: 'upper' })}${f.string.numeric(3)}`],
  [has('comment', 'description', 'note', 'remark', 'message', 'reason', 'summary', 'detail'), (f) => f.lorem.sentence()],
  [has('title', 'subject', 'label'), (f) => f.lorem.words({ min: 2, max: 4 })],
  [has('color', 'colour'), (f) => f.color.human()],
  [ends('name'), personName],
];

/** A realistic string for a property, chosen by its name (`email`, `lastName`, `countryCode`, ...); `undefined` when the name says nothing. */
export function fakeByName(faker: Faker, propertyName: string | undefined, hints: NameHints): string | undefined {
  if (propertyName === undefined) return undefined;
  const name = propertyName.toLowerCase().replace(/[^a-z0-9]/g, '');
  const rule = RULES.find(([test]) => test(name, propertyName));
  return rule?.[1](faker, hints);
}
