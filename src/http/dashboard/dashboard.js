// The returns-mock dashboard: polls the admin API and renders with textContent only (no HTML from data).
'use strict';

(() => {
  const POLL_MS = 1000;
  /** Coverage and stored data change only with traffic or a reset; between those they are refreshed this seldom. */
  const SLOW_REFRESH_TICKS = 5;
  /** Most journal entries kept on the page; the server keeps its own limit. */
  const MAX_ROWS = 500;

  const token = new URLSearchParams(location.search).get('token');
  const adminBase = location.pathname.replace(/\/ui\/?$/, '');
  const authHeaders = token === null ? {} : { 'x-admin-token': token };

  let lastSeq = 0;
  let tick = 0;
  let prefixes = new Map();
  const lastRendered = new Map();

  async function api(path, init = {}) {
    const response = await fetch(adminBase + path, { ...init, cache: 'no-store', headers: { ...authHeaders, accept: 'application/json' } });
    if (!response.ok) throw new Error(`${init.method ?? 'GET'} ${adminBase}${path}: ${response.status}`);
    return response.json();
  }

  /** Builds an element; strings among the children become text nodes, never markup. */
  function el(tag, attributes = {}, ...children) {
    const element = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes)) {
      if (value === undefined || value === null || value === false) continue;
      if (name === 'class') element.className = value;
      else element.setAttribute(name, String(value));
    }
    for (const child of children.flat()) if (child !== undefined && child !== null) element.append(child);
    return element;
  }

  function setStatus(text, kind) {
    const status = document.getElementById('status');
    status.textContent = text;
    status.className = `status ${kind}`;
  }

  /** Replaces a region's content only when its data changed, keeping open `<details>` open. */
  function renderInto(id, data, render) {
    const key = JSON.stringify(data);
    if (lastRendered.get(id) === key) return;
    lastRendered.set(id, key);
    const region = document.getElementById(id);
    const open = new Set([...region.querySelectorAll('details[open]')].map((details) => details.dataset.key));
    region.replaceChildren(...render(data));
    for (const details of region.querySelectorAll('details')) if (open.has(details.dataset.key)) details.open = true;
  }

  function bar(exercised, offered) {
    const share = offered === 0 ? 1 : exercised / offered;
    const fill = el('span');
    // Through the CSSOM: the page's content security policy refuses style attributes.
    fill.style.width = `${(share * 100).toFixed(1)}%`;
    return el('span', { class: 'bar', role: 'img', 'aria-label': `${Math.floor(share * 100)}%` }, fill);
  }

  function vendorSection(vendor) {
    const prefix = prefixes.get(vendor.id);
    const rows = vendor.operations.map((operation) =>
      el(
        'tr',
        { class: operation.requests > 0 ? 'operation exercised' : 'operation unexercised', 'data-operation': operation.operationId },
        el('td', {}, el('code', {}, operation.operationId), el('br'), el('small', {}, `${operation.method} ${operation.pathTemplate}`)),
        el('td', { class: 'num requests' }, String(operation.requests)),
        el(
          'td',
          { class: 'codes' },
          operation.statuses.length === 0
            ? '–'
            : operation.statuses.map((s) => el('span', { class: s.documented ? 'code' : 'code undocumented', title: s.documented ? 'documented' : 'not documented by the spec' }, `${s.status} ×${s.count}`)),
        ),
        el('td', { class: 'num' }, String(operation.violatingRequests)),
      ),
    );
    return el(
      'section',
      { class: 'vendor', 'data-vendor': vendor.id },
      el('h3', {}, vendor.title, ' ', el('small', {}, `${vendor.id}${prefix === undefined ? '' : ` at ${prefix}`}`)),
      el(
        'p',
        {},
        bar(vendor.coverage.exercised, vendor.coverage.offered),
        ' ',
        el('span', { class: 'coverage', 'data-exercised': vendor.coverage.exercised, 'data-offered': vendor.coverage.offered }, `${vendor.coverage.exercised} of ${vendor.coverage.offered} operations exercised`),
        `; ${vendor.requests} request${vendor.requests === 1 ? '' : 's'}`,
        vendor.clients.length === 0 ? '' : ` from ${vendor.clients.join(', ')}`,
      ),
      el('table', { class: 'operations' }, el('thead', {}, el('tr', {}, el('th', {}, 'operation'), el('th', {}, 'requests'), el('th', {}, 'codes seen'), el('th', {}, 'violating'))), el('tbody', {}, rows)),
    );
  }

  function renderVendors({ vendors }) {
    return vendors.length === 0 ? [el('p', { class: 'empty' }, 'No vendors are mounted.')] : vendors.map(vendorSection);
  }

  function collectionDetails(vendor, tenant, name, records) {
    const key = JSON.stringify([vendor, tenant, name]);
    return el(
      'details',
      { class: 'collection', 'data-key': key, 'data-collection': name, 'data-count': records.length },
      el('summary', {}, el('code', {}, name), `: ${records.length} record${records.length === 1 ? '' : 's'}`),
      records.map(([id, record]) => el('div', { class: 'record', 'data-id': id }, el('strong', {}, `id ${id}`), el('pre', {}, JSON.stringify(record, null, 2)))),
    );
  }

  function renderState(state) {
    const vendors = Object.entries(state.vendors ?? {});
    if (vendors.length === 0) return [el('p', { class: 'empty' }, 'Nothing is stored.')];
    return vendors.map(([vendor, tenants]) =>
      el(
        'div',
        { class: 'stored-vendor', 'data-vendor': vendor },
        el('h3', {}, vendor),
        Object.entries(tenants).map(([tenant, partition]) =>
          el(
            'div',
            { class: 'tenant', 'data-tenant': tenant },
            el('h4', {}, `tenant ${tenant}`),
            Object.entries(partition.collections).map(([name, records]) => collectionDetails(vendor, tenant, name, records)),
          ),
        ),
      ),
    );
  }

  function requestLine(request) {
    return `${request.method} ${request.path}${request.query === '' ? '' : `?${request.query}`}`;
  }

  function scenarioNote(scenario) {
    if (scenario === undefined) return '';
    const parts = [];
    if (scenario.code !== undefined) parts.push(`forced ${scenario.code}`);
    if (scenario.example !== undefined) parts.push(`example ${scenario.example}`);
    if (scenario.dynamic) parts.push('dynamic');
    if (scenario.delayMs !== undefined) parts.push(`delay ${scenario.delayMs} ms`);
    if (scenario.fault !== undefined) parts.push(`fault ${scenario.fault}`);
    return parts.length === 0 ? '' : ` (${parts.join(', ')})`;
  }

  function journalRows(entry) {
    // Risks, notices and usage findings are shown, but only a violation marks the row (as only it fails a verdict by default).
    const violating = entry.violations.some((v) => (v.level ?? 'violation') === 'violation');
    const classes = ['entry', violating ? 'violation' : '', entry.scenario === undefined ? '' : 'scenario', entry.lenient ? 'lenient' : ''].filter(Boolean).join(' ');
    const row = el(
      'tr',
      { class: classes, 'data-seq': entry.seq, 'data-vendor': entry.vendor },
      el('td', { class: 'num seq' }, String(entry.seq)),
      el('td', { class: 'time', title: entry.time }, entry.time.slice(11, 23)),
      el('td', { class: 'client' }, entry.client),
      el('td', { class: 'vendor' }, entry.vendor),
      el('td', { class: 'request' }, el('code', {}, requestLine(entry.request))),
      el('td', { class: 'operation', title: entry.operationId ?? '' }, entry.operationId ?? '(none)'),
      el('td', { class: 'status' }, `${entry.status}${scenarioNote(entry.scenario)}${entry.lenient ? ' (lenient)' : ''}`),
      el('td', { class: 'num violations' }, String(entry.violations.length)),
    );
    if (entry.violations.length === 0) return [row];
    const detail = el(
      'tr',
      { class: 'violation-detail', 'data-seq': entry.seq },
      el('td', { colspan: 8 }, el('ul', {}, entry.violations.map((v) => el('li', {}, `${v.level ?? 'violation'} `, el('code', {}, v.code), ' ', el('code', {}, v.pointer || '/'), `: ${v.message}`)))),
    );
    return [row, detail];
  }

  function addJournalEntries(entries) {
    const body = document.getElementById('journal-rows');
    for (const entry of entries) {
      body.prepend(...journalRows(entry));
      lastSeq = Math.max(lastSeq, entry.seq);
    }
    const rows = body.querySelectorAll('tr.entry');
    for (const stale of [...rows].slice(MAX_ROWS)) body.querySelectorAll(`tr[data-seq="${stale.dataset.seq}"]`).forEach((row) => row.remove());
    document.getElementById('journal-empty').hidden = body.childElementCount > 0;
  }

  async function refreshSlow() {
    const [vendors, state] = await Promise.all([api('/vendors'), api('/state')]);
    renderInto('vendor-list', vendors, renderVendors);
    renderInto('state-list', state, renderState);
  }

  async function poll() {
    try {
      const { entries } = await api(`/journal?since=${lastSeq}&limit=${MAX_ROWS}`);
      addJournalEntries(entries);
      if (entries.length > 0 || tick % SLOW_REFRESH_TICKS === 0) await refreshSlow();
      tick += 1;
      setStatus(`live, updated ${new Date().toLocaleTimeString()}`, 'live');
    } catch (error) {
      setStatus(`offline: ${error.message}`, 'offline');
    } finally {
      setTimeout(poll, POLL_MS);
    }
  }

  async function loadPrefixes() {
    try {
      const root = await (await fetch('/', { cache: 'no-store', headers: { accept: 'application/json' } })).json();
      prefixes = new Map(root.vendors.map((vendor) => [vendor.id, vendor.prefix]));
    } catch {
      prefixes = new Map();
    }
  }

  function linkReports() {
    for (const link of document.querySelectorAll('#reports a[data-format]')) {
      const query = new URLSearchParams({ format: link.dataset.format });
      // A link cannot send a header: the admin API also takes the token as a query parameter.
      if (token !== null) query.set('token', token);
      link.href = `${adminBase}/report?${query}`;
    }
  }

  async function reset() {
    if (!confirm('Reset all stored data of every vendor and tenant? The journal and coverage stay.')) return;
    try {
      await api('/reset', { method: 'POST' });
      lastRendered.delete('state-list');
      await refreshSlow();
    } catch (error) {
      setStatus(`reset failed: ${error.message}`, 'offline');
    }
  }

  linkReports();
  document.getElementById('reset').addEventListener('click', reset);
  loadPrefixes().then(poll);
})();
