// node bench/scale-only.mjs [--duration S] [--warmup S]: only the 100,000-return and IOM fixture-order scenarios of
// `npm run bench` (after `npm run build`), printed as a table; for checking a change to the store or the IOM plugin.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { writeBenchFixtures } from './fixtures.mjs';
import { runScaleScenarios } from './scale.mjs';
import { EMPORIX_HEADERS, requestFor } from './scenarios.mjs';
import { startOurs } from './servers.mjs';

const { values } = parseArgs({ options: { duration: { type: 'string' }, warmup: { type: 'string' } } });
const settings = { durationS: Number(values.duration ?? 5), warmupS: Number(values.warmup ?? 1), connections: 10 };
const temp = mkdtempSync(path.join(os.tmpdir(), 'returns-mock-scale-'));
const log = (text) => process.stderr.write(`${text}\n`);
try {
  const server = await startOurs({ db: path.join(temp, 'template.json'), fixtures: writeBenchFixtures(path.join(temp, 'fixtures')) });
  const { url, ...init } = requestFor('emporix create', server.base.emporix);
  const { id } = await (await fetch(url, init)).json();
  const template = await (await fetch(requestFor('emporix get-one', server.base.emporix, id).url, { headers: EMPORIX_HEADERS })).json();
  await server.stop();
  const scale = await runScaleScenarios({ temp, template, settings, log });
  console.log(`start-up with 100,000 returns: ${scale.startupMs.toFixed(0)} ms; peak RSS ${scale.peakRssMb?.toFixed(0)} MB`);
  console.table([...scale.lists, ...scale.iom]);
} finally {
  rmSync(temp, { recursive: true, force: true });
}
