import type { Rule } from './rules.js';
import type { ViolationLocation } from './violation.js';

/**
 * The JSON Schema keywords a finding can name (ajv's error keywords); any other keyword (ajv's `false schema`) is
 * reported under `schema`. A fixed list, so that every schema finding's code is registered before it is raised.
 */
export const SCHEMA_KEYWORDS = [
  'type',
  'enum',
  'const',
  'format',
  'pattern',
  'minLength',
  'maxLength',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'multipleOf',
  'required',
  'additionalProperties',
  'unevaluatedProperties',
  'minProperties',
  'maxProperties',
  'dependentRequired',
  'dependencies',
  'propertyNames',
  'minItems',
  'maxItems',
  'uniqueItems',
  'contains',
  'minContains',
  'maxContains',
  'additionalItems',
  'unevaluatedItems',
  'oneOf',
  'anyOf',
  'not',
  'then',
  'else',
  'discriminator',
  'schema',
] as const;

export type SchemaKeyword = (typeof SCHEMA_KEYWORDS)[number];

/** Where a schema finding arises: a request parameter or body (`request.<location>.<keyword>`), or an answer's body (`response.response.<keyword>`). */
export type SchemaSite = { side: 'request'; location: Exclude<ViolationLocation, 'security' | 'state' | 'response'> } | { side: 'response'; location: 'response' };

const SITES: readonly SchemaSite[] = [
  { side: 'request', location: 'path' },
  { side: 'request', location: 'query' },
  { side: 'request', location: 'header' },
  { side: 'request', location: 'body' },
  { side: 'response', location: 'response' },
];

const WHAT: Record<string, string> = {
  path: 'A path parameter',
  query: 'A query parameter',
  header: 'A header parameter',
  body: 'A request body value',
  response: "An answer's body value",
};

const rules = new Map<string, Rule>();
for (const site of SITES) {
  for (const keyword of SCHEMA_KEYWORDS) {
    const code = `${site.side}.${site.location}.${keyword}`;
    const description = `${WHAT[site.location]} breaks its schema's ${keyword === 'schema' ? 'rules' : `\`${keyword}\``}${keyword === 'required' ? ' (a required one is missing)' : ''}.`;
    rules.set(
      code,
      Object.freeze({
        code,
        vendor: '*',
        level: 'violation',
        source: 'vendor-doc',
        description,
        cite: "the vendor's page, transcribed as the operation's schema in specs/<vendor>.yaml",
      }),
    );
  }
}

/** Every schema keyword's rule at every site. */
export const SCHEMA_RULES: readonly Rule[] = [...rules.values()];

/** The rule of a schema finding: `request.body.maxLength`; a keyword outside {@link SCHEMA_KEYWORDS} falls under `schema`. */
export function schemaRule(site: SchemaSite, keyword: string): Rule {
  return rules.get(`${site.side}.${site.location}.${keyword}`) ?? rules.get(`${site.side}.${site.location}.schema`)!;
}
