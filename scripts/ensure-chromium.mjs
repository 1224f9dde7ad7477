#!/usr/bin/env node
// Finds a Chromium for the browser tests, installing Debian's package when there is none and we may (root or sudo
// without a password). Run from `npm test`; the browser tests call the same function, so a single file run works too.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const SYSTEM_PATHS = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome'];

const HOW_TO_INSTALL =
  'Chromium is needed for the browser tests and none was found. Set CHROMIUM_PATH to a Chromium or Chrome binary, ' +
  'or install one: `npx playwright-core install chromium` (any system), `sudo apt-get install chromium` (Debian/Ubuntu).';

/** The first Chromium present: CHROMIUM_PATH, a browser Playwright installed, then the usual system paths. */
function findChromium(env) {
  if (env.CHROMIUM_PATH) {
    if (!existsSync(env.CHROMIUM_PATH)) throw new Error(`CHROMIUM_PATH is ${env.CHROMIUM_PATH}, which does not exist`);
    return env.CHROMIUM_PATH;
  }
  const playwright = chromium.executablePath();
  return [playwright, ...SYSTEM_PATHS].find((candidate) => candidate && existsSync(candidate));
}

/** `sudo -n` when we are not root and may use it without a password; `undefined` when we may not install at all. */
function privilegePrefix() {
  if (process.getuid?.() === 0) return [];
  return spawnSync('sudo', ['-n', 'true']).status === 0 ? ['sudo', '-n'] : undefined;
}

/** Installs Debian's `chromium` with apt-get; `false` when that is not possible here. */
function installDebianChromium() {
  const prefix = privilegePrefix();
  if (prefix === undefined || !existsSync('/usr/bin/apt-get')) return false;
  console.error("returns-mock: installing Debian's chromium for the browser tests (apt-get)…");
  const run = (args) =>
    spawnSync(prefix[0] ?? args[0], prefix.length === 0 ? args.slice(1) : [...prefix.slice(1), ...args], {
      stdio: ['ignore', 'ignore', 'inherit'],
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
  return run(['apt-get', 'update', '-qq']).status === 0 && run(['apt-get', 'install', '-y', '-qq', 'chromium']).status === 0;
}

/** The path of a Chromium binary, installed if need be; throws one message saying what to install otherwise. */
export function ensureChromium(env = process.env) {
  const found = findChromium(env);
  if (found !== undefined) return found;
  if (installDebianChromium()) {
    const installed = findChromium(env);
    if (installed !== undefined) return installed;
  }
  throw new Error(HOW_TO_INSTALL);
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  try {
    console.log(ensureChromium());
  } catch (error) {
    console.error(`returns-mock: ${error.message}`);
    process.exit(1);
  }
}
