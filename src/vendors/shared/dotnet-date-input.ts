/** A date-time or date as a .NET binder reads it: the offset (`Z`, `+01:00`) is optional, and so are seconds and fractions. */
const DATE_INPUT = /^(\d{4}-\d{2}-\d{2})(?:T(\d{2}:\d{2})(?::(\d{2})(?:\.(\d{1,7}))?)?)?(Z|[+-]\d{2}:\d{2})?$/;

/**
 * A request's date as an ASP.NET service writes it back (`2023-02-01T12:45:00.0000000+00:00`): seven fractional digits
 * and an offset. A date without an offset is taken as UTC, the mock's clock; one with an offset keeps its text.
 * @example toDotNetDate('2023-02-01T12:45:00') // '2023-02-01T12:45:00.0000000+00:00'
 */
export function toDotNetDate(text: string): string {
  const match = DATE_INPUT.exec(text);
  if (match === null || match[5] !== undefined) return text;
  const [, date, minutes = '00:00', seconds = '00', fraction = ''] = match;
  return `${date}T${minutes}:${seconds}.${fraction.padEnd(7, '0')}+00:00`;
}
