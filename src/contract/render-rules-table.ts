import type { Rule } from '../core/rules.js';
import { SCHEMA_KEYWORDS, SCHEMA_RULES } from '../core/schema-rules.js';
import { markdownCell } from './render-markdown.js';

const schemaRules = new Set<Rule>(SCHEMA_RULES);

const row = (code: string, rule: Rule, description: string) =>
  `| \`${code}\` | ${markdownCell(rule.vendor)} | ${rule.level} | ${rule.source} | ${markdownCell(description)} | ${markdownCell(rule.cite ?? '')} |`;

/**
 * The rules as the Markdown table the README shows (`GET /__admin/rules` answers the same list as JSON). The engine's
 * schema-keyword rules, one per keyword and site, are shown as one row per site (`request.body.<keyword>`).
 */
export function renderRulesTable(rules: readonly Rule[]): string {
  const lines = ['| code | vendor | level | source | description | cite |', '| --- | --- | --- | --- | --- | --- |'];
  const sitesShown = new Set<string>();
  for (const rule of rules) {
    if (!schemaRules.has(rule)) {
      lines.push(row(rule.code, rule, rule.description));
      continue;
    }
    const site = rule.code.slice(0, rule.code.lastIndexOf('.'));
    if (sitesShown.has(site)) continue;
    sitesShown.add(site);
    const what = rule.description.slice(0, rule.description.indexOf(' breaks'));
    lines.push(row(`${site}.<keyword>`, rule, `${what} breaks its schema's <keyword>, one of ${SCHEMA_KEYWORDS.join(', ')} (\`schema\`: any other).`));
  }
  return lines.join('\n');
}
