import { mkdir, readdir, readFile, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Transpiles src/store (and its sub-folders) to plain JS in `dir` (with the project's node_modules linked), so a child `node` can run it. */
export async function buildStoreInto(dir: string): Promise<string> {
  const source = path.join(ROOT, 'src', 'store');
  for (const entry of await readdir(source, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.ts')) continue;
    const from = path.join(entry.parentPath, entry.name);
    const { outputText } = ts.transpileModule(await readFile(from, 'utf8'), {
      compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
    });
    const to = path.join(dir, path.relative(source, from)).replace(/\.ts$/, '.js');
    await mkdir(path.dirname(to), { recursive: true });
    await writeFile(to, outputText);
  }
  await writeFile(path.join(dir, 'package.json'), '{"type":"module"}');
  await symlink(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  return path.join(dir, 'index.js');
}
