import type { OperationResult } from '../core/http.js';
import type { CompiledOperation } from '../validate/compile-operation.js';
import { findResponse } from '../validate/compile-operation.js';
import { fakeFromSchema, selectExample, selectSchemaExample, type Faker } from '../fake/index.js';
import { negotiateMediaType } from '../media/media-type.js';
import type { SchemaMatcher } from '../core/schema-matcher.js';
import type { SpecIndex } from '../spec/spec-index.js';

/** What answering from the spec needs: the indexed spec, the seeded faker and the schema check it retries against. */
export interface SpecAnswerSource {
  spec: SpecIndex;
  faker: Faker;
  matches: SchemaMatcher;
}

export interface SpecAnswerOptions {
  status?: number;
  accept?: string;
  /** A named example to answer with (`Prefer: example=name`). */
  exampleName?: string;
  /** Fake from the schema even where an example exists (`Prefer: dynamic=true`). */
  dynamic?: boolean;
}

/** The answer the spec alone gives: the documented status, its example or a body faked from its schema. */
export function respondFromSpec({ spec, faker, matches }: SpecAnswerSource, compiled: CompiledOperation, options: SpecAnswerOptions = {}): OperationResult {
  const status = options.status ?? firstSuccessStatus(compiled);
  const documented = findResponse(compiled, status);
  if (documented === undefined) return { status };
  // Documented headers (Location, X-Total-Count) are part of the answer a client reads.
  const headers: Record<string, string> = {};
  for (const header of Object.values(documented.response.headers)) {
    if (header.schema === undefined) continue;
    // Like a body, a header answers with its documented example unless `dynamic=true` asks for a faked one.
    const example = options.dynamic ? { found: false as const } : selectSchemaExample(spec, header.schema, header.schemaPointer);
    headers[header.name] = String(
      example.found ? example.value : fakeFromSchema(spec, header.schema, { faker, matches, pointer: header.schemaPointer, propertyName: header.name }),
    );
  }
  if (documented.content.length === 0) return { status, headers };
  const offered = documented.content.map((c) => c.media.mediaType);
  const mediaType = negotiateMediaType(options.accept, offered) ?? offered[0]!;
  const media = documented.content.find((c) => c.media.mediaType === mediaType)!.media;
  if (!options.dynamic) {
    const example = selectExample(spec, media, options.exampleName);
    if (example.found) return { status, headers, body: example.value, mediaType };
  }
  const body = media.schema === undefined ? undefined : fakeFromSchema(spec, media.schema, { faker, matches, pointer: media.schemaPointer });
  return { status, headers, body, mediaType };
}

function firstSuccessStatus(compiled: CompiledOperation): number {
  const success = compiled.operation.responses.find((r) => /^2\d\d$/.test(r.status));
  return success === undefined ? 200 : Number(success.status);
}
