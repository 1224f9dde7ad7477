import type { Exchange } from '../core/exchange.js';
import type { HttpResponse } from '../core/http.js';
import { identifyClient } from './identify-client.js';
import { MAX_JOURNAL_BODY_CHARS, type ExchangeOutcome, type JournalEntry, type JournalFinding, type JournalRequest, type JournalResponse } from './journal-entry.js';
import { maskRequestParts, redactText, redactValue } from './mask-secrets.js';
import type { VendorCatalogue } from './vendor-catalogue.js';

/** The parts of an engine exchange the journal records (the engine's `Exchange` fits it). */
export type RecordedExchange = Pick<Exchange, 'vendor' | 'operationId' | 'request' | 'violations' | 'lenient' | 'scenario'> & {
  response: Pick<Exchange['response'], 'status'> & Partial<Pick<Exchange['response'], 'headers' | 'body'>>;
  /** The engine's time, used when no {@link Delivery} says how long the whole exchange took. */
  durationMs?: number;
  proxied?: Pick<NonNullable<Exchange['proxied']>, 'upstream' | 'failed'>;
};

/** How the answer actually left the mock: after any injected delay, whole, cut (`malformed`) or not at all (`reset`, `timeout`). */
export interface Delivery {
  outcome: ExchangeOutcome;
  durationMs: number;
  /** What was sent; absent when nothing was (`reset`, `timeout`). */
  response?: HttpResponse;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

function bodyOf(bytes: Uint8Array | string | undefined, secrets: readonly string[]): Pick<JournalRequest, 'body' | 'bodyEncoding' | 'bodyTruncated'> {
  if (bytes === undefined || bytes.length === 0) return {};
  let text: string;
  let encoding: 'base64' | undefined;
  try {
    text = redactText(typeof bytes === 'string' ? bytes : utf8.decode(bytes), secrets);
  } catch {
    text = Buffer.from(bytes as Uint8Array).toString('base64');
    encoding = 'base64';
  }
  const truncated = text.length > MAX_JOURNAL_BODY_CHARS;
  return {
    body: truncated ? text.slice(0, MAX_JOURNAL_BODY_CHARS) : text,
    ...(encoding === undefined ? {} : { bodyEncoding: encoding }),
    ...(truncated ? { bodyTruncated: true as const } : {}),
  };
}

/** The answer the client received, masked like the request: `Set-Cookie` and the spec's apiKey headers, and any request secret echoed back. */
function responseOf(response: RecordedExchange['response'] | undefined, secretHeaders: readonly string[], secrets: readonly string[]): JournalResponse {
  if (response === undefined) return { status: 0, headers: {} };
  const lowerCased = Object.fromEntries(Object.entries(response.headers ?? {}).map(([name, value]) => [name.toLowerCase(), value]));
  const masked = maskRequestParts(lowerCased, '', secretHeaders, []);
  const all = [...secrets, ...masked.secrets];
  return { status: response.status, headers: redactValue(masked.headers, all), ...bodyOf(response.body, all) };
}

/** Turns an exchange into a journal entry: client named, operation located, answer and outcome kept, every secret (and each of `knownSecrets`, the admin token) masked. */
export function toJournalEntry(
  exchange: RecordedExchange,
  seq: number,
  time: Date,
  catalogue: VendorCatalogue | undefined,
  delivery?: Delivery,
  knownSecrets: readonly string[] = [],
): JournalEntry {
  const masked = maskRequestParts(exchange.request.headers, exchange.request.query, catalogue?.secretHeaders ?? [], catalogue?.secretQuery ?? [], knownSecrets);
  const outcome = delivery?.outcome ?? exchange.scenario?.fault ?? 'answered';
  const response = responseOf(delivery === undefined ? exchange.response : delivery.response, catalogue?.secretHeaders ?? [], masked.secrets);
  const operation = catalogue?.operations.find((candidate) => candidate.operationId === exchange.operationId);
  return {
    seq,
    time: time.toISOString(),
    client: identifyClient(exchange.request.headers, catalogue?.clientHeaders, masked.secrets),
    vendor: exchange.vendor,
    operationId: exchange.operationId ?? null,
    method: exchange.request.method,
    pathTemplate: operation?.pathTemplate ?? null,
    request: {
      method: exchange.request.method,
      path: redactText(exchange.request.path, masked.secrets),
      query: redactText(masked.query, masked.secrets),
      headers: masked.headers,
      ...bodyOf(exchange.request.body, masked.secrets),
    },
    status: response.status,
    response,
    durationMs: Math.round((delivery?.durationMs ?? exchange.durationMs ?? 0) * 1000) / 1000,
    outcome,
    lenient: exchange.lenient === true,
    ...(exchange.scenario === undefined ? {} : { scenario: exchange.scenario }),
    // The engine grades every finding; one it did not (a bug the rule registry test catches) is recorded as gradeFindings would grade it.
    violations: redactValue(
      exchange.violations.map((finding): JournalFinding => ({ ...finding, level: finding.level ?? 'violation', source: finding.source ?? 'mock' })),
      masked.secrets,
    ),
    ...(exchange.proxied === undefined ? {} : { proxied: { upstream: redactText(exchange.proxied.upstream, masked.secrets), answered: !exchange.proxied.failed } }),
  };
}
