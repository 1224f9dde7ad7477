import { XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { CLOCK_DOTNET, createShopCtrlMock, lastFindings, oneRow, SEED_JSON, SEED_XML, SEED_XML_AS_PRINTED, tempStoreFile } from './shopctrl-client.js';

describe('ShopCtrl POST v1/Returns', () => {
  it('adds the seed example (JSON, Id 0): server ids for the return, its rows and stock items, timestamps, statuses from the fixtures, Params with DataTypeName', async () => {
    const shop = await createShopCtrlMock();
    const added = await shop.add(SEED_JSON);
    expect(added.status).toBe(200);
    expect(added.headers.get('content-type')).toMatch(/^application\/json/);
    const answer = added.json;
    expect(answer).toMatchObject({
      Id: 1,
      OrderId: 5,
      ReturnCode: 'sample string 6',
      CustomerComment: 'sample string 3',
      CreatedTimestamp: CLOCK_DOTNET,
      ChangedTimestamp: CLOCK_DOTNET,
      MainStatusId: 1,
      MainStatus: { Id: 1, BaseStatusId: 1, StatusTypeId: 1, Name: 'New' },
      CustomStatusId: 1,
      CustomStatus: { Id: 1, BaseStatusId: 1, StatusTypeId: 2, Name: 'Awaiting parcel' },
      ReceivedDate: '2026-01-11T16:13:16.1449209+01:00',
      WarehouseId: 1,
    });
    // The request's row and stock item ids (all 1 in the sample) are replaced by the server's.
    expect(answer.OrderReturnRows.map((row: { Id: number }) => row.Id)).toEqual([1, 2]);
    expect(answer.OrderReturnRows.flatMap((row: { StockItems: Array<{ Id: number }> }) => row.StockItems.map((item) => item.Id))).toEqual([1, 2, 3, 4]);
    expect(answer.OrderReturnRows[0]).toMatchObject({ OrderRowId: 2, ReturnedQuantity: 1, Resolution: 0, ProductCode: 'sample string 3', SupplierName: 'sample string 7' });
    expect(answer.Params).toEqual([
      { Key: 'sample string 1', Value: 'sample string 2', DataType: 0, DataTypeName: 'String' },
      { Key: 'sample string 1', Value: 'sample string 2', DataType: 0, DataTypeName: 'String' },
    ]);
    expect((await shop.stored())[0]).toEqual(answer);
  });

  it('adds the seed XML example and answers in XML, as the XML sample is laid out', async () => {
    const shop = await createShopCtrlMock();
    const added = await shop.add(SEED_XML, 'xml', 'xml');
    expect(added.status).toBe(200);
    expect(added.headers.get('content-type')).toMatch(/^application\/xml/);
    expect(added.text).toMatch(/^<\?xml[^>]*\?><OrderReturn [^>]*><ChangedTimestamp>2024-05-06T07:08:09\.0000000\+00:00<\/ChangedTimestamp><CreatedTimestamp>/);
    expect(added.text).toContain('<Id>1</Id><MainStatusId>1</MainStatusId><OrderId>5</OrderId>');
    expect(added.text).toContain('<MainStatus><Id>1</Id><BaseStatusId>1</BaseStatusId><StatusTypeId>1</StatusTypeId><Name>New</Name></MainStatus>');
    expect(added.text).toContain('<Resolution>Undefined</Resolution>');
    expect(added.text).toContain('<Params><Params><Key>sample string 1</Key><Value>sample string 2</Value><DataType>String</DataType></Params>');
    expect(added.text).not.toContain('DataTypeName');
    expect((await shop.stored())[0]).toMatchObject({ Id: 1, OrderReturnRows: [{ Id: 1, Resolution: 0 }, { Id: 2 }], Params: [{ DataType: 0, DataTypeName: 'String' }, {}] });
  });

  it('answers in the format Accept asks for, whatever the request format', async () => {
    const shop = await createShopCtrlMock();
    const xmlToJson = await shop.add(SEED_XML, 'xml', 'json');
    expect(xmlToJson.status).toBe(200);
    expect(xmlToJson.json).toMatchObject({
      Id: 1,
      OrderReturnRows: [{ Id: 1, Resolution: 0, ReturnedQuantity: 1 }, { Id: 2 }],
      Params: [{ DataTypeName: 'String' }, { DataTypeName: 'String' }],
    });
    const jsonToXml = await shop.add(SEED_JSON, 'json', 'xml');
    expect(jsonToXml.status).toBe(200);
    expect(jsonToXml.text).toContain('<Id>2</Id><MainStatusId>1</MainStatusId>');
    expect(jsonToXml.text).toContain('<OrderReturnRow><Id>3</Id>');
  });

  it('refuses Id 4 (the seed samples as printed) with a 400 ModelState naming orderReturn.Id, in JSON and in XML', async () => {
    const shop = await createShopCtrlMock();
    const json = await shop.add({ ...SEED_JSON, Id: 4 });
    expect(json.status).toBe(400);
    expect(json.json).toEqual({ Message: 'The request is invalid.', ModelState: { 'orderReturn.Id': [expect.any(String)] } });
    const xml = await shop.add(SEED_XML_AS_PRINTED, 'xml', 'xml');
    expect(xml.status).toBe(400);
    expect(xml.headers.get('content-type')).toMatch(/^application\/xml/);
    expect(xml.text).toMatch(/<Error[^>]*><Message>The request is invalid\.<\/Message><ModelState><orderReturn\.Id>/);
    expect(await shop.stored()).toEqual([]);
  });

  it('refuses a blank ReturnCode ("Required" is ASP.NET [Required], which refuses empty and whitespace-only strings), in JSON and XML', async () => {
    const shop = await createShopCtrlMock();
    for (const ReturnCode of ['', '   ']) {
      const refused = await shop.add({ ...oneRow(5, 2), ReturnCode });
      expect(refused.status).toBe(400);
      expect(Object.keys(refused.json.ModelState)).toEqual(['orderReturn.ReturnCode']);
    }
    const xml = await shop.add('<OrderReturnChanges><OrderId>5</OrderId><ReturnCode/></OrderReturnChanges>', 'xml', 'xml');
    expect(xml.status).toBe(400);
    expect(xml.text).toMatch(/<ModelState><orderReturn\.ReturnCode>/);
    expect(await shop.stored()).toEqual([]);
  });

  it('answers a row-level 400 in XML as well-formed XML, the ModelState key encoded as ASP.NET writes it', async () => {
    const shop = await createShopCtrlMock({ strictFixtures: true });
    const refused = await shop.add(
      '<OrderReturnChanges><OrderId>5</OrderId><ReturnCode>R-1</ReturnCode><OrderReturnRows><OrderReturnRow><OrderRowId>2</OrderRowId><ReturnedQuantity>1</ReturnedQuantity><ReturnReasonId>999</ReturnReasonId></OrderReturnRow></OrderReturnRows></OrderReturnChanges>',
      'xml',
      'xml',
    );
    expect(refused.status).toBe(400);
    expect(XMLValidator.validate(refused.text)).toBe(true);
    expect(refused.text).toContain('<ModelState><orderReturn.OrderReturnRows_x005B_0_x005D_.ReturnReasonId>');
  });

  it('refuses an XML body whose root element is not OrderReturnChanges, as XmlSerializer does', async () => {
    const shop = await createShopCtrlMock();
    for (const body of [
      '<Foo><OrderId>5</OrderId><ReturnCode>R-1</ReturnCode></Foo>',
      '<s:OrderReturnChanges xmlns:s="urn:x"><OrderId>5</OrderId><ReturnCode>R-1</ReturnCode></s:OrderReturnChanges>',
    ]) {
      const refused = await shop.add(body, 'xml', 'json');
      expect(refused.status).toBe(400);
      expect(Object.keys(refused.json.ModelState)).toEqual(['orderReturn']);
      expect(refused.json.ModelState.orderReturn[0]).toMatch(/root element .* <OrderReturnChanges> is expected/);
    }
    expect(await shop.stored()).toEqual([]);
  });

  const unknownReferences = {
    ...oneRow(5, 2),
    MainStatusId: 99,
    CustomStatusId: 98,
    OrderReturnRows: [
      { OrderRowId: 2, ReturnedQuantity: 1, ReturnReasonId: 97 },
      { OrderRowId: 96, ReturnedQuantity: 1 },
    ],
  };

  it('fabricates unknown main and custom statuses and accepts an unknown return reason, like orders (closed lists only with strictFixtures); a foreign order row is a risk', async () => {
    const shop = await createShopCtrlMock();
    const added = await shop.add(unknownReferences);
    expect(added.status).toBe(200);
    expect(added.json).toMatchObject({
      MainStatusId: 99,
      MainStatus: { Id: 99, BaseStatusId: 99, StatusTypeId: 1, Name: expect.any(String) },
      CustomStatusId: 98,
      CustomStatus: { Id: 98, StatusTypeId: 2 },
    });
    expect(lastFindings(shop)).toEqual([expect.objectContaining({ code: 'state.order-row.not-on-order', level: 'risk', pointer: '/OrderReturnRows/1/OrderRowId' })]);
    const again = await shop.add({ ...oneRow(5, 2), MainStatusId: 99 });
    expect(again.json.MainStatus).toEqual(added.json.MainStatus);
  });

  it('with strictFixtures refuses unknown main status, custom status and return reason in one 400 naming each field', async () => {
    const shop = await createShopCtrlMock({ strictFixtures: true });
    const refused = await shop.add(unknownReferences);
    expect(refused.status).toBe(400);
    expect(refused.json.ModelState).toEqual({
      'orderReturn.MainStatusId': ['main status 99 does not exist'],
      'orderReturn.CustomStatusId': ['custom status 98 does not exist'],
      'orderReturn.OrderReturnRows[0].ReturnReasonId': ['return reason 97 does not exist'],
    });
    expect(await shop.stored()).toEqual([]);
  });

  it('serves a row without OrderRowId, one returning more than the order row holds and a negative quantity, each a risk (no vendor source refuses them)', async () => {
    const shop = await createShopCtrlMock();
    const added = await shop.add({
      ...oneRow(5, 1),
      OrderReturnRows: [{ ReturnedQuantity: 1 }, { OrderRowId: 1, ReturnedQuantity: 2 }, { OrderRowId: 3, ReturnedQuantity: 2.5 }, { OrderRowId: 3, ReturnedQuantity: -1 }],
    });
    expect(added.status).toBe(200);
    expect(lastFindings(shop).map((finding) => [finding.code, finding.level, finding.pointer])).toEqual([
      ['state.order-row.missing', 'risk', '/OrderReturnRows/0/OrderRowId'],
      ['state.order-row.quantity-negative', 'risk', '/OrderReturnRows/3/ReturnedQuantity'],
      ['state.order-row.quantity-exceeded', 'risk', '/OrderReturnRows/1/ReturnedQuantity'],
    ]);
  });

  it('gives a return without MainStatusId the default main status and no custom status; fills product fields from the fixtures', async () => {
    const shop = await createShopCtrlMock();
    const added = await shop.add(oneRow(5, 3, 2.5));
    expect(added.status).toBe(200);
    expect(added.json).toMatchObject({ MainStatusId: 1, MainStatus: { Name: 'New' } });
    expect(added.json.CustomStatus).toBeUndefined();
    expect(added.json.CustomStatusId).toBeUndefined();
    expect(added.json.OrderReturnRows[0]).toMatchObject({
      Id: 1,
      OrderRowId: 3,
      ProductCode: 'ROPE-10MM',
      ProductName: 'Climbing rope 10 mm (per metre)',
      SupplierName: 'Alpin Supply',
      Resolution: 0,
    });
  });

  it('fabricates an unknown order (and warehouse) on first use and keeps it (a row not on it is a risk); with strictFixtures refuses both', async () => {
    const shop = await createShopCtrlMock();
    const first = await shop.add(oneRow(9001, 7, 2, { WarehouseId: 9002 }));
    expect(first.status).toBe(200);
    expect(first.json.OrderReturnRows[0].ProductName).toEqual(expect.any(String));
    const again = await shop.add(oneRow(9001, 7, 1));
    expect(again.json.OrderReturnRows[0].ProductName).toBe(first.json.OrderReturnRows[0].ProductName);
    const foreign = await shop.add(oneRow(9001, 8, 1));
    expect(foreign.status).toBe(200);
    expect(lastFindings(shop).map((finding) => finding.code)).toEqual(['state.order-row.not-on-order']);

    const strict = await createShopCtrlMock({ strictFixtures: true });
    const refused = await strict.add(oneRow(9001, 7, 1, { WarehouseId: 9002 }));
    expect(refused.status).toBe(400);
    expect(refused.json.ModelState).toEqual({ 'orderReturn.OrderId': ['order 9001 does not exist'], 'orderReturn.WarehouseId': ['warehouse 9002 does not exist'] });
    expect((await strict.add(oneRow(5, 2, 1, { WarehouseId: 2 }))).status).toBe(200);
  });

  it('keeps returns and id sequences across a restart on the same store file', async () => {
    const db = await tempStoreFile();
    const before = await createShopCtrlMock({ db });
    const first = await before.add(SEED_JSON);
    await before.add(oneRow(9003, 1, 1));
    await before.store.close();
    const after = await createShopCtrlMock({ db, seed: 99 });
    expect((await after.stored())[0]).toEqual(first.json);
    const next = await after.add(oneRow(9003, 1, 1));
    expect(next.json.Id).toBe(3);
    expect(next.json.OrderReturnRows[0].Id).toBe(4);
    // The order fabricated before the restart is kept, not fabricated anew from the other seed.
    expect(next.json.OrderReturnRows[0].ProductCode).toBe((await after.stored())[1]!.OrderReturnRows[0].ProductCode);
  });
});
