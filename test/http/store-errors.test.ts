import { mkdir, rm } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { createStore } from '../../src/store/index.js';
import { createTestMock } from '../helpers/mock-client.js';
import { createTempStoreFile } from '../store/temp-dir.js';

const employee = { authorization: 'Bearer t' };
const newReturn = {
  orders: [{ id: 'O-1', items: [{ id: '1', quantity: 1 }] }],
  reason: { code: '001' },
  requestor: { customerId: 'C-1' },
  submitter: { firstName: 'Erin', lastName: 'Employee', email: 'erin@acme.example' },
};

describe('a store that cannot write', () => {
  it('answers 503 in the vendor shape (not a 500 claiming a bug), keeps serving, and loses no acknowledged write', async () => {
    const db = await createTempStoreFile();
    const mock = await createTestMock({ vendors: ['emporix'], inMemory: false, db });
    const first = await mock.send('POST', '/emporix/return/acme/returns', { headers: employee, body: newReturn });
    expect(first.status).toBe(201);
    // A directory where the log should be: every append fails, as on a full or read-only disk.
    await rm(`${db}.log`);
    await mkdir(`${db}.log`);
    const failed = await mock.send('POST', '/emporix/return/acme/returns', { headers: employee, body: newReturn });
    expect(failed.status).toBe(503);
    expect(failed.json).toMatchObject({ code: 503, message: expect.stringContaining('the store could not be written') });
    const reset = await mock.send('POST', '/__admin/reset?vendor=emporix&tenant=globex');
    expect(reset.status).toBe(503);
    expect(reset.json.message).toContain('EISDIR');
    await rm(`${db}.log`, { recursive: true });
    const third = await mock.send('POST', '/emporix/return/acme/returns', { headers: employee, body: newReturn });
    expect(third.status).toBe(201);
    const reopened = await createStore({ file: db });
    const ids = reopened.list<{ id: string }>('emporix', 'acme', 'returns').map((r) => r.id);
    expect(ids).toContain(first.json.id);
    expect(ids).toContain(third.json.id);
    expect(new Set(ids).size).toBe(3);
  });
});
