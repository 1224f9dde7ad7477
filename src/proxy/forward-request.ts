import type { HttpRequest } from '../core/http.js';

/** Where one vendor's requests go in proxy mode, and how long its answer may take. */
export interface UpstreamTarget {
  /** Base URL the vendor path is appended to, e.g. `https://sandbox.example.com/api`. */
  url: string;
  timeoutMs: number;
}

/** Proxy mode of one vendor (`--proxy VENDOR=URL`). */
export interface ProxyOptions extends UpstreamTarget {
  /** Forward a request that breaks the contract too (`--proxy-forward-invalid`); by default it is refused locally. */
  forwardInvalid: boolean;
}

/** What the upstream answered, as received: its status, headers (lower-case) and body bytes. */
export interface UpstreamAnswer {
  kind: 'answer';
  url: string;
  status: number;
  headers: Record<string, string>;
  body: Uint8Array;
}

/** Why there is no answer: 502 for a connection, DNS or TLS failure, 504 when `timeoutMs` passed. */
export interface UpstreamFailure {
  kind: 'failure';
  url: string;
  status: 502 | 504;
  /** One sentence naming the upstream and the cause, for the client's error body. */
  message: string;
}

/**
 * Hop-by-hop headers (RFC 9110 §7.6.1) belong to one connection and are not forwarded; `host` and `content-length`
 * are the client's connection's and are set again for the upstream's; `accept-encoding` is left to Node's client,
 * which decodes what it asks for (so `content-encoding` of the answer is dropped too).
 */
const NOT_FORWARDED = new Set([
  'connection',
  'keep-alive',
  'proxy-connection',
  'proxy-authenticate',
  'proxy-authorization',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
  'host',
  'content-length',
  'accept-encoding',
]);
const NOT_RETURNED = new Set([...NOT_FORWARDED, 'content-encoding']);

/** Headers minus the hop-by-hop ones, including those the `Connection` header names. */
function endToEnd(headers: Iterable<[string, string]>, dropped: ReadonlySet<string>): Record<string, string> {
  const all = [...headers];
  const named = new Set(all.filter(([name]) => name === 'connection').flatMap(([, value]) => value.split(',').map((token) => token.trim().toLowerCase())));
  return Object.fromEntries(all.filter(([name]) => !dropped.has(name) && !named.has(name)));
}

/** The upstream URL of a request: the target's base URL, the path below the vendor prefix, the query as sent. */
export function upstreamUrlOf(target: UpstreamTarget, request: HttpRequest): string {
  return `${target.url.replace(/\/+$/, '')}${request.path}${request.query === '' ? '' : `?${request.query}`}`;
}

/** Node's error codes under `fetch failed`, read as one short cause. */
function causeOf(error: unknown): string {
  const cause = (error as { cause?: { code?: unknown; message?: unknown } }).cause;
  const code = typeof cause?.code === 'string' ? cause.code : undefined;
  const detail = typeof cause?.message === 'string' ? cause.message : (error as Error).message;
  if (code === 'ECONNREFUSED') return `connection refused (${detail})`;
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return `DNS lookup failed (${detail})`;
  if (code !== undefined && (/CERT|TLS|SSL/.test(code) || code === 'DEPTH_ZERO_SELF_SIGNED_CERT' || code === 'UNABLE_TO_VERIFY_LEAF_SIGNATURE')) return `TLS failure (${detail})`;
  return code === undefined ? detail : `${code} (${detail})`;
}

const isTimeout = (error: unknown) => error instanceof DOMException && (error.name === 'TimeoutError' || error.name === 'AbortError');

/**
 * Sends the request to the upstream with Node's own `fetch` (its TLS, its DNS), redirects not followed, and waits at
 * most `timeoutMs` for the whole answer. Never throws: a failure is a {@link UpstreamFailure}.
 */
export async function forwardRequest(target: UpstreamTarget, request: HttpRequest): Promise<UpstreamAnswer | UpstreamFailure> {
  const url = upstreamUrlOf(target, request);
  const withoutBody = request.method === 'GET' || request.method === 'HEAD';
  try {
    const response = await fetch(url, {
      method: request.method,
      headers: endToEnd(Object.entries(request.headers), NOT_FORWARDED),
      body: withoutBody || request.body === undefined ? undefined : Buffer.from(request.body),
      redirect: 'manual',
      signal: AbortSignal.timeout(target.timeoutMs),
    });
    const body = new Uint8Array(await response.arrayBuffer());
    return { kind: 'answer', url, status: response.status, headers: endToEnd(response.headers.entries(), NOT_RETURNED), body };
  } catch (error) {
    if (isTimeout(error)) return { kind: 'failure', url, status: 504, message: `the upstream ${url} did not answer within ${target.timeoutMs} ms` };
    return { kind: 'failure', url, status: 502, message: `the upstream ${url} could not be reached: ${causeOf(error)}` };
  }
}
