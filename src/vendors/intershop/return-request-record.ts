/** Store collections of return requests and their per-order ledgers, per shop. */
export const COLLECTIONS = { returnRequests: 'returnRequests', ledgers: 'orderLedgers' } as const;

/** Ids start at the seed's example id, 10000; each kind of record counts on its own, per shop. */
const ID_BASE = 9_999;
export const toId = (sequenceValue: number): number => ID_BASE + sequenceValue;

export type RequestStatus = 'ACCEPTED' | 'CLOSED' | 'DO_APPROVE' | 'DO_CLOSE' | 'INITIAL' | 'REJECTED';
export type BusinessStatus = 'ACCEPTED' | 'IN_APPROVAL' | 'READY_TO_APPROVE' | 'REJECTED' | 'UNKNOWN';

/** The spec's lifecycle: a new request, and where each approval decision moves it. */
export const CREATED = { status: 'INITIAL', businessStatus: 'READY_TO_APPROVE' } as const;
export const DECIDED = {
  APPROVED: { status: 'ACCEPTED', businessStatus: 'ACCEPTED' },
  NOT_APPROVED: { status: 'REJECTED', businessStatus: 'REJECTED' },
} as const;

export interface StoredItem {
  id: number;
  productSerialNumber: string;
}

export interface StoredPosition {
  id: number;
  positionNumber: number;
  productNumber: string;
  reason: string;
  quantity: number;
  productName?: string;
  supplierProductNumber?: string;
  items: StoredItem[];
}

/** A stored return request: the `ReadReturnRequest` fields plus everything the sub-resources read back. */
export interface StoredReturnRequest {
  type: 'RETURN' | 'PICKUP';
  rmaNumber?: string;
  comment?: string;
  id: number;
  creationDate: string;
  shopOrderNumber: string;
  shopName: string;
  supplierOrderNumber?: string;
  supplierName?: string;
  status: RequestStatus;
  businessStatus: BusinessStatus;
  positions: StoredPosition[];
  pickupAddresses: Array<Record<string, unknown> & { id: number }>;
  contactPersons: Array<Record<string, unknown> & { id: number }>;
  customAttributes: Array<{ key: string; value: string; id: number }>;
  approvals: Array<{ id: number; status: keyof typeof DECIDED; comment?: string; creationDate: string }>;
}

/**
 * What an order's return requests hold, kept beside them so a create checks and reserves in one step: the
 * requests in creation order, and per position number the quantity and serial numbers held by requests that
 * are not `REJECTED`.
 */
export interface OrderLedger {
  returnRequestIds: number[];
  held: Record<string, { quantity: number; serialNumbers: string[] }>;
}

export const emptyLedger = (): OrderLedger => ({ returnRequestIds: [], held: {} });

/** The documented `ReadReturnRequest` of a stored request, in the seed's property order. */
export function readReturnRequest(record: StoredReturnRequest): Record<string, unknown> {
  const { type, rmaNumber, comment, id, creationDate, shopOrderNumber, shopName, supplierOrderNumber, supplierName, status, businessStatus } = record;
  return dropUndefined({ type, rmaNumber, comment, id, creationDate, shopOrderNumber, shopName, supplierOrderNumber, supplierName, status, businessStatus });
}

/** The documented `ReadReturnRequestPosition`: without its items, which have their own operation. */
export function readPosition(position: StoredPosition): Record<string, unknown> {
  const { positionNumber, productNumber, reason, quantity, id, productName, supplierProductNumber } = position;
  return dropUndefined({ positionNumber, productNumber, reason, quantity, id, productName, supplierProductNumber });
}

function dropUndefined(record: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined));
}
