// Property tests for generate(): any user value (arbitrary Unicode with
// quotes, backslashes, line breaks, control characters, `${`, `$(...)`,
// `{braces}`) given to an argument or an environment variable comes out of
// every client's file, link and install command exactly as it went in,
// read back by an independent parser or by /bin/sh itself. NUL is refused.
import test from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import fc from 'fast-check';
import jsonc from 'jsonc-parser';
import { parse as smolParseToml } from 'smol-toml';
import YAML from 'yaml';

import init from '../src/index.js';

const mcp = await init();
// includeErrorInReport: node's reporter shows only the message, so put the
// failed assertion (not just the counterexample) into it.
const RUNS = { numRuns: 200, includeErrorInReport: true };

// ---- Servers and the values they get -------------------------------------

// A stdio npm server with a positional argument, a long and a short named
// argument and (optionally) two environment variables, none of them a
// template: the user's value is the whole value.
const server = (name, identifier, withEnv) => ({
  name: `io.github.example/${name}`,
  description: 'Property test server',
  version: '1.0.0',
  packages: [{
    registryType: 'npm',
    identifier,
    version: '1.0.0',
    transport: { type: 'stdio' },
    packageArguments: [
      { type: 'positional', valueHint: 'target' },
      { type: 'named', name: '--label' },
      { type: 'named', name: '-x' },
    ],
    ...(withEnv ? { environmentVariables: [{ name: 'PROP_VALUE' }, { name: 'PROP_OTHER' }] } : {}),
  }],
});
const WITH_ENV = server('withenv', '@example/prop-a', true);
const NO_ENV = server('noenv', '@example/prop-b', false);

/** The request and what each entry must hold, for five values a..e. */
function scenario({ a, b, c, d, e }, client) {
  return {
    request: {
      client,
      servers: [
        { serverJson: WITH_ENV, values: { target: a, '--label': b, '-x': c, PROP_VALUE: d, PROP_OTHER: e } },
        { serverJson: NO_ENV, values: { target: e, '--label': d, '-x': a } },
      ],
    },
    expected: {
      withenv: {
        command: 'npx',
        args: ['-y', '@example/prop-a@1.0.0', a, `--label=${b}`, '-x', c],
        env: { PROP_VALUE: d, PROP_OTHER: e },
      },
      noenv: { command: 'npx', args: ['-y', '@example/prop-b@1.0.0', e, `--label=${d}`, '-x', a] },
    },
  };
}

// Strings that have a meaning in some output syntax, mixed into arbitrary
// Unicode. C1 controls, U+FFFE/U+FFFF and the line separators are there
// for YAML; `{target}` is registry template syntax, which a user value is not.
const TRICKY = [
  '"', "'", '\\', '\n', '\r', '\r\n', '\t', '\x01', '\x08', '\x1b', '\x1f', '\x7f', '\u0080', '\u0085',
  '\u009f', '\u00a0', '\u2028', '\u2029', '\ufeff', '\ufffe', '\uffff', '${', '${HOME}', '$HOME', '$(id)',
  '`id`', '$', '$$', '{x}', '{target}', '}', '{', '%', '%41', '%%', '+', '=', ':', ': ', '- ', '#', ' #',
  '&a', '*a', '!tag', '|', '>', '[', ']', ',', '---', '...', '"""', "'''", '\\u0041', '\\n', '\\x41',
  'true', 'null', '~', ' ', 'é', '😀', '\u{10ffff}', '<ID>', '${{ secrets.X }}', '${input:x}', '${env:X}',
  '-', '--', ';', '&&', '\\\'', '*', '?', '@',
];
const value = fc.oneof(
  fc.string({ unit: 'binary' }),
  fc.array(fc.oneof(fc.constantFrom(...TRICKY), fc.string({ unit: 'binary', maxLength: 3 })), { maxLength: 8 })
    .map((parts) => parts.join('')),
).filter((s) => !s.includes('\0'));
const values = fc.record({ a: value, b: value, c: value, d: value, e: value });

// ---- Independent readers -------------------------------------------------

const parseToml = (text) => JSON.parse(JSON.stringify(smolParseToml(text)));

function parseJsonc(text) {
  const errors = [];
  const parsed = jsonc.parse(text, errors, { allowTrailingComma: false });
  assert.deepEqual(errors.map((e) => jsonc.printParseErrorCode(e.error)), []);
  return parsed;
}

const pick = (entry, envKey = 'env', commandKey = 'command') => ({
  command: entry[commandKey],
  args: entry.args,
  ...(entry[envKey] && Object.keys(entry[envKey]).length ? { env: entry[envKey] } : {}),
});

/** name -> {command, args, env?} of a client's file, read by its own parser. */
function readEntries(client, text) {
  let servers;
  switch (client) {
    case 'vscode': {
      servers = parseJsonc(text).servers;
      assert.deepEqual(JSON.parse(text).servers, servers, 'VS Code writes strict JSON');
      break;
    }
    case 'zed': servers = parseJsonc(text).context_servers; break;
    case 'codex': servers = parseToml(text).mcp_servers; break;
    case 'continue': {
      const list = YAML.parse(text).mcpServers;
      servers = Object.fromEntries(list.map((e) => [e.name, e]));
      break;
    }
    case 'goose': {
      const ext = YAML.parse(text).extensions;
      return Object.fromEntries(Object.entries(ext).map(([k, e]) => [k, pick(e, 'envs', 'cmd')]));
    }
    default: servers = JSON.parse(text).mcpServers;
  }
  return Object.fromEntries(Object.entries(servers).map(([k, e]) => [k, pick(e)]));
}

function generateOk(request) {
  const r = mcp.generate(request);
  assert.equal(r.ok, true, JSON.stringify(r.notes));
  return r;
}

// ---- Shell ---------------------------------------------------------------

const shellDir = mkdtempSync(join(tmpdir(), 'mcp-builder-prop-'));
process.once('exit', () => rmSync(shellDir, { recursive: true, force: true }));
const PROGRAMS = ['claude', 'codex', 'gemini', 'code', 'npx'];

/**
 * Runs the command lines in one /bin/sh, each program replaced by a shell
 * function that prints its name, argument count and arguments,
 * NUL-terminated; returns [program, ...args] per line. PATH points
 * nowhere, so a line whose quoting breaks cannot run anything.
 */
function shellArgvs(lines) {
  const defs = PROGRAMS.map((p) => `${p}() { printf '%s\\0' ${p} "$#" "$@"; }`).join('\n');
  const script = `${defs}\n${lines.join('\n')}\n`;
  const r = spawnSync('/bin/sh', ['-c', script], {
    encoding: 'utf8', cwd: shellDir, env: { PATH: '/nonexistent' }, timeout: 10000,
  });
  assert.equal(r.error, undefined);
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.stderr, '');
  const words = r.stdout.split('\0');
  assert.equal(words.pop(), '', 'output ends with NUL');
  const out = [];
  for (let i = 0; i < words.length;) {
    const program = words[i];
    const count = Number(words[i + 1]);
    assert.ok(PROGRAMS.includes(program) && Number.isInteger(count), JSON.stringify(words.slice(i, i + 3)));
    out.push([program, ...words.slice(i + 2, i + 2 + count)]);
    i += 2 + count;
  }
  assert.equal(out.length, lines.length, 'one program run per line');
  return out;
}

// ---- YAML ----------------------------------------------------------------

/** YAML 1.2 §5.1 c-printable; libyaml and PyYAML refuse anything else. */
const YAML_NON_PRINTABLE = /[^\x09\x0A\x0D\x20-\x7E\x85\xA0-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;

/** Asserts the scalar at `path` is double-quoted in the YAML source. */
function assertDoubleQuoted(doc, path) {
  const node = doc.getIn(path, true);
  assert.ok(YAML.isScalar(node), path.join('.'));
  assert.equal(node.type, 'QUOTE_DOUBLE', path.join('.'));
}

// ---- Properties ----------------------------------------------------------

test('argument and environment values round-trip through every client file', () => {
  fc.assert(fc.property(values, (v) => {
    for (const client of mcp.targets.clients) {
      const { request, expected } = scenario(v, client);
      const r = generateOk(request);
      assert.deepEqual(readEntries(client, r.text), expected, client);
    }
  }), RUNS);
});

test('YAML files write the values as double-quoted scalars, TOML as basic strings', () => {
  fc.assert(fc.property(values, (v) => {
    const cont = YAML.parseDocument(generateOk(scenario(v, 'continue').request).text);
    assert.deepEqual(cont.errors, []);
    const goose = YAML.parseDocument(generateOk(scenario(v, 'goose').request).text);
    assert.deepEqual(goose.errors, []);
    for (let i = 2; i < 6; i++) {
      assertDoubleQuoted(cont, ['mcpServers', 0, 'args', i]);
      assertDoubleQuoted(goose, ['extensions', 'withenv', 'args', i]);
    }
    for (const key of ['PROP_VALUE', 'PROP_OTHER']) {
      assertDoubleQuoted(cont, ['mcpServers', 0, 'env', key]);
      assertDoubleQuoted(goose, ['extensions', 'withenv', 'envs', key]);
    }
    // TOML: every array element and env value is one "basic string".
    const basic = String.raw`"(?:[^"\\\x00-\x08\x0A-\x1F\x7F]|\\["\\bfnrt]|\\u[0-9A-Fa-f]{4}|\\U[0-9A-Fa-f]{8})*"`;
    const toml = generateOk(scenario(v, 'codex').request).text;
    const argsLines = toml.split('\n').filter((l) => l.startsWith('args = '));
    assert.equal(argsLines.length, 2);
    for (const line of argsLines) assert.match(line, new RegExp(`^args = \\[${basic}(?:, ${basic})*\\]$`));
    const envLines = toml.split('\n').filter((l) => l.startsWith('PROP_'));
    assert.equal(envLines.length, 2);
    for (const line of envLines) assert.match(line, new RegExp(`^PROP_(?:VALUE|OTHER) = ${basic}$`));
  }), RUNS);
});

test('YAML outputs (continue, goose, compose) hold only YAML-printable characters', () => {
  const hex = (ch) => `U+${ch.codePointAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
  const shown = (s) => s.replace(/[^\x20-\x7e]/gu, (ch) => `<${hex(ch)}>`);
  // Always tried: C1 controls and the non-characters U+FFFE/U+FFFF.
  const examples = [[{ a: '\u0080', b: '\u009f', c: '\ufffe', d: '\uffff', e: 'x\u0081y' }]];
  fc.assert(fc.property(values, (v) => {
    for (const client of ['continue', 'goose', 'compose']) {
      const text = generateOk(scenario(v, client).request).text;
      const bad = YAML_NON_PRINTABLE.exec(text);
      if (bad) {
        const around = shown(text.slice(Math.max(0, bad.index - 20), bad.index + 10));
        assert.fail(`${client} writes ${hex(bad[0])} raw (…${around}…), ` +
          'which YAML does not allow in a stream (libyaml and PyYAML refuse the file); it must be escaped');
      }
    }
  }), { ...RUNS, examples });
});

test('install links carry the same entry: cursor and lm-studio base64, vscode URI-encoded, goose args', () => {
  fc.assert(fc.property(values, (v) => {
    for (const client of ['cursor', 'lm-studio']) {
      const r = generateOk(scenario(v, client).request);
      const file = JSON.parse(r.text).mcpServers;
      assert.equal(r.links.length, 2);
      for (const link of r.links) {
        const config = new URL(link.text).searchParams.get('config');
        assert.deepEqual(JSON.parse(Buffer.from(config, 'base64').toString('utf8')), file[link.server], client);
      }
    }
    const vscode = generateOk(scenario(v, 'vscode').request);
    const servers = parseJsonc(vscode.text).servers;
    for (const link of vscode.links) {
      const prefix = 'vscode:mcp/install?';
      assert.ok(link.text.startsWith(prefix));
      const { name, ...entry } = JSON.parse(decodeURIComponent(link.text.slice(prefix.length)));
      assert.equal(name, link.server);
      assert.deepEqual(entry, servers[link.server]);
    }
    const { request, expected } = scenario(v, 'goose');
    for (const link of generateOk(request).links) {
      const q = new URL(link.text).searchParams;
      assert.equal(q.get('cmd'), 'npx');
      assert.deepEqual(q.getAll('arg'), expected[link.server].args);
    }
  }), RUNS);
});

test('install commands give each program exactly the intended argv under /bin/sh', () => {
  fc.assert(fc.property(values, (v) => {
    const { a, b, c, d, e } = v;
    const { expected: x } = scenario(v, 'claude-code');
    const lines = [];
    const intended = [];
    const commands = (client) => {
      const r = generateOk(scenario(v, client).request);
      assert.deepEqual(r.commands.map((cmd) => cmd.server), ['withenv', 'noenv'], client);
      lines.push(...r.commands.map((cmd) => cmd.text));
      return r;
    };

    commands('claude-code');
    intended.push(
      (argv) => {
        assert.deepEqual(argv.slice(0, 4), ['claude', 'mcp', 'add-json', 'withenv']);
        assert.equal(argv.length, 5);
        assert.deepEqual(JSON.parse(argv[4]), { type: 'stdio', ...x.withenv });
      },
      ['claude', 'mcp', 'add', '--transport', 'stdio', 'noenv', '--', 'npx', ...x.noenv.args],
    );

    commands('codex');
    intended.push(
      ['codex', 'mcp', 'add', 'withenv', '--env', `PROP_VALUE=${d}`, '--env', `PROP_OTHER=${e}`,
        '--', 'npx', ...x.withenv.args],
      ['codex', 'mcp', 'add', 'noenv', '--', 'npx', ...x.noenv.args],
    );

    commands('gemini-cli');
    intended.push(
      ['gemini', 'mcp', 'add', '--scope', 'user', '-e', `PROP_VALUE=${d}`, '-e', `PROP_OTHER=${e}`,
        'withenv', 'npx', '--', ...x.withenv.args],
      ['gemini', 'mcp', 'add', '--scope', 'user', 'noenv', 'npx', '--', ...x.noenv.args],
    );

    commands('vscode');
    for (const name of ['withenv', 'noenv']) {
      intended.push((argv) => {
        assert.deepEqual(argv.slice(0, 2), ['code', '--add-mcp']);
        assert.equal(argv.length, 3);
        assert.deepEqual(JSON.parse(argv[2]), { name, type: 'stdio', ...x[name] });
      });
    }

    // package.json start scripts are shell lines too (npm runs them with sh).
    const pkg = JSON.parse(generateOk(scenario(v, 'package-json').request).text);
    lines.push(pkg.scripts['start:withenv'], pkg.scripts['start:noenv']);
    intended.push(
      ['npx', '--no-install', '@example/prop-a', a, `--label=${b}`, '-x', c],
      ['npx', '--no-install', '@example/prop-b', e, `--label=${d}`, '-x', a],
    );

    const argvs = shellArgvs(lines);
    argvs.forEach((argv, i) => {
      if (typeof intended[i] === 'function') intended[i](argv);
      else assert.deepEqual(argv, intended[i], lines[i]);
    });
  }), RUNS);
});

test('deployment outputs keep the values: Dockerfile exec form, compose environment', () => {
  fc.assert(fc.property(values, (v) => {
    const { a, b, c, d, e } = v;
    const docker = generateOk(scenario(v, 'dockerfile').request).text;
    const entrypoints = docker.split('\n').filter((l) => l.startsWith('ENTRYPOINT '))
      .map((l) => JSON.parse(l.slice('ENTRYPOINT '.length)));
    assert.deepEqual(entrypoints, [
      ['npx', '--no-install', '@example/prop-a', a, `--label=${b}`, '-x', c],
      ['npx', '--no-install', '@example/prop-b', e, `--label=${d}`, '-x', a],
    ]);
    assert.deepEqual(docker.split('\n').filter((l) => l.startsWith('FROM ')).map((l) => l.split(' AS ')[1]),
      ['withenv', 'noenv']);
    // Compose interpolates ${VAR} and $VAR; "$$" is a literal "$".
    const compose = YAML.parse(generateOk(scenario(v, 'compose').request).text);
    const env = compose.services.withenv.environment;
    assert.ok(!/\$(?!\$)/.test(env.PROP_VALUE.replace(/\$\$/g, '')), 'every $ is escaped as $$');
    const unescape = (s) => s.replace(/\$\$/g, '$');
    assert.deepEqual({ PROP_VALUE: unescape(env.PROP_VALUE), PROP_OTHER: unescape(env.PROP_OTHER) },
      { PROP_VALUE: d, PROP_OTHER: e });
  }), RUNS);
});

test('secrets given inline round-trip like any other value', () => {
  const secretServer = {
    name: 'io.github.example/secret', description: 'd', version: '1.0.0',
    packages: [{
      registryType: 'npm', identifier: '@example/secret', version: '1.0.0', transport: { type: 'stdio' },
      environmentVariables: [{ name: 'PROP_SECRET', isSecret: true, isRequired: true }],
    }],
  };
  fc.assert(fc.property(value, (s) => {
    for (const client of mcp.targets.clients) {
      const r = generateOk({
        client, secrets: 'inline', servers: [{ serverJson: secretServer, values: { PROP_SECRET: s } }],
      });
      assert.deepEqual(readEntries(client, r.text).secret.env, { PROP_SECRET: s }, client);
    }
  }), { ...RUNS, numRuns: 50 });
});

test('a value containing NUL is refused with generate/invalid-value naming the input', () => {
  const withNul = fc.tuple(value, value).map(([x, y]) => `${x}\0${y}`);
  const inputs = ['target', '--label', '-x', 'PROP_VALUE'];
  fc.assert(fc.property(withNul, fc.constantFrom(...inputs), fc.constantFrom(...mcp.targets.clients),
    (bad, input, client) => {
      const r = mcp.generate({ client, servers: [{ serverJson: WITH_ENV, values: { [input]: bad } }] });
      assert.equal(r.ok, false);
      assert.equal(r.text, '');
      const errors = r.notes.filter((n) => n.severity === 'error');
      assert.deepEqual(errors.map((n) => [n.rule, n.server, n.input]), [['generate/invalid-value', 'withenv', input]]);
      assert.match(errors[0].message, /NUL/);
    }), RUNS);
});
