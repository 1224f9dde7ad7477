import type { Violation } from './violation.js';

/** A request as the engine sees it: framework-free, already cut below the vendor prefix. */
export interface HttpRequest {
  /** Upper-case method, e.g. `POST`. */
  method: string;
  /** The vendor's base URL on the mock as the client reached it, e.g. `http://localhost:4010/intershop`: for `Location` headers. */
  baseUrl: string;
  /** Path below the vendor prefix, still percent-encoded, without the query string. */
  path: string;
  /** Raw query string without the leading `?` (may be empty). */
  query: string;
  /** Header names lower-cased; repeated headers joined with `, `. */
  headers: Record<string, string>;
  /** Raw body bytes; `undefined` when the request has none. */
  body: Uint8Array | undefined;
  /** Set when the body was larger than the server's limit and so was not read. */
  bodyTooLarge?: { limit: number };
}

/** What a stage or vendor handler answers: a status and a JSON-able body value, not yet encoded. */
export interface OperationResult {
  status: number;
  headers?: Record<string, string>;
  /** JSON-able value; `undefined` for no body. Encoded to JSON or XML by the engine. */
  body?: unknown;
  /** Media type to answer with; when absent the engine negotiates one from the spec and `Accept`. */
  mediaType?: string;
  /** Rule violations found by vendor behaviour (state, permissions), recorded with the exchange. */
  violations?: Violation[];
}

/** The encoded answer that leaves the engine. */
export interface HttpResponse {
  status: number;
  headers: Record<string, string>;
  body: string | undefined;
}
