import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { createDictionary } from './dictionary.js';

/** Reference data per vendor and collection: read-only, not state (`fixtures/<vendor>/*.yaml|json`). */
export type Fixtures = Record<string, Record<string, Array<Record<string, unknown>>>>;

export class FixtureError extends Error {
  constructor(file: string, reason: string) {
    super(`fixture ${file}: ${reason}`);
    this.name = 'FixtureError';
  }
}

/**
 * Adds one fixture document to `into`: a map from collection name to a list of records
 * (`orders: [{ shopOrderNumber: ..., positions: [...] }]`). Lists of the same collection are concatenated.
 */
export function mergeFixtureDocument(into: Fixtures, vendor: string, document: unknown, source: string): void {
  if (typeof document !== 'object' || document === null || Array.isArray(document)) {
    throw new FixtureError(source, 'must be a map from collection name to a list of records');
  }
  if (!Object.hasOwn(into, vendor)) into[vendor] = createDictionary();
  const collections = into[vendor]!;
  for (const [name, records] of Object.entries(document)) {
    if (!Array.isArray(records) || records.some((r) => typeof r !== 'object' || r === null || Array.isArray(r))) {
      throw new FixtureError(source, `'${name}' must be a list of records (objects)`);
    }
    if (!Object.hasOwn(collections, name)) collections[name] = [];
    collections[name]!.push(...structuredClone(records as Array<Record<string, unknown>>));
  }
}

/** Reads `dir/<vendor>/*.yaml|*.yml|*.json`; a bad file is an error naming it. A missing directory is no fixtures. */
export async function loadFixtures(dir: string): Promise<Fixtures> {
  const fixtures: Fixtures = createDictionary();
  let vendors: string[];
  try {
    vendors = (await readdir(dir, { withFileTypes: true })).filter((e) => e.isDirectory()).map((e) => e.name).sort();
  } catch {
    return fixtures;
  }
  for (const vendor of vendors) {
    const files = (await readdir(path.join(dir, vendor))).filter((f) => /\.(ya?ml|json)$/i.test(f)).sort();
    for (const file of files) {
      const source = path.join(dir, vendor, file);
      let document: unknown;
      try {
        document = parseYaml(await readFile(source, 'utf8'));
      } catch (error) {
        throw new FixtureError(source, `not valid YAML or JSON: ${(error as Error).message}`);
      }
      mergeFixtureDocument(fixtures, vendor, document, source);
    }
  }
  return fixtures;
}
