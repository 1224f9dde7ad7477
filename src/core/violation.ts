/** Where in the exchange a violation was found. */
export type ViolationLocation = 'path' | 'query' | 'header' | 'body' | 'security' | 'state' | 'response';

/**
 * One broken rule: data that accumulates, never thrown.
 * `code` is a stable dotted id such as `request.body.required`; never parse `message`.
 */
export interface Violation {
  code: string;
  location: ViolationLocation;
  /** JSON pointer into the located part: `/Items/0/Quantity` for a body, `/pageSize` for a query parameter. */
  pointer: string;
  message: string;
  /** JSON pointer (as URI fragment) into the spec: the rule that was broken. */
  specPointer: string;
  operationId: string;
  /** The offending value, when there is one. */
  value?: unknown;
  /** Whose departure from the contract it is: the client's (the default) or, in proxy mode, the vendor's own answer's. */
  party?: 'client' | 'vendor';
}
