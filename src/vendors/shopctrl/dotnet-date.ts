/**
 * A date as ShopCtrl's ASP.NET Web API writes a `DateTime`: seven fractional digits and an offset, like the page's
 * `2026-01-11T16:13:16.1449209+01:00`. The mock answers in UTC.
 */
export function formatDotNetDate(date: Date): string {
  return date.toISOString().replace(/\.(\d{3})Z$/, '.$10000+00:00');
}
