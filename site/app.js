// MCP Server Builder: the page. Plain DOM, no framework. This module holds
// the Build view, routes and memory; inputs.js reads declared inputs,
// importer.js is the Import view, lint.js the Lint view, zip.js the archive,
// common.js what they share.
//
// Views (routes in the URL fragment): #/ build (catalog → forms → live
// output for every client), #/import (validate a registry server.json and
// use it as a server), #/lint (lint, fix, convert; its wasm module is loaded
// only when that view opens, by lint.js). #/server/<id> opens a server's
// form; #/share/<data> applies a share link.
//
// Rules kept everywhere: text that comes from documents, catalog entries or
// the user is set with textContent or attributes only (the page runs under
// Trusted Types with no policy, so an HTML sink would throw anyway); no
// request is made after load except the lint module when its view opens;
// secret values live only in `srv.values` in page memory: never stored,
// never put in the URL, never logged.

import { CLIENTS, TARGETS, FORMATS, download, copyText, el } from './common.js';
import { RUNTIME, fieldsOf, looksSecret, needsOf, str, variants } from './inputs.js';
import { setupImport, validateNow } from './importer.js';
import { NO_SERVER, cardView, categoryOptions, countText, emptyDetails, panelView, tabView, toDom } from './views.js';

const $ = (id) => document.getElementById(id);
const STORE = 'mcp-builder:v1';

let core = null;
let catalog = []; // { id, title, category, runtimes, remote, card, button, doc (parsed when first added) }
const byId = new Map();
const outputs = new Map(); // target id → its pre[data-output]
const whenCore = []; // what was asked for before the core was ready, run once it is
const state = { selected: [], os: 'posix', inline: false, tab: 'claude-desktop', importN: 0 };
let results = null; // last generateAll answer
const shown = new Map(); // target id → text on screen
let uidN = 0;
const uid = () => `u${(uidN += 1)}`;

function flash(text) {
  $('flash').textContent = text;
}
function setStatus(s) {
  document.body.dataset.status = s;
}
const describe = (err) => String(err?.message ?? err).replace(/[.\s]+$/, '');

// ---- selection -------------------------------------------------------------

function entryName(doc, key) {
  const base = str(doc?.name).split('/').pop().toLowerCase().replace(/[^a-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '') || key;
  let name = base;
  for (let i = 2; state.selected.some((s) => s.name === name) || byId.has(name); i += 1) name = `${base}-${i}`;
  return name;
}

/** Add a server (catalog id or server.json text) with saved values; returns it. */
function addServer({ id, text, remote, values }) {
  let doc;
  let key;
  if (id) {
    const c = byId.get(id);
    if (!c) return null;
    const existing = state.selected.find((s) => s.id === id);
    if (existing) return existing;
    c.doc ??= JSON.parse(core.catalogEntry(id));
    doc = c.doc;
    key = id;
  } else {
    try {
      doc = JSON.parse(text);
    } catch {
      return null;
    }
    if (!doc || typeof doc !== 'object' || Array.isArray(doc)) return null;
    state.importN += 1;
    key = `import-${state.importN}`;
  }
  const { pkg, remote: r } = variants(doc);
  const srv = {
    key,
    id: id ?? null,
    text: id ? null : text,
    doc,
    name: id ?? entryName(doc, key),
    title: str(doc.title) || str(doc.name) || key,
    both: !!(pkg && r),
    useRemote: !!(pkg && r && remote),
    values: {},
    msgs: new Map(),
    section: null,
  };
  srv.fields = fieldsOf(doc, srv.useRemote);
  for (const f of srv.fields) {
    // Saved values come from storage or a share link (anyone can craft
    // one): only strings, or lists of strings for a repeated input.
    let saved = values && Object.hasOwn(values, f.name) ? values[f.name] : undefined;
    if (Array.isArray(saved)) saved = saved.filter((x) => typeof x === 'string');
    else if (typeof saved === 'string') saved = [saved];
    else saved = undefined;
    if (saved && !f.repeated) saved = saved[0];
    if (saved !== undefined && !f.secret) srv.values[f.name] = saved;
    else if (f.def && !f.secret) srv.values[f.name] = f.repeated ? [f.def] : f.def;
  }
  state.selected.push(srv);
  buildRequest(srv);
  renderConfig(srv);
  return srv;
}

function removeServer(key) {
  const i = state.selected.findIndex((s) => s.key === key);
  if (i < 0) return;
  const [srv] = state.selected.splice(i, 1);
  srv.section.remove();
  syncSelection();
}

function toggleServer(id) {
  if (!core) {
    // A click before the core is ready is kept and applied when it is.
    whenCore.push(() => toggleServer(id));
    return;
  }
  if (state.selected.some((s) => s.id === id)) removeServer(id);
  else {
    addServer({ id });
    syncSelection();
  }
}

// What generate() gets for one server: only non-empty values, and secret
// values only when the user asked for them in the files.
function buildRequest(srv) {
  const values = {};
  for (const f of srv.fields) {
    if (f.secret && !state.inline) continue;
    let v = srv.values[f.name];
    if (Array.isArray(v)) {
      v = v.filter((x) => x !== '');
      if (v.length) values[f.name] = v;
    } else if (v !== undefined && v !== '') values[f.name] = v;
  }
  const req = { name: srv.name, values };
  if (srv.id && (!srv.both || !srv.useRemote)) req.catalogId = srv.id;
  else {
    // One variant for this server alone: the other is left out of its document.
    const doc = srv.both ? { ...srv.doc, ...(srv.useRemote ? { packages: [] } : { remotes: [] }) } : null;
    req.serverJson = doc ? JSON.stringify(doc) : srv.text;
  }
  srv.req = req;
}

// ---- forms -----------------------------------------------------------------

function control(srv, f, value, index) {
  const id = uid();
  let input;
  if (f.choices && f.choices.length) {
    input = el('select');
    if (!f.required || !f.def) input.append(el('option', { value: '' }, '(not set)'));
    for (const c of f.choices) input.append(el('option', { value: c }, c));
    input.value = value ?? '';
  } else if (f.format === 'boolean') {
    input = el('input', { type: 'checkbox' });
    input.checked = value === 'true';
  } else {
    input = el('input', { type: f.secret ? 'password' : f.format === 'number' ? 'number' : 'text' });
    if (f.format === 'number') input.setAttribute('inputmode', 'decimal');
    input.autocomplete = f.secret ? 'new-password' : 'off';
    input.spellcheck = false;
    if (f.placeholder) input.placeholder = f.placeholder;
    else if (f.format === 'filepath') input.placeholder = state.os === 'windows' ? 'C:\\path\\to\\it' : '/path/to/it';
    input.value = value ?? '';
  }
  input.id = id;
  input.name = f.name;
  input.dataset.k = srv.key;
  if (index !== undefined) input.dataset.i = String(index);
  if (f.required) {
    input.required = true;
    input.setAttribute('aria-required', 'true');
  }
  return input;
}

const secretNote = () => (state.inline ? 'Written into the files as you chose: keep them private.' : 'Kept in this tab only; the files get a placeholder.');

function fieldRow(srv, f) {
  const row = el('div', { className: `field${f.format === 'boolean' ? ' check' : ''}` });
  row.dataset.input = f.name;
  const hint = uid();
  const err = uid();
  f.err = err;
  const label = el('label', {}, el('code', {}, f.name));
  if (f.required) label.append(' ', el('span', { className: 'req' }, 'required'));
  if (f.secret) label.append(' ', el('span', { className: 'tag secret' }, 'secret'));
  const helpParts = [f.description && !/[.!?:)]$/.test(f.description) ? `${f.description}.` : f.description];
  if (f.def && !f.secret) helpParts.push(`Default: ${f.def}.`);
  const help = el('p', { className: 'hint', id: hint }, helpParts.filter(Boolean).join(' '));
  if (f.secret) help.append(' ', el('span', { className: 'secret-note' }, secretNote()));
  const error = el('p', { className: 'error', id: err });
  error.hidden = true;
  const describedBy = `${hint} ${err}`;

  if (f.repeated) {
    const labelId = uid();
    label.id = labelId;
    const list = el('div', { className: 'repeat' });
    const values = Array.isArray(srv.values[f.name]) ? srv.values[f.name] : [str(srv.values[f.name])];
    const addRow = (v, i) => {
      const input = control(srv, f, v, i);
      input.setAttribute('aria-labelledby', labelId);
      input.setAttribute('aria-describedby', describedBy);
      if (i > 0) input.setAttribute('aria-label', `${f.name}, value ${i + 1}`);
      const rm = el('button', { type: 'button', className: 'btn btn-small', 'aria-label': `Remove value ${i + 1} of ${f.name}` }, 'Remove');
      rm.dataset.act = 'rm-value';
      const item = el('div', { className: 'repeat-item' }, input, rm);
      list.append(item);
      return input;
    };
    values.forEach(addRow);
    const more = el('button', { type: 'button', className: 'btn btn-small' }, `Add another ${f.name}`);
    more.addEventListener('click', () => {
      const input = addRow('', list.children.length);
      input.focus();
    });
    label.htmlFor = list.querySelector('input,select').id;
    row.append(label, list, more, help, error);
    return row;
  }
  const input = control(srv, f, srv.values[f.name]);
  input.setAttribute('aria-describedby', describedBy);
  label.htmlFor = input.id;
  if (f.format === 'boolean') row.append(input, label, help, error);
  else if (f.secret) {
    const eye = el('button', { type: 'button', className: 'btn btn-small', 'aria-pressed': 'false', 'aria-label': `Show ${f.name}` }, 'Show');
    eye.dataset.act = 'reveal';
    row.append(label, el('div', { className: 'pw' }, input, eye), help, error);
  } else row.append(label, input, help, error);
  return row;
}

function renderConfig(srv) {
  const headingId = uid();
  const section = el('section', { className: 'server-config', 'aria-labelledby': headingId });
  section.dataset.server = srv.key;
  const remove = el('button', { type: 'button', className: 'btn btn-small', 'aria-label': `Remove ${srv.title}` }, 'Remove');
  remove.addEventListener('click', () => {
    removeServer(srv.key);
    flash(`Removed ${srv.title}.`);
  });
  const head = el('div', { className: 'cfg-head' },
    el('h3', { id: headingId }, srv.title), el('code', { className: 'muted small' }, srv.name), remove);
  const desc = el('p', { className: 'desc' }, str(srv.doc.description));
  const body = el('div', { className: 'fields' });
  section.append(head, desc);
  if (srv.both) {
    const { pkg, remote } = variants(srv.doc);
    const sel = el('select', { id: uid() },
      el('option', { value: 'local' }, `On this machine: ${RUNTIME[pkg.registryType] ?? str(pkg.registryType)}`),
      el('option', { value: 'remote' }, `Hosted: ${str(remote.url).slice(0, 60)}`));
    sel.value = srv.useRemote ? 'remote' : 'local';
    sel.addEventListener('change', () => {
      srv.useRemote = sel.value === 'remote';
      srv.fields = fieldsOf(srv.doc, srv.useRemote);
      for (const f of srv.fields) if (srv.values[f.name] === undefined && f.def && !f.secret) srv.values[f.name] = f.repeated ? [f.def] : f.def;
      fillFields(srv, body);
      buildRequest(srv);
      regenerate();
      persistSoon();
    });
    section.append(el('div', { className: 'field variant' }, el('label', { htmlFor: sel.id }, 'Run it'), sel));
  }
  section.append(body);
  fillFields(srv, body);
  srv.section = section;
  $('configs').append(section);
}

function fillFields(srv, body) {
  srv.msgs.clear();
  body.replaceChildren(...(srv.fields.length
    ? srv.fields.map((f) => fieldRow(srv, f))
    : [el('p', { className: 'muted small' }, 'Nothing to configure.')]));
}

function focusForm(srv) {
  const first = srv.section.querySelector('.fields input, .fields select') ?? srv.section.querySelector('select, button');
  first.focus({ preventScroll: true });
}

function onFieldInput(event) {
  const t = event.target;
  const srv = state.selected.find((s) => s.key === t.dataset?.k);
  if (!srv) return;
  const f = srv.fields.find((x) => x.name === t.name);
  if (!f) return;
  if (f.repeated) {
    srv.values[f.name] = [...srv.section.querySelectorAll('[data-k]')].filter((x) => x.name === f.name).map((x) => x.value);
  } else if (f.format === 'boolean') srv.values[f.name] = t.checked ? 'true' : 'false';
  else srv.values[f.name] = t.value;
  if (!f.secret) t.classList.toggle('looks-secret', looksSecret(t.value));
  buildRequest(srv);
  regenerate(srv);
  persistSoon();
}

function onConfigClick(event) {
  const b = event.target.closest('button[data-act]');
  if (!b) return;
  if (b.dataset.act === 'reveal') {
    const input = b.previousElementSibling;
    const show = input.type === 'password';
    input.type = show ? 'text' : 'password';
    b.setAttribute('aria-pressed', String(show));
    b.textContent = show ? 'Hide' : 'Show';
  } else if (b.dataset.act === 'rm-value') {
    const item = b.parentElement;
    const input = item.querySelector('input,select');
    const list = item.parentElement;
    if (list.children.length === 1) input.value = '';
    else item.remove();
    const first = list.querySelector('input,select');
    first.dispatchEvent(new Event('input', { bubbles: true }));
    first.focus();
  }
}

function showMessages(errors) {
  for (const srv of state.selected) {
    const now = errors.get(srv.name) ?? new Map();
    for (const f of srv.fields) {
      const msg = now.get(f.name) ?? '';
      if ((srv.msgs.get(f.name) ?? '') === msg) continue;
      srv.msgs.set(f.name, msg);
      const node = $(f.err);
      if (!node) continue;
      node.textContent = msg;
      node.hidden = !msg;
      for (const input of srv.section.querySelectorAll('[data-k]')) {
        if (input.name !== f.name) continue;
        if (msg) input.setAttribute('aria-invalid', 'true');
        else input.removeAttribute('aria-invalid');
      }
    }
  }
}

// ---- output ----------------------------------------------------------------

let lastErrors = new Map(); // entry name → Map(input → message), from the last run

// Every target's file from one generateAll(). A server the core refuses
// (a required value missing, a value out of its format) is reported at its
// fields and left out, so the others' files still show. `edited` is the
// server being typed into: servers refused last time and not edited since
// are left out up front with their old messages, which saves a second
// generateAll() per keystroke.
function regenerate(edited) {
  if (!core) return;
  try {
    generateNow(edited);
  } catch (err) {
    const banner = $('left-out');
    banner.textContent = `The generator stopped: ${describe(err)}. Reload the page (your settings without secrets are kept).`;
    banner.hidden = false;
  }
}

function generateNow(edited) {
  const base = { secrets: state.inline ? 'inline' : 'placeholder', os: state.os, installs: false };
  const errors = new Map();
  const general = [];
  if (edited !== undefined) {
    for (const [name, m] of lastErrors) if (name !== edited.name && state.selected.some((s) => s.name === name)) errors.set(name, m);
  }
  let servers = state.selected.filter((s) => !errors.has(s.name)).map((s) => s.req);
  results = null;
  if (servers.length) {
    results = core.generateAll({ ...base, servers });
    const first = results.cursor;
    if (!first.ok) {
      const bad = new Set();
      for (const n of first.notes) {
        if (n.severity !== 'error') continue;
        if (!n.server) {
          general.push(n.message);
          continue;
        }
        bad.add(n.server);
        if (!errors.has(n.server)) errors.set(n.server, new Map());
        const m = errors.get(n.server);
        // The core appends the input's description, which the form shows already.
        const message = n.rule === 'generate/missing-required' && n.input ? n.message.replace(/ \(.*\)$/s, '') : n.message;
        m.set(n.input, m.has(n.input) ? `${m.get(n.input)} ${message}` : message);
      }
      if (bad.size) {
        servers = servers.filter((r) => !bad.has(r.name));
        results = servers.length ? core.generateAll({ ...base, servers }) : null;
      }
    }
  }
  lastErrors = errors;
  const left = state.selected.filter((s) => errors.has(s.name));

  // Every output in this task, the one on screen first: each
  // [data-output] is current when the handler returns (a stable hook).
  for (const id of [state.tab, ...TARGET_IDS]) {
    const text = results?.[id]?.ok ? results[id].text : '';
    if (shown.get(id) !== text) {
      shown.set(id, text);
      outputs.get(id).textContent = text;
    }
  }
  showMessages(errors);
  const banner = $('left-out');
  const parts = [];
  if (left.length) {
    parts.push(`Left out until its settings are fixed: ${left.map((s) => {
      const m = errors.get(s.name);
      const why = m ? [...m.keys()].filter(Boolean).join(', ') : '';
      return why ? `${s.title} (${why})` : s.title;
    }).join('; ')}.`);
  }
  parts.push(...general);
  const text = parts.join(' ');
  if (banner.textContent !== text) banner.textContent = text;
  banner.hidden = !text;
  scheduleDetails();
}

// Notes and install commands for the tab on screen: after the frame that
// shows the new output (they cost a second generate()), so a keystroke's
// preview is painted without waiting for them. A tab switch renders them
// at once (selectTab).
let detailsPending = false;
function scheduleDetails() {
  if (detailsPending) return;
  detailsPending = true;
  requestAnimationFrame(() => setTimeout(() => {
    detailsPending = false;
    renderDetails();
  }, 0));
}

let detailsKey = '';
// Notes, install commands and links, and secrets to fill, for the tab on
// screen only (installs cost a second generate() of one target).
function renderDetails() {
  const id = state.tab;
  const res = results?.[id];
  let full = null;
  if (res?.ok && CLIENTS.includes(id)) {
    const servers = state.selected.filter((s) => ![...s.msgs.values()].some(Boolean)).map((s) => s.req);
    full = core.generate({ client: id, servers, secrets: state.inline ? 'inline' : 'placeholder', os: state.os });
  }
  const notes = (res?.notes ?? []).filter((n) => n.rule !== 'generate/secret-not-written' && (res.ok || !n.server));
  const key = JSON.stringify([id, notes, full?.commands, full?.links, res?.secrets, state.selected.length]);
  if (key === detailsKey) return;
  detailsKey = key;
  const box = $('details');
  const parts = [];
  if (!state.selected.length) parts.push(toDom(emptyDetails()));
  if (notes.length) {
    parts.push(el('ul', { className: 'notes', 'aria-label': 'Notes' }, ...notes.map((n) => el('li', { className: `note-${n.severity}` },
      el('span', { className: 'severity' }, n.severity), ' ', n.server ? `${n.server}: ` : '', n.message))));
  }
  if (full && (full.commands.length || full.links.length)) {
    parts.push(el('h3', {}, 'Install'));
    const list = el('ul', { className: 'installs' });
    for (const c of full.commands) {
      const b = el('button', { type: 'button', className: 'btn btn-small', 'aria-label': `Copy the command for ${c.server}` }, 'Copy');
      b.addEventListener('click', () => copyText(c.text, `the command for ${c.server}`, flash));
      list.append(el('li', {}, el('span', { className: 'muted small' }, `${c.server}: one-line command`), el('div', { className: 'cmd' }, el('code', {}, c.text), b)));
    }
    for (const l of full.links) {
      // Only the clients' own install schemes become links; anything else is text.
      const safe = /^(cursor|vscode|vscode-insiders|lmstudio|goose):/i.test(l.text);
      const label = `Install ${l.server} in ${CLIENT_NAMES[l.kind] ?? l.kind}`;
      list.append(el('li', {}, safe ? el('a', { href: l.text, className: 'btn btn-small install-link' }, label) : el('code', {}, l.text)));
    }
    parts.push(list);
  }
  if (res?.secrets?.length) {
    parts.push(el('h3', {}, 'Secrets to provide'));
    parts.push(el('ul', { className: 'secrets' }, ...res.secrets.map((s) => el('li', {}, el('code', {}, s.id), ` (${s.server}): ${s.description}`))));
  }
  // The prerendered page already shows the empty notice: left as it is.
  if (parts.length === 1 && box.childElementCount === 1 && box.firstElementChild.textContent === NO_SERVER && !state.selected.length) return;
  box.replaceChildren(...parts);
}

const CLIENT_NAMES = Object.fromEntries(TARGETS.map(([id, label]) => [id, label]));

const TARGET_IDS = TARGETS.map(([id]) => id);

// Tabs and panels: prerendered in index.html by the build (views.js), or
// built here when the page is served unbuilt. Copy and download buttons are
// handled by one listener through their data-copy / data-download.
function wireOutputs() {
  const tabs = $('tabs');
  const panels = $('panels');
  if (!tabs.querySelector('[role="tab"]')) {
    tabs.replaceChildren(...TARGETS.map((t) => toDom(tabView(t, t[0] === state.tab))));
    panels.replaceChildren(...TARGETS.map((t) => toDom(panelView(t, FORMATS[t[0]], t[0] === state.tab))));
  }
  for (const id of TARGET_IDS) outputs.set(id, panels.querySelector(`[data-output="${id}"]`));
  panels.addEventListener('click', (e) => {
    const b = e.target.closest('button[data-copy], button[data-download]');
    if (!b) return;
    const id = b.dataset.copy ?? b.dataset.download;
    const [, label, file] = TARGETS.find(([t]) => t === id);
    if (b.dataset.copy) copyText(outputs.get(id).textContent, `the ${label} file`, flash);
    else download(file, outputs.get(id).textContent);
  });
  tabs.addEventListener('click', (e) => {
    const t = e.target.closest('[role="tab"]');
    if (t) selectTab(t.dataset.tab);
  });
  tabs.addEventListener('keydown', (e) => {
    const ids = TARGET_IDS;
    let i = ids.indexOf(state.tab);
    if (e.key === 'ArrowRight' || e.key === 'ArrowDown') i = (i + 1) % ids.length;
    else if (e.key === 'ArrowLeft' || e.key === 'ArrowUp') i = (i - 1 + ids.length) % ids.length;
    else if (e.key === 'Home') i = 0;
    else if (e.key === 'End') i = ids.length - 1;
    else return;
    e.preventDefault();
    selectTab(ids[i]);
    $(`tab-${ids[i]}`).focus();
  });
}

function selectTab(id) {
  if (!TARGETS.some(([t]) => t === id)) id = 'claude-desktop';
  state.tab = id;
  for (const [t] of TARGETS) {
    const on = t === id;
    const tab = $(`tab-${t}`);
    tab.setAttribute('aria-selected', String(on));
    tab.tabIndex = on ? 0 : -1;
    $(`panel-${t}`).hidden = !on;
  }
  renderDetails();
  persistSoon();
}

// ---- catalog ---------------------------------------------------------------

// The cards are prerendered in index.html by the build (views.js cardView,
// from the same catalog); the page adopts them. Served unbuilt, it renders
// them from the core once that is ready (renderCatalog).
function adoptCatalog() {
  catalog = [...$('cards').querySelectorAll(':scope > li[data-id]')].map((li) => ({
    id: li.dataset.id,
    title: li.querySelector('h3').textContent,
    category: li.dataset.category,
    runtimes: li.dataset.runtimes ? li.dataset.runtimes.split(' ') : [],
    remote: li.dataset.remote === 'true',
    card: li,
    button: li.querySelector('button.add'),
    doc: null,
  }));
  byId.clear();
  for (const c of catalog) byId.set(c.id, c);
}

function renderCatalog() {
  const list = core.catalog().map((c) => {
    const doc = JSON.parse(core.catalogEntry(c.id));
    return { ...c, doc, needs: needsOf(doc) };
  });
  $('f-category').append(...categoryOptions([...new Set(list.map((c) => c.category))].sort()).map(toDom));
  $('cards').replaceChildren(...list.map((c) => toDom(cardView(c))));
  adoptCatalog();
  for (const c of list) byId.get(c.id).doc = c.doc;
}

function wireCatalog() {
  $('cards').addEventListener('click', (e) => {
    const li = e.target.closest('button.add')?.closest('li[data-id]');
    if (li) toggleServer(li.dataset.id);
  });
  for (const id of ['search', 'f-category', 'f-transport', 'f-runtime']) $(id).addEventListener('input', filterCatalog);
}

let searchPending = false;
function filterCatalog() {
  const q = $('search').value.trim();
  if (q && !core) {
    // Search is the core's; the filters below are not. Done again when it is ready.
    if (!searchPending) whenCore.push(() => { searchPending = false; filterCatalog(); });
    searchPending = true;
  }
  const hits = q && core ? new Set(core.catalog(q).map((c) => c.id)) : null;
  const cat = $('f-category').value;
  const tr = $('f-transport').value;
  const rt = $('f-runtime').value;
  let n = 0;
  for (const c of catalog) {
    const ok = (!hits || hits.has(c.id)) && (!cat || c.category === cat)
      && (!tr || (tr === 'remote' ? c.remote : c.runtimes.length > 0))
      && (!rt || (rt === 'remote' ? c.remote : c.runtimes.includes(rt)));
    if (c.card.hidden !== !ok) c.card.hidden = !ok;
    if (ok) n += 1;
  }
  const count = countText(n, catalog.length);
  if ($('catalog-count').textContent !== count) $('catalog-count').textContent = count;
}

function syncSelection() {
  for (const c of catalog) {
    const on = state.selected.some((s) => s.id === c.id);
    if (c.button.getAttribute('aria-pressed') === String(on)) continue;
    c.button.setAttribute('aria-pressed', String(on));
    c.button.textContent = on ? 'Added' : 'Add';
    c.card.classList.toggle('selected', on);
  }
  $('configs-empty').hidden = state.selected.length > 0;
  regenerate();
  persistSoon();
}

// ---- persistence and sharing ---------------------------------------------

// Only non-secret values: declared secrets and anything that looks like a
// token are left out.
function snapshot() {
  return {
    s: state.selected.map((srv) => {
      const v = {};
      for (const f of srv.fields) {
        if (f.secret) continue;
        const x = srv.values[f.name];
        if (x === undefined || x === '') continue;
        const clean = Array.isArray(x) ? x.filter((y) => !looksSecret(y)) : looksSecret(x) ? undefined : x;
        if (clean !== undefined && !(Array.isArray(clean) && !clean.length)) v[f.name] = clean;
      }
      const item = srv.id ? { id: srv.id } : { doc: srv.text };
      if (srv.useRemote) item.r = 1;
      if (Object.keys(v).length) item.v = v;
      return item;
    }),
    os: state.os,
  };
}

function restore(data) {
  for (const srv of state.selected) srv.section.remove();
  state.selected = [];
  if (!data || !Array.isArray(data.s)) return;
  state.os = data.os === 'windows' ? 'windows' : 'posix';
  $('os').value = state.os;
  for (const item of data.s.slice(0, 100)) {
    if (!item || typeof item !== 'object') continue;
    const values = item.v && typeof item.v === 'object' ? item.v : undefined;
    if (typeof item.id === 'string') addServer({ id: item.id, remote: item.r === 1, values });
    else if (typeof item.doc === 'string') addServer({ text: item.doc, remote: item.r === 1, values });
  }
}

let persistTimer = 0;
function persistSoon() {
  clearTimeout(persistTimer);
  persistTimer = setTimeout(persist, 200);
}
function persist() {
  clearTimeout(persistTimer);
  try {
    const snap = snapshot();
    // Nothing chosen, nothing changed: nothing is stored.
    if (!snap.s.length && snap.os === 'posix' && state.tab === 'claude-desktop') localStorage.removeItem(STORE);
    else localStorage.setItem(STORE, JSON.stringify({ ...snap, tab: state.tab }));
  } catch {
    // storage full or disabled: the work stays in the page
  }
}

const b64encode = (s) => {
  let bin = '';
  for (const b of new TextEncoder().encode(s)) bin += String.fromCharCode(b);
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
};
const b64decode = (s) => new TextDecoder().decode(Uint8Array.from(atob(s.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0)));

function shareLink() {
  const url = new URL(location.href);
  url.hash = `#/share/${b64encode(JSON.stringify(snapshot()))}`;
  return url.href;
}

// ---- views and routes ------------------------------------------------------

const TITLES = { build: 'MCP Server Builder', import: 'Import server.json · MCP Server Builder', lint: 'Lint & convert · MCP Server Builder' };

function show(view) {
  document.body.dataset.view = view;
  document.title = TITLES[view];
  for (const v of ['build', 'import', 'lint']) $(`view-${v}`).hidden = v !== view;
  for (const a of document.querySelectorAll('[data-nav]')) {
    if (a.dataset.nav === view) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  }
  if (view === 'lint') {
    import('./lint.js').then((m) => m.openLint(flash)).catch((err) => flash(`The linter could not be loaded: ${describe(err)}.`));
  }
  if (view === 'import') validateNow();
}

function route() {
  const hash = location.hash;
  // A share link or a server link needs the core: the start-up routes again.
  if (!core && (hash.startsWith('#/share/') || hash.startsWith('#/server/'))) return;
  if (hash.startsWith('#/share/')) {
    try {
      restore(JSON.parse(b64decode(hash.slice(8))));
      flash(`Opened a shared setup: ${state.selected.length} server(s). Secrets are never shared: fill them in again.`);
    } catch {
      flash('This share link is damaged and was ignored.');
    }
    history.replaceState(null, '', '#/');
    syncSelection();
    show('build');
    return;
  }
  if (hash.startsWith('#/server/')) {
    const id = decodeURIComponent(hash.slice(9));
    show('build');
    if (!byId.has(id)) {
      flash(`No server “${id}” in the catalog.`);
      return;
    }
    const srv = addServer({ id });
    syncSelection();
    srv.section.scrollIntoView({ block: 'start' });
    focusForm(srv);
    return;
  }
  show(hash === '#/import' ? 'import' : hash === '#/lint' ? 'lint' : 'build');
}

function forgetEverything() {
  try {
    localStorage.clear();
    sessionStorage.clear();
  } catch {
    // nothing stored
  }
  for (const srv of state.selected) srv.section.remove();
  state.selected = [];
  state.inline = false;
  state.os = 'posix';
  $('os').value = 'posix';
  $('secrets-inline').checked = false;
  $('inline-warning').hidden = true;
  for (const id of ['search', 'f-category', 'f-transport', 'f-runtime']) $(id).value = '';
  $('share-link').value = '';
  $('share-box').hidden = true;
  filterCatalog();
  selectTab('claude-desktop');
  syncSelection();
  clearTimeout(persistTimer);
  try {
    localStorage.clear();
  } catch {
    // as above
  }
  import('./lint.js').then((m) => m.forgetLint()).catch(() => {});
  if (location.hash) history.replaceState(null, '', location.pathname);
  show('build');
  flash('Everything was forgotten: selection, settings and secrets are gone from this page and this device.');
}

// ---- start -----------------------------------------------------------------

function setup() {
  $('configs').addEventListener('input', onFieldInput);
  $('config-form').addEventListener('submit', (e) => e.preventDefault());
  $('configs').addEventListener('click', onConfigClick);
  $('os').addEventListener('input', () => {
    state.os = $('os').value;
    regenerate();
    persistSoon();
  });
  $('secrets-inline').addEventListener('input', () => {
    state.inline = $('secrets-inline').checked;
    $('inline-warning').hidden = !state.inline;
    for (const srv of state.selected) buildRequest(srv);
    for (const note of document.querySelectorAll('.secret-note')) note.textContent = secretNote();
    regenerate();
    flash(state.inline ? 'Secret values are now written into the files.' : 'Secrets are placeholders again.');
  });
  $('download-all').addEventListener('click', async () => {
    const { zip } = await import('./zip.js');
    const files = TARGETS.filter(([id]) => shown.get(id)).map(([id, , file]) => ({ name: `mcp-config/${id}/${file}`, text: shown.get(id) }));
    if (!files.length) {
      flash('Nothing to download yet: choose a server first.');
      return;
    }
    download('mcp-config.zip', zip(files), 'application/zip');
    flash(`Downloaded mcp-config.zip (${files.length} files).`);
  });
  $('share').addEventListener('click', () => {
    const link = shareLink();
    $('share-link').value = link;
    $('share-box').hidden = false;
    copyText(link, 'the share link (no secrets in it)', flash);
  });
  $('forget').addEventListener('click', forgetEverything);
  window.addEventListener('hashchange', route);
  window.addEventListener('pagehide', persist);
  setupImport({
    getCore: () => core,
    use(text) {
      const srv = addServer({ text });
      if (!srv) return;
      syncSelection();
      history.pushState(null, '', '#/');
      show('build');
      flash(`Added ${srv.title} to your servers.`);
      srv.section.scrollIntoView({ block: 'start' });
      focusForm(srv);
    },
  });
}

const nextTask = () => new Promise((resolve) => { setTimeout(resolve, 0); });

function loadCore() {
  import('./vendor/mcp-server-builder/src/index.js').then((pkg) => pkg.init()).then(async (loaded) => {
    core = loaded;
    // The core's start-up (instantiating, loading the catalog) was one task;
    // what the page does with it is the next, so neither blocks for long.
    await nextTask();
    $('core-version').textContent = `Core ${core.version}.`;
    if (!catalog.length) renderCatalog();
    let saved = null;
    try {
      saved = JSON.parse(localStorage.getItem(STORE) ?? 'null');
    } catch {
      saved = null;
    }
    if (saved) restore(saved);
    selectTab(saved?.tab ?? state.tab);
    syncSelection();
    filterCatalog();
    route();
    for (const fn of whenCore.splice(0)) fn();
    setStatus('ready');
  }, (err) => {
    $('result-status').textContent = 'The validator is not available.';
    const box = $('load-error');
    box.replaceChildren(el('strong', {}, 'The builder could not be loaded.'), ` ${describe(err)}. Check that JavaScript and WebAssembly are allowed, then reload the page.`);
    box.hidden = false;
    setStatus('error');
  });
}

setup();
wireCatalog();
adoptCatalog();
wireOutputs();
route(); // a view link (#/import, #/lint) shows its view at once
// The catalog and the output panel are on screen already (prerendered), and
// usable: filters work, a click on Add is kept until the core is ready. The
// core (the wasm and the catalog data, most of the first load's bytes) is
// fetched once that page has been painted, so its download does not compete
// with the stylesheet and this script for the first paint. A hidden tab
// gets no animation frames: the timer starts it there.
let coreRequested = false;
const startCore = () => {
  if (coreRequested) return;
  coreRequested = true;
  loadCore();
};
requestAnimationFrame(() => setTimeout(startCore, 0));
setTimeout(startCore, 1000);
