// A ShopCtrl returns client with deliberate contract faults, for `returns-mock test`:
//   returns-mock test -- node examples/shopctrl-client.mjs
// Known faults:
//   addOrderReturn  body  /ReturnCode                     request.body.required  (left out)
//   addOrderReturn  body  /OrderReturnRows/0/Resolution   request.body.type      (the enum's name where JSON wants its number)
const base = process.env.RETURNS_MOCK_SHOPCTRL_URL;
if (base === undefined) throw new Error('RETURNS_MOCK_SHOPCTRL_URL is not set: run me through `returns-mock test -- node examples/shopctrl-client.mjs`');

async function post(contentType, body) {
  const response = await fetch(`${base}/v1/Returns`, { method: 'POST', headers: { 'x-mock-client': 'shopctrl-client', 'content-type': contentType, accept: contentType }, body });
  console.log(`shopctrl-client: POST /v1/Returns (${contentType}) → ${response.status}`);
}

// A correct call in XML.
await post(
  'application/xml',
  '<OrderReturnChanges><Id>0</Id><OrderId>5</OrderId><ReturnCode>R-1001</ReturnCode><OrderReturnRows><OrderReturnRow><OrderRowId>2</OrderRowId><ReturnedQuantity>1</ReturnedQuantity><Resolution>Undefined</Resolution></OrderReturnRow></OrderReturnRows></OrderReturnChanges>',
);
// The faulty call in JSON.
await post('application/json', JSON.stringify({ Id: 0, OrderId: 5, OrderReturnRows: [{ OrderRowId: 2, ReturnedQuantity: 1, Resolution: 'Undefined' }] }));
