import { CORE_RULES } from '../core/core-rules.js';
import type { HttpRequest } from '../core/http.js';
import { schemaRule } from '../core/schema-rules.js';
import type { Violation } from '../core/violation.js';
import { bodyFormatOf, mediaTypeCovers, negotiateMediaType, parseMediaTypeEssence } from '../media/media-type.js';
import { decodeXml, UnreadableXmlError, type IgnoredXmlElement } from '../media/xml-codec.js';
import { checkSecurity } from './check-security.js';
import { readParameter, type RawParameters } from './read-parameter.js';
import type { CompiledMediaType, CompiledOperation } from './compile-operation.js';
import { toViolations } from './to-violations.js';
import { findUndeclaredQuery, findUnknownProperties } from './find-notices.js';
import type { ValidatedRequest } from '../core/request.js';
import type { SpecIndex } from '../spec/spec-index.js';

export interface RequestValidation {
  request: ValidatedRequest;
  violations: Violation[];
}

/** At most this many violations are kept per request: a 100,000-element array must not yield 100,000 of them. */
export const MAX_VIOLATIONS = 100;

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Validates a request against its operation: security, parameters, content type, `Accept` and body.
 * Returns every finding, never only the first, and never throws for bad input: violations, and the notices of what
 * the vendor silently ignores (undeclared query parameters, unknown body properties, a body the operation takes none of).
 */
export function validateRequest(spec: SpecIndex, compiled: CompiledOperation, request: HttpRequest, rawPathParams: Record<string, string>): RequestValidation {
  const { operation } = compiled;
  const operationId = operation.operationId;
  const violations: Violation[] = [];
  const rawQuery = new URLSearchParams(request.query);

  const security = checkSecurity(spec, operation.security, request.headers, rawQuery, operationId);
  violations.push(...security.violations);

  const typed: Record<'path' | 'query' | 'header', Record<string, unknown>> = { path: {}, query: {}, header: {} };
  const raw: RawParameters = { path: rawPathParams, query: rawQuery, headers: request.headers };
  for (const parameter of compiled.parameters) {
    if (parameter.in === 'cookie') continue;
    const value = readParameter(spec, parameter, raw);
    if (value === undefined) {
      if (parameter.required) {
        violations.push({
          code: schemaRule({ side: 'request', location: parameter.in }, 'required').code,
          location: parameter.in,
          pointer: `/${parameter.name}`,
          message: `${parameter.in} parameter '${parameter.name}' is required`,
          specPointer: `${parameter.specPointer}/required`,
          operationId,
        });
      }
      continue;
    }
    Object.defineProperty(typed[parameter.in], parameter.name, { value, enumerable: true, writable: true, configurable: true });
    if (parameter.validate !== undefined && !parameter.validate(value)) {
      violations.push(
        ...toViolations(parameter.validate.errors, {
          spec,
          operationId,
          location: parameter.in,
          pointerPrefix: `/${parameter.name}`,
          schemaPointer: parameter.schemaPointer,
          side: 'request',
        }),
      );
    }
  }

  violations.push(...findUndeclaredQuery(spec, compiled.parameters, operation.security, rawQuery, operation.specPointer, operationId));

  let responseMediaType: string | undefined;
  if (compiled.successMediaTypes.length > 0) {
    responseMediaType = negotiateMediaType(request.headers.accept, compiled.successMediaTypes);
    if (responseMediaType === undefined) {
      violations.push({
        code: CORE_RULES.acceptUnsatisfiable.code,
        location: 'header',
        pointer: '/accept',
        message: `header 'Accept' (${request.headers.accept}) allows none of the response media types: ${compiled.successMediaTypes.join(', ')}`,
        specPointer: `${operation.specPointer}/responses`,
        operationId,
        value: request.headers.accept,
      });
    }
  }

  const body = decodeRequestBody(spec, compiled, request, violations);

  return {
    request: {
      operationId,
      baseUrl: request.baseUrl,
      path: request.path,
      pathParams: typed.path,
      query: typed.query,
      rawQuery,
      headerParams: typed.header,
      headers: request.headers,
      body: body.value,
      bodyMediaType: body.mediaType,
      responseMediaType,
      credentials: security.credentials,
      securityRequirement: security.requirement,
      security: operation.security,
    },
    violations: violations.slice(0, MAX_VIOLATIONS),
  };
}

function decodeRequestBody(spec: SpecIndex, compiled: CompiledOperation, request: HttpRequest, violations: Violation[]): { value: unknown; mediaType: string | undefined } {
  const { operation } = compiled;
  const operationId = operation.operationId;
  const requestBody = operation.requestBody;
  const hasBody = request.body !== undefined && request.body.length > 0;
  if (requestBody === undefined) {
    if (hasBody) {
      violations.push({
        code: CORE_RULES.bodyUnexpected.code,
        location: 'body',
        pointer: '',
        message: `${operationId} takes no request body: the vendor ignores the ${request.body!.length} bytes sent`,
        specPointer: operation.specPointer,
        operationId,
      });
    }
    return { value: undefined, mediaType: undefined };
  }
  if (request.bodyTooLarge !== undefined) {
    violations.push({
      code: CORE_RULES.bodyTooLarge.code,
      location: 'body',
      pointer: '',
      message: `the body is larger than the server's limit of ${request.bodyTooLarge.limit} bytes`,
      specPointer: requestBody.specPointer,
      operationId,
    });
    return { value: undefined, mediaType: undefined };
  }
  if (!hasBody) {
    if (requestBody.required) {
      violations.push({
        code: CORE_RULES.bodyMissing.code,
        location: 'body',
        pointer: '',
        message: 'a request body is required',
        specPointer: `${requestBody.specPointer}/required`,
        operationId,
      });
    }
    return { value: undefined, mediaType: undefined };
  }
  const essence = parseMediaTypeEssence(request.headers['content-type']);
  const offered = compiled.bodies.map((body) => body.media.mediaType);
  const chosen: CompiledMediaType | undefined = essence === undefined ? undefined : compiled.bodies.find((body) => mediaTypeCovers(body.media.mediaType, essence));
  if (chosen === undefined || essence === undefined) {
    const sent = request.headers['content-type'];
    violations.push({
      code: CORE_RULES.contentTypeUnsupported.code,
      location: 'header',
      pointer: '/content-type',
      message:
        sent === undefined
          ? `header 'Content-Type' is missing; this operation accepts ${offered.join(', ')}`
          : `Content-Type '${sent}' is not accepted; this operation accepts ${offered.join(', ')}`,
      specPointer: `${requestBody.specPointer}/content`,
      operationId,
      ...(sent === undefined ? {} : { value: sent }),
    });
    return { value: undefined, mediaType: undefined };
  }
  const format = bodyFormatOf(essence);
  if (format !== 'json' && format !== 'xml' && format !== 'text') return { value: request.body, mediaType: essence };
  let text: string;
  try {
    text = utf8.decode(request.body);
  } catch {
    violations.push(malformed(operationId, chosen, 'the body is not valid UTF-8'));
    return { value: undefined, mediaType: essence };
  }
  let value: unknown;
  const ignored: IgnoredXmlElement[] = [];
  try {
    value = format === 'json' ? JSON.parse(text) : format === 'xml' ? decodeXml(spec, text, chosen.media.schema ?? {}, chosen.media.schemaPointer, ignored) : text;
  } catch (error) {
    const reason = error instanceof UnreadableXmlError ? error.message : `the body is not valid JSON: ${(error as Error).message}`;
    violations.push(malformed(operationId, chosen, reason));
    return { value: undefined, mediaType: essence };
  }
  for (const { pointer, element, expected } of ignored) {
    violations.push({
      code: CORE_RULES.xmlListItemIgnored.code,
      location: 'body',
      pointer,
      message: `the list reads <${expected}> items; the element <${element}> is ignored`,
      specPointer: chosen.media.schemaPointer ?? '',
      operationId,
      value: element,
    });
  }
  const schemaFindings =
    chosen.validate === undefined || chosen.validate(value)
      ? []
      : toViolations(chosen.validate.errors, { spec, operationId, location: 'body', pointerPrefix: '', schemaPointer: chosen.media.schemaPointer!, side: 'request' });
  // A name `additionalProperties: false` refuses is a violation already, not also a notice.
  const closed = [schemaRule({ side: 'request', location: 'body' }, 'additionalProperties').code, schemaRule({ side: 'request', location: 'body' }, 'unevaluatedProperties').code];
  const refused = new Set(schemaFindings.filter((finding) => closed.includes(finding.code)).map((finding) => finding.pointer));
  violations.push(...schemaFindings, ...findUnknownProperties(spec, value, chosen.media.schema, chosen.media.schemaPointer, operationId, refused));
  return { value, mediaType: essence };
}

function malformed(operationId: string, chosen: CompiledMediaType, message: string): Violation {
  return {
    code: CORE_RULES.bodyMalformed.code,
    location: 'body',
    pointer: '',
    message,
    specPointer: chosen.media.schemaPointer ?? '',
    operationId,
  };
}
