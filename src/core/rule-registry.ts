import type { Rule } from './rules.js';
import type { Violation } from './violation.js';

/** Every rule the mock can raise: the engine's own (`vendor: '*'`) and each vendor's; a vendor's rule wins over the engine's of the same code. */
export interface RuleRegistry {
  find(vendor: string, code: string): Rule | undefined;
  /** Sorted by vendor (`*` first), then code; only `vendor`'s and the engine's rules when `vendor` is given. */
  list(vendor?: string): Rule[];
}

export function createRuleRegistry(rules: Iterable<Rule>): RuleRegistry {
  const byKey = new Map<string, Rule>();
  for (const rule of rules) {
    const key = `${rule.vendor} ${rule.code}`;
    if (byKey.has(key)) throw new Error(`rule ${rule.code} is registered twice for ${rule.vendor}`);
    byKey.set(key, rule);
  }
  // Ordinal, not localeCompare: the codes are ASCII, and ICU's collator costs start-up time on every engine.
  const ordinal = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  const sorted = [...byKey.values()].sort((a, b) => (a.vendor === b.vendor ? ordinal(a.code, b.code) : a.vendor === '*' ? -1 : b.vendor === '*' ? 1 : ordinal(a.vendor, b.vendor)));
  return {
    find: (vendor, code) => byKey.get(`${vendor} ${code}`) ?? byKey.get(`* ${code}`),
    list: (vendor) => (vendor === undefined ? sorted : sorted.filter((rule) => rule.vendor === '*' || rule.vendor === vendor)),
  };
}

/**
 * Fills each finding's level and source from its rule. A code nobody registered is graded a `violation` from `mock`:
 * a bug of ours, which the registry test catches.
 */
export function gradeFindings<T extends Violation>(registry: RuleRegistry, vendor: string, findings: T[]): T[] {
  return findings.map((finding) => {
    if (finding.level !== undefined && finding.source !== undefined) return finding;
    const rule = registry.find(vendor, finding.code);
    return { ...finding, level: finding.level ?? rule?.level ?? 'violation', source: finding.source ?? rule?.source ?? 'mock' };
  });
}
