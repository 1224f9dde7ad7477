import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { packagePath } from '../core/package-root.js';

/**
 * Parsed specs kept as JSON, by the hash of their text: parsing YAML is a fifth of start-up (~100 ms for the four
 * vendor specs), reading the same document as JSON ~3 ms. Beside the package, where build tools keep their caches.
 */
const CACHE_DIR = packagePath('node_modules', '.cache', 'returns-mock', 'specs');

/** Bump when what is cached for a text changes (parser options, the parser itself). */
const CACHE_FORMAT = 'yaml-2/maxAliasCount-1000/v1';

const keyOf = (source: string) => createHash('sha256').update(CACHE_FORMAT).update('\u0000').update(source).digest('hex');

/**
 * A YAML text parsed (YAML 1.2 core schema, at most 1,000 aliases), from the cache when it holds this exact text:
 * the parser itself is imported only on a miss (loading it is ~30 ms of start-up). Throws the parser's error.
 */
export async function parseYamlCached(source: string, cacheDir = CACHE_DIR): Promise<unknown> {
  const cached = await readParsedSpec(source, cacheDir);
  if (cached !== undefined) return cached;
  const { parse } = await import('yaml');
  const parsed: unknown = parse(source, { maxAliasCount: 1000 });
  await writeParsedSpec(source, parsed, cacheDir);
  return parsed;
}

/** The document cached for exactly this text, or `undefined` (no cache, or unreadable: then it is parsed again). */
export async function readParsedSpec(source: string, cacheDir = CACHE_DIR): Promise<unknown> {
  try {
    return JSON.parse(await readFile(path.join(cacheDir, `${keyOf(source)}.json`), 'utf8'));
  } catch {
    return undefined;
  }
}

/**
 * Keeps a parsed document for the next start, when JSON holds it exactly (YAML can say `.inf` or `.nan`, which JSON
 * cannot). Best effort: a read-only or missing directory only means the next start parses again.
 */
export async function writeParsedSpec(source: string, parsed: unknown, cacheDir = CACHE_DIR): Promise<void> {
  if (!isJsonExact(parsed)) return;
  const file = path.join(cacheDir, `${keyOf(source)}.json`);
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    await mkdir(cacheDir, { recursive: true });
    await writeFile(temporary, JSON.stringify(parsed));
    await rename(temporary, file); // whole or absent, even with several servers starting at once
  } catch {
    // Not cached: nothing is lost but time.
  }
}

/** Whether `JSON.parse(JSON.stringify(value))` gives `value` back: plain objects, arrays, finite numbers, strings, booleans, null. */
function isJsonExact(value: unknown): boolean {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return true;
  if (typeof value === 'number') return Number.isFinite(value);
  if (Array.isArray(value)) return value.every(isJsonExact);
  if (typeof value !== 'object' || Object.getPrototypeOf(value) !== Object.prototype) return false;
  return Object.values(value).every(isJsonExact);
}
