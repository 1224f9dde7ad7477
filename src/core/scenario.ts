/** A transport fault the mock can inject instead of an answer, to test a client's retries and time-outs. */
export type Fault = 'reset' | 'timeout' | 'malformed';

export const FAULTS: readonly Fault[] = ['reset', 'timeout', 'malformed'];

/**
 * What a request (its `Prefer` header) or a scenario rule asks the mock to do instead of its usual answer.
 * Every field is optional; an empty scenario changes nothing.
 */
export interface Scenario {
  /** Answer with this documented status and its example or faked body (`Prefer: code=404`). */
  code?: number;
  /** Answer with this named example (`Prefer: example=name`). */
  example?: string;
  /** Fake the body from the schema even where an example exists (`Prefer: dynamic=true`). */
  dynamic?: boolean;
  /** Wait this long before answering (`Prefer: delay=250`). */
  delayMs?: number;
  /** Inject a transport fault instead of answering (`Prefer: fault=reset`). */
  fault?: Fault;
}

/** Whether the scenario replaces the vendor's behaviour with the spec's answer (the request changes no state then). */
export const forcesAnswer = (scenario: Scenario): boolean => scenario.code !== undefined || scenario.example !== undefined || scenario.dynamic === true;
