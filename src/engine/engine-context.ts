import type { AuthMode } from '../core/declared-credential.js';
import type { RuleRegistry } from '../core/rule-registry.js';
import type { Operation } from '../core/operation.js';
import type { Scenario } from '../core/scenario.js';
import type { SchemaMatcher } from '../core/schema-matcher.js';
import type { VendorPlugin } from '../core/vendor-plugin.js';
import type { Faker } from '../fake/index.js';
import type { OperationIndex } from '../spec/match-operation.js';
import type { SpecIndex } from '../spec/spec-index.js';
import type { CompiledOperation } from '../validate/compile-operation.js';
import type { VendorServices } from './create-handler-context.js';

/** `strict` refuses a request that breaks the contract, as the vendor would; `lenient` serves it from the spec and marks it. */
export type ContractMode = 'strict' | 'lenient';

/** What every stage of one vendor's pipeline reads: built once at start, the same for every request. */
export interface EngineContext {
  spec: SpecIndex;
  plugin: VendorPlugin;
  operations: CompiledOperation[];
  compiledOf(operation: Operation): CompiledOperation;
  operationIndex: OperationIndex;
  faker: Faker;
  matches: SchemaMatcher;
  services: VendorServices;
  authMode: AuthMode;
  mode: ContractMode;
  /** Every rule this vendor's findings are graded by: the engine's and the plugin's. */
  rules: RuleRegistry;
  /** The scenario rules' draw for one request (seeded; restarted by `reseed`). */
  drawScenario(vendor: string, operationId: string): Scenario;
}
