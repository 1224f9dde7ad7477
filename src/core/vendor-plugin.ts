import type { DeclaredCredential } from './declared-credential.js';
import type { OperationResult } from './http.js';
import type { ValidatedRequest } from './request.js';
import type { Violation } from './violation.js';
import type { VendorRecording } from './vendor-recording.js';
import type { Rule } from './rules.js';
import type { VendorPlatform } from './vendor-platform.js';

/** Why a request ends in an error answer: the status and every violation behind it. */
export interface Problem {
  status: number;
  violations: Violation[];
  /** The operation, when the request matched one. */
  operationId?: string;
}

/** One vendor's view of the store: every call names the tenant, so one tenant never reads another's data. */
export interface VendorStore {
  get<T>(tenant: string, collection: string, id: string): T | undefined;
  /** A collection's records in insertion order: the stored ones, deeply frozen (copy what you change). */
  list<T>(tenant: string, collection: string): ReadonlyArray<Readonly<T>>;
  /** How many records a collection holds. */
  count(tenant: string, collection: string): number;
  /** Records with some value at the dotted `path` (stepping into arrays) equal to one of `values`, in insertion order, frozen; only `page`'s range of them if given; indexed. */
  findBy<T>(tenant: string, collection: string, path: string, values: readonly unknown[], page?: { offset: number; limit: number }): ReadonlyArray<Readonly<T>>;
  /** How many records `findBy` would give. */
  countBy(tenant: string, collection: string, path: string, values: readonly unknown[]): number;
  /** `limit` records from `offset` ordered by the first value at `path` (numbers before strings; ties in insertion order; missing last), frozen; indexed. */
  listSorted<T>(tenant: string, collection: string, path: string, page: { descending: boolean; offset: number; limit: number }): ReadonlyArray<Readonly<T>>;
  /** Runs `change` atomically; resolves once it is durable. If `change` throws, nothing of it is kept. */
  transact<R>(change: (tx: VendorTransaction) => R): Promise<R>;
}

export interface VendorTransaction {
  get<T>(tenant: string, collection: string, id: string): T | undefined;
  put(tenant: string, collection: string, id: string, record: unknown): void;
  delete(tenant: string, collection: string, id: string): void;
  nextId(tenant: string, sequence: string): number;
}

/** What a vendor handler may use besides the request. */
export interface HandlerContext {
  /** The answer the spec alone would give (example or faked body) for a documented status; defaults to the first success status. */
  respondFromSpec(status?: number): OperationResult;
  /** Refuses the request in the vendor's error shape; the violations are recorded with the exchange. */
  refuse(status: number, violations: Array<Omit<Violation, 'operationId'>>): OperationResult;
  /** Records a finding that does not stop the request (a `risk` or `notice` raised with `raise`); the answer goes on. */
  note(finding: Omit<Violation, 'operationId'>): void;
  store: VendorStore;
  /** The current time, or the pinned `--clock`. */
  now(): Date;
  /** A UUID from the seeded faker that depends only on `--seed` and `key`: key it by a stored sequence so it never repeats. */
  uuidFor(key: string): string;
  /** Checks a value against a schema of the vendor's spec, e.g. `#/components/schemas/Return`; every violation found. */
  validate(schemaPointer: string, value: unknown): Violation[];
  /** This vendor's reference data by collection (`fixtures/<vendor>/*.yaml`); read-only. */
  fixtures(collection: string): ReadonlyArray<Record<string, unknown>>;
  /** With `--strict-fixtures`, an order, shop or company the fixtures lack is refused instead of fabricated. */
  strictFixtures: boolean;
  /** A seed derived from the run's seed and `key` alone (for `createSeededFaker`): the same order number fabricates the same order every time. */
  seedFor(key: string): number;
  /**
   * The fixtures' `credentials` record that declares the request's credential, if any: its rights (scopes, tenants,
   * permissions) are the vendor's to read. Under `--auth strict` the engine refuses a request without one before the handler runs.
   */
  declaredCredential: DeclaredCredential | undefined;
}

export type OperationHandler = (request: ValidatedRequest, context: HandlerContext) => OperationResult | Promise<OperationResult>;

/** One vendor: its spec, its error shape and its behaviour, keyed by the spec's `operationId`s. */
export interface VendorPlugin {
  /** Stable id: `jtl`, `intershop`, `emporix`, `shopctrl`. */
  id: string;
  title: string;
  /** Mount point, e.g. `/emporix`. */
  prefix: string;
  /** Absolute path of the vendor's OpenAPI file. */
  specFile: string;
  /** Renders a refused request in the vendor's own error shape; the body must fit the spec's schema for that status. */
  renderError(problem: Problem): OperationResult;
  /** Lower-case headers that carry a secret the spec declares no apiKey scheme for (Emporix's `saas-token`): masked in the journal, reports and logs. */
  secretHeaders?: readonly string[];
  /** Lower-case headers that name the calling application (JTL's `x-appid`): the client's name in the journal and reports. */
  clientHeaders?: readonly string[];
  /** Behaviour per `operationId`; an operation without a handler answers from its spec. */
  handlers?: Record<string, OperationHandler>;
  /** Every rule the vendor's handlers raise, and the engine's rules it re-grades for itself (`GET /__admin/rules`). */
  rules?: readonly Rule[];
  /** What the vendor's platform does where its page is silent: path case, content negotiation, JSON binding. */
  platform?: VendorPlatform;
  /** What a proxied session's answers record as fixtures (`--record`), and what recorded fixtures restore. */
  recording?: VendorRecording;
}
