/** The subset of an OpenAPI parameter object the engine uses. */
export interface ParameterSpec {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required: boolean;
  style?: string;
  explode?: boolean;
  schema?: unknown;
  /** Pointer to the parameter's schema in the spec, e.g. `#/paths/~1erp~1returns/post/parameters/0/schema`. */
  schemaPointer: string;
  specPointer: string;
}

export interface MediaTypeSpec {
  mediaType: string;
  schema?: unknown;
  schemaPointer?: string;
  example?: unknown;
  examples?: Record<string, { value?: unknown; summary?: string }>;
}

export interface ResponseSpec {
  /** `200`, `4XX` or `default`, as the spec writes it. */
  status: string;
  description: string;
  content: MediaTypeSpec[];
  /** Documented response headers by lower-case name. */
  headers: Record<string, { name: string; required: boolean; schema?: unknown; schemaPointer: string }>;
  specPointer: string;
}

/** One alternative of an OpenAPI security requirement: every scheme in it must be satisfied. */
export type SecurityRequirement = Record<string, string[]>;

/** An operation of a loaded spec, resolved into plain data. */
export interface Operation {
  operationId: string;
  method: string;
  pathTemplate: string;
  specPointer: string;
  parameters: ParameterSpec[];
  requestBody?: { required: boolean; content: MediaTypeSpec[]; specPointer: string };
  responses: ResponseSpec[];
  /** Alternatives (OR) of requirements (AND); empty array = no security. */
  security: SecurityRequirement[];
}
