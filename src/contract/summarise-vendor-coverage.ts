import type { OperationCoverage } from './contract-report.js';
import type { ContractRecorder } from './create-contract-recorder.js';
import type { CatalogueOperation } from './vendor-catalogue.js';

/** One operation with what every client together did with it. */
export interface VendorOperationCoverage extends CatalogueOperation {
  requests: number;
  violatingRequests: number;
  statuses: Array<{ status: number; count: number; documented: boolean }>;
}

/** One vendor's coverage over all clients: what `GET /__admin/vendors` and the dashboard show. */
export interface VendorCoverage {
  id: string;
  title: string;
  clients: string[];
  requests: number;
  unmatchedRequests: number;
  coverage: { offered: number; exercised: number };
  operations: VendorOperationCoverage[];
}

/** One vendor's operations with what every client together exercised so far (the report splits it per client). */
export function summariseVendorCoverage(contract: Pick<ContractRecorder, 'collector' | 'catalogues'>, vendor: string): VendorCoverage {
  const results = contract.collector.build({ vendor }).results;
  const catalogue = contract.catalogues.find((c) => c.vendor === vendor);
  const operations = (catalogue?.operations ?? []).map((operation) => {
    const seen = results.map((result) => result.operations.find((o) => o.operationId === operation.operationId)).filter((o): o is OperationCoverage => o !== undefined);
    const statuses = new Map<number, { status: number; count: number; documented: boolean }>();
    for (const { status, count, documented } of seen.flatMap((o) => o.statuses)) statuses.set(status, { status, count: (statuses.get(status)?.count ?? 0) + count, documented });
    return {
      ...operation,
      requests: seen.reduce((sum, o) => sum + o.requests, 0),
      violatingRequests: seen.reduce((sum, o) => sum + o.violatingRequests, 0),
      statuses: [...statuses.values()].sort((a, b) => a.status - b.status),
    };
  });
  return {
    id: vendor,
    title: catalogue?.title ?? vendor,
    clients: results.map((result) => result.client),
    requests: results.reduce((sum, result) => sum + result.requests, 0),
    unmatchedRequests: results.reduce((sum, result) => sum + result.unmatchedRequests, 0),
    coverage: { offered: operations.length, exercised: operations.filter((o) => o.requests > 0).length },
    operations,
  };
}
