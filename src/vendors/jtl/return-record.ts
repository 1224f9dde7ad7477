/** `Origin` of a return created through this REST API: 7 = RestAPI (an inference from the enum's names, see the spec). */
export const ORIGIN_REST_API = 7;

/** The first return number of a tenant is `A1000001`: the page's sample `A1004465` is an `A` and seven digits. */
const NUMBER_BASE = 1_000_000;

/** A tenant's return number from its sequence value: 1 → `A1000001`. */
export const returnNumber = (sequence: number): string => `A${NUMBER_BASE + sequence}`;

/** The documented `Return`, in the page's property order. */
export interface JtlReturnAnswer {
  Id: number;
  Number: string;
  ReturnDate: string;
  CustomerId: number;
  ExternalNumber: string;
  Origin: number;
  CompanyId: number;
  SalesOrderId: number;
  StateId: number;
  WarehouseId: number;
  ExternalComment: string;
  InternalComment: string;
  Contact: string;
}

/** What the store keeps of a return: the answer plus its items and packages, each with a server id. */
export interface JtlReturnRecord extends JtlReturnAnswer {
  Items: Array<Record<string, unknown> & { Id: number; Quantity: number; SalesOrderLineItemId?: number }>;
  Packages: Array<Record<string, unknown> & { Id: number }>;
}

/** The `Return` answer of a stored return: the documented fields only, in the page's order. */
export function returnAnswer(record: JtlReturnRecord): JtlReturnAnswer {
  const { Id, Number, ReturnDate, CustomerId, ExternalNumber, Origin, CompanyId, SalesOrderId, StateId, WarehouseId, ExternalComment, InternalComment, Contact } = record;
  return { Id, Number, ReturnDate, CustomerId, ExternalNumber, Origin, CompanyId, SalesOrderId, StateId, WarehouseId, ExternalComment, InternalComment, Contact };
}
