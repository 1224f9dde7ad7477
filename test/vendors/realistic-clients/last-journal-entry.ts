import type { JournalEntry } from '../../../src/index.js';
import type { TestResponse } from '../../helpers/mock-client.js';

/**
 * The newest journal entry, read through `GET /__admin/journal`: with a shared (PostgreSQL) journal only an admin
 * request brings the replica's own journal up to date, so reading `mock.journal()` directly would miss it.
 */
export async function lastJournalEntry(send: (method: string, path: string) => Promise<TestResponse>): Promise<JournalEntry> {
  const answer = await send('GET', '/__admin/journal?limit=1');
  const [entry] = (answer.json as { entries: JournalEntry[] }).entries;
  if (entry === undefined) throw new Error('the journal is empty');
  return entry;
}
