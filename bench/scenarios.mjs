// The scenarios, as each server under test is asked them: same method, headers and body, paths per server.
import { iomOrderNumber, IOM_SHOP } from './fixtures.mjs';

export const EMPORIX_HEADERS = { authorization: 'Bearer employee-token' };
/** An employee's create (no saas-token): Emporix requires `requestor` and `submitter` from an employee. */
export const EMPORIX_CREATE_BODY = JSON.stringify({
  orders: [{ id: 'O-1', items: [{ id: '32090', quantity: 1, reason: { code: '001' } }] }],
  reason: { code: '001', details: 'The items do not work.' },
  requestor: { customerId: 'C-1' },
  submitter: { firstName: 'Erin', lastName: 'Employee', email: 'erin@acme.example' },
});
export const LIST_QUERY = `pageSize=10&q=${encodeURIComponent('orders.id:O-1')}`;
const IOM_TYPE = 'application/vnd.intershop.return-request.v1+json';
const IOM_HEADERS = { authorization: `Basic ${Buffer.from('admin:secret').toString('base64')}`, 'content-type': IOM_TYPE };
const IOM_BODY = JSON.stringify({ type: 'RETURN', positions: [{ positionNumber: 1, productNumber: '20180303500', reason: 'RET100', quantity: 1 }] });
const iomPath = (prefix) => (i) => `${prefix}/shops/${encodeURIComponent(IOM_SHOP)}/orders/${iomOrderNumber(i)}/return-requests`;

export const SCENARIOS = ['emporix get-one', 'emporix list', 'emporix create', 'iom create'];

/** The request of `scenario` against a vendor base URL (`…/emporix`, `…/intershop`, or Prism's root); `id` is the return to read. */
export function requestFor(scenario, base, id) {
  const url = new URL(base);
  const prefix = url.pathname.replace(/\/$/, '');
  const origin = url.origin;
  switch (scenario) {
    case 'emporix get-one':
      return { url: `${origin}${prefix}/return/acme/returns/${id}`, method: 'GET', headers: EMPORIX_HEADERS };
    case 'emporix list':
      return { url: `${origin}${prefix}/return/acme/returns?${LIST_QUERY}`, method: 'GET', headers: EMPORIX_HEADERS };
    case 'emporix create':
      return { url: `${origin}${prefix}/return/acme/returns`, method: 'POST', headers: { ...EMPORIX_HEADERS, 'content-type': 'application/json' }, body: EMPORIX_CREATE_BODY };
    case 'iom create':
      return { url: origin, method: 'POST', headers: IOM_HEADERS, body: IOM_BODY, path: iomPath(prefix) };
    default:
      throw new Error(`unknown scenario ${scenario}`);
  }
}

/** The bare Hono route standing in for `scenario`. */
export function bareRequestFor(scenario, base) {
  if (scenario === 'emporix get-one') return { url: `${base}/one`, method: 'GET', headers: EMPORIX_HEADERS };
  if (scenario === 'emporix list') return { url: `${base}/list?${LIST_QUERY}`, method: 'GET', headers: EMPORIX_HEADERS };
  const request = requestFor(scenario, 'http://x/', 'x');
  return { url: `${base}/create`, method: 'POST', headers: request.headers, body: request.body };
}
