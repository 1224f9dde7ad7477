import type { Operation } from '../../core/operation.js';
import type { JournalEntry } from '../journal-entry.js';
import { matchGeneratedValues, type SessionValues } from './match-generated-values.js';
import type { PactBody, PactInteraction, PactMatchingRules } from './pact-file.js';

/** What a vendor's spec tells the exporter about an operation's request and response headers. */
export interface PactVendor {
  vendor: string;
  operations: readonly Operation[];
  /** Lower-case header names of the spec's apiKey schemes. */
  secretHeaders: readonly string[];
}

const isJson = (contentType: string | undefined): boolean => contentType !== undefined && /^application\/([\w.+-]*\+)?json\b/i.test(contentType);

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

export function pactBody(text: string | undefined, encoding: 'base64' | undefined, contentType: string | undefined): PactBody | undefined {
  if (text === undefined) return undefined;
  const type = contentType ?? 'application/octet-stream';
  if (encoding === 'base64') return { content: text, contentType: type, encoded: 'base64' };
  const json = isJson(contentType) ? parseJson(text) : undefined;
  return json === undefined ? { content: text, contentType: type, encoded: false } : { content: json, contentType: type, encoded: false };
}

/** The headers worth a contract: those the spec documents (and credentials, still masked), not transport or tooling noise. */
function pickHeaders(headers: Record<string, string>, wanted: ReadonlySet<string>): Record<string, string[]> | undefined {
  const picked = Object.entries(headers).filter(([name]) => wanted.has(name.toLowerCase()));
  return picked.length === 0 ? undefined : Object.fromEntries(picked.map(([name, value]) => [name.toLowerCase(), [value]]));
}

function queryOf(query: string): Record<string, string[]> | undefined {
  const params = new URLSearchParams(query);
  const result: Record<string, string[]> = {};
  for (const [name, value] of params) (result[name] ??= []).push(value);
  return Object.keys(result).length === 0 ? undefined : result;
}

/** A regex for the path template: path parameters (ids the mock made up) match any segment. */
function pathRegex(template: string): string {
  const escaped = template.split(/(\{[^}]+\})/).map((part) => (/^\{[^}]+\}$/.test(part) ? '[^/]+' : part.replace(/[.*+?^$()|[\]\\]/g, '\\$&')));
  return `^${escaped.join('')}$`;
}

/** A credential header keeps its scheme word in the journal (`Bearer ***`): the contract says which scheme, any token. */
function credentialRules(headers: Record<string, string[]> | undefined, secret: ReadonlySet<string>): PactMatchingRules | undefined {
  const rules: PactMatchingRules = {};
  for (const [name, [value]] of Object.entries(headers ?? {})) {
    if (!secret.has(name) || value === undefined) continue;
    const scheme = /^(\S+) /.exec(value)?.[1];
    rules[name] = { combine: 'AND', matchers: [{ match: 'regex', regex: scheme === undefined ? '^.+$' : `^${scheme} \\S+$` }] };
  }
  return Object.keys(rules).length === 0 ? undefined : rules;
}

/**
 * Turns one answered, violation-free journal entry into a Pact v4 HTTP interaction; `sent` holds the values the client
 * `session` holds the values the client
 * sent so far (an answer repeating one of them is not faked data).
 */
export function toPactInteraction(entry: JournalEntry, operation: Operation, vendor: PactVendor, session: SessionValues): PactInteraction {
  const secret = new Set(['authorization', 'proxy-authorization', ...vendor.secretHeaders]);
  const requestHeaderNames = new Set(['content-type', 'accept', ...secret, ...operation.parameters.filter((p) => p.in === 'header').map((p) => p.name.toLowerCase())]);
  const headers = pickHeaders(entry.request.headers, requestHeaderNames);
  const requestBody = pactBody(entry.request.body, entry.request.bodyEncoding, entry.request.headers['content-type']);
  const documented = operation.responses.find((response) => response.status === String(entry.response.status));
  const responseHeaderNames = new Set(['content-type', ...Object.keys(documented?.headers ?? {})]);
  const responseContentType = entry.response.headers['content-type'];
  const responseBody = pactBody(entry.response.body, entry.response.bodyEncoding, responseContentType);
  const bodyRules =
    responseBody !== undefined && isJson(responseContentType) && typeof responseBody.content !== 'string' ? matchGeneratedValues(responseBody.content, session) : {};
  const headerRules = credentialRules(headers, secret);
  const hasPathParameters = operation.pathTemplate.includes('{');
  return {
    type: 'Synchronous/HTTP',
    description: `${operation.operationId} → ${entry.response.status}`,
    pending: false,
    request: {
      method: entry.request.method,
      path: entry.request.path,
      ...(queryOf(entry.request.query) === undefined ? {} : { query: queryOf(entry.request.query) }),
      ...(headers === undefined ? {} : { headers }),
      ...(requestBody === undefined ? {} : { body: requestBody }),
      ...(hasPathParameters || headerRules !== undefined
        ? {
            matchingRules: {
              ...(hasPathParameters ? { path: { combine: 'AND' as const, matchers: [{ match: 'regex' as const, regex: pathRegex(operation.pathTemplate) }] } } : {}),
              ...(headerRules === undefined ? {} : { header: headerRules }),
            },
          }
        : {}),
    },
    response: {
      status: entry.response.status,
      ...(pickHeaders(entry.response.headers, responseHeaderNames) === undefined ? {} : { headers: pickHeaders(entry.response.headers, responseHeaderNames) }),
      ...(responseBody === undefined ? {} : { body: responseBody }),
      ...(Object.keys(bodyRules).length === 0 ? {} : { matchingRules: { body: bodyRules } }),
    },
    comments: { text: [`Recorded by returns-mock: journal entry ${entry.seq} at ${entry.time}.`] },
  };
}
