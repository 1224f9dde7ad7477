import { describe, expect, it } from 'vitest';
import { CLOCK, createIomMock, idFrom, ORDER, position, requestsPath, SHOP, tempStoreFile } from './iom-client.js';
import { lastJournalEntry } from '../realistic-clients/last-journal-entry.js';

const pickupAddress = {
  company: 'Intershop Communication AG',
  firstName: 'John',
  lastName: 'Doe',
  streetName: 'Alexstraße',
  houseNumber: '28',
  postCode: '12053',
  city: 'Berlin',
  countryCode: 'DEU',
  unknownExtra: 'x',
};
const contactPerson = { firstName: 'John', lastName: 'Doe', emailAddress: 'john.doe@intershop.com', language: 'en' };

describe('Intershop IOM return requests over the in-process app with a real store file', async () => {
  const db = await tempStoreFile();
  const iom = await createIomMock({ db });

  it('creates a request (201, Location, no body) whose every part reads back', async () => {
    const created = await iom.create(SHOP, ORDER, {
      type: 'PICKUP',
      rmaNumber: '10901095',
      comment: 'The battery is draining quickly',
      positions: [position(1, '20180303123', 1, ['W88401231AX'])],
      pickupAddress,
      contactPersons: [contactPerson],
      customAttributes: [{ key: 'Example Key', value: 'Example Value' }],
    });
    expect(created.status).toBe(201);
    expect(created.text).toBe('');
    expect(created.headers.get('location')).toBe(`http://localhost${requestsPath(SHOP, ORDER, '/10000')}`);
    const id = idFrom(created);

    const read = await iom.get(requestsPath(SHOP, ORDER, `/${id}`));
    expect(read.status).toBe(200);
    expect(read.json).toEqual({
      type: 'PICKUP',
      rmaNumber: '10901095',
      comment: 'The battery is draining quickly',
      id,
      creationDate: CLOCK,
      shopOrderNumber: ORDER,
      shopName: SHOP,
      supplierOrderNumber: '20180303321',
      supplierName: 'Test Supplier US DE',
      status: 'INITIAL',
      businessStatus: 'READY_TO_APPROVE',
    });
    const list = await iom.get(requestsPath(SHOP, ORDER));
    expect(list.json).toEqual([read.json]);

    const positions = await iom.get(requestsPath(SHOP, ORDER, `/${id}/positions`));
    expect(positions.json).toEqual([
      { positionNumber: 1, productNumber: '20180303123', reason: 'RET100', quantity: 1, id: 10000, productName: 'test_product_1', supplierProductNumber: '20180303123' },
    ]);
    const one = await iom.get(requestsPath(SHOP, ORDER, `/${id}/positions/${positions.json[0].id}`));
    expect(one.json).toEqual(positions.json[0]);
    const items = await iom.get(requestsPath(SHOP, ORDER, `/${id}/positions/${positions.json[0].id}/items`));
    expect(items.json).toEqual([{ id: 10000, productSerialNumber: 'W88401231AX' }]);

    const { unknownExtra: _dropped, ...documented } = pickupAddress;
    expect((await iom.get(requestsPath(SHOP, ORDER, `/${id}/pickup-addresses`))).json).toEqual([{ ...documented, id: 10000 }]);
    expect((await iom.get(requestsPath(SHOP, ORDER, `/${id}/contact-persons`))).json).toEqual([{ ...contactPerson, id: 10000 }]);
    expect((await iom.get(requestsPath(SHOP, ORDER, `/${id}/custom-attributes`))).json).toEqual([{ key: 'Example Key', value: 'Example Value', id: 10000 }]);
  });

  it('returnables shrink by each create and leave out held serial numbers; a rejection gives them back', async () => {
    const before = await iom.returnables(SHOP, ORDER);
    const first = before.find((entry) => entry.positionNumber === 1)!;
    expect(first.quantity).toBe(2);
    expect(first.items!.map((item) => item.productSerialNumber)).toEqual(['W88401232AX', 'W88401233AX']);
    expect(first.product).toEqual({ number: '20180303123', name: 'test_product_1' });

    const created = await iom.create(SHOP, ORDER, { type: 'RETURN', positions: [position(1, '20180303123', 1, ['W88401232AX']), position(2, '20180303124', 2)] });
    expect(created.status).toBe(201);
    const after = await iom.returnables(SHOP, ORDER);
    expect(after.find((entry) => entry.positionNumber === 1)).toMatchObject({ quantity: 1, items: [{ productSerialNumber: 'W88401233AX' }] });
    expect(after.map((entry) => entry.positionNumber)).toEqual([1, 3]); // position 2 is fully held

    const rejected = await iom.approve(SHOP, ORDER, idFrom(created), { status: 'NOT_APPROVED', comment: 'Not convincing.' });
    expect(rejected.status).toBe(201);
    const released = await iom.returnables(SHOP, ORDER);
    expect(released.find((entry) => entry.positionNumber === 2)).toMatchObject({ quantity: 2 });
    expect(released.find((entry) => entry.positionNumber === 1)!.items!.map((item) => item.productSerialNumber)).toEqual(['W88401232AX', 'W88401233AX']);
  });

  // A quantity of 0 is no longer among the refusals: the page gives no minimum, so it is a risk (specs/README.md, "Calibration").
  it('refuses more than is returnable, an unknown position, a foreign or held serial number, each with a 400 ErrorReport naming the field', async () => {
    const refused = await iom.create(SHOP, ORDER, {
      type: 'RETURN',
      positions: [position(1, '20180303123', 3), position(9, 'X', 1), position(3, '100-0001', 1, ['NOT-ON-ORDER']), position(1, '20180303123', 0, ['W88401231AX'])],
    });
    expect(refused.status).toBe(400);
    expect(refused.headers.get('content-type')).toMatch(/^application\/json/);
    expect(refused.json.status).toBe(400);
    const messages: string[] = refused.json.errors.map((error: { message: string }) => error.message);
    expect(refused.json.errors.every((error: { code: string }) => error.code === 'VALIDATION_EXCEPTION')).toBe(true);
    expect(messages).toEqual([
      expect.stringMatching(/^'\/positions\/0\/quantity': returning 3 of position 1 exceeds its returnable quantity 2/),
      expect.stringMatching(/^'\/positions\/1\/positionNumber': position 9 is not a position of order '20180303123'/),
      expect.stringMatching(/^'\/positions\/2\/items\/0\/productSerialNumber': serial number 'NOT-ON-ORDER' is not on position 3/),
      expect.stringMatching(/^'\/positions\/3\/items\/0\/productSerialNumber': serial number 'W88401231AX' is already held/),
    ]);
    expect(refused.json.errors[2].value).toBe('NOT-ON-ORDER');
    expect((await iom.returnables(SHOP, ORDER)).find((entry) => entry.positionNumber === 1)!.quantity).toBe(2);
  });

  it('refuses a reason the shop lacks; serves a product other than the position holds, a cancellation reason and more serial numbers than pieces as risks', async () => {
    const refused = await iom.create(SHOP, ORDER, { type: 'RETURN', positions: [position(2, '20180303124', 1), { ...position(2, '20180303124', 1), reason: 'NO_SUCH_REASON' }] });
    expect(refused.status).toBe(400);
    expect(refused.json.errors.map((error: { message: string }) => error.message)).toEqual([
      expect.stringMatching(/^'\/positions\/1\/reason': 'NO_SUCH_REASON' is not a return reason of the shop/),
    ]);
    // A reason of another shop is not this shop's either.
    const foreign = await iom.create(SHOP, ORDER, { type: 'RETURN', positions: [{ ...position(2, '20180303124', 1), reason: 'RET200' }] });
    expect(foreign.json.errors[0].message).toContain("'RET200' is not a return reason of the shop");

    // The page ties none of these to a refusal: served, each recorded as a risk (the calibration in specs/README.md).
    const served = await iom.create(SHOP, ORDER, {
      type: 'RETURN',
      positions: [position(2, '20180303123', 1), { ...position(3, '100-0001', 1), reason: 'CAN010' }, position(1, '20180303123', 1, ['W88401232AX', 'W88401233AX'])],
    });
    expect(served.status).toBe(201);
    expect((await lastJournalEntry(iom.send)).violations.map((finding) => [finding.code, finding.level, finding.pointer])).toEqual([
      ['state.position.product-mismatch', 'risk', '/positions/0/productNumber'],
      ['state.position.reason-not-return-type', 'risk', '/positions/1/reason'],
      ['state.serial-number.too-many', 'risk', '/positions/2/items'],
    ]);
    // IOM resolves the position by its order position: the stored product is the order position's.
    const positions = await iom.get(requestsPath(SHOP, ORDER, `/${idFrom(served)}/positions`));
    expect(positions.json[0]).toMatchObject({ positionNumber: 2, productNumber: '20180303124' });
    expect((await iom.approve(SHOP, ORDER, idFrom(served), { status: 'NOT_APPROVED', comment: 'Only a test.' })).status).toBe(201);
  });

  it('approves (ACCEPTED/ACCEPTED) and rejects (REJECTED/REJECTED); NOT_APPROVED needs a comment; a second decision is recorded and changes nothing', async () => {
    const approvedId = idFrom(await iom.create(SHOP, ORDER, { type: 'RETURN', positions: [position(3, '100-0001', 1, ['667002'])] }));
    const approval = await iom.approve(SHOP, ORDER, approvedId, { status: 'APPROVED' });
    expect(approval.status).toBe(201);
    expect(approval.headers.get('location')).toBe(`http://localhost${requestsPath(SHOP, ORDER, `/${approvedId}/approvals/10002`)}`);
    expect((await iom.get(requestsPath(SHOP, ORDER, `/${approvedId}`))).json).toMatchObject({ status: 'ACCEPTED', businessStatus: 'ACCEPTED' });
    // A second decision was a 400 of the mock's own lifecycle; the page names none, so it is recorded as a risk and changes nothing.
    const second = await iom.approve(SHOP, ORDER, approvedId, { status: 'NOT_APPROVED', comment: 'Changed my mind.' });
    expect(second.status).toBe(201);
    expect((await lastJournalEntry(iom.send)).violations).toEqual([expect.objectContaining({ code: 'state.return-request.already-decided', level: 'risk', value: 'ACCEPTED' })]);
    expect((await iom.get(requestsPath(SHOP, ORDER, `/${approvedId}`))).json).toMatchObject({ status: 'ACCEPTED', businessStatus: 'ACCEPTED' });

    const rejectedId = idFrom(await iom.create(SHOP, ORDER, { type: 'RETURN', positions: [position(2, '20180303124', 1)] }));
    const noComment = await iom.approve(SHOP, ORDER, rejectedId, { status: 'NOT_APPROVED' });
    expect(noComment.status).toBe(400);
    expect(noComment.json.errors[0].message).toContain("'/comment' is required");
    expect((await iom.get(requestsPath(SHOP, ORDER, `/${rejectedId}`))).json).toMatchObject({ status: 'INITIAL', businessStatus: 'READY_TO_APPROVE' });
    expect((await iom.approve(SHOP, ORDER, rejectedId, { status: 'NOT_APPROVED', comment: 'Too late.' })).status).toBe(201);
    expect((await iom.get(requestsPath(SHOP, ORDER, `/${rejectedId}`))).json).toMatchObject({ status: 'REJECTED', businessStatus: 'REJECTED' });
    expect((await iom.approve(SHOP, ORDER, rejectedId, { status: 'APPROVED' })).status).toBe(201);
    expect((await iom.get(requestsPath(SHOP, ORDER, `/${rejectedId}`))).json).toMatchObject({ status: 'REJECTED', businessStatus: 'REJECTED' });
  });

  it('answers 404 ErrorReports for an unknown request, a request of another order, and an unknown position', async () => {
    const unknown = await iom.get(requestsPath(SHOP, ORDER, '/999999'));
    expect(unknown.status).toBe(404);
    expect(unknown.json).toMatchObject({ status: 404, errors: [{ code: 'NOT_FOUND', value: 999999 }] });
    expect((await iom.get(requestsPath(SHOP, ORDER, '/999999/contact-persons'))).status).toBe(404);
    expect((await iom.approve(SHOP, ORDER, 999999, { status: 'APPROVED' })).status).toBe(404);
    expect((await iom.get(requestsPath(SHOP, '20180303500', '/10000'))).status).toBe(404);
    const position404 = await iom.get(requestsPath(SHOP, ORDER, '/10000/positions/424242/items'));
    expect(position404.status).toBe(404);
    expect(position404.json.errors[0].message).toContain('returnRequestPositionId');
  });

  it('keeps shops apart: a request created in one shop is invisible in another', async () => {
    const created = await iom.create('Test Shop AT', ORDER, { type: 'RETURN', positions: [position(1, '20180303123', 1)] });
    expect(created.status).toBe(201);
    const id = idFrom(created);
    expect((await iom.get(requestsPath('Test Shop AT', ORDER, `/${id}`))).status).toBe(200);
    const usList = (await iom.get(requestsPath(SHOP, ORDER))).json as Array<{ shopName: string }>;
    expect(usList.every((request) => request.shopName === SHOP)).toBe(true);
    expect((await iom.get(requestsPath('Another Shop', ORDER, `/${id}`))).status).toBe(404);
    expect((await iom.get(requestsPath('Another Shop', ORDER))).json).toEqual([]);
  });

  it('filters return reasons by type (default RET), per shop', async () => {
    const byDefault = await iom.get(`/intershop/shops/${encodeURIComponent(SHOP)}/return-reasons`);
    expect(byDefault.status).toBe(200);
    expect(byDefault.json.map((reason: { name: string }) => reason.name)).toEqual(['RET010', 'RET100', 'RET101', 'RET102', 'RET103']);
    const both = await iom.get(`/intershop/shops/${encodeURIComponent(SHOP)}/return-reasons?type=CAN&type=RET`);
    expect(both.json.map((reason: { name: string }) => reason.name)).toEqual(['RET010', 'RET100', 'RET101', 'RET102', 'RET103', 'CAN010', 'CAN100']);
    const cancellations = await iom.get(`/intershop/shops/${encodeURIComponent(SHOP)}/return-reasons?type=CAN`);
    expect(cancellations.json).toEqual([
      { name: 'CAN010', description: 'Cancellation / general', type: 'CAN' },
      { name: 'CAN100', description: 'Delivery too late', type: 'CAN' },
    ]);
    const austria = await iom.get(`/intershop/shops/${encodeURIComponent('Test Shop AT')}/return-reasons?type=RET`);
    expect(austria.json.map((reason: { name: string }) => reason.name)).toContain('RET200');
    const fabricatedShop = await iom.get(`/intershop/shops/${encodeURIComponent('Brand New Shop')}/return-reasons`);
    expect(fabricatedShop.json).toEqual(byDefault.json);
  });

  it('fabricates an unknown order on first use: a create fits, and the order stays the same afterwards', async () => {
    const created = await iom.create('Fabricated Shop', 'NEW-1', { type: 'RETURN', positions: [position(4, 'P-4', 2, ['S-1', 'S-2'])] });
    expect(created.status).toBe(201);
    const read = (await iom.get(requestsPath('Fabricated Shop', 'NEW-1', `/${idFrom(created)}`))).json;
    expect(read).toMatchObject({ shopName: 'Fabricated Shop', shopOrderNumber: 'NEW-1', status: 'INITIAL' });
    expect(typeof read.supplierName).toBe('string');
    const left = await iom.returnables('Fabricated Shop', 'NEW-1');
    for (const entry of left) {
      expect(entry.positionNumber).toBe(4);
      expect(entry.items!.map((item) => item.productSerialNumber)).not.toContain('S-1');
    }
    // The fabricated position holds at most 3 more than the first request asked for.
    expect((await iom.create('Fabricated Shop', 'NEW-1', { type: 'RETURN', positions: [position(4, 'P-4', 4)] })).status).toBe(400);
    const again = await iom.returnables('Fabricated Shop', 'NEW-1');
    expect(again).toEqual(left);
    const unknownPosition = await iom.create('Fabricated Shop', 'NEW-1', { type: 'RETURN', positions: [position(5, 'P-5', 1)] });
    expect(unknownPosition.status).toBe(400);
    const seeded = await iom.returnables('Fabricated Shop', 'READ-FIRST');
    expect(seeded.length).toBeGreaterThan(0);
    expect(await iom.returnables('Fabricated Shop', 'READ-FIRST')).toEqual(seeded);
  });

  it('keeps every acknowledged write across a restart on the same store file', async () => {
    const before = (await iom.get(requestsPath(SHOP, ORDER))).json;
    const beforeLeft = await iom.returnables(SHOP, ORDER);
    // One mock a store file: the first closes before the restart opens it.
    await iom.store.close();
    const restarted = await createIomMock({ db });
    expect((await restarted.get(requestsPath(SHOP, ORDER))).json).toEqual(before);
    expect(await restarted.returnables(SHOP, ORDER)).toEqual(beforeLeft);
    expect(before.length).toBeGreaterThan(3);
    const next = await restarted.create(SHOP, '20180303500', { type: 'RETURN', positions: [position(1, '20180303500', 1)] });
    expect(next.status).toBe(201);
    expect(before.map((request: { id: number }) => request.id)).not.toContain(idFrom(next));
    await restarted.store.close();
  });
});
