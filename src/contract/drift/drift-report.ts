import type { SpecChange } from './spec-change.js';

/** Bumped when the JSON shape of the drift report changes incompatibly. */
export const DRIFT_REPORT_VERSION = 1;

/** A problem found re-validating one recorded request or answer against the new spec. */
export interface DriftFinding {
  code: string;
  location: string;
  pointer: string;
  message: string;
  /** Where in the new spec the rule lives. */
  specPointer?: string;
}

/** One recorded request the new spec would refuse. */
export interface RefusedRequest {
  seq: number;
  client: string;
  /** `GET /return/acme/returns?pageSize=100` (secrets masked as in the journal). */
  request: string;
  findings: DriftFinding[];
}

/** One recorded answer the client received that the new spec no longer describes. */
export interface DriftedAnswer {
  seq: number;
  client: string;
  status: number;
  /** Fields of the answer the new spec no longer documents (`/items/*\/legacyCode`). */
  undocumentedFields: string[];
  /** Other ways the recorded answer breaks the new spec (status undocumented, a type changed). */
  findings: DriftFinding[];
}

/** What changed for one operation the client used. */
export interface DriftOperation {
  operationId: string;
  method: string;
  pathTemplate: string;
  /** Recorded requests re-validated. */
  requests: number;
  /** `removed`, `moved` (same operationId, other path) or `renamed` (same path, other operationId); absent when still there. */
  fate?: { kind: 'removed' | 'moved' | 'renamed'; message: string };
  refused: RefusedRequest[];
  answers: DriftedAnswer[];
  /** Required parameters and body properties the new version adds or makes required. */
  newRequiredFields: SpecChange[];
  /** Something here would break the client. */
  breaks: boolean;
}

export interface DriftVendor {
  vendor: string;
  oldSpec: { file: string; version: string };
  newSpec: { file: string; version: string };
  /** The operations the recorded traffic used, in spec order. */
  operations: DriftOperation[];
  /** The structural diff of the two spec versions, for every operation (used or not). */
  specDiff: { breaking: SpecChange[]; nonBreaking: SpecChange[]; unclassified: SpecChange[] };
  /** Recorded exchanges not re-validated: bodies cut in the journal, requests that matched no operation even then. */
  skipped: { truncated: number; unmatched: number };
}

export interface DriftReport {
  reportVersion: typeof DRIFT_REPORT_VERSION;
  generatedAt: string;
  /** Where the recorded traffic came from. */
  source: string;
  /** `breaks` when any recorded request or answer, or any operation the client used, would break on the new spec. */
  verdict: 'breaks' | 'safe';
  summary: { requests: number; refused: number; driftedAnswers: number; operationsGone: number; newRequiredFields: number; breakingChanges: number };
  vendors: DriftVendor[];
}
