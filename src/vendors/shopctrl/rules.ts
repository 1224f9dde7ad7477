import { defineRules } from '../../core/rules.js';

const PAGE = 'ShopCtrl API help page, "POST v1/Returns"';
/** Only under `--strict-fixtures`, which asks for it: without it the mock fabricates the reference, as a vendor with that data would accept it. */
const STRICT_FIXTURES = 'returns-mock option --strict-fixtures (the user asks that references the fixtures lack be refused)';
const ROW_MODEL = `${PAGE}, Body Parameters: OrderReturnRow lists every property with "None." (no rule)`;

/** Every finding the ShopCtrl plugin raises, and the engine rules it grades for its platform (ASP.NET Web API 2, Json.NET, XmlSerializer). */
export const SHOPCTRL_RULES = defineRules('shopctrl', {
  orderUnknown: {
    code: 'state.order.unknown',
    level: 'violation',
    source: 'mock',
    option: '--strict-fixtures',
    description: 'An OrderId the fixtures lack, refused with 400 only under --strict-fixtures (otherwise fabricated).',
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
  mainStatusUnknown: {
    code: 'state.main-status.unknown',
    level: 'violation',
    source: 'mock',
    option: '--strict-fixtures',
    description: 'A MainStatusId the fixtures lack, refused with 400 only under --strict-fixtures (otherwise fabricated).',
    cite: STRICT_FIXTURES,
  },
  customStatusUnknown: {
    code: 'state.custom-status.unknown',
    level: 'violation',
    source: 'mock',
    option: '--strict-fixtures',
    description: 'A CustomStatusId the fixtures lack, refused with 400 only under --strict-fixtures (otherwise fabricated).',
    cite: STRICT_FIXTURES,
  },
  returnReasonUnknown: {
    code: 'state.return-reason.unknown',
    level: 'violation',
    source: 'mock',
    option: '--strict-fixtures',
    description: 'A ReturnReasonId the fixtures lack, refused with 400 only under --strict-fixtures (otherwise accepted).',
    cite: STRICT_FIXTURES,
  },
  orderRowMissing: {
    code: 'state.order-row.missing',
    level: 'risk',
    source: 'mock',
    description: 'A return row names no OrderRowId, so nothing says what it returns; stored as sent, and the finding kept.',
    cite: ROW_MODEL,
  },
  orderRowNotOnOrder: {
    code: 'state.order-row.not-on-order',
    level: 'risk',
    source: 'mock',
    description: 'A return row names an OrderRowId that is not a row of the order; stored as sent, and the finding kept.',
    cite: ROW_MODEL,
  },
  orderRowQuantityExceeded: {
    code: 'state.order-row.quantity-exceeded',
    level: 'risk',
    source: 'mock',
    description: 'The return rows return more of an order row than it holds; stored as sent, and the finding kept.',
    cite: ROW_MODEL,
  },
  returnedQuantityNegative: {
    code: 'state.order-row.quantity-negative',
    level: 'risk',
    source: 'mock',
    description: 'A return row returns a negative quantity; neither the page nor Json.NET/XmlSerializer refuses a negative decimal, so it is stored as sent and the finding kept.',
    cite: `${PAGE}, OrderReturnRow.ReturnedQuantity: "decimal number", "None."`,
  },
  xmlListItemIgnored: {
    code: 'request.body.xml-element.ignored',
    level: 'notice',
    source: 'platform',
    description: 'An XML list holds an element not named as its items (<OrderReturnRow>, <StockItem>, <Params>): XmlSerializer skips it, so the item is lost without an error.',
    cite: 'XmlSerializer.UnknownElement event (learn.microsoft.com): "By default, after calling Deserialize, the XmlSerializer ignores XML elements of unknown types"',
  },
  acceptUnmatched: {
    code: 'request.header.accept',
    level: 'notice',
    source: 'platform',
    description: "Accept allows none of the four formats: ASP.NET Web API ignores it and answers in the request body's format, else JSON (no 406).",
    cite: 'ASP.NET Web API docs, "Content Negotiation in ASP.NET Web API": the negotiator tries media type mappings, then Accept, then the request\'s Content-Type, then the first formatter that can write the type',
  },
  contentTypeUnsupported: {
    code: 'request.header.content-type',
    level: 'violation',
    source: 'platform',
    description: 'The body is none of application/json, text/json, application/xml, text/xml: ASP.NET Web API has no formatter to read it and answers 415.',
    cite: `${PAGE}, Request Formats; ASP.NET Web API answers 415 Unsupported Media Type when no MediaTypeFormatter reads the content`,
  },
});
