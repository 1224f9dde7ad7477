import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createSeededFaker, fakeFromSchema } from '../../src/fake/index.js';
import { loadSpec } from '../../src/spec/load-spec.js';
import { createAjv, SPEC_SCHEMA_ID } from '../../src/validate/create-ajv.js';
import { matcherFor } from '../helpers/spec-tools.js';

const SPECS_DIR = fileURLToPath(new URL('../../specs/', import.meta.url));
// Globbed at test time: specs are added while the project grows, and every one that exists is covered.
const specFiles = readdirSync(SPECS_DIR)
  .filter((name) => name.endsWith('.yaml'))
  .sort();
const COMPONENT_SEEDS = Array.from({ length: 30 }, (_, i) => i + 1);
const MEDIA_SEEDS = Array.from({ length: 10 }, (_, i) => 100 + i);

describe('faked values validate against the bundled specs', () => {
  it('finds the specs folder', () => {
    expect(Array.isArray(specFiles)).toBe(true);
  });

  describe.each(specFiles)('%s', (fileName) => {
    it('every component schema, 30 seeds', async () => {
      const spec = await loadSpec(`${SPECS_DIR}${fileName}`);
      const ajv = createAjv(spec);
      const names = Object.keys(spec.doc.components?.schemas ?? {});
      const failures: unknown[] = [];
      for (const name of names) {
        const pointer = `#/components/schemas/${name}`;
        const validate = ajv.compile({ $ref: `${SPEC_SCHEMA_ID}${pointer}` });
        for (const seed of COMPONENT_SEEDS) {
          const value = fakeFromSchema(spec.index, { $ref: pointer }, { matches: matcherFor(spec), faker: createSeededFaker(seed), pointer });
          if (!validate(value)) failures.push({ name, seed, value, errors: validate.errors });
        }
      }
      expect(failures).toEqual([]);
    });

    it('every request and response body schema, 10 seeds', async () => {
      const spec = await loadSpec(`${SPECS_DIR}${fileName}`);
      const ajv = createAjv(spec);
      const media = spec.index.operations.flatMap((operation) => [...(operation.requestBody?.content ?? []), ...operation.responses.flatMap((response) => response.content)]);
      const failures: unknown[] = [];
      for (const { schema, schemaPointer } of media) {
        if (schema === undefined || schemaPointer === undefined) continue;
        const validate = ajv.compile({ $ref: `${SPEC_SCHEMA_ID}${schemaPointer}` });
        for (const seed of MEDIA_SEEDS) {
          const value = fakeFromSchema(spec.index, schema, { matches: matcherFor(spec), faker: createSeededFaker(seed), pointer: schemaPointer });
          if (!validate(value)) failures.push({ schemaPointer, seed, value, errors: validate.errors });
        }
      }
      expect(failures).toEqual([]);
    });
  });
});
