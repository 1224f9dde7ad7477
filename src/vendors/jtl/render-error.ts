import type { OperationResult } from '../../core/http.js';
import type { Problem } from '../../core/vendor-plugin.js';
import { dotNetFieldPath } from '../shared/field-path.js';
import { reasonPhrase } from '../shared/reason-phrase.js';

const TITLES: Record<number, string> = {
  400: 'One or more validation errors occurred.',
};

/** ASP.NET Core points `type` at the status's section of RFC 9110. */
const RFC9110_SECTIONS: Record<number, string> = {
  400: '15.5.1',
  401: '15.5.2',
  403: '15.5.4',
  404: '15.5.5',
  405: '15.5.6',
  406: '15.5.7',
  413: '15.5.14',
  415: '15.5.16',
  500: '15.6.1',
  502: '15.6.3',
  504: '15.6.5',
};

/** The challenge ASP.NET Core's bearer authentication sends with a 401 (RFC 9110 requires one). */
export const BEARER_CHALLENGE = 'Bearer';

/** JTL's error shape: RFC 9457 problem details as ASP.NET Core writes them, `errors` keyed by field (`Items[0].Quantity`). */
export function renderJtlError({ status, violations }: Problem): OperationResult {
  const errors: Record<string, string[]> = {};
  for (const violation of violations) {
    const field = dotNetFieldPath(violation) || '$';
    (errors[field] ??= []).push(violation.message);
  }
  return {
    status,
    ...(status === 401 ? { headers: { 'WWW-Authenticate': BEARER_CHALLENGE } } : {}),
    mediaType: 'application/problem+json',
    body: {
      type: `https://tools.ietf.org/html/rfc9110#section-${RFC9110_SECTIONS[status] ?? '15'}`,
      title: TITLES[status] ?? reasonPhrase(status),
      status,
      detail: violations[0]?.message ?? reasonPhrase(status),
      errors,
    },
  };
}
