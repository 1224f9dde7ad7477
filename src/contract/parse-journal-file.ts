import type { JournalEntry } from './journal-entry.js';

/** How every run's first line begins: the sink writes `seq` first, and each run counts from 1. */
const RUN_START = '{"seq":1,';

export interface ParsedJournal {
  entries: JournalEntry[];
  /** Line numbers of entries torn by a run killed while writing them (dropped: their request was never answered). */
  tornLines: number[];
}

const parseOrUndefined = (line: string): unknown => {
  try {
    return JSON.parse(line);
  } catch {
    return undefined;
  }
};

/**
 * Reads the lines of an NDJSON journal (`--journal FILE`); a line that is not an entry is named by number.
 * A torn entry is tolerated where a kill leaves one: as the last line, or glued to the first entry of the run
 * that appended after it (the file is appended to across restarts).
 */
export function parseJournalFile(text: string, fileName: string): ParsedJournal {
  const entries: JournalEntry[] = [];
  const tornLines: number[] = [];
  const lines = text.split('\n');
  for (const [index, line] of lines.entries()) {
    if (line.trim() === '') continue;
    let value = parseOrUndefined(line);
    if (value === undefined) {
      const restart = line.indexOf(RUN_START, 1);
      const rest = restart < 0 ? undefined : parseOrUndefined(line.slice(restart));
      // The last line has no newline after it: the write that tore it never finished.
      if (rest === undefined && index < lines.length - 1) throw new Error(`${fileName}:${index + 1} is not JSON`);
      tornLines.push(index + 1);
      if (rest === undefined) continue;
      value = rest;
    }
    const entry = value as Partial<JournalEntry>;
    if (
      typeof entry !== 'object' ||
      entry === null ||
      typeof entry.vendor !== 'string' ||
      typeof entry.client !== 'string' ||
      !Array.isArray(entry.violations) ||
      typeof entry.status !== 'number'
    ) {
      throw new Error(`${fileName}:${index + 1} is not a journal entry`);
    }
    entries.push(value as JournalEntry);
  }
  return { entries, tornLines };
}
