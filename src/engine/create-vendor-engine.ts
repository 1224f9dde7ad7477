import type { HttpRequest, HttpResponse, OperationResult } from '../core/http.js';
import type { AuthMode } from '../core/declared-credential.js';
import type { ValidatedRequest } from '../core/request.js';
import type { VendorPlugin } from '../core/vendor-plugin.js';
import type { Fixtures, Store } from '../store/index.js';
import { createHandlerContext, type VendorServices } from './create-handler-context.js';
import { createVendorStore } from './vendor-store.js';
import type { Violation } from '../core/violation.js';
import { buildOperations } from '../spec/build-operations.js';
import type { SpecDocument } from '../spec/load-spec.js';
import { createOperationIndex, matchOperation } from '../spec/match-operation.js';
import { compileOperation, findResponse, type CompiledOperation } from '../validate/compile-operation.js';
import { createAjv } from '../validate/create-ajv.js';
import { createSchemaCheck } from '../validate/create-schema-check.js';
import { refusalFor, validateRequest } from '../validate/validate-request.js';
import { validateResponse } from '../validate/validate-response.js';
import { negotiateMediaType } from '../media/media-type.js';
import { createKeyedUuid, createSeededFaker, type Faker } from '../fake/index.js';
import { encodeBody } from './encode-body.js';
import { respondFromSpec } from './respond-from-spec.js';
import { forcesAnswer, type Scenario } from '../core/scenario.js';
import { forcedAnswer } from './forced-answer.js';
import { parsePrefer } from './parse-prefer.js';
import { checkScenarioRules, createScenarioDraw, type ScenarioRule } from './scenario-rules.js';
import { forwardToUpstream, type ProxiedAnswer } from './forward-to-upstream.js';
import type { ProxyOptions } from '../proxy/forward-request.js';

/** One request's passage through the engine: what the journal and reports are made of. */
export interface Exchange {
  vendor: string;
  operationId: string | undefined;
  request: HttpRequest;
  validated: ValidatedRequest | undefined;
  /** Contract violations of the request. */
  violations: Violation[];
  /** Where the mock's own answer broke its spec: a bug of the mock, logged loudly. */
  responseViolations: Violation[];
  response: HttpResponse;
  /** Time the engine took, from routing to the encoded answer (body upload and any injected delay not included). */
  durationMs: number;
  /** What `Prefer` or a scenario rule asked for: a forced answer, a delay or a fault (marked in the journal). */
  scenario?: Scenario;
  /** Set when the request broke the contract and `mode: 'lenient'` served it from the spec anyway. */
  lenient?: true;
  /** Set when proxy mode forwarded the request: what the upstream answered. */
  proxied?: ProxiedAnswer;
}

/** `strict` refuses a request that breaks the contract, as the vendor would; `lenient` serves it from the spec and marks it. */
export type ContractMode = 'strict' | 'lenient';

export interface VendorEngineOptions {
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
  /** Forward valid requests to the vendor's upstream (`--proxy`) instead of answering them. */
  proxy?: ProxyOptions;
}

export interface VendorEngine {
  plugin: VendorPlugin;
  spec: SpecDocument;
  operations: CompiledOperation[];
  handle(request: HttpRequest): Promise<Exchange>;
  /** Answers a problem that arose outside the pipeline (body too large, crash) in the vendor's shape. */
  renderProblem(status: number, violations: Violation[], accept?: string): HttpResponse;
  /** Restarts the seeded draws (faked data, scenario rules), so a reset mock answers as a fresh one with the same seed. */
  reseed(): void;
}

/** Why `--auth strict` refuses a well-formed credential: the fixtures do not declare it. */
const undeclaredCredential = (compiled: CompiledOperation): Omit<Violation, 'operationId'> => ({
  code: 'security.credential.undeclared',
  location: 'security',
  pointer: '/Authorization',
  message: 'the credential is not declared in the fixtures (the server runs with --auth strict)',
  specPointer: `#/paths/${compiled.operation.pathTemplate.replaceAll('~', '~0').replaceAll('/', '~1')}/${compiled.operation.method}/security`,
});

/**
 * Builds the request pipeline for one vendor: match operation → validate request → vendor behaviour
 * (or the spec's answer) → validate response → encode. Validators are compiled here, once.
 */
export function createVendorEngine({ spec, plugin, store, seed = 1, clock, fixtures = {}, strictFixtures = false, authMode = 'open', scenarioRules = [], mode = 'strict', proxy }: VendorEngineOptions): VendorEngine {
  const doc = spec.doc;
  const ajv = createAjv(spec);
  const operations = buildOperations(doc).map((operation) => compileOperation(ajv, operation));
  const byOperation = new Map(operations.map((compiled) => [compiled.operation, compiled]));
  const index = createOperationIndex(operations.map((compiled) => compiled.operation));
  const faker: Faker = createSeededFaker(seed);
  const ownRules = scenarioRules.filter((rule) => rule.vendor === undefined || rule.vendor === plugin.id);
  checkScenarioRules(ownRules, operations, plugin.id);
  let drawScenario = createScenarioDraw(ownRules, seed);
  const services: VendorServices = {
    doc,
    plugin,
    faker,
    uuidFor: createKeyedUuid(seed),
    store: createVendorStore(store, plugin.id),
    checkSchema: createSchemaCheck(ajv, doc),
    fixtures,
    strictFixtures,
    seed,
    now: () => (clock === undefined ? new Date() : new Date(clock)),
  };

  const finish = (compiled: CompiledOperation | undefined, result: OperationResult, accept: string | undefined, negotiated?: string): { response: HttpResponse; responseViolations: Violation[] } => {
    const headers: Record<string, string> = { ...result.headers };
    if (result.body === undefined) return { response: { status: result.status, headers, body: undefined }, responseViolations: compiled === undefined ? [] : validateResponse(doc, compiled, result, undefined) };
    const documented = compiled === undefined ? undefined : findResponse(compiled, result.status);
    const offered = documented?.content.map((c) => c.media.mediaType) ?? [];
    const mediaType = result.mediaType ?? (negotiated !== undefined && offered.includes(negotiated) ? negotiated : undefined) ?? negotiateMediaType(accept, offered) ?? offered[0] ?? 'application/json';
    const responseViolations = compiled === undefined ? [] : validateResponse(doc, compiled, result, mediaType);
    headers['content-type'] = `${mediaType}; charset=utf-8`;
    return { response: { status: result.status, headers, body: encodeBody(doc, compiled, result.status, mediaType, result.body) }, responseViolations };
  };

  /** A valid request's answer: a forced one (`Prefer`, scenario rules), a refusal of undeclared credentials, or the vendor's behaviour. */
  const answerValidRequest = async (compiled: CompiledOperation, validated: ValidatedRequest, accept: string | undefined, scenario: Scenario): Promise<OperationResult> => {
    const context = createHandlerContext(services, compiled, accept, validated.credentials);
    if (authMode === 'strict' && validated.security.length > 0 && context.declaredCredential === undefined) return context.refuse(401, [undeclaredCredential(compiled)]);
    if (forcesAnswer(scenario)) {
      const forced = forcedAnswer(doc, compiled, faker, scenario, accept);
      return 'result' in forced ? forced.result : context.refuse(400, forced.findings);
    }
    const handler = plugin.handlers?.[compiled.operation.operationId];
    return handler === undefined ? context.respondFromSpec() : handler(validated, context);
  };

  const renderProblem = (status: number, violations: Violation[], accept?: string, compiled?: CompiledOperation) =>
    finish(compiled, plugin.renderError({ status, violations, operationId: compiled?.operation.operationId }), accept);

  return {
    plugin,
    spec,
    operations,
    renderProblem: (status, violations, accept) => renderProblem(status, violations, accept).response,
    reseed() {
      faker.seed(seed);
      drawScenario = createScenarioDraw(ownRules, seed);
    },
    async handle(request) {
      const started = performance.now();
      const accept = request.headers.accept;
      const match = matchOperation(index, request.method, request.path);
      if (match.kind !== 'matched') {
        const violation: Violation =
          match.kind === 'not-found'
            ? { code: 'request.path.unknown', location: 'path', pointer: '', message: `no operation of ${plugin.title} has the path ${request.path}`, specPointer: '#/paths', operationId: '' }
            : { code: 'request.method.not-allowed', location: 'path', pointer: '', message: `${request.method} is not allowed on ${request.path}; allowed: ${match.allow.join(', ')}`, specPointer: '#/paths', operationId: '' };
        const status = match.kind === 'not-found' ? 404 : 405;
        const { response } = renderProblem(status, [violation], accept);
        if (match.kind === 'method-not-allowed') response.headers.allow = match.allow.join(', ');
        return { vendor: plugin.id, operationId: undefined, request, validated: undefined, violations: [violation], responseViolations: [], response, durationMs: performance.now() - started };
      }
      const compiled = byOperation.get(match.operation)!;
      const { request: validated, violations } = validateRequest(doc, compiled, request, match.pathParams);
      const prefer = parsePrefer(request.headers.prefer);
      violations.push(...prefer.findings.map((finding) => ({ ...finding, operationId: compiled.operation.operationId })));
      // The request's own preferences win over the config file's rules.
      const scenario: Scenario = { ...drawScenario(plugin.id, compiled.operation.operationId), ...prefer.scenario };
      let outcome: { response: HttpResponse; responseViolations: Violation[] };
      const forwarded = await forwardToUpstream(proxy, { doc, compiled, request, violations, scenario, renderProblem: (status, found) => renderProblem(status, found, accept, compiled) });
      // A body over the size limit is refused in either mode: the limit protects the mock, it is not the vendor's contract.
      const lenient = forwarded === undefined && violations.length > 0 && mode === 'lenient' && !violations.some((v) => v.code === 'request.body.too-large');
      if (forwarded !== undefined) {
        outcome = forwarded;
        violations.push(...forwarded.vendorFindings);
      } else if (lenient) {
        // The spec's success answer, no vendor behaviour: handlers and the store assume valid input. The details go to the journal.
        outcome = finish(compiled, respondFromSpec(doc, compiled, faker, { accept }), accept, validated.responseMediaType);
        outcome.response.headers['x-mock-violations'] = String(violations.length);
      } else if (violations.length > 0) {
        const refusal = refusalFor(violations);
        outcome = renderProblem(refusal.status, refusal.shown, accept, compiled);
      } else {
        const result = await answerValidRequest(compiled, validated, accept, scenario);
        outcome = finish(compiled, result, accept, validated.responseMediaType);
        violations.push(...(result.violations ?? []));
      }
      if (outcome.responseViolations.length > 0) {
        // The mock broke its own contract: make it loud, it is our bug.
        console.error(`[returns-mock] ${plugin.id} ${compiled.operation.operationId}: response breaks the spec: ${outcome.responseViolations.map((v) => v.message).join('; ')}`);
      }
      return {
        vendor: plugin.id,
        operationId: compiled.operation.operationId,
        request,
        validated,
        violations,
        responseViolations: outcome.responseViolations,
        response: outcome.response,
        durationMs: performance.now() - started,
        ...(Object.keys(scenario).length > 0 ? { scenario } : {}),
        ...(lenient ? { lenient: true as const } : {}),
        ...(forwarded === undefined ? {} : { proxied: forwarded.proxied }),
      };
    },
  };
}
