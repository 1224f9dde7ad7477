import { raise } from '../../core/rules.js';
import type { Violation } from '../../core/violation.js';
import { RULES } from './rules.js';

/** An ISO-8601 instant: a date-time with `Z` or an offset, what Emporix answers ("an ISO-8601 representation of an Instant"). */
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/i;
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const LOCAL_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/;

/**
 * An employee's `expiryDate` as the instant to store. A date only (`2023-05-30`) or a date-time without offset
 * (`2023-05-30T13:18:02`, what .NET writes for an unspecified `DateTime`) is read as UTC and reported as a risk: Emporix's
 * reference types the field as a plain string, and whether its service reads these forms is not documented.
 */
export function readExpiryDate(value: string, pointer: string): { instant: string; risk?: Omit<Violation, 'operationId'> } {
  // Any other form is left to the schema, which names it.
  if (INSTANT.test(value) || !(DATE_ONLY.test(value) || LOCAL_DATE_TIME.test(value))) return { instant: value };
  const parsed = new Date(DATE_ONLY.test(value) ? `${value}T00:00:00Z` : `${value}Z`);
  if (Number.isNaN(parsed.getTime())) return { instant: value };
  const instant = parsed.toISOString();
  const risk = raise(RULES.expiryDateNotInstant, {
    location: 'body',
    pointer,
    message: `'${pointer}': '${value}' has no UTC offset; read as ${instant}`,
    specPointer: '#/components/schemas/CreateReturn/properties/expiryDate',
    value,
  });
  return { instant, risk };
}
