import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { PactExport } from '../contract/pact/index.js';

/** Writes each pact as `<dir>/<consumer>-<provider>.json` (replacing an older one); resolves to the paths written. */
export function writePactFiles(dir: string, exported: PactExport): string[] {
  mkdirSync(dir, { recursive: true });
  return exported.pacts.map(({ fileName, pact }) => {
    const file = path.join(dir, fileName);
    writeFileSync(file, `${JSON.stringify(pact, null, 2)}\n`);
    return file;
  });
}
