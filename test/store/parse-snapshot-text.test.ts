import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseSnapshotText } from '../../src/store/persistence/parse-snapshot-text.js';
import { JsonText, textOf } from '../../src/store/state/record-text.js';
import { encodeStoreData } from '../../src/store/state/store-state.js';
import { STORE_DATA_VERSION, type StoreData } from '../../src/store/types.js';

const snapshotWith = (record: string) => `{"version":2,"vendors":{"jtl":{"t":{"collections":{"returns":[["1",${record}]]},"sequences":{}}}}}`;

/** The snapshot's records turned back into values, so the result compares with what JSON.parse gives. */
const withRecordsParsed = (value: unknown): unknown => {
  if (value instanceof JsonText) return JSON.parse(textOf(value.text)) as unknown;
  if (Array.isArray(value)) return value.map(withRecordsParsed);
  if (typeof value === 'object' && value !== null) return Object.fromEntries(Object.entries(value).map(([key, child]) => [key, withRecordsParsed(child)]));
  return value;
};

const names = fc.string({ minLength: 1, maxLength: 8 });
const storeData = fc
  .dictionary(
    names,
    fc.dictionary(names, fc.record({ collections: fc.dictionary(names, fc.array(fc.tuple(names, fc.jsonValue()), { maxLength: 4 })), sequences: fc.dictionary(names, fc.nat()) })),
  )
  .map((vendors): StoreData => ({ version: STORE_DATA_VERSION, vendors }));

describe('parseSnapshotText', () => {
  it('reads any snapshot as JSON.parse does, with each record kept as its text', () => {
    fc.assert(
      fc.property(storeData, fc.boolean(), (data, pretty) => {
        const text = pretty ? JSON.stringify(data, null, 2) : encodeStoreData(data);
        const parsed = parseSnapshotText(Buffer.from(text));
        expect(withRecordsParsed(parsed)).toEqual(JSON.parse(text));
        for (const tenants of Object.values((parsed as StoreData).vendors)) {
          for (const partition of Object.values(tenants))
            for (const records of Object.values(partition.collections)) for (const [, record] of records) expect(record).toBeInstanceOf(JsonText);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('writes what JSON.stringify writes for the same data', () => {
    fc.assert(
      fc.property(storeData, (data) => {
        expect(encodeStoreData(data)).toBe(JSON.stringify(data));
      }),
    );
  });

  it.each([
    ['a bare word', 'tru'],
    ['a trailing comma', '{"a":1,}'],
    ['a single-quoted string', "{'a':1}"],
    ['a raw control character in a string', '"a\u0001b"'],
    ['a bad escape', '"\\x41"'],
    ['a short unicode escape', '"\\u12"'],
    ['a leading zero', '012'],
    ['an unclosed object', '{"a":[1,2]'],
    ['two values', '{} {}'],
  ])('refuses a record holding %s, as JSON.parse does', (_, record) => {
    expect(() => JSON.parse(snapshotWith(record))).toThrow(SyntaxError);
    expect(() => parseSnapshotText(Buffer.from(snapshotWith(record)))).toThrow(SyntaxError);
  });

  it('reads records holding any Unicode, kept as their UTF-8 bytes', () => {
    const record = { name: 'Jürgen Groß', city: '東京', emoji: '😀', escaped: '\u0000"\\' };
    const parsed = parseSnapshotText(Buffer.from(snapshotWith(JSON.stringify(record)))) as StoreData;
    const [[, kept]] = parsed.vendors.jtl!.t!.collections.returns! as [[string, JsonText]];
    expect(Buffer.isBuffer(kept.text)).toBe(true);
    expect(JSON.parse(textOf(kept.text))).toEqual(record);
  });

  it('reads a record nested 100,000 deep without exhausting the call stack', () => {
    const record = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    const parsed = parseSnapshotText(Buffer.from(snapshotWith(record))) as StoreData;
    expect(textOf((parsed.vendors.jtl!.t!.collections.returns![0]![1] as JsonText).text)).toBe(record);
  });

  it('keeps `__proto__` an own key, never the prototype', () => {
    const parsed = parseSnapshotText(Buffer.from('{"version":2,"vendors":{"__proto__":{"t":{"collections":{},"sequences":{}}}}}')) as StoreData;
    expect(Object.getPrototypeOf(parsed.vendors)).toBe(Object.prototype);
    expect(Object.keys(parsed.vendors)).toEqual(['__proto__']);
  });

  it('names the byte offset of a fault outside the records', () => {
    expect(() => parseSnapshotText(Buffer.from('{"version":2,"vendors":{]}'))).toThrow(/byte 24/);
    expect(() => parseSnapshotText(Buffer.from('{"version":2'))).toThrow(/end of JSON input/);
  });
});
