// The result tables: plain text for the terminal, Markdown for bench/results/latest.md.
const fmt = (value, digits = 0) => (value === undefined || value === null || Number.isNaN(value) ? '–' : Number(value).toFixed(digits));
const pct = (ratio) => (ratio === undefined ? '–' : `${Math.round(ratio * 100)}%`);

/** Rows of cells → an aligned text table or a Markdown table. */
function table(header, rows, markdown) {
  if (markdown) return [`| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`, ...rows.map((row) => `| ${row.join(' | ')} |`)].join('\n');
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => String(row[i]).length)));
  const line = (cells) => cells.map((cell, i) => String(cell).padEnd(widths[i])).join('  ');
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

/** Every table of a result, as text (`markdown` false) or Markdown. */
export function renderResults(results, markdown) {
  const parts = [];
  const heading = (text) => parts.push(markdown ? `\n### ${text}\n` : `\n== ${text}`);
  parts.push(
    `${markdown ? '' : 'returns-mock benchmark: '}${results.date}, ${results.machine.cpus} × ${results.machine.cpuModel}, Node ${results.machine.node}; ${results.settings.durationS} s per scenario after ${results.settings.warmupS} s warm-up, ${results.settings.connections} connections.`,
    `Load generator (autocannon, in the bench process) and the server under test share the same ${results.machine.cpus} cores, on 127.0.0.1.`,
    `Ours: \`serve\` with all four specs, a real store file (append-only log, fsync per group commit), log level silent. Emporix list: ${results.settings.listStored} stored returns, all matching q, pageSize=10. IOM creates spread over ${results.settings.iomOrders} fixture orders. Bare Hono bodies: ${results.settings.responseBytes.oneBytes} B (get-one), ${results.settings.responseBytes.listBytes} B (list), ${results.settings.responseBytes.createBytes} B (create), as ours. Latencies have a resolution of 1 ms (ratios divide by at least 1 ms).`,
  );
  heading('Throughput and latency');
  parts.push(
    table(
      ['scenario', 'server', 'req/s', 'p50 ms', 'p99 ms', 'non-2xx', 'errors'],
      results.runs.map((r) => [r.scenario, r.server, fmt(r.requestsPerSecond), fmt(r.p50Ms), fmt(r.p99Ms), fmt(r.non2xx), fmt(r.errors)]),
      markdown,
    ),
  );
  heading('Ratios (req/s; p99)');
  parts.push(
    table(
      ['scenario', 'ours / bare Hono', 'ours / Prism best', 'p99 ours / bare Hono'],
      results.ratios.map((r) => [
        r.scenario,
        pct(r.oursOverBare),
        r.oursOverPrism === undefined ? '–' : `${fmt(r.oursOverPrism, 1)}×`,
        r.p99OverBare === undefined ? '–' : `${fmt(r.p99OverBare, 1)}×`,
      ]),
      markdown,
    ),
  );
  heading('Start-up and memory');
  parts.push(
    table(
      ['server', 'start-up ms', 'peak RSS MB'],
      results.processes.map((p) => [p.server, fmt(p.startupMs), fmt(p.peakRssMb)]),
      markdown,
    ),
  );
  heading('Scaling with stored returns (ours, Emporix)');
  parts.push(
    table(
      ['stored', 'scenario', 'req/s', 'p50 ms', 'p99 ms', 'non-2xx', 'start-up ms', 'peak RSS MB'],
      results.scaling.map((r) => [
        r.stored.toLocaleString('en'),
        r.scenario,
        fmt(r.requestsPerSecond),
        fmt(r.p50Ms),
        fmt(r.p99Ms),
        fmt(r.non2xx),
        fmt(r.startupMs),
        fmt(r.peakRssMb),
      ]),
      markdown,
    ),
  );
  if (results.scale !== undefined) {
    heading(`One tenant with 100,000 Emporix returns (start-up ${fmt(results.scale.startupMs)} ms, peak RSS ${fmt(results.scale.peakRssMb)} MB)`);
    parts.push(
      table(
        ['scenario', 'req/s', 'p50 ms', 'p99 ms', 'non-2xx'],
        results.scale.lists.map((r) => [r.scenario, fmt(r.requestsPerSecond), fmt(r.p50Ms), fmt(r.p99Ms), fmt(r.non2xx)]),
        markdown,
      ),
    );
    heading('IOM by number of fixture orders');
    parts.push(
      table(
        ['fixture orders', 'scenario', 'req/s', 'p50 ms', 'p99 ms', 'non-2xx'],
        results.scale.iom.map((r) => [r.orders.toLocaleString('en'), r.scenario, fmt(r.requestsPerSecond), fmt(r.p50Ms), fmt(r.p99Ms), fmt(r.non2xx)]),
        markdown,
      ),
    );
  }
  heading('Targets');
  parts.push(
    table(
      ['target', 'measured', 'met'],
      results.targets.map((t) => [t.target, t.measured, t.met ? 'yes' : 'NO']),
      markdown,
    ),
  );
  return parts.join('\n');
}
