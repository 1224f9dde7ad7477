import { describe, expect, it } from 'vitest';
import type { JournalEntry } from '../../../src/index.js';
import { createTestMock } from '../../helpers/mock-client.js';
import { basic, createIomMock, idFrom, ORDER, REQUEST_TYPE, requestsPath, SHOP } from '../intershop/iom-client.js';
import { lastJournalEntry } from './last-journal-entry.js';

/**
 * Requests as typical client stacks serialize them, sent to the real app: Java with Jackson (unset fields as `null`),
 * .NET with System.Text.Json / Json.NET (`null`s, date-times without offset, `DateOnly`), PHP's `json_encode`
 * (escaped slashes and non-ASCII). Each is served: risks and notices may be recorded, never a violation.
 */
const refusals = (entry: JournalEntry) => entry.violations.filter((finding) => finding.level === 'violation' || finding.level === 'usage');
const hasNull = (value: unknown): boolean => value === null || (typeof value === 'object' && Object.values(value).some(hasNull));

describe('realistic clients of Intershop IOM', async () => {
  const iom = await createIomMock();
  const last = () => lastJournalEntry(iom.send);

  it('Java (Jackson): a create with every unset optional field null, at every depth, is served and read back without nulls', async () => {
    const created = await iom.create(SHOP, ORDER, {
      type: 'PICKUP',
      rmaNumber: null,
      comment: null,
      positions: [{ positionNumber: 2, productNumber: '20180303124', reason: 'RET100', quantity: 1, items: null }],
      pickupAddress: {
        company: null,
        firstName: 'John',
        lastName: 'Doe',
        streetName: 'Alexstraße',
        houseNumber: null,
        postCode: '12053',
        city: 'Berlin',
        countryCode: 'DEU',
        district: null,
        additionFirstLine: null,
        additionSecondLine: null,
      },
      contactPersons: [{ company: null, firstName: null, lastName: 'Doe', phoneNumber: null, emailAddress: 'john.doe@intershop.com', language: null }],
      customAttributes: null,
    });
    expect(created.status).toBe(201);
    expect(refusals(await last())).toEqual([]);
    const id = idFrom(created);
    for (const part of ['', '/positions', '/pickup-addresses', '/contact-persons', '/custom-attributes']) {
      const read = await iom.get(requestsPath(SHOP, ORDER, `/${id}${part}`));
      expect(read.status).toBe(200);
      expect(hasNull(read.json)).toBe(false);
    }
    expect((await iom.get(requestsPath(SHOP, ORDER, `/${id}/pickup-addresses`))).json).toEqual([
      { firstName: 'John', lastName: 'Doe', streetName: 'Alexstraße', postCode: '12053', city: 'Berlin', countryCode: 'DEU', id: 10000 },
    ]);
  });

  it('Java (Jackson): an approval with comment null is served', async () => {
    const id = idFrom(
      await iom.create(SHOP, ORDER, {
        type: 'RETURN',
        positions: [{ positionNumber: 3, productNumber: '100-0001', reason: 'RET100', quantity: 1, items: [{ productSerialNumber: '667002' }] }],
      }),
    );
    expect((await iom.approve(SHOP, ORDER, id, { status: 'APPROVED', comment: null })).status).toBe(201);
    expect(refusals(await last())).toEqual([]);
  });

  it('.NET (System.Text.Json, web defaults): camelCase with nulls, a rejection with its comment, is served', async () => {
    const id = idFrom(
      await iom.create(SHOP, ORDER, {
        type: 'RETURN',
        rmaNumber: null,
        comment: 'Sent back by the .NET shop',
        positions: [{ positionNumber: 2, productNumber: '20180303124', reason: 'RET100', quantity: 1, items: null }],
        pickupAddress: null,
        contactPersons: null,
        customAttributes: null,
      }),
    );
    expect(refusals(await last())).toEqual([]);
    expect((await iom.approve(SHOP, ORDER, id, { status: 'NOT_APPROVED', comment: 'Not convincing.' })).status).toBe(201);
    expect(refusals(await last())).toEqual([]);
  });

  it('PHP (json_encode defaults): escaped slashes and \\u-escaped non-ASCII are read as what they encode', async () => {
    const body =
      '{"type":"PICKUP","comment":"Retour \\/ Umtausch","positions":[{"positionNumber":1,"productNumber":"20180303123","reason":"RET100","quantity":1}],"pickupAddress":{"lastName":"Doe","streetName":"Alexstra\\u00dfe","postCode":"12053","city":"Berlin","countryCode":"DEU"}}';
    const created = await iom.send('POST', requestsPath(SHOP, ORDER), { headers: { ...basic('admin'), 'content-type': REQUEST_TYPE }, body });
    expect(created.status).toBe(201);
    expect(refusals(await last())).toEqual([]);
    expect((await iom.get(requestsPath(SHOP, ORDER, `/${idFrom(created)}`))).json.comment).toBe('Retour / Umtausch');
    expect((await iom.get(requestsPath(SHOP, ORDER, `/${idFrom(created)}/pickup-addresses`))).json[0].streetName).toBe('Alexstraße');
  });
});

const employee = { authorization: 'Bearer employee-token' };
const customer = (id: string) => ({ authorization: 'Bearer customer-token', 'saas-token': id });
const base = '/emporix/return/acme/returns';

describe('realistic clients of Emporix', async () => {
  const emporix = await createTestMock({ vendors: ['emporix'], clock: '2024-03-01T10:00:00.000Z', seed: 3 });
  const last = () => lastJournalEntry(emporix.send);

  it("Java (Jackson): an employee's create with every unset field null is served, read back without nulls and with the default expiry", async () => {
    const created = await emporix.send('POST', base, {
      headers: employee,
      body: {
        orders: [
          {
            id: 'B1LMYY52',
            items: [
              { id: '32090', quantity: 1, reason: null },
              { id: '32102', quantity: 2, reason: { code: '002', details: null } },
            ],
          },
        ],
        reason: { code: '001', details: null },
        mixins: null,
        metadata: null,
        requestor: { customerId: 'C120046', anonymous: null, email: null },
        submitter: { userType: null, firstName: 'Erin', lastName: 'Employee', email: 'erin@acme.example' },
        approver: null,
        expiryDate: null,
      },
    });
    expect(created.status).toBe(201);
    expect(refusals(await last())).toEqual([]);
    const read = (await emporix.send('GET', `${base}/${created.json.id}`, { headers: employee })).json;
    expect(hasNull(read)).toBe(false);
    expect(read).toMatchObject({ expiryDate: '2024-03-31T10:00:00.000Z', requestor: { customerId: 'C120046' }, reason: { code: '001' } });
  });

  it("Java (Jackson): a customer's create whose DTO carries the employee-only fields as null is served, the requestor from the token", async () => {
    const created = await emporix.send('POST', base, {
      headers: customer('cust-java'),
      body: {
        orders: [{ id: 'B1LMYY52', items: [{ id: '32090', quantity: 1, reason: null }] }],
        reason: { code: null, details: 'Too small' },
        mixins: null,
        metadata: null,
        requestor: null,
        submitter: null,
        approver: null,
        expiryDate: null,
      },
    });
    expect(created.status).toBe(201);
    expect(refusals(await last())).toEqual([]);
    expect((await emporix.send('GET', `${base}/${created.json.id}`, { headers: employee })).json.requestor).toEqual({ customerId: 'cust-java' });
  });

  it.each([
    ['System.Text.Json / Json.NET, a DateTime of unspecified kind', '2024-04-30T13:18:02', '2024-04-30T13:18:02.000Z'],
    ['System.Text.Json, a DateOnly', '2024-04-30', '2024-04-30T00:00:00.000Z'],
  ])(".NET (%s): an employee's expiryDate without offset is served as UTC, a risk at most", async (_stack, sent, stored) => {
    const created = await emporix.send('POST', base, {
      headers: employee,
      body: {
        orders: [{ id: 'B1LMYY52', items: [{ id: '32090', quantity: 1, reason: null }] }],
        reason: { code: '001', details: null },
        requestor: { customerId: 'C120046', anonymous: null, email: null },
        submitter: { userType: 'USER', firstName: 'Erin', lastName: 'Employee', email: 'erin@acme.example' },
        approver: null,
        expiryDate: sent,
        mixins: null,
      },
    });
    expect(created.status).toBe(201);
    expect(refusals(await last())).toEqual([]);
    expect((await last()).violations).toEqual([expect.objectContaining({ code: 'state.expiry-date.not-instant', level: 'risk', value: sent })]);
    expect((await emporix.send('GET', `${base}/${created.json.id}`, { headers: employee })).json.expiryDate).toBe(stored);
  });

  it('a customer who reads a return and PUTs it back unchanged is served: the employee-only fields they read are ignored as notices', async () => {
    const { json } = await emporix.send('POST', base, {
      headers: customer('cust-rt'),
      body: { orders: [{ id: 'B1LMYY52', items: [{ id: '32090', quantity: 1 }] }], reason: { code: '001' } },
    });
    const path = `${base}/${json.id}`;
    const read = (await emporix.send('GET', path, { headers: customer('cust-rt') })).json;
    const put = await emporix.send('PUT', path, { headers: customer('cust-rt'), body: read });
    expect(put.status).toBe(204);
    expect(refusals(await last())).toEqual([]);
    expect((await last()).violations.filter((finding) => finding.code === 'state.field.employee-only-unchanged').map((finding) => [finding.pointer, finding.level])).toEqual([
      ['/approvalStatus', 'notice'],
      ['/received', 'notice'],
      ['/expiryDate', 'notice'],
    ]);
    expect((await emporix.send('GET', path, { headers: customer('cust-rt') })).json.metadata.version).toBe(2);
  });

  it("PHP (json_encode defaults): a customer's create with escaped slashes in the mixin URL is served as the URL", async () => {
    const body =
      '{"orders":[{"id":"B1LMYY52","items":[{"id":"32090","quantity":1,"reason":{"code":"001"}}]}],"reason":{"code":"001","details":"Gr\\u00f6\\u00dfe passt nicht"},"mixins":{"customAttributes":{"attr1":"value1"}},"metadata":{"mixins":{"customAttributes":"https:\\/\\/res.cloudinary.com\\/saas-ag\\/raw\\/upload\\/schemata\\/productCustomAttributesMixIn.v29.json"}}}';
    const created = await emporix.send('POST', base, { headers: { ...customer('cust-php'), 'content-type': 'application/json' }, body });
    expect(created.status).toBe(201);
    expect(refusals(await last())).toEqual([]);
    const read = (await emporix.send('GET', `${base}/${created.json.id}`, { headers: customer('cust-php') })).json;
    expect(read.metadata.mixins.customAttributes).toBe('https://res.cloudinary.com/saas-ag/raw/upload/schemata/productCustomAttributesMixIn.v29.json');
    expect(read.reason.details).toBe('Größe passt nicht');
  });
});
