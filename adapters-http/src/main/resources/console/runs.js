// Runs: newest first, filtered by client, status, pipeline version, start date and company; each
// with its cost, tokens and duration. While a run on the page is running it refreshes itself.
import { call, query, isAdmin } from './api.js';
import { h, money, num, duration, when, badge, table, Pager, field, select, guarded } from './ui.js';

const REFRESH_MS = 4000;

/** Local day start as an instant; `next` gives the day after (an exclusive end). */
function dayStart(day, next = false) {
  if (!day) return undefined;
  const d = new Date(`${day}T00:00:00`);
  if (next) d.setDate(d.getDate() + 1);
  return d.toISOString();
}

export async function clientOptions() {
  if (!isAdmin()) return null;
  const page = await call('/api/v1/clients?limit=500');
  return [['', 'All clients'], ...page.data.map((c) => [c.slug, c.name && c.name !== c.slug ? `${c.name} (${c.slug})` : c.slug])];
}

export async function render(main, { params }, ctx) {
  const clients = await clientOptions();
  const form = h('form', { class: 'filters', id: 'run-filters', 'aria-label': 'Filter runs' });
  const clientSelect = clients ? select('client', clients, params.client || '') : null;
  const status = select('status', [['', 'Any status'], ['running', 'running'], ['completed', 'completed'], ['failed', 'failed'], ['published', 'published']], params.status || '');
  const version = h('input', { name: 'pipeline_version', value: params.pipeline_version || '', placeholder: 'e.g. v2' });
  const from = h('input', { name: 'from', type: 'date', value: params.from || '' });
  const to = h('input', { name: 'to', type: 'date', value: params.to || '' });
  const company = h('input', { name: 'company', type: 'search', value: params.company || '', placeholder: 'name or domain' });
  form.append(
    clientSelect ? field('Client', clientSelect) : null,
    field('Status', status),
    field('Pipeline version', version),
    field('Started from', from),
    field('Started to', to),
    field('Company', company),
    h('button', { type: 'submit' }, 'Filter'));

  const results = h('div', { id: 'runs-results', 'aria-live': 'polite' });
  const updated = h('p', { class: 'hint', id: 'runs-updated' });
  const list = h('div');
  results.append(list);
  main.replaceChildren(h('h1', {}, 'Runs'), form, updated, results);

  const filters = () => ({
    client: clientSelect?.value,
    status: status.value,
    pipeline_version: version.value.trim(),
    from: from.value,
    to: to.value,
    company: company.value.trim(),
  });

  let timer = null;
  const pager = new Pager(
    (cursor) => {
      const f = filters();
      return call('/api/v1/runs' + query({
        client: f.client, status: f.status, pipeline_version: f.pipeline_version, company: f.company,
        since: dayStart(f.from), until: dayStart(f.to, true), limit: 50, cursor,
      }));
    },
    (page) => {
      list.replaceChildren(table([
        { label: 'Company', value: (r) => h('a', { href: `#/runs/${r.id}` }, r.seed?.company_name || r.id) },
        { label: 'Client', value: (r) => r.client },
        { label: 'Status', value: (r) => badge(r.status) },
        { label: 'Cost', num: true, value: (r) => money(r.totals?.cost_usd) },
        { label: 'Tokens', num: true, value: (r) => num((r.totals?.tokens_input ?? 0) + (r.totals?.tokens_output ?? 0)) },
        { label: 'Duration', num: true, value: (r) => duration(r.duration_ms) },
        { label: 'Pipeline', value: (r) => r.pipeline_version },
        { label: 'Started', value: (r) => when(r.started_at) },
      ], page.data, { caption: 'Runs, newest first', empty: 'No run matches these filters.' }), pager.el);
      // the first list drawn, for bench/console: marked at the frame that shows it
      if (!performance.getEntriesByName('runs-listed').length) {
        requestAnimationFrame(() => performance.mark('runs-listed'));
      }
      const running = page.data.some((r) => r.status === 'running');
      updated.textContent = running
        ? `Updated ${new Date().toLocaleTimeString('en-GB')}; refreshing every ${REFRESH_MS / 1000} s while runs are running.`
        : `Updated ${new Date().toLocaleTimeString('en-GB')}.`;
      clearTimeout(timer);
      if (running) {
        timer = setTimeout(() => guarded(list, () => pager.reload()), REFRESH_MS);
      }
    });
  ctx.onLeave(() => clearTimeout(timer));

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    ctx.remember(filters());
    pager.stack = [null];
    guarded(list, () => pager.show(0));
  });
  for (const control of [clientSelect, status, from, to].filter(Boolean)) {
    control.addEventListener('change', () => form.requestSubmit());
  }
  await guarded(list, () => pager.show(0));
}
