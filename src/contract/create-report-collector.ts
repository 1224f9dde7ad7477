import { pathToFileURL } from 'node:url';
import type {
  ClientVendorResult,
  ContractReport,
  FailOn,
  OffendingRequest,
  OperationCoverage,
  ReportMock,
  ReportSpec,
  VendorDepartures,
  ViolationGroup,
} from './contract-report.js';
import type { FindingLevel, Violation } from '../core/violation.js';
import { countedLevels, REPORT_VERSION } from './contract-report.js';
import type { JournalEntry } from './journal-entry.js';
import type { VendorCatalogue } from './vendor-catalogue.js';

export interface ReportOptions {
  client?: string;
  vendor?: string;
  /** Percent of the offered operations each client must exercise per vendor; below it the verdict is `fail`. */
  requireCoverage?: number;
  /** The lowest finding level that fails a verdict: `violation` (default), `risk` or `notice`. */
  failOn?: FailOn;
  now?: Date;
  /** The running mock's root URL: spec links then go to its `/<prefix>/openapi.json`; without it, to the spec files. */
  specBaseUrl?: string;
}

/** What the report says about the mock that produced it (the specs come from the catalogues). */
export type RunInfo = Omit<ReportMock, 'specs'>;

/**
 * Folds journal entries into what the report needs. Unlike the journal it is not bounded by `--journal-limit`:
 * it keeps counts and each rule's first offending request, so a long run is reported whole.
 */
export interface ReportCollector {
  add(entry: JournalEntry): void;
  build(options?: ReportOptions): ContractReport;
  clear(): void;
}

interface Tally {
  client: string;
  vendor: string;
  requests: number;
  unmatched: number;
  operations: Map<string, { requests: number; violating: number; statuses: Map<number, number> }>;
  violations: Map<string, ViolationGroup>;
}

const offending = (entry: JournalEntry): OffendingRequest => ({ seq: entry.seq, time: entry.time, request: entry.request, status: entry.status, lenient: entry.lenient });

/** True when `documented` (`201`, `4XX`, `default`) covers `status`. */
export function documentsStatus(documented: readonly string[], status: number): boolean {
  return documented.some((key) => key === String(status) || key.toUpperCase() === `${String(status)[0]}XX` || key === 'default');
}

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The upstream's departures of one vendor, over every client. */
interface VendorTally {
  vendor: string;
  proxied: number;
  findings: Map<string, ViolationGroup>;
}

/** Adds one finding to its rule's group, keeping the first offending request. */
function groupFinding(groups: Map<string, ViolationGroup>, entry: JournalEntry, violation: Violation): void {
  const groupKey = JSON.stringify([entry.operationId, violation.code, violation.location, violation.pointer]);
  const group = groups.get(groupKey);
  if (group !== undefined) {
    group.count += 1;
    return;
  }
  const { code, location, pointer, message, specPointer } = violation;
  groups.set(groupKey, {
    operationId: entry.operationId,
    code,
    location,
    pointer,
    message,
    specPointer,
    level: levelOf(violation),
    source: violation.source ?? 'mock',
    party: violation.party ?? 'client',
    count: 1,
    firstRequest: offending(entry),
  });
}

/** A finding's level; one journalled before findings had levels was a violation. */
const levelOf = (violation: Violation): FindingLevel => violation.level ?? 'violation';

const countOf = (groups: readonly ViolationGroup[]) => groups.reduce((sum, group) => sum + group.count, 0);

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

/** The reasons a level's findings give for failing a verdict, when that level counts. */
const LEVEL_NAMES: Record<FailOn, string> = { violation: 'contract violation', risk: 'risk', notice: 'notice' };

const isVendors = (violation: Violation) => violation.party === 'vendor';

/** Coverage in percent, one decimal; a vendor offering nothing is fully covered. */
const percentOf = (exercised: number, offered: number) => (offered === 0 ? 100 : Math.floor((exercised / offered) * 1000) / 10);

/** Orders groups as the spec lists its operations, then by rule and place. */
function sortGroups(groups: Iterable<ViolationGroup>, catalogue: VendorCatalogue | undefined): ViolationGroup[] {
  const offered = catalogue?.operations ?? [];
  const order = new Map(offered.map((operation, index) => [operation.operationId, index]));
  const rank = (operationId: string | null) => (operationId === null ? Number.MAX_SAFE_INTEGER : (order.get(operationId) ?? offered.length));
  return [...groups].sort(
    (a, b) =>
      rank(a.operationId) - rank(b.operationId) ||
      byText(a.operationId ?? '', b.operationId ?? '') ||
      byText(a.code, b.code) ||
      byText(a.pointer, b.pointer) ||
      byText(a.location, b.location),
  );
}

function departuresOf(tally: VendorTally, catalogue: VendorCatalogue | undefined): VendorDepartures {
  return { vendor: tally.vendor, vendorTitle: catalogue?.title ?? tally.vendor, proxiedRequests: tally.proxied, findings: sortGroups(tally.findings.values(), catalogue) };
}

function resultOf(tally: Tally, catalogue: VendorCatalogue | undefined, requireCoverage: number | undefined, failOn: FailOn): ClientVendorResult {
  const offered = catalogue?.operations ?? [];
  const operations: OperationCoverage[] = offered.map((operation) => {
    const seen = tally.operations.get(operation.operationId);
    return {
      operationId: operation.operationId,
      method: operation.method,
      pathTemplate: operation.pathTemplate,
      exercised: seen !== undefined,
      requests: seen?.requests ?? 0,
      violatingRequests: seen?.violating ?? 0,
      documentedStatuses: operation.documentedStatuses,
      statuses: [...(seen?.statuses ?? new Map<number, number>())]
        .sort(([a], [b]) => a - b)
        .map(([status, count]) => ({ status, count, documented: documentsStatus(operation.documentedStatuses, status) })),
    };
  });
  const exercised = operations.filter((operation) => operation.exercised).length;
  const percent = percentOf(exercised, offered.length);
  const groups = sortGroups(tally.violations.values(), catalogue);
  const byLevel = (level: FindingLevel) => groups.filter((group) => group.level === level);
  const levels = { violation: byLevel('violation'), risk: byLevel('risk'), notice: byLevel('notice') };
  const reasons: string[] = [];
  for (const level of countedLevels(failOn)) {
    const total = countOf(levels[level]);
    if (total > 0) reasons.push(`${plural(total, LEVEL_NAMES[level])} of ${plural(levels[level].length, 'rule')}`);
  }
  if (requireCoverage !== undefined && percent < requireCoverage) reasons.push(`coverage ${percent}% is below the required ${requireCoverage}%`);
  return {
    client: tally.client,
    vendor: tally.vendor,
    vendorTitle: catalogue?.title ?? tally.vendor,
    verdict: reasons.length === 0 ? 'pass' : 'fail',
    reasons,
    requests: tally.requests,
    unmatchedRequests: tally.unmatched,
    coverage: { offered: offered.length, exercised, percent },
    operations,
    violations: levels.violation,
    risks: levels.risk,
    notices: levels.notice,
    usage: byLevel('usage'),
  };
}

/** Each mounted spec with its hash and link; `called` when some tally is for its vendor. */
function specsOf(catalogues: readonly VendorCatalogue[], called: ReadonlySet<string>, specBaseUrl: string | undefined): ReportSpec[] {
  return catalogues.map((catalogue) => {
    const prefix = catalogue.prefix ?? `/${catalogue.vendor}`;
    const url =
      specBaseUrl !== undefined ? `${specBaseUrl.replace(/\/+$/, '')}${prefix}/openapi.json` : catalogue.specFile !== undefined ? pathToFileURL(catalogue.specFile).href : null;
    return { vendor: catalogue.vendor, title: catalogue.title, prefix, sha256: catalogue.specSha256 ?? '', url, called: called.has(catalogue.vendor) };
  });
}

/** Creates a collector that reports against the vendors' catalogues; with `run`, reports name the mock, its settings and specs. */
export function createReportCollector(catalogues: readonly VendorCatalogue[], run?: RunInfo): ReportCollector {
  const tallies = new Map<string, Tally>();
  const vendorTallies = new Map<string, VendorTally>();
  return {
    add(entry) {
      if (entry.proxied !== undefined) {
        let vendorTally = vendorTallies.get(entry.vendor);
        if (vendorTally === undefined) vendorTallies.set(entry.vendor, (vendorTally = { vendor: entry.vendor, proxied: 0, findings: new Map() }));
        vendorTally.proxied += 1;
        for (const violation of entry.violations.filter(isVendors)) groupFinding(vendorTally.findings, entry, violation);
      }
      // The vendor's findings are reported apart: they never fail the client.
      const clientFindings = entry.violations.filter((violation) => !isVendors(violation));
      const key = JSON.stringify([entry.client, entry.vendor]);
      let tally = tallies.get(key);
      if (tally === undefined) {
        tally = { client: entry.client, vendor: entry.vendor, requests: 0, unmatched: 0, operations: new Map(), violations: new Map() };
        tallies.set(key, tally);
      }
      tally.requests += 1;
      if (entry.operationId === null) {
        tally.unmatched += 1;
      } else {
        let operation = tally.operations.get(entry.operationId);
        if (operation === undefined) {
          operation = { requests: 0, violating: 0, statuses: new Map() };
          tally.operations.set(entry.operationId, operation);
        }
        operation.requests += 1;
        if (clientFindings.some((violation) => levelOf(violation) === 'violation')) operation.violating += 1;
        // A reset or timed-out exchange sent no status (0): there is nothing to count as documented or not.
        if (entry.status !== 0) operation.statuses.set(entry.status, (operation.statuses.get(entry.status) ?? 0) + 1);
      }
      for (const violation of clientFindings) groupFinding(tally.violations, entry, violation);
    },
    build({ client, vendor, requireCoverage, failOn = 'violation', now = new Date(), specBaseUrl } = {}) {
      const results = [...tallies.values()]
        .filter((tally) => (client === undefined || tally.client === client) && (vendor === undefined || tally.vendor === vendor))
        .sort((a, b) => byText(a.client, b.client) || byText(a.vendor, b.vendor))
        .map((tally) =>
          resultOf(
            tally,
            catalogues.find((catalogue) => catalogue.vendor === tally.vendor),
            requireCoverage,
            failOn,
          ),
        );
      const failed = results.filter((result) => result.verdict === 'fail').length;
      const vendorDepartures = [...vendorTallies.values()]
        .filter((tally) => vendor === undefined || tally.vendor === vendor)
        .sort((a, b) => byText(a.vendor, b.vendor))
        .map((tally) =>
          departuresOf(
            tally,
            catalogues.find((catalogue) => catalogue.vendor === tally.vendor),
          ),
        );
      return {
        reportVersion: REPORT_VERSION,
        generatedAt: now.toISOString(),
        ...(run === undefined ? {} : { mock: { ...run, specs: specsOf(catalogues, new Set([...tallies.values()].map((tally) => tally.vendor)), specBaseUrl) } }),
        verdict: failed > 0 ? 'fail' : 'pass',
        failOn,
        requireCoverage: requireCoverage ?? null,
        summary: {
          results: results.length,
          requests: results.reduce((sum, result) => sum + result.requests, 0),
          violations: results.reduce((sum, result) => sum + countOf(result.violations), 0),
          risks: results.reduce((sum, result) => sum + countOf(result.risks), 0),
          notices: results.reduce((sum, result) => sum + countOf(result.notices), 0),
          usage: results.reduce((sum, result) => sum + countOf(result.usage), 0),
          failed,
          vendorFindings: vendorDepartures.reduce((sum, departures) => sum + countOf(departures.findings), 0),
        },
        results,
        vendorDepartures,
      };
    },
    clear() {
      tallies.clear();
      vendorTallies.clear();
    },
  };
}
