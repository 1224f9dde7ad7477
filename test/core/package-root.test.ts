import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { PACKAGE_ROOT, packagePath } from '../../src/core/package-root.js';

describe('PACKAGE_ROOT', () => {
  it('is the folder of returns-mock’s package.json, with the specs and fixtures beside it', () => {
    expect(PACKAGE_ROOT).toBe(fileURLToPath(new URL('../..', import.meta.url)).replace(/\/$/, ''));
    expect((JSON.parse(readFileSync(packagePath('package.json'), 'utf8')) as { name: string }).name).toBe('returns-mock');
    expect(existsSync(packagePath('specs', 'emporix.yaml'))).toBe(true);
    expect(existsSync(packagePath('fixtures', 'emporix'))).toBe(true);
  });
});
