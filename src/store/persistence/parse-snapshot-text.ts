import { JsonText } from '../state/record-text.js';

/** Where a snapshot holds a record: `vendors.VENDOR.TENANT.collections.NAME[i][1]`. */
const isRecordPlace = (path: readonly (string | number)[]) => path.length === 7 && path[0] === 'vendors' && path[3] === 'collections' && path[6] === 1;

const isDigit = (c: number) => c >= 0x30 && c <= 0x39;
const isHex = (c: number) => isDigit(c) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66);

/**
 * Parses a store snapshot (UTF-8 JSON) as `JSON.parse` would, except that each record is checked (the whole JSON
 * grammar) and kept as its bytes, a `JsonText` view into `bytes`, instead of being decoded and built as objects:
 * loading 100,000 records then costs one pass over the bytes, and the store keeps records as text anyway (decoded
 * when a read first parses one). Structural characters are ASCII and never part of a multi-byte UTF-8 sequence, so
 * the bytes are scanned as they are. Throws a `SyntaxError` naming the byte offset of the first fault.
 */
export function parseSnapshotText(bytes: Buffer): unknown {
  const end = bytes.length;
  const path: (string | number)[] = [];
  const fail = (at: number): never => {
    throw new SyntaxError(at >= end ? 'Unexpected end of JSON input' : `Unexpected token ${JSON.stringify(String.fromCharCode(bytes[at]!))} in JSON at byte ${at}`);
  };
  const code = (at: number) => (at < end ? bytes[at]! : -1);
  const decode = (from: number, to: number) => bytes.toString('utf8', from, to);
  const skipSpace = (at: number) => {
    if (at < end && bytes[at]! > 0x20) return at;
    let c = code(at);
    while (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) c = code((at += 1));
    return at;
  };
  const expect = (at: number, char: number) => (code(at) === char ? at + 1 : fail(at));

  /** The end of the string starting at `at` (a quote), checked: escapes, no raw control characters. */
  const skipString = (at: number): number => {
    let i = at + 1;
    for (;;) {
      // The plain run first, in one tight loop: most of a snapshot is string content.
      while (i < end) {
        const plain = bytes[i]!;
        if (plain === 0x22 || plain === 0x5c || plain < 0x20) break;
        i += 1;
      }
      const c = code(i);
      if (c === 0x22) return i + 1;
      if (c === 0x5c) {
        const escaped = code(i + 1);
        if (escaped === 0x75) {
          for (let k = i + 2; k < i + 6; k += 1) if (!isHex(code(k))) fail(k);
          i += 6;
        } else if (escaped === 0x22 || escaped === 0x5c || escaped === 0x2f || escaped === 0x62 || escaped === 0x66 || escaped === 0x6e || escaped === 0x72 || escaped === 0x74)
          i += 2;
        else fail(i + 1);
      } else if (c < 0x20) fail(i);
      else i += 1;
    }
  };
  const skipLiteral = (at: number, word: string) => {
    for (let k = 0; k < word.length; k += 1) if (code(at + k) !== word.charCodeAt(k)) fail(at + k);
    return at + word.length;
  };
  const skipDigits = (at: number) => {
    if (!isDigit(code(at))) fail(at);
    let i = at + 1;
    while (isDigit(code(i))) i += 1;
    return i;
  };
  /** `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?` */
  const skipNumber = (at: number) => {
    let i = code(at) === 0x2d ? at + 1 : at;
    i = code(i) === 0x30 ? i + 1 : skipDigits(i);
    if (code(i) === 0x2e) i = skipDigits(i + 1);
    if (code(i) === 0x65 || code(i) === 0x45) i = skipDigits(code(i + 1) === 0x2b || code(i + 1) === 0x2d ? i + 2 : i + 1);
    return i;
  };

  /** The end of the object key (a string) at `at` and its colon, at the start of the value after it. */
  const skipKey = (at: number) => {
    if (code(at) !== 0x22) fail(at);
    return skipSpace(expect(skipSpace(skipString(at)), 0x3a));
  };

  /**
   * The end of the value starting at `at` (no space before it), checked but not built: one loop with a stack of the
   * open containers (true for an object), so a deeply nested record cannot exhaust the call stack.
   */
  const skipValue = (at: number): number => {
    const open: boolean[] = [];
    let i = at;
    for (;;) {
      const c = code(i);
      if (c === 0x7b || c === 0x5b) {
        const close = c === 0x7b ? 0x7d : 0x5d;
        i = skipSpace(i + 1);
        if (code(i) === close) i += 1;
        else {
          open.push(c === 0x7b);
          if (c === 0x7b) i = skipKey(i);
          continue;
        }
      } else if (c === 0x22) i = skipString(i);
      else if (c === 0x74) i = skipLiteral(i, 'true');
      else if (c === 0x66) i = skipLiteral(i, 'false');
      else if (c === 0x6e) i = skipLiteral(i, 'null');
      else i = skipNumber(i);
      // After a value: close what ends here, then a comma leads to the next value.
      for (;;) {
        if (open.length === 0) return i;
        i = skipSpace(i);
        const inObject = open[open.length - 1]!;
        const next = code(i);
        if (next === 0x2c) {
          i = skipSpace(i + 1);
          if (inObject) i = skipKey(i);
          break;
        }
        if (next !== (inObject ? 0x7d : 0x5d)) fail(i);
        open.pop();
        i += 1;
      }
    }
  };

  /** The value starting at `at` and where it ends: built, except at a record's place. */
  const readValue = (at: number): [unknown, number] => {
    if (isRecordPlace(path)) {
      const after = skipValue(at);
      return [new JsonText(bytes.subarray(at, after)), after];
    }
    const c = code(at);
    if (c === 0x7b) {
      const object: Record<string, unknown> = {};
      let i = skipSpace(at + 1);
      if (code(i) === 0x7d) return [object, i + 1];
      for (;;) {
        if (code(i) !== 0x22) fail(i);
        const keyEnd = skipString(i);
        const key = JSON.parse(decode(i, keyEnd)) as string;
        i = skipSpace(expect(skipSpace(keyEnd), 0x3a));
        path.push(key);
        const [value, after] = readValue(i);
        path.pop();
        // Defined as own data, as JSON.parse does: a `__proto__` key never becomes the prototype.
        Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
        i = skipSpace(after);
        if (code(i) === 0x7d) return [object, i + 1];
        i = skipSpace(expect(i, 0x2c));
      }
    }
    if (c === 0x5b) {
      const array: unknown[] = [];
      let i = skipSpace(at + 1);
      if (code(i) === 0x5d) return [array, i + 1];
      for (;;) {
        path.push(array.length);
        const [value, after] = readValue(i);
        path.pop();
        array.push(value);
        i = skipSpace(after);
        if (code(i) === 0x5d) return [array, i + 1];
        i = skipSpace(expect(i, 0x2c));
      }
    }
    const after = skipValue(at);
    return [JSON.parse(decode(at, after)) as unknown, after];
  };

  const [value, after] = readValue(skipSpace(0));
  const rest = skipSpace(after);
  if (rest < end) fail(rest);
  return value;
}
