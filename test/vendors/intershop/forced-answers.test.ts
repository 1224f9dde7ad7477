import { describe, expect, it } from 'vitest';
import { loadSpec } from '../../../src/spec/load-spec.js';
import { buildOperations } from '../../../src/spec/build-operations.js';
import { intershopPlugin } from '../../../src/vendors/intershop/index.js';
import { APPROVAL_TYPE, basic, createIomMock, ORDER, position, REQUEST_TYPE, SHOP } from './iom-client.js';

/** The error code the plugin renders for each status (src/vendors/intershop/render-error.ts). */
const CODES: Record<string, string> = {
  '400': 'VALIDATION_EXCEPTION',
  '401': 'AUTHENTICATION_FAILED',
  '403': 'PERMISSION_DENIED',
  '404': 'NOT_FOUND',
  '406': 'NOT_ACCEPTABLE',
  '413': 'PAYLOAD_TOO_LARGE',
  '415': 'UNSUPPORTED_MEDIA_TYPE',
  '500': 'INTERNAL_ERROR',
  '502': 'BAD_GATEWAY',
  '504': 'GATEWAY_TIMEOUT',
};

/** A valid request for each operation: path parameters filled in, the POST bodies in their vendor media types. */
const BODIES: Record<string, { contentType: string; body: object }> = {
  createReturnRequest: { contentType: REQUEST_TYPE, body: { type: 'RETURN', positions: [position(2, '20180303124', 1)] } },
  createApproval: { contentType: APPROVAL_TYPE, body: { status: 'APPROVED' } },
};
const pathOf = (template: string) =>
  `/intershop${template}`
    .replace('{shopName}', encodeURIComponent(SHOP))
    .replace('{shopOrderNumber}', ORDER)
    .replace('{returnRequestId}', '10000')
    .replace('{returnRequestPositionId}', '10000');

const spec = await loadSpec(intershopPlugin.specFile);
const cases = buildOperations(spec.doc).flatMap((operation) =>
  operation.responses.filter((response) => /^[45]/.test(response.status)).map((response) => [operation.operationId, response.status, operation] as const),
);

describe('Intershop IOM answers forced with Prefer: code=N', async () => {
  const responseViolations: unknown[] = [];
  const iom = await createIomMock({ onExchange: (exchange) => responseViolations.push(...exchange.responseViolations) });

  it('covers every documented error status of every operation', () => {
    expect(cases.length).toBeGreaterThan(12 * 4);
  });

  // A faked ErrorReport carried any status and code (a 404 whose body said 409); the spec's examples keep them in step.
  it.each(cases)('%s %s is an ErrorReport whose status and code match the HTTP status', async (_operationId, status, operation) => {
    const write = BODIES[operation.operationId];
    const headers: Record<string, string> = { ...basic('admin'), prefer: `code=${status}`, ...(write === undefined ? {} : { 'content-type': write.contentType }) };
    const answer = await iom.send(operation.method.toUpperCase(), pathOf(operation.pathTemplate), { headers, body: write?.body });
    expect(answer.status).toBe(Number(status));
    expect(answer.json.status).toBe(Number(status));
    expect(answer.json.errors.length).toBeGreaterThan(0);
    for (const error of answer.json.errors) expect(error.code).toBe(CODES[status]);
    expect(responseViolations).toEqual([]);
  });
});
