// Small helpers shared by the pages: building elements, formatting, problems, pagers, tables.
import { ApiProblem } from './api.js';

/** h('a', {href: '#'}, 'text', child…): an element; attributes starting with "on" are listeners. */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k.startsWith('on')) el.addEventListener(k.slice(2), v);
    else if (k === 'class') el.className = v;
    else if (k === 'text') el.textContent = v;
    else el.setAttribute(k, v === true ? '' : v);
  }
  for (const c of children.flat()) {
    if (c === undefined || c === null || c === false) continue;
    el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return el;
}

export function money(v) {
  if (v === null || v === undefined) return '—';
  const n = Number(v);
  return n < 0.01 && n > 0 ? `$${n.toFixed(4)}` : `$${n.toFixed(2)}`;
}

export function num(v) {
  return v === null || v === undefined ? '—' : Number(v).toLocaleString('en-US');
}

export function duration(ms) {
  if (ms === null || ms === undefined) return '—';
  if (ms < 1000) return `${ms} ms`;
  const s = ms / 1000;
  if (s < 60) return `${s.toFixed(1)} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m} min ${Math.round(s % 60)} s`;
  return `${Math.floor(m / 60)} h ${m % 60} min`;
}

export function when(iso) {
  if (!iso) return '—';
  const d = new Date(iso);
  return d.toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'medium' });
}

export function badge(status) {
  return h('span', { class: `badge s-${String(status).replace(/[^a-z_]/gi, '')}` }, status ?? '—');
}

/** A problem as the person should read it: its title, detail and every field named. */
export function problemBox(error) {
  const p = error instanceof ApiProblem ? error.problem : { title: 'Something went wrong', detail: String(error?.message || error) };
  const status = error instanceof ApiProblem && error.status ? ` (${error.status})` : '';
  return h('div', { class: 'problem', role: 'alert' },
    h('strong', {}, `${p.title || 'Error'}${status}`),
    p.detail ? h('p', {}, p.detail) : null,
    Array.isArray(p.errors) && p.errors.length
      ? h('ul', {}, p.errors.map((e) => h('li', {}, h('code', {}, e.field), ` ${e.message}`)))
      : null);
}

/** Runs `work`, showing its problem in `where` instead of leaving a blank page. */
export async function guarded(where, work) {
  try {
    return await work();
  } catch (e) {
    if (!(e instanceof ApiProblem)) console.warn(e);
    where.replaceChildren(problemBox(e));
    return undefined;
  }
}

export function table(columns, rows, { caption, empty = 'Nothing here yet.' } = {}) {
  if (!rows.length) return h('p', { class: 'empty' }, empty);
  return h('div', { class: 'scroll' },
    h('table', {},
      caption ? h('caption', {}, caption) : null,
      h('thead', {}, h('tr', {}, columns.map((c) => h('th', { scope: 'col', class: c.num ? 'num' : null }, c.label)))),
      h('tbody', {}, rows.map((r) => h('tr', {}, columns.map((c) => h('td', { class: c.num ? 'num' : null }, c.value(r))))))));
}

/**
 * Cursor paging: `load(cursor)` answers {data, next_cursor}; the pager keeps the cursors of the
 * pages before, so Previous goes back without offsets.
 */
export class Pager {
  constructor(load, render) {
    this.load = load;
    this.render = render;
    this.stack = [null];
    this.el = h('nav', { class: 'pager', 'aria-label': 'Pages' });
  }

  async show(index = this.stack.length - 1) {
    const page = await this.load(this.stack[index]);
    this.stack.length = index + 1;
    if (page.next_cursor) this.stack.push(page.next_cursor);
    this.current = index;
    this.render(page);
    const hasNext = Boolean(page.next_cursor);
    this.el.replaceChildren(
      h('button', { type: 'button', class: 'quiet', disabled: index === 0, onclick: () => this.show(index - 1) }, '← Previous'),
      h('span', {}, `Page ${index + 1}`),
      h('button', { type: 'button', class: 'quiet', disabled: !hasNext, onclick: () => this.show(index + 1) }, 'Next →'));
    return page;
  }

  reload() {
    return this.show(this.current ?? 0);
  }
}

/** Asks with the page's <dialog>; resolves true only when the person confirms. */
export function confirmDialog(title, text, ok = 'Confirm') {
  const dialog = document.getElementById('confirm');
  document.getElementById('confirm-title').textContent = title;
  document.getElementById('confirm-text').textContent = text;
  document.getElementById('confirm-ok').textContent = ok;
  dialog.returnValue = '';
  return new Promise((resolve) => {
    dialog.addEventListener('close', () => resolve(dialog.returnValue === 'ok'), { once: true });
    dialog.showModal();
    document.getElementById('confirm-cancel').focus();
  });
}

/** A labelled form control. */
export function field(label, control) {
  const id = control.id || `f-${Math.random().toString(36).slice(2, 9)}`;
  control.id = id;
  return h('div', { class: 'field' }, h('label', { for: id }, label), control);
}

export function select(name, options, value) {
  return h('select', { name },
    options.map(([v, text]) => h('option', { value: v, selected: v === value }, text)));
}

/** Copies text, also where the Clipboard API is missing (plain http on another host). */
export async function copy(text, button) {
  try {
    if (navigator.clipboard && window.isSecureContext) await navigator.clipboard.writeText(text);
    else {
      const area = h('textarea', { 'aria-hidden': 'true', class: 'offscreen' });
      area.value = text;
      document.body.append(area);
      area.select();
      document.execCommand('copy');
      area.remove();
    }
    if (button) {
      const before = button.textContent;
      button.textContent = 'Copied';
      setTimeout(() => { button.textContent = before; }, 1200);
    }
  } catch (e) {
    if (button) button.textContent = 'Copy failed';
  }
}

/** JSON shown collapsed, with a copy button. */
export function jsonBlock(title, value, open = false) {
  const text = value === undefined || value === null ? 'null' : JSON.stringify(value, null, 2);
  const button = h('button', { type: 'button', class: 'quiet small' }, 'Copy');
  button.addEventListener('click', () => copy(text, button));
  return h('details', { class: 'json', open },
    h('summary', {}, title, ' ', button),
    h('pre', {}, text));
}

/** The date of a Date (local) as YYYY-MM-DD, for <input type=date>. */
export function isoDate(d) {
  const pad = (n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}
