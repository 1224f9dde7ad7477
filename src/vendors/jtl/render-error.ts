import type { OperationResult } from '../../core/http.js';
import type { Problem } from '../../core/vendor-plugin.js';
import { dotNetFieldPath } from '../shared/field-path.js';
import { reasonPhrase } from '../shared/reason-phrase.js';

const TITLES: Record<number, string> = {
  400: 'One or more validation errors occurred.',
};

/** JTL's error shape: RFC 9457 problem details as ASP.NET Core writes them, `errors` keyed by field (`Items[0].Quantity`). */
export function renderJtlError({ status, violations }: Problem): OperationResult {
  const errors: Record<string, string[]> = {};
  for (const violation of violations) {
    const field = dotNetFieldPath(violation) || '$';
    (errors[field] ??= []).push(violation.message);
  }
  return {
    status,
    mediaType: 'application/problem+json',
    body: {
      type: `https://httpstatuses.io/${status}`,
      title: TITLES[status] ?? reasonPhrase(status),
      status,
      detail: violations[0]?.message ?? reasonPhrase(status),
      errors,
    },
  };
}
