import { defineRules } from '../../core/rules.js';

/** The IOM RMA 2.11 page (seed 002, Intershop KB 307N03), cited by section. */
const PAGE = 'Intershop KB 307N03 "Reference - IOM REST API - RMA 2.11"';

/**
 * Every finding the Intershop IOM handlers raise. A refusal rests on the page; what only the mock infers from the data
 * model is a risk: served as IOM most plausibly would, and recorded (specs/README.md, "Calibration").
 */
export const RULES = defineRules('intershop', {
  permissionMissing: {
    code: 'security.permission.missing',
    level: 'violation',
    source: 'vendor-doc',
    description: "The caller lacks the permission the operation needs at the path's shop (403).",
    cite: `${PAGE}, "Authorization": "View return requests" for GET, "Manage return requests" for POST, assigned at the shop`,
  },
  shopNotFound: {
    code: 'state.shop.not-found',
    level: 'violation',
    source: 'vendor-doc',
    description: 'Under --strict-fixtures, the path names a shop the fixtures lack (404).',
    cite: `${PAGE}, every operation: "404 - Not Found"`,
  },
  orderNotFound: {
    code: 'state.order.not-found',
    level: 'violation',
    source: 'vendor-doc',
    description: 'Under --strict-fixtures, the path names an order the shop lacks (404).',
    cite: `${PAGE}, every operation: "404 - Not Found"`,
  },
  returnRequestNotFound: {
    code: 'state.return-request.not-found',
    level: 'violation',
    source: 'vendor-doc',
    description: 'The path names a return request the order does not have (404).',
    cite: `${PAGE}, "GET: Get a return request": "404 - Not Found"`,
  },
  positionNotFound: {
    code: 'state.return-request-position.not-found',
    level: 'violation',
    source: 'vendor-doc',
    description: 'The path names a position the return request does not have (404).',
    cite: `${PAGE}, "GET: Get a return request position": "404 - Not Found"`,
  },
  positionNotOnOrder: {
    code: 'state.position.not-on-order',
    level: 'violation',
    source: 'vendor-doc',
    description: 'A position names an order position the order does not have: nothing of it can be returned (400).',
    cite: `${PAGE}, Changelog 2.10: "returnables, which returns all positions that can still be returned back"`,
  },
  quantityExceeded: {
    code: 'state.position.quantity-exceeded',
    level: 'violation',
    source: 'vendor-doc',
    description: 'The positions naming one order position return more than is still returnable of it (400).',
    cite: `${PAGE}, ReturnableData: "quantity: Maximum return quantity"`,
  },
  unknownReason: {
    code: 'state.position.unknown-reason',
    level: 'violation',
    source: 'vendor-doc',
    description: "A position's reason is none of the shop's configured return reasons (400).",
    cite: `${PAGE}, Changelog 2.10: "return-reasons, which returns all return reasons that are allowed for the shop"`,
  },
  reasonNotReturnType: {
    code: 'state.position.reason-not-return-type',
    level: 'risk',
    source: 'mock',
    description: "A position's reason is one of the shop's reasons, but not of type RET (e.g. a CAN cancellation reason); served.",
    cite: `${PAGE}, ShopReturnReason "type": the page does not say which types a return request takes`,
  },
  productMismatch: {
    code: 'state.position.product-mismatch',
    level: 'risk',
    source: 'mock',
    description: "A position's productNumber is not the product of the order position it names; served with the order position's product.",
    cite: `${PAGE}, WriteReturnRequestPosition "productNumber": no rule ties it to the order position`,
  },
  quantityNotPositive: {
    code: 'state.position.quantity-not-positive',
    level: 'risk',
    source: 'mock',
    description: 'A position returns a quantity below 1; served, holding nothing of the order position.',
    cite: `${PAGE}, WriteReturnRequestPosition "quantity": int32, no minimum`,
  },
  noPositions: {
    code: 'state.return-request.no-positions',
    level: 'risk',
    source: 'mock',
    description: 'A return request with an empty positions array; served as a request that returns nothing.',
    cite: `${PAGE}, WriteReturnRequest "positions": Required, no minimum length`,
  },
  serialTooMany: {
    code: 'state.serial-number.too-many',
    level: 'risk',
    source: 'mock',
    description: 'A position names more serial numbers than its quantity (one serial number is one piece); served.',
    cite: `${PAGE}, ReturnableDataItem: "Further information for each single product"`,
  },
  serialNotOnOrder: {
    code: 'state.serial-number.not-on-order',
    level: 'violation',
    source: 'vendor-doc',
    description: "A serial number that is not one of the order position's (400).",
    cite: `${PAGE}, ReturnableDataItem: "Serial number of the item to return"`,
  },
  serialNotReturnable: {
    code: 'state.serial-number.not-returnable',
    level: 'violation',
    source: 'vendor-doc',
    description: 'A serial number another return request already holds: it is no longer returnable (400).',
    cite: `${PAGE}, Changelog 2.10: returnables lists "all positions that can still be returned back"`,
  },
  serialDuplicate: {
    code: 'state.serial-number.duplicate',
    level: 'risk',
    source: 'mock',
    description: 'One serial number named twice in one return request; served.',
    cite: `${PAGE}, WriteReturnRequestItem: no uniqueness rule`,
  },
  alreadyDecided: {
    code: 'state.return-request.already-decided',
    level: 'risk',
    source: 'mock',
    description: 'An approval for a request that is already decided; served: the approval is recorded, the status stays.',
    cite: `${PAGE}, "POST: Create an approval": the page names no lifecycle rule`,
  },
  rejectionCommentBlank: {
    code: 'state.approval.comment-blank',
    level: 'risk',
    source: 'vendor-doc',
    description: 'A NOT_APPROVED approval whose comment is empty or blank; served.',
    cite: `${PAGE}, WriteApproval "comment": "Required if 'status' should be NOT_APPROVED" (whether blank counts is not said)`,
  },
});
