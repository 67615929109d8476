// The console's shell: sign in, the page menu, and a hash router (#/runs, #/runs/ID, …) that hands
// each page the element to draw in, the path's id and the query's filters.
import { signIn, signOut, signedIn, me, ApiProblem } from './api.js';
import { h, problemBox } from './ui.js';

const PAGES = {
  runs: () => import('./runs.js'),
  costs: () => import('./costs.js'),
  dossiers: () => import('./dossiers.js'),
  batches: () => import('./batches.js'),
  prompts: () => import('./prompts.js'),
  imports: () => import('./imports.js'),
};

const main = document.getElementById('page');
let leaving = [];

function parse() {
  const hash = location.hash.replace(/^#\/?/, '');
  const [path, q = ''] = hash.split('?');
  const [page, ...rest] = path.split('/').map(decodeURIComponent);
  return { page: page || 'runs', id: rest.join('/') || null, params: Object.fromEntries(new URLSearchParams(q)) };
}

/** Sets the query of the current page (filters) without drawing it again. */
function remember(params) {
  const { page, id } = parse();
  const q = new URLSearchParams(Object.entries(params).filter(([, v]) => v !== undefined && v !== null && v !== '')).toString();
  const hash = `#/${page}${id ? `/${encodeURIComponent(id)}` : ''}${q ? `?${q}` : ''}`;
  history.replaceState(null, '', hash);
}

async function route() {
  leaving.forEach((fn) => fn());
  leaving = [];
  if (!signedIn()) {
    showSignIn();
    return;
  }
  const top = document.getElementById('top');
  top.hidden = false;
  const who = me();
  document.getElementById('who').textContent = who?.kind === 'admin' ? 'Admin key' : `Client ${who?.client ?? ''}`;
  const { page, id, params } = parse();
  for (const a of top.querySelectorAll('nav a')) {
    if (a.dataset.page === page) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  }
  const load = page === 'runs' && id ? () => import('./run.js') : PAGES[page];
  if (!load) {
    main.replaceChildren(problemBox(new ApiProblem(404, { title: 'No such page', detail: `The console has no page "${page}".` })));
    return;
  }
  main.replaceChildren(h('p', { class: 'loading' }, 'Loading…'));
  const module = await load();
  const ctx = {
    onLeave: (fn) => leaving.push(fn),
    remember,
    live: () => !document.hidden,
  };
  try {
    await module.render(main, { id, params }, ctx);
  } catch (e) {
    main.replaceChildren(problemBox(e));
  }
}

function sentence(text) {
  const t = String(text).trim();
  return /[.!?]$/.test(t) ? t : `${t}.`;
}

function showSignIn(message) {
  document.getElementById('top').hidden = true;
  const input = h('input', { id: 'api-key', name: 'key', type: 'password', autocomplete: 'off', required: true, spellcheck: 'false' });
  const status = h('div', { id: 'sign-in-status', 'aria-live': 'polite' }, message ? problemBox(message) : null);
  const form = h('form', { class: 'sign-in', id: 'sign-in' },
    h('h1', {}, 'Columnline console'),
    h('p', {}, 'Sign in with an API key: an admin key sees every client, a client key its own client. The key stays in this tab only (session storage).'),
    h('div', { class: 'field' }, h('label', { for: 'api-key' }, 'API key'), input),
    h('button', { type: 'submit' }, 'Sign in'),
    status);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    status.replaceChildren(h('p', {}, 'Checking the key…'));
    try {
      await signIn(input.value.trim());
      if (!location.hash || location.hash === '#/' || location.hash === '#') location.hash = '#/runs';
      else route();
    } catch (e) {
      const wrong = e instanceof ApiProblem && e.status === 401;
      status.replaceChildren(problemBox(wrong
        ? new ApiProblem(401, { title: 'This key was not accepted', detail: `${sentence(e.problem.detail || 'The server does not know this key')} Check that you copied the whole key and that it was not revoked.` })
        : e));
      input.select();
    }
  });
  main.replaceChildren(form);
  input.focus();
}

document.getElementById('sign-out').addEventListener('click', () => {
  signOut();
  location.hash = '';
  route();
});

window.addEventListener('hashchange', route);
// an API call answered 401 later (a key revoked while signed in) sends the person back to sign in
window.addEventListener('unhandledrejection', (event) => {
  if (event.reason instanceof ApiProblem && event.reason.status === 401) {
    signOut();
    showSignIn(event.reason);
    event.preventDefault();
  }
});
route();
