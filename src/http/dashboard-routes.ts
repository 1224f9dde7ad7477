import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Hono } from 'hono';
import { packagePath } from '../core/package-root.js';

/** The page's sources, shipped as they are in `src/http/dashboard/`, whether this runs from `src/` or `dist/`. */
const DASHBOARD_DIR = packagePath('src', 'http', 'dashboard');

const STYLESHEET_TAG = '<link rel="stylesheet" href="dashboard.css">';
const SCRIPT_TAG = '<script src="dashboard.js"></script>';

/** The dashboard as one document and the headers that go with it. */
interface DashboardPage {
  html: string;
  headers: Record<string, string>;
}

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

/**
 * Reads the three files and puts the stylesheet and script inline. One document means one request: with an admin
 * token the browser presents it (`?token=`) for the page only, and could not for separately loaded assets.
 */
function loadDashboardPage(): DashboardPage {
  const read = (name: string) => readFileSync(path.join(DASHBOARD_DIR, name), 'utf8');
  const [template, css, js] = [read('index.html'), read('dashboard.css'), read('dashboard.js')];
  if (!template.includes(STYLESHEET_TAG) || !template.includes(SCRIPT_TAG)) throw new Error(`dashboard index.html must contain ${STYLESHEET_TAG} and ${SCRIPT_TAG}`);
  if (/<\/(style|script)/i.test(css + js)) throw new Error('dashboard.css and dashboard.js must not close their own element');
  const html = template.replace(STYLESHEET_TAG, () => `<style>${css}</style>`).replace(SCRIPT_TAG, () => `<script>${js}</script>`);
  // Only this page's own inline code runs, it talks only to this server, and no other site may frame its reset button.
  const policy = `default-src 'none'; style-src ${sha256(css)}; script-src ${sha256(js)}; connect-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`;
  return {
    html,
    headers: {
      'content-type': 'text/html; charset=utf-8',
      'content-security-policy': policy,
      // The token may be in the page's URL: keep it out of the Referer of any link followed from the page.
      'referrer-policy': 'no-referrer',
      'x-content-type-options': 'nosniff',
      'cache-control': 'no-store',
    },
  };
}

let page: DashboardPage | undefined;

/** `GET /ui` (and `/ui/`) below `/__admin`: the dashboard page, read from disk once per process. */
export function createDashboardRoutes(): Hono {
  page ??= loadDashboardPage();
  const { html, headers } = page;
  const routes = new Hono();
  routes.get('/ui', (c) => c.body(html, 200, headers));
  routes.get('/ui/', (c) => c.body(html, 200, headers));
  return routes;
}
