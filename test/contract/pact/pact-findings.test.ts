import { describe, expect, it } from 'vitest';
import { createTestMock } from '../../helpers/mock-client.js';

const HEADERS = { authorization: 'Bearer employee-token', 'x-mock-client': 'portal' };
const LIST = '/emporix/return/acme/returns';

describe('mock.pact() and the findings of an exchange', () => {
  it('keeps an exchange whose only finding is a notice (served as Emporix would) and leaves out one with a violation', async () => {
    const mock = await createTestMock({ vendors: ['emporix'] });
    // A misspelt query parameter: Emporix ignores it, the mock records a notice and answers the list.
    const noticed = await mock.send('GET', `${LIST}?pageSise=5`, { headers: HEADERS });
    expect(noticed.status).toBe(200);
    expect(
      mock
        .journal()
        .at(-1)
        ?.violations.map((finding) => finding.level),
    ).toEqual(['notice']);
    // A pageSize over the documented maximum: refused.
    expect((await mock.send('GET', `${LIST}?pageSize=100000`, { headers: HEADERS })).status).toBe(400);

    const exported = mock.pact();
    const emporix = exported.pacts.find((p) => p.pact.provider.name === 'emporix')!.pact;
    expect(emporix.interactions.map((interaction) => interaction.description)).toEqual(['listReturns → 200']);
    expect(emporix.interactions[0]?.request.query).toEqual({ pageSise: ['5'] });
    expect(exported.skipped.violations).toBe(1);
  });
});
