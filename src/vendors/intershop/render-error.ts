import type { OperationResult } from '../../core/http.js';
import type { Problem } from '../../core/vendor-plugin.js';
import type { Violation } from '../../core/violation.js';

/** IOM error codes by status; the seed names only `VALIDATION_EXCEPTION`, the rest are the mock's (see specs/intershop.yaml). */
const CODES: Record<number, string> = {
  400: 'VALIDATION_EXCEPTION',
  401: 'AUTHENTICATION_FAILED',
  403: 'PERMISSION_DENIED',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  406: 'NOT_ACCEPTABLE',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  500: 'INTERNAL_ERROR',
  502: 'BAD_GATEWAY',
  504: 'GATEWAY_TIMEOUT',
};

const toError = (status: number) => (violation: Violation) => {
  const error: { code: string; message: string; value?: unknown } = { code: CODES[status] ?? 'ERROR', message: violation.message };
  if (violation.value !== undefined) error.value = violation.value;
  return error;
};

/**
 * The challenge of every 401 (RFC 9110 requires one): clients that authenticate only when challenged (Java's
 * HttpClient with an Authenticator, .NET with NetworkCredential) fail on a 401 without it.
 */
export const AUTHENTICATE_CHALLENGE = 'Basic realm="IOM", Bearer realm="IOM"';

/** IOM's `ErrorReport`: the status and one error per violation, each naming its field. */
export function renderIntershopError({ status, violations }: Problem): OperationResult {
  const body = { status, errors: violations.map(toError(status)) };
  return { status, mediaType: 'application/json', body, ...(status === 401 ? { headers: { 'WWW-Authenticate': AUTHENTICATE_CHALLENGE } } : {}) };
}
