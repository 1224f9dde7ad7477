import { startCli, type RunningCli } from '../helpers/spawn-cli.js';

export const SHOP = 'Test Shop US DE';
/** The bundled bulk order: position 1 holds 1000 pieces, position 2 holds 50. */
export const BULK = '20180303500';
export const IOM_AUTH = { authorization: `Basic ${Buffer.from('admin:secret').toString('base64')}` };
export const EMPLOYEE = { authorization: 'Bearer employee-token' };
export const EMPORIX_RETURNS = '/emporix/return/acme/returns';

/** `/intershop/shops/{shop}/orders/{order}/return-requests` plus `rest`. */
export const requestsPath = (rest = '', order = BULK) => `/intershop/shops/${encodeURIComponent(SHOP)}/orders/${order}/return-requests${rest}`;

/** An Emporix return an employee creates: one piece of an order the fixtures lack (fabricated). */
export const emporixReturn = (orderId: string) => ({
  orders: [{ id: orderId, items: [{ id: '32090', quantity: 1, reason: { code: '001' } }] }],
  reason: { code: '001', details: 'Broken.' },
  requestor: { customerId: 'c-1' },
  submitter: { firstName: 'Erin', lastName: 'Employee', email: 'erin@acme.example' },
});

/** A replica: the real CLI on an ephemeral port, on the shared database. */
export function startReplica(store: string, extra: string[] = []): Promise<RunningCli> {
  return startCli(['--store', store, '--vendors', 'intershop', '--vendors', 'emporix', '--log-level', 'warn', ...extra], 30_000);
}

export interface Answer {
  status: number;
  headers: Headers;
  json: any;
}

/** One request to a replica (127.0.0.1 only); a JSON body is sent with `type`. */
export async function call(base: string, method: string, path: string, headers: Record<string, string>, body?: unknown, type = 'application/json'): Promise<Answer> {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: body === undefined ? headers : { ...headers, 'content-type': type },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: response.status, headers: response.headers, json };
}

export const REQUEST_TYPE = 'application/vnd.intershop.return-request.v1+json';
export const APPROVAL_TYPE = 'application/vnd.intershop.approval.v1+json';

/** Creates an IOM return request for `quantity` pieces of the bulk order's `positionNumber` through `base`. */
export const createIomRequest = (base: string, positionNumber = 1, quantity = 1) =>
  call(
    base,
    'POST',
    requestsPath(),
    IOM_AUTH,
    { type: 'RETURN', positions: [{ positionNumber, productNumber: positionNumber === 1 ? '20180303500' : '20180303124', reason: 'RET100', quantity }] },
    REQUEST_TYPE,
  );

/** The id at the end of a `Location` header. */
export const idFrom = (answer: Answer): number => Number(new URL(answer.headers.get('location')!).pathname.split('/').pop());
