// The Node CLI (wasm/bin/mcp-builder.js) as users run it: exit codes,
// output formats, stdin, unreadable input, usage errors, and the
// scripts/mcp-builder wrapper.
import test from 'node:test';
import assert from 'node:assert/strict';
import { closeSync, mkdirSync, openSync, readFileSync, writeFileSync, ftruncateSync } from 'node:fs';
import { join, relative } from 'node:path';

import init from '../src/index.js';
import {
  BIN, INVALID_DOC, INVALID_DOC_FINDINGS, MINIMAL_VALID, PACKAGE, ROOT, VALID_DIR, WRAPPER,
  jsonFiles, run, runCli, tempDir,
} from './helpers.js';

const tmp = tempDir();
const write = (name, data) => { const p = join(tmp, name); writeFileSync(p, data); return p; };
const invalidFile = write('invalid.json', INVALID_DOC);
const validFixtures = jsonFiles(VALID_DIR);
const USAGE_LINE = /^usage: mcp-builder <command> \[options\]$/m;

function assertUsageError(r, reason) {
  assert.equal(r.status, 2, r.stderr);
  assert.equal(r.stdout, '');
  assert.ok(r.stderr.startsWith(`mcp-builder: ${reason}\n`), r.stderr);
  assert.match(r.stderr, USAGE_LINE);
}

test('validate <valid fixture>: exit 0, one summary line, nothing on stderr', () => {
  assert.ok(validFixtures.length > 0);
  for (const file of validFixtures) {
    const shown = relative(ROOT, file);
    const r = runCli(['validate', shown]);
    assert.equal(r.status, 0, r.stdout + r.stderr);
    assert.equal(r.stdout, `${shown}: valid (0 errors, 0 warnings, 0 notes)\n`);
    assert.equal(r.stderr, '');
  }
});

test('validate <invalid file>: exit 1, file:line:col: severity rule message [pointer]', async () => {
  const r = runCli(['validate', invalidFile]);
  assert.equal(r.status, 1, r.stderr);
  assert.equal(r.stderr, '');
  const lines = r.stdout.split('\n');
  assert.equal(lines.pop(), ''); // ends with a newline
  assert.equal(lines.length, INVALID_DOC_FINDINGS.length + 1);
  INVALID_DOC_FINDINGS.forEach(([rule, severity, line, column, pointer], i) => {
    const prefix = `${invalidFile}:${line}:${column}: ${severity} ${rule} `;
    assert.ok(lines[i].startsWith(prefix), `${lines[i]}\ndoes not start with\n${prefix}`);
    assert.ok(lines[i].endsWith(` [${pointer}]`), lines[i]);
  });
  assert.equal(lines.at(-1), `${invalidFile}: invalid (4 errors, 0 warnings, 0 notes)`);
  // The messages are the API's, verbatim.
  const report = (await init()).validateServerJson(INVALID_DOC);
  report.diagnostics.forEach((d, i) => assert.ok(lines[i].includes(` ${d.rule} ${d.message} [`), lines[i]));
});

test('warnings and notes are counted, singular and plural; a note alone keeps exit 0', () => {
  const f = write('note.json', MINIMAL_VALID.slice(0, -1) + ',"extra":1}');
  const r = runCli(['validate', f]);
  assert.equal(r.status, 0);
  assert.equal(r.stdout,
    `${f}:1:70: info schema/unknown-field field 'extra' is not part of server.json 2025-12-11; ` +
    `it is kept but clients ignore it [/extra]\n${f}: valid (0 errors, 0 warnings, 1 note)\n`);
});

test('a finding on the whole document has no [pointer] suffix', () => {
  const r = runCli(['validate', write('array.json', '[]')]);
  assert.equal(r.status, 1);
  assert.match(r.stdout, /^\S+array\.json:1:1: error schema\/type [^\[\]]+\n/);
});

test('validate - reads stdin and shows <stdin>', () => {
  const good = runCli(['validate', '-'], { input: readFileSync(validFixtures[0]) });
  assert.equal(good.status, 0, good.stderr);
  assert.equal(good.stdout, '<stdin>: valid (0 errors, 0 warnings, 0 notes)\n');
  const bad = runCli(['validate', '-'], { input: INVALID_DOC });
  assert.equal(bad.status, 1);
  assert.match(bad.stdout, /^<stdin>:3:11: error schema\/name-pattern .* \[\/name\]$/m);
  assert.match(bad.stdout, /^<stdin>: invalid \(4 errors, 0 warnings, 0 notes\)$/m);
  const empty = runCli(['validate', '-'], { input: '' });
  assert.equal(empty.status, 2);
  assert.match(empty.stdout, /^<stdin>:1:1: error json\/syntax /);
});

test('a missing file: exit 2, "cannot read" on stderr, nothing on stdout', () => {
  const missing = join(tmp, 'no-such-file.json');
  const r = runCli(['validate', missing]);
  assert.equal(r.status, 2);
  assert.equal(r.stdout, '');
  assert.equal(r.stderr, `mcp-builder: cannot read ${missing}: no such file\n`);
});

test('a directory: exit 2, "cannot read ... is a directory"', () => {
  const dir = join(tmp, 'a-directory');
  mkdirSync(dir);
  const r = runCli(['validate', dir]);
  assert.equal(r.status, 2);
  assert.equal(r.stdout, '');
  assert.equal(r.stderr, `mcp-builder: cannot read ${dir}: is a directory\n`);
});

test('not JSON: exit 2, json/syntax at the exact place, "not readable as JSON"', () => {
  const f = write('not-json.json', '{\n  "name": "io.github.a/b",\n  "version" "1.0.0"\n}\n');
  const r = runCli(['validate', f]);
  assert.equal(r.status, 2);
  assert.equal(r.stderr, '');
  assert.match(r.stdout, new RegExp(`^${f}:3:13: error json/syntax expected ':'`));
  assert.ok(r.stdout.endsWith(`\n${f}: not readable as JSON (1 error, 0 warnings, 0 notes)\n`), r.stdout);
});

test('invalid UTF-8 in a file: exit 2 with json/encoding (bytes reach the core undecoded)', () => {
  const f = write('latin1.json', Buffer.concat([
    Buffer.from('{"name":"io.github.a/caf'), Buffer.from([0xe9]), Buffer.from('","description":"d","version":"1.0.0"}'),
  ]));
  const r = runCli(['validate', f]);
  assert.equal(r.status, 2);
  assert.match(r.stdout, new RegExp(`^${f}:1:25: error json/encoding invalid UTF-8`));
  const json = runCli(['validate', f, '--format', 'json']);
  assert.equal(json.status, 2);
  assert.equal(JSON.parse(json.stdout).diagnostics[0].rule, 'json/encoding');
});

test('a file larger than maxBytes: exit 2 with json/too-large, without reading it all', async () => {
  const { maxBytes } = (await init()).limits;
  const f = join(tmp, 'huge.json');
  const fd = openSync(f, 'w');
  ftruncateSync(fd, 5_000_000); // sparse: instant, no disk use
  closeSync(fd);
  assert.ok(5_000_000 > maxBytes);
  const r = runCli(['validate', f]);
  assert.equal(r.status, 2);
  assert.equal(r.stdout,
    `${f}:1:1: error json/too-large input is 5000000 bytes, larger than the limit of ${maxBytes} bytes\n` +
    `${f}: not readable as JSON (1 error, 0 warnings, 0 notes)\n`);
  const json = runCli(['validate', f, '--format=json']);
  assert.equal(json.status, 2);
  assert.deepEqual(JSON.parse(json.stdout), {
    valid: false, parsed: false, diagnostics: [{
      rule: 'json/too-large', severity: 'error', line: 1, column: 1, pointer: '',
      message: `input is 5000000 bytes, larger than the limit of ${maxBytes} bytes`,
    }],
  });
});

test('stdin larger than maxBytes: exit 2 with json/too-large', async () => {
  const { maxBytes } = (await init()).limits;
  // A pipe, fed by the shell: the CLI stops reading past the limit and
  // exits, so the writer gets EPIPE; that must be `head`, not this test.
  const r = run('/bin/sh', ['-c', `yes ' ' | head -c ${maxBytes + 100_000} | "$0" "$1" validate -`,
    process.execPath, BIN]);
  assert.equal(r.status, 2, r.stderr);
  // Reading stops past the limit, so the exact size of stdin is unknown.
  assert.match(r.stdout, /^<stdin>:1:1: error json\/too-large input is larger than the limit of \d+ bytes\n/);
});

test('--format json prints exactly the API report, for valid, invalid and unreadable input', async () => {
  const mcp = await init();
  const notJson = write('broken.json', '{"name": tru}');
  for (const [file, status] of [[validFixtures[0], 0], [invalidFile, 1], [notJson, 2]]) {
    for (const args of [['--format', 'json'], ['--format=json']]) {
      const r = runCli(['validate', file, ...args]);
      assert.equal(r.status, status, file);
      assert.equal(r.stderr, '');
      assert.ok(r.stdout.endsWith('}\n'));
      assert.equal(r.stdout.trimEnd().split('\n').length, 1, 'one line of JSON');
      assert.deepEqual(JSON.parse(r.stdout), mcp.validateServerJson(new Uint8Array(readFileSync(file))));
    }
  }
  // Options may come before the command.
  const first = runCli(['--format', 'json', 'validate', invalidFile]);
  assert.equal(first.status, 1);
  assert.deepEqual(JSON.parse(first.stdout).diagnostics.map((d) => d.rule), INVALID_DOC_FINDINGS.map((f) => f[0]));
  // --format text is the default format.
  assert.equal(runCli(['validate', invalidFile, '--format', 'text']).stdout, runCli(['validate', invalidFile]).stdout);
});

test('usage errors: exit 2, the reason and the usage on stderr, nothing on stdout', () => {
  assertUsageError(runCli([]), 'no command given');
  assertUsageError(runCli(['frobnicate', invalidFile]), 'unknown command "frobnicate"');
  assertUsageError(runCli(['validate', invalidFile, '--bogus']), 'unknown option --bogus');
  assertUsageError(runCli(['validate', invalidFile, '--format', 'xml']), '--format must be text, json or sarif, not "xml"');
  assertUsageError(runCli(['validate', invalidFile, '--format=yaml']), '--format must be text, json or sarif, not "yaml"');
  assertUsageError(runCli(['validate', invalidFile, '--format']), '--format must be text, json or sarif, not ""');
  assertUsageError(runCli(['validate']), 'validate takes exactly one file (or - for stdin)');
  assertUsageError(runCli(['validate', invalidFile, invalidFile]), 'validate takes exactly one file (or - for stdin)');
  assertUsageError(runCli(['validate', invalidFile, '--format', 'sarif']), '--format sarif is for lint');
  assertUsageError(runCli(['lint']), 'lint takes exactly one file (or - for stdin)');
  assertUsageError(runCli(['lint', invalidFile, '--client', 'curser']), '--client must be auto or one of claude-desktop, claude-code, cursor, vscode, windsurf, zed, codex, gemini-cli, continue, goose, cline, lm-studio; not "curser"');
  assertUsageError(runCli(['convert', invalidFile]), 'convert needs --to <client>');
  assertUsageError(runCli(['convert', invalidFile, '--to', 'auto']), '--to must be one of claude-desktop, claude-code, cursor, vscode, windsurf, zed, codex, gemini-cli, continue, goose, cline, lm-studio; not "auto"');
});

test('--help and -h: exit 0, usage on stdout', () => {
  for (const flag of ['--help', '-h']) {
    const r = runCli([flag]);
    assert.equal(r.status, 0);
    assert.equal(r.stderr, '');
    assert.match(r.stdout, USAGE_LINE);
    assert.match(r.stdout, /validate <server\.json \| ->/);
    assert.match(r.stdout, /exit status: validate: 0 valid, 1 invalid, 2 usage error/);
    assert.match(r.stdout, /generate: 0 written, 1 refused/);
  }
  // --help wins over a command that would fail.
  assert.equal(runCli(['validate', join(tmp, 'missing.json'), '--help']).status, 0);
});

test('--version prints the package version', () => {
  const r = runCli(['--version']);
  assert.equal(r.status, 0);
  assert.equal(r.stdout, `${PACKAGE.version}\n`);
  assert.equal(r.stderr, '');
});

test('scripts/mcp-builder forwards arguments, stdin, stdout and the exit code', () => {
  const bad = run(WRAPPER, ['validate', '-', '--format', 'json'], { input: INVALID_DOC });
  assert.equal(bad.status, 1, bad.stderr);
  assert.deepEqual(JSON.parse(bad.stdout).diagnostics.map((d) => [d.rule, d.severity, d.line, d.column, d.pointer]),
    INVALID_DOC_FINDINGS);
  const good = run(WRAPPER, ['validate', '-'], { input: MINIMAL_VALID });
  assert.equal(good.status, 0);
  assert.equal(good.stdout, '<stdin>: valid (0 errors, 0 warnings, 0 notes)\n');
  const usage = run(WRAPPER, ['nope']);
  assert.equal(usage.status, 2);
  assert.match(usage.stderr, /unknown command "nope"/);
});

test('control characters in keys never reach the terminal raw', () => {
  const file = write('control.json', '{"name":"io.github.a/b","description":"d","version":"1.0.0","x\\u001b[31m\\nred":1}');
  const r = runCli(['validate', file]);
  assert.equal(r.status, 0);
  assert.doesNotMatch(r.stdout, /\u001b/);
  assert.equal(r.stdout.split('\n').length, 3, 'one line per finding plus the summary');
  assert.match(r.stdout, /field 'x\\x1B\[31m\\x0Ared' .* \[\/x\\x1B\[31m\\x0Ared\]/);
  const j = JSON.parse(runCli(['validate', file, '--format', 'json']).stdout);
  assert.equal(j.diagnostics[0].pointer, '/x\u001b[31m\nred');
});
