/** One reference record (an IOM shop, a JTL company, an Emporix order…): deep-frozen. */
export type FixtureRecord = Readonly<Record<string, unknown>>;

/**
 * Reference data, not state: vendor → collection → records. The maps are prototype-free and grow only
 * through `mergeFixtureDocument` (which replaces a collection's list, never edits it); lists and records
 * are frozen, so a handler cannot change them by accident. Kept apart from the store: a reset never touches it.
 */
export type Fixtures = Record<string, Record<string, readonly FixtureRecord[]>>;
