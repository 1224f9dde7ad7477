import type { Operation } from '../core/operation.js';
import { buildOperations } from './build-operations.js';
import { getAtPointer } from './json-pointer.js';
import type { OpenApiDocument } from './open-api-document.js';

/** An OpenAPI security scheme object, as far as the mock reads it. */
export interface SecurityScheme {
  type?: string;
  scheme?: string;
  in?: string;
  name?: string;
  [key: string]: unknown;
}

/**
 * A parsed spec with typed accessors, built once per spec and passed wherever the document is read: the operations
 * (parameters, request bodies, responses resolved into plain data), any value or schema by pointer, security schemes.
 */
export interface SpecIndex {
  /** The bundled document: every `$ref` in it is a local pointer. */
  readonly doc: OpenApiDocument;
  /** Every path item method, in the document's order. */
  readonly operations: readonly Operation[];
  /** The operation with this `operationId`, if the spec has one. */
  operation(operationId: string): Operation | undefined;
  /** The value a pointer (`#/components/schemas/Return` or `/components/...`) names; `undefined` when absent. */
  at(pointer: string): unknown;
  /** The security scheme declared under `components.securitySchemes.<name>`. */
  securityScheme(name: string): SecurityScheme | undefined;
  /** Every declared security scheme by name. */
  securitySchemes(): ReadonlyMap<string, SecurityScheme>;
  /** Names of the schemas under `components.schemas`. */
  schemaNames(): string[];
}

const asRecord = (value: unknown): Record<string, unknown> => (typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {});

/** Indexes a bundled document once: operations are built here, pointers read on demand. */
export function createSpecIndex(doc: OpenApiDocument): SpecIndex {
  const operations = buildOperations(doc);
  const byId = new Map(operations.map((operation) => [operation.operationId, operation]));
  const schemes = new Map(Object.entries(asRecord(doc.components?.securitySchemes)).map(([name, scheme]) => [name, asRecord(scheme) as SecurityScheme]));
  return {
    doc,
    operations,
    operation: (operationId) => byId.get(operationId),
    at: (pointer) => getAtPointer(doc, pointer),
    securityScheme: (name) => schemes.get(name),
    securitySchemes: () => schemes,
    schemaNames: () => Object.keys(asRecord(doc.components?.schemas)),
  };
}
