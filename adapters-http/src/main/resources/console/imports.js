// Imports: past imports with their counts; one import's rejected rows (line, column, value, reason).
import { call, query } from './api.js';
import { h, num, when, table, Pager, guarded, field, select } from './ui.js';
import { clientOptions } from './runs.js';

async function one(main, id) {
  const imp = await call(`/api/v1/imports/${encodeURIComponent(id)}`);
  const rows = h('div', { id: 'import-errors' });
  main.replaceChildren(
    h('p', {}, h('a', { href: '#/imports' }, '← Imports')),
    h('h1', {}, imp.file_name || imp.id),
    h('dl', { class: 'totals' }, ['read', 'inserted', 'updated', 'unchanged', 'rejected', 'duplicates_in_file']
      .map((k) => h('div', {}, h('dt', {}, k.replace(/_/g, ' ')), h('dd', {}, num(imp[k]))))),
    h('p', { class: 'hint' }, `${imp.kind} · started ${when(imp.started_at)} · finished ${when(imp.finished_at)}${imp.session_key ? ` · session ${imp.session_key}` : ''}`),
    h('h2', {}, 'Rejected rows'), rows);
  const pager = new Pager(
    (cursor) => call(`/api/v1/imports/${encodeURIComponent(id)}/errors` + query({ limit: 100, cursor })),
    (page) => rows.replaceChildren(table([
      { label: 'Line', num: true, value: (e) => e.line },
      { label: 'Column', value: (e) => e.column ?? '—' },
      { label: 'Value', value: (e) => h('code', {}, e.value ?? '') },
      { label: 'Reason', value: (e) => e.reason },
    ], page.data, { empty: 'No row was rejected.' }), pager.el));
  await guarded(rows, () => pager.show(0));
}

export async function render(main, { id, params }, ctx) {
  if (id) return one(main, id);
  // imports are listed per client: an admin key chooses one
  const clients = (await clientOptions())?.filter(([slug]) => slug);
  if (clients && !clients.length) {
    main.replaceChildren(h('h1', {}, 'Imports'), h('p', { class: 'empty' }, 'No client yet.'));
    return;
  }
  const clientSelect = clients ? select('client', clients, params.client || clients[0][0]) : null;
  const results = h('div');
  main.replaceChildren(...[h('h1', {}, 'Imports'),
    clientSelect ? h('form', { class: 'filters', 'aria-label': 'Filter imports' }, field('Client', clientSelect)) : null,
    results].filter(Boolean));
  const pager = new Pager(
    (cursor) => call('/api/v1/imports' + query({ client: clientSelect?.value, limit: 50, cursor })),
    (page) => results.replaceChildren(table([
      { label: 'File', value: (i) => h('a', { href: `#/imports/${i.id}` }, i.file_name || i.id) },
      { label: 'Kind', value: (i) => i.kind },
      { label: 'Read', num: true, value: (i) => num(i.read) },
      { label: 'Inserted', num: true, value: (i) => num(i.inserted) },
      { label: 'Updated', num: true, value: (i) => num(i.updated) },
      { label: 'Unchanged', num: true, value: (i) => num(i.unchanged) },
      { label: 'Rejected', num: true, value: (i) => num(i.rejected) },
      { label: 'Duplicates', num: true, value: (i) => num(i.duplicates_in_file) },
      { label: 'Finished', value: (i) => when(i.finished_at) },
    ], page.data, { empty: 'No import yet.' }), pager.el));
  clientSelect?.addEventListener('change', () => {
    ctx.remember({ client: clientSelect.value });
    pager.stack = [null];
    guarded(results, () => pager.show(0));
  });
  await guarded(results, () => pager.show(0));
}
