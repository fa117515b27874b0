// The lint, fix and convert view. Loaded (with the lint wasm module) only
// when the view opens: it is not part of the first load. The text being
// checked lives only in the textarea: never stored, never sent.

import { CLIENTS, TARGETS, copyText, download, el, jumpTo } from './common.js';

const $ = (id) => document.getElementById(id);
const NAMES = Object.fromEntries(TARGETS.map(([id, label, file]) => [id, { label, file }]));
const MAX_LINES_SHOWN = 1500;

let linter = null;
let loading = null;
let say = () => {};
let timer = 0;
let report = null;
let converted = null;

/** Open the view: load the lint module once, then check what is in the box. */
export function openLint(flash) {
  say = flash;
  if (!loading) {
    setup();
    $('lint-status').textContent = 'Loading the linter (once, about 350 KB)…';
    loading = import('./vendor/mcp-server-builder/src/index.js')
      .then((pkg) => pkg.init({ lint: true, catalog: false }))
      .then((l) => {
        linter = l;
        document.body.dataset.lint = 'ready';
        run();
      }, (err) => {
        loading = null;
        $('lint-status').textContent = `The linter could not be loaded: ${String(err?.message ?? err)}`;
      });
  }
  return loading;
}

/** Forget everything: the text and every result. */
export function forgetLint() {
  $('lint-source').value = '';
  converted = null;
  run();
}

function setup() {
  const options = CLIENTS.map((id) => el('option', { value: id }, NAMES[id].label));
  $('lint-client').append(...options);
  $('convert-to').append(...options.map((o) => o.cloneNode(true)));
  $('convert-to').value = 'vscode';
  $('lint-source').addEventListener('input', () => {
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

/** Read a local file into the box (on this device only) and check it. */
export async function openFile(file) {
  if (!file) return;
  if (linter && file.size > linter.limits.lintMaxBytes) {
    say(`“${file.name}” is larger than ${linter.limits.lintMaxBytes.toLocaleString('en')} bytes and was not read.`);
    return;
  }
  $('lint-source').value = await file.text();
  say(`Opened “${file.name}” (read on this device only).`);
  run();
}

function run() {
  clearTimeout(timer);
  if (!linter) return;
  const text = $('lint-source').value;
  const status = $('lint-status');
  const has = text.trim() !== '';
  for (const id of ['apply-fix', 'download-fixed', 'convert']) $(id).disabled = !has;
  if (!has) {
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
  report = linter.lint(text, { client: $('lint-client').value });
  const n = { error: 0, warning: 0, info: 0 };
  for (const f of report.findings) n[f.severity] += 1;
  const as = report.client ? `Read as ${NAMES[report.client]?.label ?? report.client}` : 'Not readable';
  $('lint-detected').textContent = report.detected ? `Why ${NAMES[report.client]?.label ?? 'this client'}: ${report.detected}.` : '';
  $('lint-detected').hidden = !report.detected;
  status.textContent = `${as}: ${n.error} error${n.error === 1 ? '' : 's'}, ${n.warning} warning${n.warning === 1 ? '' : 's'}, ${n.info} note${n.info === 1 ? '' : 's'}${report.omitted ? `, ${report.omitted} more not listed` : ''}.`;
  status.className = `status ${report.exitCode === 0 ? 'is-valid' : 'is-invalid'}`;
  $('findings').replaceChildren(...report.findings.map(renderFinding));
  renderLines(text, report.findings);
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

// The file with flagged lines marked; a secret's span is masked as the core
// masks it in messages (first 4 characters and the length).
function renderLines(text, findings) {
  const lines = text.split('\n');
  const flagged = new Map();
  for (const f of findings) {
    const list = flagged.get(f.line) ?? [];
    list.push(f);
    flagged.set(f.line, list);
  }
  const rank = { error: 3, warning: 2, info: 1 };
  const items = [];
  const only = lines.length > MAX_LINES_SHOWN;
  lines.forEach((raw, i) => {
    const n = i + 1;
    const marks = flagged.get(n);
    if (only && !marks) return;
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
      const worst = marks.reduce((a, b) => (rank[b.severity] > rank[a.severity] ? b : a));
      li.className = `flag flag-${worst.severity}`;
      li.dataset.line = String(n);
      li.title = marks.map((m) => m.rule).join(', ');
    }
    items.push(li);
  });
  $('lint-view').replaceChildren(...items);
  $('lint-view-block').hidden = !items.length;
}

function applyFix() {
  if (!linter) return;
  const result = linter.fix($('lint-source').value, { client: $('lint-client').value });
  if (!result.ok) {
    $('fix-note').textContent = 'This file cannot be read, so nothing was fixed: correct the syntax errors first.';
    return;
  }
  $('lint-source').value = result.text;
  const left = result.remaining.filter((f) => f.severity === 'error').length;
  $('fix-note').textContent = `${result.changes} change${result.changes === 1 ? '' : 's'} applied${left ? `; ${left} error${left === 1 ? '' : 's'} left to fix by hand` : ''}.${result.secrets.length ? ' Put the secrets in the environment (template below); the file now refers to them.' : ''}`;
  const env = $('fix-env');
  env.textContent = result.envTemplate;
  env.hidden = !result.envTemplate;
  say(`Fixed: ${result.changes} change${result.changes === 1 ? '' : 's'}.`);
  run();
}

function convert() {
  if (!linter) return;
  const to = $('convert-to').value;
  const from = $('lint-client').value;
  showConverted(linter.convert($('lint-source').value, { from, to }));
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
