import type { HandlerContext } from '../../core/vendor-plugin.js';

/** An item of an order as the fixtures declare it: what may be returned, how many, and at what price. */
export interface EmporixOrderItem {
  id: string;
  name?: string;
  quantity: number;
  unitPrice: number;
}

/** An order of a tenant as the fixtures declare it (`orders`, each naming its `tenant`). */
export interface EmporixOrder {
  id: string;
  tenant: string;
  currency?: string;
  items: EmporixOrderItem[];
}

/** The currency of returns whose orders the fixtures lack, when the tenant's fixture names none. */
export const DEFAULT_CURRENCY = 'USD';

/** The fixtures' record of a tenant (`tenants`), if any. */
export const tenantRecord = (context: HandlerContext, tenant: string) => context.fixtures('tenants').find((record) => record.tenant === tenant);

/** An order of this tenant from the fixtures, or `undefined` when they lack it (orders of other tenants are not found). */
export function fixtureOrder(context: HandlerContext, tenant: string, orderId: string): EmporixOrder | undefined {
  const found = context.fixtures('orders').find((record) => record.tenant === tenant && record.id === orderId);
  return found === undefined ? undefined : { ...(found as unknown as EmporixOrder), items: Array.isArray(found.items) ? (found.items as EmporixOrderItem[]) : [] };
}

/** The currency a tenant prices orders the fixtures lack in: its fixture's `currency`, else USD. */
export function tenantCurrency(context: HandlerContext, tenant: string): string {
  const currency = tenantRecord(context, tenant)?.currency;
  return typeof currency === 'string' ? currency : DEFAULT_CURRENCY;
}
