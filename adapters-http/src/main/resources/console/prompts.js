// Prompts: keys with their labels; a prompt's versions with the steps that used each and their
// cost; a line diff between two versions; moving a label (admin keys), after a confirmation.
import { call, all, query, isAdmin } from './api.js';
import { h, money, num, when, table, Pager, field, select, guarded, confirmDialog } from './ui.js';

function labelList(labels) {
  return Object.entries(labels || {}).map(([label, version]) => h('span', { class: 'label-chip' }, `${label} → v${version}`));
}

/** Lines of a and b, each kept, removed or added (longest common subsequence). */
export function diffLines(a, b) {
  const x = a.split('\n');
  const y = b.split('\n');
  const n = x.length;
  const m = y.length;
  const lcs = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
  for (let i = n - 1; i >= 0; i--) for (let j = m - 1; j >= 0; j--) lcs[i][j] = x[i] === y[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
  const out = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (x[i] === y[j]) { out.push([' ', x[i]]); i++; j++; } else if (lcs[i + 1][j] >= lcs[i][j + 1]) out.push(['-', x[i++]]);
    else out.push(['+', y[j++]]);
  }
  while (i < n) out.push(['-', x[i++]]);
  while (j < m) out.push(['+', y[j++]]);
  return out;
}

async function one(main, key) {
  const [versions, prompt] = await Promise.all([
    all(`/api/v1/prompts/${encodeURIComponent(key)}/versions`, {}, 500),
    call(`/api/v1/prompts/${encodeURIComponent(key)}${query({ label: 'latest' })}`),
  ]);
  const list = versions.items;
  const labels = {};
  for (const v of list) for (const l of v.labels) labels[l] = v.version;
  const options = list.map((v) => [String(v.version), `v${v.version}${v.labels.length ? ` (${v.labels.join(', ')})` : ''}`]);

  const left = select('from', options, String(list[1]?.version ?? list[0]?.version));
  const right = select('to', options, String(list[0]?.version));
  const diffOut = h('div', { id: 'prompt-diff' });
  const showDiff = () => {
    const a = list.find((v) => String(v.version) === left.value);
    const b = list.find((v) => String(v.version) === right.value);
    if (!a || !b) return;
    const lines = diffLines(a.template, b.template);
    const changed = lines.filter(([k]) => k !== ' ').length;
    diffOut.replaceChildren(
      h('p', { class: 'hint' }, changed ? `${changed} lines differ` : 'The templates are the same.',
        a.model !== b.model ? ` · model ${a.model ?? '—'} → ${b.model ?? '—'}` : ''),
      h('pre', { class: 'diff', 'aria-label': `Diff of v${a.version} and v${b.version}` },
        lines.map(([k, text]) => h('span', { class: k === '+' ? 'add' : k === '-' ? 'del' : 'same' }, `${k} ${text}\n`))));
  };
  left.addEventListener('change', showDiff);
  right.addEventListener('change', showDiff);

  const moveStatus = h('div', { id: 'label-status', 'aria-live': 'polite' });
  let mover = null;
  if (isAdmin()) {
    const labelName = h('input', { name: 'label', id: 'label-name', list: 'known-labels', required: true, value: 'production' });
    const target = select('version', options, String(list[0]?.version));
    target.id = 'label-version';
    mover = h('form', { class: 'filters', id: 'move-label', 'aria-label': 'Move a label' },
      h('datalist', { id: 'known-labels' }, Object.keys(labels).filter((l) => l !== 'latest').map((l) => h('option', { value: l }))),
      field('Label', labelName), field('To version', target),
      h('button', { type: 'submit' }, 'Move label…'));
    mover.addEventListener('submit', async (event) => {
      event.preventDefault();
      const label = labelName.value.trim();
      const version = Number(target.value);
      const from = labels[label];
      const yes = await confirmDialog(`Move "${label}"?`,
        `${key}: "${label}" ${from ? `moves from v${from} to v${version}` : `goes on v${version}`}. Every caller asking for "${label}" gets v${version} from now on.`,
        'Move the label');
      if (!yes) return;
      await guarded(moveStatus, async () => {
        await call(`/api/v1/prompts/${encodeURIComponent(key)}/labels`, { method: 'POST', body: { label, version } });
        await one(main, key);
        document.getElementById('label-status').replaceChildren(h('p', { class: 'ok-text' }, `"${label}" is on v${version} now.`));
      });
    });
  }

  main.replaceChildren(
    h('p', {}, h('a', { href: '#/prompts' }, '← Prompts')),
    h('h1', {}, key),
    h('p', {}, labelList(labels)),
    h('section', {}, h('h2', {}, 'Versions'),
      table([
        { label: 'Version', value: (v) => `v${v.version}` },
        { label: 'Labels', value: (v) => v.labels.join(', ') || '—' },
        { label: 'Model', value: (v) => v.model ?? '—' },
        { label: 'Steps', num: true, value: (v) => (v.usage ? num(v.usage.steps) : 'not tracked') },
        { label: 'Cost', num: true, value: (v) => (v.usage ? money(v.usage.total_cost_usd) : 'not tracked') },
        { label: 'Created', value: (v) => when(v.created_at) },
      ], list, { caption: 'Newest first; steps and cost are every logged step that named the version' })),
    h('section', {}, h('h2', {}, 'Move a label'),
      mover ?? h('p', { class: 'hint' }, 'Moving labels needs an admin key.'), moveStatus),
    h('section', {}, h('h2', {}, 'Compare two versions'),
      h('div', { class: 'filters' }, field('From', left), field('To', right)), diffOut),
    h('section', {}, h('h2', {}, `Latest template (v${prompt.version})`), h('pre', { class: 'template' }, prompt.template ?? '')));
  showDiff();
}

export async function render(main, { id }) {
  if (id) return one(main, id);
  const results = h('div');
  main.replaceChildren(h('h1', {}, 'Prompts'), results);
  const pager = new Pager(
    (cursor) => call('/api/v1/prompts' + query({ limit: 50, cursor })),
    (page) => results.replaceChildren(table([
      { label: 'Key', value: (p) => h('a', { href: `#/prompts/${encodeURIComponent(p.key)}` }, p.key) },
      { label: 'Latest', value: (p) => `v${p.latest_version}` },
      { label: 'Labels', value: (p) => labelList(p.labels) },
      { label: 'Created', value: (p) => when(p.created_at) },
    ], page.data, { empty: 'No prompt was saved yet.' }), pager.el));
  await guarded(results, () => pager.show(0));
}
