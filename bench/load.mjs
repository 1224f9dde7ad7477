// One load run with autocannon (programmatic API): a warm-up whose numbers are dropped, then the measured run.
import autocannon from 'autocannon';

const run = (options) =>
  new Promise((resolve, reject) => {
    autocannon(options, (error, result) => (error ? reject(error) : resolve(result)));
  });

/**
 * Loads `url` with `connections` concurrent connections: `warmupS` seconds discarded, then `durationS` measured.
 * `request` is { method, headers, body } or, for a changing path, { method, headers, body, path: (i) => string }.
 */
export async function measure(url, request, { durationS, warmupS, connections = 10 }) {
  let n = 0;
  const requests =
    request.path === undefined
      ? undefined
      : [{ method: request.method, headers: request.headers, body: request.body, setupRequest: (req) => ({ ...req, path: request.path(n++) }) }];
  const options = { url, method: request.method, headers: request.headers, body: request.body, connections, requests };
  if (warmupS > 0) await run({ ...options, duration: warmupS });
  const result = await run({ ...options, duration: durationS });
  return {
    requestsPerSecond: Math.round(result.requests.average),
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    total: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
  };
}
