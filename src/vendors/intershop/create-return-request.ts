import type { HandlerContext, OperationHandler, VendorTransaction } from '../../core/vendor-plugin.js';
import { raise, refuses } from '../../core/rules.js';
import type { Violation } from '../../core/violation.js';
import { withoutNullProperties } from '../shared/without-null-properties.js';
import { checkPositions } from './check-positions.js';
import { resolveScopeInTransaction } from './order-scope.js';
import { reasonsOfShop, RETURN_REASON_TYPE } from './reference-data.js';
import { positionsOf, productOf, requestedPositions, updateHeld, type WritePosition } from './returnables.js';
import { orderNumberOf, returnRequestUrl, shopNameOf } from './request-path.js';
import { COLLECTIONS, CREATED, emptyLedger, toId, type OrderLedger, type StoredPosition, type StoredReturnRequest } from './return-request-record.js';
import { RULES } from './rules.js';

/** The request body (the spec's `WriteReturnRequest`), already valid. */
interface WriteReturnRequest {
  type: 'RETURN' | 'PICKUP';
  rmaNumber?: string;
  comment?: string;
  positions: WritePosition[];
  pickupAddress?: Record<string, unknown>;
  contactPersons?: Array<Record<string, unknown>>;
  customAttributes?: Array<{ key: string; value: string }>;
}

type Finding = Omit<Violation, 'operationId'>;
type Outcome = { status: 404 | 400; findings: Finding[] } | { record: StoredReturnRequest; risks: Finding[] };

/** The documented properties only: what a client sends beyond them is tolerated but not read back. */
const PICKUP_ADDRESS_FIELDS = [
  'company',
  'firstName',
  'lastName',
  'streetName',
  'houseNumber',
  'postCode',
  'city',
  'countryCode',
  'district',
  'additionFirstLine',
  'additionSecondLine',
];
const CONTACT_PERSON_FIELDS = ['company', 'firstName', 'lastName', 'phoneNumber', 'emailAddress', 'language'];

/** Every reason type the shop's fixtures name: a reason of any of them is one the shop allows. */
const reasonTypesOfShop = (context: HandlerContext, shopName: string): string[] => [
  ...new Set(
    context
      .fixtures('returnReasons')
      .filter((reason) => reason.shopName === undefined || reason.shopName === shopName)
      .map((reason) => String(reason.type)),
  ),
];

const pick = (record: Record<string, unknown>, fields: readonly string[]) =>
  Object.fromEntries(fields.filter((field) => record[field] !== undefined).map((field) => [field, record[field]]));

/** Resolves shop and order, checks the positions against what is returnable and, when all fits, stores and holds: one atomic step, so parallel creates never oversell. */
function createInTransaction(tx: VendorTransaction, context: HandlerContext, shopName: string, shopOrderNumber: string, body: WriteReturnRequest): Outcome {
  const scoped = resolveScopeInTransaction(tx, context, shopName, shopOrderNumber, requestedPositions(body.positions));
  if ('missing' in scoped) return { status: 404, findings: [scoped.missing] };
  const { order } = scoped.scope;
  const ledger = tx.get<OrderLedger>(shopName, COLLECTIONS.ledgers, shopOrderNumber) ?? emptyLedger();
  const shopReasons = reasonsOfShop(context.fixtures('returnReasons'), shopName, reasonTypesOfShop(context, shopName));
  const reasons = {
    ofShop: new Set(shopReasons.map((reason) => reason.name)),
    returnType: new Set(shopReasons.filter((reason) => reason.type === RETURN_REASON_TYPE).map((reason) => reason.name)),
  };
  const findings = checkPositions(body.positions, order, ledger, reasons);
  const refused = findings.filter(refuses);
  if (refused.length > 0) return { status: 400, findings: refused };

  const products = context.fixtures('products');
  const nextId = (sequence: string) => toId(tx.nextId(shopName, sequence));
  // A request restored from a recording (`--fixtures`) keeps the vendor's id: skip the ids it holds, never overwrite it.
  let id = nextId('returnRequests');
  while (tx.get(shopName, COLLECTIONS.returnRequests, String(id)) !== undefined) id = nextId('returnRequests');
  const positions = body.positions.map((position): StoredPosition => {
    const product = productOf(
      positionsOf(order).find((candidate) => candidate.positionNumber === position.positionNumber)!,
      products,
    );
    // IOM resolves a position by its order position: a different productNumber (a risk) is not what it stores.
    const stored: StoredPosition = {
      id: nextId('returnRequestPositions'),
      positionNumber: position.positionNumber,
      productNumber: product.number,
      reason: position.reason,
      quantity: position.quantity,
      items: [],
    };
    if (product.name !== undefined) stored.productName = product.name;
    if (product.supplierProductNumber !== undefined) stored.supplierProductNumber = product.supplierProductNumber;
    stored.items = (position.items ?? []).map((item) => ({ id: nextId('returnRequestItems'), productSerialNumber: item.productSerialNumber }));
    return stored;
  });
  const record: StoredReturnRequest = {
    type: body.type,
    ...(body.rmaNumber === undefined ? {} : { rmaNumber: body.rmaNumber }),
    ...(body.comment === undefined ? {} : { comment: body.comment }),
    id,
    creationDate: context.now().toISOString(),
    shopOrderNumber,
    shopName,
    ...(order.supplierOrderNumber === undefined ? {} : { supplierOrderNumber: String(order.supplierOrderNumber) }),
    ...(order.supplierName === undefined ? {} : { supplierName: String(order.supplierName) }),
    ...CREATED,
    positions,
    pickupAddresses: body.pickupAddress === undefined ? [] : [{ ...pick(body.pickupAddress, PICKUP_ADDRESS_FIELDS), id: nextId('pickupAddresses') }],
    contactPersons: (body.contactPersons ?? []).map((person) => ({ ...pick(person, CONTACT_PERSON_FIELDS), id: nextId('contactPersons') })),
    customAttributes: (body.customAttributes ?? []).map(({ key, value }) => ({ key, value, id: nextId('customAttributes') })),
    approvals: [],
  };
  tx.put(shopName, COLLECTIONS.returnRequests, String(id), record);
  const held = updateHeld(ledger, positions, 1);
  tx.put(shopName, COLLECTIONS.ledgers, shopOrderNumber, { ...held, returnRequestIds: [...held.returnRequestIds, id] });
  return { record, risks: findings };
}

/** `POST .../return-requests`: 201 with `Location` and no body; 404 for an unknown shop or order (strict fixtures); 400 naming each position that does not fit. */
export const createReturnRequest: OperationHandler = async (request, context) => {
  const shopName = shopNameOf(request);
  const body = withoutNullProperties(request.body as WriteReturnRequest);
  const outcome = await context.store.transact((tx) => createInTransaction(tx, context, shopName, orderNumberOf(request), body));
  if ('findings' in outcome) return context.refuse(outcome.status, outcome.findings);
  if (body.positions.length === 0) {
    context.note(
      raise(RULES.noPositions, {
        location: 'body',
        pointer: '/positions',
        message: "'/positions' is empty: the return request returns nothing",
        specPointer: '#/components/schemas/WriteReturnRequest/properties/positions',
        value: [],
      }),
    );
  }
  for (const risk of outcome.risks) context.note(risk);
  return { status: 201, headers: { Location: returnRequestUrl(request, outcome.record.id) } };
};
