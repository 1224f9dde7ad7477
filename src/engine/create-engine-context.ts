import type { AuthMode } from '../core/declared-credential.js';
import { ENGINE_RULES } from '../core/core-rules.js';
import { createRuleRegistry } from '../core/rule-registry.js';
import type { VendorPlugin } from '../core/vendor-plugin.js';
import { createKeyedUuid, createSeededFaker } from '../fake/index.js';
import type { SpecDocument } from '../spec/load-spec.js';
import { createOperationIndex } from '../spec/match-operation.js';
import type { Fixtures, Store } from '../store/index.js';
import { compileOperation } from '../validate/compile-operation.js';
import { createAjv } from '../validate/create-ajv.js';
import { createSchemaCheck } from '../validate/create-schema-check.js';
import { createSchemaMatcher } from '../validate/create-schema-matcher.js';
import { checkHandlerKeys } from './check-handler-keys.js';
import type { ContractMode, EngineContext } from './engine-context.js';
import { checkScenarioRules, createScenarioDraw, type ScenarioRule } from './scenario-rules.js';
import { createVendorStore } from './vendor-store.js';

export interface EngineContextOptions {
  spec: SpecDocument;
  plugin: VendorPlugin;
  store: Store;
  seed?: number;
  /** Pins the clock (`--clock`); otherwise the real time. */
  clock?: Date;
  /** Reference data of all vendors; the engine hands the plugin its own. */
  fixtures?: Fixtures;
  strictFixtures?: boolean;
  /** `strict` refuses (401) credentials the fixtures do not declare; default `open`. */
  authMode?: AuthMode;
  /** Failures and delays injected by rule (the config file's `scenarios`), drawn from `seed`. */
  scenarioRules?: ScenarioRule[];
  /** Default `strict`. */
  mode?: ContractMode;
}

/**
 * Builds what every stage reads, once per vendor: validators compiled, the operation index, the seeded faker and
 * the scenario draw. Throws at start on a handler key the spec lacks or a scenario rule naming no operation.
 * `reseed` restarts the seeded draws, so a reset mock answers as a fresh one with the same seed.
 */
export function createEngineContext(options: EngineContextOptions): { context: EngineContext; reseed: () => void } {
  const { spec, plugin, store, seed = 1, clock, fixtures = {}, strictFixtures = false, authMode = 'open', scenarioRules = [], mode = 'strict' } = options;
  checkHandlerKeys(plugin, spec.index);
  const ajv = createAjv(spec);
  const operations = spec.index.operations.map((operation) => compileOperation(ajv, operation));
  const byOperation = new Map(operations.map((compiled) => [compiled.operation, compiled]));
  const faker = createSeededFaker(seed);
  const matches = createSchemaMatcher(ajv, spec.version);
  const ownRules = scenarioRules.filter((rule) => rule.vendor === undefined || rule.vendor === plugin.id);
  checkScenarioRules(ownRules, operations, plugin.id);
  let drawScenario = createScenarioDraw(ownRules, seed);
  const context: EngineContext = {
    rules: createRuleRegistry([...ENGINE_RULES, ...(plugin.rules ?? [])]),
    spec: spec.index,
    plugin,
    operations,
    compiledOf: (operation) => byOperation.get(operation)!,
    operationIndex: createOperationIndex(operations.map((compiled) => compiled.operation)),
    faker,
    matches,
    services: {
      spec: spec.index,
      plugin,
      faker,
      matches,
      uuidFor: createKeyedUuid(seed),
      store: createVendorStore(store, plugin.id),
      checkSchema: createSchemaCheck(ajv, spec.index),
      fixtures,
      strictFixtures,
      seed,
      now: () => (clock === undefined ? new Date() : new Date(clock)),
    },
    authMode,
    mode,
    drawScenario: (vendor, operationId) => drawScenario(vendor, operationId),
  };
  const reseed = () => {
    faker.seed(seed);
    drawScenario = createScenarioDraw(ownRules, seed);
  };
  return { context, reseed };
}
