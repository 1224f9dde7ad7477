import { describe, expect, it } from 'vitest';
import { checkHandlerKeys } from '../../src/engine/check-handler-keys.js';
import { loadSpec } from '../../src/spec/load-spec.js';
import { vendorPlugins } from '../../src/vendors/index.js';
import { buildEngineContext } from '../helpers/engine-context.js';

describe('handler keys are operationIds of the spec', () => {
  it.each(vendorPlugins.map((plugin) => [plugin.id, plugin] as const))('%s: every handler key names an operation', async (_id, plugin) => {
    const { index } = await loadSpec(plugin.specFile);
    expect(() => checkHandlerKeys(plugin, index)).not.toThrow();
  });

  it('a typo fails start-up with an error naming the key and the spec', async () => {
    const emporix = vendorPlugins.find((plugin) => plugin.id === 'emporix')!;
    const typo = { ...emporix, handlers: { ...emporix.handlers, getReturnn: emporix.handlers!.getReturn! } };
    await expect(buildEngineContext('emporix', { plugin: typo })).rejects.toThrow(/handler for 'getReturnn', which is no operationId of .*emporix\.yaml/);
  });
});
