import Negotiator from 'negotiator';

/** How a media type's body is encoded on the wire. */
export type BodyFormat = 'json' | 'xml' | 'text' | 'binary';

/** The `type/subtype` essence of a Content-Type, lower-cased, without parameters; `undefined` if malformed. */
export function parseMediaTypeEssence(header: string | undefined): string | undefined {
  if (header === undefined) return undefined;
  const essence = header.split(';')[0]?.trim().toLowerCase() ?? '';
  return /^[a-z0-9!#$&^_.+-]+\/[a-z0-9!#$&^_.+-]+$/.test(essence) ? essence : undefined;
}

/** JSON for `application/json`, `text/json` and `+json` suffixes; XML likewise. */
export function bodyFormatOf(mediaType: string): BodyFormat {
  const essence = mediaType.toLowerCase();
  if (essence === 'application/json' || essence === 'text/json' || essence.endsWith('+json') || essence === '*/*') return 'json';
  if (essence === 'application/xml' || essence === 'text/xml' || essence.endsWith('+xml')) return 'xml';
  if (essence.startsWith('text/')) return 'text';
  return 'binary';
}

/** Whether a spec media-type key (which may be a range such as `application/*`) covers a concrete essence. */
export function mediaTypeCovers(range: string, essence: string): boolean {
  const [rangeType, rangeSub] = range.toLowerCase().split(';')[0]!.trim().split('/');
  const [type, sub] = essence.split('/');
  return (rangeType === '*' || rangeType === type) && (rangeSub === '*' || rangeSub === sub);
}

/**
 * Picks the first of `offered` that an `Accept` header allows, in the client's order of preference.
 * A missing Accept accepts anything. Returns `undefined` when nothing is acceptable (→ 406).
 */
export function negotiateMediaType(accept: string | undefined, offered: string[]): string | undefined {
  if (offered.length === 0) return undefined;
  if (accept === undefined || accept.trim() === '') return offered[0];
  const preferred = new Negotiator({ headers: { accept } }).mediaTypes(offered);
  return preferred[0];
}
