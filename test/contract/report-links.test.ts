import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { specLink } from '../../src/contract/spec-link.js';
import { startMock } from '../../src/index.js';
import { createTestMock } from '../helpers/mock-client.js';
import { reportSchemaErrors } from './report-schema.js';

const employee = { authorization: 'Bearer employee-token', 'x-mock-client': 'ci' };

describe('reports link back to the specs and state the mock that made them', () => {
  it('from the admin API: links to the served openapi.json, whose hash the report states', async () => {
    const mock = await createTestMock({ vendors: ['emporix', 'jtl'], seed: 7, mode: 'lenient' });
    await mock.send('GET', '/emporix/return/acme/returns?pageSize=500', { headers: employee });
    const report = (await mock.send('GET', '/__admin/report')).json;
    expect(reportSchemaErrors(report)).toEqual([]);
    expect(report.mock).toMatchObject({ version: expect.stringMatching(/^\d+\.\d+\.\d+/), seed: 7, mode: 'lenient' });
    const emporix = report.mock.specs.find((spec: { vendor: string }) => spec.vendor === 'emporix');
    expect(emporix).toMatchObject({ prefix: '/emporix', url: 'http://localhost/emporix/openapi.json', called: true });
    const served = await mock.app.request('http://localhost/emporix/openapi.json');
    expect(emporix.sha256).toBe(
      createHash('sha256')
        .update(await served.text())
        .digest('hex'),
    );
    expect(report.mock.specs.find((spec: { vendor: string }) => spec.vendor === 'jtl')).toMatchObject({ called: false });

    const md = (await mock.send('GET', '/__admin/report?format=md')).text;
    expect(md).toContain('returns-mock ');
    expect(md).toContain(', seed 7, mode lenient.');
    expect(md).toContain(`| emporix | [/emporix/openapi.json](http://localhost/emporix/openapi.json) | \`${emporix.sha256}\` | yes |`);
    expect(md).toContain('| jtl | [/jtl/openapi.json](http://localhost/jtl/openapi.json) |');
    expect(md).toContain('**never called**');
    expect(md).toContain('| [#/components/parameters/pageSize/schema/maximum](http://localhost/emporix/openapi.json#/components/parameters/pageSize/schema/maximum) |');
    expect(specLink(report, 'emporix', '#/paths/~1return~1{tenant}~1returns (x)')).toBe('http://localhost/emporix/openapi.json#/paths/~1return~1%7Btenant%7D~1returns%20%28x%29');
    expect(md).toContain('**Never exercised** (5 of 6): createReturn, getReturn, updateReturn, deleteReturn, patchReturn.');

    const html = (await mock.send('GET', '/__admin/report?format=html')).text;
    expect(html).toContain(
      '<a class="spec-link" href="http://localhost/emporix/openapi.json#/components/parameters/pageSize/schema/maximum"><code>#/components/parameters/pageSize/schema/maximum</code></a>',
    );
    expect(html).toContain('<tr class="operation not-exercised" data-operation="getReturn"');
    expect(html).toContain('<p class="not-exercised"><strong>Never exercised</strong> (5 of 6)');
    expect(html).toContain(`<code class="sha256">${emporix.sha256}</code>`);
  });

  it('in process: links to the spec files; a started mock links to its own URL', async () => {
    const mock = await createTestMock({ vendors: ['jtl'] });
    expect(mock.report().mock!.specs[0]!.url).toMatch(/^file:\/\/\/.*\/specs\/jtl\.yaml$/);
    const running = await startMock({ vendors: ['jtl'], inMemory: true });
    try {
      expect(running.report().mock!.specs[0]!.url).toBe(`${running.url}/jtl/openapi.json`);
      expect(running.report().mock).toMatchObject({ seed: 1, mode: 'strict' });
    } finally {
      await running.close();
    }
  });
});
