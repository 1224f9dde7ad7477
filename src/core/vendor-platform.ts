/**
 * What the vendor's web platform does where its page is silent (`/work/shared/docs/platform-defaults.md`): small
 * switches the engine's matching and media stages read, so that no vendor id is hard-coded there.
 */
export interface VendorPlatform {
  /** Routing ignores letter case (ASP.NET routing): `/V1/returns` reaches `/v1/Returns`. */
  caseInsensitivePaths?: boolean;
  /**
   * How the answer's media type is chosen: `request-format` answers a request without `Accept` in its own body's
   * format, and an `Accept` nothing matches in that format or the first one, never 406 (ASP.NET Web API's
   * `DefaultContentNegotiator`, ASP.NET Core without `ReturnHttpNotAcceptable`).
   */
  negotiation?: 'request-format';
  /**
   * How a JSON body binds to the model: property names match in any letter case and numbers may come as strings
   * (`"5"`), as Json.NET and System.Text.Json's web defaults read them.
   */
  lenientJsonBinding?: boolean;
}
