import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createTestMock, type TestResponse } from '../helpers/mock-client.js';

/**
 * Random interleavings of creates, reads, lists, updates and deletes across tenants (Emporix tenants, IOM shops, JTL
 * tenants) and Emporix customers. Every record carries a marker naming its owner (`m~<tenant>~<customer>~<n>`); a
 * response may only ever contain markers its caller may see, and lists hold exactly what the model says.
 */
const RUNS = Number(process.env.RETURNS_MOCK_FUZZ_RUNS ?? 0) > 0 ? 200 : 25;
const SEED = 20261124;

const EMPORIX_TENANTS = ['acme', 'globex'] as const;
const CUSTOMERS = ['cust-a', 'cust-b'] as const;
const SHOPS = ['iso-shop-a', 'iso-shop-b'] as const;
const JTL_TENANTS = ['11111111-1111-4111-8111-111111111111', '22222222-2222-4222-8222-222222222222'] as const;
const ORDER = '9000';
const EMPLOYEE = 'staff';

type EmporixActor = typeof EMPLOYEE | (typeof CUSTOMERS)[number];
type Action =
  | { kind: 'emporix-create'; tenant: number; actor: number }
  | { kind: 'emporix-get'; tenant: number; actor: number; pick: number }
  | { kind: 'emporix-list'; tenant: number; actor: number }
  | { kind: 'emporix-patch'; tenant: number; actor: number; pick: number }
  | { kind: 'emporix-delete'; tenant: number; actor: number; pick: number }
  | { kind: 'iom-create'; shop: number }
  | { kind: 'iom-get'; shop: number; pick: number }
  | { kind: 'iom-list'; shop: number }
  | { kind: 'jtl-create'; tenant: number };

const two = fc.nat(1);
const actor = fc.nat(2); // employee, cust-a, cust-b
const action: fc.Arbitrary<Action> = fc.oneof(
  fc.record({ kind: fc.constant('emporix-create' as const), tenant: two, actor }),
  fc.record({ kind: fc.constant('emporix-get' as const), tenant: two, actor, pick: fc.nat() }),
  fc.record({ kind: fc.constant('emporix-list' as const), tenant: two, actor }),
  fc.record({ kind: fc.constant('emporix-patch' as const), tenant: two, actor, pick: fc.nat() }),
  fc.record({ kind: fc.constant('emporix-delete' as const), tenant: two, actor, pick: fc.nat() }),
  fc.record({ kind: fc.constant('iom-create' as const), shop: two }),
  fc.record({ kind: fc.constant('iom-get' as const), shop: two, pick: fc.nat() }),
  fc.record({ kind: fc.constant('iom-list' as const), shop: two }),
  fc.record({ kind: fc.constant('jtl-create' as const), tenant: two }),
);

const actorOf = (index: number): EmporixActor => (index === 0 ? EMPLOYEE : CUSTOMERS[index - 1]!);
const emporixHeaders = (who: EmporixActor): Record<string, string> =>
  who === EMPLOYEE ? { authorization: 'Bearer employee-token' } : { authorization: 'Bearer customer-token', 'saas-token': who };
const iomHeaders = { authorization: `Basic ${Buffer.from('admin:secret').toString('base64')}` };
const MARKER = /m~([a-z0-9-]+)~([a-z0-9-]+)~(\d+)/g;

/** Every marker in an answer, as `tenant/customer`. */
const ownersIn = (response: TestResponse) => [...response.text.matchAll(MARKER)].map((match) => ({ tenant: match[1]!, customer: match[2]!, marker: match[0] }));

interface EmporixReturn {
  id: string;
  tenant: string;
  /** The customer whose return it is, or the employee who created it for an anonymous order (nobody in particular). */
  owner: EmporixActor;
  marker: string;
  closed: boolean;
  deleted: boolean;
}

describe('tenant and customer isolation under random interleavings', async () => {
  const mock = await createTestMock({ vendors: ['emporix', 'intershop', 'jtl'] });
  // Two shops with the same order number: their requests differ only by shop name.
  const fixtures = await mock.send('POST', '/__admin/fixtures', {
    body: {
      intershop: {
        shops: SHOPS.map((name) => ({ name })),
        orders: SHOPS.map((shopName) => ({ shopName, shopOrderNumber: ORDER, positions: [{ positionNumber: 1, productNumber: 'P-1', quantity: 100_000 }] })),
      },
    },
  });
  expect(fixtures.status).toBe(200);

  it(`never shows one tenant's or customer's data to another (${RUNS} runs)`, async () => {
    let counter = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(action, { minLength: 1, maxLength: 4 }), { minLength: 3, maxLength: 12 }), async (batches) => {
        await mock.reset();
        const emporix: EmporixReturn[] = [];
        const iom = new Map<string, Map<number, string>>(SHOPS.map((shop) => [shop, new Map()]));
        const jtlCount = new Map<string, number>();

        const visibleTo = (record: EmporixReturn, tenant: string, who: EmporixActor) => !record.deleted && record.tenant === tenant && (who === EMPLOYEE || record.owner === who);
        /** No marker of a record the caller may not see. */
        const expectOnlyOwn = (response: TestResponse, tenant: string, who: EmporixActor, what: string) => {
          for (const found of ownersIn(response)) {
            expect(found.tenant, `${what}: ${found.marker} of another tenant`).toBe(tenant);
            if (who !== EMPLOYEE) expect(found.customer, `${what}: ${found.marker} of another customer`).toBe(who);
          }
        };

        const run = async (a: Action) => {
          switch (a.kind) {
            case 'emporix-create': {
              const tenant = EMPORIX_TENANTS[a.tenant]!;
              const who = actorOf(a.actor);
              const marker = `m~${tenant}~${who}~${(counter += 1)}`;
              const body = { orders: [{ id: 'O-1', items: [{ id: '1', quantity: 1 }] }], reason: { code: '001', details: marker } };
              // An employee must name requestor and submitter; an anonymous order's requestor belongs to no customer.
              const employeeFields =
                who === EMPLOYEE
                  ? { requestor: { anonymous: true, email: 'guest@example.com' }, submitter: { firstName: 'Erin', lastName: 'Employee', email: 'erin@example.com' } }
                  : {};
              const answer = await mock.send('POST', `/emporix/return/${tenant}/returns`, { headers: emporixHeaders(who), body: { ...body, ...employeeFields } });
              expect(answer.status).toBe(201);
              emporix.push({ id: answer.json.id, tenant, owner: who, marker, closed: false, deleted: false });
              return;
            }
            case 'emporix-get': {
              const tenant = EMPORIX_TENANTS[a.tenant]!;
              const who = actorOf(a.actor);
              const record = emporix[a.pick % Math.max(1, emporix.length)];
              if (record === undefined) return;
              const answer = await mock.send('GET', `/emporix/return/${tenant}/returns/${record.id}`, { headers: emporixHeaders(who) });
              expectOnlyOwn(answer, tenant, who, `GET as ${tenant}/${who}`);
              if (visibleTo(record, tenant, who)) {
                expect(answer.status).toBe(200);
                expect(answer.text).toContain(record.marker);
              } else expect(answer.status).toBe(404);
              return;
            }
            case 'emporix-list': {
              const tenant = EMPORIX_TENANTS[a.tenant]!;
              const who = actorOf(a.actor);
              const answer = await mock.send('GET', `/emporix/return/${tenant}/returns?pageSize=60`, { headers: emporixHeaders(who) });
              expect(answer.status).toBe(200);
              expectOnlyOwn(answer, tenant, who, `list as ${tenant}/${who}`);
              return;
            }
            case 'emporix-patch': {
              const tenant = EMPORIX_TENANTS[a.tenant]!;
              const who = actorOf(a.actor);
              const record = emporix[a.pick % Math.max(1, emporix.length)];
              if (record === undefined) return;
              const marker = `m~${record.tenant}~${record.owner}~${(counter += 1)}`;
              const answer = await mock.send('PATCH', `/emporix/return/${tenant}/returns/${record.id}`, {
                headers: emporixHeaders(who),
                body: [{ op: 'replace', path: '/reason/details', value: marker }],
              });
              expectOnlyOwn(answer, tenant, who, `PATCH as ${tenant}/${who}`);
              if (!visibleTo(record, tenant, who)) expect(answer.status).toBe(404);
              else if (who !== EMPLOYEE && record.closed) expect(answer.status).toBeGreaterThanOrEqual(400);
              else {
                expect(answer.status).toBe(204);
                record.marker = marker;
              }
              return;
            }
            case 'emporix-delete': {
              const tenant = EMPORIX_TENANTS[a.tenant]!;
              const who = actorOf(a.actor);
              const record = emporix[a.pick % Math.max(1, emporix.length)];
              if (record === undefined) return;
              const answer = await mock.send('DELETE', `/emporix/return/${tenant}/returns/${record.id}`, { headers: emporixHeaders(who) });
              expectOnlyOwn(answer, tenant, who, `DELETE as ${tenant}/${who}`);
              if (!visibleTo(record, tenant, who)) expect(answer.status).toBe(404);
              else if (who === EMPLOYEE) {
                expect(answer.status).toBe(204);
                record.deleted = true;
              } else if (record.closed) expect(answer.status).toBeGreaterThanOrEqual(400);
              else {
                expect(answer.status).toBe(204);
                record.closed = true;
              }
              return;
            }
            case 'iom-create': {
              const shop = SHOPS[a.shop]!;
              const marker = `m~${shop}~staff~${(counter += 1)}`;
              const answer = await mock.send('POST', `/intershop/shops/${shop}/orders/${ORDER}/return-requests`, {
                headers: { ...iomHeaders, 'content-type': 'application/vnd.intershop.return-request.v1+json' },
                body: { type: 'RETURN', comment: marker, positions: [{ positionNumber: 1, productNumber: 'P-1', reason: 'RET100', quantity: 1 }] },
              });
              expect(answer.status).toBe(201);
              iom.get(shop)!.set(Number(answer.headers.get('location')!.split('/').pop()), marker);
              return;
            }
            case 'iom-get': {
              const shop = SHOPS[a.shop]!;
              const ids = [...iom.values()].flatMap((byId) => [...byId.keys()]);
              const id = ids[a.pick % Math.max(1, ids.length)];
              if (id === undefined) return;
              const answer = await mock.send('GET', `/intershop/shops/${shop}/orders/${ORDER}/return-requests/${id}`, { headers: iomHeaders });
              expectOnlyOwn(answer, shop, EMPLOYEE, `IOM GET in ${shop}`);
              const own = iom.get(shop)!.get(id);
              if (own === undefined) expect(answer.status).toBe(404);
              else expect(answer.text).toContain(own);
              return;
            }
            case 'iom-list': {
              const shop = SHOPS[a.shop]!;
              const answer = await mock.send('GET', `/intershop/shops/${shop}/orders/${ORDER}/return-requests`, { headers: iomHeaders });
              expect(answer.status).toBe(200);
              expectOnlyOwn(answer, shop, EMPLOYEE, `IOM list in ${shop}`);
              return;
            }
            case 'jtl-create': {
              const tenant = JTL_TENANTS[a.tenant]!;
              const answer = await mock.send('POST', '/jtl/erp/returns', {
                headers: { authorization: 'Bearer t', 'x-appid': 'iso/1', 'x-appversion': '1', 'x-tenant-id': tenant },
                body: {
                  CompanyId: 123,
                  SalesOrderId: 123,
                  WarehouseId: 123,
                  InternalComment: `m~${tenant}~staff~${(counter += 1)}`,
                  Items: [{ Quantity: 1, SalesOrderLineItemId: 123, ReturnReasonId: 123 }],
                },
              });
              expect(answer.status).toBe(201);
              expectOnlyOwn(answer, tenant, EMPLOYEE, 'JTL create');
              jtlCount.set(tenant, (jtlCount.get(tenant) ?? 0) + 1);
              // Numbers count per tenant: another tenant's returns never advance them.
              expect(answer.json.Id).toBe(jtlCount.get(tenant));
              return;
            }
          }
        };

        for (const batch of batches) {
          // Actions in a batch run concurrently; creates are awaited before anything else can pick them.
          await Promise.all(batch.map(run));
          // After each batch, every list holds exactly what the model says its caller may see.
          for (const tenant of EMPORIX_TENANTS) {
            for (const who of [EMPLOYEE, ...CUSTOMERS] as const) {
              const listed = await mock.send('GET', `/emporix/return/${tenant}/returns?pageSize=60`, { headers: emporixHeaders(who) });
              const expected = emporix.filter((record) => visibleTo(record, tenant, who)).map((record) => record.marker);
              expect(
                ownersIn(listed)
                  .map((found) => found.marker)
                  .sort(),
                `list of ${tenant} as ${who}`,
              ).toEqual(expected.sort());
            }
          }
          for (const shop of SHOPS) {
            const listed = await mock.send('GET', `/intershop/shops/${shop}/orders/${ORDER}/return-requests`, { headers: iomHeaders });
            expect(
              ownersIn(listed)
                .map((found) => found.marker)
                .sort(),
              `IOM list of ${shop}`,
            ).toEqual([...iom.get(shop)!.values()].sort());
          }
        }
      }),
      { numRuns: RUNS, seed: SEED, endOnFailure: true },
    );
  }, 120_000);
});
