import type { OperationResult } from '../../core/http.js';
import type { Problem } from '../../core/vendor-plugin.js';
import { dotNetFieldPath } from '../shared/field-path.js';
import { reasonPhrase } from '../shared/reason-phrase.js';
import { RULES } from './rules.js';

/** Emporix's errors: the Apigee gateway's `fault` for 401, `{code, status, message, details}` otherwise. */
export function renderEmporixError({ status, violations }: Problem): OperationResult {
  if (status === 401) {
    return {
      status,
      mediaType: 'application/json',
      body: { fault: { faultstring: violations[0]?.message ?? 'Invalid access token', detail: { errorcode: 'oauth.v2.InvalidAccessToken' } } },
    };
  }
  // Emporix's `returnErrorMessage`: a 404 for a return names it in `returnId`.
  const missingReturn = violations.find((violation) => violation.code === RULES.returnNotFound.code);
  return {
    status,
    mediaType: 'application/json',
    body: {
      ...(missingReturn === undefined ? {} : { returnId: String(missingReturn.value) }),
      code: status,
      status: reasonPhrase(status),
      message: violations[0]?.message ?? reasonPhrase(status),
      details: violations.map((violation) => ({ field: dotNetFieldPath(violation), type: violation.code, message: violation.message })),
    },
  };
}
