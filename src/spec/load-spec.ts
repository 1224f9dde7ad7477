import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { OpenApiDocument } from './open-api-document.js';
import { parseYamlCached } from './parsed-spec-cache.js';
import { createSpecIndex, type SpecIndex } from './spec-index.js';

export type { OpenApiDocument } from './open-api-document.js';

/** A loaded OpenAPI document with every external `$ref` bundled in, so all refs are local pointers. */
export interface SpecDocument {
  file: string;
  /** `3.0` or `3.1`: decides the JSON Schema dialect used to validate it. */
  version: '3.0' | '3.1';
  doc: OpenApiDocument;
  /** The document indexed once: operations, pointers, security schemes. */
  index: SpecIndex;
  /** The file's text as read, served back at `/<prefix>/openapi.yaml`. */
  source: string;
}

export class SpecLoadError extends Error {
  constructor(
    readonly file: string,
    reason: string,
  ) {
    super(`${file}: ${reason}`);
    this.name = 'SpecLoadError';
  }
}

/** Reads a YAML or JSON OpenAPI 3.0/3.1 file and bundles its external references. */
export async function loadSpec(file: string): Promise<SpecDocument> {
  const absolute = path.resolve(file);
  let source: string;
  try {
    source = await readFile(absolute, 'utf8');
  } catch (error) {
    throw new SpecLoadError(file, `cannot read: ${(error as Error).message}`);
  }
  let parsed: unknown;
  try {
    parsed = await parseYamlCached(source);
  } catch (error) {
    throw new SpecLoadError(file, `not valid YAML or JSON: ${(error as Error).message}`);
  }
  if (!isOpenApiDocument(parsed)) {
    throw new SpecLoadError(file, 'not an OpenAPI 3.0 or 3.1 document (no `openapi: 3.x` field)');
  }
  const version = parsed.openapi.startsWith('3.1') ? '3.1' : '3.0';
  if (!hasExternalRef(parsed)) return { file: absolute, version, doc: parsed, index: createSpecIndex(parsed), source };
  let doc: OpenApiDocument;
  try {
    // Loaded only for specs that need it: bundling (and importing the bundler) is a tenth of start-up otherwise.
    const { bundle } = await import('@apidevtools/json-schema-ref-parser');
    // Remote refs are never fetched: a mock must start the same way offline.
    doc = (await bundle(absolute, parsed as never, { resolve: { http: false } })) as unknown as OpenApiDocument;
  } catch (error) {
    throw new SpecLoadError(file, `cannot resolve references: ${(error as Error).message}`);
  }
  return { file: absolute, version, doc, index: createSpecIndex(doc), source };
}

/** Whether any `$ref` points outside the document (another file): only then is there anything to bundle. */
function hasExternalRef(node: unknown): boolean {
  if (Array.isArray(node)) return node.some(hasExternalRef);
  if (typeof node !== 'object' || node === null) return false;
  for (const [key, value] of Object.entries(node)) {
    if (key === '$ref' && typeof value === 'string' && !value.startsWith('#')) return true;
    if (hasExternalRef(value)) return true;
  }
  return false;
}

function isOpenApiDocument(value: unknown): value is OpenApiDocument {
  if (typeof value !== 'object' || value === null) return false;
  const openapi = (value as { openapi?: unknown }).openapi;
  return typeof openapi === 'string' && /^3\.[01]\./.test(openapi);
}
