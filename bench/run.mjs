// npm run bench: returns-mock side by side with Prism and a bare Hono route, on one machine in one run.
// Options: --duration S (measured seconds per scenario, default 10), --warmup S (default 2), --connections N
// (default 10), --quick (2 s runs, 0.5 s warm-up). Writes bench/results/<date>.json and bench/results/latest.md.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { IOM_ORDERS, writeBenchFixtures } from './fixtures.mjs';
import { measure } from './load.mjs';
import { populateStore } from './populate.mjs';
import { runScaleScenarios, SCALE_RETURNS } from './scale.mjs';
import { renderResults } from './report.mjs';
import { bareRequestFor, EMPORIX_CREATE_BODY, EMPORIX_HEADERS, requestFor, SCENARIOS } from './scenarios.mjs';
import { ROOT, startBare, startOurs, startPrism } from './servers.mjs';
import { startPostgresServer } from '../scripts/postgres-server.mjs';

const { values } = parseArgs({ options: { duration: { type: 'string' }, warmup: { type: 'string' }, connections: { type: 'string' }, quick: { type: 'boolean' } } });
const settings = {
  durationS: Number(values.duration ?? (values.quick ? 2 : 10)),
  warmupS: Number(values.warmup ?? (values.quick ? 0.5 : 2)),
  connections: Number(values.connections ?? 10),
};
const SIZES = [0, 10_000, 100_000];
const RETURNS_FOR_LIST = 100;

const temp = mkdtempSync(path.join(os.tmpdir(), 'returns-mock-bench-'));
const fixtures = writeBenchFixtures(path.join(temp, 'fixtures'));
const runs = [];
const processes = [];
const scaling = [];
const log = (text) => process.stderr.write(`${text}\n`);

async function load(scenario, server, request) {
  log(`  ${scenario} on ${server}…`);
  const { url, ...rest } = request;
  const result = await measure(url, rest, settings);
  runs.push({ scenario, server, ...result });
  return result;
}

/** Creates one Emporix return on `base` and returns its id. */
async function createReturn(base) {
  const { url, ...init } = requestFor('emporix create', base);
  const response = await fetch(url, init);
  if (response.status !== 201) throw new Error(`create answered ${response.status}: ${await response.text()}`);
  return (await response.json()).id;
}

const bytesOf = async ({ url, ...init }) => (await (await fetch(url, init)).arrayBuffer()).byteLength;

try {
  // Start-up: spawn to first answered request, all four specs compiled, bundled fixtures, empty store; median of 3.
  const startups = [];
  for (let i = 0; i < 3; i += 1) {
    const server = await startOurs({ db: path.join(temp, `startup-${i}.json`) });
    startups.push(server.startupMs);
    await server.stop();
  }
  const coldStartupMs = startups[0];
  const oursStartupMs = [...startups].sort((a, b) => a - b)[1];
  log(`returns-mock start-up: ${startups.map((ms) => ms.toFixed(0)).join(', ')} ms`);

  // Ours: a real store file; the list runs over RETURNS_FOR_LIST stored returns, all matching q.
  const ours = await startOurs({ db: path.join(temp, 'ours.json'), fixtures });
  const ids = [];
  for (let i = 0; i < RETURNS_FOR_LIST; i += 1) ids.push(await createReturn(ours.base.emporix));
  const sizes = {
    oneBytes: await bytesOf(requestFor('emporix get-one', ours.base.emporix, ids[0])),
    listBytes: await bytesOf(requestFor('emporix list', ours.base.emporix)),
    createBytes: JSON.stringify({ id: ids[0] }).length,
  };
  const template = await (await fetch(requestFor('emporix get-one', ours.base.emporix, ids[0]).url, { headers: EMPORIX_HEADERS })).json();
  log('returns-mock:');
  for (const scenario of SCENARIOS) await load(scenario, 'returns-mock', requestFor(scenario, scenario === 'iom create' ? ours.base.intershop : ours.base.emporix, ids[0]));
  processes.push({ server: 'returns-mock (4 specs)', startupMs: oursStartupMs, peakRssMb: ours.peakRssMb() });
  await ours.stop();

  // The same scenarios on PostgreSQL (a private server, fsync on): one replica, then two sharing the database, the
  // load split evenly over both (two load generators, half the connections each; req/s summed, p99 the worse one).
  const postgres = await startPostgresServer();
  try {
    for (const count of [1, 2]) {
      const name = `returns-mock, PostgreSQL ×${count}`;
      log(`${name}:`);
      const replicas = [];
      for (let i = 0; i < count; i += 1) replicas.push(await startOurs({ store: postgres.url, fixtures }));
      await fetch(new URL('/__admin/reset', replicas[0].base.emporix), { method: 'POST' }); // each row starts from an empty database
      const id = await createReturn(replicas[0].base.emporix);
      for (const scenario of SCENARIOS) {
        log(`  ${scenario} on ${name}…`);
        const parts = await Promise.all(
          replicas.map((replica) => {
            const { url, ...rest } = requestFor(scenario, scenario === 'iom create' ? replica.base.intershop : replica.base.emporix, id);
            return measure(url, rest, { ...settings, connections: Math.max(1, Math.round(settings.connections / count)) });
          }),
        );
        const sum = (key) => parts.reduce((total, part) => total + part[key], 0);
        runs.push({
          scenario,
          server: name,
          requestsPerSecond: sum('requestsPerSecond'),
          p50Ms: Math.max(...parts.map((p) => p.p50Ms)),
          p99Ms: Math.max(...parts.map((p) => p.p99Ms)),
          total: sum('total'),
          non2xx: sum('non2xx'),
          errors: sum('errors'),
        });
      }
      processes.push({ server: name, startupMs: replicas[0].startupMs, peakRssMb: Math.max(...replicas.map((replica) => replica.peakRssMb() ?? 0)) || undefined });
      for (const replica of replicas) await replica.stop();
    }
  } finally {
    postgres.stop();
  }

  log('bare hono:');
  const bare = await startBare(sizes);
  for (const scenario of SCENARIOS) await load(scenario, 'bare hono', bareRequestFor(scenario, bare.base));
  processes.push({ server: 'bare hono', startupMs: bare.startupMs, peakRssMb: bare.peakRssMb() });
  await bare.stop();

  for (const quiet of [false, true]) {
    const name = quiet ? 'prism -v error' : 'prism';
    log(`${name}:`);
    let startupMs;
    let peak = 0;
    for (const vendor of ['emporix', 'intershop']) {
      const prism = await startPrism(vendor, { quiet });
      if (vendor === 'emporix') startupMs = prism.startupMs;
      for (const scenario of SCENARIOS.filter((s) => s.startsWith(vendor === 'emporix' ? 'emporix' : 'iom'))) {
        await load(scenario, name, requestFor(scenario, prism.base[vendor], ids[0]));
      }
      peak = Math.max(peak, prism.peakRssMb() ?? 0);
      await prism.stop();
    }
    processes.push({ server: `${name} (1 spec, emporix)`, startupMs, peakRssMb: peak || undefined });
  }

  // Scaling: the store file is written directly in the on-disk format (a snapshot of copies of a created return).
  log('scaling:');
  for (const stored of SIZES) {
    const db = path.join(temp, `scaling-${stored}.json`);
    const storedIds = populateStore(db, { count: Math.max(stored, 1), template });
    const server = await startOurs({ db, fixtures });
    const id = storedIds[Math.floor(storedIds.length / 2)];
    for (const scenario of ['emporix get-one', 'emporix create']) {
      log(`  ${stored} stored: ${scenario}…`);
      const { url, ...request } = requestFor(scenario, server.base.emporix, id);
      const result = await measure(url, request, settings);
      scaling.push({ stored, scenario, ...result, startupMs: server.startupMs });
    }
    const peakRssMb = server.peakRssMb();
    for (const row of scaling.filter((r) => r.stored === stored)) row.peakRssMb = peakRssMb;
    await server.stop();
  }

  log('100,000 returns and 10,000 IOM orders:');
  const scale = await runScaleScenarios({ temp, template, settings, log });

  const find = (scenario, server) => runs.find((r) => r.scenario === scenario && r.server === server);
  const ratios = SCENARIOS.map((scenario) => {
    const mine = find(scenario, 'returns-mock');
    const bareRun = find(scenario, 'bare hono');
    const prismBest = Math.max(...['prism', 'prism -v error'].map((s) => find(scenario, s)?.requestsPerSecond ?? 0));
    return {
      scenario,
      oursOverBare: mine.requestsPerSecond / bareRun.requestsPerSecond,
      oursOverPrism: prismBest > 0 ? mine.requestsPerSecond / prismBest : undefined,
      p99OverBare: mine.p99Ms / Math.max(bareRun.p99Ms, 1),
    };
  });
  const ratio = (scenario) => ratios.find((r) => r.scenario === scenario);
  const scaled = (stored, scenario) => scaling.find((r) => r.stored === stored && r.scenario === scenario);
  const create0 = scaled(0, 'emporix create');
  const create100k = scaled(100_000, 'emporix create');
  const pctText = (value) => `${Math.round(value * 100)}%`;
  const [byOrder, byStatus, firstPage, deepPage] = scale.lists;
  const iomRow = (orders, scenario) => scale.iom.find((r) => r.orders === orders && r.scenario === scenario);
  const peak100k = Math.max(create100k.peakRssMb ?? 0, scale.peakRssMb ?? 0) || undefined;
  const targets = [
    ...[
      ['emporix get-one', 0.5],
      ['emporix list', 0.4],
      ['emporix create', 0.35],
      ['iom create', 0.3],
    ].map(([scenario, share]) => ({
      target: `${scenario} ≥ ${share * 100}% of bare Hono req/s${scenario.endsWith('create') ? ' (durable)' : ''}`,
      measured: pctText(ratio(scenario).oursOverBare),
      met: ratio(scenario).oursOverBare >= share,
    })),
    ...SCENARIOS.map((scenario) => ({
      target: `${scenario} ≥ 3× Prism's best req/s`,
      measured: `${ratio(scenario).oursOverPrism?.toFixed(1)}×`,
      met: (ratio(scenario).oursOverPrism ?? 0) >= 3,
    })),
    ...SCENARIOS.map((scenario) => ({ target: `${scenario} p99 ≤ 3× bare Hono's`, measured: `${ratio(scenario).p99OverBare.toFixed(1)}×`, met: ratio(scenario).p99OverBare <= 3 })),
    ...[byOrder, byStatus, firstPage, deepPage].map((row) => ({
      target: `${SCALE_RETURNS.toLocaleString('en')} returns, ${row.scenario}: p99 ≤ 20 ms`,
      measured: `${row.p99Ms} ms`,
      met: row.p99Ms <= 20,
    })),
    {
      target: 'deep page no slower than 2× the first page (p50)',
      measured: `${(deepPage.p50Ms / Math.max(firstPage.p50Ms, 1)).toFixed(1)}×`,
      met: deepPage.p50Ms <= 2 * Math.max(firstPage.p50Ms, 1),
    },
    ...['iom create', 'iom returnables'].map((scenario) => {
      const slower = iomRow(100, scenario).requestsPerSecond / iomRow(10_000, scenario).requestsPerSecond;
      // "No slower" within run-to-run noise, which on a shared machine is about 10%.
      return { target: `${scenario} with 10,000 fixture orders no slower than with 100 (req/s, 10% noise)`, measured: `${slower.toFixed(2)}× (100 ÷ 10,000)`, met: slower <= 1.1 };
    }),
    {
      target: 'start-up, all four specs loaded ≤ 400 ms (warm: median of 3; validators compile on first use)',
      measured: `${oursStartupMs.toFixed(0)} ms`,
      met: oursStartupMs <= 400,
    },
    { target: 'start-up ≤ 700 ms cold (the first of the 3)', measured: `${coldStartupMs.toFixed(0)} ms`, met: coldStartupMs <= 700 },
    { target: `start-up with ${SCALE_RETURNS.toLocaleString('en')} stored returns ≤ 1 s`, measured: `${scale.startupMs.toFixed(0)} ms`, met: scale.startupMs <= 1000 },
    {
      target: `peak RSS with ${SCALE_RETURNS.toLocaleString('en')} returns stored, under load ≤ 200 MB`,
      measured: `${peak100k?.toFixed(0)} MB`,
      met: peak100k !== undefined && peak100k <= 200,
    },
  ];

  const results = {
    date: new Date().toISOString(),
    machine: { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model.trim() ?? 'unknown', node: process.version, platform: `${os.platform()} ${os.release()}` },
    settings: {
      ...settings,
      listStored: RETURNS_FOR_LIST,
      responseBytes: sizes,
      iomOrders: IOM_ORDERS,
      scalingPopulation: 'store file written directly in the on-disk format (version-2 snapshot), copies of one created return with fresh ids',
    },
    note: 'The load generator (autocannon, in the bench process) and the server under test share the same cores.',
    runs,
    ratios,
    processes,
    scaling,
    scale,
    targets,
  };
  const dir = path.join(ROOT, 'bench', 'results');
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, `${results.date.slice(0, 10)}.json`), `${JSON.stringify(results, null, 2)}\n`);
  writeFileSync(
    path.join(dir, 'latest.md'),
    `# Benchmark results\n\nProduced by \`npm run bench${process.argv.slice(2).length > 0 ? ` -- ${process.argv.slice(2).join(' ')}` : ''}\`.\n\n${renderResults(results, true)}\n`,
  );
  console.log(renderResults(results, false));
  console.log(`\nWritten: bench/results/${results.date.slice(0, 10)}.json, bench/results/latest.md`);
} finally {
  rmSync(temp, { recursive: true, force: true });
}
