// MCP Server Builder, first page: validate a registry server.json as you type.
//
// Everything runs on this device: the text is read from the textarea or from
// a local file and handed to the WebAssembly core; nothing is sent anywhere
// and nothing is stored. All text that comes from the document (messages,
// pointers, names, descriptions) is rendered with textContent only: the page
// runs under `require-trusted-types-for 'script'` with no policy, so an HTML
// sink would throw anyway.
//
// The package is imported dynamically so that a failure to fetch it is shown
// on the page (body[data-status="error"]) instead of leaving it "loading".
// It is the package's public entry, nothing else.

const DEBOUNCE_MS = 150;
const SUMMARY_VALUE_MAX = 300; // characters shown per summary value

const $ = (id) => document.getElementById(id);
const source = $('source');
const fileInput = $('file');
const fileNote = $('file-note');
const resultSection = $('result');
const statusLine = $('result-status');
const list = $('diagnostics');
const summaryBlock = $('summary-block');
const summary = $('summary');
const loadError = $('load-error');
const coreVersion = $('core-version');

let core = null;
let timer = 0;

function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function plural(n, word) {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function setStatus(status) {
  document.body.dataset.status = status;
}

function describe(err) {
  return String(err?.message ?? err).replace(/[.\s]+$/, '');
}

function showFatal(title, detail) {
  loadError.replaceChildren(el('strong', '', title), ' ', detail);
  loadError.hidden = false;
  setStatus('error');
}

// ---- jumping to a finding --------------------------------------------------

// The core counts lines from 1 (split at "\n") and columns from 1 in Unicode
// code points; the textarea counts UTF-16 units from 0.
function offsetOf(text, line, column) {
  let index = 0;
  for (let l = 1; l < line; l += 1) {
    const next = text.indexOf('\n', index);
    if (next === -1) return text.length;
    index = next + 1;
  }
  for (let c = 1; c < column && index < text.length && text[index] !== '\n'; c += 1) {
    index += text.codePointAt(index) > 0xffff ? 2 : 1;
  }
  return index;
}

function jumpTo(line, column) {
  const index = offsetOf(source.value, line, column);
  source.focus();
  source.setSelectionRange(index, index);
  // Setting the selection does not scroll a textarea: bring the line into view.
  const lineHeight = parseFloat(getComputedStyle(source).lineHeight) || 20;
  source.scrollTop = Math.max(0, (line - 1) * lineHeight - source.clientHeight / 3);
}

// ---- rendering -------------------------------------------------------------

function renderDiagnostic(d) {
  const item = el('li', `diagnostic severity-${d.severity}`);
  item.dataset.rule = d.rule;
  item.dataset.severity = d.severity;
  item.dataset.line = String(d.line);
  item.dataset.column = String(d.column);
  item.dataset.pointer = d.pointer;

  const where = el('button', 'where', `${d.line}:${d.column}`);
  where.type = 'button';
  where.title = `Go to line ${d.line}, column ${d.column}`;
  where.setAttribute('aria-label', `Line ${d.line}, column ${d.column}: go there`);
  where.addEventListener('click', () => jumpTo(d.line, d.column));

  const text = el('span', 'what');
  text.append(
    el('span', 'severity', d.severity), ' ',
    el('code', 'rule', d.rule), ' ',
    el('span', 'message', d.message), ' ',
    el('code', 'pointer', `(${d.pointer === '' ? 'document' : d.pointer})`),
  );
  item.append(where, ' ', text);
  return item;
}

function shown(value) {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > SUMMARY_VALUE_MAX ? `${text.slice(0, SUMMARY_VALUE_MAX)}…` : text;
}

function renderSummary(text, parsed) {
  summary.replaceChildren();
  let doc = null;
  if (parsed) {
    try {
      doc = JSON.parse(text);
    } catch {
      doc = null; // the core accepted something JSON.parse does not: show nothing
    }
  }
  if (!doc || typeof doc !== 'object' || Array.isArray(doc)) {
    summaryBlock.hidden = true;
    return;
  }
  const rows = [];
  for (const [key, label] of [['name', 'Name'], ['title', 'Title'], ['version', 'Version'], ['description', 'Description']]) {
    if (doc[key] !== undefined) rows.push([label, shown(doc[key]), key]);
  }
  if (Array.isArray(doc.packages)) {
    for (const p of doc.packages) {
      if (!p || typeof p !== 'object') continue;
      const version = p.version === undefined ? '' : `@${shown(p.version)}`;
      rows.push(['Package', `${shown(p.registryType ?? '?')}: ${shown(p.identifier ?? '?')}${version}`, 'package']);
    }
  }
  if (Array.isArray(doc.remotes)) {
    for (const r of doc.remotes) {
      if (!r || typeof r !== 'object') continue;
      rows.push(['Remote', `${shown(r.type ?? '?')}: ${shown(r.url ?? '?')}`, 'remote']);
    }
  }
  for (const [label, value, key] of rows) {
    const dd = el('dd', '', value);
    dd.dataset.field = key;
    summary.append(el('dt', '', label), dd);
  }
  summaryBlock.hidden = rows.length === 0;
}

function render(report, text) {
  const counts = { error: 0, warning: 0, info: 0 };
  for (const d of report.diagnostics) counts[d.severity] = (counts[d.severity] ?? 0) + 1;

  const parts = [];
  if (report.valid) {
    parts.push('Valid');
    if (counts.warning) parts.push(plural(counts.warning, 'warning'));
  } else {
    parts.push(plural(counts.error, 'error'), plural(counts.warning, 'warning'));
  }
  if (counts.info) parts.push(`${counts.info} info`);
  statusLine.textContent = parts.join(', ');
  resultSection.dataset.valid = String(report.valid);
  statusLine.className = `status ${report.valid ? 'is-valid' : 'is-invalid'}`;

  list.replaceChildren(...report.diagnostics.map(renderDiagnostic));
  list.hidden = report.diagnostics.length === 0;
  renderSummary(text, report.parsed);
}

function validateNow() {
  clearTimeout(timer);
  timer = 0;
  if (!core) return;
  const text = source.value;
  let report;
  try {
    report = core.validateServerJson(text);
  } catch (err) {
    core = null; // an aborted module cannot be called again
    statusLine.textContent = 'Not checked.';
    statusLine.className = 'status';
    showFatal('The validator stopped working.', `${describe(err)}. Reload the page to start again (copy your text first: it is not saved).`);
    return;
  }
  render(report, text);
}

function scheduleValidation() {
  clearTimeout(timer);
  timer = setTimeout(validateNow, DEBOUNCE_MS);
}

// ---- opening a local file --------------------------------------------------

const defaultNote = fileNote.textContent;

async function openFile(file) {
  if (!file) return;
  const maxBytes = core?.limits?.maxBytes ?? 4 * 1024 * 1024;
  if (file.size > maxBytes) {
    fileNote.textContent = `“${file.name}” is ${file.size.toLocaleString('en')} bytes; the largest document the validator accepts is ${maxBytes.toLocaleString('en')} bytes.`;
    return;
  }
  try {
    source.value = await file.text();
  } catch (err) {
    fileNote.textContent = `Could not read “${file.name}”: ${describe(err)}.`;
    return;
  }
  fileNote.textContent = `Opened “${file.name}” (read on this device only).`;
  validateNow();
}

fileInput.addEventListener('change', () => {
  const [file] = fileInput.files;
  openFile(file).finally(() => {
    fileInput.value = ''; // so the same file can be opened again after edits
  });
});

// A file dropped anywhere on the page is opened, instead of the browser
// navigating away to it (which would lose the text being edited).
document.addEventListener('dragover', (event) => {
  if (event.dataTransfer?.types.includes('Files')) event.preventDefault();
});
document.addEventListener('drop', (event) => {
  if (!event.dataTransfer?.files.length) return;
  event.preventDefault();
  openFile(event.dataTransfer.files[0]);
});

source.addEventListener('input', () => {
  if (fileNote.textContent !== defaultNote) fileNote.textContent = defaultNote;
  scheduleValidation();
});

// ---- start -----------------------------------------------------------------

import('./vendor/mcp-server-builder/src/index.js').then((pkg) => pkg.init()).then(
  (loaded) => {
    core = loaded;
    coreVersion.textContent = `Core ${core.version}.`;
    validateNow();
    setStatus('ready');
  },
  (err) => {
    statusLine.textContent = 'The validator is not available.';
    showFatal('The validator could not be loaded.', `${describe(err)}. Check that JavaScript and WebAssembly are allowed, then reload the page.`);
  },
);
