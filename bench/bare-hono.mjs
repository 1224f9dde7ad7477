// The ceiling for our stack: Hono on @hono/node-server with no validation and no state. Each route answers a
// fixed body of the size our server's answer to the same scenario has (sizes in bytes from the command line).
// Usage: node bench/bare-hono.mjs PORT GET_ONE_BYTES LIST_BYTES CREATE_BYTES
import { serve } from '@hono/node-server';
import { Hono } from 'hono';

const [port, oneBytes, listBytes, createBytes] = process.argv.slice(2).map(Number);
const filler = (bytes) => JSON.stringify({ data: 'x'.repeat(Math.max(0, bytes - 11)) });
const one = filler(oneBytes);
const list = filler(listBytes);
const created = filler(createBytes);
const json = { 'content-type': 'application/json; charset=utf-8' };

const app = new Hono();
app.get('/one', (c) => c.body(one, 200, json));
app.get('/list', (c) => c.body(list, 200, json));
app.post('/create', async (c) => {
  await c.req.arrayBuffer(); // read the body, as any server that accepts it must
  return c.body(created, 201, json);
});
serve({ fetch: app.fetch, port, hostname: '127.0.0.1' }, (info) => console.log(`bare hono listening on ${info.port}`));
