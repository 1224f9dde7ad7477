import { describe, expect, it } from 'vitest';
import { createTestMock } from '../helpers/mock-client.js';

/** Every admin route with a bad or empty value of each of its query parameters, and the parameter the answer must name. */
const CASES: Array<[method: string, path: string, parameter: string]> = [
  ['POST', '/__admin/reset?vendor=emporix&tenant=', 'tenant'],
  ['POST', '/__admin/reset?vendor=', 'vendor'],
  ['POST', '/__admin/reset?vendor=&tenant=acme', 'vendor'],
  ['POST', '/__admin/reset?vendor=emporix&tenant=a%00b', 'tenant'],
  ['POST', '/__admin/reset?vendr=emporix', 'vendr'],
  ['GET', '/__admin/journal?since=', 'since'],
  ['GET', '/__admin/journal?limit=', 'limit'],
  ['GET', '/__admin/journal?limit=0', 'limit'],
  ['GET', '/__admin/journal?violations=', 'violations'],
  ['GET', '/__admin/journal?client=', 'client'],
  ['GET', '/__admin/journal?vendor=', 'vendor'],
  ['GET', '/__admin/journal?vendor=nope', 'vendor'],
  ['GET', '/__admin/journal?operation=', 'operation'],
  ['GET', '/__admin/report?format=', 'format'],
  ['GET', '/__admin/report?requireCoverage=', 'requireCoverage'],
  ['GET', '/__admin/report?requireCoverage=101', 'requireCoverage'],
  ['GET', '/__admin/report?client=', 'client'],
  ['GET', '/__admin/report?vendor=', 'vendor'],
  ['GET', '/__admin/report?vendor=nope', 'vendor'],
  ['GET', '/__admin/state?x=1', 'x'],
  ['GET', '/__admin/vendors?vendor=', 'vendor'],
  ['DELETE', '/__admin/journal?since=1', 'since'],
];

describe('the admin API answers any bad or empty parameter with a 4xx naming it, never a 5xx', async () => {
  const { send } = await createTestMock({ vendors: ['emporix', 'jtl'] });

  it.each(CASES)('%s %s names %s', async (method, path, parameter) => {
    const answer = await send(method, path);
    expect(answer.status, answer.text).toBe(400);
    expect(answer.json?.error, answer.text).toContain(parameter);
  });

  it('still serves the well-formed forms', async () => {
    for (const path of [
      '/__admin/journal?since=0&limit=5&violations=true&vendor=emporix&client=a&operation=listReturns',
      '/__admin/report?format=md&vendor=jtl&client=a&requireCoverage=50',
      '/__admin/state',
      '/__admin/vendors',
    ]) {
      expect((await send('GET', path)).status, path).toBe(200);
    }
    expect((await send('POST', '/__admin/reset?vendor=emporix&tenant=acme')).status).toBe(200);
    expect((await send('POST', '/__admin/reset?token=x')).status).toBe(200);
  });
});
