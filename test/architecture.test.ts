import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = new URL('../src/', import.meta.url).pathname;

/** Which of our folders each folder may import (docs: the architecture table in README.md). */
const MAY_IMPORT: Record<string, string[]> = {
  core: [],
  spec: ['core'],
  media: ['core', 'spec'],
  validate: ['core', 'spec', 'media'],
  fake: ['core', 'spec'],
  store: ['core'],
  contract: ['core', 'spec', 'validate'],
  vendors: ['core', 'store', 'fake', 'spec'],
  proxy: ['core'],
  record: ['core', 'contract', 'store'],
  engine: ['core', 'spec', 'validate', 'media', 'fake', 'store', 'proxy'],
  http: ['core', 'engine', 'store', 'contract'],
  options: ['core', 'validate'],
  cli: ['*'],
  'index.ts': ['*'],
};

/** Each library has one home. */
const LIBRARY_HOME: Record<string, string> = {
  ajv: 'validate',
  'ajv-formats': 'validate',
  '@faker-js/faker': 'fake',
  lowdb: 'store',
  pg: 'store',
  hono: 'http',
  '@hono/node-server': 'http',
};

async function sourceFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(entries.map((entry) => (entry.isDirectory() ? sourceFiles(path.join(dir, entry.name)) : Promise.resolve([path.join(dir, entry.name)]))));
  return nested.flat().filter((file) => file.endsWith('.ts'));
}

describe('architecture', async () => {
  const files = await sourceFiles(SRC);

  it.each(files.map((file) => [path.relative(SRC, file), file]))('%s imports only what its folder may', async (relative, file) => {
    const folder = relative.includes('/') ? relative.split('/')[0]! : relative;
    const allowed = MAY_IMPORT[folder];
    expect(allowed, `folder ${folder} is in the table`).toBeDefined();
    const text = await readFile(file, 'utf8');
    const specifiers = [...text.matchAll(/^(?:import|export)[^'"]*from\s+'([^']+)'/gm)].map((m) => m[1]!);
    for (const specifier of specifiers) {
      if (specifier.startsWith('.')) {
        const target = path.relative(SRC, path.resolve(path.dirname(file), specifier));
        const targetFolder = target.includes('/') ? target.split('/')[0]! : target.replace(/\.js$/, '.ts');
        if (targetFolder === folder || allowed!.includes('*')) continue;
        expect(allowed, `${relative} imports ${specifier}`).toContain(targetFolder);
        if (folder === 'vendors') {
          // A vendor never reaches into another vendor (shared/ and generic/ helpers are not vendors).
          const own = relative.split('/')[1];
          const other = target.split('/')[1];
          if (targetFolder === 'vendors' && own !== other) expect(['shared', 'index.ts']).toContain(other);
        }
      } else {
        const library = specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0]!;
        const home = LIBRARY_HOME[library];
        if (home !== undefined && !(folder === 'cli' || folder === 'index.ts')) expect(folder, `${relative} imports ${library}`).toBe(home);
      }
    }
  });

  it('has no import cycles, type-only imports included', async () => {
    const edges = new Map<string, string[]>();
    for (const file of files) {
      const text = await readFile(file, 'utf8');
      const targets = [...text.matchAll(/^(?:import|export)[^'"]*from\s+'(\.[^']+)'/gm)].map((m) => path.resolve(path.dirname(file), m[1]!).replace(/\.js$/, '.ts'));
      edges.set(file, targets);
    }
    const cycles: string[] = [];
    const state = new Map<string, 'open' | 'done'>();
    const visit = (file: string, trail: string[]): void => {
      if (state.get(file) === 'done') return;
      if (state.get(file) === 'open') {
        cycles.push([...trail.slice(trail.indexOf(file)), file].map((f) => path.relative(SRC, f)).join(' → '));
        return;
      }
      state.set(file, 'open');
      for (const target of edges.get(file) ?? []) visit(target, [...trail, file]);
      state.set(file, 'done');
    };
    for (const file of files) visit(file, []);
    expect(edges.size).toBe(files.length);
    expect(cycles).toEqual([]);
  });
});
