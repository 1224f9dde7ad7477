import type { VendorRecording } from '../../core/vendor-recording.js';

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * ShopCtrl recordings: the order returns an `AddOrderReturn` answered. The API has no operation that reads one, so
 * they are reference for the team, not state a replay answers from.
 */
export const shopCtrlRecording: VendorRecording = {
  fixturesOf(operationId, _request, status, body) {
    if (operationId !== 'addOrderReturn' || status !== 200 || !isRecord(body) || body.Id === undefined) return [];
    return [{ collection: 'returns', key: String(body.Id), record: body }];
  },
};
