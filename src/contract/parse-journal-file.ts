import type { JournalEntry } from './journal-entry.js';

/** Reads the lines of an NDJSON journal (`--journal FILE`); a line that is not an entry is named by number. */
export function parseJournalFile(text: string, fileName: string): JournalEntry[] {
  const entries: JournalEntry[] = [];
  const lines = text.split('\n');
  for (const [index, line] of lines.entries()) {
    if (line.trim() === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      throw new Error(`${fileName}:${index + 1} is not JSON`);
    }
    const entry = value as Partial<JournalEntry>;
    if (typeof entry !== 'object' || entry === null || typeof entry.vendor !== 'string' || typeof entry.client !== 'string' || !Array.isArray(entry.violations) || typeof entry.status !== 'number') {
      throw new Error(`${fileName}:${index + 1} is not a journal entry`);
    }
    entries.push(value as JournalEntry);
  }
  return entries;
}
