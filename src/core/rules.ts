import type { FindingLevel, RuleSource, Violation } from './violation.js';

/** What a rule is, before it knows its code and vendor. */
export interface RuleDefinition {
  level: FindingLevel;
  source: RuleSource;
  /** One line: what the rule says. */
  description: string;
  /** Where the source says it: the section of the vendor's page, the reference's URL, the platform's documentation or RFC. */
  cite?: string;
  /**
   * The mock's option the rule is raised under only (`--strict-fixtures`): the user asked for the refusal, so it may
   * rest on the mock alone and still be a violation.
   */
  option?: string;
}

/** A registered rule: every finding the mock raises has one (`GET /__admin/rules`). */
export interface Rule extends RuleDefinition {
  /** Stable dotted id, e.g. `request.body.required`, `emporix.return.version-conflict`. */
  code: string;
  /** The vendor the rule belongs to, or `*` for the engine's own rules that apply to every vendor. */
  vendor: string;
}

/** Registers a table of rules under one vendor (or `*`): each key names a rule, each entry carries its code. */
export function defineRules<const T extends Record<string, RuleDefinition & { code: string }>>(vendor: string, table: T): { readonly [K in keyof T]: Rule } {
  const rules = {} as Record<string, Rule>;
  for (const [key, definition] of Object.entries(table)) rules[key] = Object.freeze({ ...definition, vendor });
  return Object.freeze(rules) as { readonly [K in keyof T]: Rule };
}

/** A finding of `rule`: code, level and source come from the rule, the rest from where it was found. */
export function raise(
  rule: Rule,
  found: Omit<Violation, 'code' | 'level' | 'source' | 'operationId'> & { operationId?: string },
): Omit<Violation, 'operationId'> & { operationId?: string } {
  return { ...found, code: rule.code, level: rule.level, source: rule.source };
}

/**
 * Does this finding stop the request? A `violation` does (strict mode refuses it, as the vendor would), and so does a
 * `usage` finding (a control of the mock it cannot follow); a finding not yet graded counts as a violation.
 */
export const refuses = (finding: Pick<Violation, 'level'>): boolean => finding.level === undefined || finding.level === 'violation' || finding.level === 'usage';
