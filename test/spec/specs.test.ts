import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { Validator } from '@seriousme/openapi-schema-validator';
import { lintFromString, loadConfig } from '@redocly/openapi-core';
import { parse as parseYaml } from 'yaml';
import { loadSpec } from '../../src/spec/load-spec.js';
import { buildOperations } from '../../src/spec/build-operations.js';
import { createAjv } from '../../src/validate/create-ajv.js';
import { compileOperation } from '../../src/validate/compile-operation.js';
import { vendorPlugins } from '../../src/vendors/index.js';

/** Operations each seed documents (JTL 1, IOM 12, Emporix 6, ShopCtrl 1). */
const DOCUMENTED_OPERATIONS: Record<string, number> = { jtl: 1, intershop: 12, emporix: 6, shopctrl: 1 };

describe.each(vendorPlugins.map((plugin) => [plugin.id, plugin.specFile] as const))('spec %s', (id, specFile) => {
  it('is a valid OpenAPI document', async () => {
    const result = await new Validator().validate(parseYaml(await readFile(specFile, 'utf8')) as Parameters<Validator['validate']>[0]);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it('lints clean under redocly.yaml', async () => {
    const config = await loadConfig({ configPath: new URL('../../redocly.yaml', import.meta.url).pathname });
    const problems = await lintFromString({ source: await readFile(specFile, 'utf8'), absoluteRef: specFile, config });
    expect(problems.map((p) => `${p.severity} ${p.ruleId}: ${p.message} at ${p.location[0]?.pointer ?? ''}`)).toEqual([]);
  });

  it('has exactly the operations its seed documents, each with a unique operationId', async () => {
    const spec = await loadSpec(specFile);
    const operations = buildOperations(spec.doc);
    expect(operations).toHaveLength(DOCUMENTED_OPERATIONS[id]!);
    const ids = operations.map((operation) => operation.operationId);
    expect(new Set(ids).size).toBe(ids.length);
    for (const operationId of ids) expect(operationId).toMatch(/^[a-z][A-Za-z0-9]+$/);
  });

  it('has media-type examples that validate against their schemas', async () => {
    const spec = await loadSpec(specFile);
    const ajv = createAjv(spec);
    let checked = 0;
    for (const operation of buildOperations(spec.doc)) {
      const compiled = compileOperation(ajv, operation);
      const media = [...compiled.bodies, ...compiled.responses.flatMap((response) => response.content)];
      for (const { media: mediaType, validate } of media) {
        for (const [name, example] of Object.entries(mediaType.examples ?? {})) {
          if (validate === undefined) continue;
          const valid = validate(example.value);
          expect({ operation: operation.operationId, mediaType: mediaType.mediaType, example: name, errors: validate.errors ?? null }).toEqual({
            operation: operation.operationId,
            mediaType: mediaType.mediaType,
            example: name,
            errors: null,
          });
          expect(valid).toBe(true);
          checked += 1;
        }
      }
    }
    expect(checked).toBeGreaterThan(0);
  });

  it('has a success example named seed on every request body and success response', async () => {
    const spec = await loadSpec(specFile);
    for (const operation of buildOperations(spec.doc)) {
      const success = operation.responses.filter((r) => /^2/.test(r.status));
      for (const media of [...(operation.requestBody?.content ?? []), ...success.flatMap((r) => r.content)]) {
        expect(Object.keys(media.examples ?? {}), `${operation.operationId} ${media.mediaType}`).toContain('seed');
      }
    }
  });
});
