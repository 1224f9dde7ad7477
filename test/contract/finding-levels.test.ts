import { describe, expect, it } from 'vitest';
import { CORE_RULES } from '../../src/core/core-rules.js';
import { createSeededFaker } from '../../src/fake/index.js';
import type { ContractReport, FailOn } from '../../src/index.js';
import { createTestMock } from '../helpers/mock-client.js';
import { buildValidRequest, type BuiltRequest } from '../helpers/valid-request.js';
import { reportSchemaErrors } from './report-schema.js';

type TestMock = Awaited<ReturnType<typeof createTestMock>>;

/** A request the spec accepts for one Emporix operation, from its documented example. */
function validRequest(mock: TestMock, operationId: string): BuiltRequest {
  const engine = mock.engines.find((candidate) => candidate.plugin.id === 'emporix')!;
  const compiled = engine.operations.find((candidate) => candidate.operation.operationId === operationId)!;
  return buildValidRequest(engine.spec, compiled, createSeededFaker(3));
}

async function send(mock: TestMock, request: BuiltRequest) {
  return mock.send(request.method, `/emporix${request.path}`, { headers: request.headers, ...(request.body === undefined ? {} : { body: request.body }) });
}

/** The report in every format, and the verdict `GET /__admin/report` gives with `failOn`. */
function reports(mock: TestMock) {
  const json = mock.report();
  expect(reportSchemaErrors(json)).toEqual([]);
  return { json, md: mock.report({ format: 'md' }), html: mock.report({ format: 'html' }), junit: mock.report({ format: 'junit' }) };
}

async function adminVerdict(mock: TestMock, failOn: FailOn): Promise<string> {
  const response = await mock.send('GET', `/__admin/report?failOn=${failOn}`);
  expect(response.status).toBe(200);
  return (response.json as ContractReport).verdict;
}

/** Each notice class: served as the vendor would, named in all four formats, a pass unless `failOn: notice`. */
const NOTICES: Array<[string, string, string, (mock: TestMock) => Promise<BuiltRequest>]> = [
  [
    'a misspelt optional body field',
    CORE_RULES.bodyUnknownProperty.code,
    '/extenalId',
    (mock) => {
      const request = validRequest(mock, 'createReturn');
      return Promise.resolve({ ...request, body: JSON.stringify({ ...(JSON.parse(request.body!) as object), extenalId: 'A-1' }) });
    },
  ],
  [
    'a misspelt query parameter',
    CORE_RULES.queryUndeclared.code,
    '/pageSise',
    (mock) => {
      const request = validRequest(mock, 'listReturns');
      return Promise.resolve({ ...request, path: `${request.path}${request.path.includes('?') ? '&' : '?'}pageSise=5` });
    },
  ],
  [
    'a body sent to an operation that takes none',
    CORE_RULES.bodyUnexpected.code,
    '',
    async (mock) => {
      const created = await send(mock, validRequest(mock, 'createReturn'));
      expect(created.status).toBe(201);
      const request = validRequest(mock, 'deleteReturn');
      const id = (created.json as { id: string }).id;
      return {
        ...request,
        path: request.path.replace(/\/returns\/[^/?]+/, `/returns/${encodeURIComponent(id)}`),
        headers: { ...request.headers, 'content-type': 'application/json' },
        body: '{"reason":"duplicate"}',
      };
    },
  ],
];

describe('notices: what the vendor silently ignores is served, reported apart, and fails only with failOn notice', () => {
  it.each(NOTICES)('%s', async (_what, code, pointer, build) => {
    const mock = await createTestMock({ vendors: ['emporix'] });
    const request = await build(mock);
    const answered = await send(mock, request);
    expect(answered.status).toBeLessThan(300);
    const entry = mock.journal().at(-1)!;
    expect(entry.violations).toEqual([expect.objectContaining({ code, pointer, level: 'notice', source: 'platform' })]);

    const { json, md, html, junit } = reports(mock);
    expect(json.verdict).toBe('pass');
    expect(json.failOn).toBe('violation');
    expect(json.summary.notices).toBe(1);
    const [result] = json.results;
    expect(result!.violations).toEqual([]);
    expect(result!.notices).toEqual([expect.objectContaining({ code, pointer, level: 'notice', source: 'platform', count: 1 })]);
    expect(md).toContain('### Notices (not counted toward the verdict)');
    expect(md).toContain(code);
    expect(html).toMatch(new RegExp(`<table class="notices">.*<tr class="notice" data-level="notice" data-source="platform"`, 's'));
    expect(html).toContain(code);
    expect(junit).toContain('failures="0"');
    expect(junit).toMatch(new RegExp(`<system-out>${code.replaceAll('.', '\\.')} at \\w+ ${pointer || '/'} \\(1×\\): [^<]*\n  level: notice \\(source: platform\\)`));

    const strict = mock.report({ failOn: 'notice' });
    expect(strict.verdict).toBe('fail');
    expect(strict.results[0]!.reasons).toEqual(['1 notice of 1 rule']);
    expect(mock.report({ failOn: 'notice', format: 'junit' })).toMatch(/failures="[1-9]/);
    expect(mock.report({ failOn: 'risk' }).verdict).toBe('pass');
    expect(await adminVerdict(mock, 'notice')).toBe('fail');
    expect(await adminVerdict(mock, 'violation')).toBe('pass');
  });

  it('a mock started with failOn: notice fails the same report by default', async () => {
    const mock = await createTestMock({ vendors: ['emporix'], failOn: 'notice' });
    await send(mock, await NOTICES[1]![3](mock));
    expect(mock.report().verdict).toBe('fail');
    expect((await mock.send('GET', '/__admin/report')).json.verdict).toBe('fail');
    expect((await mock.send('GET', '/__admin/report?failOn=violation')).json.verdict).toBe('pass');
  });

  it('names an unknown failOn in a 400, and refuses it at start', async () => {
    const mock = await createTestMock({ vendors: ['emporix'] });
    const response = await mock.send('GET', '/__admin/report?failOn=warning');
    expect(response.status).toBe(400);
    expect(response.json.error).toContain('failOn');
    await expect(createTestMock({ vendors: ['emporix'], failOn: 'warning' as FailOn })).rejects.toThrow(/failOn/);
  });
});

describe("usage findings: the mock's own controls never count toward a verdict", () => {
  it('Prefer: code=418 is answered 400, recorded as usage, and the verdict stays pass even with failOn notice', async () => {
    const mock = await createTestMock({ vendors: ['emporix'] });
    const request = validRequest(mock, 'listReturns');
    const answered = await send(mock, { ...request, headers: { ...request.headers, prefer: 'code=418' } });
    expect(answered.status).toBe(400);
    expect(mock.journal().at(-1)!.violations).toEqual([expect.objectContaining({ code: CORE_RULES.preferStatusUndocumented.code, level: 'usage', source: 'mock' })]);
    const { json, md, html, junit } = reports(mock);
    expect(json.verdict).toBe('pass');
    expect(json.summary).toMatchObject({ violations: 0, usage: 1 });
    expect(json.results[0]!.usage).toEqual([expect.objectContaining({ code: CORE_RULES.preferStatusUndocumented.code, level: 'usage' })]);
    expect(md).toContain('### Usage of the mock (not counted toward the verdict)');
    expect(html).toContain('<table class="usage">');
    expect(junit).toContain('failures="0"');
    expect(mock.report({ failOn: 'notice' }).verdict).toBe('pass');
  });

  it('a malformed Prefer (example=nope, dynamic=maybe) is a usage finding too', async () => {
    const mock = await createTestMock({ vendors: ['emporix'] });
    const request = validRequest(mock, 'listReturns');
    for (const prefer of ['example=nope', 'dynamic=maybe']) expect((await send(mock, { ...request, headers: { ...request.headers, prefer } })).status).toBe(400);
    expect(mock.journal().flatMap((entry) => entry.violations.map((finding) => finding.level))).toEqual(['usage', 'usage']);
    expect(mock.report({ failOn: 'notice' }).verdict).toBe('pass');
  });
});
