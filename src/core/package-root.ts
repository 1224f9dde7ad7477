import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const isOurManifest = (file: string) => existsSync(file) && (JSON.parse(readFileSync(file, 'utf8')) as { name?: unknown }).name === 'returns-mock';

/**
 * The package's own folder (where its package.json, specs and fixtures are), found upwards from this module, so the
 * same code finds them from `src/` (tests), `dist/` (the library) and the CLI's single-file bundle (`dist/bundle/`).
 */
function findPackageRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (isOurManifest(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`returns-mock: no package.json of returns-mock above ${from}`);
  }
}

export const PACKAGE_ROOT = findPackageRoot(path.dirname(fileURLToPath(import.meta.url)));

/** A path inside the package. */
export const packagePath = (...segments: string[]): string => path.join(PACKAGE_ROOT, ...segments);
