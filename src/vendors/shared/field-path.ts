import type { Violation } from '../../core/violation.js';
import { parsePointer } from '../../spec/json-pointer.js';

/**
 * Names a violated field the way .NET model binding does: `/Items/0/Quantity` → `Items[0].Quantity`;
 * parameters and headers by their name.
 */
export function dotNetFieldPath(violation: Violation): string {
  const tokens = parsePointer(violation.pointer);
  if (violation.location !== 'body') return tokens[0] ?? '';
  return tokens.reduce((path, token) => (/^\d+$/.test(token) ? `${path}[${token}]` : path === '' ? token : `${path}.${token}`), '');
}
