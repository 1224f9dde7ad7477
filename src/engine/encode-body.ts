import type { CompiledOperation } from '../validate/compile-operation.js';
import { findResponse } from '../validate/compile-operation.js';
import { bodyFormatOf, mediaTypeCovers } from '../media/media-type.js';
import { encodeXml } from '../media/xml-codec.js';
import type { SpecIndex } from '../spec/spec-index.js';

/** Encodes a body value for the wire in its media type; XML follows the documented response schema's `xml` names. */
export function encodeBody(spec: SpecIndex, compiled: CompiledOperation | undefined, status: number, mediaType: string, body: unknown): string {
  const format = bodyFormatOf(mediaType);
  if (format === 'xml') {
    const documented = compiled === undefined ? undefined : findResponse(compiled, status);
    const media = documented?.content.find((c) => mediaTypeCovers(c.media.mediaType, mediaType))?.media;
    return encodeXml(spec, body, media?.schema ?? {}, media?.schemaPointer, 'Response');
  }
  if (format === 'text' && typeof body === 'string') return body;
  return JSON.stringify(body);
}
