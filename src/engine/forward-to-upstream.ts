import { CORE_RULES } from '../core/core-rules.js';
import type { ProxiedAnswer } from '../core/exchange.js';
import type { HttpRequest, HttpResponse } from '../core/http.js';
import { forcesAnswer, type Scenario } from '../core/scenario.js';
import type { Violation } from '../core/violation.js';
import { bodyFormatOf, mediaTypeCovers, parseMediaTypeEssence } from '../media/media-type.js';
import { decodeXml } from '../media/xml-codec.js';
import { forwardRequest, type ProxyOptions, type UpstreamAnswer } from '../proxy/forward-request.js';
import { findResponse, type CompiledOperation } from '../validate/compile-operation.js';
import { validateResponse } from '../validate/validate-response.js';
import type { SpecIndex } from '../spec/spec-index.js';
import { refuses } from '../core/rules.js';

export type { ProxiedAnswer } from '../core/exchange.js';

export interface ForwardInput {
  spec: SpecIndex;
  compiled: CompiledOperation;
  request: HttpRequest;
  /** The request's violations so far: a request with any is forwarded only with `forwardInvalid`. */
  violations: readonly Violation[];
  scenario: Scenario;
  /** Renders the mock's own 502/504 in the vendor's shape (validated against the spec like any answer of the mock). */
  renderProblem(status: number, violations: Violation[]): { response: HttpResponse; responseViolations: Violation[] };
}

export interface ForwardOutcome {
  response: HttpResponse;
  /** Where the mock's own 502/504 broke its spec (a bug of the mock, never the upstream's). */
  responseViolations: Violation[];
  /** Where the upstream's answer departs from the vendor's spec: every one `party: 'vendor'`. */
  vendorFindings: Violation[];
  proxied: ProxiedAnswer;
}

const utf8 = new TextDecoder('utf-8');

/** The answer's body read as its media type says, or why it cannot be read. */
function decodeAnswer(spec: SpecIndex, compiled: CompiledOperation, answer: UpstreamAnswer, mediaType: string | undefined): { body: unknown } | { unreadable: string } {
  if (answer.body.length === 0) return { body: undefined };
  const text = utf8.decode(answer.body);
  const format = mediaType === undefined ? 'binary' : bodyFormatOf(mediaType);
  try {
    if (format === 'json') return { body: JSON.parse(text) as unknown };
    if (format === 'xml') {
      const media = findResponse(compiled, answer.status)?.content.find((content) => mediaTypeCovers(content.media.mediaType, mediaType!))?.media;
      return { body: decodeXml(spec, text, media?.schema ?? {}, media?.schemaPointer) };
    }
  } catch (error) {
    return { unreadable: `the upstream's ${mediaType} body cannot be read: ${(error as Error).message}` };
  }
  return { body: format === 'text' ? text : answer.body };
}

/** Judges the upstream's answer against the operation's documented responses: every departure is the vendor's. */
function judgeAnswer(spec: SpecIndex, compiled: CompiledOperation, answer: UpstreamAnswer): { findings: Violation[]; body: unknown } {
  const mediaType = parseMediaTypeEssence(answer.headers['content-type']);
  const decoded = decodeAnswer(spec, compiled, answer, mediaType);
  const asVendor = (violation: Violation): Violation => ({ ...violation, party: 'vendor' });
  if ('unreadable' in decoded) {
    const pointer = findResponse(compiled, answer.status)?.response.specPointer ?? `${compiled.operation.specPointer}/responses`;
    return {
      findings: [
        asVendor({
          code: CORE_RULES.responseBodyUnreadable.code,
          location: 'response',
          pointer: '',
          message: decoded.unreadable,
          specPointer: pointer,
          operationId: compiled.operation.operationId,
        }),
      ],
      body: undefined,
    };
  }
  const result = { status: answer.status, headers: answer.headers, body: decoded.body };
  return { findings: validateResponse(spec, compiled, result, mediaType).map(asVendor), body: decoded.body };
}

/**
 * The proxy stage: sends a request the mock would answer to the vendor's upstream instead and returns the upstream's
 * answer unchanged, judged against the same spec. `undefined` when the mock answers itself: no proxy, a request that
 * breaks the contract (unless `forwardInvalid`; a body over `--max-body` never), or an answer `Prefer` forces.
 */
export async function forwardToUpstream(proxy: ProxyOptions | undefined, input: ForwardInput): Promise<ForwardOutcome | undefined> {
  if (proxy === undefined || forcesAnswer(input.scenario) || input.request.bodyTooLarge !== undefined) return undefined;
  if (input.violations.some(refuses) && !proxy.forwardInvalid) return undefined;
  const answer = await forwardRequest(proxy, input.request);
  if (answer.kind === 'failure') {
    const finding: Violation = {
      code: answer.status === 504 ? CORE_RULES.upstreamTimeout.code : CORE_RULES.upstreamUnreachable.code,
      location: 'response',
      pointer: '',
      message: answer.message,
      specPointer: `${input.compiled.operation.specPointer}/responses/${answer.status}`,
      operationId: input.compiled.operation.operationId,
      party: 'vendor',
    };
    const rendered = input.renderProblem(answer.status, [finding]);
    return { ...rendered, vendorFindings: [finding], proxied: { upstream: answer.url, status: answer.status, headers: {}, body: undefined, failed: true } };
  }
  const judged = judgeAnswer(input.spec, input.compiled, answer);
  const response: HttpResponse = { status: answer.status, headers: answer.headers, body: answer.body.length === 0 ? undefined : utf8.decode(answer.body) };
  return {
    response,
    responseViolations: [],
    vendorFindings: judged.findings,
    proxied: { upstream: answer.url, status: answer.status, headers: answer.headers, body: judged.body, failed: false },
  };
}
