/** Escapes one reference token of a JSON pointer (RFC 6901). */
export function escapePointerToken(token: string | number): string {
  return String(token).replace(/~/g, '~0').replace(/\//g, '~1');
}

/** Builds a pointer from tokens: `['paths', '/erp/returns']` → `/paths/~1erp~1returns`. */
export function toPointer(tokens: Array<string | number>): string {
  return tokens.map((token) => `/${escapePointerToken(token)}`).join('');
}

/** Splits a pointer (or a `#`-fragment) into tokens. */
export function parsePointer(pointer: string): string[] {
  const bare = pointer.startsWith('#') ? decodeURIComponent(pointer.slice(1)) : pointer;
  if (bare === '') return [];
  return bare
    .slice(1)
    .split('/')
    .map((token) => token.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** Reads the value a pointer names inside a document; `undefined` when any step is missing. */
export function getAtPointer(document: unknown, pointer: string): unknown {
  let current: unknown = document;
  for (const token of parsePointer(pointer)) {
    if (typeof current !== 'object' || current === null || !Object.hasOwn(current, token)) return undefined;
    current = (current as Record<string, unknown>)[token];
  }
  return current;
}
