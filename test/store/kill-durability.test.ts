import { spawn } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createStore } from '../../src/store/index.js';
import { buildStoreInto } from './build-store.js';
import { createTempDir } from './temp-dir.js';

/** Creates returns in bursts of 25 forever, printing each id once its transaction resolved. */
const WRITER = `
import { createStore } from './index.js';
const store = await createStore({ file: process.argv[2] });
const padding = 'x'.repeat(500);
for (;;) {
  await Promise.all(Array.from({ length: 25 }, () =>
    store.transact((tx) => {
      const id = tx.nextId('jtl', 'tenant-a', 'returns');
      tx.put('jtl', 'tenant-a', 'returns', String(id), { id, padding });
      return id;
    }).then((id) => process.stdout.write(id + '\\n'))));
}
`;

/** Runs the writer until it has acknowledged `atLeast` ids, kills it with SIGKILL, and returns every acknowledged id. */
function runAndKill(script: string, file: string, atLeast: number): Promise<number[]> {
  const child = spawn(process.execPath, [script, file], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.split('\n').length > atLeast) child.kill('SIGKILL');
    });
    child.on('error', reject);
    child.on('close', (_code, signal) => {
      if (signal !== 'SIGKILL') return reject(new Error(`writer ended without being killed: ${err}`));
      // stdout to a pipe is synchronous on Linux: whatever arrived was printed after its write was acknowledged.
      resolve(
        out
          .split('\n')
          .filter((line) => /^\d+$/.test(line))
          .map(Number),
      );
    });
  });
}

describe('durability across kill -9', () => {
  it.skipIf(process.platform === 'win32')('keeps every acknowledged transaction and a readable file when the process is killed mid-stream', async () => {
    const dir = await createTempDir();
    const script = path.join(dir, 'writer.js');
    await buildStoreInto(dir);
    await writeFile(script, WRITER);
    const file = path.join(dir, 'data', 'returns-mock.json');
    for (const atLeast of [300, 1_500]) {
      const acknowledged = await runAndKill(script, file, atLeast);
      expect(acknowledged.length).toBeGreaterThanOrEqual(atLeast);
      // The snapshot, once there, is never torn; the log may end in a torn line, which the store ignores.
      await readFile(file, 'utf8').then(
        (text) => JSON.parse(text) as unknown,
        (error: NodeJS.ErrnoException) => expect(error.code).toBe('ENOENT'),
      );
      const store = await createStore({ file });
      const missing = acknowledged.filter((id) => store.get('jtl', 'tenant-a', 'returns', String(id)) === undefined);
      expect(missing).toEqual([]);
      // Lets the next writer (another process) have the store: an open one is locked.
      await store.close();
    }
  });
});
