// Hostile input through every entry point of the wasm build, under Node,
// through the package facade: validateServerJson, generate (a pasted
// server.json text and arbitrary values), and lint / fix / convert for each
// client syntax (JSON, JSONC, TOML, YAML). Each input gets either a clear
// error (its rule, a message naming what went wrong, and the line and
// column where) or a correct result, never a crash; the wasm memory stays
// under a stated bound and does not grow when the same input comes again.
//
// HOSTILE_TABLE=<file> writes the table of inputs and outcomes (Markdown)
// for the closing note.
import test from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';

import { parse as smolParseToml } from 'smol-toml';
import YAML from 'yaml';

import init from '../src/index.js';

// The facade does not expose the module; catch the wasm memory as it is
// instantiated (Emscripten minifies the export's name, so look for the
// Memory object itself).
const memories = [];
const instantiate = WebAssembly.instantiate;
WebAssembly.instantiate = async function (...args) {
  const result = await instantiate.apply(this, args);
  const instance = result.instance ?? result;
  for (const value of Object.values(instance.exports)) {
    if (value instanceof WebAssembly.Memory) memories.push(value);
  }
  return result;
};
const mcp = await init({ lint: true });
WebAssembly.instantiate = instantiate;
assert.equal(memories.length, 1, 'the lint module exports one wasm memory');
const memoryBytes = () => memories[0].buffer.byteLength;

const MiB = 1 << 20;
// The bound: inputs at the 16 MiB lint limit need the input buffer (up to
// 3 bytes per UTF-16 unit for strings), the parsed tree and the output;
// measured about 200 MiB. Past this, something holds copies it should not.
const MEMORY_BOUND = 384 * MiB;
const { maxBytes, maxDepth, lintMaxBytes } = mcp.limits;
assert.equal(maxBytes, 4 * MiB);
assert.equal(maxDepth, 64);
assert.equal(lintMaxBytes, 16 * MiB);
const LINT_DEPTH = 256; // core/include/mcp_builder/lint.h kMaxDepth

const table = [];
/** Records one row of the closing note's table. */
const record = (entry, input, outcome) => table.push({ entry, input, outcome });

test.after(() => {
  if (!process.env.HOSTILE_TABLE) return;
  const rows = table.map((r) => `| ${r.entry} | ${r.input} | ${r.outcome.replace(/\|/g, '\\|')} |`);
  writeFileSync(process.env.HOSTILE_TABLE,
    ['| entry point | input | outcome |', '|---|---|---|', ...rows, ''].join('\n'));
});

const bytes = (...parts) => Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'utf8') : Buffer.from(p))));

// ---- One document per syntax, with a slot for a hostile value ---------------

// Each template puts the slot inside an `args` array on a known line; `at`
// gives that line and the byte column where the slot starts.
const FORMATS = {
  json: {
    client: 'claude-desktop',
    head: '{"mcpServers":{"a":{"command":"npx","args":[',
    tail: ']}}}',
  },
  jsonc: {
    client: 'vscode',
    head: '// VS Code\n{"servers":{"a":{"type":"stdio","command":"npx","args":[',
    tail: '],},},}',
  },
  toml: {
    client: 'codex',
    head: '[mcp_servers.a]\ncommand = "npx"\nargs = [',
    tail: ']\n',
  },
  yaml: {
    client: 'continue',
    head: 'name: x\nversion: 0.0.1\nschema: v1\nmcpServers:\n  - name: a\n    command: npx\n    args: [',
    tail: ']\n',
  },
};
for (const f of Object.values(FORMATS)) {
  const lines = f.head.split('\n');
  f.line = lines.length;
  f.column = Buffer.byteLength(lines.at(-1)) + 1; // of the slot's first byte
}
const doc = (format, ...slot) => bytes(FORMATS[format].head, ...slot, FORMATS[format].tail);

/** Lint, fix and convert all refuse `input` with the same first finding. */
function assertRefusedEverywhere(format, input, { rule, message, line, column }) {
  const client = FORMATS[format].client;
  const check = (f, what) => {
    assert.ok(f, `${what}: no finding`);
    assert.equal(f.rule, rule, `${what}: rule`);
    assert.equal(f.severity, 'error', `${what}: severity`);
    assert.match(f.message, message, `${what}: message`);
    if (line !== undefined) assert.equal(f.line, line, `${what}: line`);
    if (typeof column === 'function') assert.ok(column(f.column), `${what}: column ${f.column}`);
    else if (column !== undefined) assert.equal(f.column, column, `${what}: column`);
  };
  const report = mcp.lint(input, { client });
  assert.equal(report.parsed, false, 'lint: parsed');
  assert.equal(report.exitCode, 2, 'lint: exit code');
  check(report.findings[0], 'lint');
  const fixed = mcp.fix(input, { client });
  assert.equal(fixed.ok, false, 'fix: ok');
  assert.equal(fixed.changes, 0, 'fix: changes');
  check(fixed.remaining[0], 'fix');
  const target = client === 'codex' ? 'cursor' : 'codex';
  const converted = mcp.convert(input, { from: client, to: target });
  assert.equal(converted.ok, false, 'convert: ok');
  assert.equal(converted.text, '', 'convert: text');
  check(converted.notes[0], 'convert');
  return report.findings[0];
}

const where = (f) => `${f.rule} at ${f.line}:${f.column}: "${f.message}"`;

/** The first argument of server 'a' after converting to Cursor (JSON). */
function firstArgVia(format, input) {
  const converted = mcp.convert(input, { from: FORMATS[format].client, to: FORMATS[format].client === 'claude-desktop' ? 'cursor' : 'claude-desktop' });
  assert.equal(converted.ok, true, `convert: ${JSON.stringify(converted.notes.slice(0, 2))}`);
  return JSON.parse(converted.text).mcpServers.a.args[0];
}

// ---- Deep nesting ------------------------------------------------------------

test('100,000 levels of nesting: an error at the depth limit, in every syntax', () => {
  const nests = {
    json: ['[', '{"a":'],
    jsonc: ['[', '{"a":'],
    toml: ['[', '{a='],
    yaml: ['[', '{a: '],
  };
  for (const [format, openers] of Object.entries(nests)) {
    for (const open of openers) {
      const { line, column } = FORMATS[format];
      const input = doc(format, open.repeat(100000));
      const f = assertRefusedEverywhere(format, input, {
        rule: 'syntax/too-deep',
        message: new RegExp(`nesting is deeper than the limit of ${LINT_DEPTH} levels`),
        line,
        // The error points into the slot, at an opener past the limit.
        column: (c) => c > column && c <= column + LINT_DEPTH * open.length,
      });
      record(`lint/fix/convert (${format})`, `100,000 nested \`${open}\``, `error ${where(f)}`);
    }
  }
  // YAML block nesting: "- - - - ..." nests a sequence per dash.
  const input = `mcpServers:\n${'- '.repeat(100000)}x\n`;
  const f = assertRefusedEverywhere('yaml', input, {
    rule: 'syntax/too-deep', message: /YAML: nesting is deeper than the limit of 256 levels/, line: 2,
    column: (c) => c > 1 && c <= 2 * LINT_DEPTH + 1,
  });
  record('lint/fix/convert (yaml)', '100,000 nested block sequences (`- - - …`)', `error ${where(f)}`);
});

test('100,000 levels of nesting in server.json: validate and generate refuse at 64 levels', () => {
  for (const open of ['[', '{"a":']) {
    const text = open.repeat(100000);
    const report = mcp.validateServerJson(text);
    assert.equal(report.parsed, false);
    assert.deepEqual(report.diagnostics, [{
      rule: 'json/too-deep', severity: 'error', message: 'nesting is deeper than the limit of 64 levels',
      line: 1, column: 64 * open.length + 1, pointer: '',
    }]);
    record('validate', `100,000 nested \`${open}\``, `error json/too-deep at 1:${64 * open.length + 1}`);
    const r = mcp.generate({ client: 'cursor', servers: [{ serverJson: text }] });
    assert.equal(r.ok, false);
    assert.equal(r.text, '');
    assert.equal(r.notes[0].rule, 'generate/invalid-server-json');
    assert.match(r.notes[0].message, new RegExp(`^server 1: server.json is not valid: 1:${64 * open.length + 1} json/too-deep nesting is deeper than the limit of 64 levels`));
    record('generate (pasted server.json)', `100,000 nested \`${open}\``, `error generate/invalid-server-json: "${r.notes[0].message}"`);
  }
});

// ---- Size limits ---------------------------------------------------------------

/** A document of exactly `size` bytes whose one long string fills the slot. */
function docOfSize(format, size) {
  const f = FORMATS[format];
  const fixed = Buffer.byteLength(f.head) + Buffer.byteLength(f.tail) + 2;
  return bytes(f.head, '"', 'z'.repeat(size - fixed), '"', f.tail);
}

test('files at the lint limit are read; one byte more is refused with both sizes', () => {
  for (const format of Object.keys(FORMATS)) {
    const atLimit = docOfSize(format, lintMaxBytes);
    assert.equal(atLimit.length, lintMaxBytes);
    const report = mcp.lint(atLimit, { client: FORMATS[format].client });
    assert.equal(report.parsed, true, `${format}: ${JSON.stringify(report.findings[0])}`);
    // The correct result: the 16 MiB string arrives whole in another client.
    assert.equal(firstArgVia(format, atLimit).length, lintMaxBytes - (Buffer.byteLength(FORMATS[format].head) + Buffer.byteLength(FORMATS[format].tail) + 2));
    record(`lint/fix/convert (${format})`, `file of exactly ${lintMaxBytes} bytes (one 16 MiB string)`, 'parsed; the string converts whole');

    const over = docOfSize(format, lintMaxBytes + 1);
    const message = `the file is ${lintMaxBytes + 1} bytes; at most ${lintMaxBytes} are read`;
    for (const input of [over, over.toString('utf8')]) {
      const f = assertRefusedEverywhere(format, input, { rule: 'syntax/too-large', message: new RegExp(`^${message}$`), line: 1, column: 1 });
      if (typeof input === 'string') record(`lint/fix/convert (${format})`, `${lintMaxBytes + 1} bytes (string and Uint8Array)`, `error ${where(f)}`);
    }
  }
  // A string whose UTF-16 length is under the limit but UTF-8 length over it.
  const wide = 'é'.repeat(lintMaxBytes / 2 + 1);
  const f = assertRefusedEverywhere('json', wide, {
    rule: 'syntax/too-large', message: new RegExp(`^the file is ${lintMaxBytes + 2} bytes`), line: 1, column: 1,
  });
  record('lint/fix/convert (json)', `${lintMaxBytes / 2 + 1} × "é" (UTF-16 under, UTF-8 over the limit)`, `error ${where(f)}`);
  assert.throws(() => mcp.scanSecrets('x'.repeat(lintMaxBytes + 1)), { name: 'RangeError', message: /over the 16777216-byte limit/ });
  record('scanSecrets', `${lintMaxBytes + 1} bytes`, 'RangeError "scanSecrets: input is over the 16777216-byte limit"');
});

const SERVER = {
  name: 'io.github.example/hostile',
  description: 'Hostile input test server',
  version: '1.0.0',
  packages: [{
    registryType: 'npm', identifier: '@example/hostile', version: '1.0.0', transport: { type: 'stdio' },
    environmentVariables: [{ name: 'K' }],
  }],
};

/** A valid server.json of exactly `size` bytes (padding in _meta). */
function serverJsonOfSize(size) {
  const head = JSON.stringify(SERVER).slice(0, -1) + ',"_meta":{"pad":"';
  return head + 'p'.repeat(size - head.length - 3) + '"}}';
}

test('server.json at the 4 MiB limit validates and generates; one byte more is refused', () => {
  const atLimit = serverJsonOfSize(maxBytes);
  assert.equal(Buffer.byteLength(atLimit), maxBytes);
  const ok = mcp.validateServerJson(atLimit);
  assert.equal(ok.valid, true, JSON.stringify(ok.diagnostics.slice(0, 2)));
  const generated = mcp.generate({ client: 'cursor', servers: [{ serverJson: atLimit }] });
  assert.equal(generated.ok, true);
  assert.deepEqual(JSON.parse(generated.text).mcpServers.hostile.args, ['-y', '@example/hostile@1.0.0']);
  record('validate, generate', `server.json of exactly ${maxBytes} bytes`, 'valid; generates');

  const over = atLimit + ' ';
  const expected = `input is ${maxBytes + 1} bytes, larger than the limit of ${maxBytes} bytes`;
  for (const input of [over, Buffer.from(over)]) {
    const report = mcp.validateServerJson(input);
    assert.deepEqual(report.diagnostics, [{ rule: 'json/too-large', severity: 'error', message: expected, line: 1, column: 1, pointer: '' }]);
  }
  record('validate', `${maxBytes + 1} bytes (string and Uint8Array)`, `error json/too-large at 1:1: "${expected}"`);
  const r = mcp.generate({ client: 'cursor', servers: [{ serverJson: over }] });
  assert.equal(r.ok, false);
  assert.equal(r.notes[0].message, `server 1: server.json is not valid: 1:1 json/too-large ${expected}`);
  record('generate (pasted server.json)', `${maxBytes + 1} bytes`, `error generate/invalid-server-json: "${r.notes[0].message}"`);
});

test('a huge value is written whole; a request past 16 MiB is refused with its size', () => {
  const value = 'v'.repeat(8 * MiB);
  const r = mcp.generate({ client: 'cursor', servers: [{ serverJson: SERVER, values: { K: value } }] });
  assert.equal(r.ok, true);
  assert.equal(JSON.parse(r.text).mcpServers.hostile.env.K, value);
  record('generate (values)', '8 MiB value', 'ok; the value comes out whole (JSON.parse)');

  const tooBig = mcp.generate({ client: 'codex', servers: [{ serverJson: SERVER, values: { K: value + value } }] });
  assert.equal(tooBig.ok, false);
  assert.equal(tooBig.text, '');
  assert.equal(tooBig.notes[0].rule, 'generate/bad-request');
  assert.match(tooBig.notes[0].message, /^request is not valid JSON: input is \d+ bytes, larger than the limit of 16777216 bytes$/);
  record('generate (values)', '16 MiB value (request over 16 MiB)', `error generate/bad-request: "${tooBig.notes[0].message}"`);
});

// ---- Encoding ----------------------------------------------------------------

const BAD_UTF8 = [
  ['invalid byte 0xFF', [0xff], 0xff],
  ['overlong "/" (C0 AF)', [0xc0, 0xaf], 0xc0],
  ['overlong 3-byte (E0 80 AF)', [0xe0, 0x80, 0xaf], 0xe0],
  ['UTF-8-encoded surrogate U+D800 (ED A0 80)', [0xed, 0xa0, 0x80], 0xed],
  ['code point past U+10FFFF (F4 90 80 80)', [0xf4, 0x90, 0x80, 0x80], 0xf4],
  ['truncated sequence (E2 82 then a quote)', [0xe2, 0x82], 0xe2],
  ['lone continuation byte 0x80', [0x80], 0x80],
];

test('invalid UTF-8 and overlong encodings: an encoding error at the byte, in every syntax', () => {
  for (const format of Object.keys(FORMATS)) {
    const { line, column } = FORMATS[format];
    for (const [name, seq, first] of BAD_UTF8) {
      const hex = first.toString(16).toUpperCase().padStart(2, '0');
      const input = doc(format, '"ab', seq, '"');
      const f = assertRefusedEverywhere(format, input, {
        rule: 'syntax/encoding', message: new RegExp(`invalid UTF-8: byte 0x${hex} does not start a well-formed sequence`),
        line, column: column + 3,
      });
      record(`lint/fix/convert (${format})`, name, `error ${where(f)}`);
    }
  }
  for (const [name, seq, first] of BAD_UTF8) {
    const hex = first.toString(16).toUpperCase().padStart(2, '0');
    const input = bytes('{"name":"io.github.a/b","description":"ab', seq, '","version":"1.0.0"}');
    const report = mcp.validateServerJson(input);
    assert.equal(report.parsed, false);
    assert.deepEqual(report.diagnostics, [{
      rule: 'json/encoding', severity: 'error',
      message: `invalid UTF-8: byte 0x${hex} does not start a well-formed sequence`, line: 1, column: 42, pointer: '',
    }]);
    record('validate', name, `error json/encoding at 1:42: "${report.diagnostics[0].message}"`);
  }
});

test('lone surrogate escapes are refused; a real pair is decoded', () => {
  const cases = {
    json: ['"\\ud800"', '"\\udc00"', '"\\ud800\\u0041"', '"\\ud800\\ud800"'],
    jsonc: ['"\\ud800"', '"\\udfff"'],
    toml: ['"\\ud800"', '"\\uDFFF"', '"\\U0000D800"'],
    yaml: ['"\\ud800"', '"\\udc00"', '"\\ud800x"'],
  };
  for (const [format, slots] of Object.entries(cases)) {
    for (const slot of slots) {
      const f = assertRefusedEverywhere(format, doc(format, slot), {
        rule: 'syntax/encoding', message: /surrogate/i, line: FORMATS[format].line,
        column: (c) => c >= FORMATS[format].column && c <= FORMATS[format].column + 1,
      });
      record(`lint/fix/convert (${format})`, `escape ${slot}`, `error ${where(f)}`);
    }
  }
  for (const format of ['json', 'jsonc', 'yaml']) {
    assert.equal(firstArgVia(format, doc(format, '"\\ud83d\\ude00"')), '😀');
  }
  assert.equal(firstArgVia('toml', doc('toml', '"\\U0001F600"')), '😀');
  record('lint/fix/convert (all)', 'escaped surrogate pair / \\U0001F600', 'decoded to U+1F600 (checked after convert)');

  const report = mcp.validateServerJson('{"name":"io.github.a/b","description":"\\ud800","version":"1.0.0"}');
  assert.deepEqual(report.diagnostics.map((d) => [d.rule, d.line, d.column]), [['json/encoding', 1, 40]]);
  assert.match(report.diagnostics[0].message, /lone high surrogate escape: \\uD800 must be followed by a low surrogate escape/);
  record('validate', 'escape "\\ud800"', `error json/encoding at 1:40: "${report.diagnostics[0].message}"`);

  const pasted = mcp.generate({ client: 'cursor', servers: [{ serverJson: JSON.stringify(SERVER).replace('"d', '"\\udc00d') }] });
  assert.equal(pasted.ok, false);
  assert.match(pasted.notes[0].message, /^server 1: server.json is not valid: \d+:\d+ json\/encoding lone low surrogate/);
  record('generate (pasted server.json)', 'escape "\\udc00"', `error: "${pasted.notes[0].message}"`);

  // A JS string cannot carry invalid UTF-8; a lone surrogate in a value
  // reaches the core as a \ud800 escape and is refused, not replaced.
  const value = mcp.generate({ client: 'cursor', servers: [{ serverJson: SERVER, values: { K: 'a\ud800b' } }] });
  assert.equal(value.ok, false);
  assert.equal(value.notes[0].rule, 'generate/bad-request');
  assert.match(value.notes[0].message, /lone high surrogate escape: \\uD800/);
  record('generate (values)', 'value with a lone surrogate (JS "a\\ud800b")', `error generate/bad-request: "${value.notes[0].message}"`);

  // A lone surrogate in a JS string given to lint is encoded as U+FFFD by
  // TextEncoder (the facade says so): the file reads, with U+FFFD in it.
  assert.equal(firstArgVia('json', doc('json', '"a\ud800b"').toString('utf8')), 'a\ufffdb');
  assert.equal(firstArgVia('json', '{"mcpServers":{"a":{"command":"npx","args":["a\ud800b"]}}}'), 'a\ufffdb');
  record('lint/fix/convert (json)', 'JS string with a raw lone surrogate', 'read as U+FFFD (TextEncoder), as documented');
});

// ---- NUL, BOM, duplicate keys ----------------------------------------------------

test('a raw NUL is an error at its position; an escaped NUL is kept exactly', () => {
  const messages = {
    json: /JSON: control character U\+0000 must be escaped inside a string/,
    jsonc: /JSON: control character U\+0000 must be escaped inside a string/,
    toml: /TOML: control character U\+0000 is not allowed in a string/,
    yaml: /YAML: control character U\+0000 is not allowed in YAML/,
  };
  for (const [format, message] of Object.entries(messages)) {
    const { line, column } = FORMATS[format];
    const f = assertRefusedEverywhere(format, doc(format, '"a', [0], 'b"'), {
      rule: f0(format), message, line, column: column + 2,
    });
    record(`lint/fix/convert (${format})`, 'raw NUL inside a string', `error ${where(f)}`);
    const outside = lintError(format, doc(format, '"a"', [0]));
    assert.match(outside.message, /U\+0000|NUL|control character/);
    assert.equal(outside.line, line);
    record(`lint/fix/convert (${format})`, 'raw NUL outside a string', `error ${where(outside)}`);
  }
  // Escaped: JSON \u0000, TOML \u0000, YAML \0 — kept exactly through convert.
  const escaped = { json: '"a\\u0000b"', jsonc: '"a\\u0000b"', toml: '"a\\u0000b"', yaml: '"a\\0b"' };
  for (const [format, slot] of Object.entries(escaped)) {
    assert.equal(firstArgVia(format, doc(format, slot)), 'a\u0000b', format);
  }
  // ... and converting such a value to TOML and YAML escapes it there too.
  const src = doc('json', '"a\\u0000b"');
  assert.deepEqual(smolParseToml(mcp.convert(src, { to: 'codex' }).text).mcp_servers.a.args, ['a\u0000b']);
  assert.deepEqual(YAML.parse(mcp.convert(src, { to: 'continue' }).text).mcpServers[0].args, ['a\u0000b']);
  record('lint/fix/convert (all)', 'escaped NUL (\\u0000, \\0)', 'kept exactly; converted to TOML/YAML as an escape (smol-toml, yaml read it back)');

  const report = mcp.validateServerJson('{"name":"io.github.a/b","description":"a\u0000b","version":"1.0.0"}');
  assert.deepEqual(report.diagnostics.map((d) => [d.rule, d.line, d.column]), [['json/syntax', 1, 41]]);
  assert.match(report.diagnostics[0].message, /control character U\+0000 must be escaped/);
  record('validate', 'raw NUL inside a string', `error json/syntax at 1:41: "${report.diagnostics[0].message}"`);

  const value = mcp.generate({ client: 'codex', servers: [{ serverJson: SERVER, values: { K: 'a\u0000b' } }] });
  assert.equal(value.ok, false);
  assert.deepEqual([value.notes[0].rule, value.notes[0].input], ['generate/invalid-value', 'K']);
  assert.equal(value.notes[0].message, "value of 'K': contains a NUL character");
  record('generate (values)', 'value with a NUL', `error generate/invalid-value (input K): "${value.notes[0].message}"`);
});

/** The rule a raw NUL in a string gets, per syntax. */
function f0(format) {
  return { json: 'syntax/json', jsonc: 'syntax/json', toml: 'syntax/toml', yaml: 'syntax/yaml' }[format];
}

/** Lint's first finding for an input that must not parse. */
function lintError(format, input) {
  const report = mcp.lint(input, { client: FORMATS[format].client });
  assert.equal(report.parsed, false, `${format}: parsed`);
  assert.equal(report.exitCode, 2);
  assert.equal(report.findings[0].severity, 'error');
  return report.findings[0];
}

test('a leading BOM is skipped (positions unchanged); a BOM inside the syntax is an error', () => {
  for (const format of Object.keys(FORMATS)) {
    const client = FORMATS[format].client;
    const plain = mcp.lint(doc(format, '"x"'), { client });
    const withBom = mcp.lint(bytes([0xef, 0xbb, 0xbf], doc(format, '"x"')), { client });
    assert.equal(withBom.parsed, true, format);
    assert.deepEqual(withBom.findings.map((f) => [f.rule, f.line, f.column]), plain.findings.map((f) => [f.rule, f.line, f.column]));
    assert.deepEqual(withBom.findings.map((f) => f.offset), plain.findings.map((f) => f.offset + 3), 'offsets count the BOM');
    assert.equal(firstArgVia(format, bytes([0xef, 0xbb, 0xbf], doc(format, '"x"'))), 'x');
    // Fix keeps the BOM and the rest byte for byte.
    const fixed = mcp.fix(bytes([0xef, 0xbb, 0xbf], doc(format, '"x"')), { client });
    assert.equal(fixed.text, '\ufeff' + doc(format, '"x"').toString());
    record(`lint/fix/convert (${format})`, 'leading UTF-8 BOM', 'skipped: same findings, lines and columns as without; fix keeps it');
  }
  // Inside a value a BOM is just a character, kept exactly.
  assert.equal(firstArgVia('json', doc('json', '"\ufeffx"')), '\ufeffx');
  // Where JSON expects a value, U+FEFF is not whitespace.
  const f = lintError('json', doc('json', '\ufeff"x"'));
  assert.equal(f.line, 1);
  assert.equal(f.column, FORMATS.json.column);
  record('lint/fix/convert (json)', 'BOM before a value inside the document', `error ${where(f)}`);

  const report = mcp.validateServerJson('\ufeff' + JSON.stringify(SERVER));
  assert.equal(report.valid, true);
  record('validate', 'leading BOM', 'valid');
});

test('duplicate keys: validate refuses them; lint warns in JSON/YAML and TOML refuses', () => {
  const report = mcp.validateServerJson('{"name":"io.github.a/b","name":"io.github.a/c","description":"d","version":"1.0.0"}');
  assert.equal(report.valid, false);
  assert.deepEqual(report.diagnostics.map((d) => [d.rule, d.severity, d.line, d.column, d.pointer]),
    [['json/duplicate-key', 'error', 1, 25, '/name']]);
  assert.match(report.diagnostics[0].message, /duplicate key 'name' \(first at line 1, column 2\)/);
  record('validate', 'duplicate key "name"', `error json/duplicate-key at 1:25 /name: "${report.diagnostics[0].message}"`);

  const pasted = mcp.generate({ client: 'cursor', servers: [{ serverJson: '{"name":"io.github.a/b","name":"io.github.a/c","description":"d","version":"1.0.0"}' }] });
  assert.equal(pasted.ok, false);
  assert.match(pasted.notes[0].message, /json\/duplicate-key duplicate key 'name'/);
  record('generate (pasted server.json)', 'duplicate key "name"', `error: "${pasted.notes[0].message}"`);

  const docs = {
    json: ['claude-desktop', '{"mcpServers":{"a":{"command":"x"},\n"a":{"command":"y"}}}', 2, 1],
    jsonc: ['vscode', '{"servers":{"a":{"command":"x",\n"command":"y"}}}', 2, 1],
    yaml: ['continue', 'mcpServers:\n  - name: a\n    command: x\n    command: y\n', 4, 5],
  };
  for (const [format, [client, text, line, column]] of Object.entries(docs)) {
    const r = mcp.lint(text, { client });
    assert.equal(r.parsed, true);
    const dup = r.findings.find((f) => f.rule === 'schema/duplicate-key');
    assert.ok(dup, `${format}: ${JSON.stringify(r.findings)}`);
    assert.deepEqual([dup.line, dup.column], [line, column]);
    assert.match(dup.message, /appears again \(first at line \d+\); only one of the two values is used/);
    record(`lint (${format})`, 'duplicate key', `warning ${where(dup)}`);
  }
  const toml = assertRefusedEverywhere('toml', '[mcp_servers.a]\ncommand = "x"\ncommand = "y"\n', {
    rule: 'syntax/toml', message: /duplicate key "command" \(first defined at line 2\)/, line: 3, column: 1,
  });
  record('lint/fix/convert (toml)', 'duplicate key', `error ${where(toml)}`);
  const table2 = lintError('toml', '[mcp_servers.a]\ncommand = "x"\n[mcp_servers.a]\ncommand = "y"\n');
  assert.match(table2.message, /mcp_servers\.a|defined/);
  record('lint/fix/convert (toml)', 'table defined twice', `error ${where(table2)}`);
});

// ---- Numbers -----------------------------------------------------------------------

const NUMBERS = ['1e308', '1e309', '-1e309', '-0', '5e-324', '4e-324', '1e-400', '123456789012345678901234567890', '9007199254740993', '-9223372036854775808'];

test('numbers at the edges of double range: read, reported as numbers, kept byte for byte by fix', () => {
  for (const n of NUMBERS) {
    for (const format of ['json', 'jsonc', 'yaml']) {
      const input = doc(format, n);
      const report = mcp.lint(input, { client: FORMATS[format].client });
      assert.equal(report.parsed, true, `${format} ${n}`);
      const f = report.findings.find((x) => x.rule === 'schema/wrong-type');
      assert.ok(f, `${format} ${n}: ${JSON.stringify(report.findings)}`);
      assert.equal(f.message, 'argument 1 must be a string, not number (quote it)');
      assert.deepEqual([f.line, f.column, f.length], [FORMATS[format].line, FORMATS[format].column, n.length]);
      assert.equal(mcp.fix(input, { client: FORMATS[format].client }).text, input.toString(), 'fix leaves numbers alone');
    }
    record('lint/fix (json, jsonc, yaml)', `number ${n} as an argument`, 'parsed; error schema/wrong-type "argument 1 must be a string, not number (quote it)" at the number; fix keeps the text');
  }
  // TOML integers are 64-bit: past that is an error, as the spec says.
  for (const n of ['123456789012345678901234567890', '9223372036854775808', '-9223372036854775809']) {
    const f = assertRefusedEverywhere('toml', doc('toml', n), {
      rule: 'syntax/toml', message: new RegExp(`the integer "${n}" is out of range for a 64-bit signed integer`),
      line: FORMATS.toml.line, column: FORMATS.toml.column,
    });
    record('lint/fix/convert (toml)', `integer ${n}`, `error ${where(f)}`);
  }
  for (const n of ['1e308', '1e309', '-0.0', '5e-324', '-9223372036854775808', 'inf', 'nan']) {
    const report = mcp.lint(doc('toml', n), { client: 'codex' });
    assert.equal(report.parsed, true, n);
    assert.ok(report.findings.some((f) => f.rule === 'schema/wrong-type' && f.line === 3), n);
    record('lint (toml)', `number ${n} as an argument`, 'parsed; error schema/wrong-type at the number');
  }
  // server.json: numbers where strings belong are type errors; elsewhere kept.
  const report = mcp.validateServerJson(`{"name":"io.github.a/b","description":"d","version":1e309,"_meta":{"n":[${NUMBERS.join(',')}]}}`);
  assert.deepEqual(report.diagnostics.map((d) => [d.rule, d.pointer, d.message]), [['schema/type', '/version', 'expected a string, found a number']]);
  record('validate', `"version": 1e309, and ${NUMBERS.join(', ')} in _meta`, 'error schema/type at /version "expected a string, found a number"; the rest accepted');
  const generated = mcp.generate({ client: 'cursor', servers: [{ serverJson: { ...SERVER, _meta: { n: NUMBERS.map(Number) } } }] });
  assert.equal(generated.ok, true);
  record('generate (pasted server.json)', 'edge numbers in _meta', 'ok');
});

// ---- Memory ----------------------------------------------------------------------------

test('memory stays bounded, and the same hostile input again does not grow it', () => {
  const inputs = [
    doc('json', '['.repeat(100000)),
    doc('yaml', '"ab', [0xff], '"'),
    docOfSize('toml', 4 * MiB),
    serverJsonOfSize(maxBytes),
  ];
  const round = () => {
    for (const input of inputs) {
      mcp.lint(input, { client: 'auto' });
      mcp.fix(input);
      mcp.convert(input, { to: 'zed' });
      mcp.validateServerJson(input);
    }
  };
  round();
  const after = memoryBytes();
  for (let i = 0; i < 3; i++) round();
  assert.equal(memoryBytes(), after, 'memory grew on repeating the same inputs: something leaks');
  assert.ok(memoryBytes() <= MEMORY_BOUND, `wasm memory ${memoryBytes()} bytes is over the ${MEMORY_BOUND}-byte bound`);
  record('all', 'every input above, then 4 more rounds of four hostile inputs', `wasm memory ${Math.round(memoryBytes() / MiB)} MiB (bound ${MEMORY_BOUND / MiB} MiB), no growth on repeats`);
});
