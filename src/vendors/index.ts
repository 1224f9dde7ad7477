import type { VendorPlugin } from '../core/vendor-plugin.js';
import { emporixPlugin } from './emporix/index.js';
import { intershopPlugin } from './intershop/index.js';
import { jtlPlugin } from './jtl/index.js';
import { shopCtrlPlugin } from './shopctrl/index.js';

export { createGenericPlugin } from './generic/index.js';

/** The bundled vendors, in the order the README lists them. */
export const vendorPlugins: readonly VendorPlugin[] = [jtlPlugin, intershopPlugin, emporixPlugin, shopCtrlPlugin];

export type VendorId = 'jtl' | 'intershop' | 'emporix' | 'shopctrl';
