import path from 'node:path';
import type { VendorPlugin } from '../../core/vendor-plugin.js';
import { reasonPhrase } from '../shared/reason-phrase.js';

/**
 * The plugin for any other OpenAPI file (`--spec`): validation and answers from the spec only.
 * Errors are RFC 9457 problem details, listing every violation; a third-party spec may not document
 * them, which the README says.
 */
export function createGenericPlugin(specFile: string, prefix?: string): VendorPlugin {
  const id = path.basename(specFile).replace(/\.(ya?ml|json)$/i, '');
  return {
    id,
    title: id,
    prefix: prefix ?? `/${id}`,
    specFile: path.resolve(specFile),
    renderError: ({ status, violations }) => ({
      status,
      mediaType: 'application/problem+json',
      body: {
        type: 'about:blank',
        title: reasonPhrase(status),
        status,
        detail: violations[0]?.message ?? reasonPhrase(status),
        violations: violations.map(({ code, location, pointer, message, specPointer }) => ({ code, location, pointer, message, specPointer })),
      },
    }),
  };
}
