// Costs: cost and tokens per day, stacked by model, stage or prompt version, from the usage metrics
// API (GET /api/v1/metrics/usage); a table of the same figures under each chart.
import { call, query, ApiProblem } from './api.js';
import { h, money, num, table, field, select, guarded, problemBox, isoDate } from './ui.js';
import { clientOptions } from './runs.js';

const COLORS = ['#2563eb', '#16a34a', '#ea580c', '#9333ea', '#0891b2', '#ca8a04', '#db2777', '#4b5563', '#65a30d', '#dc2626'];
const MAX_GROUPS = 9;
const BY = {
  model: { group_by: 'day,model', label: (g) => g.model ?? '(no model)' },
  stage: { group_by: 'day,stage', label: (g) => g.stage ?? '(no stage)' },
  prompt_version: { group_by: 'day,prompt_key,prompt_version', label: (g) => (g.prompt_key ? `${g.prompt_key} v${g.prompt_version ?? '?'}` : '(no prompt)') },
};

let chartLibrary = null;
/** uPlot, from its webjar in the jar, loaded on first use. */
function uPlotLoaded() {
  if (!chartLibrary) {
    chartLibrary = new Promise((resolve, reject) => {
      const css = h('link', { rel: 'stylesheet', href: '/console/uplot/uPlot.min.css' });
      const script = h('script', { src: '/console/uplot/uPlot.iife.min.js' });
      script.addEventListener('load', () => resolve(window.uPlot));
      script.addEventListener('error', () => reject(new Error('the chart library could not be loaded')));
      document.head.append(css, script);
    });
  }
  return chartLibrary;
}

/** The answer's groups: each has its group-by values and its figures. */
function groupsOf(answer) {
  const rows = answer?.data ?? answer?.groups ?? [];
  return rows.map((r) => ({ ...r, ...(r.keys ?? {}) }));
}

function dayOf(g) {
  return String(g.day ?? g.bucket ?? '').slice(0, 10);
}

/** Days × groups of one figure; the biggest groups by cost keep their own colour, the rest is "other". */
function pivot(groups, by, figure, days) {
  const label = BY[by].label;
  const cost = new Map();
  for (const g of groups) cost.set(label(g), (cost.get(label(g)) ?? 0) + Number(g.cost_usd ?? 0) + Number(g.tokens_input ?? 0) * 1e-9);
  const ranked = [...cost.entries()].sort((a, b) => b[1] - a[1]).map(([k]) => k);
  const kept = ranked.slice(0, MAX_GROUPS);
  const names = ranked.length > MAX_GROUPS ? [...kept, 'other'] : kept;
  const values = names.map(() => days.map(() => 0));
  for (const g of groups) {
    const d = days.indexOf(dayOf(g));
    if (d < 0) continue;
    let n = names.indexOf(label(g));
    if (n < 0) n = names.length - 1;
    values[n][d] += figure(g);
  }
  return { names, values };
}

async function chart(where, title, days, { names, values }, format) {
  const uPlot = await uPlotLoaded();
  const xs = days.map((d) => new Date(`${d}T00:00:00Z`).getTime() / 1000);
  // stacked: each series is the running sum, drawn top-first so the lower ones paint over it
  const sums = [];
  values.forEach((v, i) => sums.push(v.map((x, d) => x + (i ? sums[i - 1][d] : 0))));
  const order = names.map((_, i) => i).reverse();
  const box = h('div', { class: 'chart', role: 'img', 'aria-label': `${title}, stacked by ${names.join(', ') || 'nothing'}` });
  where.append(h('h2', {}, title), box,
    h('ul', { class: 'legend' }, names.map((n, i) => h('li', {}, h('span', { class: 'chip', style: `background:${COLORS[i % COLORS.length]}` }), n))));
  const width = Math.max(Math.min(where.clientWidth || 900, 1200) - 8, 280);
  const bars = uPlot.paths.bars({ size: [0.7, 60] });
  const plot = new uPlot({
    width,
    height: 260,
    legend: { show: false },
    cursor: { drag: { x: false, y: false } },
    scales: { x: { time: true }, y: { range: (u, min, max) => [0, max > 0 ? max * 1.08 : 1] } },
    axes: [{}, { values: (u, ticks) => ticks.map(format), size: 70 }],
    series: [{}, ...order.map((i) => ({ label: names[i], fill: COLORS[i % COLORS.length], stroke: COLORS[i % COLORS.length], paths: bars, points: { show: false } }))],
  }, [xs, ...order.map((i) => sums[i].map((v, d) => (values[i][d] ? v : null)))], box);
  return plot;
}

function figureTable(days, { names, values }, format, caption) {
  const rows = days.map((d, i) => ({ day: d, cells: values.map((v) => v[i]) })).filter((r) => r.cells.some((c) => c));
  return table([
    { label: 'Day', value: (r) => r.day },
    ...names.map((n, k) => ({ label: n, num: true, value: (r) => format(r.cells[k]) })),
    { label: 'Total', num: true, value: (r) => format(r.cells.reduce((a, b) => a + b, 0)) },
  ], rows, { caption, empty: 'Nothing was spent in this range.' });
}

export async function render(main, { params }, ctx) {
  const clients = await clientOptions();
  const clientSelect = clients ? select('client', clients, params.client || '') : null;
  const today = new Date();
  const monthAgo = new Date();
  monthAgo.setDate(today.getDate() - 29);
  const from = h('input', { name: 'from', type: 'date', value: params.from || isoDate(monthAgo), required: true });
  const to = h('input', { name: 'to', type: 'date', value: params.to || isoDate(today), required: true });
  const by = select('by', [['model', 'Model'], ['stage', 'Stage'], ['prompt_version', 'Prompt version']], params.by || 'model');
  const form = h('form', { class: 'filters', id: 'cost-filters', 'aria-label': 'Choose the costs shown' },
    clientSelect ? field('Client', clientSelect) : null,
    field('From', from), field('To', to), field('Stack by', by),
    h('button', { type: 'submit' }, 'Show'));
  const results = h('div', { id: 'cost-results' });
  main.replaceChildren(h('h1', {}, 'Costs'), form, results);
  let plots = [];
  ctx.onLeave(() => plots.forEach((p) => p.destroy()));

  const draw = async () => {
    plots.forEach((p) => p.destroy());
    plots = [];
    results.replaceChildren(h('p', { class: 'loading' }, 'Loading…'));
    let answer;
    try {
      // `to` is exclusive in the API: the day after the last one shown
      const end = new Date(`${to.value}T00:00:00Z`);
      end.setUTCDate(end.getUTCDate() + 1);
      answer = await call('/api/v1/metrics/usage' + query({ client: clientSelect?.value, from: from.value, to: end.toISOString().slice(0, 10), group_by: BY[by.value].group_by }));
    } catch (e) {
      if (e instanceof ApiProblem && e.status === 404 && /no route/.test(e.problem.detail || '')) {
        results.replaceChildren(problemBox(new ApiProblem(404, { title: 'No usage metrics on this server yet', detail: 'This page draws from GET /api/v1/metrics/usage, which this server does not have yet.' })));
        return;
      }
      throw e;
    }
    const groups = groupsOf(answer);
    const days = [];
    for (let d = new Date(`${from.value}T00:00:00Z`); d.toISOString().slice(0, 10) <= to.value && days.length < 400; d.setUTCDate(d.getUTCDate() + 1)) {
      days.push(d.toISOString().slice(0, 10));
    }
    const costs = pivot(groups, by.value, (g) => Number(g.cost_usd ?? 0), days);
    const tokens = pivot(groups, by.value, (g) => Number(g.tokens_input ?? 0) + Number(g.tokens_output ?? 0), days);
    const zone = answer?.time_zone ?? answer?.timezone;
    results.replaceChildren(...(zone ? [h('p', { class: 'hint' }, `Days in ${zone}.`)] : []));
    const costPart = h('section', { class: 'chart-part', id: 'cost-chart' });
    const tokenPart = h('section', { class: 'chart-part', id: 'token-chart' });
    results.append(costPart, tokenPart);
    plots.push(await chart(costPart, 'Cost per day (USD)', days, costs, (v) => money(v)));
    costPart.append(figureTable(days, costs, (v) => money(v), 'Cost per day'));
    plots.push(await chart(tokenPart, 'Tokens per day (input + output)', days, tokens, (v) => num(Math.round(v))));
    tokenPart.append(figureTable(days, tokens, (v) => num(Math.round(v)), 'Tokens per day'));
  };
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    ctx.remember({ client: clientSelect?.value, from: from.value, to: to.value, by: by.value });
    guarded(results, draw);
  });
  for (const c of [clientSelect, by].filter(Boolean)) c.addEventListener('change', () => form.requestSubmit());
  await guarded(results, draw);
}
