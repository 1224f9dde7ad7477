#!/usr/bin/env node
// Builds dist/ only when a source is newer than the last build, so a second `npm start` on an unchanged tree starts at once.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
/** Written after each successful build; its modification time is the build's. */
const STAMP = path.join(ROOT, 'dist', '.build-stamp');
const SOURCES = ['src', 'tsconfig.json', 'tsconfig.build.json', 'package.json', 'scripts/bundle-cli.mjs'];

/** The newest modification time under a file or folder (static dashboard files included: they are copied as they are). */
function newestMtime(entry) {
  const stats = statSync(entry);
  if (!stats.isDirectory()) return stats.mtimeMs;
  return readdirSync(entry).reduce((newest, name) => Math.max(newest, newestMtime(path.join(entry, name))), stats.mtimeMs);
}

const built = existsSync(STAMP) ? statSync(STAMP).mtimeMs : -1;
const changed = SOURCES.map((name) => path.join(ROOT, name)).filter((entry) => existsSync(entry) && newestMtime(entry) > built);
if (changed.length === 0) process.exit(0);

console.error(
  built < 0 ? 'returns-mock: building dist/ (first build)…' : `returns-mock: sources changed (${changed.map((entry) => path.relative(ROOT, entry)).join(', ')}), rebuilding dist/…`,
);
// tsc's incremental build info lives in dist/ (tsconfig.build.json), so only changed files are checked again.
const result = spawnSync(process.execPath, [path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', path.join(ROOT, 'tsconfig.build.json')], {
  stdio: 'inherit',
  cwd: ROOT,
});
if (result.status !== 0) process.exit(result.status ?? 1);
const bundled = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'bundle-cli.mjs')], { stdio: 'inherit', cwd: ROOT });
if (bundled.status !== 0) process.exit(bundled.status ?? 1);
writeFileSync(STAMP, `${new Date().toISOString()}\n`);
