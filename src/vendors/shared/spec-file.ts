import { packagePath } from '../../core/package-root.js';

/** Absolute path of a bundled vendor spec. */
export function bundledSpecFile(name: string): string {
  return packagePath('specs', name);
}
