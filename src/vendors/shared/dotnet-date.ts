/**
 * A date as an ASP.NET API writes a `DateTime`: seven fractional digits and an explicit offset, like JTL's
 * `2023-02-01T12:45:00.0000000+00:00` and ShopCtrl's `2026-01-11T16:13:16.1449209+01:00`. The mock answers in UTC.
 */
export function formatDotNetDate(date: Date): string {
  return date.toISOString().replace(/\.(\d{3})Z$/, '.$10000+00:00');
}
