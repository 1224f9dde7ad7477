import { defineRules } from '../../core/rules.js';

/** The seed page, Emporix developer portal "Returns", cited by section. */
const PAGE = 'Emporix developer portal, "Returns"';
/** Emporix's public reference of the service. */
const REFERENCE = 'emporix/api-references, orders/returns/api-reference/api.yml';

/**
 * Every finding the Emporix handlers raise. A refusal rests on the page, Emporix's public reference or RFC 6902; what
 * only the mock infers is a risk, served as Emporix most plausibly would (specs/README.md, "Calibration").
 */
export const RULES = defineRules('emporix', {
  tokenInvalid: {
    code: 'request.security.invalid',
    level: 'violation',
    source: 'vendor-reference',
    description: "A customer credential that names no customer (empty saas-token, token without customerId or sub): 401 as the gateway's fault.",
    cite: `${REFERENCE}, common_response_Unauthorized_401 ("Invalid access token")`,
  },
  scopeMissing: {
    code: 'security.scope.missing',
    level: 'violation',
    source: 'vendor-doc',
    description: "The token holds none of the operation's scopes (403).",
    cite: `${PAGE}, each operation's "Required scopes (one of)"`,
  },
  patchScopePairIncomplete: {
    code: 'security.scope.pair-incomplete',
    level: 'risk',
    source: 'vendor-doc',
    description: 'A PATCH whose token holds a manage scope without its read scope: the prose asks for both, the scope list for either; served.',
    cite: `${PAGE}, "Partial updating a single return": prose "returns_manage_own and returns_read_own scope is required" vs "Required scopes (one of)"`,
  },
  saasTokenMissing: {
    code: 'request.header.missing',
    level: 'violation',
    source: 'vendor-doc',
    description: "A customer's write without the saas-token header (400).",
    cite: `${PAGE}, header saas-token: "The header is mandatory for operations done by a customer"`,
  },
  tenantNotFound: {
    code: 'state.tenant.not-found',
    level: 'violation',
    source: 'mock',
    option: '--strict-fixtures',
    description: "Under --strict-fixtures, a tenant the fixtures lack (404): refused because the option asks for it, never counted as Emporix's contract.",
    cite: 'README.md, --strict-fixtures; the page says nothing of an unknown tenant',
  },
  returnNotFound: {
    code: 'state.return.not-found',
    level: 'violation',
    source: 'vendor-reference',
    description: "No such return in the tenant, or not one of the customer's own (404).",
    cite: `${REFERENCE}, returns_response_NotFound_404 ("Not found response due to not-existing entity")`,
  },
  queryUnreadable: {
    code: 'request.query.q',
    level: 'violation',
    source: 'vendor-doc',
    description: 'A q the documented query grammar does not read (400).',
    cite: `${PAGE}, "Retrieving a list of returns", query parameter q`,
  },
  sortUnreadable: {
    code: 'request.query.sort',
    level: 'violation',
    source: 'vendor-doc',
    description: 'A sort outside the documented "field name:sort direction" list (400).',
    cite: `${PAGE}, "Retrieving a list of returns", query parameter sort`,
  },
  notPending: {
    code: 'state.return.not-pending',
    level: 'violation',
    source: 'vendor-doc',
    description: 'A customer changes or deletes a return that is not PENDING (400).',
    cite: `${PAGE}, "Updating a single return": "A customer can change a return only when the return approval status is PENDING"`,
  },
  employeeOnlyField: {
    code: 'state.field.employee-only',
    level: 'violation',
    source: 'vendor-reference',
    description: 'A customer sets a field only an employee may set (requestor, submitter, approver, expiryDate, approvalStatus, received) (400).',
    cite: `${REFERENCE}, basicEmployeeReturnBase / updateEmployeeReturn: "can be set and updated only by an employee"`,
  },
  employeeOnlyFieldUnchanged: {
    code: 'state.field.employee-only-unchanged',
    level: 'notice',
    source: 'vendor-reference',
    description: "A customer's PUT carries an employee-only field with the value the return already has (as read back): ignored.",
    cite: `${REFERENCE}, updateCustomerReturn (basicReturn) does not have these fields; the customer's GET answers some of them`,
  },
  employeeFieldRequired: {
    code: 'state.field.employee-required',
    level: 'violation',
    source: 'vendor-reference',
    description: "An employee's create without requestor or submitter (400).",
    cite: `${REFERENCE}, basicEmployeeReturnBase: required [requestor, submitter]`,
  },
  employeeFieldMissingOnUpdate: {
    code: 'state.field.employee-missing-on-update',
    level: 'risk',
    source: 'vendor-reference',
    description: "An employee's PUT without approvalStatus, requestor or submitter; served keeping the stored value.",
    cite: `${REFERENCE}, updateEmployeeReturn requires them, but returnUpdateBody is anyOf it and updateCustomerReturn, which does not`,
  },
  requestorIncomplete: {
    code: 'state.requestor.incomplete',
    level: 'violation',
    source: 'vendor-reference',
    description: "An employee's requestor names neither a registered customer (customerId) nor an anonymous order (anonymous and email) (400).",
    cite: `${REFERENCE}, basicEmployeeReturn (requestor required [customerId]) and employeeReturnForAnonymousOrder (required [anonymous, email])`,
  },
  idMismatch: {
    code: 'state.return.id-mismatch',
    level: 'risk',
    source: 'mock',
    description: "A PUT body whose id is not the path's returnId; served: the path's return is updated, the body's id ignored.",
    cite: `${REFERENCE}, updateCustomerReturn "id": no rule ties it to the path`,
  },
  versionConflict: {
    code: 'state.return.version-conflict',
    level: 'violation',
    source: 'vendor-reference',
    description: 'A PUT whose metadata.version is not the stored version (409).',
    cite: `${REFERENCE}, metadataUpdate "version": "required during the update operation because of the optimistic locking mechanism"`,
  },
  returnInvalid: {
    code: 'state.return.invalid',
    level: 'violation',
    source: 'vendor-reference',
    description: 'A PATCH that leaves the return breaking its schema (400 naming the field).',
    cite: `${REFERENCE}, returns_response_BadRequest_400: "Bad request due to validation"`,
  },
  patchNotApplicable: {
    code: 'request.body.patch',
    level: 'violation',
    source: 'platform',
    description: 'A PATCH operation that cannot be applied (a missing path to remove or replace) (400).',
    cite: 'RFC 6902, section 5: an operation that is not successful ends the patch, which is not applied',
  },
  patchReadOnlyPath: {
    code: 'state.patch.read-only-path',
    level: 'risk',
    source: 'mock',
    description: 'A PATCH of a field the service sets (id, total, item prices, metadata version and dates); served without that operation.',
    cite: `${REFERENCE}, the fields are answered by the service; no rule says a PATCH of them is refused`,
  },
  orderUnknown: {
    code: 'state.order.unknown',
    level: 'violation',
    source: 'mock',
    option: '--strict-fixtures',
    description: 'Under --strict-fixtures, an order the fixtures lack (400): refused because the option asks for it.',
    cite: "README.md, --strict-fixtures; Emporix's reference does not say how it treats an unknown order",
  },
  currencyMismatch: {
    code: 'state.order.currency-mismatch',
    level: 'violation',
    source: 'vendor-reference',
    description: 'The orders of one return are in different currencies (400).',
    cite: `${REFERENCE}, basicReturn "orders": "All the orders must have the same currency"`,
  },
  itemNotOnOrder: {
    code: 'state.order-item.not-on-order',
    level: 'risk',
    source: 'mock',
    description: 'A returned item the fixture order does not hold; served, priced as an item of an unknown order.',
    cite: `${REFERENCE}, orderItem "id": "In the order entity, the field is called order.entries[].id"`,
  },
  quantityExceeded: {
    code: 'state.order-item.quantity-exceeded',
    level: 'risk',
    source: 'mock',
    description: 'More of an item than the fixture order holds; served.',
    cite: `${REFERENCE}, orderItem "quantity": no rule ties it to the ordered amount`,
  },
  quantityNotPositive: {
    code: 'state.order-item.quantity-not-positive',
    level: 'risk',
    source: 'mock',
    description: 'A returned item with a quantity below 1; served.',
    cite: `${REFERENCE}, orderItem "quantity": integer, no minimum`,
  },
  noOrders: {
    code: 'state.return.no-orders',
    level: 'risk',
    source: 'mock',
    description: 'A return with an empty orders array; served as a return of nothing.',
    cite: `${REFERENCE}, basicReturn "orders": required, no minimum length`,
  },
  expiryDateNotInstant: {
    code: 'state.expiry-date.not-instant',
    level: 'risk',
    source: 'vendor-reference',
    description: "An employee's expiryDate that is a date only or a date-time without offset; served, read as UTC.",
    cite: `${REFERENCE}, expiryDate: type string without format, "ISO-8601 timestamp" when read; a Java Instant needs an offset`,
  },
});
