import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { createDictionary } from './create-dictionary.js';
import { FixtureError } from './fixture-error.js';
import type { Fixtures } from './fixture-types.js';
import { mergeFixtureDocument } from './merge-fixture-document.js';

const FIXTURE_FILE = /\.(ya?ml|json)$/i;

/** Parses one file: JSON for `.json` (exact errors), YAML 1.2 core schema otherwise (so only JSON-like values). */
function parseFixtureFile(text: string, file: string): unknown {
  const json = file.toLowerCase().endsWith('.json');
  try {
    return json ? (JSON.parse(text) as unknown) : parseYaml(text);
  } catch (error) {
    throw new FixtureError(file, `not valid ${json ? 'JSON' : 'YAML'}: ${(error as Error).message}`, { cause: error });
  }
}

/** Visible sub-folders or fixture files of `dir`, in name order; symbolic links count as what they point to. */
async function listNames(dir: string, wanted: 'directories' | 'files'): Promise<string[]> {
  const names: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    if (entry.name.startsWith('.') || (wanted === 'files' && !FIXTURE_FILE.test(entry.name))) continue;
    // A dangling link counts as a file, so reading it reports the problem instead of skipping it.
    const target = entry.isSymbolicLink() ? await stat(path.join(dir, entry.name)).catch(() => undefined) : entry;
    if (wanted === 'directories' ? target?.isDirectory() === true : target === undefined || target.isFile()) names.push(entry.name);
  }
  return names.sort();
}

/** Runs a file-system step, turning its failure into a `FixtureError` naming `source`. */
async function attempt<T>(source: string, what: string, step: () => Promise<T>): Promise<T> {
  try {
    return await step();
  } catch (error) {
    throw new FixtureError(source, `${what} (${(error as Error).message})`, { cause: error });
  }
}

/**
 * Reads `dir/<vendor>/*.yaml|*.yml|*.json` (in name order) into prototype-free, frozen reference data.
 * A file holds a map from collection name to records, or a bare list of records named by the file
 * (`warehouses.yaml`). A missing `dir` is no fixtures; any bad file is a `FixtureError` naming it and the problem.
 * @example const fixtures = await loadFixtures('fixtures'); fixtures.intershop?.shops
 */
export async function loadFixtures(dir: string): Promise<Fixtures> {
  const fixtures: Fixtures = createDictionary();
  let vendors: string[];
  try {
    vendors = await listNames(dir, 'directories');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return fixtures;
    throw new FixtureError(dir, `cannot read the fixtures folder (${(error as Error).message})`, { cause: error });
  }
  for (const vendor of vendors) {
    const folder = path.join(dir, vendor);
    for (const name of await attempt(folder, 'cannot read the vendor folder', () => listNames(folder, 'files'))) {
      const file = path.join(folder, name);
      const document = parseFixtureFile(await attempt(file, 'cannot read the file', () => readFile(file, 'utf8')), file);
      if (document === null || document === undefined) throw new FixtureError(file, 'the file is empty');
      const collection = name.replace(FIXTURE_FILE, '');
      mergeFixtureDocument(fixtures, vendor, Array.isArray(document) ? { [collection]: document } : document, file);
    }
  }
  return fixtures;
}
