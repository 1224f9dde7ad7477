import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';

const made: string[] = [];
afterEach(async () => {
  await Promise.all(made.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

/** A fresh directory under the OS temp dir, removed after the test. */
export async function createTempDir(prefix = 'returns-mock-store-'): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}

/** A store file path in a fresh temp dir, one folder down so the store has to create it. */
export async function createTempStoreFile(): Promise<string> {
  return path.join(await createTempDir(), 'nested', 'returns-mock.json');
}
