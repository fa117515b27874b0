// lint(), fix(), convert() and scanSecrets() of the lint module, and the
// CLI's lint, fix and convert commands: every client's file (made by the
// generation writers, with a real-format token written inline) is linted,
// fixed and converted to every other client; each output is read back with
// an independent parser (JSON.parse, jsonc-parser, smol-toml, yaml); SARIF
// is validated against the OASIS schema plus GitHub's upload rules; and no
// output, report or message ever holds the token.
import test from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import jsonc from 'jsonc-parser';
import { parse as smolParseToml } from 'smol-toml';
import YAML from 'yaml';

import init from '../src/index.js';
import { runCli, tempDir } from './helpers.js';
import { validateSarif } from './sarif-schema.mjs';

const mcp = await init({ lint: true });
const core = await init();
const tmp = tempDir('mcp-builder-lint-');

// A GitHub classic token shape, assembled so the source holds none.
const TOKEN = ['ghp', 'Qw3Er5Ty7Ui9Op1As3Df5Gh7Jk9Lz2Xc4Vb6'].join('_');

const SERVER = {
  name: 'io.example/demo',
  description: 'Demo',
  version: '1.0.0',
  packages: [{
    registryType: 'npm', identifier: '@example/demo', version: '1.0.0', transport: { type: 'stdio' },
    environmentVariables: [
      { name: 'GITHUB_TOKEN', isSecret: true, isRequired: true, description: 'GitHub token' },
      { name: 'LOG_LEVEL', default: 'info' },
    ],
  }],
};

const CLIENTS = mcp.targets.clients;
const SYNTAX = {
  'claude-desktop': 'json', 'claude-code': 'json', cursor: 'json', vscode: 'jsonc', windsurf: 'json',
  zed: 'jsonc', codex: 'toml', 'gemini-cli': 'json', continue: 'yaml', goose: 'yaml', cline: 'json',
  'lm-studio': 'json',
};

/** The file parsed by an independent parser for the client's syntax. */
function parseAs(client, text) {
  switch (SYNTAX[client]) {
    case 'json': return JSON.parse(text);
    case 'jsonc': {
      const errors = [];
      const value = jsonc.parse(text, errors, { allowTrailingComma: true });
      assert.deepEqual(errors, [], `${client}: not JSONC`);
      return value;
    }
    case 'toml': return smolParseToml(text);
    case 'yaml': return YAML.parse(text, { strict: true, uniqueKeys: true });
  }
  throw new Error(client);
}

/** Server names of a parsed client file. */
function serverNames(client, file) {
  switch (client) {
    case 'vscode': return Object.keys(file.servers);
    case 'zed': return Object.keys(file.context_servers);
    case 'codex': return Object.keys(file.mcp_servers);
    case 'goose': return Object.keys(file.extensions);
    case 'continue': return file.mcpServers.map((s) => s.name);
    default: return Object.keys(file.mcpServers);
  }
}

const inline = (client) => {
  const r = mcp.generate({
    client, secrets: 'inline', servers: [{ serverJson: JSON.stringify(SERVER), name: 'demo' }],
    values: { GITHUB_TOKEN: TOKEN },
  });
  assert.ok(r.ok, client);
  return r.text;
};

test('the core module has no lint functions; the lint module has them all', () => {
  assert.equal(core.lint, undefined);
  for (const name of ['lint', 'fix', 'convert', 'scanSecrets', 'generate', 'validateServerJson', 'catalog']) {
    assert.equal(typeof mcp[name], 'function', name);
  }
});

test('every client: the inline token is found, masked, with its exact place, and fixed once', () => {
  for (const client of CLIENTS) {
    const text = inline(client);
    const report = mcp.lint(text, { client });
    assert.equal(report.client, client);
    assert.equal(report.exitCode, 1, client);
    const secrets = report.findings.filter((f) => f.rule.startsWith('secret/'));
    assert.ok(secrets.length >= 1, client);
    assert.ok(!JSON.stringify(report).includes(TOKEN), `${client}: report leaks the token`);
    const bytes = Buffer.from(text);
    for (const f of secrets) {
      assert.equal(bytes.subarray(f.offset, f.offset + f.length).toString(), TOKEN, client);
      const line = text.split('\n')[f.line - 1];
      assert.equal([...line].slice(f.column - 1).join('').slice(0, TOKEN.length), TOKEN, `${client}: column`);
      assert.match(f.message, /ghp_…\(40 chars\)/);
    }
    const fixed = mcp.fix(text, { client });
    assert.ok(fixed.ok, client);
    assert.ok(!fixed.text.includes(TOKEN), `${client}: fix left the token`);
    assert.ok(!JSON.stringify(fixed).includes(TOKEN), `${client}: fix result leaks the token`);
    const parsed = parseAs(client, fixed.text);
    assert.deepEqual(serverNames(client, parsed), ['demo'], client);
    assert.ok(fixed.secrets.some((s) => s.id === 'GITHUB_TOKEN'), client);
    assert.match(fixed.envTemplate, /^GITHUB_TOKEN=$/m);
    assert.equal(mcp.fix(fixed.text, { client }).text, fixed.text, `${client}: second fix changed the file`);
    assert.equal(mcp.fix(fixed.text, { client }).changes, 0);
  }
});

test('fix changes nothing but the secret (and VS Code inputs)', () => {
  const text = `{
  // my servers
  "mcpServers": {
    "gh": { "command": "npx", "args": ["-y", "pkg@1.0.0"],   "env": { "GITHUB_TOKEN": "${TOKEN}" } }
  }
}
`;
  const fixed = mcp.fix(text, { client: 'cursor' }); // strict JSON: the comment stays and is reported
  assert.equal(fixed.text, text.replace(TOKEN, '${env:GITHUB_TOKEN}'));
  assert.ok(fixed.remaining.some((f) => f.rule === 'syntax/comment'));
  const vs = mcp.fix(text.replace('mcpServers', 'servers').replace('"command"', '"type": "stdio", "command"'),
    { client: 'vscode' });
  const file = parseAs('vscode', vs.text);
  assert.equal(file.servers.gh.env.GITHUB_TOKEN, '${input:github-token}');
  assert.deepEqual(file.inputs, [{ type: 'promptString', id: 'github-token', description: vs.secrets[0].description, password: true }]);
  assert.ok(vs.text.includes('// my servers'));
});

test('convert: every pair of clients, read back by an independent parser, names kept', () => {
  for (const from of CLIENTS) {
    const source = mcp.generate({
      client: from, servers: [{ serverJson: JSON.stringify(SERVER), name: 'demo' }, { catalogId: 'memory' }],
    }).text;
    for (const to of CLIENTS) {
      const r = mcp.convert(source, { from, to });
      assert.ok(r.ok, `${from} -> ${to}`);
      assert.equal(r.from, from);
      const file = parseAs(to, r.text);
      assert.deepEqual(serverNames(to, file).sort(), ['demo', 'memory'], `${from} -> ${to}`);
      const back = mcp.convert(r.text, { from: to, to: from });
      assert.deepEqual(serverNames(from, parseAs(from, back.text)).sort(), ['demo', 'memory'], `${from} -> ${to} -> ${from}`);
      assert.ok(!back.text.includes(TOKEN));
    }
  }
});

test('convert warns about each field the target cannot hold', () => {
  const text = JSON.stringify({ mcpServers: { s: { command: 'x', cwd: '/w', autoApprove: ['t'] } } });
  const r = mcp.convert(text, { from: 'cline', to: 'vscode' });
  assert.deepEqual(r.notes.filter((n) => n.rule === 'convert/unsupported-field').map((n) => n.pointer).sort(),
    ['/mcpServers/s/autoApprove', '/mcpServers/s/cwd']);
  assert.throws(() => mcp.convert(text, {}), TypeError);
});

test('SARIF output is valid SARIF 2.1.0 that GitHub code scanning accepts', () => {
  const text = JSON.stringify({
    mcpServers: {
      a: { command: 'npx', args: ['-y', 'pkg', '--host', '0.0.0.0'], env: { T: TOKEN } },
      b: { url: 'http://mcp.example.com/mcp' },
      c: { command: 'docker', args: ['run', '--privileged', 'img'] },
    },
  }, null, 2);
  const sarif = mcp.lint(text, { client: 'cursor', format: 'sarif', file: 'configs/my mcp.json' });
  const { valid, errors, warnings } = validateSarif(sarif);
  assert.deepEqual(errors, []);
  assert.ok(valid);
  assert.deepEqual(warnings, []);
  const results = sarif.runs[0].results;
  const report = mcp.lint(text, { client: 'cursor' });
  assert.equal(results.length, report.findings.length);
  assert.equal(results[0].locations[0].physicalLocation.artifactLocation.uri, 'configs/my%20mcp.json');
  assert.deepEqual(sarif.runs[0].invocations, [{ executionSuccessful: true, exitCode: report.exitCode }]);
  assert.deepEqual(results.map((r) => [r.ruleId, r.locations[0].physicalLocation.region.startLine]),
    report.findings.map((f) => [f.rule, f.line]));
  assert.ok(!JSON.stringify(sarif).includes(TOKEN));
});

test('text output is one "file:line:column: severity rule message" line per finding', () => {
  const text = JSON.stringify({ mcpServers: { a: { command: 'npx', args: ['-y', 'pkg'] } } });
  const out = mcp.lint(text, { client: 'claude-desktop', format: 'text', file: 'x.json' });
  const lines = out.trimEnd().split('\n');
  assert.equal(lines.length, mcp.lint(text).findings.length);
  for (const l of lines) assert.match(l, /^x\.json:\d+:\d+: (error|warning|info) [a-z]+\/[a-z0-9-]+ \S/);
});

test('hostile input gets a finding, never a crash', () => {
  const cases = [
    '['.repeat(100000), '{'.repeat(100000), 'a: '.repeat(50000), '\u0000', '', '{"mcpServers": {"\u0000": 1}}',
    new Uint8Array([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x3a, 0x31, 0x7d]), new Uint8Array([0xc0, 0xaf]),
    `{"mcpServers": {"s": {"command": "${'x'.repeat(2 << 20)}"}}}`,
  ];
  for (const input of cases) {
    for (const client of ['auto', 'claude-desktop', 'vscode', 'codex', 'continue', 'goose']) {
      const r = mcp.lint(input, { client });
      assert.ok([0, 1, 2].includes(r.exitCode), client);
      assert.ok(r.findings.every((f) => f.message.length > 0));
      mcp.fix(input, { client });
      mcp.convert(input, { from: client, to: 'cursor' });
    }
  }
  assert.equal(mcp.limits.lintMaxBytes, 16 << 20);
  const big = ' '.repeat(mcp.limits.maxBytes + 1) + '{"mcpServers": {}}'; // over the validator's limit, fine here
  assert.equal(mcp.lint(big).exitCode, 0);
  const huge = ' '.repeat(mcp.limits.lintMaxBytes + 1);
  assert.equal(mcp.lint(huge).findings[0].rule, 'syntax/too-large');
  assert.throws(() => mcp.scanSecrets(huge), RangeError);
  assert.throws(() => mcp.lint(42), TypeError);
  assert.throws(() => mcp.lint('{}', { format: 'xml' }), TypeError);
});

test('scanSecrets reports positions and masks, never the token', () => {
  const found = mcp.scanSecrets(`line one\nTOKEN=${TOKEN}\n`);
  assert.deepEqual(found.map(({ rule, line, column, offset, length }) => [rule, line, column, offset, length]),
    [['secret/github-pat', 2, 7, 15, 40]]);
  assert.ok(!JSON.stringify(found).includes(TOKEN));
});

test("scanSecrets' masked text is the core's Mask(): code points shown, length counted in code points", () => {
  // scanSecrets builds `masked` from numbers (SecretsToWords); lint's
  // messages carry the core's Mask() of the same secret.
  const secrets = [
    TOKEN,
    'postgres://app:pä𝄞ßwörd-Ünïcode-long@db/x', // astral and 2-byte code points shown, counted once each
    'mysql://u:Sh0rt-pw9@h/x', // under 16 code points: none shown
  ];
  for (const secret of secrets) {
    const config = JSON.stringify({ mcpServers: { a: { command: 'x', args: [secret] } } });
    const found = mcp.scanSecrets(config);
    assert.equal(found.length, 1, secret.slice(0, 8));
    const messages = mcp.lint(config, { client: 'claude-desktop' }).findings.map((f) => f.message).join('\n');
    assert.ok(messages.includes(`(${found[0].masked})`), `${found[0].masked} not in ${messages}`);
  }
  assert.equal(mcp.scanSecrets(`x=${TOKEN}`)[0].masked, 'ghp_…(40 chars)');
  assert.match(mcp.scanSecrets('postgres://app:pä𝄞ßwörd-Ünïcode-long@db/x')[0].masked, /^pä𝄞ß…\(21 chars\)$/);
});

test('scanSecrets: line and column of every finding, counted in code points after multibyte text', () => {
  // Two findings on one line after non-ASCII text, one after blank lines,
  // one on the last line: each position is checked against one computed
  // here from the UTF-8 bytes before its offset.
  const text = `é ☃ ${TOKEN} 𝄞 ${TOKEN.replace('ghp_', 'gho_')}\n\n\nkey: ${TOKEN}\n  ⚠ ${TOKEN}`;
  const bytes = Buffer.from(text, 'utf8');
  const found = mcp.scanSecrets(text);
  assert.equal(found.length, 4);
  for (const f of found) {
    const before = bytes.subarray(0, f.offset).toString('utf8');
    const lines = before.split('\n');
    assert.deepEqual([f.line, f.column], [lines.length, [...lines.at(-1)].length + 1], JSON.stringify(f));
    assert.equal(bytes.subarray(f.offset, f.offset + f.length).toString('utf8').slice(4), TOKEN.slice(4));
  }
});

// ---- CLI ---------------------------------------------------------------

test('CLI lint: exit codes, formats, never the token', () => {
  const dirty = join(tmp, 'dirty.json');
  writeFileSync(dirty, inline('claude-desktop'));
  const clean = join(tmp, 'clean.json');
  writeFileSync(clean, JSON.stringify({ mcpServers: { m: { command: 'npx', args: ['-y', 'pkg@1.0.0'] } } }));
  const broken = join(tmp, 'broken.json');
  writeFileSync(broken, '{"mcpServers": {},\n}');
  for (const format of ['text', 'json', 'sarif']) {
    const r = runCli(['lint', 'dirty.json', '--format', format], { cwd: tmp });
    assert.equal(r.status, 1, r.stderr);
    assert.ok(!r.stdout.includes(TOKEN) && !r.stderr.includes(TOKEN), format);
    if (format === 'sarif') {
      const sarif = JSON.parse(r.stdout);
      assert.deepEqual(validateSarif(sarif).errors, []);
      assert.equal(sarif.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri, 'dirty.json');
    }
    if (format === 'json') assert.equal(JSON.parse(r.stdout).client, 'claude-desktop');
    if (format === 'text') {
      // The CLI's lines are the API's text format, line for line.
      assert.equal(r.stdout, mcp.lint(readFileSync(dirty), { format: 'text', file: 'dirty.json' }));
    }
  }
  assert.equal(runCli(['lint', clean]).status, 0);
  const b = runCli(['lint', broken, '--client', 'claude-desktop']);
  assert.equal(b.status, 2);
  assert.match(b.stdout, /broken\.json:1:18: error syntax\/trailing-comma /);
  assert.equal(runCli(['lint', broken, '--client', 'vscode']).status, 1); // JSONC: fine, but wrong key
  assert.equal(runCli(['lint', '-'], { input: '{"mcpServers": {}}' }).status, 0);
  assert.equal(runCli(['lint', join(tmp, 'missing.json')]).status, 2);
  assert.equal(runCli(['lint', clean, '--client', 'curser']).status, 2);
  assert.equal(runCli(['validate', clean, '--format', 'sarif']).status, 2);
});

test('CLI fix writes the fixed file and the env template (owner-only)', () => {
  const dirty = join(tmp, 'fix.json');
  writeFileSync(dirty, inline('claude-code'));
  const env = join(tmp, 'fix.env');
  const out = join(tmp, 'fixed.json');
  const r = runCli(['fix', dirty, '--env-out', env, '-o', out]);
  assert.equal(r.status, 0, r.stderr);
  const fixed = readFileSync(out, 'utf8');
  assert.ok(!fixed.includes(TOKEN) && !r.stderr.includes(TOKEN));
  assert.equal(JSON.parse(fixed).mcpServers.demo.env.GITHUB_TOKEN, '${GITHUB_TOKEN}');
  assert.match(readFileSync(env, 'utf8'), /^GITHUB_TOKEN=$/m);
  assert.equal(statSync(env).mode & 0o777, 0o600);
  assert.match(r.stderr, /fill in GITHUB_TOKEN/);
  const again = runCli(['fix', out]);
  assert.equal(again.stdout, fixed);
});

test('CLI convert', () => {
  const src = join(tmp, 'conv.json');
  writeFileSync(src, mcp.generate({ client: 'claude-desktop', servers: [{ catalogId: 'memory' }] }).text);
  const r = runCli(['convert', src, '--to', 'codex']);
  assert.equal(r.status, 0, r.stderr);
  assert.deepEqual(Object.keys(smolParseToml(r.stdout).mcp_servers), ['memory']);
  assert.equal(runCli(['convert', src]).status, 2);
  assert.equal(runCli(['convert', src, '--to', 'nope']).status, 2);
});
