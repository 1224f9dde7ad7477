import { readdir, readFile, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Transpiles src/store to plain JS in `dir` (with the project's node_modules linked), so a child `node` can run it. */
export async function buildStoreInto(dir: string): Promise<string> {
  const source = path.join(ROOT, 'src', 'store');
  for (const name of (await readdir(source)).filter((n) => n.endsWith('.ts'))) {
    const { outputText } = ts.transpileModule(await readFile(path.join(source, name), 'utf8'), {
      compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
    });
    await writeFile(path.join(dir, name.replace(/\.ts$/, '.js')), outputText);
  }
  await writeFile(path.join(dir, 'package.json'), '{"type":"module"}');
  await symlink(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  return path.join(dir, 'index.js');
}
