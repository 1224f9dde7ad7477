import type { VendorRecording } from '../../core/vendor-recording.js';
import { canonicalTenant } from './access.js';

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * JTL recordings: the returns a create answered, with the tenant (`x-tenant-id`) they belong to. The API has no
 * operation that reads a return, so they are reference for the team, not state a replay answers from.
 */
export const jtlRecording: VendorRecording = {
  fixturesOf(operationId, request, status, body) {
    if (operationId !== 'createReturn' || status !== 201 || !isRecord(body) || body.Id === undefined) return [];
    const tenant = canonicalTenant(String(request.headerParams['x-tenant-id']));
    return [{ collection: 'returns', key: `${tenant}/${String(body.Id)}`, record: { tenant, ...body } }];
  },
};
