import type { VendorPlugin } from '../core/vendor-plugin.js';
import type { SpecIndex } from '../spec/spec-index.js';

/**
 * Fails start-up on a handler keyed by an `operationId` the spec lacks: a typo would otherwise silently turn a
 * stateful operation into a faked answer.
 */
export function checkHandlerKeys(plugin: VendorPlugin, spec: SpecIndex): void {
  const unknown = Object.keys(plugin.handlers ?? {}).filter((key) => spec.operation(key) === undefined);
  if (unknown.length === 0) return;
  const known = spec.operations.map((operation) => operation.operationId).join(', ');
  throw new Error(
    `vendor '${plugin.id}' has a handler for ${unknown.map((key) => `'${key}'`).join(', ')}, which is no operationId of ${plugin.specFile}; its operationIds: ${known}`,
  );
}
