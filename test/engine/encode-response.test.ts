import { describe, expect, it } from 'vitest';
import { encodeResponse } from '../../src/engine/encode-response.js';
import { buildEngineContext } from '../helpers/engine-context.js';

describe('encodeResponse (stage 5)', async () => {
  const emporix = (await buildEngineContext('emporix')).context;
  const shopctrl = (await buildEngineContext('shopctrl')).context;

  it('encodes JSON with its content type and keeps the answer headers', () => {
    const response = encodeResponse(emporix, { compiled: undefined, mediaType: 'application/json', result: { status: 201, headers: { location: '/x' }, body: { id: 'r-1' } } });
    expect(response).toEqual({ status: 201, headers: { location: '/x', 'content-type': 'application/json; charset=utf-8' }, body: '{"id":"r-1"}' });
  });

  it('sends no body and no content type for an answer without one', () => {
    expect(encodeResponse(emporix, { compiled: undefined, mediaType: undefined, result: { status: 204 } })).toEqual({ status: 204, headers: {}, body: undefined });
  });

  it('encodes XML by the documented schema of the status', () => {
    const compiled = shopctrl.operations.find((candidate) => candidate.operation.responses.some((response) => response.content.some((c) => c.mediaType.includes('xml'))))!;
    const response = encodeResponse(shopctrl, { compiled, mediaType: 'application/xml', result: { status: 400, body: { Message: 'bad' } } });
    expect(response.headers['content-type']).toBe('application/xml; charset=utf-8');
    expect(response.body).toContain('<Message>bad</Message>');
  });
});
