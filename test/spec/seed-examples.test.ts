import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { loadSpec } from '../../src/spec/load-spec.js';
import { buildOperations } from '../../src/spec/build-operations.js';
import { createAjv } from '../../src/validate/create-ajv.js';
import { compileOperation, findResponse, type CompiledMediaType } from '../../src/validate/compile-operation.js';
import { toViolations } from '../../src/validate/to-violations.js';
import { decodeXml } from '../../src/media/xml-codec.js';
import { bodyFormatOf, mediaTypeCovers } from '../../src/media/media-type.js';
import { vendorPlugins } from '../../src/vendors/index.js';

interface SeedExample {
  file: string;
  source: string;
  operationId: string;
  kind: 'request' | 'response';
  status?: string;
  mediaType: string;
  exception?: { reason: string; violations: Array<{ pointer: string; keyword: string }> };
}

const examplesDir = (vendor: string) => new URL(`./seed-examples/${vendor}/`, import.meta.url).pathname;

async function readManifest(vendor: string): Promise<SeedExample[]> {
  const manifest = parseYaml(await readFile(path.join(examplesDir(vendor), 'manifest.yaml'), 'utf8')) as { examples: SeedExample[] };
  return manifest.examples;
}

const cases = await Promise.all(vendorPlugins.map(async (plugin) => ({ plugin, spec: await loadSpec(plugin.specFile), examples: await readManifest(plugin.id) })));

describe.each(cases.map((c) => [c.plugin.id, c] as const))('seed samples of %s', (_id, { plugin, spec, examples }) => {
  const ajv = createAjv(spec);
  const operations = new Map(buildOperations(spec.doc).map((operation) => [operation.operationId, compileOperation(ajv, operation)]));

  it('lists samples', () => {
    expect(examples.length).toBeGreaterThan(0);
  });

  it.each(examples.map((example) => [example.file, example] as const))('%s', async (_file, example) => {
    const compiled = operations.get(example.operationId);
    expect(compiled, `operation ${example.operationId} exists in ${plugin.id}`).toBeDefined();
    const candidates: CompiledMediaType[] = example.kind === 'request' ? compiled!.bodies : (findResponse(compiled!, Number(example.status))?.content ?? []);
    const media = candidates.find((candidate) => mediaTypeCovers(candidate.media.mediaType, example.mediaType));
    expect(media, `${example.mediaType} is documented for ${example.operationId} ${example.kind} ${example.status ?? ''}`).toBeDefined();
    const text = await readFile(path.join(examplesDir(plugin.id), example.file), 'utf8');
    const value = bodyFormatOf(example.mediaType) === 'xml' ? decodeXml(spec.index, text, media!.media.schema, media!.media.schemaPointer) : JSON.parse(text);
    const valid = media!.validate!(value);
    const found = toViolations(media!.validate!.errors, {
      spec: spec.index,
      operationId: example.operationId,
      pointerPrefix: '',
      schemaPointer: media!.media.schemaPointer!,
      ...(example.kind === 'request' ? ({ side: 'request', location: 'body' } as const) : ({ side: 'response', location: 'response' } as const)),
    }).map((violation) => ({ pointer: violation.pointer, keyword: violation.code.split('.').pop()! }));
    const expected = example.exception?.violations ?? [];
    const order = (list: Array<{ pointer: string; keyword: string }>) => [...list].sort((a, b) => `${a.pointer} ${a.keyword}`.localeCompare(`${b.pointer} ${b.keyword}`));
    expect(order(found)).toEqual(order(expected));
    expect(valid).toBe(expected.length === 0);
  });
});

describe('specs/README.md', () => {
  it('lists every sample exception with its reason', async () => {
    const readme = await readFile(new URL('../../specs/README.md', import.meta.url), 'utf8');
    for (const { plugin, examples } of cases) {
      for (const example of examples.filter((e) => e.exception !== undefined)) {
        expect(readme, `${plugin.id}/${example.file}`).toContain(`test/spec/seed-examples/${plugin.id}/${example.file}`);
      }
    }
  });
});
