/** How a change of the spec affects a client written against the old version. */
export type ChangeClass = 'breaking' | 'non-breaking' | 'unclassified';

/** One structural difference between two versions of a vendor's spec. */
export interface SpecChange {
  /** Stable id of the kind of change, e.g. `request.property.required-added`, `operation.removed`. */
  kind: string;
  class: ChangeClass;
  /** The old operation's id (the new one's for an added operation). */
  operationId: string;
  method: string;
  path: string;
  /** Where in the exchange: `operation`, `path`, `query`, `header`, `body`, `security`, or `response <status>`. */
  location: string;
  /** JSON pointer into that part (`/pageSize`, `/orders/0/items`); empty for the whole part. */
  pointer: string;
  message: string;
}
