import { spawn } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI } from '../helpers/spawn-cli.js';
import { createTempDir } from '../store/temp-dir.js';

const RETURNS = '/emporix/return/acme/returns';
const HEADERS = { authorization: 'Bearer employee-token', 'content-type': 'application/json' };
/** A create whose `reason.details` carries `marker`, so the record read back can be told from any other. */
/** An employee's create: Emporix requires `requestor` and `submitter` from an employee. */
const body = (marker: string) =>
  JSON.stringify({
    orders: [{ id: 'O-1', items: [{ id: '32090', quantity: 1, reason: { code: '001' } }] }],
    reason: { code: '001', details: marker },
    requestor: { customerId: 'C-1' },
    submitter: { firstName: 'Erin', lastName: 'Employee', email: 'erin@acme.example' },
  });

interface Server {
  url: string;
  kill(): Promise<void>;
}

/** Starts `returns-mock serve` on a free port over the store file `db` (a real file, not --in-memory); bounded wait. */
function serve(db: string): Promise<Server> {
  const child = spawn(process.execPath, [CLI, 'serve', '--port', '0', '--vendors', 'emporix', '--db', db, '--log-level', 'silent'], { stdio: ['ignore', 'pipe', 'pipe'] });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`returns-mock did not start:\n${output}`));
    }, 15_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on (http:\/\/\S+)/.exec(output);
      if (match === null) return;
      clearTimeout(timer);
      resolve({
        url: match[1]!,
        kill: () => {
          child.kill('SIGKILL');
          return exited;
        },
      });
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    void exited.then(() => reject(new Error(`returns-mock exited before listening:\n${output}`)));
  });
}

/**
 * Sends creates from `workers` concurrent clients (at most `limit` in all) and kills the server with SIGKILL
 * once `killAfter` were answered 201, while the others are still in flight. Returns the acknowledged creates
 * (id and marker) and how many requests got no answer.
 */
async function createUntilKilled(server: Server, { workers, limit, killAfter }: { workers: number; limit: number; killAfter: number }) {
  const acknowledged: Array<{ id: string; marker: string }> = [];
  let sent = 0;
  let unanswered = 0;
  let killing: Promise<void> | undefined;
  const worker = async () => {
    while (sent < limit && killing === undefined) {
      const marker = `create-${(sent += 1)}`;
      try {
        const response = await fetch(`${server.url}${RETURNS}`, { method: 'POST', headers: HEADERS, body: body(marker), signal: AbortSignal.timeout(10_000) });
        const json = (await response.json()) as { id: string };
        if (response.status === 201) acknowledged.push({ id: json.id, marker });
        if (acknowledged.length >= killAfter) killing ??= server.kill();
      } catch {
        unanswered += 1; // the server died with this request in flight: never acknowledged
      }
    }
  };
  await Promise.all(Array.from({ length: workers }, worker));
  await (killing ?? server.kill());
  return { acknowledged, unanswered };
}

describe('durability of the real server across kill -9', () => {
  it.skipIf(process.platform === 'win32')('keeps every create it answered 201, starts again on the same store file, and keeps a second server off it', async () => {
    const db = path.join(await createTempDir(), 'data', 'store.json');
    const server = await serve(db);
    const { acknowledged, unanswered } = await createUntilKilled(server, { workers: 16, limit: 2_000, killAfter: 300 });
    expect(acknowledged.length).toBeGreaterThanOrEqual(300);
    expect(unanswered).toBeGreaterThan(0); // killed mid-load, not after the last answer

    const restarted = await serve(db);
    try {
      const read = await Promise.all(
        acknowledged.map(async ({ id }) => {
          const response = await fetch(`${restarted.url}${RETURNS}/${id}`, { headers: HEADERS, signal: AbortSignal.timeout(10_000) });
          return { id, marker: response.status === 200 ? ((await response.json()) as { reason: { details: string } }).reason.details : `status ${response.status}` };
        }),
      );
      expect(read).toEqual(acknowledged);
      // Two servers on one store would truncate each other's logged writes away at compaction: the second is refused.
      await expect(serve(db)).rejects.toThrow(/in use by process/);
    } finally {
      await restarted.kill();
    }
  });
});
