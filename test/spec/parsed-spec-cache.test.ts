import { mkdtemp, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSpec } from '../../src/spec/load-spec.js';
import { readParsedSpec, writeParsedSpec } from '../../src/spec/parsed-spec-cache.js';

const temp = () => mkdtemp(path.join(tmpdir(), 'returns-mock-spec-cache-'));

describe('parsed spec cache', () => {
  it('gives back the document kept for exactly the same text, and nothing for any other text', async () => {
    const dir = await temp();
    const doc = { openapi: '3.0.3', info: { title: 't', version: '1' }, paths: { '/a': { get: { responses: { '200': { description: 'ok' } } } } }, list: [1, 2.5, null, true] };
    expect(await readParsedSpec('openapi: 3.0.3', dir)).toBeUndefined();
    await writeParsedSpec('openapi: 3.0.3', doc, dir);
    expect(await readParsedSpec('openapi: 3.0.3', dir)).toEqual(doc);
    expect(await readParsedSpec('openapi: 3.0.3 ', dir)).toBeUndefined();
    expect((await readdir(dir)).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('keeps nothing JSON cannot hold exactly, and a corrupt entry only means parsing again', async () => {
    const dir = await temp();
    await writeParsedSpec('a', { x: Number.POSITIVE_INFINITY }, dir);
    await writeParsedSpec('b', { x: Number.NaN }, dir);
    expect(await readdir(dir)).toEqual([]);
    await writeParsedSpec('c', { x: 1 }, dir);
    const [entry] = await readdir(dir);
    await writeFile(path.join(dir, entry!), '{"x": 1');
    expect(await readParsedSpec('c', dir)).toBeUndefined();
  });

  it('does not fail a start when the cache cannot be written', async () => {
    const dir = await temp();
    const file = path.join(dir, 'a-file');
    await writeFile(file, '');
    await expect(writeParsedSpec('d', { x: 1 }, path.join(file, 'cache'))).resolves.toBeUndefined();
    expect(await readParsedSpec('d', path.join(file, 'cache'))).toBeUndefined();
  });

  it('loads a spec the same from its text and from the cache', async () => {
    const file = path.join(await temp(), 'api.yaml');
    // Unique text, so the first load parses it and the second reads what the first kept.
    await writeFile(
      file,
      `openapi: 3.1.0\ninfo: {title: cache ${Date.now()} ${Math.random()}, version: '1'}\npaths:\n  /a:\n    get:\n      responses:\n        '200': {description: ok}\n`,
    );
    const cache = path.join(import.meta.dirname, '../../node_modules/.cache/returns-mock/specs');
    const entries = async () => (await readdir(cache).catch(() => [] as string[])).length;
    const before = await entries();
    const first = await loadSpec(file);
    expect(await entries()).toBe(before + 1);
    const second = await loadSpec(file);
    expect(await entries()).toBe(before + 1);
    expect({ ...second, index: undefined }).toEqual({ ...first, index: undefined });
    expect(second.index.operations).toEqual(first.index.operations);
    expect(second.doc.paths?.['/a']).toEqual({ get: { responses: { '200': { description: 'ok' } } } });
  });
});
