import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkDrift, diffSpecs, type DriftReport } from '../../../src/contract/drift/index.js';
import type { JournalEntry } from '../../../src/contract/journal-entry.js';
import { buildOperations } from '../../../src/spec/build-operations.js';
import { loadSpec, type SpecDocument } from '../../../src/spec/load-spec.js';

const item = (extra: Record<string, unknown>) => ({ type: 'object', required: ['id'], properties: { id: { type: 'string' }, name: { type: 'string' }, ...extra } });
const json = (schema: unknown) => ({ content: { 'application/json': { schema } } });

const OLD = {
  openapi: '3.1.0',
  info: { title: 'Shop', version: '1' },
  paths: {
    '/items/{id}': {
      get: {
        operationId: 'getItem',
        parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
        responses: { '200': { description: 'ok', ...json(item({ legacyCode: { type: 'string' } })) } },
      },
    },
    '/items': {
      post: {
        operationId: 'createItem',
        requestBody: { required: true, ...json(item({ kind: { enum: ['a', 'b'] } })) },
        responses: { '201': { description: 'ok', ...json(item({})) } },
      },
    },
    '/old': { get: { operationId: 'getOld', responses: { '200': { description: 'ok' } } } },
    '/same': { get: { operationId: 'getSame', responses: { '204': { description: 'ok' } } } },
  },
};

const NEW = {
  openapi: '3.1.0',
  info: { title: 'Shop', version: '2' },
  paths: {
    '/items/{itemId}': {
      get: {
        operationId: 'getItem',
        parameters: [{ name: 'itemId', in: 'path', required: true, schema: { type: 'string' } }],
        responses: { '200': { description: 'ok', ...json(item({})) } },
      },
    },
    '/things': {
      post: {
        operationId: 'createItem',
        requestBody: { required: true, ...json(item({ kind: { enum: ['a'] } })) },
        responses: { '201': { description: 'ok', ...json(item({})) } },
      },
    },
    '/same': { get: { operationId: 'readSame', responses: { '204': { description: 'ok' } } } },
    '/new': { get: { operationId: 'getNew', responses: { '200': { description: 'ok' } } } },
  },
};

let dir: string;
let oldSpec: SpecDocument;
let newSpec: SpecDocument;

const entry = (seq: number, method: string, requestPath: string, status: number, responseBody?: unknown, requestBody?: unknown): JournalEntry => ({
  seq,
  time: '2026-01-01T00:00:00.000Z',
  client: 'shop-app',
  vendor: 'shop',
  operationId: null,
  method,
  pathTemplate: null,
  request: {
    method,
    path: requestPath,
    query: '',
    headers: requestBody === undefined ? {} : { 'content-type': 'application/json' },
    ...(requestBody === undefined ? {} : { body: JSON.stringify(requestBody) }),
  },
  status,
  lenient: false,
  violations: [],
  response: {
    status,
    headers: responseBody === undefined ? {} : { 'content-type': 'application/json' },
    ...(responseBody === undefined ? {} : { body: JSON.stringify(responseBody) }),
  },
  durationMs: 1,
  outcome: 'answered',
});

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'returns-mock-drift-'));
  await writeFile(path.join(dir, 'old.json'), JSON.stringify(OLD));
  await writeFile(path.join(dir, 'new.json'), JSON.stringify(NEW));
  oldSpec = await loadSpec(path.join(dir, 'old.json'));
  newSpec = await loadSpec(path.join(dir, 'new.json'));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('diffSpecs', () => {
  it('classes each structural change', () => {
    const changes = diffSpecs({ oldDoc: oldSpec.index, oldOperations: buildOperations(oldSpec.doc), newDoc: newSpec.index, newOperations: buildOperations(newSpec.doc) });
    const seen = changes.map((change) => [change.kind, change.class, change.operationId, change.pointer]);
    expect(seen).toEqual(
      expect.arrayContaining([
        ['response.property.removed', 'breaking', 'getItem', '/legacyCode'],
        ['operation.moved', 'breaking', 'createItem', ''],
        ['operation.removed', 'breaking', 'getOld', ''],
        ['operation.renamed', 'non-breaking', 'getSame', ''],
        ['operation.added', 'non-breaking', 'getNew', ''],
      ]),
    );
    // A renamed path parameter changes nothing a client sends.
    expect(changes.filter((change) => change.operationId === 'getItem').map((change) => change.kind)).toEqual(['response.property.removed']);
  });

  it('finds nothing between a spec and itself', () => {
    const operations = buildOperations(oldSpec.doc);
    expect(diffSpecs({ oldDoc: oldSpec.index, oldOperations: operations, newDoc: oldSpec.index, newOperations: operations })).toEqual([]);
  });
});

describe('checkDrift', () => {
  let report: DriftReport;
  beforeAll(() => {
    const entries = [
      entry(1, 'GET', '/items/i-1', 200, { id: 'i-1', name: 'Mug', legacyCode: 'L-7' }),
      entry(2, 'POST', '/items', 201, { id: 'i-2' }, { id: 'i-2', kind: 'b' }),
      entry(3, 'GET', '/old', 200),
      entry(4, 'GET', '/same', 204),
    ];
    report = checkDrift(entries, [{ vendor: 'shop', oldSpec, newSpec }], { source: 'test', now: new Date('2026-01-02T00:00:00Z') });
  });

  it('names the answer field the client received that the new spec no longer documents', () => {
    const getItem = report.vendors[0]!.operations.find((operation) => operation.operationId === 'getItem')!;
    expect(getItem.answers).toEqual([{ seq: 1, client: 'shop-app', status: 200, undocumentedFields: ['/legacyCode'], findings: [] }]);
    expect(getItem.breaks).toBe(true);
  });

  it('reports used operations removed or moved, and a rename at the same path as no break', () => {
    const fates = Object.fromEntries(report.vendors[0]!.operations.map((operation) => [operation.operationId, [operation.fate?.kind, operation.breaks]]));
    expect(fates).toEqual({ getItem: [undefined, true], createItem: ['moved', true], getOld: ['removed', true], getSame: ['renamed', false] });
    expect(report.verdict).toBe('breaks');
    expect(report.summary.operationsGone).toBe(2);
  });
});
