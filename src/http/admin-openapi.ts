/**
 * The admin API described as OpenAPI 3.1, served at `GET /__admin/openapi.json`; `GET /__admin` lists its routes from it.
 * A test holds every mounted `/__admin` route to a path here, so the description cannot fall behind the routes.
 */

const json = (schema: object, description: string) => ({ description, content: { 'application/json': { schema } } });
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const problem = (description: string) => json(ref('Problem'), description);
const query = (name: string, description: string, schema: object = { type: 'string' }) => ({ name, in: 'query', required: false, description, schema });
const requestsAnswer = json(
  {
    type: 'object',
    required: ['requests', 'dropped'],
    properties: {
      requests: { type: 'array', items: ref('JournalEntry') },
      dropped: { type: 'integer', description: 'Entries dropped for --journal-limit or --journal-limit-bytes: they are not counted or found.' },
    },
  },
  'The matching journal entries, oldest first.',
);
const patternBody = {
  required: false,
  description: 'Every field given must hold; an empty pattern (or no body) matches every request.',
  content: { 'application/json': { schema: ref('RequestPattern') } },
};

export const ADMIN_OPENAPI = {
  openapi: '3.1.0',
  info: {
    title: 'returns-mock admin API',
    version: '1',
    description:
      'Steers a running returns-mock and reads what clients did: reset, state, fixtures, the request journal, request verification (WireMock-style), the contract report and the dashboard. Without --admin-token it answers only requests addressed to a loopback name; with one, every request must present it.',
  },
  servers: [{ url: '/__admin' }],
  security: [{}, { bearer: [] }, { adminTokenHeader: [] }, { adminTokenQuery: [] }],
  paths: {
    '/': {
      get: {
        operationId: 'listAdminRoutes',
        summary: 'The admin routes, from this document',
        responses: {
          '200': json(
            {
              type: 'object',
              required: ['name', 'routes'],
              properties: {
                name: { type: 'string' },
                openapi: { type: 'string' },
                routes: {
                  type: 'array',
                  items: {
                    type: 'object',
                    required: ['method', 'path', 'summary'],
                    properties: { method: { type: 'string' }, path: { type: 'string' }, summary: { type: 'string' } },
                  },
                },
              },
            },
            'The routes.',
          ),
        },
      },
    },
    '/openapi.json': {
      get: { operationId: 'getAdminOpenApi', summary: 'This document', responses: { '200': json({ type: 'object' }, 'The OpenAPI 3.1 document of the admin API.') } },
    },
    '/health': {
      get: {
        operationId: 'getHealth',
        summary: 'Liveness, with the vendors loaded',
        responses: {
          '200': json(
            {
              type: 'object',
              required: ['status', 'vendors'],
              properties: {
                status: { const: 'ok' },
                vendors: {
                  type: 'array',
                  items: {
                    type: 'object',
                    required: ['id', 'title', 'prefix', 'operations'],
                    properties: { id: { type: 'string' }, title: { type: 'string' }, prefix: { type: 'string' }, operations: { type: 'integer' } },
                  },
                },
              },
            },
            'The mock answers and these vendors are mounted.',
          ),
        },
      },
    },
    '/reset': {
      post: {
        operationId: 'reset',
        summary: 'Forget stored data: everything (journal, report counts and seeded draws too), one vendor, or one tenant',
        parameters: [query('vendor', 'Only this vendor'), query('tenant', 'Only this tenant of the vendor (needs vendor)')],
        responses: { '200': json({ type: 'object' }, 'What was reset.'), '400': problem('Unknown vendor, or tenant without vendor.') },
      },
    },
    '/state': { get: { operationId: 'getState', summary: 'The whole store, per vendor and tenant', responses: { '200': json({ type: 'object' }, 'The stored records.') } } },
    '/fixtures': {
      post: {
        operationId: 'loadFixtures',
        summary: 'Add reference data at run time',
        requestBody: {
          required: true,
          content: { 'application/json': { schema: { type: 'object', additionalProperties: { type: 'object' }, description: 'Vendor id to collections of records.' } } },
        },
        responses: {
          '200': json({ type: 'object' }, 'Records loaded per vendor and collection.'),
          '400': problem('Not JSON, unknown vendor or a bad fixture.'),
          '413': problem('Larger than --max-body.'),
        },
      },
    },
    '/journal': {
      get: {
        operationId: 'getJournal',
        summary: 'The journal entries kept (the dashboard polls it)',
        parameters: [
          query('client', 'Only this client'),
          query('vendor', 'Only this vendor'),
          query('operation', 'Only this operationId'),
          query('violations', 'Only entries with violations', { enum: ['true', 'false'] }),
          query('since', 'Only entries after this sequence number'),
          query('limit', 'At most this many, the newest'),
        ],
        responses: {
          '200': json(
            { type: 'object', required: ['entries', 'dropped'], properties: { entries: { type: 'array', items: ref('JournalEntry') }, dropped: { type: 'integer' } } },
            'The entries, oldest first.',
          ),
          '400': problem('A malformed filter.'),
        },
      },
      delete: {
        operationId: 'clearJournal',
        summary: 'Forget the journal, the report counts and the unmatched requests',
        responses: { '200': json({ type: 'object' }, 'Cleared.') },
      },
    },
    '/vendors': {
      get: {
        operationId: 'getVendorCoverage',
        summary: 'Each vendor’s operations with what all clients exercised',
        responses: { '200': json({ type: 'object' }, 'Coverage per vendor.') },
      },
    },
    '/report': {
      get: {
        operationId: 'getReport',
        summary: 'The contract report so far',
        parameters: [
          query('format', 'Report format', { enum: ['json', 'junit', 'md', 'html'] }),
          query('client', 'Only this client'),
          query('vendor', 'Only this vendor'),
          query('requireCoverage', 'Percent of the operations each client must exercise'),
          query('failOn', 'The lowest finding level that fails a verdict (default violation; usage findings never count)', { enum: ['violation', 'risk', 'notice'] }),
        ],
        responses: {
          '200': {
            description: 'The report in the format asked for (JSON by default; see docs/report.schema.json).',
            content: {
              'application/json': { schema: { type: 'object' } },
              'application/xml': { schema: { type: 'string' } },
              'text/markdown': { schema: { type: 'string' } },
              'text/html': { schema: { type: 'string' } },
            },
          },
          '400': problem('Unknown format or failOn, or a bad coverage.'),
        },
      },
    },
    '/rules': {
      get: {
        operationId: 'listRules',
        summary: 'Every rule a finding can name: code, vendor, level, source, description and citation',
        parameters: [query('vendor', 'Only this vendor’s rules and the engine’s (vendor *)')],
        responses: {
          '200': json({ type: 'array', items: ref('Rule') }, 'The rules, the engine’s (vendor *) first, then by vendor and code.'),
          '400': problem('A vendor that is not mounted.'),
        },
      },
    },
    '/ui': {
      get: {
        operationId: 'getDashboard',
        summary: 'The dashboard page',
        responses: { '200': { description: 'An HTML page.', content: { 'text/html': { schema: { type: 'string' } } } } },
      },
    },
    '/ui/': {
      get: {
        operationId: 'getDashboardSlash',
        summary: 'The dashboard page (with a trailing slash)',
        responses: { '200': { description: 'An HTML page.', content: { 'text/html': { schema: { type: 'string' } } } } },
      },
    },
    '/requests': {
      get: {
        operationId: 'listRequests',
        summary: 'The journal entries kept, request and answer, filtered',
        parameters: [
          query('client', 'Only this client'),
          query('vendor', 'Only this vendor'),
          query('operationId', 'Only this operation'),
          query('status', 'Only this answer status (0: no answer, after a reset or timeout fault)'),
          query('since', 'Only entries after this sequence number, or after this ISO date-time'),
          query('limit', 'At most this many, the newest'),
          query('violations', 'Only entries with violations', { enum: ['true', 'false'] }),
        ],
        responses: { '200': requestsAnswer, '400': problem('A malformed filter; `field` names it.') },
      },
    },
    '/requests/count': {
      post: {
        operationId: 'countRequests',
        summary: 'How many journalled requests match a pattern',
        requestBody: patternBody,
        responses: {
          '200': json({ type: 'object', required: ['count', 'dropped'], properties: { count: { type: 'integer' }, dropped: { type: 'integer' } } }, 'The count.'),
          '400': problem('A bad pattern; `field` names the field.'),
          '413': problem('Larger than --max-body.'),
        },
      },
    },
    '/requests/find': {
      post: {
        operationId: 'findRequests',
        summary: 'The journalled requests that match a pattern',
        requestBody: patternBody,
        responses: { '200': requestsAnswer, '400': problem('A bad pattern; `field` names the field.'), '413': problem('Larger than --max-body.') },
      },
    },
    '/requests/unmatched': {
      get: {
        operationId: 'listUnmatchedRequests',
        summary: 'Requests that matched no operation (404, 405), each with its near misses',
        responses: {
          '200': json(
            { type: 'object', required: ['requests', 'dropped'], properties: { requests: { type: 'array', items: ref('UnmatchedRequest') }, dropped: { type: 'integer' } } },
            'Oldest first.',
          ),
        },
      },
    },
  },
  components: {
    securitySchemes: {
      bearer: { type: 'http', scheme: 'bearer', description: 'The --admin-token.' },
      adminTokenHeader: { type: 'apiKey', in: 'header', name: 'x-admin-token' },
      adminTokenQuery: { type: 'apiKey', in: 'query', name: 'token' },
    },
    schemas: {
      Problem: {
        type: 'object',
        required: ['error'],
        properties: { error: { type: 'string' }, field: { type: 'string', description: 'The query parameter or pattern field at fault.' } },
      },
      RequestPattern: {
        type: 'object',
        additionalProperties: false,
        properties: {
          vendor: { type: 'string' },
          operationId: { type: 'string' },
          method: { type: 'string', description: 'Compared case-insensitively.' },
          path: { type: 'string', description: 'The path as sent, vendor prefix included; with a `?` the query too.' },
          pathPattern: { type: 'string', maxLength: 1000, description: 'A JavaScript regular expression the path (prefix included) must match.' },
          client: { type: 'string' },
          status: { type: 'integer', minimum: 0, maximum: 599 },
          bodyContains: { type: 'string', description: 'Text of the journalled (masked, possibly cut) request body.' },
          header: { type: 'object', additionalProperties: { type: 'string' }, description: 'Exact header values; credentials are journalled masked.' },
        },
      },
      Message: {
        type: 'object',
        required: ['headers'],
        properties: {
          method: { type: 'string' },
          path: { type: 'string' },
          query: { type: 'string' },
          status: { type: 'integer' },
          headers: { type: 'object', additionalProperties: { type: 'string' } },
          body: { type: 'string' },
          bodyEncoding: { const: 'base64' },
          bodyTruncated: { const: true },
        },
      },
      JournalEntry: {
        type: 'object',
        required: ['seq', 'time', 'client', 'vendor', 'operationId', 'method', 'request', 'status', 'response', 'durationMs', 'outcome', 'lenient', 'violations'],
        properties: {
          seq: { type: 'integer' },
          time: { type: 'string', format: 'date-time' },
          client: { type: 'string' },
          vendor: { type: 'string' },
          operationId: { type: ['string', 'null'] },
          method: { type: 'string' },
          pathTemplate: { type: ['string', 'null'] },
          request: ref('Message'),
          status: { type: 'integer', description: 'As response.status.' },
          response: ref('Message'),
          durationMs: { type: 'number', description: 'Injected delay included.' },
          outcome: { enum: ['answered', 'reset', 'timeout', 'malformed'] },
          lenient: { type: 'boolean' },
          scenario: { type: 'object' },
          violations: { type: 'array', items: ref('Finding'), description: 'Every finding of the exchange, each with its level and source.' },
        },
      },
      Finding: {
        type: 'object',
        required: ['code', 'level', 'source', 'location', 'pointer', 'message', 'specPointer', 'operationId'],
        properties: {
          code: { type: 'string', description: 'A registered rule’s code (GET /__admin/rules).' },
          level: { enum: ['violation', 'risk', 'notice', 'usage'] },
          source: { enum: ['vendor-doc', 'vendor-reference', 'platform', 'mock'] },
          location: { enum: ['path', 'query', 'header', 'body', 'security', 'state', 'response'] },
          pointer: { type: 'string' },
          message: { type: 'string' },
          specPointer: { type: 'string' },
          operationId: { type: 'string' },
          value: {},
          party: { enum: ['client', 'vendor'] },
        },
      },
      Rule: {
        type: 'object',
        required: ['code', 'vendor', 'level', 'source', 'description'],
        additionalProperties: false,
        properties: {
          code: { type: 'string' },
          vendor: { type: 'string', description: 'The vendor id, or * for the engine’s rules that apply to every vendor.' },
          level: { enum: ['violation', 'risk', 'notice', 'usage'] },
          source: { enum: ['vendor-doc', 'vendor-reference', 'platform', 'mock'] },
          description: { type: 'string' },
          cite: { type: 'string', description: 'Where the source says it.' },
          option: { type: 'string', description: 'The mock’s option the rule is raised under only (--strict-fixtures): asked for by the user.' },
        },
      },
      NearMiss: {
        type: 'object',
        required: ['vendor', 'operationId', 'method', 'path', 'distance', 'differences'],
        properties: {
          vendor: { type: 'string' },
          operationId: { type: 'string' },
          method: { type: 'string' },
          path: { type: 'string', description: 'The operation’s path template, prefix included.' },
          distance: { type: 'number', description: 'Lower is closer.' },
          differences: {
            type: 'array',
            items: {
              type: 'object',
              required: ['kind', 'expected', 'actual'],
              properties: {
                kind: { enum: ['method', 'prefix', 'path-segment', 'letter-case', 'trailing-slash', 'content-type'] },
                expected: { type: 'string' },
                actual: { type: 'string' },
              },
            },
          },
        },
      },
      UnmatchedRequest: {
        type: 'object',
        required: ['seq', 'time', 'client', 'vendor', 'status', 'method', 'path', 'query', 'nearMisses'],
        properties: {
          seq: { type: ['integer', 'null'], description: 'null: under no vendor prefix, not journalled.' },
          time: { type: 'string', format: 'date-time' },
          client: { type: 'string' },
          vendor: { type: ['string', 'null'] },
          status: { type: 'integer' },
          method: { type: 'string' },
          path: { type: 'string' },
          query: { type: 'string' },
          nearMisses: { type: 'array', items: ref('NearMiss') },
        },
      },
    },
  },
} as const;

/** One line per admin route, from the document: what `GET /__admin` answers. */
export function listAdminRoutes(): Array<{ method: string; path: string; summary: string }> {
  return Object.entries(ADMIN_OPENAPI.paths).flatMap(([path, item]) =>
    Object.entries(item as Record<string, { summary: string }>).map(([method, operation]) => ({
      method: method.toUpperCase(),
      path: `/__admin${path === '/' ? '' : path}`,
      summary: operation.summary,
    })),
  );
}
