import { spawn, type ChildProcess } from 'node:child_process';
import { access, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createStore, StoreOpenError } from '../../src/store/index.js';
import { lockFileOf } from '../../src/store/locking/store-lock.js';
import { buildStoreInto } from './build-store.js';
import { createTempDir } from './temp-dir.js';

/** Opens the store, writes one record, says `open` and keeps the store open until killed. */
const HOLDER = `
import { createStore } from './index.js';
const store = await createStore({ file: process.argv[2] });
await store.transact((tx) => tx.put('jtl', 't', 'returns', 'held', { by: process.pid }));
process.stdout.write('open\\n');
setInterval(() => undefined, 1_000);
`;

/** Starts the holder and resolves once it has the store open. */
function startHolder(script: string, file: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, [script, file], { stdio: ['ignore', 'pipe', 'pipe'] });
  let err = '';
  child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('open')) resolve(child);
    });
    child.on('error', reject);
    child.on('exit', () => reject(new Error(`holder ended before opening the store: ${err}`)));
  });
}

const killed = (child: ChildProcess) =>
  new Promise<void>((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });

describe('one process per store file', () => {
  it.skipIf(process.platform === 'win32')('refuses a store another running process has open, and takes it over once that process is killed', async () => {
    const dir = await createTempDir();
    const script = path.join(dir, 'holder.js');
    await buildStoreInto(dir);
    await writeFile(script, HOLDER);
    const file = path.join(dir, 'data', 'returns-mock.json');
    const holder = await startHolder(script, file);
    try {
      const log = await readFile(`${file}.log`, 'utf8');
      const error: unknown = await createStore({ file }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(StoreOpenError);
      expect((error as StoreOpenError).problem).toContain(`in use by process ${holder.pid}`);
      // The refused open changed nothing: the holder's log is not folded away under it.
      expect(await readFile(`${file}.log`, 'utf8')).toBe(log);
    } finally {
      await killed(holder);
    }
    // kill -9 leaves its lock behind; the process is gone, so the lock is stale and the store opens with the holder's write.
    const store = await createStore({ file });
    expect(store.get('jtl', 't', 'returns', 'held')).toEqual({ by: holder.pid });
    expect((await readFile(lockFileOf(file), 'utf8')).trim()).toBe(String(process.pid));
    await store.close();
    await expect(access(lockFileOf(file))).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('lets this process reopen its own store (a replay after a simulated crash) and keeps the lock until the last close', async () => {
    const file = path.join(await createTempDir(), 'returns-mock.json');
    const first = await createStore({ file });
    await first.transact((tx) => tx.put('jtl', 't', 'returns', '1', {}));
    const second = await createStore({ file });
    expect(second.count('jtl', 't', 'returns')).toBe(1);
    await second.close();
    await access(lockFileOf(file));
    await first.close();
    await expect(access(lockFileOf(file))).rejects.toMatchObject({ code: 'ENOENT' });
  });
});
