// The bench's fixture directory: the bundled fixtures plus 100 IOM orders with plenty of pieces, so a long run of
// IOM creates (spread round-robin over the orders) never runs out of returnable quantity. Not more: the IOM plugin
// scans every fixture order on each request, and thousands of orders would measure that scan.
import { cpSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from './servers.mjs';

export const IOM_SHOP = 'Test Shop US DE';
export const IOM_ORDERS = 100;
export const iomOrderNumber = (index) => `BENCH-${index % IOM_ORDERS}`;

/** Copies `fixtures/` into `dir` and adds the bench orders; returns `dir`. */
export function writeBenchFixtures(dir) {
  cpSync(path.join(ROOT, 'fixtures'), dir, { recursive: true });
  const orders = Array.from({ length: IOM_ORDERS }, (_, i) => ({
    shopName: IOM_SHOP,
    shopOrderNumber: iomOrderNumber(i),
    supplierOrderNumber: `BENCH-S-${i}`,
    supplierName: 'Test Supplier US DE',
    positions: [{ positionNumber: 1, productNumber: '20180303500', quantity: 1_000_000 }],
  }));
  writeFileSync(path.join(dir, 'intershop', 'bench-orders.json'), JSON.stringify({ orders }));
  return dir;
}
