import type { Violation } from '../core/violation.js';
import type { VendorEngine } from '../engine/create-vendor-engine.js';
import type { HttpResponse } from '../core/http.js';

/** Answers a request refused before the app saw it: by Node's parser (`code` like `HPE_HEADER_OVERFLOW`) or Hono's adapter (`reason`). */
export type ClientErrorRenderer = (refusal: { code: string; reason?: string; target: string | undefined }) => HttpResponse;

/** Node's parser codes for requests it cannot read, and what to tell the client. */
const MESSAGES: Record<string, { pointer: string; message: string }> = {
  HPE_HEADER_OVERFLOW: { pointer: '', message: 'the request headers are larger than the server accepts (16 KiB in all)' },
  HPE_INVALID_HEADER_TOKEN: { pointer: '', message: 'a request header has characters HTTP does not allow' },
  HPE_INVALID_URL: { pointer: '', message: 'the request target is not a valid URL' },
};

/** The request target of a raw request head (`GET /emporix/... HTTP/1.1`), if it has one. */
export function targetOf(rawPacket: Buffer | undefined): string | undefined {
  if (rawPacket === undefined) return undefined;
  const line = rawPacket.subarray(0, Math.min(rawPacket.length, 8192)).toString('latin1').split('\r\n', 1)[0] ?? '';
  return /^[A-Z]+ (\S+) HTTP\/1\.[01]$/.exec(line)?.[1];
}

/**
 * Renders the answer to a request refused before the app saw it, by Node's HTTP parser (oversized headers, invalid
 * characters; `code` is the parser's) or by Hono's adapter (an invalid Host, a backslash in the path; `reason` says
 * which): a 400 in the vendor's shape when the target names a vendor's prefix, so a client meets the same error model
 * as for every other refusal, else a plain JSON message.
 */
export function createClientErrorRenderer(engines: readonly VendorEngine[]): ClientErrorRenderer {
  return ({ code, reason, target }) => {
    const { pointer, message } = MESSAGES[code] ?? { pointer: '', message: `the request cannot be ${reason === undefined ? `parsed as HTTP (${code})` : `read: ${reason}`}` };
    const engine = target === undefined ? undefined : engines.find((e) => target === e.plugin.prefix || target.startsWith(`${e.plugin.prefix}/`) || target.startsWith(`${e.plugin.prefix}?`));
    if (engine === undefined) return { status: 400, headers: { 'content-type': 'application/json; charset=utf-8' }, body: JSON.stringify({ message }) };
    const violation: Violation = { code: 'request.unreadable', location: 'header', pointer, message, specPointer: '', operationId: '' };
    return engine.renderProblem(400, [violation], undefined);
  };
}
