/**
 * A date as JTL's .NET API writes it: seven fractional digits and an explicit offset, like the page's
 * `2023-02-01T12:45:00.0000000+00:00`. The mock answers in UTC.
 */
export function formatDotNetDate(date: Date): string {
  return date.toISOString().replace(/\.(\d{3})Z$/, '.$10000+00:00');
}
