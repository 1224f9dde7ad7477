/** `--spec FILE` or `--spec /PREFIX=FILE`. */
export function parseSpecEntry(entry: string): { file: string; prefix?: string } {
  const match = /^(\/[^=]+)=(.+)$/.exec(entry);
  return match === null ? { file: entry } : { prefix: match[1], file: match[2]! };
}
