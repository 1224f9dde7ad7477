import { execFileSync, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** A private PostgreSQL started for the tests or the bench: a temp data directory, 127.0.0.1 on a free port. */
export interface PostgresServer {
  /** A superuser URL of its `postgres` database (trust authentication, loopback only). */
  url: string;
  /** The URL of another database on the same server. */
  urlOf(database: string): string;
  /** Stops the server and keeps its data, so `resume` brings the same databases back (an outage). */
  halt(): void;
  resume(): void;
  stop(): void;
}

/** The newest Debian PostgreSQL bin folder, installing the package (as root, `scripts/install-postgresql.sh`) when there is none. */
function findBinaries(): string {
  const find = () => {
    const base = '/usr/lib/postgresql';
    const versions = existsSync(base) ? readdirSync(base).filter((v) => existsSync(path.join(base, v, 'bin', 'initdb'))).sort((a, b) => Number(b) - Number(a)) : [];
    return versions.length > 0 ? path.join(base, versions[0]!, 'bin') : undefined;
  };
  const found = find();
  if (found !== undefined) return found;
  const install = spawnSync('bash', [path.join(ROOT, 'scripts', 'install-postgresql.sh')], { encoding: 'utf8', timeout: 600_000 });
  const installed = find();
  if (installed === undefined) {
    throw new Error(`PostgreSQL is needed by the tests and is not installed; installing Debian's 'postgresql' (scripts/install-postgresql.sh, as root) failed: ${(install.stderr || install.stdout || String(install.error)).trim()}`);
  }
  return installed;
}

/** A free TCP port on 127.0.0.1 (the server binds it a moment later). */
async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/**
 * Starts a private PostgreSQL: `initdb` and `pg_ctl` in a temp directory, listening on 127.0.0.1 at a free port and on
 * a socket in that directory. PostgreSQL refuses to run as root, so as root it runs as the system user `postgres`
 * (created by the Debian package) through `runuser`. `fsync` stays on: the durability tests mean it.
 */
export async function startPostgresServer(): Promise<PostgresServer> {
  const bin = findBinaries();
  const asRoot = userInfo().uid === 0;
  const dir = mkdtempSync(path.join(tmpdir(), 'returns-mock-pg-'));
  const run = (tool: string, args: string[]) => {
    const command = asRoot ? ['runuser', ['-u', 'postgres', '--', path.join(bin, tool), ...args]] as const : [path.join(bin, tool), args] as const;
    execFileSync(command[0], command[1], { stdio: 'pipe', timeout: 120_000 });
  };
  try {
    if (asRoot) {
      execFileSync('id', ['postgres'], { stdio: 'pipe' });
      chownSync(dir, Number(execFileSync('id', ['-u', 'postgres']).toString()), Number(execFileSync('id', ['-g', 'postgres']).toString()));
    }
    const data = path.join(dir, 'data');
    run('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '--no-sync', '-E', 'UTF8', '--locale=C']);
    const port = await freePort();
    const settings = `-c listen_addresses=127.0.0.1 -c port=${port} -c unix_socket_directories=${dir} -c max_connections=300 -c shared_buffers=32MB`;
    const start = () => run('pg_ctl', ['-D', data, '-l', path.join(dir, 'server.log'), '-o', settings, '-w', '-t', '60', 'start']);
    start();
    const urlOf = (database: string) => `postgres://postgres@127.0.0.1:${port}/${database}`;
    return {
      url: urlOf('postgres'),
      urlOf,
      halt: () => run('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']),
      resume: start,
      stop() {
        try {
          run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
        } finally {
          rmSync(dir, { recursive: true, force: true });
        }
      },
    };
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    const stderr = (error as { stderr?: Buffer }).stderr?.toString().trim();
    throw new Error(`cannot start the tests' PostgreSQL (${bin}): ${stderr || (error as Error).message}`, { cause: error });
  }
}
