import { findDeclaredCredential } from '../core/declared-credential.js';
import type { Credential } from '../core/request.js';
import type { Violation } from '../core/violation.js';
import type { HandlerContext, VendorPlugin, VendorStore } from '../core/vendor-plugin.js';
import type { Faker } from '../fake/index.js';
import type { Fixtures } from '../store/index.js';
import type { SchemaCheck } from '../validate/create-schema-check.js';
import type { CompiledOperation } from '../validate/compile-operation.js';
import { deriveSeed } from './derive-seed.js';
import { respondFromSpec } from './respond-from-spec.js';
import type { SpecIndex } from '../spec/spec-index.js';
import type { SchemaMatcher } from '../core/schema-matcher.js';

/** What stays the same for every request of one vendor. */
export interface VendorServices {
  spec: SpecIndex;
  plugin: VendorPlugin;
  faker: Faker;
  matches: SchemaMatcher;
  uuidFor(key: string): string;
  store: VendorStore;
  checkSchema: SchemaCheck;
  fixtures: Fixtures;
  strictFixtures: boolean;
  seed: number;
  now(): Date;
}

/** The context a vendor handler gets for one request of one operation. */
export function createHandlerContext(
  services: VendorServices,
  compiled: CompiledOperation,
  accept: string | undefined,
  credentials: readonly Credential[],
  noted: Violation[] = [],
): HandlerContext {
  const { plugin, fixtures } = services;
  const operationId = compiled.operation.operationId;
  const own = Object.hasOwn(fixtures, plugin.id) ? fixtures[plugin.id]! : {};
  const fixturesOf = (collection: string) => (Object.hasOwn(own, collection) ? own[collection]! : []);
  return {
    respondFromSpec: (status) => respondFromSpec(services, compiled, { status, accept }),
    refuse: (status, found) => {
      const violations = found.map((violation) => ({ ...violation, operationId }));
      return { ...plugin.renderError({ status, violations, operationId }), violations };
    },
    note: (finding) => {
      noted.push({ ...finding, operationId });
    },
    store: services.store,
    now: () => services.now(),
    uuidFor: (key) => services.uuidFor(key),
    validate: (schemaPointer, value) => services.checkSchema(schemaPointer, value, operationId),
    fixtures: fixturesOf,
    strictFixtures: services.strictFixtures,
    seedFor: (key) => deriveSeed(services.seed, key),
    declaredCredential: findDeclaredCredential(credentials, fixturesOf('credentials')),
  };
}
