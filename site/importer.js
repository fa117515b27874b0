// The Import view: a registry server.json, pasted or opened, validated as
// the user types (every finding at its line and column), summarised, and
// handed to the build as a server. Text from the document is shown as text.

import { el, jumpTo } from './common.js';
import { variants } from './inputs.js';

const $ = (id) => document.getElementById(id);
const describe = (err) => String(err?.message ?? err).replace(/[.\s]+$/, '');
let getCore = () => null;
let importDoc = null;
let validateTimer = 0;

function renderDiagnostic(d) {
  const item = el('li', { className: `diagnostic severity-${d.severity}` });
  Object.assign(item.dataset, { rule: d.rule, severity: d.severity, line: String(d.line), column: String(d.column), pointer: d.pointer });
  const where = el('button', { type: 'button', className: 'where', title: `Go to line ${d.line}, column ${d.column}`, 'aria-label': `Line ${d.line}, column ${d.column}: go there` }, `${d.line}:${d.column}`);
  where.addEventListener('click', () => jumpTo($('source'), d.line, d.column));
  item.append(where, ' ', el('span', { className: 'what' },
    el('span', { className: 'severity' }, d.severity), ' ', el('code', { className: 'rule' }, d.rule), ' ',
    el('span', { className: 'message' }, d.message), ' ', el('code', { className: 'pointer' }, `(${d.pointer === '' ? 'document' : d.pointer})`)));
  return item;
}

const clip = (v) => {
  const t = typeof v === 'string' ? v : JSON.stringify(v);
  return t.length > 300 ? `${t.slice(0, 300)}…` : t;
};

export function validateNow() {
  clearTimeout(validateTimer);
  const core = getCore();
  if (!core) return;
  const text = $('source').value;
  const report = core.validateServerJson(text);
  const counts = { error: 0, warning: 0, info: 0 };
  for (const d of report.diagnostics) counts[d.severity] += 1;
  const p = (n, w) => `${n} ${w}${n === 1 ? '' : 's'}`;
  const parts = report.valid ? ['Valid', ...(counts.warning ? [p(counts.warning, 'warning')] : [])] : [p(counts.error, 'error'), p(counts.warning, 'warning')];
  if (counts.info) parts.push(`${counts.info} info`);
  const status = $('result-status');
  status.textContent = parts.join(', ');
  status.className = `status ${report.valid ? 'is-valid' : 'is-invalid'}`;
  $('result').dataset.valid = String(report.valid);
  const list = $('diagnostics');
  list.replaceChildren(...report.diagnostics.map(renderDiagnostic));
  list.hidden = !report.diagnostics.length;

  importDoc = null;
  const summary = $('summary');
  summary.replaceChildren();
  let doc = null;
  if (report.parsed) {
    try {
      doc = JSON.parse(text);
    } catch {
      doc = null;
    }
  }
  const rows = [];
  if (doc && typeof doc === 'object' && !Array.isArray(doc)) {
    for (const [k, label] of [['name', 'Name'], ['title', 'Title'], ['version', 'Version'], ['description', 'Description']]) {
      if (doc[k] !== undefined) rows.push([label, clip(doc[k]), k]);
    }
    for (const pk of Array.isArray(doc.packages) ? doc.packages : []) {
      if (pk && typeof pk === 'object') rows.push(['Package', `${clip(pk.registryType ?? '?')}: ${clip(pk.identifier ?? '?')}${pk.version === undefined ? '' : `@${clip(pk.version)}`}`, 'package']);
    }
    for (const r of Array.isArray(doc.remotes) ? doc.remotes : []) {
      if (r && typeof r === 'object') rows.push(['Remote', `${clip(r.type ?? '?')}: ${clip(r.url ?? '?')}`, 'remote']);
    }
    const { pkg, remote } = variants(doc);
    if (pkg || remote) importDoc = text;
  }
  for (const [label, value, key] of rows) {
    const dd = el('dd', {}, value);
    dd.dataset.field = key;
    summary.append(el('dt', {}, label), dd);
  }
  $('summary-block').hidden = !rows.length;
  $('use-server').disabled = !importDoc;
  $('use-note').textContent = importDoc
    ? 'Adds it to your servers in the Build view, like a catalog entry.'
    : 'A document with a package or a remote can be used as a server.';
}

/**
 * Wire the view. `getCore` returns the loaded core (or null); `use(text)`
 * adds a document to the build as a server.
 */
export function setupImport(options) {
  getCore = options.getCore;
  const source = $('source');
  const note = $('file-note');
  const defaultNote = note.textContent;
  source.addEventListener('input', () => {
    if (note.textContent !== defaultNote) note.textContent = defaultNote;
    clearTimeout(validateTimer);
    validateTimer = setTimeout(validateNow, 60);
  });
  const open = async (file) => {
    if (!file) return;
    const max = getCore()?.limits?.maxBytes ?? 4 * 1024 * 1024;
    if (file.size > max) {
      note.textContent = `“${file.name}” is ${file.size.toLocaleString('en')} bytes; the largest document the validator accepts is ${max.toLocaleString('en')} bytes.`;
      return;
    }
    try {
      source.value = await file.text();
    } catch (err) {
      note.textContent = `Could not read “${file.name}”: ${describe(err)}.`;
      return;
    }
    note.textContent = `Opened “${file.name}” (read on this device only).`;
    validateNow();
  };
  // A file dropped anywhere opens in the view on screen, instead of the
  // browser navigating away to it (which would lose the work in the page).
  document.addEventListener('dragover', (e) => {
    if (e.dataTransfer?.types.includes('Files')) e.preventDefault();
  });
  document.addEventListener('drop', (e) => {
    const file = e.dataTransfer?.files[0];
    if (!file) return;
    e.preventDefault();
    if (document.body.dataset.view === 'lint') import('./lint.js').then((m) => m.openFile(file));
    else {
      if (document.body.dataset.view !== 'import') location.hash = '#/import';
      open(file);
    }
  });
  $('file').addEventListener('change', (e) => {
    open(e.target.files[0]).finally(() => {
      e.target.value = '';
    });
  });
  $('use-server').addEventListener('click', () => {
    if (importDoc) options.use(importDoc);
  });
}
