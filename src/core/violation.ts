/** Where in the exchange a violation was found. */
export type ViolationLocation = 'path' | 'query' | 'header' | 'body' | 'security' | 'state' | 'response';

/**
 * How much a finding weighs:
 * - `violation`: the vendor refuses this (a source says so); strict mode refuses it in the vendor's shape;
 * - `risk`: only our inference says the vendor may refuse or misbehave; served, and recorded;
 * - `notice`: the vendor silently ignores it (a misspelt optional field); served, and recorded;
 * - `usage`: a misuse of the mock's own controls (`Prefer`); answered, never counted toward the client's verdict.
 */
export type FindingLevel = 'violation' | 'risk' | 'notice' | 'usage';

/**
 * What a rule rests on: the vendor's page (`vendor-doc`), the vendor's other public reference (`vendor-reference`),
 * documented behaviour of its platform or of HTTP (`platform`), or only our own inference (`mock`).
 */
export type RuleSource = 'vendor-doc' | 'vendor-reference' | 'platform' | 'mock';

/**
 * One finding (a broken or doubtful rule): data that accumulates, never thrown.
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
  /** The rule's weight; the engine fills it from the rule registry (`src/core/rules.ts`) when the raiser did not. */
  level?: FindingLevel;
  /** What the rule rests on; filled from the rule registry like `level`. */
  source?: RuleSource;
  /** Whose departure from the contract it is: the client's (the default) or, in proxy mode, the vendor's own answer's. */
  party?: 'client' | 'vendor';
}
