import type { Violation } from '../../core/violation.js';
import type { SpecDocument } from '../../spec/load-spec.js';
import type { JournalEntry } from '../journal-entry.js';
import { compileSpecVersion } from './compile-spec-version.js';
import { diffSpecs } from './diff-specs.js';
import { DRIFT_REPORT_VERSION, type DriftFinding, type DriftOperation, type DriftReport, type DriftVendor } from './drift-report.js';
import { revalidateEntry } from './revalidate-entry.js';
import type { SpecChange } from './spec-change.js';

/** A vendor's spec as the traffic was recorded against, and the new version to check it against. */
export interface DriftSpecs {
  vendor: string;
  oldSpec: SpecDocument;
  newSpec: SpecDocument;
}

const NEW_REQUIRED_KINDS = new Set(['request.property.required-added', 'request.parameter.required-added', 'request.parameter.became-required', 'request.body.became-required']);

const keyOf = (violation: Violation) => `${violation.code}|${violation.location}|${violation.pointer}`;
const toFinding = ({ code, location, pointer, message, specPointer }: Violation): DriftFinding => ({ code, location, pointer, message, specPointer });
const describe = (entry: JournalEntry) => `${entry.request.method} ${entry.request.path}${entry.request.query === '' ? '' : `?${entry.request.query}`}`;

/** Only what the new version adds: what the old one already found (a masked credential, a known violation) is no drift. */
const newOnly = (after: Violation[], before: Violation[]): Violation[] => {
  const known = new Set(before.map(keyOf));
  return after.filter((violation) => !known.has(keyOf(violation)));
};

function checkVendor(entries: readonly JournalEntry[], specs: DriftSpecs): DriftVendor {
  const oldVersion = compileSpecVersion(specs.oldSpec);
  const newVersion = compileSpecVersion(specs.newSpec);
  const changes = diffSpecs({ oldDoc: specs.oldSpec.index, oldOperations: oldVersion.operations, newDoc: specs.newSpec.index, newOperations: newVersion.operations });
  const operations = new Map<string, DriftOperation>();
  const skipped = { truncated: 0, unmatched: 0 };
  for (const entry of entries) {
    if (entry.vendor !== specs.vendor) continue;
    if (entry.request.bodyTruncated === true) {
      skipped.truncated += 1;
      continue;
    }
    const before = revalidateEntry(entry, oldVersion);
    if (before.operation === undefined) {
      skipped.unmatched += 1;
      continue;
    }
    const { operationId, method, pathTemplate } = before.operation;
    let operation = operations.get(operationId);
    if (operation === undefined) {
      const ownChanges = changes.filter((change) => change.operationId === operationId && change.method === method && change.path === pathTemplate);
      const fate = ownChanges.find((change) => change.kind === 'operation.removed' || change.kind === 'operation.moved' || change.kind === 'operation.renamed');
      operation = {
        operationId,
        method,
        pathTemplate,
        requests: 0,
        ...(fate === undefined ? {} : { fate: { kind: fate.kind.slice('operation.'.length) as 'removed' | 'moved' | 'renamed', message: fate.message } }),
        refused: [],
        answers: [],
        newRequiredFields: ownChanges.filter((change) => NEW_REQUIRED_KINDS.has(change.kind)),
        breaks: false,
      };
      operations.set(operationId, operation);
    }
    operation.requests += 1;
    const after = revalidateEntry(entry, newVersion);
    // A request that no longer routes is reported once, through the operation's fate.
    if (after.operation === undefined) continue;
    const refusals = newOnly(after.requestViolations, before.requestViolations);
    if (refusals.length > 0) operation.refused.push({ seq: entry.seq, client: entry.client, request: describe(entry), findings: refusals.map(toFinding) });
    const answerFindings = newOnly(after.responseViolations, before.responseViolations);
    const lostFields = [...after.undocumentedFields].filter((pointer) => !before.undocumentedFields.has(pointer));
    if (answerFindings.length > 0 || lostFields.length > 0)
      operation.answers.push({ seq: entry.seq, client: entry.client, status: entry.response.status, undocumentedFields: lostFields, findings: answerFindings.map(toFinding) });
  }
  for (const operation of operations.values()) {
    operation.breaks =
      operation.refused.length > 0 || operation.answers.length > 0 || operation.newRequiredFields.length > 0 || (operation.fate !== undefined && operation.fate.kind !== 'renamed');
  }
  const order = oldVersion.operations.map((operation) => operation.operationId);
  const byClass = (changeClass: SpecChange['class']) => changes.filter((change) => change.class === changeClass);
  return {
    vendor: specs.vendor,
    oldSpec: { file: specs.oldSpec.file, version: specs.oldSpec.doc.info.version },
    newSpec: { file: specs.newSpec.file, version: specs.newSpec.doc.info.version },
    operations: [...operations.values()].sort((a, b) => order.indexOf(a.operationId) - order.indexOf(b.operationId)),
    specDiff: { breaking: byClass('breaking'), nonBreaking: byClass('non-breaking'), unclassified: byClass('unclassified') },
    skipped,
  };
}

/**
 * Re-validates recorded traffic against new versions of vendor specs, without state: which requests would now be refused,
 * which received answer fields are no longer documented, which used operations are gone or gained required fields.
 */
export function checkDrift(entries: readonly JournalEntry[], specs: readonly DriftSpecs[], options: { source: string; now?: Date }): DriftReport {
  const vendors = specs.map((pair) => checkVendor(entries, pair));
  const operations = vendors.flatMap((vendor) => vendor.operations);
  const summary = {
    requests: operations.reduce((sum, operation) => sum + operation.requests, 0),
    refused: operations.reduce((sum, operation) => sum + operation.refused.length, 0),
    driftedAnswers: operations.reduce((sum, operation) => sum + operation.answers.length, 0),
    operationsGone: operations.filter((operation) => operation.fate !== undefined && operation.fate.kind !== 'renamed').length,
    newRequiredFields: operations.reduce((sum, operation) => sum + operation.newRequiredFields.length, 0),
    breakingChanges: vendors.reduce((sum, vendor) => sum + vendor.specDiff.breaking.length, 0),
  };
  return {
    reportVersion: DRIFT_REPORT_VERSION,
    generatedAt: (options.now ?? new Date()).toISOString(),
    source: options.source,
    verdict: operations.some((operation) => operation.breaks) ? 'breaks' : 'safe',
    summary,
    vendors,
  };
}
