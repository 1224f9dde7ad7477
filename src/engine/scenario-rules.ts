import { FAULTS, type Fault, type Scenario } from '../core/scenario.js';
import { findResponse, type CompiledOperation } from '../validate/compile-operation.js';

/**
 * A rule of the config file's `scenarios`: for the matching requests, with `probability` (default 1), answer with
 * `status`, wait `delayMs` or inject `fault`, so a soak test of a client meets realistic failures.
 */
export interface ScenarioRule {
  /** Vendor id; absent: every vendor. */
  vendor?: string;
  /** operationId; absent: every operation of the vendor. */
  operation?: string;
  probability?: number;
  status?: number;
  delayMs?: number;
  fault?: Fault;
}

/** A small seeded generator (mulberry32): the same seed draws the same failures, so a soak run can be replayed. */
function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Draws the scenario the rules give one request of `vendor`'s `operationId`: every matching rule whose probability
 * hits adds its effects, earlier rules first (a later rule does not undo an earlier one's effect).
 */
export function createScenarioDraw(rules: readonly ScenarioRule[], seed: number): (vendor: string, operationId: string) => Scenario {
  const random = createRandom(seed);
  return (vendor, operationId) => {
    const scenario: Scenario = {};
    for (const rule of rules) {
      if (rule.vendor !== undefined && rule.vendor !== vendor) continue;
      if (rule.operation !== undefined && rule.operation !== operationId) continue;
      if (random() >= (rule.probability ?? 1)) continue;
      if (rule.status !== undefined) scenario.code ??= rule.status;
      if (rule.delayMs !== undefined) scenario.delayMs ??= rule.delayMs;
      if (rule.fault !== undefined) scenario.fault ??= rule.fault;
    }
    return scenario;
  };
}

/**
 * Refuses, at start, rules that could force an answer the spec forbids or that can never match: an unknown
 * operation, a status some matched operation does not document, a probability outside 0..1, a bad delay or fault.
 */
export function checkScenarioRules(rules: readonly ScenarioRule[], operations: readonly CompiledOperation[], vendor: string): void {
  rules.forEach((rule, index) => {
    const where = `scenario rule ${index + 1} (${vendor}${rule.operation === undefined ? '' : ` ${rule.operation}`})`;
    const matched = operations.filter((compiled) => rule.operation === undefined || compiled.operation.operationId === rule.operation);
    // A rule for every vendor applies to those that have its operation; createMock checks that one of them does.
    if (matched.length === 0 && rule.vendor === undefined) return;
    if (matched.length === 0) throw new Error(`${where}: ${vendor} has no operation '${rule.operation}'; known: ${operations.map((c) => c.operation.operationId).join(', ')}`);
    if (rule.probability !== undefined && !(rule.probability >= 0 && rule.probability <= 1)) throw new Error(`${where}: probability must be from 0 to 1, not ${rule.probability}`);
    if (rule.delayMs !== undefined && !(Number.isInteger(rule.delayMs) && rule.delayMs >= 0))
      throw new Error(`${where}: delayMs must be a whole number of milliseconds, not ${rule.delayMs}`);
    if (rule.fault !== undefined && !FAULTS.includes(rule.fault)) throw new Error(`${where}: fault must be one of ${FAULTS.join(', ')}, not '${String(rule.fault)}'`);
    if (rule.status !== undefined && !(Number.isInteger(rule.status) && rule.status >= 200 && rule.status <= 599))
      throw new Error(`${where}: status must be an HTTP status code from 200 to 599, not ${rule.status}`);
    if (rule.status !== undefined) {
      const undocumented = matched.filter((compiled) => findResponse(compiled, rule.status!) === undefined).map((compiled) => compiled.operation.operationId);
      if (undocumented.length > 0)
        throw new Error(`${where}: status ${rule.status} is not documented by ${undocumented.join(', ')}; a forced answer must be one the spec documents`);
    }
  });
}
