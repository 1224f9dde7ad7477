import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The built CLI (`npm test` builds before vitest runs). */
export const CLI = fileURLToPath(new URL('../../dist/bundle/returns-mock.js', import.meta.url));

export interface RunningCli {
  url: string;
  child: ChildProcess;
  output: () => string;
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/** Where and with what environment the CLI runs (default: this process's). */
export interface SpawnPlace {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
}

/** Starts `returns-mock` on an ephemeral port and resolves with its URL once it listens (bounded wait). */
export function startCli(args: string[] = [], timeoutMs = 15_000, place: SpawnPlace = {}): Promise<RunningCli> {
  const child = spawn(process.execPath, [CLI, 'serve', '--port', '0', '--in-memory', ...args], { stdio: ['ignore', 'pipe', 'pipe'], ...place });
  let output = '';
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`returns-mock did not start within ${timeoutMs} ms:\n${output}`));
    }, timeoutMs);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on (http:\/\/[^\s"]+)/.exec(output);
      if (match !== null) {
        clearTimeout(timer);
        resolve({
          url: match[1]!,
          child,
          output: () => output,
          stop: (signal = 'SIGTERM') => {
            child.kill(signal);
            return exited;
          },
        });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`returns-mock exited with ${code} before listening:\n${output}`));
    });
  });
}

/** Runs the CLI to completion (for argument errors, --help); bounded in time. */
export function runCli(args: string[], timeoutMs = 15_000, place: SpawnPlace = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], { stdio: ['ignore', 'pipe', 'pipe'], ...place });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}
