// Injection suite: values built to break out of JSON, JSONC, TOML, YAML,
// shell one-liners, install links (Cursor and LM Studio base64 deeplinks,
// vscode:mcp/install, goose://), Dockerfiles, compose files and .env files
// go through generate() (and the CLI's --set) for every client and output.
//
// How "nothing escaped" is checked, the same way for every output: the
// request is generated twice, once with a harmless marker as every value
// and once with the hostile value. Each output is read back by an
// independent parser (JSON.parse, jsonc-parser, smol-toml, yaml; bash for
// commands; URL + base64 for links); the hostile reading must equal the
// marker reading with the marker replaced by the hostile value, in every
// string and nowhere else. So a value that escaped its string (an extra
// key, a second argument, an extra link parameter, a new Dockerfile
// instruction, a lost character) makes the two differ. Commands run in
// bash with the programs replaced by functions that print their argv, in
// a directory holding a canary check: payloads that would create the file
// `pwned` there (command substitution, redirection, a second command) must
// leave no file behind.
import test from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import jsonc from 'jsonc-parser';
import { parse as smolParseToml } from 'smol-toml';
import YAML from 'yaml';

import init from '../src/index.js';
import { runCli } from './helpers.js';

const mcp = await init();
const MARKER = 'Mk7marker';

// ---- The hostile values --------------------------------------------------------

const CANARY = 'pwned';
const PAYLOADS = {
  // JSON / JSONC
  'json: close the string and add a key': '","evil":"1',
  'json: close the object': '"}},"evil":{"x":"',
  'json: escaped quote and unicode escape': '\\"\\u0022',
  'jsonc: comment openers': '/* x */ // y',
  // TOML
  'toml: close the string, open a table': '"\n[evil]\nx = "1',
  'toml: literal and multi-line quotes': "''' \"\"\" '",
  'toml: trailing backslash': 'a\\',
  'toml: dotted key lookalike': 'a.b = "c"',
  // YAML
  'yaml: new key on a new line': '"\nevil: x',
  'yaml: mapping indicator': 'key: value',
  'yaml: sequence and flow indicators': '- [a, {b: c}]',
  'yaml: anchor, alias, tag': '&a *a !!python/object:os.system',
  'yaml: block scalar indicators': '|\n  >-',
  'yaml: document markers': '---\n...',
  'yaml: 1.1 booleans and nulls': 'yes',
  'yaml: null word': 'null',
  'yaml: tilde': '~',
  'yaml: numbers that must stay strings': '1e309',
  'yaml: hex and octal lookalikes': '0x1F 0o17 017',
  'yaml: .inf': '.inf',
  'yaml: comment': 'a #b',
  'yaml: leading and trailing spaces': '  spaced  ',
  // shell one-liners
  'shell: command substitution $()': `$(: > ${CANARY})`,
  'shell: backticks': `\`: > ${CANARY}\``,
  'shell: close single quotes': `'; : > ${CANARY}; '`,
  'shell: close double quotes': `"; : > ${CANARY}; "`,
  'shell: newline then command': `a\n: > ${CANARY}`,
  'shell: redirection': `> ${CANARY}`,
  'shell: pipe and and-list': `a | : > ${CANARY} && : > ${CANARY}`,
  'shell: variables and IFS': '$HOME ${IFS} $1 $@ $$',
  'shell: ANSI-C quoting': "$'\\x41\\n'",
  'shell: globs': '* ? [a-z]',
  'shell: brace expansion (bash)': '{a,b}',
  'shell: tilde expansion': '~root',
  'shell: history expansion': '!!',
  'shell: an option, not a value': '--help',
  'shell: backslashes': '\\\\ \\n \\',
  // URLs and install links
  'url: extra query parameter': '&config=ZXZpbA==&name=evil',
  'url: fragment and query': '#frag?x=y',
  'url: percent escapes': '%00%2F%25',
  'url: plus and equals': 'a+b=c',
  'url: javascript scheme': 'javascript:alert(1)',
  // Dockerfile, compose, .env
  'dockerfile: new instruction': '"]\nRUN : > pwned\n#',
  'dockerfile: line continuation': 'a \\\nRUN : > pwned',
  'compose: interpolation': '${EVIL} $EVIL ${EVIL:-x} $$',
  'env: new variable': 'a\nEVIL=1',
  'env: quotes and hash': '"a" \'b\' #c',
  // HTML (values are data; the site renders them as text)
  'html: script tag': '<script>alert(1)</script>',
  'html: attribute breakout': '"><img src=x onerror=alert(1)>',
  // Unicode
  'unicode: line and paragraph separators': 'a\u2028b\u2029c',
  'unicode: NEL and C1 controls': 'a\u0085b\u009bc',
  'unicode: BOM, zero-width, bidi override': '\ufeffa\u200bb\u202ec',
  'unicode: astral and noncharacters': '😀\u{10ffff}\ufffe',
  'control characters': 'a\tb\rc\x1bd\x7f',
  'empty string': '',
};

// Everything at once, for the CLI and the Windows runs.
const ALL = Object.values(PAYLOADS).join(' ');

// ---- The server: one input of each kind that reaches the outputs ---------------

const SERVER = {
  name: 'io.github.example/inj',
  description: 'Injection test server',
  version: '1.0.0',
  packages: [{
    registryType: 'npm', identifier: '@example/inj', version: '1.0.0', transport: { type: 'stdio' },
    packageArguments: [
      { type: 'positional', valueHint: 'target' },
      { type: 'named', name: '--label' },
      { type: 'named', name: '--tag', isRepeated: true },
    ],
    environmentVariables: [{ name: 'PLAIN' }, { name: 'SECRET', isSecret: true }],
  }],
};
const REMOTE = {
  name: 'io.github.example/rem',
  description: 'Remote injection test server',
  version: '1.0.0',
  remotes: [{
    type: 'streamable-http', url: 'https://{tenant}.example.com/mcp',
    variables: { tenant: { isRequired: true } },
    headers: [{ name: 'X-Plain' }, { name: 'Authorization', value: 'Bearer {token}', variables: { token: { isSecret: true } } }],
  }],
};

const valuesFor = (v) => ({ target: v, '--label': v, '--tag': [v, `${v}2`], PLAIN: v, SECRET: v });
// Header values may hold no control characters (RFC 9110; the core refuses
// them, tested below); the marker comparison covers the rest.
const headerSafe = (v) => v.replace(/[\x00-\x08\x0a-\x1f\x7f]/g, '');

function generate(client, value, { os = 'posix', remote = false } = {}) {
  const servers = [{ serverJson: SERVER, values: valuesFor(value) }];
  if (remote) servers.push({ serverJson: REMOTE, values: { tenant: 'acme', 'X-Plain': headerSafe(value), token: headerSafe(value) } });
  const r = mcp.generate({ client, secrets: 'inline', os, servers });
  assert.equal(r.ok, true, `${client}: ${JSON.stringify(r.notes)}`);
  return r;
}

// ---- Independent readers ---------------------------------------------------------

function parseJsonc(text) {
  const errors = [];
  const value = jsonc.parse(text, errors, { allowTrailingComma: false });
  assert.deepEqual(errors.map((e) => jsonc.printParseErrorCode(e.error)), [], 'JSONC parse errors');
  return value;
}

/** Dockerfile instructions: [KEYWORD, arguments], exec form parsed as JSON. */
function parseDockerfile(text) {
  const out = [];
  let pending = '';
  for (const line of text.split('\n')) {
    if (!pending && (line.startsWith('#') || line.trim() === '')) continue;
    if (line.endsWith('\\')) { pending += line.slice(0, -1) + '\n'; continue; }
    const full = pending + line;
    pending = '';
    const [keyword, ...rest] = full.split(' ');
    const args = rest.join(' ');
    assert.match(keyword, /^(FROM|ENV|WORKDIR|RUN|USER|ENTRYPOINT|CMD|COPY|ARG|LABEL)$/, `not an instruction: ${JSON.stringify(full)}`);
    out.push([keyword, /^(ENTRYPOINT|CMD)$/.test(keyword) ? JSON.parse(args) : args]);
  }
  return out;
}

/** A .env file: [name, value] per line; comments kept as text. */
function parseDotenv(text) {
  return text.split('\n').filter((l) => l !== '').map((l) => {
    if (l.startsWith('#')) return ['#', l];
    const m = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/.exec(l);
    assert.ok(m, `not a NAME=value line: ${JSON.stringify(l)}`);
    return [m[1], m[2]];
  });
}

/** Compose interpolates $VAR and ${VAR}; "$$" is a literal "$". */
function parseCompose(text) {
  const doc = YAML.parse(text, { strict: true, uniqueKeys: true });
  const unescape = (x) => {
    if (typeof x === 'string') {
      assert.ok(!/\$(?!\$)/.test(x.replace(/\$\$/g, '')), `an unescaped $ in ${JSON.stringify(x)}`);
      return x.replace(/\$\$/g, '$');
    }
    if (Array.isArray(x)) return x.map(unescape);
    if (x && typeof x === 'object') return Object.fromEntries(Object.entries(x).map(([k, v]) => [k, unescape(v)]));
    return x;
  };
  return unescape(doc);
}

const READERS = {
  json: (t) => JSON.parse(t),
  jsonc: parseJsonc,
  toml: (t) => JSON.parse(JSON.stringify(smolParseToml(t))),
  yaml: (t) => YAML.parse(t, { strict: true, uniqueKeys: true }),
  dockerfile: parseDockerfile,
  compose: parseCompose,
  dotenv: parseDotenv,
};
const SYNTAX = {
  vscode: 'jsonc', zed: 'jsonc', codex: 'toml', continue: 'yaml', goose: 'yaml',
  dockerfile: 'dockerfile', compose: 'compose', 'env-example': 'dotenv',
};
const syntaxOf = (target) => SYNTAX[target] ?? 'json';
/** A target's file, read by its parser (package.json scripts: see readResult). */
function readFile(target, text) {
  const file = READERS[syntaxOf(target)](text);
  if (target === 'package-json') file.scripts = Object.keys(file.scripts);
  return file;
}

/** `x` with the marker replaced by `value` in every string (keys included). */
function substitute(x, value) {
  if (typeof x === 'string') return x.split(MARKER).join(value);
  if (Array.isArray(x)) return x.map((e) => substitute(e, value));
  if (x && typeof x === 'object') {
    return Object.fromEntries(Object.entries(x).map(([k, v]) => [substitute(k, value), substitute(v, value)]));
  }
  return x;
}

/** A string that holds JSON (a command's argument, a link's config): parsed. */
function deep(x) {
  if (typeof x === 'string' && /^[{[]/.test(x)) {
    try { return { json: deep(JSON.parse(x)) }; } catch { return x; }
  }
  if (Array.isArray(x)) return x.map(deep);
  if (x && typeof x === 'object') return Object.fromEntries(Object.entries(x).map(([k, v]) => [k, deep(v)]));
  return x;
}

// ---- Links -----------------------------------------------------------------------

/** A link as {base, params}, base64 and URI-encoded JSON decoded. */
function readLink(text) {
  assert.match(text, /^[\x21-\x7e]+$/, `a link must be printable ASCII without spaces: ${text}`);
  const VSCODE = 'vscode:mcp/install?';
  if (text.startsWith(VSCODE)) return { base: VSCODE, params: [['', deep(decodeURIComponent(text.slice(VSCODE.length)))]] };
  const url = new URL(text);
  const params = [...url.searchParams].map(([k, v]) => {
    if (k === 'config') return [k, { base64: deep(Buffer.from(v, 'base64').toString('utf8')) }];
    return [k, deep(v)];
  });
  return { base: `${url.protocol}//${url.host}${url.pathname}`, hash: url.hash, params };
}

// ---- Shell -----------------------------------------------------------------------

const shellDir = mkdtempSync(join(tmpdir(), 'mcp-builder-injection-'));
process.once('exit', () => rmSync(shellDir, { recursive: true, force: true }));
const PROGRAMS = ['claude', 'codex', 'gemini', 'code', 'npx', 'cmd', 'touch'];

/**
 * Runs each line in bash (not sh: bash also does brace expansion and
 * ANSI-C quoting), every program a function printing its name and argv,
 * NUL-separated. PATH points nowhere, so nothing else can run. Returns one
 * argv per line, and fails if the canary file appeared.
 */
function bashArgvs(lines) {
  const canary = join(shellDir, CANARY);
  rmSync(canary, { force: true });
  const defs = PROGRAMS.map((p) => `${p}() { printf '%s\\0' ${p} "$#" "$@"; }`).join('\n');
  const script = join(shellDir, 'run.sh');
  writeFileSync(script, `${defs}\n${lines.map((l) => `${l}\nprintf '\\1\\0'`).join('\n')}\n`);
  const r = spawnSync('/bin/bash', ['--norc', '--noprofile', script], {
    cwd: shellDir, encoding: 'utf8', timeout: 10000, env: { PATH: '/nonexistent', HOME: '/nonexistent-home' },
  });
  assert.equal(r.error, undefined);
  assert.equal(r.stderr, '', 'bash wrote to stderr (a quoting error or a command not found)');
  assert.equal(r.status, 0);
  assert.equal(existsSync(canary), false, 'a payload ran a command: the canary file exists');
  const runs = r.stdout.split('\x01\0');
  assert.equal(runs.pop(), '');
  assert.equal(runs.length, lines.length, 'one run per line');
  return runs.map((out, i) => {
    const words = out.split('\0');
    assert.equal(words.pop(), '');
    const [program, count, ...argv] = words;
    assert.ok(PROGRAMS.includes(program), `line ${i} ran ${JSON.stringify(program)}`);
    assert.equal(argv.length, Number(count), `line ${i}: exactly one program run`);
    return [program, ...argv];
  });
}

/** Everything a target's result says, read back independently. */
function readResult(target, r) {
  const out = { file: readFile(target, r.text), links: r.links.map((l) => [l.kind, readLink(l.text)]) };
  const lines = r.commands.map((c) => c.text);
  // package.json scripts are shell lines (npm runs them with sh): bash reads them.
  if (target === 'package-json') lines.push(...Object.values(JSON.parse(r.text).scripts));
  out.commands = deep(bashArgvs(lines));
  return out;
}

const TARGETS = [...mcp.targets.clients, ...mcp.targets.deployments];
const baseline = new Map();
function expectedFor(target, value, options) {
  const key = `${target}/${JSON.stringify(options)}`;
  if (!baseline.has(key)) baseline.set(key, readResult(target, generate(target, MARKER, options)));
  return substitute(baseline.get(key), value);
}

// ---- Tests -----------------------------------------------------------------------

for (const [name, value] of Object.entries(PAYLOADS)) {
  test(`injection: ${name}`, () => {
    assert.ok(!value.includes(MARKER));
    for (const target of TARGETS) {
      const options = { remote: !['dockerfile', 'compose', 'package-json', 'env-example'].includes(target) };
      const actual = readResult(target, generate(target, value, options));
      const expected = expectedFor(target, value, options);
      // Header values had their control characters removed on both sides.
      if (options.remote && headerSafe(value) !== value) continue;
      assert.deepEqual(actual, expected, `${target}: the value did not come back exactly`);
    }
  });
}

test('injection: every payload at once, on Windows (cmd /c wrapping), files and links', () => {
  for (const target of TARGETS) {
    const r = generate(target, ALL, { os: 'windows' });
    const actual = { file: readFile(target, r.text), links: r.links.map((l) => [l.kind, readLink(l.text)]) };
    const m = generate(target, MARKER, { os: 'windows' });
    const base = { file: readFile(target, m.text), links: m.links.map((l) => [l.kind, readLink(l.text)]) };
    assert.deepEqual(actual, substitute(base, ALL), target);
  }
});

test('injection: the CLI --set path writes what the API writes, for every target', () => {
  const dir = mkdtempSync(join(tmpdir(), 'mcp-builder-injection-cli-'));
  process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
  const file = join(dir, 'server.json');
  writeFileSync(file, JSON.stringify(SERVER));
  // The CLI reads NAME=VALUE; a value may hold '=' and anything but NUL.
  const sets = ['target', '--label', 'PLAIN', 'SECRET'].flatMap((n) => ['--set', `${n}=${ALL}`])
    .concat(['--set', `--tag=${ALL}`, '--set', `--tag=${ALL}2`]);
  for (const target of TARGETS) {
    const r = runCli(['generate', '--client', target, '--server', file, '--secrets', 'inline', ...sets]);
    assert.equal(r.status, 0, `${target}: ${r.stderr}`);
    const api = mcp.generate({ client: target, secrets: 'inline', servers: [{ serverJson: SERVER, values: valuesFor(ALL) }] });
    assert.equal(r.stdout, api.text, target);
    assert.deepEqual(readFile(target, r.stdout), substitute(readFile(target, generate(target, MARKER).text), ALL), target);
  }
});

test('injection: a URL variable (remote or package transport) cannot move the host; a header value cannot start a header', () => {
  // Inline mode: a secret's value is written too (placeholder mode does not
  // use it at all), so it must obey the same rule.
  const tries = (values) => mcp.generate({ client: 'claude-code', secrets: 'inline', servers: [{ serverJson: REMOTE, values: { tenant: 'acme', ...values } }] });
  for (const tenant of ['evil.com/#', 'evil.com?', 'x@evil.com', 'evil.com\\', 'a b', 'a\nb', 'a\u0000b']) {
    const r = tries({ tenant });
    assert.equal(r.ok, false, JSON.stringify(tenant));
    assert.equal(r.text, '');
    assert.equal(r.commands.length, 0);
    assert.deepEqual(r.notes.filter((n) => n.severity === 'error').map((n) => [n.rule, n.input]), [['generate/invalid-value', 'tenant']]);
  }
  for (const [input, value] of [['X-Plain', 'a\r\nX-Evil: 1'], ['X-Plain', 'a\nb'], ['token', 'k\rX'], ['token', 'a\x1bb']]) {
    const r = tries({ [input]: value });
    assert.equal(r.ok, false, JSON.stringify(value));
    assert.deepEqual(r.notes.filter((n) => n.severity === 'error').map((n) => [n.rule, n.input]), [['generate/invalid-value', input]]);
    assert.match(r.notes[0].message, /a header value cannot hold a line break or control character/);
    assert.ok(!r.notes.some((n) => n.message.includes(value)), 'a secret value is not quoted back');
  }
  // A package's own transport URL takes its argument values the same way.
  const http = {
    ...SERVER, name: 'io.github.example/http',
    packages: [{
      registryType: 'npm', identifier: '@example/http', version: '1.0.0',
      transport: { type: 'streamable-http', url: 'http://localhost:{port}/mcp' },
      packageArguments: [{ type: 'named', name: '--port', default: '8080' }],
    }],
  };
  for (const port of ['1@evil.com', '80/x#', '80?a=b', '80\n']) {
    const r = mcp.generate({ client: 'cursor', servers: [{ serverJson: http, values: { port } }] });
    assert.equal(r.ok, false, JSON.stringify(port));
    assert.deepEqual(r.notes.filter((n) => n.severity === 'error').map((n) => [n.rule, n.input]), [['generate/invalid-value', 'port']]);
  }
  const ok = tries({ tenant: 'eu-1', 'X-Plain': 'a\tb "c" <d>' });
  assert.equal(ok.ok, true);
  const entry = JSON.parse(ok.text).mcpServers.rem;
  assert.equal(entry.url, 'https://eu-1.example.com/mcp');
  assert.equal(entry.headers['X-Plain'], 'a\tb "c" <d>');
});

test('injection: hostile server.json text (description, title) stays inside comments and strings', () => {
  const hostile = { ...SERVER, title: `T"\n[evil]\n${PAYLOADS['yaml: new key on a new line']}`, description: `d\nEVIL=1\nRUN : > ${CANARY}\n"}]` };
  for (const target of TARGETS) {
    const r = mcp.generate({ client: target, secrets: 'placeholder', servers: [{ serverJson: hostile, values: valuesFor('v') }] });
    assert.equal(r.ok, true, `${target}: ${JSON.stringify(r.notes)}`);
    const plain = mcp.generate({ client: target, secrets: 'placeholder', servers: [{ serverJson: { ...SERVER, title: MARKER, description: MARKER }, values: valuesFor('v') }] });
    const read = (res) => readFile(target, res.text);
    // Title and description may be shortened or flattened where they appear
    // (comments, descriptions), but they add no key, line or instruction.
    const shape = (x) => JSON.stringify(x, (k, v) => (typeof v === 'string' ? 's' : v));
    const a = read(r);
    const b = read(plain);
    assert.equal(shape(a).length, shape(b).length, `${target}: the structure changed`);
    if (target === 'env-example') assert.deepEqual(a.filter(([k]) => k !== '#'), b.filter(([k]) => k !== '#'));
  }
});
