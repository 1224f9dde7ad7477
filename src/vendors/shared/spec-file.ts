import { fileURLToPath } from 'node:url';

/** Absolute path of a bundled vendor spec; works from `src/` (tests) and from `dist/` (the CLI) alike. */
export function bundledSpecFile(name: string): string {
  return fileURLToPath(new URL(`../../../specs/${name}`, import.meta.url));
}
