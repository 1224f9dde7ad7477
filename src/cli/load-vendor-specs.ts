import { buildVendorCatalogue, type VendorCatalogue } from '../contract/index.js';
import type { Operation } from '../core/operation.js';
import { loadSpec, type SpecDocument } from '../spec/load-spec.js';
import { createGenericPlugin, vendorPlugins } from '../vendors/index.js';

export interface LoadedVendorSpec {
  vendor: string;
  spec: SpecDocument;
  operations: Operation[];
  catalogue: VendorCatalogue;
}

/** The bundled vendors' specs plus further `--spec FILE` / `--spec /PREFIX=FILE` ones (as `serve` mounts them). */
export async function loadVendorSpecs(specArgs: readonly string[]): Promise<LoadedVendorSpec[]> {
  const plugins = [
    ...vendorPlugins,
    ...specArgs.map((entry) => {
      const match = /^(\/[^=]+)=(.+)$/.exec(entry);
      return match === null ? createGenericPlugin(entry) : createGenericPlugin(match[2]!, match[1]);
    }),
  ];
  return Promise.all(
    plugins.map(async (plugin) => {
      const spec = await loadSpec(plugin.specFile);
      const operations = [...spec.index.operations];
      return { vendor: plugin.id, spec, operations, catalogue: buildVendorCatalogue(plugin, spec.index) };
    }),
  );
}
