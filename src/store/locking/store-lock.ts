import { mkdir, open, readFile, unlink } from 'node:fs/promises';
import path from 'node:path';
import { StoreOpenError } from '../persistence/store-open-error.js';

/** The lock file beside a store file: `FILE.lock`, holding the id of the process that has the store open. */
export const lockFileOf = (file: string): string => `${path.resolve(file)}.lock`;

/**
 * Stores this process has open, by file, and how many times: a process may open its own file again (a test
 * reopening a store to replay it); only another process is kept out.
 */
const opened = new Map<string, number>();

/** Whether a process with this id runs (EPERM: it runs, as another user). */
function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Creates the lock file with our pid; `false` when one exists already. */
async function createLockFile(lock: string): Promise<boolean> {
  const handle = await open(lock, 'wx').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'EEXIST') return undefined;
    throw error;
  });
  if (handle === undefined) return false;
  try {
    await handle.writeFile(String(process.pid));
  } finally {
    await handle.close();
  }
  return true;
}

/**
 * Takes the store file `file` for this process, or throws a `StoreOpenError` when another running process has it:
 * two processes appending to one log and compacting it on their own schedules would each truncate the other's
 * acknowledged writes away. A lock left by a process that no longer runs (killed) is taken over. Creating the
 * lock also creates the store's folder, so a folder the process cannot write is refused at start, not at the first write.
 * Resolves to the function that releases the lock.
 */
export async function lockStoreFile(file: string): Promise<() => Promise<void>> {
  const absolute = path.resolve(file);
  const lock = lockFileOf(absolute);
  const release = async () => {
    const count = (opened.get(absolute) ?? 1) - 1;
    if (count > 0) return void opened.set(absolute, count);
    opened.delete(absolute);
    await unlink(lock).catch(() => undefined);
  };
  const count = opened.get(absolute);
  if (count !== undefined) {
    opened.set(absolute, count + 1);
    return release;
  }
  try {
    await mkdir(path.dirname(absolute), { recursive: true });
    // Two attempts: the second follows the removal of a stale lock, which a process starting at the same moment may win.
    for (let attempt = 0; attempt < 2; attempt += 1) {
      if (await createLockFile(lock)) {
        opened.set(absolute, 1);
        return release;
      }
      const holder = Number((await readFile(lock, 'utf8').catch(() => '')).trim());
      if (Number.isSafeInteger(holder) && holder > 0 && holder !== process.pid && isRunning(holder)) break;
      await unlink(lock).catch(() => undefined);
    }
  } catch (error) {
    throw new StoreOpenError(absolute, `its lock file ${lock} cannot be created (${(error as Error).message})`, { cause: error });
  }
  const holder = (await readFile(lock, 'utf8').catch(() => '')).trim();
  throw new StoreOpenError(absolute, `it is in use by process ${holder || 'unknown'} (lock file ${lock}); stop that process, or delete the lock file if none uses the store`);
}
