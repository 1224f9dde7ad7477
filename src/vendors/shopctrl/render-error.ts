import type { OperationResult } from '../../core/http.js';
import type { Problem } from '../../core/vendor-plugin.js';
import { dotNetFieldPath } from '../shared/field-path.js';
import { reasonPhrase } from '../shared/reason-phrase.js';

/** Prefix of ModelState keys: ASP.NET Web API names them after the action's body parameter. */
const MODEL_PREFIX = 'orderReturn';

/** ShopCtrl's error shape: ASP.NET Web API's `HttpError` with `ModelState` keyed by field. */
export function renderShopCtrlError({ status, violations }: Problem): OperationResult {
  if (status !== 400) return { status, body: { Message: violations[0]?.message ?? reasonPhrase(status) } };
  const modelState: Record<string, string[]> = {};
  for (const violation of violations) {
    const field = dotNetFieldPath(violation);
    const key = violation.location === 'body' ? (field === '' ? MODEL_PREFIX : `${MODEL_PREFIX}.${field}`) : field;
    (modelState[key] ??= []).push(violation.message);
  }
  return { status, body: { Message: 'The request is invalid.', ModelState: modelState } };
}
