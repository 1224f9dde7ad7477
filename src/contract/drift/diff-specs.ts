import type { SpecIndex } from '../../spec/spec-index.js';
import type { Operation } from '../../core/operation.js';
import { diffSchemas, type SchemaDiffContext } from './diff-schemas.js';
import type { SpecChange } from './spec-change.js';

/** The two versions of a vendor's spec, as documents and operation lists. */
export interface SpecVersions {
  oldDoc: SpecIndex;
  oldOperations: readonly Operation[];
  newDoc: SpecIndex;
  newOperations: readonly Operation[];
}

/** `GET /return/{}/returns`: path parameter names do not change what a client sends. */
const routeKey = (operation: Operation): string => `${operation.method} ${operation.pathTemplate.replace(/\{[^}]+\}/g, '{}')}`;

function diffParameters(context: Omit<SchemaDiffContext, 'operation' | 'side'>, before: Operation, after: Operation): void {
  const base = { operationId: before.operationId, method: before.method, path: before.pathTemplate };
  // A path parameter is known by its place in the path: renaming `{id}` to `{itemId}` changes nothing a client sends.
  const keyIn = (operation: Operation) => (p: Operation['parameters'][number]) =>
    p.in === 'path'
      ? `path:#${[...operation.pathTemplate.matchAll(/\{([^}]+)\}/g)].findIndex((m) => m[1] === p.name)}`
      : `${p.in}:${p.in === 'header' ? p.name.toLowerCase() : p.name}`;
  const oldParams = new Map(before.parameters.map((p) => [keyIn(before)(p), p]));
  const newParams = new Map(after.parameters.map((p) => [keyIn(after)(p), p]));
  for (const [id, parameter] of newParams) {
    const previous = oldParams.get(id);
    const change = { ...base, location: parameter.in, pointer: `/${parameter.name}` };
    if (previous === undefined) {
      context.changes.push({
        ...change,
        kind: parameter.required ? 'request.parameter.required-added' : 'request.parameter.added',
        class: parameter.required ? 'breaking' : 'non-breaking',
        message: `${parameter.required ? 'required' : 'optional'} ${parameter.in} parameter '${parameter.name}' added`,
      });
      continue;
    }
    if (parameter.required && !previous.required)
      context.changes.push({ ...change, kind: 'request.parameter.became-required', class: 'breaking', message: `${parameter.in} parameter '${parameter.name}' is now required` });
    if (!parameter.required && previous.required)
      context.changes.push({
        ...change,
        kind: 'request.parameter.became-optional',
        class: 'non-breaking',
        message: `${parameter.in} parameter '${parameter.name}' is now optional`,
      });
    diffSchemas({ ...context, side: 'request', operation: { ...base, location: parameter.in } }, previous.schema, parameter.schema, `/${parameter.name}`);
  }
  for (const [id, parameter] of oldParams) {
    if (!newParams.has(id))
      context.changes.push({
        ...base,
        location: parameter.in,
        pointer: `/${parameter.name}`,
        kind: 'request.parameter.removed',
        class: 'non-breaking',
        message: `${parameter.in} parameter '${parameter.name}' removed (a client still sending it is ignored or refused, depending on the vendor)`,
      });
  }
}

function diffBodies(context: Omit<SchemaDiffContext, 'operation' | 'side'>, before: Operation, after: Operation): void {
  const base = { operationId: before.operationId, method: before.method, path: before.pathTemplate, location: 'body', pointer: '' };
  if (after.requestBody?.required === true && before.requestBody?.required !== true)
    context.changes.push({ ...base, kind: 'request.body.became-required', class: 'breaking', message: 'the request body is now required' });
  for (const media of before.requestBody?.content ?? []) {
    const now = after.requestBody?.content.find((candidate) => candidate.mediaType === media.mediaType);
    if (now === undefined)
      context.changes.push({ ...base, kind: 'request.media-type.removed', class: 'breaking', message: `request body type ${media.mediaType} no longer accepted` });
    else diffSchemas({ ...context, side: 'request', operation: { ...base } }, media.schema, now.schema);
  }
  for (const media of after.requestBody?.content ?? []) {
    if (!(before.requestBody?.content ?? []).some((candidate) => candidate.mediaType === media.mediaType))
      context.changes.push({ ...base, kind: 'request.media-type.added', class: 'non-breaking', message: `request body type ${media.mediaType} added` });
  }
}

function diffResponses(context: Omit<SchemaDiffContext, 'operation' | 'side'>, before: Operation, after: Operation): void {
  const base = { operationId: before.operationId, method: before.method, path: before.pathTemplate, pointer: '' };
  for (const response of before.responses) {
    const location = `response ${response.status}`;
    const now = after.responses.find((candidate) => candidate.status === response.status);
    if (now === undefined) {
      context.changes.push({ ...base, location, kind: 'response.status.removed', class: 'breaking', message: `status ${response.status} is no longer documented` });
      continue;
    }
    for (const media of response.content) {
      const nowMedia = now.content.find((candidate) => candidate.mediaType === media.mediaType);
      if (nowMedia === undefined)
        context.changes.push({
          ...base,
          location,
          kind: 'response.media-type.removed',
          class: 'breaking',
          message: `status ${response.status} no longer answers ${media.mediaType}`,
        });
      else diffSchemas({ ...context, side: 'response', operation: { ...base, location } }, media.schema, nowMedia.schema);
    }
  }
  for (const response of after.responses) {
    if (!before.responses.some((candidate) => candidate.status === response.status))
      context.changes.push({ ...base, location: `response ${response.status}`, kind: 'response.status.added', class: 'non-breaking', message: `status ${response.status} added` });
  }
}

/**
 * The structural diff of two versions of a spec: operations removed, moved or renamed, parameters, bodies and answers,
 * each change classed breaking, non-breaking or unclassified for a client written against the old version.
 */
export function diffSpecs(versions: SpecVersions): SpecChange[] {
  const changes: SpecChange[] = [];
  const context = { oldDoc: versions.oldDoc, newDoc: versions.newDoc, changes };
  const newByRoute = new Map(versions.newOperations.map((operation) => [routeKey(operation), operation]));
  const oldRoutes = new Set(versions.oldOperations.map(routeKey));
  for (const before of versions.oldOperations) {
    const base = { operationId: before.operationId, method: before.method, path: before.pathTemplate, location: 'operation', pointer: '' };
    const after = newByRoute.get(routeKey(before));
    if (after === undefined) {
      const moved = versions.newOperations.find((candidate) => candidate.operationId === before.operationId);
      changes.push(
        moved === undefined
          ? { ...base, kind: 'operation.removed', class: 'breaking', message: `${before.method} ${before.pathTemplate} was removed` }
          : {
              ...base,
              kind: 'operation.moved',
              class: 'breaking',
              message: `${before.operationId} moved from ${before.method} ${before.pathTemplate} to ${moved.method} ${moved.pathTemplate}`,
            },
      );
      continue;
    }
    if (after.operationId !== before.operationId)
      changes.push({
        ...base,
        kind: 'operation.renamed',
        class: 'non-breaking',
        message: `operationId ${before.operationId} renamed to ${after.operationId} (same method and path)`,
      });
    if (JSON.stringify(after.security) !== JSON.stringify(before.security))
      changes.push({
        ...base,
        location: 'security',
        kind: 'request.security.changed',
        class: 'unclassified',
        message: `security requirements changed from ${JSON.stringify(before.security)} to ${JSON.stringify(after.security)}`,
      });
    diffParameters(context, before, after);
    diffBodies(context, before, after);
    diffResponses(context, before, after);
  }
  for (const after of versions.newOperations) {
    if (!oldRoutes.has(routeKey(after)))
      changes.push({
        operationId: after.operationId,
        method: after.method,
        path: after.pathTemplate,
        location: 'operation',
        pointer: '',
        kind: 'operation.added',
        class: 'non-breaking',
        message: `${after.method} ${after.pathTemplate} added`,
      });
  }
  return changes;
}
