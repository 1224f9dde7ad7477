import type { VendorPlatform } from '../core/vendor-platform.js';
import { mediaTypeCovers, negotiateMediaType, parseMediaTypeEssence } from './media-type.js';

/**
 * The `Accept` the answer is negotiated by. Under the `request-format` platform a request without `Accept`, or with
 * one that none of `offered` satisfies, is answered in its own body's format when that is offered, else in the first
 * offered (ASP.NET Web API's `DefaultContentNegotiator` falls back to the request's Content-Type, then to the first
 * formatter; neither it nor ASP.NET Core answers 406 by default). Otherwise the header as sent.
 */
export function effectiveAccept(platform: VendorPlatform | undefined, accept: string | undefined, contentType: string | undefined, offered: readonly string[]): string | undefined {
  if (platform?.negotiation !== 'request-format' || offered.length === 0) return accept;
  const missing = accept === undefined || accept.trim() === '';
  if (!missing && negotiateMediaType(accept, [...offered]) !== undefined) return accept;
  const essence = parseMediaTypeEssence(contentType);
  return essence !== undefined && offered.some((range) => mediaTypeCovers(range, essence)) ? essence : offered[0];
}
