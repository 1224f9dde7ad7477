import { defineRules, type Rule } from './rules.js';
import { SCHEMA_RULES } from './schema-rules.js';

/** The platforms' documented defaults behind the notices (specs/README.md, "Findings: levels and sources"). */
const IGNORES_UNKNOWN_MEMBERS =
  "Json.NET (ASP.NET Web API) and System.Text.Json (ASP.NET Core) skip unknown members, XmlSerializer raises only its UnknownElement event; Spring Boot's Jackson has FAIL_ON_UNKNOWN_PROPERTIES off";
const IGNORES_UNBOUND_INPUT = 'ASP.NET and Spring model binding read only the query parameters and body an action binds; the rest of the request is never read';
const OPERATION_DOC = "the vendor's page, transcribed as the operation in specs/<vendor>.yaml";

/**
 * The engine's own rules, for every vendor (`vendor: '*'`): request validation against the spec, content negotiation,
 * credentials and the mock's controls. A vendor's `rules` may re-grade one of these codes for itself. The schema
 * keywords' rules (`request.body.maxLength`, …) are in {@link SCHEMA_RULES}.
 */
export const CORE_RULES = defineRules('*', {
  xmlListItemIgnored: {
    code: 'request.body.xml-element.ignored',
    level: 'notice',
    source: 'platform',
    description: 'An XML list holds an element not named as its items: the XML serializer skips it, so the item is lost without an error.',
    cite: 'XmlSerializer.UnknownElement event (learn.microsoft.com): "By default, after calling Deserialize, the XmlSerializer ignores XML elements of unknown types"',
  },
  pathUnknown: {
    code: 'request.path.unknown',
    level: 'violation',
    source: 'platform',
    description: 'No operation of the vendor has this path: answered 404.',
    cite: 'RFC 9110 section 15.5.5 (404 Not Found)',
  },
  methodNotAllowed: {
    code: 'request.method.not-allowed',
    level: 'violation',
    source: 'platform',
    description: 'The path exists but not with this method: answered 405 with an Allow header.',
    cite: 'RFC 9110 section 15.5.6 (405 Method Not Allowed)',
  },
  securityMissing: {
    code: 'request.security.missing',
    level: 'violation',
    source: 'vendor-doc',
    description: "No alternative of the operation's security requirement is met by a well-formed credential: answered 401.",
    cite: "the vendor page's authentication section, transcribed as securitySchemes in specs/<vendor>.yaml",
  },
  acceptUnsatisfiable: {
    code: 'request.header.accept',
    level: 'violation',
    source: 'platform',
    description: 'The Accept header allows none of the media types the operation answers in: answered 406.',
    cite: 'RFC 9110 section 12.5.1 (Accept) and 15.5.7 (406 Not Acceptable)',
  },
  contentTypeUnsupported: {
    code: 'request.header.content-type',
    level: 'violation',
    source: 'platform',
    description: 'The body comes without a Content-Type, or in one the operation does not read: answered 415.',
    cite: 'RFC 9110 section 15.5.16 (415 Unsupported Media Type)',
  },
  bodyMissing: {
    code: 'request.body.missing',
    level: 'violation',
    source: 'vendor-doc',
    description: 'The operation requires a request body and none was sent.',
    cite: OPERATION_DOC,
  },
  bodyMalformed: {
    code: 'request.body.malformed',
    level: 'violation',
    source: 'platform',
    description: 'The body cannot be read as its Content-Type says (not UTF-8, not JSON, not well-formed XML or the wrong root element).',
    cite: "RFC 9110 section 15.5.1 (400 Bad Request); the platform's JSON and XML formatters refuse an unreadable body",
  },
  bodyTooLarge: {
    code: 'request.body.too-large',
    level: 'usage',
    source: 'mock',
    description: "The body is larger than --max-body: refused (413) to protect the mock, never counted against the client's contract.",
  },
  undeclaredCredential: {
    code: 'security.credential.undeclared',
    level: 'usage',
    source: 'mock',
    description:
      "Under --auth strict, a well-formed credential the fixtures do not declare is refused with 401 (the option asks for it); never counted against the client's contract.",
  },
  requestUnreadable: {
    code: 'request.unreadable',
    level: 'violation',
    source: 'platform',
    description: "The request is refused before any operation sees it: a head HTTP's parser cannot read, a timeout, an unsupported Expect or CONNECT.",
    cite: 'RFC 9112 (message syntax) and RFC 9110 sections 10.1.1 (Expect), 9.3.6 (CONNECT), 15.5.9 (408)',
  },
  bodyUnknownProperty: {
    code: 'request.body.unknown-property',
    level: 'notice',
    source: 'platform',
    description: 'The body carries a property its schema does not declare (a misspelt optional field?): the vendor ignores it silently.',
    cite: IGNORES_UNKNOWN_MEMBERS,
  },
  queryUndeclared: {
    code: 'request.query.undeclared',
    level: 'notice',
    source: 'platform',
    description: 'The query names a parameter the operation does not declare (a misspelt one?): the vendor ignores it silently.',
    cite: IGNORES_UNBOUND_INPUT,
  },
  bodyUnexpected: {
    code: 'request.body.unexpected',
    level: 'notice',
    source: 'platform',
    description: 'A body was sent to an operation that takes none: the vendor ignores it silently.',
    cite: IGNORES_UNBOUND_INPUT,
  },
  preferInvalid: {
    code: 'mock.prefer.invalid',
    level: 'usage',
    source: 'mock',
    description: "A Prefer preference of the mock (code, example, dynamic, delay, fault) has a value it cannot follow: answered 400, never counted against the client's contract.",
  },
  preferStatusUndocumented: {
    code: 'mock.prefer.status-undocumented',
    level: 'usage',
    source: 'mock',
    description: "Prefer (or a scenario rule) asks for a status the operation does not document: answered 400, never counted against the client's contract.",
  },
  preferExampleUnknown: {
    code: 'mock.prefer.example-unknown',
    level: 'usage',
    source: 'mock',
    description: "Prefer asks for an example the documented answer does not have: answered 400, never counted against the client's contract.",
  },
  responseStatusUndocumented: {
    code: 'response.status.undocumented',
    level: 'violation',
    source: 'vendor-doc',
    description: 'An answer carries a status the operation does not document.',
    cite: OPERATION_DOC,
  },
  responseHeaderMissing: {
    code: 'response.header.missing',
    level: 'violation',
    source: 'vendor-doc',
    description: 'An answer lacks a header its documented response requires.',
    cite: OPERATION_DOC,
  },
  responseBodyUndocumented: {
    code: 'response.body.undocumented',
    level: 'violation',
    source: 'vendor-doc',
    description: 'An answer carries a body where its documented response has none.',
    cite: OPERATION_DOC,
  },
  responseContentTypeUndocumented: {
    code: 'response.content-type.undocumented',
    level: 'violation',
    source: 'vendor-doc',
    description: 'An answer comes in a media type its documented response does not offer.',
    cite: OPERATION_DOC,
  },
  responseBodyUnreadable: {
    code: 'response.body.unreadable',
    level: 'violation',
    source: 'platform',
    description: "Proxy mode: the upstream's answer cannot be read as its Content-Type says.",
    cite: 'RFC 9110 section 8.3 (Content-Type)',
  },
  upstreamTimeout: {
    code: 'proxy.upstream.timeout',
    level: 'violation',
    source: 'platform',
    description: 'Proxy mode: the upstream did not answer in time; the client gets 504.',
    cite: 'RFC 9110 section 15.6.5 (504 Gateway Timeout)',
  },
  upstreamUnreachable: {
    code: 'proxy.upstream.unreachable',
    level: 'violation',
    source: 'platform',
    description: 'Proxy mode: the upstream could not be reached; the client gets 502.',
    cite: 'RFC 9110 section 15.6.3 (502 Bad Gateway)',
  },
  storeUnwritable: {
    code: 'mock.store.unwritable',
    level: 'usage',
    source: 'mock',
    description: "The mock's store cannot write or reach its database: answered 503; the mock's own trouble, never the client's.",
  },
  internalError: {
    code: 'mock.internal',
    level: 'usage',
    source: 'mock',
    description: "An unexpected error inside the mock: answered 500 and logged; a bug of the mock, never the client's.",
  },
});

/** Every rule of the engine: {@link CORE_RULES} and the schema keywords' {@link SCHEMA_RULES}. */
export const ENGINE_RULES: readonly Rule[] = [...Object.values(CORE_RULES), ...SCHEMA_RULES];
