import { CORE_RULES } from '../core/core-rules.js';
import type { Violation } from '../core/violation.js';
import type { VendorEngine } from '../engine/create-vendor-engine.js';
import type { HttpResponse } from '../core/http.js';

/**
 * Answers a request refused before the app saw it: by Node's parser (`code` like `HPE_HEADER_OVERFLOW`), by the
 * server (`ERR_HTTP_REQUEST_TIMEOUT`, `expect.unsupported`, `method.connect`) or by Hono's adapter (`reason`).
 */
export type ClientErrorRenderer = (refusal: { code: string; reason?: string; target: string | undefined }) => HttpResponse;

/** The answers to requests refused before the app saw them, by Node's parser code or the server's own reason. */
const REFUSALS: Record<string, { status: number; pointer: string; message: string }> = {
  HPE_HEADER_OVERFLOW: { status: 400, pointer: '', message: 'the request line and headers are larger than the server accepts (16 KiB in all)' },
  HPE_INVALID_HEADER_TOKEN: { status: 400, pointer: '', message: 'a request header has characters HTTP does not allow' },
  HPE_INVALID_URL: { status: 400, pointer: '', message: 'the request target is not a valid URL' },
  HPE_INVALID_METHOD: { status: 400, pointer: '', message: 'the request method is not one HTTP defines (methods are case-sensitive: GET, not get)' },
  // 505 would be HTTP's answer; the mock answers a client's mistake with a 4xx, never a 5xx. A bare LF ending the request line lands here too.
  HPE_INVALID_VERSION: { status: 400, pointer: '', message: 'the request line must end in HTTP/1.1 or HTTP/1.0 and CRLF' },
  HPE_CR_EXPECTED: { status: 400, pointer: '', message: 'every line of the request head must end in CRLF, not a bare LF' },
  HPE_LF_EXPECTED: { status: 400, pointer: '', message: 'every line of the request head must end in CRLF' },
  ERR_HTTP_REQUEST_TIMEOUT: { status: 408, pointer: '', message: 'the request did not arrive in time (--headers-timeout, --request-timeout)' },
  'expect.unsupported': { status: 417, pointer: '/Expect', message: "the Expect header can only be '100-continue'" },
  'host.missing': { status: 400, pointer: '/Host', message: 'an HTTP/1.1 request must carry a Host header' },
  'method.connect': { status: 405, pointer: '', message: 'CONNECT is not allowed: this server is no proxy' },
};

/** The request target in a raw request head (`GET /emporix/... HTTP/1.1`), read leniently: a refused head may end early or in a bare LF. */
export function targetOf(rawPacket: Buffer | undefined): string | undefined {
  if (rawPacket === undefined) return undefined;
  const line = rawPacket.subarray(0, Math.min(rawPacket.length, 8192)).toString('latin1').split(/\r?\n/, 1)[0] ?? '';
  return /^\S+[ \t]+(\S+)/.exec(line)?.[1];
}

/** The path and query of a request target; the absolute form (`http://host/emporix/...`) names them too. */
function originFormOf(target: string): string | undefined {
  if (target.startsWith('/')) return target;
  try {
    const url = new URL(target);
    return /^https?:$/.test(url.protocol) ? `${url.pathname}${url.search}` : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Renders the answer to a request refused before the app saw it: by Node's HTTP parser (oversized or malformed
 * heads; `code` is the parser's), by the server (a timeout, an unsupported `Expect`, `CONNECT`) or by Hono's adapter
 * (an invalid Host, a backslash in the path; `reason` says which). In the vendor's shape when the target names a
 * vendor's prefix, so a client meets the same error model as for every other refusal, else a plain JSON message.
 */
export function createClientErrorRenderer(engines: readonly VendorEngine[]): ClientErrorRenderer {
  return ({ code, reason, target }) => {
    const { status, pointer, message } = REFUSALS[code] ?? {
      status: 400,
      pointer: '',
      message: `the request cannot be ${reason === undefined ? `parsed as HTTP (${code})` : `read: ${reason}`}`,
    };
    const path = target === undefined ? undefined : originFormOf(target);
    const engine =
      path === undefined ? undefined : engines.find((e) => path === e.plugin.prefix || path.startsWith(`${e.plugin.prefix}/`) || path.startsWith(`${e.plugin.prefix}?`));
    if (engine === undefined) return { status, headers: { 'content-type': 'application/json; charset=utf-8' }, body: JSON.stringify({ message }) };
    const violation: Violation = { code: CORE_RULES.requestUnreadable.code, location: 'header', pointer, message, specPointer: '', operationId: '' };
    return engine.renderProblem(status, [violation], undefined);
  };
}
