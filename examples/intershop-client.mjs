// An Intershop IOM RMA client with deliberate contract faults, for `returns-mock test`:
//   returns-mock test -- node examples/intershop-client.mjs
// Every fault is one the mock's validator catches before any vendor behaviour runs. Known faults:
//   createReturnRequest  header   /content-type   request.header.content-type  (plain JSON instead of the vendor media type)
//   listReturnReasons    security /Authorization  request.security.missing    (no credentials)
//   (no operation)       path                     request.path.unknown        (a misspelt path)
const base = process.env.RETURNS_MOCK_INTERSHOP_URL;
if (base === undefined) throw new Error('RETURNS_MOCK_INTERSHOP_URL is not set: run me through `returns-mock test -- node examples/intershop-client.mjs`');

const shop = encodeURIComponent('Test Shop US DE');
const basic = `Basic ${Buffer.from('admin:secret').toString('base64')}`;
const client = { 'x-mock-client': 'intershop-client' };

async function call(method, path, headers, body) {
  const response = await fetch(`${base}${path}`, { method, headers: { ...client, ...headers }, body });
  console.log(`intershop-client: ${method} ${path} → ${response.status}`);
}

const returnRequest = JSON.stringify({ type: 'PICKUP', positions: [{ positionNumber: 1, productNumber: '20180303123', reason: 'RET100', quantity: 1 }] });
// Wrong content type: IOM wants application/vnd.intershop.return-request.v1+json.
await call('POST', `/shops/${shop}/orders/20180303123/return-requests`, { authorization: basic, 'content-type': 'application/json' }, returnRequest);
// No credentials.
await call('GET', `/shops/${shop}/return-reasons?type=RET`, {});
// A path IOM does not have ("return-reason" for "return-reasons").
await call('GET', `/shops/${shop}/return-reason?type=RET`, { authorization: basic });
