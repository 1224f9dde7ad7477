import type { VendorPlugin } from '../core/vendor-plugin.js';
import { emporixPlugin } from './emporix/index.js';
import { intershopPlugin } from './intershop/index.js';
import { jtlPlugin } from './jtl/index.js';
import { shopCtrlPlugin } from './shopctrl/index.js';

export { createGenericPlugin } from './generic/index.js';

/** The bundled vendors by id, in the order the README lists them: a new vendor is one line here (docs/adding-a-vendor.md). */
export const bundledVendors = {
  jtl: jtlPlugin,
  intershop: intershopPlugin,
  emporix: emporixPlugin,
  shopctrl: shopCtrlPlugin,
} as const satisfies Record<string, VendorPlugin>;

/** The id of a bundled vendor, derived from the registry. */
export type VendorId = keyof typeof bundledVendors;

/** The bundled vendors, in registry order. */
export const vendorPlugins: readonly VendorPlugin[] = Object.values(bundledVendors);
