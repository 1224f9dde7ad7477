import type { SecurityRequirement } from './operation.js';

/** A credential the request presented for one security scheme: its shape, not its truth (the mock is not an identity provider). */
export interface Credential {
  scheme: string;
  kind: 'basic' | 'bearer' | 'apiKey';
  /** Basic-auth user name. */
  user?: string;
  /** Basic-auth password, compared only with a password the fixtures declare. */
  password?: string;
  /** Bearer token or API key as sent. */
  token?: string;
  /** Claims of a bearer token that is a JWT (signature not checked). */
  claims?: Record<string, unknown>;
}

/** The request with its parameters typed and its body decoded: what vendor behaviour works on. */
export interface ValidatedRequest {
  operationId: string;
  /** The vendor's base URL on the mock as the client reached it (for `Location` headers). */
  baseUrl: string;
  /** The request path below the vendor prefix, as sent. */
  path: string;
  pathParams: Record<string, unknown>;
  /** Declared query parameters, typed; undeclared ones stay in `rawQuery`. */
  query: Record<string, unknown>;
  rawQuery: URLSearchParams;
  /** Declared header parameters, typed, keyed by lower-case name. */
  headerParams: Record<string, unknown>;
  headers: Record<string, string>;
  body: unknown;
  bodyMediaType: string | undefined;
  /** The media type negotiated from `Accept` for a success response. */
  responseMediaType: string | undefined;
  credentials: Credential[];
  /** The security alternative the request satisfied, with its scopes or roles. */
  securityRequirement: SecurityRequirement | undefined;
  /** All the operation's security alternatives: what a vendor checks scopes and roles against (403). */
  security: SecurityRequirement[];
}
