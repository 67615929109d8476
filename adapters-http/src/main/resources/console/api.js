// The only way the console talks to the server: the public /api/v1 API, with the key the person
// typed, kept in this tab's session storage and sent as Authorization on every call.
const KEY = 'columnline.key';
const ME = 'columnline.me';

export class ApiProblem extends Error {
  constructor(status, problem) {
    super(problem.detail || problem.title || `HTTP ${status}`);
    this.status = status;
    this.problem = problem;
  }
}

export function signedIn() {
  return sessionStorage.getItem(KEY) !== null;
}

export function me() {
  return JSON.parse(sessionStorage.getItem(ME) || 'null');
}

export function isAdmin() {
  return me()?.kind === 'admin';
}

/** Checks the key with GET /api/v1/me and keeps it only when the server knows it. */
export async function signIn(key) {
  const who = await call('/api/v1/me', { key });
  sessionStorage.setItem(KEY, key);
  sessionStorage.setItem(ME, JSON.stringify(who));
  return who;
}

export function signOut() {
  sessionStorage.removeItem(KEY);
  sessionStorage.removeItem(ME);
}

function idempotencyKey() {
  if (crypto.randomUUID) return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
}

/** One call; a problem answer (or a network failure) is thrown as an ApiProblem with its detail. */
export async function call(path, { method = 'GET', body, key } = {}) {
  const headers = { Authorization: `Bearer ${key ?? sessionStorage.getItem(KEY) ?? ''}` };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (method === 'POST') headers['Idempotency-Key'] = idempotencyKey();
  let response;
  try {
    response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  } catch (e) {
    throw new ApiProblem(0, { title: 'The server could not be reached', detail: String(e.message || e) });
  }
  const text = await response.text();
  let data = null;
  try {
    data = text ? JSON.parse(text) : null;
  } catch {
    data = null;
  }
  if (!response.ok) {
    throw new ApiProblem(response.status, data && typeof data === 'object' ? data : { title: `HTTP ${response.status}`, detail: text });
  }
  return data;
}

/** A query string from the non-empty values. */
export function query(params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v !== undefined && v !== null && v !== '') q.set(k, v);
  }
  const s = q.toString();
  return s ? `?${s}` : '';
}

/** Every page of a list, up to `max` items (a run's steps, a dossier's history…). */
export async function all(path, params = {}, max = 2000) {
  const items = [];
  let cursor = null;
  do {
    const page = await call(path + query({ ...params, limit: 200, cursor }));
    items.push(...page.data);
    cursor = page.next_cursor;
  } while (cursor && items.length < max);
  return { items, truncated: Boolean(cursor) };
}
