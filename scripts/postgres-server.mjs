// A private PostgreSQL for the tests (test/helpers/postgres-global-setup.ts) and the bench (bench/run.mjs): initdb and
// pg_ctl in a temp directory, 127.0.0.1 on a free port plus a socket in that directory, stopped after.
import { execFileSync, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const SCRIPTS = path.dirname(fileURLToPath(import.meta.url));

/** The newest Debian PostgreSQL bin folder, installing the package (as root, install-postgresql.sh) when there is none. */
function findBinaries() {
  const find = () => {
    const base = '/usr/lib/postgresql';
    const versions = existsSync(base)
      ? readdirSync(base)
          .filter((v) => existsSync(path.join(base, v, 'bin', 'initdb')))
          .sort((a, b) => Number(b) - Number(a))
      : [];
    return versions.length > 0 ? path.join(base, versions[0], 'bin') : undefined;
  };
  const found = find();
  if (found !== undefined) return found;
  const install = spawnSync('bash', [path.join(SCRIPTS, 'install-postgresql.sh')], { encoding: 'utf8', timeout: 600_000 });
  const installed = find();
  if (installed === undefined) {
    throw new Error(
      `PostgreSQL is needed and is not installed; installing Debian's 'postgresql' (scripts/install-postgresql.sh, as root) failed: ${(install.stderr || install.stdout || String(install.error)).trim()}`,
    );
  }
  return installed;
}

/** A free TCP port on 127.0.0.1 (the server binds it a moment later). */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/**
 * Starts a private PostgreSQL. It refuses to run as root, so as root it runs as the system user `postgres` (created
 * by the Debian package) through `runuser`, owning the temp directory. `fsync` stays on: the durability tests mean it.
 * @returns {Promise<import('./postgres-server.d.mts').PostgresServer>}
 */
export async function startPostgresServer() {
  const bin = findBinaries();
  const asRoot = userInfo().uid === 0;
  const dir = mkdtempSync(path.join(tmpdir(), 'returns-mock-pg-'));
  const run = (tool, args) => {
    const [command, argv] = asRoot ? ['runuser', ['-u', 'postgres', '--', path.join(bin, tool), ...args]] : [path.join(bin, tool), args];
    execFileSync(command, argv, { stdio: 'pipe', timeout: 120_000 });
  };
  try {
    if (asRoot) chownSync(dir, Number(execFileSync('id', ['-u', 'postgres']).toString()), Number(execFileSync('id', ['-g', 'postgres']).toString()));
    const data = path.join(dir, 'data');
    run('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '--no-sync', '-E', 'UTF8', '--locale=C']);
    const port = await freePort();
    const settings = `-c listen_addresses=127.0.0.1 -c port=${port} -c unix_socket_directories=${dir} -c max_connections=300 -c shared_buffers=32MB`;
    const start = () => run('pg_ctl', ['-D', data, '-l', path.join(dir, 'server.log'), '-o', settings, '-w', '-t', '60', 'start']);
    start();
    const urlOf = (database) => `postgres://postgres@127.0.0.1:${port}/${database}`;
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
    const stderr = error.stderr?.toString().trim();
    throw new Error(`cannot start a private PostgreSQL (${bin}): ${stderr || error.message}`, { cause: error });
  }
}
