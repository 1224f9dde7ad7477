import { readFileSync } from 'node:fs';
import { parseJournalFile, type JournalEntry } from '../contract/index.js';

export interface JournalSource {
  entries: JournalEntry[];
  /** What the entries came from, for messages and metadata. */
  source: string;
  /** Entries the running mock's bounded journal had already dropped (`--journal-limit`). */
  dropped: number;
}

/** The journal of a running mock (its admin API) or of an NDJSON file (`serve --journal FILE`); `command` names the caller in messages. */
export async function readJournalSource(command: string, options: { url?: string; journal?: string; adminToken?: string }): Promise<JournalSource> {
  if (options.journal !== undefined) {
    const { entries, tornLines } = parseJournalFile(readFileSync(options.journal, 'utf8'), options.journal);
    for (const line of tornLines) console.error(`returns-mock ${command}: ${options.journal}:${line} holds an entry torn by a killed run; skipped`);
    return { entries, source: options.journal, dropped: 0 };
  }
  const url = (options.url ?? 'http://127.0.0.1:4010').replace(/\/+$/, '');
  const response = await fetch(`${url}/__admin/journal`, { headers: options.adminToken === undefined ? {} : { 'x-admin-token': options.adminToken } });
  if (!response.ok) throw new Error(`${url} answered ${response.status}: ${(await response.text()).slice(0, 200)}`);
  const body = (await response.json()) as { entries: JournalEntry[]; dropped: number };
  return { entries: body.entries, source: `${url}/__admin/journal`, dropped: body.dropped };
}
