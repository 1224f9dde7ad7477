import { XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import type { Exchange } from '../../../src/engine/create-vendor-engine.js';
import { createTestMock } from '../../helpers/mock-client.js';

/**
 * Requests as typical client stacks serialize them for the two ASP.NET vendors, sent through the real app: each is
 * accepted with no `violation` (risks and notices are allowed where the vendor's platform accepts the request), and the
 * answer fits the spec. The bodies are written out as those serializers write them, with their defaults.
 */
const TENANT = '3fa85f64-5717-4562-b3fc-2c963f66afa6';
const JTL_HEADERS = { authorization: 'Bearer demo-token', 'x-appid': 'MyApp/1.0.0', 'x-appversion': '1.0.0', 'x-tenant-id': TENANT };

async function createCorpusMock() {
  const exchanges: Exchange[] = [];
  const mock = await createTestMock({ vendors: ['jtl', 'shopctrl'], clock: '2024-05-06T07:08:09.000Z', seed: 3, onExchange: (exchange) => exchanges.push(exchange) });
  /** Sends raw text as the client stack would, and returns the answer with the exchange the mock recorded. */
  const post = async (path: string, headers: Record<string, string>, body: string) => {
    const response = await mock.send('POST', path, { headers, body });
    return { response, exchange: exchanges.at(-1)! };
  };
  return { ...mock, post };
}

/** No finding stops the request, and the answer keeps to the spec. */
function expectAccepted(exchange: Exchange, status: number): void {
  expect(exchange.violations.filter((finding) => finding.level === 'violation' || finding.level === undefined)).toEqual([]);
  expect(exchange.responseViolations).toEqual([]);
  expect(exchange.response.status).toBe(status);
}

describe('JTL-Cloud ERP: realistic clients', () => {
  // System.Text.Json with default options writes PascalCase C# names, writes null for unset members, and a DateTime of
  // kind Unspecified without an offset; HttpClient sends no Accept.
  const systemTextJson = JSON.stringify({
    CompanyId: 123,
    SalesOrderId: 123,
    WarehouseId: 123,
    Items: [{ Quantity: 2, ReturnReasonId: null, ReturnReasonComment: null, SalesOrderLineItemId: 123, DeliveryNoteLineItemId: null }],
    ReturnDate: '2023-02-01T12:45:00',
    ExternalNumber: null,
    ExternalComment: null,
    InternalComment: null,
    Contact: null,
    Packages: null,
  });

  it('accepts System.Text.Json defaults: PascalCase, nulls, a zone-less ReturnDate (answered with an offset)', async () => {
    const mock = await createCorpusMock();
    const { response, exchange } = await mock.post('/jtl/erp/returns', { ...JTL_HEADERS, 'content-type': 'application/json; charset=utf-8' }, systemTextJson);
    expectAccepted(exchange, 201);
    expect(response.json).toMatchObject({ ReturnDate: '2023-02-01T12:45:00.0000000+00:00', ExternalNumber: '', Contact: '' });
  });

  it('accepts HttpClient.PostAsJsonAsync (System.Text.Json web defaults): camelCase names', async () => {
    const mock = await createCorpusMock();
    const camel = JSON.stringify({
      companyId: 123,
      salesOrderId: 123,
      warehouseId: 123,
      items: [{ quantity: 1, returnReasonId: 124, salesOrderLineItemId: 123, deliveryNoteLineItemId: null }],
      returnDate: '2023-02-01T12:45:00',
      externalNumber: 'EX-1',
    });
    const { response, exchange } = await mock.post('/jtl/erp/returns', { ...JTL_HEADERS, 'content-type': 'application/json; charset=utf-8' }, camel);
    expectAccepted(exchange, 201);
    expect(exchange.violations).toEqual([]);
    expect(response.json).toMatchObject({ CompanyId: 123, ExternalNumber: 'EX-1' });
  });

  it('accepts Json.NET defaults: PascalCase, nulls, a local DateTime with its offset, decimals written as 2.0', async () => {
    const mock = await createCorpusMock();
    const body =
      '{"CompanyId":123,"SalesOrderId":123,"WarehouseId":123,"Items":[{"Quantity":2.0,"ReturnReasonId":123,"ReturnReasonComment":"too small","SalesOrderLineItemId":123,"DeliveryNoteLineItemId":null}],"ReturnDate":"2023-02-01T12:45:00+01:00","ExternalNumber":"EX-12345","ExternalComment":null,"InternalComment":null,"Contact":null,"Packages":[{"TrackingID":"JJD0099999999","ShippingMethodId":null,"ShippingMethodCustom":"DHL"}]}';
    const { response, exchange } = await mock.post('/jtl/erp/returns', { ...JTL_HEADERS, 'content-type': 'application/json; charset=utf-8' }, body);
    expectAccepted(exchange, 201);
    expect(response.json.ReturnDate).toBe('2023-02-01T12:45:00+01:00');
  });

  it("accepts PHP json_encode of database rows: ids and quantities as strings, a date-only ReturnDate, curl's Accept */*", async () => {
    const mock = await createCorpusMock();
    const body =
      '{"CompanyId":"123","SalesOrderId":"123","WarehouseId":"123","Items":[{"Quantity":"1.5","SalesOrderLineItemId":"123","ReturnReasonId":null}],"ReturnDate":"2023-02-01","ExternalNumber":"EX-9"}';
    const { response, exchange } = await mock.post('/jtl/erp/returns', { ...JTL_HEADERS, 'content-type': 'application/json', accept: '*/*' }, body);
    expectAccepted(exchange, 201);
    expect(response.json).toMatchObject({ CompanyId: 123, ReturnDate: '2023-02-01T00:00:00.0000000+00:00' });
  });

  it('accepts text/json, a path in other letter case and a tenant id in upper case; an Accept nothing matches is answered in JSON with a notice', async () => {
    const mock = await createCorpusMock();
    const headers = { ...JTL_HEADERS, 'x-tenant-id': TENANT.toUpperCase(), 'content-type': 'text/json', accept: 'application/xml' };
    const { response, exchange } = await mock.post('/jtl/ERP/Returns', headers, systemTextJson);
    expectAccepted(exchange, 201);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(exchange.violations.map((finding) => [finding.code, finding.level, finding.source])).toEqual([['request.header.accept', 'notice', 'platform']]);
    expect(Object.keys((await mock.send('GET', '/__admin/state')).json.vendors.jtl)).toEqual([TENANT]);
  });

  it('still refuses what the platform refuses: a body type no JSON formatter reads (415), a quantity that is no number and a month 13 (400)', async () => {
    const mock = await createCorpusMock();
    const xml = await mock.post('/jtl/erp/returns', { ...JTL_HEADERS, 'content-type': 'application/xml' }, '<CreateReturn/>');
    expect(xml.response.status).toBe(415);
    expect(xml.exchange.violations.map((finding) => [finding.code, finding.level])).toEqual([['request.header.content-type', 'violation']]);
    const word = await mock.post('/jtl/erp/returns', { ...JTL_HEADERS, 'content-type': 'application/json' }, systemTextJson.replace('"Quantity":2', '"Quantity":"two"'));
    expect(word.response.status).toBe(400);
    const month = await mock.post('/jtl/erp/returns', { ...JTL_HEADERS, 'content-type': 'application/json' }, systemTextJson.replace('2023-02-01T12:45:00', '2023-13-01T12:45:00'));
    expect(month.response.status).toBe(400);
    expect(Object.keys(month.response.json.errors)).toEqual(['ReturnDate']);
  });
});

describe('ShopCtrl: realistic clients', () => {
  // XmlSerializer writes the xsi and xsd namespaces on the root, `xsi:nil="true"` for a null Nullable<T>, leaves out a
  // null string, and writes a DateTime of kind Unspecified without an offset; HttpClient sends no Accept.
  const xmlSerializer = [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<OrderReturnChanges xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:xsd="http://www.w3.org/2001/XMLSchema">',
    '  <OrderReturnRows>',
    '    <OrderReturnRow>',
    '      <Id xsi:nil="true" />',
    '      <OrderRowId>2</OrderRowId>',
    '      <ReturnedQuantity>1</ReturnedQuantity>',
    '      <ApprovedQuantity xsi:nil="true" />',
    '      <Resolution>Undefined</Resolution>',
    '      <ReturnReasonId>1</ReturnReasonId>',
    '      <StockItems>',
    '        <StockItem><LotNumber>L-1</LotNumber><ExpiryDate>2027-01-31T00:00:00</ExpiryDate></StockItem>',
    '      </StockItems>',
    '    </OrderReturnRow>',
    '  </OrderReturnRows>',
    '  <Params />',
    '  <CustomStatusId xsi:nil="true" />',
    '  <Id>0</Id>',
    '  <MainStatusId xsi:nil="true" />',
    '  <OrderId>5</OrderId>',
    '  <ReceivedDate>2023-02-01T12:45:00</ReceivedDate>',
    '  <ClosedTimestamp xsi:nil="true" />',
    '  <FollowUpTimestamp xsi:nil="true" />',
    '  <ReturnCode>RMA-1</ReturnCode>',
    '  <WarehouseId xsi:nil="true" />',
    '</OrderReturnChanges>',
  ].join('\n');

  it('accepts .NET XmlSerializer output without Accept (xsi:nil, zone-less dates) and answers in XML', async () => {
    const mock = await createCorpusMock();
    const { response, exchange } = await mock.post('/shopctrl/v1/Returns', { 'content-type': 'application/xml; charset=utf-8' }, xmlSerializer);
    expectAccepted(exchange, 200);
    expect(response.headers.get('content-type')).toMatch(/^application\/xml/);
    expect(XMLValidator.validate(response.text)).toBe(true);
    expect(response.text).toContain('<ReceivedDate>2023-02-01T12:45:00</ReceivedDate>');
    expect(response.text).toContain('<ExpiryDate>2027-01-31T00:00:00</ExpiryDate>');
    expect(response.text).not.toContain('<WarehouseId');
    expect(response.text).toContain('<MainStatusId>1</MainStatusId>');
  });

  it('answers an XML request without Accept in XML also when it refuses it', async () => {
    const mock = await createCorpusMock();
    const { response, exchange } = await mock.post('/shopctrl/v1/Returns', { 'content-type': 'text/xml' }, xmlSerializer.replace('<Id>0</Id>', '<Id>4</Id>'));
    expect(exchange.response.status).toBe(400);
    expect(response.headers.get('content-type')).toMatch(/^text\/xml/);
    expect(response.text).toContain('<Error');
    expect(response.text).toContain('<orderReturn.Id>');
  });

  it('accepts Json.NET defaults: PascalCase, nulls for unset members, zone-less dates, text/json', async () => {
    const mock = await createCorpusMock();
    const body = JSON.stringify({
      CustomerComment: null,
      OrderReturnRows: [
        {
          Id: 0,
          OrderRowId: 2,
          ProductCode: null,
          ProductName: null,
          Comment: null,
          CustomerComment: null,
          ReturnedQuantity: 1.0,
          ApprovedQuantity: null,
          Resolution: 0,
          ReturnReasonId: null,
          MainReturnRowStatusId: null,
          ReturnConditionId: null,
          ProductSelectionProductId: null,
          SupplierName: null,
          CustomReturnRowStatusId: null,
          StockItems: null,
        },
      ],
      Params: null,
      CustomStatusId: null,
      Id: 0,
      MainStatusId: null,
      OrderId: 5,
      ReceivedDate: '2023-02-01T12:45:00',
      ClosedTimestamp: null,
      FollowUpTimestamp: null,
      ReturnCode: 'RMA-2',
      WarehouseId: null,
    });
    const { response, exchange } = await mock.post('/shopctrl/v1/Returns', { 'content-type': 'text/json' }, body);
    expectAccepted(exchange, 200);
    expect(exchange.violations).toEqual([]);
    expect(response.json).toMatchObject({ ReceivedDate: '2023-02-01T12:45:00', OrderId: 5, MainStatusId: 1 });
    expect(response.json).not.toHaveProperty('WarehouseId');
  });

  it('accepts PHP json_encode: numbers as strings, camelCase keys from an API client library, a lower-case path', async () => {
    const mock = await createCorpusMock();
    const body = '{"orderId":"5","returnCode":"RMA-3","orderReturnRows":[{"orderRowId":"2","returnedQuantity":"1"}],"receivedDate":"2023-02-01T12:45:00+01:00"}';
    const { response, exchange } = await mock.post('/shopctrl/v1/returns', { 'content-type': 'application/json', accept: 'application/json' }, body);
    expectAccepted(exchange, 200);
    expect(response.json).toMatchObject({ OrderId: 5, ReturnCode: 'RMA-3', OrderReturnRows: [{ OrderRowId: 2, ReturnedQuantity: 1 }] });
  });

  it('skips XML list items under another element name, as XmlSerializer does, and names each in a notice', async () => {
    const mock = await createCorpusMock();
    const renamed = xmlSerializer.replace('<OrderReturnRow>', '<Row>').replace('</OrderReturnRow>', '</Row>');
    const { response, exchange } = await mock.post('/shopctrl/v1/Returns', { 'content-type': 'application/xml' }, renamed);
    expectAccepted(exchange, 200);
    expect(exchange.violations.map((finding) => [finding.code, finding.level, finding.source, finding.pointer, finding.value])).toEqual([
      ['request.body.xml-element.ignored', 'notice', 'platform', '/OrderReturnRows', 'Row'],
    ]);
    expect(response.text).not.toContain('<OrderReturnRow>');
  });

  it("answers an Accept none of the four formats satisfies in the request's format, with a notice instead of 406", async () => {
    const mock = await createCorpusMock();
    const { response, exchange } = await mock.post('/shopctrl/v1/Returns', { 'content-type': 'application/xml', accept: 'application/pdf' }, xmlSerializer);
    expectAccepted(exchange, 200);
    expect(response.headers.get('content-type')).toMatch(/^application\/xml/);
    expect(exchange.violations.map((finding) => [finding.code, finding.level])).toEqual([['request.header.accept', 'notice']]);
  });
});
