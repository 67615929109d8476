// Dossiers: filtered by client, batch, list, status and company domain; one dossier rendered as its
// reader sees it (sections in order, then contacts), its supersedes chain, its lists and a rerun.
import { call, query } from './api.js';
import { h, when, badge, table, Pager, field, select, guarded, confirmDialog } from './ui.js';
import { clientOptions } from './runs.js';

function humanize(key) {
  const words = String(key).replace(/[_-]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** A section's JSON as prose: text as paragraphs, objects as headed parts, arrays as lists. */
export function prose(value, depth = 0) {
  if (value === null || value === undefined) return h('p', { class: 'hint' }, '—');
  if (typeof value === 'string') {
    return h('div', { class: 'prose' }, value.split(/\n{2,}/).map((p) => h('p', {}, p)));
  }
  if (typeof value !== 'object') return h('p', {}, String(value));
  if (Array.isArray(value)) {
    if (value.every((v) => v === null || typeof v !== 'object')) return h('ul', {}, value.map((v) => h('li', {}, String(v ?? '—'))));
    return h('ol', { class: 'items' }, value.map((v) => h('li', {}, prose(v, depth + 1))));
  }
  const heading = depth === 0 ? 'h4' : 'h5';
  return h('div', { class: 'fields' }, Object.entries(value).map(([k, v]) =>
    (v !== null && typeof v === 'object') || (typeof v === 'string' && v.length > 80)
      ? h('div', {}, h(heading, {}, humanize(k)), prose(v, depth + 1))
      : h('p', {}, h('strong', {}, `${humanize(k)}: `), v === null ? '—' : String(v))));
}

async function one(main, id) {
  const [d, history] = await Promise.all([
    call(`/api/v1/dossiers/${encodeURIComponent(id)}`),
    call(`/api/v1/dossiers/${encodeURIComponent(id)}/history`),
  ]);
  const status = h('div', { 'aria-live': 'polite' });
  const rerun = h('button', { type: 'button', id: 'rerun' }, 'Rerun…');
  rerun.addEventListener('click', async () => {
    const yes = await confirmDialog('Rerun this dossier?', `A new run of ${d.company.name} starts with the same seed; once it publishes, its dossier supersedes this one.`, 'Start the rerun');
    if (!yes) return;
    await guarded(status, async () => {
      const started = await call(`/api/v1/dossiers/${encodeURIComponent(id)}/rerun`, { method: 'POST', body: {} });
      status.replaceChildren(h('p', { class: 'ok-text' }, 'Rerun started: ', h('a', { href: `#/runs/${started.run.id}` }, `run ${started.run.id}`)));
    });
  });
  const sections = [...d.sections].sort((a, b) => a.position - b.position);
  main.replaceChildren(
    h('p', {}, h('a', { href: '#/dossiers' }, '← Dossiers')),
    h('div', { class: 'split' }, h('article', { class: 'dossier' },
      h('header', {},
        h('h1', {}, d.company.name, ' ', badge(d.status), d.updated ? h('span', { class: 'badge s-updated' }, 'Updated') : null),
        h('p', { class: 'hint' }, `${d.company.domain} · client ${d.client} · batch ${d.batch?.name ?? '—'} · release ${d.release_date ?? '—'} · `,
          h('a', { href: `#/runs/${d.run_id}` }, 'the run'))),
      sections.map((s) => h('section', { class: 'dossier-section', 'data-section': s.key },
        h('h2', {}, s.title || humanize(s.key)),
        prose(s.content))),
      h('section', { class: 'dossier-section' }, h('h2', {}, 'Contacts'),
        table([
          { label: 'Name', value: (c) => c.full_name ?? '—' },
          { label: 'Position', value: (c) => c.position ?? '—' },
          { label: 'E-mail', value: (c) => c.work_email ?? c.generic_email ?? '—' },
          { label: 'Phone', value: (c) => (c.phone_numbers || []).join(', ') || '—' },
          { label: 'LinkedIn', value: (c) => c.linkedin_url ?? '—' },
        ], d.contacts || [], { empty: 'No contacts.' }))),
    h('aside', { class: 'panel' },
      h('h2', {}, 'Lists'),
      d.lists.length ? h('ul', {}, d.lists.map((l) => h('li', {}, l.name))) : h('p', { class: 'empty' }, 'In no list.'),
      h('h2', {}, 'Supersedes chain'),
      h('ol', { class: 'chain' }, history.data.map((x) => h('li', { 'aria-current': x.id === d.id ? 'true' : null },
        x.id === d.id ? h('strong', {}, `${when(x.created_at)} (this one)`) : h('a', { href: `#/dossiers/${x.id}` }, when(x.created_at)),
        ' ', badge(x.status)))),
      h('h2', {}, 'Rerun'),
      rerun, status)));
}

export async function render(main, { id, params }, ctx) {
  if (id) return one(main, id);
  const clients = await clientOptions();
  const clientSelect = clients ? select('client', clients, params.client || '') : null;
  const status = select('status', [['', 'Any status'], ['scheduled', 'scheduled'], ['released', 'released'], ['superseded', 'superseded']], params.status || '');
  const batch = h('input', { name: 'batch', value: params.batch || '', placeholder: 'batch id or name' });
  const list = h('input', { name: 'list', value: params.list || '', placeholder: 'list id' });
  const company = h('input', { name: 'company_domain', type: 'search', value: params.company_domain || '', placeholder: 'acme.com' });
  const form = h('form', { class: 'filters', 'aria-label': 'Filter dossiers' },
    clientSelect ? field('Client', clientSelect) : null,
    field('Status', status), field('Batch', batch), field('List', list), field('Company domain', company),
    h('button', { type: 'submit' }, 'Filter'));
  const results = h('div', { id: 'dossier-results' });
  main.replaceChildren(h('h1', {}, 'Dossiers'), form, results);
  const filters = () => ({ client: clientSelect?.value, status: status.value, batch: batch.value.trim(), list: list.value.trim(), company_domain: company.value.trim() });
  const pager = new Pager(
    (cursor) => call('/api/v1/dossiers' + query({ ...filters(), limit: 50, cursor })),
    (page) => results.replaceChildren(table([
      { label: 'Company', value: (d) => h('a', { href: `#/dossiers/${d.id}` }, d.company?.name ?? d.id) },
      { label: 'Domain', value: (d) => d.company?.domain ?? '—' },
      { label: 'Client', value: (d) => d.client },
      { label: 'Status', value: (d) => [badge(d.status), d.updated ? h('span', { class: 'badge s-updated' }, 'Updated') : null] },
      { label: 'Batch', value: (d) => d.batch?.name ?? '—' },
      { label: 'Lists', value: (d) => d.lists.map((l) => l.name).join(', ') || '—' },
      { label: 'Release', value: (d) => d.release_date ?? '—' },
    ], page.data, { caption: 'Dossiers, newest first', empty: 'No dossier matches these filters.' }), pager.el));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    ctx.remember(filters());
    pager.stack = [null];
    guarded(results, () => pager.show(0));
  });
  for (const c of [clientSelect, status].filter(Boolean)) c.addEventListener('change', () => form.requestSubmit());
  await guarded(results, () => pager.show(0));
}
