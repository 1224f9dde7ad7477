import { Hono, type Context } from 'hono';
import { compilePattern, matchesPattern, prefixOfCatalogue, type CompiledPattern, type ContractRecorder, type JournalEntry } from '../contract/index.js';
import { readBody } from './read-body.js';

const problem = (message: string, field?: string) => ({ error: message, ...(field === undefined ? {} : { field }) });

/** The journal filter of `GET /__admin/requests`: the query parameters, checked; a string is the first problem. */
function readListFilter(c: Context): { filter: (entry: JournalEntry) => boolean; limit?: number } | { problem: ReturnType<typeof problem> } {
  const query = (name: string) => c.req.query(name);
  const violations = query('violations');
  if (violations !== undefined && violations !== 'true' && violations !== 'false')
    return { problem: problem(`violations must be true or false, not '${violations}'`, 'violations') };
  const status = query('status');
  if (status !== undefined && !/^\d{1,3}$/.test(status)) return { problem: problem(`status must be a status code such as 404, not '${status}'`, 'status') };
  // `since`: a sequence number (as the dashboard polls) or an ISO date-time (as WireMock's `since`).
  const since = query('since');
  let after: (entry: JournalEntry) => boolean = () => true;
  if (since !== undefined) {
    if (/^\d{1,15}$/.test(since)) after = (entry) => entry.seq > Number(since);
    else if (/^\d{4}-\d\d-\d\dT/.test(since) && !Number.isNaN(Date.parse(since))) after = (entry) => Date.parse(entry.time) > Date.parse(since);
    else return { problem: problem(`since must be a sequence number or an ISO date-time, not '${since}'`, 'since') };
  }
  const limitText = query('limit');
  if (limitText !== undefined && !(/^\d{1,15}$/.test(limitText) && Number(limitText) >= 1))
    return { problem: problem(`limit must be a whole number of at least 1, not '${limitText}'`, 'limit') };
  const [client, vendor, operationId] = [query('client'), query('vendor'), query('operationId')];
  return {
    filter: (entry) =>
      (client === undefined || entry.client === client) &&
      (vendor === undefined || entry.vendor === vendor) &&
      (operationId === undefined || entry.operationId === operationId) &&
      (status === undefined || entry.status === Number(status)) &&
      (violations !== 'true' || entry.violations.length > 0) &&
      after(entry),
    ...(limitText === undefined ? {} : { limit: Number(limitText) }),
  };
}

/** Reads and checks a posted pattern: the compiled pattern, or the 4xx answer naming the field. */
async function readPattern(c: Context, maxBodyBytes: number): Promise<{ compiled: CompiledPattern } | { answer: Response }> {
  const read = await readBody(c.req.raw, maxBodyBytes);
  if (read.kind === 'aborted') return { answer: c.body(null, 400) };
  if (read.kind === 'too-large') return { answer: c.json(problem(`the body is larger than the server's limit of ${maxBodyBytes} bytes (--max-body)`), 413) };
  const text = read.kind === 'body' ? new TextDecoder().decode(read.bytes) : '';
  let value: unknown = {};
  if (text.trim() !== '') {
    try {
      value = JSON.parse(text);
    } catch {
      return { answer: c.json(problem('the body must be a JSON request pattern, e.g. {"vendor":"emporix","operationId":"createReturn"}'), 400) };
    }
  }
  const checked = compilePattern(value);
  if ('problem' in checked) return { answer: c.json(problem(checked.problem.message, checked.problem.field), 400) };
  return checked;
}

/**
 * Request verification under `/__admin/requests`, named as WireMock names it: the journal listed and filtered, counted
 * and searched with a JSON pattern, and the requests that matched no operation with their near misses.
 */
export function createRequestRoutes(contract: ContractRecorder, maxBodyBytes: number): Hono {
  const routes = new Hono();
  const prefixOf = (vendor: string) =>
    prefixOfCatalogue(
      contract.catalogues.find((catalogue) => catalogue.vendor === vendor),
      vendor,
    );
  const matching = (compiled: CompiledPattern) => contract.journal.list().filter((entry) => matchesPattern(entry, compiled, prefixOf));

  routes.get('/', (c) => {
    const read = readListFilter(c);
    if ('problem' in read) return c.json(read.problem, 400);
    const entries = contract.journal.list().filter(read.filter);
    return c.json({ requests: read.limit === undefined ? entries : entries.slice(-read.limit), dropped: contract.journal.dropped() });
  });

  routes.post('/count', async (c) => {
    const read = await readPattern(c, maxBodyBytes);
    if ('answer' in read) return read.answer;
    return c.json({ count: matching(read.compiled).length, dropped: contract.journal.dropped() });
  });

  routes.post('/find', async (c) => {
    const read = await readPattern(c, maxBodyBytes);
    if ('answer' in read) return read.answer;
    return c.json({ requests: matching(read.compiled), dropped: contract.journal.dropped() });
  });

  routes.get('/unmatched', (c) => c.json({ requests: contract.unmatched(), dropped: contract.journal.dropped() }));

  return routes;
}
