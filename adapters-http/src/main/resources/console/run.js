// A run: its totals, a waterfall of its stages and steps (each attempt its own bar, failures red
// with their error in view), a step's details on click, its contacts, webhook deliveries and dossier.
import { call, all, query } from './api.js';
import { h, money, num, duration, when, badge, table, jsonBlock, guarded } from './ui.js';

const REFRESH_MS = 4000;

function stepStart(step) {
  return new Date(step.logged_at).getTime() - (step.latency_ms || 0);
}

function detail(step) {
  const rows = [
    ['Step', `${step.step_key} · attempt ${step.attempt}`],
    ['Stage', step.stage],
    ['Status', badge(step.status)],
    ['Section', step.section ?? '—'],
    ['Prompt', step.prompt_key ? h('a', { href: `#/prompts/${encodeURIComponent(step.prompt_key)}` }, `${step.prompt_key} v${step.prompt_version ?? '?'}`) : '—'],
    ['Model', step.model ?? '—'],
    ['Tokens in / out', `${num(step.tokens_input)} / ${num(step.tokens_output)}`],
    ['Cost', `${money(step.cost_usd)}${step.cost_source ? ` (${step.cost_source})` : ''}`],
    ['Latency', duration(step.latency_ms)],
    ['Logged', when(step.logged_at)],
  ];
  return h('div', {},
    h('h2', { id: 'step-title' }, `${step.step_key} · attempt ${step.attempt}`),
    step.error ? h('p', { class: 'error-text' }, step.error) : null,
    h('dl', { class: 'facts' }, rows.flatMap(([k, v]) => [h('dt', {}, k), h('dd', {}, v)])),
    jsonBlock('Input', step.input, true),
    jsonBlock('Output', step.output, true));
}

function waterfall(run, steps, pane) {
  const now = Date.now();
  const t0 = Math.min(new Date(run.started_at).getTime(), ...steps.map(stepStart));
  const ends = steps.map((s) => new Date(s.logged_at).getTime());
  const t1 = Math.max(run.finished_at ? new Date(run.finished_at).getTime() : now, ...ends, t0 + 1);
  const span = t1 - t0;
  const bar = (from, to, cls, label) => {
    const left = ((from - t0) / span) * 100;
    const width = Math.max(((to - from) / span) * 100, 0.4);
    return h('span', { class: `bar ${cls}`, style: `left:${left.toFixed(2)}%;width:${Math.min(width, 100 - left).toFixed(2)}%`, title: label });
  };
  const stageNames = run.stages.map((s) => s.stage);
  for (const s of steps) if (!stageNames.includes(s.stage)) stageNames.push(s.stage);
  const rows = [];
  for (const name of stageNames) {
    const stage = run.stages.find((s) => s.stage === name) || { stage: name };
    const own = steps.filter((s) => s.stage === name);
    const from = stage.started_at ? new Date(stage.started_at).getTime() : Math.min(...own.map(stepStart));
    const to = stage.finished_at ? new Date(stage.finished_at).getTime() : (stage.started_at && !stage.finished_at && run.status === 'running' ? now : Math.max(...own.map((s) => new Date(s.logged_at).getTime()), from));
    const failed = stage.status === 'failure';
    rows.push(h('div', { class: `wf-row stage${failed ? ' failed' : ''}` },
      h('div', { class: 'wf-label' },
        h('strong', {}, name), ' ', stage.status ? badge(stage.status) : null,
        stage.attempts > 1 ? h('span', { class: 'hint' }, ` ${stage.attempts} attempts`) : null,
        h('span', { class: 'hint' }, ` ${money(stage.totals?.cost_usd)}`)),
      h('div', { class: 'wf-track' }, Number.isFinite(from) ? bar(from, to, failed ? 'fail' : 'stage-bar', `${name}: ${duration(to - from)}`) : null),
      failed && stage.error_summary ? h('div', { class: 'wf-error' }, stage.error_summary) : null));
    for (const step of own) {
      const fail = step.status === 'failure';
      const button = h('button', { type: 'button', class: 'wf-step', 'aria-controls': 'step-detail' },
        `${step.step_key}`, h('span', { class: 'hint' }, ` #${step.attempt}`));
      button.addEventListener('click', () => {
        pane.replaceChildren(detail(step));
        pane.hidden = false;
        pane.querySelector('h2').setAttribute('tabindex', '-1');
        pane.querySelector('h2').focus();
      });
      const start = stepStart(step);
      rows.push(h('div', { class: `wf-row step${fail ? ' failed' : ''}`, 'data-step': `${step.step_key}#${step.attempt}` },
        h('div', { class: 'wf-label' }, button, ' ', h('span', { class: 'hint' }, `${duration(step.latency_ms)} · ${money(step.cost_usd)}`)),
        h('div', { class: 'wf-track' }, bar(start, new Date(step.logged_at).getTime(), fail ? 'fail' : 'ok', `${step.step_key} #${step.attempt}: ${step.status}`)),
        fail ? h('div', { class: 'wf-error', role: 'note' }, step.error || 'failed (no error text was logged)') : null));
    }
  }
  return h('section', { class: 'waterfall', 'aria-label': 'Timeline of stages and steps' },
    h('div', { class: 'wf-axis' }, h('span', {}, when(new Date(t0).toISOString())), h('span', {}, duration(span))),
    rows.length ? rows : h('p', { class: 'empty' }, 'No stage or step was logged yet.'));
}

async function dossierOf(run) {
  if (run.status !== 'published') return null;
  const page = await call('/api/v1/dossiers' + query({ client: run.client, company_domain: run.seed?.domain, limit: 500 }));
  return page.data.find((d) => d.run_id === run.id) || null;
}

export async function render(main, { id }, ctx) {
  let timer = null;
  ctx.onLeave(() => clearTimeout(timer));
  const draw = async () => {
    const [run, steps] = await Promise.all([
      call(`/api/v1/runs/${encodeURIComponent(id)}`),
      all(`/api/v1/runs/${encodeURIComponent(id)}/steps`),
    ]);
    const pane = h('aside', { id: 'step-detail', class: 'panel', 'aria-live': 'polite', hidden: true });
    const t = run.totals;
    const company = run.seed?.company_name || run.id;
    const head = h('header', { class: 'run-head' },
      h('p', {}, h('a', { href: '#/runs' }, '← Runs')),
      h('h1', {}, company, ' ', badge(run.status)),
      h('p', { class: 'hint' }, `${run.seed?.domain ?? ''} · client ${run.client} · pipeline ${run.pipeline_version} · started ${when(run.started_at)}`),
      run.error ? h('p', { class: 'error-text', role: 'note' }, run.error) : null,
      h('dl', { class: 'totals' },
        h('div', {}, h('dt', {}, 'Cost'), h('dd', {}, money(t.cost_usd), t.steps_without_cost ? h('span', { class: 'hint' }, ` (${t.steps_without_cost} steps without cost)`) : null)),
        h('div', {}, h('dt', {}, 'Tokens in / out'), h('dd', {}, `${num(t.tokens_input)} / ${num(t.tokens_output)}`)),
        h('div', {}, h('dt', {}, 'Duration'), h('dd', {}, duration(run.duration_ms))),
        h('div', {}, h('dt', {}, 'Steps'), h('dd', {}, `${num(t.steps.total)} (${num(t.steps.failure)} failed)`))));
    const body = h('div', { class: 'run-body' }, waterfall(run, steps.items, pane), pane);
    const more = h('div', { class: 'run-more' });
    main.replaceChildren(...[head, steps.truncated ? h('p', { class: 'hint' }, `Showing the first ${steps.items.length} steps.`) : null, body, more].filter(Boolean));

    const contacts = h('section', {}, h('h2', {}, 'Contacts'));
    const deliveries = h('section', {}, h('h2', {}, 'Webhook deliveries'));
    const dossier = h('section', {}, h('h2', {}, 'Dossier'));
    more.append(contacts, deliveries, dossier);
    await Promise.all([
      guarded(contacts, async () => {
        const page = await call(`/api/v1/runs/${encodeURIComponent(id)}/contacts`);
        contacts.append(table([
          { label: 'Name', value: (c) => c.full_name ?? '—' },
          { label: 'Position', value: (c) => c.position ?? '—' },
          { label: 'E-mail', value: (c) => c.work_email ?? c.generic_email ?? '—' },
          { label: 'LinkedIn', value: (c) => c.linkedin_url ?? '—' },
        ], page.data, { empty: 'This run found no contacts.' }));
      }),
      guarded(deliveries, async () => {
        const page = await call(`/api/v1/runs/${encodeURIComponent(id)}/webhook-deliveries`);
        deliveries.append(table([
          { label: 'Event', value: (d) => d.event },
          { label: 'URL', value: (d) => d.url },
          { label: 'Status', value: (d) => badge(d.status) },
          { label: 'Attempts', num: true, value: (d) => d.attempts },
          { label: 'Created', value: (d) => when(d.created_at) },
        ], page.data, { empty: 'No webhook was sent for this run.' }));
      }),
      guarded(dossier, async () => {
        const d = await dossierOf(run);
        dossier.append(d
          ? h('p', {}, h('a', { href: `#/dossiers/${d.id}` }, `${d.company?.name ?? 'Dossier'} — ${d.status}`), ` in batch ${d.batch?.name ?? '—'}`)
          : h('p', { class: 'empty' }, run.status === 'published' ? 'Published, but the dossier is not visible to this key.' : 'Not published.'));
      }),
    ]);
    clearTimeout(timer);
    if (run.status === 'running') timer = setTimeout(() => guarded(main, draw), REFRESH_MS);
  };
  await draw();
}
