// An Emporix returns client with deliberate contract faults, for `returns-mock test`:
//   returns-mock test -- node examples/emporix-client.mjs
// Known faults:
//   listReturns  query  /pageSize  request.query.maximum  (61, over the documented maximum of 60)
//   getReturn    header /accept    request.header.accept  (asks for XML, which Emporix does not offer)
const base = process.env.RETURNS_MOCK_EMPORIX_URL;
if (base === undefined) throw new Error('RETURNS_MOCK_EMPORIX_URL is not set: run me through `returns-mock test -- node examples/emporix-client.mjs`');

const headers = { 'x-mock-client': 'emporix-client', authorization: 'Bearer demo-token' };

async function call(method, path, extra = {}, body) {
  const response = await fetch(`${base}${path}`, { method, headers: { ...headers, ...extra }, body });
  console.log(`emporix-client: ${method} ${path} → ${response.status}`);
  return response;
}

// A correct create: an employee (no saas-token) names the customer it is for and who submits it.
const created = await call(
  'POST',
  '/return/acme/returns',
  { 'content-type': 'application/json' },
  JSON.stringify({
    orders: [{ id: 'O-1', items: [{ id: '1', quantity: 1 }] }],
    reason: { code: '001' },
    requestor: { customerId: 'C-1' },
    submitter: { firstName: 'Erin', lastName: 'Employee', email: 'erin@acme.example' },
  }),
);
const { id } = await created.json();
// Too large a page.
await call('GET', '/return/acme/returns?pageSize=61');
// An Accept header Emporix cannot satisfy.
await call('GET', `/return/acme/returns/${id}`, { accept: 'application/xml' });
