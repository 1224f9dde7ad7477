// The bench's fixture directory: the bundled fixtures plus IOM orders with plenty of pieces (100 by default), so a long
// run of IOM creates (spread round-robin over the first 100 orders) never runs out of returnable quantity. The orders
// the requests name are written last, so a plugin that scanned the fixture list would pay for every order before them.
import { cpSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from './servers.mjs';

export const IOM_SHOP = 'Test Shop US DE';
export const IOM_ORDERS = 100;
export const iomOrderNumber = (index) => `BENCH-${index % IOM_ORDERS}`;

/** Copies `fixtures/` into `dir` and adds `count` bench orders; returns `dir`. */
export function writeBenchFixtures(dir, count = IOM_ORDERS) {
  cpSync(path.join(ROOT, 'fixtures'), dir, { recursive: true });
  const orders = Array.from({ length: count }, (_, j) => count - 1 - j).map((i) => ({
    shopName: IOM_SHOP,
    shopOrderNumber: iomOrderNumber(i),
    supplierOrderNumber: `BENCH-S-${i}`,
    supplierName: 'Test Supplier US DE',
    positions: [{ positionNumber: 1, productNumber: '20180303500', quantity: 1_000_000 }],
  }));
  writeFileSync(path.join(dir, 'intershop', 'bench-orders.json'), JSON.stringify({ orders }));
  return dir;
}
