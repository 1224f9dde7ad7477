import type { RecordedFixture, RestoredRecord, VendorRecording } from '../../core/vendor-recording.js';
import { COLLECTIONS, emptyLedger, type OrderLedger, type StoredPosition, type StoredReturnRequest } from './return-request-record.js';
import { updateHeld } from './returnables.js';

type Json = Record<string, unknown>;
const isRecord = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The parts of a return request its sub-resource lists answer, by operation. */
const PARTS: Record<string, 'positions' | 'contactPersons' | 'customAttributes' | 'pickupAddresses'> = {
  listReturnRequestPositions: 'positions',
  listContactPersons: 'contactPersons',
  listCustomAttributes: 'customAttributes',
  listPickupAddresses: 'pickupAddresses',
};

const returnRequest = (shopName: string, id: unknown, record: Json): RecordedFixture => ({
  collection: COLLECTIONS.returnRequests,
  key: `${shopName}/${String(id)}`,
  record: { ...record, id, shopName },
});

/** A recorded request as stored: the parts it has no recording of are empty, its positions' serial numbers unknown. */
function toStored(record: Json): StoredReturnRequest {
  const positions = (Array.isArray(record.positions) ? record.positions : []).filter(isRecord).map((position) => ({ ...position, items: [] }) as unknown as StoredPosition);
  const list = <T>(name: string): T[] => (Array.isArray(record[name]) ? (record[name] as T[]) : []);
  return {
    ...(record as unknown as StoredReturnRequest),
    positions,
    pickupAddresses: list('pickupAddresses'),
    contactPersons: list('contactPersons'),
    customAttributes: list('customAttributes'),
    approvals: [],
  };
}

/**
 * Intershop IOM recordings: the return requests a get or a list answered, merged with their positions, contact
 * persons, custom attributes and pickup addresses where those lists were read, and the shop's return reasons.
 * Replayed, a recorded request is a stored one of its order (its positions hold their quantities).
 */
export const intershopRecording: VendorRecording = {
  fixturesOf(operationId, request, status, body) {
    if (status !== 200) return [];
    const shopName = String(request.pathParams.shopName);
    if (operationId === 'getReturnRequest' && isRecord(body)) return [returnRequest(shopName, body.id, body)];
    if (operationId === 'listReturnRequests' && Array.isArray(body)) return body.filter(isRecord).map((answer) => returnRequest(shopName, answer.id, answer));
    const part = PARTS[operationId];
    if (part !== undefined && Array.isArray(body)) return [returnRequest(shopName, Number(request.pathParams.returnRequestId), { [part]: body })];
    if (operationId === 'listReturnReasons' && Array.isArray(body)) {
      return body.filter(isRecord).map((reason) => ({ collection: 'returnReasons', key: `${shopName}/${String(reason.name)}`, record: { ...reason, shopName } }));
    }
    return [];
  },
  restore(fixtures) {
    // A sub-resource list read without its request leaves a record without the request's own fields: nothing to restore.
    const recorded = fixtures(COLLECTIONS.returnRequests).filter(
      (record) => typeof record.shopName === 'string' && typeof record.shopOrderNumber === 'string' && typeof record.id === 'number',
    );
    const ledgers = new Map<string, { shopName: string; shopOrderNumber: string; ledger: OrderLedger }>();
    const restored: RestoredRecord[] = [];
    for (const stored of recorded.map(toStored).sort((a, b) => a.id - b.id)) {
      restored.push({ tenant: stored.shopName, collection: COLLECTIONS.returnRequests, id: String(stored.id), record: stored });
      const key = JSON.stringify([stored.shopName, stored.shopOrderNumber]);
      const entry = ledgers.get(key) ?? { shopName: stored.shopName, shopOrderNumber: stored.shopOrderNumber, ledger: emptyLedger() };
      const held = stored.status === 'REJECTED' ? entry.ledger : updateHeld(entry.ledger, stored.positions, 1);
      ledgers.set(key, { ...entry, ledger: { ...held, returnRequestIds: [...held.returnRequestIds, stored.id] } });
    }
    for (const { shopName, shopOrderNumber, ledger } of ledgers.values()) restored.push({ tenant: shopName, collection: COLLECTIONS.ledgers, id: shopOrderNumber, record: ledger });
    return restored;
  },
};
