import { defineRules } from '../../core/rules.js';

/** Where the JTL page is: every `vendor-doc` cite names a section of it. */
const PAGE = 'JTL-Cloud ERP API reference, "Create Return" (POST /erp/returns)';
const ASPNET_CORE_NEGOTIATION =
  'ASP.NET Core docs, "Format response data in ASP.NET Core Web API": without ReturnHttpNotAcceptable an Accept no formatter satisfies is answered with the first formatter (JSON), not 406';
/** Only under `--strict-fixtures`, which asks for it: without it the mock fabricates the reference, as a vendor with that data would accept it. */
const STRICT_FIXTURES = 'returns-mock option --strict-fixtures (the user asks that references the fixtures lack be refused)';

/** Every finding the JTL plugin raises, and the engine rules it grades for JTL's platform (ASP.NET Core). */
export const JTL_RULES = defineRules('jtl', {
  runAsScopeMissing: {
    code: 'security.scope.missing',
    level: 'violation',
    source: 'vendor-doc',
    description: 'A request with x-runas whose token lacks the scope Application.RunAs is refused with 403.',
    cite: `${PAGE}, Headers: x-runas "Requires scope 'Application.RunAs'"`,
  },
  createScopeUndocumented: {
    code: 'security.scope.undocumented',
    level: 'risk',
    source: 'mock',
    description: 'The token states scopes and returns.write is not among them: the page names no scope for creating a return, so the return is created and the finding kept.',
    cite: `${PAGE}, Authorizations: the OAuth 2.0 token is described without scopes; returns.write is JTL's resource.permission convention, not a documented requirement`,
  },
  tenantForbidden: {
    code: 'security.tenant.forbidden',
    level: 'violation',
    source: 'platform',
    description: 'The fixtures declare the token for other tenants than x-tenant-id: refused with 403, as a resource server refuses a token without the privilege.',
    cite: "RFC 6750 §3.1 (insufficient_scope: the resource server SHOULD respond with 403); the token's tenants come from fixtures/jtl/credentials.yaml",
  },
  companyUnknown: {
    code: 'state.company.unknown',
    level: 'violation',
    source: 'mock',
    option: '--strict-fixtures',
    description: 'A CompanyId the fixtures lack, refused with 400 only under --strict-fixtures (otherwise fabricated).',
    cite: STRICT_FIXTURES,
  },
  salesOrderUnknown: {
    code: 'state.sales-order.unknown',
    level: 'violation',
    source: 'mock',
    option: '--strict-fixtures',
    description: 'A SalesOrderId the fixtures lack, refused with 400 only under --strict-fixtures (otherwise fabricated).',
    cite: STRICT_FIXTURES,
  },
  warehouseUnknown: {
    code: 'state.warehouse.unknown',
    level: 'violation',
    source: 'mock',
    option: '--strict-fixtures',
    description: 'A WarehouseId the fixtures lack, refused with 400 only under --strict-fixtures (otherwise fabricated).',
    cite: STRICT_FIXTURES,
  },
  returnReasonUnknown: {
    code: 'state.return-reason.unknown',
    level: 'violation',
    source: 'mock',
    option: '--strict-fixtures',
    description: 'A ReturnReasonId the fixtures lack, refused with 400 only under --strict-fixtures (otherwise accepted, like other references).',
    cite: STRICT_FIXTURES,
  },
  lineItemNotOnOrder: {
    code: 'state.line-item.not-on-order',
    level: 'risk',
    source: 'mock',
    description: 'An item names a SalesOrderLineItemId that is not a line item of the sales order; the page states no such check, so the return is created and the finding kept.',
    cite: `${PAGE}, Body: Items is "object[]" without a model`,
  },
  lineItemQuantityExceeded: {
    code: 'state.line-item.quantity-exceeded',
    level: 'risk',
    source: 'mock',
    description: 'The items return more of a line item than the sales order holds; the page states no such check, so the return is created and the finding kept.',
    cite: `${PAGE}, Body: Items is "object[]" without a model`,
  },
  itemNamesNoLine: {
    code: 'state.line-item.unnamed',
    level: 'risk',
    source: 'mock',
    description: 'An item names neither SalesOrderLineItemId nor DeliveryNoteLineItemId, so nothing says what it returns; created, and the finding kept.',
    cite: `${PAGE}, request sample: an item carries SalesOrderLineItemId and DeliveryNoteLineItemId; the item model is not documented`,
  },
  contentTypeUnsupported: {
    code: 'request.header.content-type',
    level: 'violation',
    source: 'platform',
    description: 'The body is not JSON (application/json, text/json, application/*+json): ASP.NET Core has no input formatter to read it and answers 415.',
    cite: 'ASP.NET Core docs, "Format response data" / SystemTextJsonInputFormatter: supported media types application/json, text/json, application/*+json; [ApiController] answers 415 for others',
  },
  acceptUnmatched: {
    code: 'request.header.accept',
    level: 'notice',
    source: 'platform',
    description: 'Accept allows no media type of the answer: ASP.NET Core ignores it and answers JSON (no 406 by default).',
    cite: ASPNET_CORE_NEGOTIATION,
  },
});
