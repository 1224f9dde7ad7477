import { describe, expect, it } from 'vitest';
import { createReportCollector } from '../../src/contract/create-report-collector.js';
import type { JournalEntry } from '../../src/contract/journal-entry.js';
import { renderReport } from '../../src/contract/render-report.js';
import type { JournalFinding } from '../../src/contract/journal-entry.js';

describe('report formats on data from a journal file', () => {
  // `returns-mock report --journal` renders whatever the file holds: even the fields the mock itself fills are untrusted there.
  const hostile = '<img src=x onerror=alert(1)>|x';
  const violation = { code: 'request.body.type', location: hostile, pointer: '/a', message: 'm', specPointer: '#/x', operationId: 'op' } as unknown as JournalFinding;
  const entry: JournalEntry = {
    seq: 1,
    time: '2024-01-01T00:00:00.000Z',
    client: 'ci',
    vendor: 'v',
    operationId: 'op',
    method: 'POST',
    pathTemplate: '/p',
    request: { method: 'POST', path: '/p', query: '', headers: {} },
    status: 400,
    response: { status: 400, headers: {} },
    durationMs: 1,
    outcome: 'answered',
    lenient: false,
    violations: [violation],
  };
  const collector = createReportCollector([
    {
      vendor: 'v',
      title: 'V',
      operations: [{ operationId: 'op', method: 'POST', pathTemplate: '/p', documentedStatuses: ['400'] }],
      secretHeaders: [],
      clientHeaders: [],
      secretQuery: [],
    },
  ]);
  collector.add(entry);
  const report = collector.build();

  it('escapes a violation’s location in HTML and Markdown', () => {
    const html = renderReport(report, 'html').body;
    expect(html).not.toContain('<img');
    expect(html).toContain('<td class="location">&lt;img src=x onerror=alert(1)&gt;|x</td>');
    const md = renderReport(report, 'md').body;
    expect(md).not.toContain('<img');
    expect(md).toContain('| &lt;img src=x onerror=alert(1)&gt;\\|x |');
  });
});
