// The public JS API (wasm/src/index.js): init(), version, limits and
// validateServerJson() on strings and bytes, including hostile input.
import test from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';

import init from '../src/index.js';
import { init as namedInit } from '../src/index.js';
import createCoreModule from '../dist/mcp-builder.js';
import {
  INVALID_DOC, INVALID_DOC_FINDINGS, MINIMAL_VALID, PACKAGE, VALID_DIR, jsonFiles,
} from './helpers.js';

const encode = (s) => new TextEncoder().encode(s);
const findings = (report) => report.diagnostics.map((d) => [d.rule, d.severity, d.line, d.column, d.pointer]);
const errors = (report) => report.diagnostics.filter((d) => d.severity === 'error');

test('init() returns the same promise and the same instance on every call', async () => {
  assert.equal(init, namedInit);
  const p1 = init();
  const p2 = init();
  assert.ok(p1 instanceof Promise);
  assert.equal(p1, p2);
  const [a, b] = await Promise.all([p1, p2]);
  assert.equal(a, b);
  assert.equal(await init(), a);
  assert.ok(Object.isFrozen(a));
  assert.equal(typeof a.validateServerJson, 'function');
});

test('version is the npm package version', async () => {
  const mcp = await init();
  assert.equal(mcp.version, PACKAGE.version);
  assert.match(mcp.version, /^\d+\.\d+\.\d+/);
});

test('limits are {maxBytes, maxDepth, maxDiagnostics} positive integers, frozen', async () => {
  const { limits } = await init();
  assert.deepEqual(Object.keys(limits).sort(), ['maxBytes', 'maxDepth', 'maxDiagnostics']);
  for (const [k, v] of Object.entries(limits)) {
    assert.equal(typeof v, 'number', k);
    assert.ok(Number.isInteger(v) && v > 0, `${k} = ${v}`);
  }
  assert.ok(Object.isFrozen(limits));
});

const validFixtures = jsonFiles(VALID_DIR);
test('there are valid fixtures to check', () => assert.ok(validFixtures.length >= 5, VALID_DIR));

for (const file of validFixtures) {
  test(`fixture ${basename(file)} is valid as a string and as bytes`, async () => {
    const mcp = await init();
    const bytes = new Uint8Array(readFileSync(file)); // a plain Uint8Array, not a Buffer
    const fromText = mcp.validateServerJson(readFileSync(file, 'utf8'));
    const fromBytes = mcp.validateServerJson(bytes);
    for (const report of [fromText, fromBytes]) {
      assert.equal(report.valid, true);
      assert.equal(report.parsed, true);
      assert.deepEqual(errors(report), []);
      assert.ok(Array.isArray(report.diagnostics));
    }
    assert.deepEqual(fromBytes, fromText);
  });
}

test('an invalid document gives exact rules, severities, lines, columns and pointers', async () => {
  const mcp = await init();
  for (const input of [INVALID_DOC, encode(INVALID_DOC)]) {
    const report = mcp.validateServerJson(input);
    assert.equal(report.valid, false);
    assert.equal(report.parsed, true);
    assert.deepEqual(findings(report), INVALID_DOC_FINDINGS);
    assert.match(report.diagnostics[0].message, /'Bad Name'/);
    assert.match(report.diagnostics[1].message, /latest/);
    assert.match(report.diagnostics[3].message, /'TOKEN'/);
    for (const d of report.diagnostics) {
      assert.deepEqual(Object.keys(d), ['rule', 'severity', 'message', 'line', 'column', 'pointer']);
      assert.ok(d.message.length > 0);
    }
  }
});

test('a warning-free document with an unknown field is valid with one info finding', async () => {
  const mcp = await init();
  const report = mcp.validateServerJson(MINIMAL_VALID.slice(0, -1) + ',"extra":1}');
  assert.equal(report.valid, true);
  assert.deepEqual(findings(report), [['schema/unknown-field', 'info', 1, 70, '/extra']]);
});

test('columns count code points, not UTF-16 units or bytes', async () => {
  const mcp = await init();
  // "😀" is 2 UTF-16 units and 4 UTF-8 bytes but one column.
  const report = mcp.validateServerJson('{"description":"😀","name":"bad","version":"1.0.0"}');
  assert.deepEqual(findings(report), [['schema/name-pattern', 'error', 1, 27, '/name']]);
});

test('a syntax error: parsed:false and one json/syntax at the exact place', async () => {
  const mcp = await init();
  const report = mcp.validateServerJson('{\n  "name": "io.github.a/b",\n  "version" "1.0.0"\n}');
  assert.equal(report.parsed, false);
  assert.equal(report.valid, false);
  assert.deepEqual(findings(report), [['json/syntax', 'error', 3, 13, '']]);
  assert.match(report.diagnostics[0].message, /expected ':'/);
});

test('empty input is a json/syntax error, as a string and as bytes', async () => {
  const mcp = await init();
  for (const input of ['', new Uint8Array(0)]) {
    const report = mcp.validateServerJson(input);
    assert.equal(report.parsed, false);
    assert.deepEqual(findings(report), [['json/syntax', 'error', 1, 1, '']]);
  }
});

test('invalid UTF-8 bytes give json/encoding at the bad byte', async () => {
  const mcp = await init();
  const bytes = new Uint8Array([
    ...encode('{\n  "name": "io.github.a/b'), 0xff, ...encode('",\n "description":"d","version":"1.0.0"}'),
  ]);
  const report = mcp.validateServerJson(bytes);
  assert.equal(report.parsed, false);
  assert.equal(report.valid, false);
  assert.deepEqual(findings(report), [['json/encoding', 'error', 2, 25, '']]);
  assert.match(report.diagnostics[0].message, /0xFF/);
});

test('a lone surrogate in a JS string is encoded as U+FFFD and parses fine', async () => {
  const mcp = await init();
  const doc = '{"name":"io.github.a/b","description":"x\uD800y","version":"1.0.0"}';
  assert.deepEqual(mcp.validateServerJson(doc), { valid: true, parsed: true, diagnostics: [] });
  // The replacement character shows in messages that quote the value.
  const bad = mcp.validateServerJson('{"name":"a\uDC00b","description":"d","version":"1.0.0"}');
  assert.equal(bad.parsed, true);
  assert.equal(bad.diagnostics[0].rule, 'schema/name-pattern');
  assert.ok(bad.diagnostics[0].message.includes("'a\uFFFDb'"), bad.diagnostics[0].message);
  // A lone surrogate *escape* in the JSON text is an encoding error instead.
  const escaped = mcp.validateServerJson('{"name":"io.github.a/b","description":"x\\uD800","version":"1.0.0"}');
  assert.equal(escaped.parsed, false);
  assert.deepEqual(findings(escaped), [['json/encoding', 'error', 1, 41, '']]);
});

test('100,000-deep nesting gives json/too-deep without throwing', async () => {
  const mcp = await init();
  const n = 100_000;
  for (const deep of ['['.repeat(n) + ']'.repeat(n), '{"a":'.repeat(n) + '1' + '}'.repeat(n), '['.repeat(n)]) {
    const report = mcp.validateServerJson(deep);
    assert.equal(report.parsed, false);
    assert.equal(report.diagnostics.length, 1);
    assert.equal(report.diagnostics[0].rule, 'json/too-deep');
  }
});

test('maxDepth is the exact nesting limit', async () => {
  const mcp = await init();
  const { maxDepth } = mcp.limits;
  const ok = mcp.validateServerJson('['.repeat(maxDepth) + ']'.repeat(maxDepth));
  assert.equal(ok.parsed, true); // read as JSON, then rejected by the schema
  assert.equal(ok.diagnostics[0].rule, 'schema/type');
  const deep = mcp.validateServerJson('['.repeat(maxDepth + 1) + ']'.repeat(maxDepth + 1));
  assert.deepEqual(findings(deep), [['json/too-deep', 'error', 1, maxDepth + 1, '']]);
});

test('maxBytes is the exact size limit, for strings and bytes', async () => {
  const mcp = await init();
  const { maxBytes } = mcp.limits;
  const atLimit = MINIMAL_VALID + ' '.repeat(maxBytes - MINIMAL_VALID.length);
  assert.deepEqual(mcp.validateServerJson(atLimit), { valid: true, parsed: true, diagnostics: [] });
  for (const input of [atLimit + ' ', encode(atLimit + ' ')]) {
    const report = mcp.validateServerJson(input);
    assert.equal(report.parsed, false);
    assert.equal(report.valid, false);
    assert.deepEqual(findings(report), [['json/too-large', 'error', 1, 1, '']]);
    assert.match(report.diagnostics[0].message, new RegExp(`${maxBytes + 1} bytes.*${maxBytes}`));
  }
  // Multi-byte text counts in UTF-8 bytes, not UTF-16 units.
  const wide = MINIMAL_VALID.slice(0, -1) + `,"x":"${'é'.repeat(maxBytes / 2)}"}`;
  assert.ok(wide.length < maxBytes);
  assert.equal(mcp.validateServerJson(wide).diagnostics[0].rule, 'json/too-large');
});

test('maxDiagnostics caps the findings and says how many were left out', async () => {
  const mcp = await init();
  const { maxDiagnostics } = mcp.limits;
  const n = maxDiagnostics + 50;
  const vars = Array.from({ length: n }, (_, i) => `{"name":"E${i}","isSecret":true,"default":"x"}`);
  const doc = `{"name":"io.github.a/b","description":"d","version":"1.0.0","packages":[{"registryType":"npm",` +
    `"identifier":"x","version":"1.0.0","transport":{"type":"stdio"},"environmentVariables":[${vars}]}]}`;
  const report = mcp.validateServerJson(doc);
  assert.equal(report.valid, false);
  assert.equal(report.diagnostics.length, maxDiagnostics + 1);
  assert.ok(report.diagnostics.slice(0, -1).every((d) => d.rule === 'semantic/secret-default'));
  const last = report.diagnostics.at(-1);
  assert.equal(last.rule, 'report/truncated');
  assert.equal(last.severity, 'info');
  assert.match(last.message, new RegExp(`^${n - maxDiagnostics} more findings`));
});

test('arguments that are neither a string nor a Uint8Array throw TypeError', async () => {
  const mcp = await init();
  const bad = [undefined, null, 42, true, {}, [], ['{}'], new ArrayBuffer(2), new Uint16Array(2),
    new Uint8ClampedArray(2), new DataView(new ArrayBuffer(2)), Symbol('x'), () => '{}'];
  for (const arg of bad) {
    assert.throws(() => mcp.validateServerJson(arg), {
      name: 'TypeError', message: /must be a string or a Uint8Array/,
    }, String(typeof arg));
  }
  assert.throws(() => mcp.validateServerJson(), TypeError);
  // The instance still works after the throws.
  assert.equal(mcp.validateServerJson(MINIMAL_VALID).valid, true);
  // A Buffer is a Uint8Array and is accepted.
  assert.equal(mcp.validateServerJson(Buffer.from(MINIMAL_VALID)).valid, true);
});

test('a 3 MB document validates, and smaller ones after it still give exact results', async () => {
  const mcp = await init();
  const big = MINIMAL_VALID.slice(0, -1) + `,"blob":"${'b'.repeat(3_000_000)}"}`;
  const report = mcp.validateServerJson(big);
  assert.equal(report.valid, true);
  assert.deepEqual(findings(report), [['schema/unknown-field', 'info', 1, 70, '/blob']]);
  // The reused input buffer still holds the big text: a stale length or
  // offset would show up as junk, a wrong position or a wrong verdict here.
  assert.deepEqual(mcp.validateServerJson(MINIMAL_VALID), { valid: true, parsed: true, diagnostics: [] });
  assert.deepEqual(findings(mcp.validateServerJson('{"name":')), [['json/syntax', 'error', 1, 9, '']]);
  assert.deepEqual(findings(mcp.validateServerJson(encode(INVALID_DOC))), INVALID_DOC_FINDINGS);
  assert.deepEqual(findings(mcp.validateServerJson('{}')).map((f) => f[0]),
    ['schema/required', 'schema/required', 'schema/required']);
  assert.deepEqual(mcp.validateServerJson(big), report);
});

test('20,000 calls keep giving correct results without unbounded memory growth', async () => {
  const mcp = await init();
  const good = readFileSync(validFixtures[0], 'utf8');
  const goodBytes = encode(good);
  const badBytes = encode(INVALID_DOC);
  for (let i = 0; i < 200; i++) mcp.validateServerJson(INVALID_DOC); // warm up
  globalThis.gc?.();
  const before = process.memoryUsage().rss;
  for (let i = 0; i < 20_000; i++) {
    const kind = i % 4;
    const r = mcp.validateServerJson(kind === 0 ? good : kind === 1 ? goodBytes : kind === 2 ? INVALID_DOC : badBytes);
    if (kind < 2) {
      if (!r.valid || r.diagnostics.length !== 0) assert.fail(`call ${i}: ${JSON.stringify(r)}`);
    } else if (r.valid || r.diagnostics.length !== 4 || r.diagnostics[3].line !== 14) {
      assert.fail(`call ${i}: ${JSON.stringify(r)}`);
    }
  }
  globalThis.gc?.();
  const grownMb = (process.memoryUsage().rss - before) / 2 ** 20;
  // A leak of one copy of the input per call would be > 20,000 * 700 B = 14 MB
  // of wasm heap plus the results; normal GC noise stays well below 64 MB.
  assert.ok(grownMb < 64, `rss grew by ${grownMb.toFixed(1)} MB over 20,000 calls`);
  assert.deepEqual(findings(mcp.validateServerJson(INVALID_DOC)), INVALID_DOC_FINDINGS);
});

const HOSTILE = '</script><img onerror=alert(1)>&amp;'; // short enough to be quoted whole

test('hostile text in a message comes back intact after JSON.parse', async () => {
  const mcp = await init();
  const report = mcp.validateServerJson(JSON.stringify({ name: HOSTILE, description: 'd', version: '1.0.0' }));
  assert.equal(report.diagnostics[0].rule, 'schema/name-pattern');
  assert.ok(report.diagnostics[0].message.includes(`'${HOSTILE}'`), report.diagnostics[0].message);
  const key = mcp.validateServerJson(MINIMAL_VALID.slice(0, -1) + `,${JSON.stringify(HOSTILE)}:1}`);
  assert.equal(key.diagnostics[0].rule, 'schema/unknown-field');
  assert.equal(key.diagnostics[0].pointer, '/' + HOSTILE.replaceAll('/', '~1')); // RFC 6901
  assert.ok(key.diagnostics[0].message.includes(HOSTILE));
});

test('the core itself returns <, >, & and U+2028 escaped in its JSON text', async () => {
  // Bypass the facade to see the raw text the core hands to JS.
  const wasmBinary = readFileSync(new URL('../dist/mcp-builder.wasm', import.meta.url));
  const core = await createCoreModule({ wasmBinary });
  const bytes = encode(JSON.stringify({ name: `${HOSTILE}\u2028\u2029`, description: 'd', version: '1.0.0' }));
  const address = core._malloc(bytes.length);
  core.HEAPU8.set(bytes, address);
  const raw = core.validateServerJson(address, bytes.length);
  core._free(address);
  assert.doesNotMatch(raw, /[<>&\u2028\u2029]/);
  assert.ok(raw.includes('\\u003c/script\\u003e\\u003cimg onerror'), raw);
  assert.ok(raw.includes('\\u0026amp;\\u2028\\u2029'), raw);
  assert.ok(JSON.parse(raw).diagnostics[0].message.includes(`${HOSTILE}\u2028\u2029`));
});
