import { CORE_RULES } from '../core/core-rules.js';
import { FAULTS, type Fault, type Scenario } from '../core/scenario.js';
import type { Violation } from '../core/violation.js';

/** The longest delay a request may ask for: a client test waits, a stuck mock does not. */
export const MAX_DELAY_MS = 60_000;

type Finding = Omit<Violation, 'operationId'>;

const finding = (message: string, value: string): Finding => ({
  code: CORE_RULES.preferInvalid.code,
  location: 'header',
  pointer: '/Prefer',
  message,
  specPointer: '',
  value,
});

/** Splits a header value at commas outside double quotes (RFC 7240 preferences may quote their values). */
function splitOutsideQuotes(value: string, separator: string): string[] {
  const parts: string[] = [];
  let current = '';
  let quoted = false;
  for (const char of value) {
    if (char === '"') quoted = !quoted;
    if (char === separator && !quoted) {
      parts.push(current);
      current = '';
    } else current += char;
  }
  parts.push(current);
  return parts.map((part) => part.trim()).filter((part) => part !== '');
}

const unquote = (value: string): string => (value.length >= 2 && value.startsWith('"') && value.endsWith('"') ? value.slice(1, -1) : value);

/**
 * Reads the mock's preferences from a `Prefer` header (RFC 7240, the names Prism uses where they overlap:
 * `code`, `example`, `dynamic`; plus `delay` and `fault`). Preferences the mock does not know are ignored, as the
 * RFC asks; a known one with a bad value is a finding, so a typo in a test does not pass silently.
 */
export function parsePrefer(header: string | undefined): { scenario: Scenario; findings: Finding[] } {
  const scenario: Scenario = {};
  const findings: Finding[] = [];
  if (header === undefined) return { scenario, findings };
  const seen = new Set<string>();
  for (const preference of splitOutsideQuotes(header, ',')) {
    const [nameValue] = splitOutsideQuotes(preference, ';');
    if (nameValue === undefined) continue;
    const equals = nameValue.indexOf('=');
    const name = (equals < 0 ? nameValue : nameValue.slice(0, equals)).trim().toLowerCase();
    const value = equals < 0 ? '' : unquote(nameValue.slice(equals + 1).trim());
    // RFC 7240 section 2: of a preference given more than once (in one header or several), only the first counts.
    if (seen.has(name)) continue;
    seen.add(name);
    switch (name) {
      case 'code':
        // A final status only: a 1xx is no answer, and Node cannot send one as a response.
        if (/^[2-5]\d\d$/.test(value)) scenario.code = Number(value);
        else findings.push(finding(`Prefer code must be an HTTP status code from 200 to 599, not '${value}'`, value));
        break;
      case 'example':
        if (value !== '') scenario.example = value;
        else findings.push(finding('Prefer example needs the name of an example: example=<name>', value));
        break;
      case 'dynamic':
        if (value === 'true' || value === 'false') scenario.dynamic = value === 'true';
        else findings.push(finding(`Prefer dynamic must be true or false, not '${value}'`, value));
        break;
      case 'delay':
        if (/^\d+$/.test(value) && Number(value) <= MAX_DELAY_MS) scenario.delayMs = Number(value);
        else findings.push(finding(`Prefer delay must be milliseconds from 0 to ${MAX_DELAY_MS}, not '${value}'`, value));
        break;
      case 'fault':
        if ((FAULTS as readonly string[]).includes(value)) scenario.fault = value as Fault;
        else findings.push(finding(`Prefer fault must be one of ${FAULTS.join(', ')}, not '${value}'`, value));
        break;
      default:
        break;
    }
  }
  return { scenario, findings };
}
