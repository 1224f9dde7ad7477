import type { Exchange } from '../core/exchange.js';
import { identifyClient } from './identify-client.js';
import { MAX_JOURNAL_BODY_CHARS, type JournalEntry, type JournalRequest } from './journal-entry.js';
import { maskRequestParts, redactText, redactValue } from './mask-secrets.js';
import type { VendorCatalogue } from './vendor-catalogue.js';

/** The parts of an engine exchange the journal records. */
export type RecordedExchange = Pick<Exchange, 'vendor' | 'operationId' | 'request' | 'violations' | 'lenient' | 'scenario'> & { proxied?: Pick<NonNullable<Exchange['proxied']>, 'upstream' | 'failed'> } & { response: Pick<Exchange['response'], 'status'> };

const utf8 = new TextDecoder('utf-8', { fatal: true });

function bodyOf(bytes: Uint8Array | undefined, secrets: readonly string[]): Pick<JournalRequest, 'body' | 'bodyEncoding' | 'bodyTruncated'> {
  if (bytes === undefined || bytes.length === 0) return {};
  let text: string;
  let encoding: 'base64' | undefined;
  try {
    text = redactText(utf8.decode(bytes), secrets);
  } catch {
    text = Buffer.from(bytes).toString('base64');
    encoding = 'base64';
  }
  const truncated = text.length > MAX_JOURNAL_BODY_CHARS;
  return { body: truncated ? text.slice(0, MAX_JOURNAL_BODY_CHARS) : text, ...(encoding === undefined ? {} : { bodyEncoding: encoding }), ...(truncated ? { bodyTruncated: true as const } : {}) };
}

/** Turns an exchange into a journal entry: client named, operation located, every secret masked. */
export function toJournalEntry(exchange: RecordedExchange, seq: number, time: Date, catalogue: VendorCatalogue | undefined): JournalEntry {
  const masked = maskRequestParts(exchange.request.headers, exchange.request.query, catalogue?.secretHeaders ?? [], catalogue?.secretQuery ?? []);
  const operation = catalogue?.operations.find((candidate) => candidate.operationId === exchange.operationId);
  return {
    seq,
    time: time.toISOString(),
    client: identifyClient(exchange.request.headers, catalogue?.clientHeaders),
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
    status: exchange.response.status,
    lenient: exchange.lenient === true,
    ...(exchange.scenario === undefined ? {} : { scenario: exchange.scenario }),
    violations: redactValue(exchange.violations, masked.secrets),
    ...(exchange.proxied === undefined ? {} : { proxied: { upstream: redactText(exchange.proxied.upstream, masked.secrets), answered: !exchange.proxied.failed } }),
  };
}
