// A JTL-Cloud ERP returns client with deliberate contract faults, for `returns-mock test`:
//   returns-mock test -- node examples/jtl-client.mjs
// Known faults (the report must list exactly these):
//   createReturn  header /x-appversion        request.header.required  (the header is left out)
//   createReturn  body   /Items/0/Quantity    request.body.type        (a word where the spec wants a number; "2" would bind, as in ASP.NET)
const base = process.env.RETURNS_MOCK_JTL_URL;
if (base === undefined) throw new Error('RETURNS_MOCK_JTL_URL is not set: run me through `returns-mock test -- node examples/jtl-client.mjs`');

const headers = {
  'x-mock-client': 'jtl-client',
  authorization: 'Bearer demo-token',
  'x-appid': 'ReturnsConnector/1.0.0',
  'x-appversion': '1.0.0',
  'x-tenant-id': '3fa85f64-5717-4562-b3fc-2c963f66afa6',
  'content-type': 'application/json',
};
const newReturn = (quantity) => ({ CompanyId: 123, SalesOrderId: 123, WarehouseId: 123, Items: [{ Quantity: quantity, SalesOrderLineItemId: 123, ReturnReasonId: 123 }] });

async function post(body, requestHeaders) {
  const response = await fetch(`${base}/erp/returns`, { method: 'POST', headers: requestHeaders, body: JSON.stringify(body) });
  console.log(`jtl-client: POST /erp/returns → ${response.status}`);
}

// A correct call.
await post(newReturn(2), headers);
// The faulty call: no x-appversion, and the quantity as a word.
const { 'x-appversion': _left, ...withoutVersion } = headers;
await post(newReturn('two'), withoutVersion);
