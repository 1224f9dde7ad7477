// A return client that keeps every vendor's contract, for `returns-mock test`:
//   returns-mock test -- node examples/clean-client.mjs
// Its report passes. It exits non-zero if any answer is not the success it expects.
const url = (vendor) => {
  const value = process.env[`RETURNS_MOCK_${vendor}_URL`];
  if (value === undefined) throw new Error(`RETURNS_MOCK_${vendor}_URL is not set: run me through \`returns-mock test -- node examples/clean-client.mjs\``);
  return value;
};
const client = { 'x-mock-client': 'clean-client' };

async function call(vendor, method, path, headers, body) {
  const response = await fetch(`${url(vendor)}${path}`, { method, headers: { ...client, ...headers }, body });
  console.log(`clean-client: ${vendor} ${method} ${path} → ${response.status}`);
  if (response.status >= 400) {
    process.exitCode = 1;
    console.error(await response.text());
  }
  return response;
}

await call(
  'JTL',
  'POST',
  '/erp/returns',
  {
    authorization: 'Bearer demo-token',
    'x-appid': 'ReturnsConnector/1.0.0',
    'x-appversion': '1.0.0',
    'x-tenant-id': '3fa85f64-5717-4562-b3fc-2c963f66afa6',
    'content-type': 'application/json',
  },
  JSON.stringify({ CompanyId: 123, SalesOrderId: 123, WarehouseId: 123, Items: [{ Quantity: 2, SalesOrderLineItemId: 123, ReturnReasonId: 123 }] }),
);

await call('INTERSHOP', 'GET', `/shops/${encodeURIComponent('Test Shop US DE')}/return-reasons?type=RET`, {
  authorization: `Basic ${Buffer.from('admin:secret').toString('base64')}`,
});

const emporix = { authorization: 'Bearer demo-token' };
// An employee's create (no saas-token): Emporix requires requestor and submitter from an employee.
const created = await call(
  'EMPORIX',
  'POST',
  '/return/acme/returns',
  { ...emporix, 'content-type': 'application/json' },
  JSON.stringify({
    orders: [{ id: 'O-1', items: [{ id: '1', quantity: 1 }] }],
    reason: { code: '001' },
    requestor: { customerId: 'C-1' },
    submitter: { firstName: 'Erin', lastName: 'Employee', email: 'erin@acme.example' },
  }),
);
const { id } = await created.json();
await call('EMPORIX', 'GET', `/return/acme/returns/${id}`, emporix);
await call('EMPORIX', 'GET', '/return/acme/returns?pageSize=10&pageNumber=1', emporix);
// The largest page Emporix serves (its pageSize maximum is 60).
await call('EMPORIX', 'GET', '/return/acme/returns?pageSize=60', emporix);

await call(
  'SHOPCTRL',
  'POST',
  '/v1/Returns',
  { 'content-type': 'application/json', accept: 'application/json' },
  JSON.stringify({ Id: 0, OrderId: 5, ReturnCode: 'R-1001', OrderReturnRows: [{ OrderRowId: 2, ReturnedQuantity: 1, Resolution: 0 }] }),
);
