// Starting, timing and measuring the servers under test: ours (the built CLI), Prism and the bare Hono route.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import net from 'node:net';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../', import.meta.url));
const CLI = fileURLToPath(new URL('../dist/bundle/returns-mock.js', import.meta.url));
const PRISM = fileURLToPath(new URL('./node_modules/@stoplight/prism-cli/dist/index.js', import.meta.url));
const BARE = fileURLToPath(new URL('./bare-hono.mjs', import.meta.url));

/** A free port on 127.0.0.1 (asked of the OS, then released). */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Servers still running: killed if the bench itself ends early (an error, Ctrl-C), so none is left behind. */
const running = new Set();
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});
process.once('SIGINT', () => process.exit(130));

/** Peak resident set size of a process in MB (VmHWM, Linux), or undefined elsewhere. */
export function peakRssMb(pid) {
  try {
    const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match === null ? undefined : Number(match[1]) / 1024;
  } catch {
    return undefined;
  }
}

/**
 * Spawns `node args…` and resolves once `probe` (a URL) gets any HTTP answer: start-up time is spawn to that
 * first answered request. Polls every 5 ms for at most `timeoutMs`.
 */
export async function startServer(name, args, probe, { timeoutMs = 60_000, headers = {} } = {}) {
  const started = performance.now();
  const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
  running.add(child);
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr += chunk.toString()).length > 10_000 && (stderr = stderr.slice(-10_000)));
  let exited = false;
  const exit = new Promise((resolve) => child.once('exit', () => ((exited = true), running.delete(child), resolve())));
  for (;;) {
    if (exited) throw new Error(`${name} exited before answering:\n${stderr}`);
    if (performance.now() - started > timeoutMs) {
      child.kill('SIGKILL');
      throw new Error(`${name} did not answer within ${timeoutMs} ms:\n${stderr}`);
    }
    try {
      await fetch(probe, { headers, signal: AbortSignal.timeout(1_000) });
      break;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  }
  const startupMs = performance.now() - started;
  return {
    name,
    pid: child.pid,
    startupMs,
    peakRssMb: () => peakRssMb(child.pid),
    async stop() {
      if (!exited) child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exit;
      clearTimeout(timer);
    },
  };
}

/** Our server, all four vendors, on a real store file (`db`); logging silent. */
export async function startOurs({ db, store, fixtures }) {
  const port = await freePort();
  const args = [
    CLI,
    'serve',
    '--port',
    String(port),
    ...(store === undefined ? ['--db', db] : ['--store', store]),
    '--log-level',
    'silent',
    ...(fixtures === undefined ? [] : ['--fixtures', fixtures]),
  ];
  const server = await startServer('returns-mock', args, `http://127.0.0.1:${port}/`);
  return { ...server, base: { emporix: `http://127.0.0.1:${port}/emporix`, intershop: `http://127.0.0.1:${port}/intershop` } };
}

/** Prism 5 mocking one vendor's spec, with its default logging or with `-v error`. */
export async function startPrism(vendor, { quiet }) {
  const port = await freePort();
  const args = [PRISM, 'mock', `specs/${vendor}.yaml`, '-p', String(port), '-h', '127.0.0.1', ...(quiet ? ['-v', 'error'] : [])];
  const server = await startServer(`prism${quiet ? ' -v error' : ''} (${vendor})`, args, `http://127.0.0.1:${port}/`);
  return { ...server, base: { [vendor]: `http://127.0.0.1:${port}` } };
}

/** The bare Hono route with bodies of the given sizes. */
export async function startBare({ oneBytes, listBytes, createBytes }) {
  const port = await freePort();
  const server = await startServer('bare hono', [BARE, String(port), String(oneBytes), String(listBytes), String(createBytes)], `http://127.0.0.1:${port}/one`);
  return { ...server, base: `http://127.0.0.1:${port}` };
}
