import { deepFreeze } from './to-frozen-record.js';

/**
 * Records rest in the store as their JSON text: a string is a fraction of the object graph it parses to, and a
 * loaded snapshot needs no parse at all. Reads parse through this cache, keyed by the text itself, so a record read
 * again (the hot few of a test or a bench) is parsed and frozen once, and a changed record (new text) never finds a
 * stale value. Two generations stand in for LRU order: a hit in the older one moves up, and once the recent one
 * holds `CACHE_LIMIT` texts, it becomes the older one and the older one goes.
 */
const CACHE_LIMIT = 4_096;
let recent = new Map<StoredText, unknown>();
let older = new Map<StoredText, unknown>();

/**
 * A record as the store keeps it: its JSON text, or the UTF-8 bytes of that text where a snapshot file held them (a
 * view into the file's bytes, decoded only when a read parses the record).
 */
export type StoredText = string | Buffer;

/** The JSON text of a stored record. */
export const textOf = (stored: StoredText): string => (typeof stored === 'string' ? stored : stored.toString('utf8'));

/** A stored record parsed anew: a plain, unshared value. */
export const parseStored = (stored: StoredText): unknown => JSON.parse(textOf(stored)) as unknown;

const remember = (text: StoredText, record: unknown) => {
  recent.set(text, record);
  if (recent.size >= CACHE_LIMIT) {
    older = recent;
    recent = new Map();
  }
};

/** A record's JSON text; throws a `TypeError` for what JSON cannot hold (`undefined`, a function). A `Date` becomes its ISO string. */
export function toRecordText(value: unknown): string {
  const text = JSON.stringify(value);
  if (text === undefined) throw new TypeError(`a record must be a JSON value, not ${typeof value}`);
  return text;
}

/** The record a text holds, deep-frozen and shared (cached): for reads that hand records out as they are stored. */
export function recordOf(text: StoredText): unknown {
  const hit = recent.get(text);
  if (hit !== undefined) return hit;
  // JSON.parse makes `__proto__` an own property, never the prototype.
  const record = older.get(text) ?? deepFreeze(parseStored(text));
  remember(text, record);
  return record;
}

/** The record a text holds, without filling the cache: for reads of a whole collection, which would only flush it. */
export function peekRecordOf(text: StoredText): unknown {
  return recent.get(text) ?? older.get(text) ?? deepFreeze(parseStored(text));
}

/** A record a snapshot reader kept as its JSON text or bytes (checked, not parsed): the store takes it as it is. */
export class JsonText {
  constructor(readonly text: StoredText) {}
}
