import type { SchemaMatcher } from '../../src/core/schema-matcher.js';
import type { OpenApiDocument, SpecDocument } from '../../src/spec/load-spec.js';
import { createSpecIndex } from '../../src/spec/spec-index.js';
import { createAjv } from '../../src/validate/create-ajv.js';
import { createSchemaMatcher } from '../../src/validate/create-schema-matcher.js';

/** A spec held in memory (no file), indexed as `loadSpec` indexes one: for table tests of the faker and codecs. */
export function inMemorySpec(partial: Partial<OpenApiDocument>, version: '3.0' | '3.1' = '3.1'): SpecDocument {
  const doc: OpenApiDocument = { openapi: version === '3.1' ? '3.1.0' : '3.0.3', info: { title: 'in memory', version: '1' }, paths: {}, ...partial };
  return { file: 'memory.yaml', version, doc, index: createSpecIndex(doc), source: '' };
}

const matchers = new WeakMap<SpecDocument, SchemaMatcher>();

/** The schema check the engine hands the faker for this spec (one per spec, as the engine builds it). */
export function matcherFor(spec: SpecDocument): SchemaMatcher {
  let matches = matchers.get(spec);
  if (matches === undefined) matchers.set(spec, (matches = createSchemaMatcher(createAjv(spec), spec.version)));
  return matches;
}
