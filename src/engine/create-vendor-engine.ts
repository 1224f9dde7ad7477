import type { Exchange } from '../core/exchange.js';
import type { HttpRequest, HttpResponse } from '../core/http.js';
import type { VendorPlugin } from '../core/vendor-plugin.js';
import type { Violation } from '../core/violation.js';
import type { SpecDocument } from '../spec/load-spec.js';
import type { CompiledOperation } from '../validate/compile-operation.js';
import { checkResponse } from './check-response.js';
import { createEngineContext, type EngineContextOptions } from './create-engine-context.js';
import { decideAnswer } from './decide-answer.js';
import { encodeResponse } from './encode-response.js';
import type { UnmatchedDraft } from './exchange-draft.js';
import { matchRequest } from './match-request.js';
import { renderProblem } from './render-problem.js';
import { validateExchange } from './validate-exchange.js';
import { forwardToUpstream } from './forward-to-upstream.js';
import { gradeFindings } from '../core/rule-registry.js';
import type { ProxyOptions } from '../proxy/forward-request.js';

export type { Exchange } from '../core/exchange.js';
export type { ContractMode } from './engine-context.js';

export interface VendorEngineOptions extends EngineContextOptions {
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

/**
 * Builds the request pipeline for one vendor. Each request passes the stages in order, a draft handed from one to the
 * next: match operation → validate request → forward to the upstream (proxy mode; its answer ends the pipeline) → decide the answer (forced, lenient, refusal or the vendor's behaviour)
 * → check the answer against the spec → encode it.
 */
export function createVendorEngine(options: VendorEngineOptions): VendorEngine {
  const { context, reseed } = createEngineContext(options);
  const { plugin } = context;

  const answerUnmatched = (draft: UnmatchedDraft, started: number): Exchange => {
    const violations = gradeFindings(context.rules, plugin.id, [draft.violation]);
    const { response } = renderProblem(context, draft.status, violations, draft.accept);
    if (draft.allow !== undefined) response.headers.allow = draft.allow.join(', ');
    return {
      vendor: plugin.id,
      operationId: undefined,
      request: draft.request,
      validated: undefined,
      violations,
      responseViolations: [],
      response,
      durationMs: performance.now() - started,
    };
  };

  return {
    plugin,
    spec: options.spec,
    operations: context.operations,
    renderProblem: (status, violations, accept) => renderProblem(context, status, violations, accept).response,
    reseed,
    async handle(request) {
      const started = performance.now();
      const matched = matchRequest(context, { request, accept: request.headers.accept });
      if (!('compiled' in matched)) return answerUnmatched(matched, started);
      const validated = validateExchange(context, matched);
      // Proxy stage: a request the upstream answers skips the mock's own answer.
      const forwarded = await forwardToUpstream(options.proxy, {
        spec: context.spec,
        compiled: validated.compiled,
        request,
        violations: validated.violations,
        scenario: validated.scenario,
        renderProblem: (status, found) => renderProblem(context, status, found, validated.accept, validated.compiled),
      });
      if (forwarded !== undefined) {
        if (forwarded.responseViolations.length > 0) {
          console.error(
            `[returns-mock] ${plugin.id} ${validated.compiled.operation.operationId}: response breaks the spec: ${forwarded.responseViolations.map((v) => v.message).join('; ')}`,
          );
        }
        return {
          vendor: plugin.id,
          operationId: validated.compiled.operation.operationId,
          request,
          validated: validated.validated,
          violations: [...validated.violations, ...gradeFindings(context.rules, plugin.id, forwarded.vendorFindings)],
          responseViolations: forwarded.responseViolations,
          response: forwarded.response,
          durationMs: performance.now() - started,
          ...(Object.keys(validated.scenario).length > 0 ? { scenario: validated.scenario } : {}),
          proxied: forwarded.proxied,
        };
      }
      const decided = await decideAnswer(context, validated);
      const checked = checkResponse(context, decided);
      const response = encodeResponse(context, { ...decided, ...checked });
      if (checked.responseViolations.length > 0) {
        // The mock broke its own contract: make it loud, it is our bug.
        console.error(
          `[returns-mock] ${plugin.id} ${decided.compiled.operation.operationId}: response breaks the spec: ${checked.responseViolations.map((v) => v.message).join('; ')}`,
        );
      }
      return {
        vendor: plugin.id,
        operationId: decided.compiled.operation.operationId,
        request,
        validated: decided.validated,
        violations: decided.violations,
        responseViolations: checked.responseViolations,
        response,
        durationMs: performance.now() - started,
        ...(Object.keys(decided.scenario).length > 0 ? { scenario: decided.scenario } : {}),
        ...(decided.lenient ? { lenient: true as const } : {}),
      };
    },
  };
}
