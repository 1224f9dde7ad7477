import { appendFileSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { HttpRequest } from '../core/http.js';
import type { ValidatedRequest } from '../core/request.js';
import type { VendorPlugin } from '../core/vendor-plugin.js';
import type { Violation } from '../core/violation.js';
import type { JournalEntry } from '../contract/journal-entry.js';
import { maskRequestParts, redactText, redactValue } from '../contract/mask-secrets.js';
import type { VendorCatalogue } from '../contract/vendor-catalogue.js';
import { refuses } from '../core/rules.js';

/** The parts of an engine exchange a recording needs (the engine's `Exchange` fits it). */
export interface RecordableExchange {
  vendor: string;
  operationId: string | undefined;
  request: HttpRequest;
  validated: ValidatedRequest | undefined;
  violations: readonly Violation[];
  proxied?: { upstream: string; status: number; headers: Record<string, string>; body: unknown; failed: boolean };
}

export interface SessionRecorder {
  /** Records a proxied exchange; an exchange the mock answered itself is not the upstream's and is skipped. */
  record(exchange: RecordableExchange, entry: JournalEntry): void;
}

/** The NDJSON file of the exchanges, beside the vendors' fixture folders. */
export const EXCHANGES_FILE = 'exchanges.ndjson';

/** Replaces a file whole: a reader (or a crash) sees the old or the new list, never half of one. */
function writeAtomically(file: string, text: string): void {
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, text);
  renameSync(temporary, file);
}

/**
 * Records a proxied session into `dir`: `dir/<vendor>/<collection>.json` as fixtures `--fixtures dir` reads (each a
 * list of records, ids as the upstream gave them, rewritten whole as records arrive) and `dir/exchanges.ndjson`, one
 * line per proxied exchange. Every secret of the request (credentials, apiKey parameters) is masked in both, and
 * `set-cookie` and other credential headers of the answer too. Only an answer that fits the spec, to a request that
 * does, becomes a fixture: a replay must never serve an answer its spec forbids.
 */
export function createSessionRecorder(dir: string, plugins: readonly VendorPlugin[], catalogues: readonly VendorCatalogue[]): SessionRecorder {
  mkdirSync(dir, { recursive: true });
  const exchangesFile = path.join(dir, EXCHANGES_FILE);
  // Fails start-up, not the first request, when the folder cannot be written.
  appendFileSync(exchangesFile, '');
  const recorded = new Map<string, Map<string, Record<string, unknown>>>();

  const keep = (vendor: string, collection: string, key: string, record: Record<string, unknown>) => {
    const id = JSON.stringify([vendor, collection]);
    let records = recorded.get(id);
    if (records === undefined) recorded.set(id, (records = new Map<string, Record<string, unknown>>()));
    records.set(key, { ...records.get(key), ...record });
    mkdirSync(path.join(dir, vendor), { recursive: true });
    writeAtomically(path.join(dir, vendor, `${collection}.json`), `${JSON.stringify([...records.values()], null, 2)}\n`);
  };

  return {
    record(exchange, entry) {
      const { proxied } = exchange;
      if (proxied === undefined) return;
      const catalogue = catalogues.find((candidate) => candidate.vendor === exchange.vendor);
      const secretHeaders = catalogue?.secretHeaders ?? [];
      const { secrets } = maskRequestParts(exchange.request.headers, exchange.request.query, secretHeaders, catalogue?.secretQuery ?? []);
      const answerHeaders = maskRequestParts(proxied.headers, '', secretHeaders, []);
      const allSecrets = [...secrets, ...answerHeaders.secrets];
      const line = {
        seq: entry.seq,
        time: entry.time,
        vendor: exchange.vendor,
        operationId: entry.operationId,
        request: entry.request,
        upstream: {
          url: redactText(proxied.upstream, allSecrets),
          ...(proxied.failed ? { failed: true, status: entry.status } : { status: proxied.status, headers: answerHeaders.headers, body: redactValue(proxied.body, allSecrets) }),
        },
        violations: entry.violations,
      };
      appendFileSync(exchangesFile, `${JSON.stringify(line)}\n`);
      const recording = plugins.find((plugin) => plugin.id === exchange.vendor)?.recording;
      if (recording === undefined || proxied.failed || exchange.validated === undefined || exchange.operationId === undefined || exchange.violations.some(refuses)) return;
      for (const fixture of recording.fixturesOf(exchange.operationId, exchange.validated, proxied.status, proxied.body)) {
        keep(exchange.vendor, fixture.collection, fixture.key, redactValue(fixture.record, allSecrets));
      }
    },
  };
}
