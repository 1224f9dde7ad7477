const cache = new Map<string, RegExp | null>();

/** Compiles a schema `pattern` once, with the `u` flag as ajv does (falling back to no flag); `null` when it is no valid regex. */
export function compilePattern(pattern: string): RegExp | null {
  let compiled = cache.get(pattern);
  if (compiled === undefined) {
    try {
      compiled = new RegExp(pattern, 'u');
    } catch {
      try {
        compiled = new RegExp(pattern);
      } catch {
        compiled = null;
      }
    }
    cache.set(pattern, compiled);
  }
  return compiled;
}

/** Whether a string matches a schema `pattern` (unanchored, as JSON Schema says); an invalid pattern matches nothing. */
export function testPattern(pattern: string, value: string): boolean {
  return compilePattern(pattern)?.test(value) ?? false;
}
