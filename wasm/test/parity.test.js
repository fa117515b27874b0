// The wasm build (through the Node CLI) and the native build of the core
// must report the same thing for the same file: same exit code, same text
// output, same JSON output byte for byte. Covers every fixture in
// tests/data/{valid,invalid} plus documents generated here.
import test from 'node:test';
import assert from 'node:assert/strict';
import { closeSync, existsSync, ftruncateSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';

import {
  INVALID_DIR, INVALID_DOC, MINIMAL_VALID, NATIVE, ROOT, VALID_DIR, jsonFiles, run, runCli, tempDir,
} from './helpers.js';

function requireNative() {
  assert.ok(existsSync(NATIVE), `native CLI ${NATIVE} is missing: run scripts/build first`);
}

const runNative = (args, opts) => run(NATIVE, args, { encoding: 'buffer', ...opts });
const runNode = (args, opts) => runCli(args, { encoding: 'buffer', ...opts });

const tmp = tempDir('mcp-builder-parity-');
const generated = [];
const gen = (name, data) => {
  const p = join(tmp, name);
  writeFileSync(p, data);
  generated.push(p);
};
const wrapPackage = (pkg) => JSON.stringify({
  name: 'io.github.example/gen', description: 'generated', version: '1.0.0',
  packages: [{ registryType: 'npm', identifier: '@example/gen', version: '1.0.0', transport: { type: 'stdio' }, ...pkg }],
}, null, 2);

gen('mixed.json', INVALID_DOC);
gen('mixed-crlf.json', INVALID_DOC.replaceAll('\n', '\r\n'));
gen('bom.json', '\uFEFF' + MINIMAL_VALID);
gen('unicode-columns.json', '{"description":"😀 日本語 ünï","title":"ü","name":"Ünicode/ñame","version":"1.0.0"}');
gen('syntax.json', '{\n  "name": "io.github.a/b",\n  "version" "1.0.0"\n}\n');
gen('trailing-comma.json', '{"name":"io.github.a/b","description":"d","version":"1.0.0",}');
gen('comment.json', '// a comment\n{"name":"io.github.a/b"}');
gen('empty.json', '');
gen('whitespace.json', ' \n\t\r\n ');
gen('bad-byte.json', Buffer.concat([Buffer.from('{"name":"io.github.a/b'), Buffer.from([0xff]), Buffer.from('"}')]));
gen('overlong.json', Buffer.concat([Buffer.from('{"name":"'), Buffer.from([0xc0, 0xaf]), Buffer.from('"}')]));
gen('lone-surrogate-escape.json', '{"name":"io.github.a/b","description":"\\uDC00","version":"1.0.0"}');
gen('deep.json', '['.repeat(100_000) + ']'.repeat(100_000));
gen('duplicate-key.json', '{"name":"io.github.a/b","name":"io.github.a/c","description":"d","version":"1.0.0"}');
gen('wrong-types.json', '{"name":1,"description":[],"version":{},"packages":"x","remotes":null,"title":true}');
gen('control-chars.json', '{"name":"a\\u0001\\tb\\"c\\\\d","description":"d","version":"1.0.0"}');
gen('huge-number.json', '{"name":"io.github.a/b","description":"d","version":1e400}');
gen('misspelled.json', '{"name":"io.github.a/b","descripton":"d","version":"1.0.0","repositry":{}}');
gen('secrets-and-choices.json', wrapPackage({
  environmentVariables: [
    { name: 'API_KEY', isSecret: true, value: 'sk-live-123' },
    { name: 'MODE', choices: ['a', 'b'], default: 'c' },
    { name: 'EMPTY', choices: [] },
    { name: 'bad name' },
  ],
  packageArguments: [{ type: 'named', name: '--port', format: 'number', default: 'eighty' }],
}));
gen('remote-variables.json', JSON.stringify({
  name: 'io.github.example/remote', description: 'r', version: '2.0.0',
  remotes: [{ type: 'sse', url: 'https://{tenant}.example.com/{region}/mcp', variables: { unused: { description: 'x' } },
    headers: [{ name: 'Bad Header', value: 'x' }] }],
  icons: [{ src: 'http://example.com/i.png', sizes: ['huge'] }],
}, null, '\t'));
gen('many-findings.json', wrapPackage({
  environmentVariables: Array.from({ length: 260 }, (_, i) => ({ name: `V${i}`, isSecret: true, default: 'x' })),
}));
// The core escapes <, >, &, U+007F, U+2028 and U+2029 in its JSON; the Node
// CLI must print the same bytes (a regression once: it re-serialised them).
gen('hostile.json', JSON.stringify({ name: '</script><img onerror=x>&\u2028\u007f', description: 'd', version: '1.0.0' }));
// A key with a terminal escape and a line break: text output must show them
// as \xHH, identically in both CLIs, while --format json keeps the exact key.
gen('control-key.json', '{"name":"io.github.a/b","description":"d","version":"1.0.0","x\\u001b[31m\\nred":1}');
gen('version-range.json', JSON.stringify({ name: 'io.github.a/b', description: 'd', version: '>=1.0.0 <2' }));
const huge = join(tmp, 'too-large.json');
const fd = openSync(huge, 'w');
ftruncateSync(fd, 5_000_000); // sparse, instant
closeSync(fd);
generated.push(huge);

const fixtures = [...jsonFiles(VALID_DIR), ...jsonFiles(INVALID_DIR)];

test('there are fixtures and generated documents to compare', () => {
  requireNative();
  assert.ok(jsonFiles(VALID_DIR).length >= 5);
  assert.ok(generated.length >= 20);
});

for (const file of [...fixtures, ...generated]) {
  const shown = file.startsWith(tmp) ? `generated/${basename(file)}` : relative(ROOT, file);
  test(`parity: ${shown}`, () => {
    requireNative();
    // Text output, byte for byte (paths are shown as given, so pass the same one).
    const nativeText = runNative(['validate', file]);
    const nodeText = runNode(['validate', file]);
    assert.equal(nodeText.status, nativeText.status, 'exit code (text)');
    assert.ok([0, 1, 2].includes(nativeText.status));
    assert.equal(nodeText.stdout.toString(), nativeText.stdout.toString(), 'text output');
    assert.ok(nodeText.stdout.equals(nativeText.stdout), 'text output bytes');
    assert.equal(nodeText.stderr.toString(), '');
    assert.equal(nativeText.stderr.toString(), '');

    const nativeJson = runNative(['validate', file, '--format', 'json']);
    const nodeJson = runNode(['validate', file, '--format', 'json']);
    assert.equal(nodeJson.status, nativeJson.status, 'exit code (json)');
    assert.equal(nodeJson.status, nativeText.status);
    const nativeReport = JSON.parse(nativeJson.stdout.toString());
    assert.deepEqual(JSON.parse(nodeJson.stdout.toString()), nativeReport, 'same report');
    assert.equal(nativeJson.status, !nativeReport.parsed ? 2 : nativeReport.valid ? 0 : 1);

    assert.equal(nodeJson.stdout.toString(), nativeJson.stdout.toString(), '--format json text');
    assert.ok(nodeJson.stdout.equals(nativeJson.stdout), '--format json bytes');
  });
}

test('parity through stdin (validate -) for a few documents', () => {
  requireNative();
  const some = [fixtures[0], ...generated.filter((f) => /mixed-crlf|syntax|bad-byte|unicode|many-findings/.test(f))];
  assert.equal(some.length, 6);
  for (const file of some) {
    for (const format of ['text', 'json']) {
      const opts = { input: readFileSync(file) };
      const native = runNative(['validate', '-', '--format', format], opts);
      const node = runNode(['validate', '-', '--format', format], opts);
      assert.equal(node.status, native.status, `${file} ${format}`);
      assert.equal(node.stdout.toString(), native.stdout.toString(), `${file} ${format}`);
    }
  }
});
