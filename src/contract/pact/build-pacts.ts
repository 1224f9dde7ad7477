import type { JournalEntry } from '../journal-entry.js';
import { PACT_SPECIFICATION_VERSION, type PactFile } from './pact-file.js';
import { addAnswerValues, addRequestValues, type SessionValues } from './match-generated-values.js';
import { pactBody, toPactInteraction, type PactVendor } from './to-pact-interaction.js';
import { refuses } from '../../core/rules.js';

/** Why recorded exchanges did not become interactions, counted. */
export interface PactSkips {
  /** The request broke the vendor's contract (a contract must not teach it). */
  violations: number;
  /** No answer was recorded: an injected fault, or a journal written before answers were kept. */
  unanswered: number;
  /** The request matched no operation (404/405 from routing). */
  unmatched: number;
  /** A body was cut in the journal, so the exchange cannot be replayed as sent. */
  truncated: number;
  /** The vendor's spec is not known to the exporter. */
  unknownVendor: number;
}

export interface PactExport {
  /** One pact per client × vendor, in order of first appearance. */
  pacts: Array<{ fileName: string; pact: PactFile }>;
  skipped: PactSkips;
}

export interface PactExportOptions {
  client?: string;
  vendor?: string;
  /** Where the entries came from, written into each pact's metadata. */
  source: string;
}

/** Pact file names: `<consumer>-<provider>.json`, kept to safe characters. */
const fileNameOf = (client: string, vendor: string): string => `${`${client}-${vendor}`.replace(/[^A-Za-z0-9._-]+/g, '_')}.json`;

/**
 * Builds Pact v4 files from journal entries: consumer = the client's name, provider = the vendor's id, one interaction per
 * distinct operation × status the client exercised without a refusing finding (risks and notices were served as the vendor would; the first such exchange, answer as recorded).
 */
export function buildPacts(entries: readonly JournalEntry[], vendors: readonly PactVendor[], options: PactExportOptions): PactExport {
  const skipped: PactSkips = { violations: 0, unanswered: 0, unmatched: 0, truncated: 0, unknownVendor: 0 };
  const pacts = new Map<string, PactFile>();
  const seen = new Set<string>();
  const sessions = new Map<string, SessionValues>();
  for (const entry of entries) {
    if (options.client !== undefined && entry.client !== options.client) continue;
    if (options.vendor !== undefined && entry.vendor !== options.vendor) continue;
    const pactKey = JSON.stringify([entry.client, entry.vendor]);
    // Values from the client's earlier requests too: a GET answers what an earlier POST stored.
    const session = sessions.get(pactKey) ?? { sent: new Set<string>(), generated: new Set<string>() };
    sessions.set(pactKey, session);
    const requestBody = pactBody(entry.request.body, entry.request.bodyEncoding, entry.request.headers['content-type']);
    addRequestValues(session, entry.request.path, entry.request.query, requestBody?.encoded === false ? requestBody.content : undefined);
    const responseBody = entry.response === undefined ? undefined : pactBody(entry.response.body, entry.response.bodyEncoding, entry.response.headers['content-type']);
    const vendor = vendors.find((candidate) => candidate.vendor === entry.vendor);
    const operation = vendor?.operations.find((candidate) => candidate.operationId === entry.operationId);
    if (entry.violations.some(refuses) || entry.lenient) skipped.violations += 1;
    else if (entry.response === undefined || entry.outcome !== 'answered') skipped.unanswered += 1;
    else if (entry.operationId === null) skipped.unmatched += 1;
    else if (vendor === undefined || operation === undefined) skipped.unknownVendor += 1;
    else if (entry.request.bodyTruncated === true || entry.response.bodyTruncated === true) skipped.truncated += 1;
    else {
      const key = JSON.stringify([entry.client, entry.vendor, entry.operationId, entry.response.status]);
      if (seen.has(key)) {
        addAnswerValues(session, responseBody?.encoded === false ? responseBody.content : undefined);
        continue;
      }
      seen.add(key);
      let pact = pacts.get(pactKey);
      if (pact === undefined) {
        pact = {
          consumer: { name: entry.client },
          provider: { name: entry.vendor },
          interactions: [],
          metadata: { pactSpecification: { version: PACT_SPECIFICATION_VERSION }, 'returns-mock': { source: options.source } },
        };
        pacts.set(pactKey, pact);
      }
      pact.interactions.push(toPactInteraction(entry, operation, vendor, session));
    }
    addAnswerValues(session, responseBody?.encoded === false ? responseBody.content : undefined);
  }
  return { pacts: [...pacts.values()].map((pact) => ({ fileName: fileNameOf(pact.consumer.name, pact.provider.name), pact })), skipped };
}
