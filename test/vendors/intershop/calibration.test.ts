import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { intershopPlugin } from '../../../src/vendors/intershop/index.js';
import { RULES } from '../../../src/vendors/intershop/rules.js';
import { createIomMock, idFrom, ORDER, position, requestsPath, SHOP } from './iom-client.js';
import { lastJournalEntry } from '../realistic-clients/last-journal-entry.js';

/** The calibration of specs/README.md ("Calibration: Intershop IOM and Emporix"): what is refused, what is served as a risk. */
describe('Intershop IOM calibration', async () => {
  const iom = await createIomMock();
  const findings = async () => (await lastJournalEntry(iom.send)).violations.map((finding) => [finding.code, finding.level, finding.pointer]);

  it('raises no finding by an inline code: every code is a registered rule of src/vendors/intershop/rules.ts', () => {
    const folder = new URL('../../../src/vendors/intershop/', import.meta.url);
    const inline = readdirSync(folder)
      .filter((file) => file.endsWith('.ts') && file !== 'rules.ts')
      .filter((file) => /\bcode: '/.test(readFileSync(new URL(file, folder), 'utf8')));
    expect(inline).toEqual([]);
  });

  it('registers every rule on the plugin, each described and cited; no refusal rests on the mock alone', () => {
    expect(intershopPlugin.rules).toEqual(Object.values(RULES));
    for (const rule of Object.values(RULES)) {
      expect(rule.vendor).toBe('intershop');
      expect(rule.description).not.toBe('');
      expect(rule.cite).toContain('307N03');
      if (rule.level === 'violation') expect(rule.source).not.toBe('mock');
    }
  });

  it('serves a return request with no positions, recording the risk', async () => {
    const created = await iom.create(SHOP, ORDER, { type: 'RETURN', positions: [] });
    expect(created.status).toBe(201);
    expect(await findings()).toEqual([['state.return-request.no-positions', 'risk', '/positions']]);
    expect((await iom.get(requestsPath(SHOP, ORDER, `/${idFrom(created)}/positions`))).json).toEqual([]);
  });

  it('serves a quantity of 0 as a risk that holds nothing of the position', async () => {
    const before = (await iom.returnables(SHOP, ORDER)).find((entry) => entry.positionNumber === 2)!.quantity;
    const created = await iom.create(SHOP, ORDER, { type: 'RETURN', positions: [position(2, '20180303124', 0)] });
    expect(created.status).toBe(201);
    expect(await findings()).toEqual([['state.position.quantity-not-positive', 'risk', '/positions/0/quantity']]);
    expect((await iom.returnables(SHOP, ORDER)).find((entry) => entry.positionNumber === 2)!.quantity).toBe(before);
  });

  it('serves a rejection with a blank comment as a risk; a rejection without one (or with null) stays refused', async () => {
    const blank = idFrom(await iom.create(SHOP, ORDER, { type: 'RETURN', positions: [position(2, '20180303124', 1)] }));
    expect((await iom.approve(SHOP, ORDER, blank, { status: 'NOT_APPROVED', comment: '  ' })).status).toBe(201);
    expect(await findings()).toEqual([['state.approval.comment-blank', 'risk', '/comment']]);
    const missing = idFrom(await iom.create(SHOP, ORDER, { type: 'RETURN', positions: [position(2, '20180303124', 1)] }));
    for (const body of [{ status: 'NOT_APPROVED' }, { status: 'NOT_APPROVED', comment: null }]) {
      const refused = await iom.approve(SHOP, ORDER, missing, body);
      expect(refused.status).toBe(400);
      expect(refused.json.errors[0].message).toContain('/comment');
    }
  });

  it('still refuses a null in a required field', async () => {
    const refused = await iom.create(SHOP, ORDER, { type: 'RETURN', positions: [{ ...position(2, '20180303124', 1), reason: null }] });
    expect(refused.status).toBe(400);
    expect(refused.json.errors[0].message).toContain('/positions/0/reason');
  });
});
