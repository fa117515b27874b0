// The lint, fix and convert view. Loaded (with the lint wasm module) only
// when the view opens: it is not part of the first load. The text being
// checked lives only in the textarea: never stored, never sent.
//
// The wasm work runs in a dedicated module worker (site/lint-worker.js), so
// the page stays responsive while a large file (up to the 16 MiB limit,
// close to a second of work) is checked. Every request goes there, small
// ones too: one wasm instance and one heap instead of two, one order for all
// answers, and the same path for every input size; a round trip costs well
// under a millisecond. Where no module worker can start (the single file
// dist/mcp-builder.html opened from disk: a file: page cannot start a worker;
// a browser without module workers), the same work (lint-work.js) runs on
// the page, as it did before the worker existed.

/* global __LINT_WORKER__ */
import { CLIENTS, TARGETS, copyText, download, el, jumpTo } from './common.js';
import { work } from './lint-work.js';

const $ = (id) => document.getElementById(id);
const NAMES = Object.fromEntries(TARGETS.map(([id, label, file]) => [id, { label, file }]));
// The built worker, { file, integrity } (scripts/lib/site-build.mjs defines
// it; its file sits beside the app's script in assets/); null in the single file.
const WORKER = typeof __LINT_WORKER__ === 'undefined' ? null : __LINT_WORKER__;
const WORKER_URL = WORKER ? new URL(WORKER.file, import.meta.url).href : '';
// How long a check may take before the status says "Checking…" (no flicker
// for the usual few milliseconds).
const CHECKING_DELAY_MS = 150;

/** A request dropped because the text changed (or a newer check replaced it). */
class Superseded extends Error {}
/** No module worker could start here: run on the page instead. */
class NoWorker extends Error {}

let engine = null;
let loading = null;
let ready = false;
let say = () => {};
let timer = 0;
let checkingTimer = 0;
let report = null;
let converted = null;
let textVersion = 0; // bumped on every change of the text
let lintSeq = 0; // the latest check asked for: older answers are dropped
let lintRunning = false;
let convertSeq = 0;

const errorText = (err) => String(err?.message ?? err);

/** Open the view: load the lint module once, then check what is in the box. */
export function openLint(flash) {
  say = flash;
  if (!loading) {
    setup();
    $('lint-status').textContent = 'Loading the linter (once, about 350 KB)…';
    loading = startEngine().then((e) => {
      engine = e;
      document.body.dataset.lintEngine = e.mode;
      document.body.dataset.lint = 'ready';
      run();
    }, (err) => {
      loading = null;
      $('lint-status').textContent = `The linter could not be loaded: ${errorText(err)}`;
    });
  }
  return loading;
}

/** Forget everything: the text and every result. */
export function forgetLint() {
  $('lint-source').value = '';
  changed();
  converted = null;
  run();
}

// ------------------------------------------------------------ engines ----

async function startEngine() {
  if (WORKER && typeof Worker === 'function' && /^https?:$/.test(location.protocol)) {
    try {
      return await workerEngine();
    } catch (err) {
      if (!(err instanceof NoWorker)) throw err; // a failed integrity check is never worked around
    }
  }
  return pageEngine();
}

/** The work on the page's own thread: the single file, or no module worker. */
async function pageEngine() {
  const pkg = await import('./vendor/mcp-server-builder/src/index.js');
  const linter = await pkg.init({ lint: true, catalog: false });
  return {
    mode: 'page',
    limits: linter.limits,
    request: (op, text, options) => new Promise((resolve) => { resolve(work(linter, { op, text, options })); }),
    cancel() {},
  };
}

// Under require-trusted-types-for 'script', new Worker() takes only a
// TrustedScriptURL: one policy, "mcp-lint-worker" (named in the CSP's
// trusted-types, scripts/lib/site-headers.mjs), that accepts exactly this
// build's worker file and nothing else. Created once (the CSP allows no
// duplicate), only when a worker is started: never in the single file.
let workerPolicy = null;
function trustedWorkerUrl() {
  const tt = globalThis.trustedTypes;
  if (!tt?.createPolicy) return WORKER_URL;
  workerPolicy ??= tt.createPolicy('mcp-lint-worker', {
    createScriptURL(url) {
      if (url !== WORKER_URL) throw new TypeError(`mcp-lint-worker policy: ${url} is not the site's lint worker`);
      return url;
    },
  });
  return workerPolicy.createScriptURL(WORKER_URL);
}

/**
 * The worker, behind request(op, text, options) → Promise. cancel() drops
 * every request still running: it terminates the worker (a lint of 16 MiB
 * cannot be interrupted any other way) and starts a fresh one at once, so
 * nothing ever waits behind outdated work.
 */
async function workerEngine() {
  // new Worker() takes no integrity: fetch the (content-addressed) file with
  // its SHA-384 first and start the worker only if it matches. The Worker's
  // own request is then answered by the HTTP cache this checked fetch just
  // filled (assets/ is immutable for a year) or, once installed, by the
  // service worker's precache, which was filled with the same hash.
  let response;
  try {
    response = await fetch(WORKER_URL, { integrity: WORKER.integrity, credentials: 'same-origin' });
    if (response.ok) await response.arrayBuffer();
  } catch {
    throw new Error(`the lint worker failed to load or failed its integrity check: ${WORKER_URL}`);
  }
  if (!response.ok) throw new Error(`cannot load ${WORKER_URL}: the server answered ${response.status}`);
  const scriptUrl = trustedWorkerUrl();

  const pending = new Map();
  let worker = null;
  let nextId = 0;
  let limits = null;
  const failAll = (message) => {
    const all = [...pending.values()];
    pending.clear();
    for (const p of all) p.reject(new Error(message));
  };
  const spawn = () => new Promise((resolve, reject) => {
    let w;
    try {
      w = new Worker(scriptUrl, { type: 'module', name: 'mcp-lint' });
    } catch (err) {
      reject(new NoWorker(errorText(err)));
      return;
    }
    worker = w;
    let started = false;
    const stop = (message) => {
      if (worker !== w) return;
      worker = null;
      w.terminate();
      failAll(message);
    };
    w.addEventListener('message', ({ data }) => {
      if (data.type === 'ready') {
        started = true;
        limits = data.limits;
        resolve();
      } else if (data.type === 'failed') {
        reject(new Error(data.message));
        stop(data.message);
      } else {
        const p = pending.get(data.id);
        if (!p) return; // cancelled meanwhile
        pending.delete(data.id);
        if (data.type === 'result') p.resolve(data.result);
        else p.reject(new Error(data.message));
      }
    });
    // A script that cannot run as a module worker (older browsers) errors
    // before 'ready': the page does the work instead. Later, a crash (out of
    // memory) fails what was running; the next request starts a new worker.
    w.addEventListener('error', (event) => {
      const message = event.message || 'the lint worker stopped';
      if (!started) reject(new NoWorker(message));
      stop(message);
    });
  });
  await spawn();
  return {
    mode: 'worker',
    get limits() { return limits; },
    request(op, text, options) {
      if (!worker) spawn().catch(() => {}); // its failure reaches the requests through stop()
      if (!worker) return Promise.reject(new Error('the lint worker cannot start'));
      const id = ++nextId;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject });
        worker.postMessage({ id, op, text, options });
      });
    },
    cancel() {
      if (!pending.size) return;
      const all = [...pending.values()];
      pending.clear();
      worker?.terminate();
      worker = null;
      for (const p of all) p.reject(new Superseded('the text changed'));
      spawn().catch(() => {}); // warm, ready for the next request
    },
  };
}

// --------------------------------------------------------------- view ----

let isSetUp = false;
function setup() {
  if (isSetUp) return; // a retry after a failed load keeps the listeners it has
  isSetUp = true;
  const options = CLIENTS.map((id) => el('option', { value: id }, NAMES[id].label));
  $('lint-client').append(...options);
  $('convert-to').append(...options.map((o) => o.cloneNode(true)));
  $('convert-to').value = 'vscode';
  $('lint-source').addEventListener('input', () => {
    changed();
    clearTimeout(timer);
    timer = setTimeout(run, 80);
  });
  $('lint-client').addEventListener('input', run);
  $('lint-file').addEventListener('change', (e) => {
    const file = e.target.files[0];
    e.target.value = '';
    openFile(file);
  });
  $('apply-fix').addEventListener('click', applyFix);
  $('convert').addEventListener('click', convert);
  $('download-fixed').addEventListener('click', () => {
    download(NAMES[report?.client]?.file ?? 'mcp-config.txt', $('lint-source').value);
  });
  $('download-converted').addEventListener('click', () => {
    if (converted) download(NAMES[converted.to]?.file ?? 'converted.txt', converted.text);
  });
  $('copy-converted').addEventListener('click', () => {
    if (converted) copyText(converted.text, `the ${NAMES[converted.to]?.label} file`, say);
  });
}

/**
 * The text changed: every answer still on its way is about the old text.
 * Stop that work now (a new paste supersedes a running one); the debounced
 * run() asks again.
 */
function changed() {
  textVersion += 1;
  lintRunning = false;
  engine?.cancel();
}

/** Read a local file into the box (on this device only) and check it. */
export async function openFile(file) {
  if (!file) return;
  const max = engine?.limits?.lintMaxBytes;
  if (max && file.size > max) {
    say(`“${file.name}” is larger than ${max.toLocaleString('en')} bytes and was not read.`);
    return;
  }
  $('lint-source').value = await file.text();
  changed();
  say(`Opened “${file.name}” (read on this device only).`);
  run();
}

/** The "Checking…" state: at once for tests and assistive technology, in words after a moment. */
function checking(on) {
  const status = $('lint-status');
  clearTimeout(checkingTimer);
  if (on) {
    status.dataset.state = 'checking';
    $('findings').setAttribute('aria-busy', 'true');
    checkingTimer = setTimeout(() => {
      status.textContent = 'Checking…';
      status.className = 'status';
    }, CHECKING_DELAY_MS);
  } else {
    delete status.dataset.state;
    $('findings').removeAttribute('aria-busy');
  }
}

function run() {
  clearTimeout(timer);
  if (!engine) return;
  const text = $('lint-source').value;
  const status = $('lint-status');
  const has = text.trim() !== '';
  for (const id of ['apply-fix', 'download-fixed', 'convert']) $(id).disabled = !has;
  const mine = ++lintSeq;
  // A check still running (of an older text, or for another client) is outdated.
  if (lintRunning) engine.cancel();
  if (!has) {
    lintRunning = false;
    checking(false);
    report = null;
    status.textContent = 'Paste a file to check it.';
    status.className = 'status';
    $('lint-detected').hidden = true;
    $('findings').replaceChildren();
    $('lint-view-block').hidden = true;
    $('fix-note').textContent = '';
    $('fix-env').hidden = true;
    showConverted(null);
    return;
  }
  const version = textVersion;
  lintRunning = true;
  checking(true);
  engine.request('lint', text, { client: $('lint-client').value }).then(({ report: r, lines }) => {
    if (mine !== lintSeq || version !== textVersion) return; // outdated: a newer check is coming
    lintRunning = false;
    showReport(r, lines, mine);
  }, (err) => {
    if (err instanceof Superseded || mine !== lintSeq) return;
    lintRunning = false;
    checking(false);
    report = null;
    status.textContent = `The file could not be checked: ${errorText(err)}`;
    status.className = 'status is-invalid';
  });
}

// A long report (1000 findings and their lines) is put on screen in slices of
// a few milliseconds, so even that never holds the page up for long; the
// status line, last, says it is all there.
const SLICE_MS = 8;

function showReport(r, lines, mine) {
  report = r;
  const n = { error: 0, warning: 0, info: 0 };
  for (const f of r.findings) n[f.severity] += 1;
  const as = r.client ? `Read as ${NAMES[r.client]?.label ?? r.client}` : 'Not readable';
  const finish = () => {
    checking(false);
    const status = $('lint-status');
    $('lint-detected').textContent = r.detected ? `Why ${NAMES[r.client]?.label ?? 'this client'}: ${r.detected}.` : '';
    $('lint-detected').hidden = !r.detected;
    status.textContent = `${as}: ${n.error} error${n.error === 1 ? '' : 's'}, ${n.warning} warning${n.warning === 1 ? '' : 's'}, ${n.info} note${n.info === 1 ? '' : 's'}${r.omitted ? `, ${r.omitted} more not listed` : ''}.`;
    status.className = `status ${r.exitCode === 0 ? 'is-valid' : 'is-invalid'}`;
  };
  const findings = $('findings');
  const view = $('lint-view');
  const marks = flagsOf(r.findings);
  if (r.findings.length + lines.length <= 200) {
    findings.replaceChildren(...r.findings.map(renderFinding));
    view.replaceChildren(...lines.map((line) => renderLine(line, marks)));
    $('lint-view-block').hidden = !lines.length;
    finish();
    return;
  }
  $('lint-status').dataset.state = 'showing';
  findings.replaceChildren();
  view.replaceChildren();
  $('lint-view-block').hidden = !lines.length;
  let f = 0;
  let l = 0;
  const slice = () => {
    if (mine !== lintSeq) return; // a newer check replaces all of it
    const until = performance.now() + SLICE_MS;
    const items = document.createDocumentFragment();
    const rows = document.createDocumentFragment();
    while (performance.now() < until && f < r.findings.length) items.append(renderFinding(r.findings[f++]));
    while (performance.now() < until && f === r.findings.length && l < lines.length) rows.append(renderLine(lines[l++], marks));
    findings.append(items);
    view.append(rows);
    if (f < r.findings.length || l < lines.length) setTimeout(slice);
    else finish();
  };
  slice();
}

function renderFinding(f) {
  const item = el('li', { className: `diagnostic severity-${f.severity}` });
  Object.assign(item.dataset, { rule: f.rule, severity: f.severity, line: String(f.line), column: String(f.column) });
  const where = el('button', { type: 'button', className: 'where', 'aria-label': `Line ${f.line}, column ${f.column}: go there` }, `${f.line}:${f.column}`);
  where.addEventListener('click', () => jumpTo($('lint-source'), f.line, f.column));
  const what = el('span', { className: 'what' }, el('span', { className: 'severity' }, f.severity), ' ',
    el('code', { className: 'rule' }, f.rule), ' ', el('span', { className: 'message' }, f.message));
  if (f.fix) what.append(' ', el('span', { className: 'fix' }, `Fix: ${f.fix}`));
  item.append(where, ' ', what);
  return item;
}

// UTF-16 index of a 1-based code-point column within a line.
function indexAt(line, column) {
  let i = 0;
  for (let c = 1; c < column && i < line.length; c += 1) i += line.codePointAt(i) > 0xffff ? 2 : 1;
  return i;
}

// Findings by line: the file view marks those lines.
function flagsOf(findings) {
  const flagged = new Map();
  for (const f of findings) {
    const list = flagged.get(f.line) ?? [];
    list.push(f);
    flagged.set(f.line, list);
  }
  return flagged;
}

const RANK = { error: 3, warning: 2, info: 1 };

// One line of the file view (lint-work.js chose which to show), marked if
// flagged; a secret's span is masked as the core masks it in messages (first
// 4 characters and the length).
function renderLine([n, raw], flagged) {
  const marks = flagged.get(n);
  let shown = raw;
  for (const f of (marks ?? []).filter((x) => x.rule.startsWith('secret/')).sort((a, b) => b.column - a.column)) {
    const start = indexAt(shown, f.column);
    let end = start;
    for (let bytes = 0; end < shown.length && bytes < f.length;) {
      const cp = shown.codePointAt(end);
      bytes += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
      end += cp > 0xffff ? 2 : 1;
    }
    const secret = shown.slice(start, end);
    shown = `${shown.slice(0, start)}${secret.slice(0, 4)}…(${[...secret].length} chars)${shown.slice(end)}`;
  }
  const li = el('li', { value: String(n) }, el('code', {}, shown || ' '));
  if (marks) {
    const worst = marks.reduce((a, b) => (RANK[b.severity] > RANK[a.severity] ? b : a));
    li.className = `flag flag-${worst.severity}`;
    li.dataset.line = String(n);
    li.title = marks.map((m) => m.rule).join(', ');
  }
  return li;
}

const OUTDATED_FIX = 'The text changed before the fixes were ready, so nothing was applied: apply them again.';

function applyFix() {
  if (!engine) return;
  const version = textVersion;
  const note = $('fix-note');
  note.textContent = 'Applying fixes…';
  engine.request('fix', $('lint-source').value, { client: $('lint-client').value }).then((result) => {
    if (version !== textVersion) {
      note.textContent = OUTDATED_FIX;
      return;
    }
    if (!result.ok) {
      note.textContent = 'This file cannot be read, so nothing was fixed: correct the syntax errors first.';
      return;
    }
    $('lint-source').value = result.text;
    changed();
    const left = result.remaining.filter((f) => f.severity === 'error').length;
    note.textContent = `${result.changes} change${result.changes === 1 ? '' : 's'} applied${left ? `; ${left} error${left === 1 ? '' : 's'} left to fix by hand` : ''}.${result.secrets.length ? ' Put the secrets in the environment (template below); the file now refers to them.' : ''}`;
    const env = $('fix-env');
    env.textContent = result.envTemplate;
    env.hidden = !result.envTemplate;
    say(`Fixed: ${result.changes} change${result.changes === 1 ? '' : 's'}.`);
    run();
  }, (err) => {
    note.textContent = err instanceof Superseded ? OUTDATED_FIX : `Nothing was fixed: ${errorText(err)}`;
  });
}

function convert() {
  if (!engine) return;
  const to = $('convert-to').value;
  const from = $('lint-client').value;
  const version = textVersion;
  const mine = ++convertSeq;
  engine.request('convert', $('lint-source').value, { from, to }).then((result) => {
    if (mine !== convertSeq) return; // a newer conversion was asked for
    if (version !== textVersion) {
      say('The text changed before the conversion was ready: convert again.');
      return;
    }
    showConverted(result);
  }, (err) => {
    if (mine !== convertSeq) return;
    say(err instanceof Superseded ? 'The text changed before the conversion was ready: convert again.' : `This file could not be converted: ${errorText(err)}`);
  });
}

function showConverted(result) {
  converted = result?.ok ? result : null;
  const out = $('convert-output');
  out.textContent = converted ? converted.text : '';
  out.hidden = !converted;
  $('download-converted').disabled = !converted;
  $('copy-converted').disabled = !converted;
  const notes = result ? result.notes : [];
  $('convert-notes').replaceChildren(...notes.map((n) => el('li', { className: `note-${n.severity}` },
    el('span', { className: 'severity' }, n.severity), ' ', n.message)));
  if (result && !result.ok) say('This file could not be converted: see the notes.');
  if (converted) say(`Converted to ${NAMES[converted.to]?.label}.`);
}
