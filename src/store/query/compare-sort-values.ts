/**
 * The order a sort key gives two present values: numbers by value and before anything else, everything else by its
 * string form. A total order, so a sorted index kept by binary search and a sort of a list always agree.
 */
export function compareSortValues(x: unknown, y: unknown): number {
  if (x === y) return 0;
  const xNumber = typeof x === 'number';
  const yNumber = typeof y === 'number';
  if (xNumber && yNumber) return x - y;
  if (xNumber !== yNumber) return xNumber ? -1 : 1;
  const a = String(x);
  const b = String(y);
  return a < b ? -1 : a > b ? 1 : 0;
}
