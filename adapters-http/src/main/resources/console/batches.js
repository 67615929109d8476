// Batches: today's, one per client (its day in its own time zone), with runs started, failed and
// published, refreshed every few seconds; or every batch, page by page.
import { call, query } from './api.js';
import { h, num, badge, table, Pager, guarded, isoDate, when } from './ui.js';

const REFRESH_MS = 5000;

const COLUMNS = [
  { label: 'Batch', value: (b) => h('a', { href: `#/dossiers?batch=${encodeURIComponent(b.id)}` }, b.name) },
  { label: 'Client', value: (b) => b.client },
  { label: 'Day', value: (b) => b.day },
  { label: 'Pipeline', value: (b) => b.pipeline_version },
  { label: 'Status', value: (b) => badge(b.status) },
  { label: 'Runs started', num: true, value: (b) => num(b.runs_started) },
  { label: 'In progress', num: true, value: (b) => num(b.runs_in_progress) },
  { label: 'Failed', num: true, value: (b) => num(b.runs_failed) },
  { label: 'Published', num: true, value: (b) => num(b.dossiers_published) },
];

export async function render(main, { params }, ctx) {
  const showAll = params.all === '1';
  const results = h('div', { id: 'batch-results', 'aria-live': 'polite' });
  const updated = h('p', { class: 'hint' });
  main.replaceChildren(
    h('h1', {}, showAll ? 'All batches' : "Today's batches"),
    h('p', {}, showAll ? h('a', { href: '#/batches' }, "Today's batches") : h('a', { href: '#/batches?all=1' }, 'All batches, page by page')),
    updated, results);
  if (showAll) {
    const pager = new Pager(
      (cursor) => call('/api/v1/batches' + query({ limit: 50, cursor })),
      (page) => results.replaceChildren(table(COLUMNS, page.data, { empty: 'No batch yet.' }), pager.el));
    await guarded(results, () => pager.show(0));
    return;
  }
  let timer = null;
  ctx.onLeave(() => clearTimeout(timer));
  const draw = async () => {
    // newest day first: read pages until a day before yesterday (clients' days differ by time zone)
    const yesterday = new Date();
    yesterday.setDate(yesterday.getDate() - 1);
    const floor = isoDate(yesterday);
    const today = isoDate(new Date());
    const found = [];
    let cursor = null;
    for (let i = 0; i < 10; i++) {
      const page = await call('/api/v1/batches' + query({ limit: 200, cursor }));
      found.push(...page.data);
      cursor = page.next_cursor;
      if (!cursor || (page.data.length && page.data[page.data.length - 1].day < floor)) break;
    }
    // each client's latest batch of today (or of yesterday where its day has not turned yet)
    const latest = new Map();
    for (const b of found) if (b.day >= floor && !latest.has(b.client_id)) latest.set(b.client_id, b);
    const rows = [...latest.values()].filter((b) => b.day === today || b.status === 'in_progress');
    results.replaceChildren(table(COLUMNS, rows, { empty: 'No batch has started today.' }));
    updated.textContent = `Updated ${when(new Date().toISOString())}; refreshing every ${REFRESH_MS / 1000} s.`;
    clearTimeout(timer);
    timer = setTimeout(() => guarded(results, draw), REFRESH_MS);
  };
  await guarded(results, draw);
}
