import type { Operation } from '../../core/operation.js';
import { buildOperations } from '../../spec/build-operations.js';
import type { SpecDocument } from '../../spec/load-spec.js';
import { createOperationIndex, type OperationIndex } from '../../spec/match-operation.js';
import { compileOperation, type CompiledOperation } from '../../validate/compile-operation.js';
import { createAjv } from '../../validate/create-ajv.js';

/** A spec version ready to route and validate recorded requests, without any store or vendor behaviour. */
export interface CompiledSpecVersion {
  spec: SpecDocument;
  operations: Operation[];
  compiled: Map<Operation, CompiledOperation>;
  index: OperationIndex;
}

/** Compiles every operation of a spec version once. */
export function compileSpecVersion(spec: SpecDocument): CompiledSpecVersion {
  const ajv = createAjv(spec);
  const operations = buildOperations(spec.doc);
  return { spec, operations, compiled: new Map(operations.map((operation) => [operation, compileOperation(ajv, operation)])), index: createOperationIndex(operations) };
}
