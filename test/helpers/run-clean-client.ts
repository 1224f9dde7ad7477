import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { RunningMock } from '../../src/index.js';
import { vendorUrlVariable } from '../../src/cli/test-command.js';

const CLEAN_CLIENT = fileURLToPath(new URL('../../examples/clean-client.mjs', import.meta.url));

/** Runs `examples/clean-client.mjs` against a mock started in this process, as `returns-mock test` would (bounded). */
export function runCleanClient(mock: RunningMock): Promise<string> {
  const env: NodeJS.ProcessEnv = { ...process.env, RETURNS_MOCK_URL: mock.url };
  for (const engine of mock.engines) env[vendorUrlVariable(engine.plugin.id)] = mock.urlFor(engine.plugin.id);
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [CLEAN_CLIENT], { env, timeout: 30_000 }, (error, stdout, stderr) =>
      error === null ? resolve(stdout) : reject(new Error(`clean-client failed: ${error.message}\n${stdout}\n${stderr}`)),
    );
  });
}
