/** One matcher of a Pact v4 matching rule (the subset returns-mock writes). */
export type PactMatcher = { match: 'type'; min?: number } | { match: 'regex'; regex: string } | { match: 'datetime' | 'date'; format: string };

/** Matchers for one location, keyed by a JSON path (`$.id`, `$.items[*].createdAt`) or a header/query name. */
export type PactMatchingRules = Record<string, { combine: 'AND'; matchers: PactMatcher[] }>;

export interface PactBody {
  content: unknown;
  contentType: string;
  encoded: false | 'base64';
}

/** A Pact v4 `Synchronous/HTTP` interaction. */
export interface PactInteraction {
  type: 'Synchronous/HTTP';
  description: string;
  pending: false;
  request: {
    method: string;
    path: string;
    query?: Record<string, string[]>;
    headers?: Record<string, string[]>;
    body?: PactBody;
    matchingRules?: { path?: { combine: 'AND'; matchers: PactMatcher[] }; header?: PactMatchingRules };
  };
  response: {
    status: number;
    headers?: Record<string, string[]>;
    body?: PactBody;
    matchingRules?: { body?: PactMatchingRules; header?: PactMatchingRules };
  };
  comments?: { text: string[] };
}

/** A Pact specification v4 file: one consumer, one provider. */
export interface PactFile {
  consumer: { name: string };
  provider: { name: string };
  interactions: PactInteraction[];
  metadata: { pactSpecification: { version: '4.0' }; 'returns-mock': { source: string } };
}

export const PACT_SPECIFICATION_VERSION = '4.0';
