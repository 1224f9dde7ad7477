import type { RecordedFixture, VendorRecording } from '../../core/vendor-recording.js';

/** The store collection of returns, per tenant (as the handlers keep them). */
const RETURNS = 'returns';

type Json = Record<string, unknown>;
const isRecord = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

/** A recorded return as fixtures, and the orders it names, each item priced as the upstream priced it. */
function fixturesOfReturn(tenant: string, answer: Json): RecordedFixture[] {
  if (typeof answer.id !== 'string') return [];
  const currency = isRecord(answer.total) ? answer.total.currency : undefined;
  const orders = (Array.isArray(answer.orders) ? answer.orders : []).filter(isRecord).filter((order) => typeof order.id === 'string');
  return [
    { collection: RETURNS, key: `${tenant}/${answer.id}`, record: { tenant, ...answer } },
    ...orders.map((order) => {
      const items = (Array.isArray(order.items) ? order.items : []).filter(isRecord).map((item) => ({
        id: item.id,
        ...(item.name === undefined ? {} : { name: item.name }),
        // The order held at least what was returned: the recording knows no more of the order than that.
        quantity: item.quantity,
        ...(isRecord(item.unitPrice) ? { unitPrice: item.unitPrice.value } : {}),
      }));
      return { collection: 'orders', key: `${tenant}/${String(order.id)}`, record: { id: order.id, tenant, ...(currency === undefined ? {} : { currency }), items } };
    }),
  ];
}

/**
 * Emporix recordings: the returns a get or a list answered (with the orders and prices they name); a create
 * answers only the new id, so the client's following get records the return. Replayed, a recorded return is a
 * stored one: get, list, update and delete work on it as on one created in the mock.
 */
export const emporixRecording: VendorRecording = {
  fixturesOf(operationId, request, status, body) {
    if (status !== 200) return [];
    const tenant = String(request.pathParams.tenant);
    if (operationId === 'getReturn' && isRecord(body)) return fixturesOfReturn(tenant, body);
    if (operationId === 'listReturns' && Array.isArray(body)) return body.filter(isRecord).flatMap((answer) => fixturesOfReturn(tenant, answer));
    return [];
  },
  restore(fixtures) {
    return fixtures(RETURNS)
      .filter((record) => typeof record.tenant === 'string' && typeof record.id === 'string')
      .map(({ tenant, ...record }) => ({ tenant: String(tenant), collection: RETURNS, id: String(record.id), record }));
  },
};
