import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const manifest = JSON.parse(readFileSync(`${ROOT}/package.json`, 'utf8')) as {
  bin: Record<string, string>;
  main: string;
  types: string;
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};

describe('the published package', () => {
  // What `npm pack` would put in the tarball (scripts skipped: `prepare` would rebuild; dist/ is built before the tests).
  const files = (
    JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: ROOT, encoding: 'utf8' })) as Array<{ files: Array<{ path: string }> }>
  )[0]!.files.map((file) => file.path);

  it('holds the built code, the specs, the fixtures, the dashboard and the config schema', () => {
    for (const needed of [
      manifest.bin['returns-mock']!,
      manifest.main,
      manifest.types,
      'dist/options/option-table.js',
      'specs/emporix.yaml',
      'specs/jtl.yaml',
      'specs/intershop.yaml',
      'specs/shopctrl.yaml',
      'src/http/dashboard/index.html',
      'returns-mock.config.schema.json',
      'README.md',
    ]) {
      expect(files, needed).toContain(needed.replace(/^\.\//, ''));
    }
    expect(files.some((file) => file.startsWith('fixtures/emporix/'))).toBe(true);
  });

  it('holds no tests, sources, build state or tools', () => {
    const stray = files.filter(
      (file) =>
        /^(test|examples|bench|scripts|\.ci)\//.test(file) ||
        (file.startsWith('src/') && !file.startsWith('src/http/dashboard/')) ||
        /\.tsbuildinfo$|\.build-stamp$|\.test\.(js|ts)$/.test(file),
    );
    expect(stray).toEqual([]);
  });

  it("installs neither Prism nor autocannon: they are the benchmark's own (bench/package.json)", () => {
    const installed = { ...manifest.dependencies, ...manifest.devDependencies };
    expect(installed).not.toHaveProperty('@stoplight/prism-cli');
    expect(installed).not.toHaveProperty('autocannon');
    const bench = JSON.parse(readFileSync(`${ROOT}/bench/package.json`, 'utf8')) as { dependencies: Record<string, string> };
    expect(Object.keys(bench.dependencies)).toEqual(expect.arrayContaining(['@stoplight/prism-cli', 'autocannon']));
  });
});
