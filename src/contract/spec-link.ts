import type { ContractReport } from './contract-report.js';

/**
 * Where a spec pointer of a vendor can be read: the spec's URL (served `openapi.json` or file) with the pointer as
 * fragment, percent-encoded so that it is safe inside a Markdown link or an HTML attribute; `undefined` when unknown.
 * @example specLink(report, 'emporix', '#/paths/~1return~1{tenant}~1returns/get') // 'http://127.0.0.1:4010/emporix/openapi.json#/paths/~1return~1%7Btenant%7D~1returns/get'
 */
export function specLink(report: ContractReport, vendor: string, pointer: string): string | undefined {
  const url = report.mock?.specs.find((spec) => spec.vendor === vendor)?.url;
  if (url === undefined || url === null) return undefined;
  const fragment = pointer.startsWith('#') ? pointer : `#${pointer}`;
  return `${url}${encodeURI(fragment).replaceAll('(', '%28').replaceAll(')', '%29')}`;
}

/** Operations of a result no request reached, by `operationId`. */
export const unexercisedOperations = (operations: ReadonlyArray<{ operationId: string; exercised: boolean }>) =>
  operations.filter((operation) => !operation.exercised).map((operation) => operation.operationId);
