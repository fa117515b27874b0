// generate(): every client and deployment writer, read back with an
// independent parser (JSON.parse, jsonc-parser, smol-toml, yaml) and checked
// field by field; install links decoded and commands run through /bin/sh
// with the program replaced by an argv printer; the registry semantics; the
// validation rules; secrets in placeholder and inline mode; and the CLI's
// generate command.
import test from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import jsonc from 'jsonc-parser';
import { parse as smolParseToml } from 'smol-toml';
import YAML from 'yaml';

import init from '../src/index.js';
import { VALID_DIR, runCli, tempDir } from './helpers.js';

const mcp = await init();
const tmp = tempDir('mcp-builder-generate-');

// ---- Fixtures (inline, so the tests do not depend on the catalog) --------

/** npm, stdio: a required positional, a long named choice, a short named
 * number, a required secret environment variable and one with a default. */
const NOTES = {
  name: 'io.github.example/notes',
  description: 'Notes server',
  version: '1.2.3',
  packages: [{
    registryType: 'npm',
    identifier: '@example/notes-mcp',
    version: '1.2.3',
    transport: { type: 'stdio' },
    packageArguments: [
      { type: 'positional', valueHint: 'notes_dir', isRequired: true, description: 'Notes folder' },
      { type: 'named', name: '--mode', choices: ['read', 'write'], default: 'read' },
      { type: 'named', name: '-p', format: 'number' },
      { type: 'named', name: '--verbose', format: 'boolean' },
    ],
    environmentVariables: [
      { name: 'NOTES_API_KEY', isSecret: true, isRequired: true, description: 'Notes API key' },
      { name: 'NOTES_LOG_LEVEL', default: 'info' },
    ],
  }],
};

/** OCI, stdio: a tagged image with a secret and a plain variable. */
const BOX = {
  name: 'io.github.example/box',
  description: 'Box in a container',
  version: '2.0.0',
  packages: [{
    registryType: 'oci',
    identifier: 'ghcr.io/example/box:2.0.0',
    transport: { type: 'stdio' },
    environmentVariables: [
      { name: 'BOX_TOKEN', isSecret: true, isRequired: true, description: 'Box token' },
      { name: 'BOX_REGION', default: 'eu' },
    ],
  }],
};

/** Remote Streamable HTTP: "Authorization: Bearer {token}", a secret
 * header of its own and a plain header with a default. */
const CLOUD = {
  name: 'com.example/cloud',
  description: 'Cloud API',
  version: '3.1.0',
  remotes: [{
    type: 'streamable-http',
    url: 'https://api.example.com/mcp',
    headers: [
      {
        name: 'Authorization',
        value: 'Bearer {token}',
        variables: { token: { isSecret: true, isRequired: true, description: 'Cloud token' } },
      },
      { name: 'X-Api-Key', isSecret: true, isRequired: true, description: 'Cloud API key' },
      { name: 'X-Team', default: 'core' },
    ],
  }],
};

/** Remote SSE, no headers. */
const EVENTS = {
  name: 'com.example/events',
  description: 'Event stream',
  version: '0.9.0',
  remotes: [{ type: 'sse', url: 'https://events.example.com/sse' }],
};

/** PyPI, stdio, no environment (so `claude mcp add` can take it as is). */
const SEARCH = {
  name: 'io.github.example/search',
  description: 'Web search',
  version: '0.5.0',
  packages: [{
    registryType: 'pypi',
    identifier: 'mcp-search',
    version: '0.5.0',
    transport: { type: 'stdio' },
    packageArguments: [{ type: 'named', name: '--user-agent', default: 'Bot/1.0 (x)' }],
  }],
};

const NAMES = ['notes', 'box', 'cloud', 'events', 'search'];
const SECRET_IDS = ['NOTES_API_KEY', 'BOX_TOKEN', 'CLOUD_TOKEN', 'CLOUD_X_API_KEY'];
const NOTES_KEY = 'sk-live-N0TES-k3y';

/** The five fixtures with the values they need (the secret given, too). */
function request(client, extra = {}) {
  return {
    client,
    servers: [NOTES, BOX, CLOUD, EVENTS, SEARCH].map((serverJson) => ({ serverJson })),
    values: { notes_dir: '/home/u/notes', '-p': '8080', NOTES_API_KEY: NOTES_KEY },
    ...extra,
  };
}

function generateOk(req) {
  const r = mcp.generate(req);
  assert.equal(r.ok, true, JSON.stringify(r.notes));
  assert.equal(r.client, req.client);
  return r;
}

// What every client must convey, with secrets written by `ref`.
const NOTES_ARGS = ['-y', '@example/notes-mcp@1.2.3', '/home/u/notes', '--mode=read', '-p', '8080'];
const BOX_ARGS = ['run', '-i', '--rm', '-e', 'BOX_TOKEN', '-e', 'BOX_REGION', 'ghcr.io/example/box:2.0.0'];
const SEARCH_ARGS = ['mcp-search==0.5.0', '--user-agent=Bot/1.0 (x)'];
const CLOUD_URL = 'https://api.example.com/mcp';
const EVENTS_URL = 'https://events.example.com/sse';

const notesEnv = (ref) => ({ NOTES_API_KEY: ref('NOTES_API_KEY'), NOTES_LOG_LEVEL: 'info' });
const boxEnv = (ref) => ({ BOX_TOKEN: ref('BOX_TOKEN'), BOX_REGION: 'eu' });
const cloudHeaders = (ref) => ({
  Authorization: `Bearer ${ref('CLOUD_TOKEN')}`, 'X-Api-Key': ref('CLOUD_X_API_KEY'), 'X-Team': 'core',
});

const angle = (id) => `<${id}>`;
const dollar = (id) => `\${${id}}`;
const envColon = (id) => `\${env:${id}}`;
const inputId = (id) => id.toLowerCase().replace(/_/g, '-');
const inputRef = (id) => `\${input:${inputId(id)}}`;

/**
 * The {mcpServers: ...} objects of a JSON client. `type` maps stdio/http/sse
 * to the client's type value (or is null: no type member); `urlKey` maps
 * http/sse to the URL member's name.
 */
function expectedJsonServers(ref, { type = null, urlKey = { http: 'url', sse: 'url' } } = {}) {
  const typed = (kind, members) => (type ? { type: type[kind], ...members } : members);
  return {
    notes: typed('stdio', { command: 'npx', args: NOTES_ARGS, env: notesEnv(ref) }),
    box: typed('stdio', { command: 'docker', args: BOX_ARGS, env: boxEnv(ref) }),
    cloud: typed('http', { [urlKey.http]: CLOUD_URL, headers: cloudHeaders(ref) }),
    events: typed('sse', { [urlKey.sse]: EVENTS_URL }),
    search: typed('stdio', { command: 'uvx', args: SEARCH_ARGS }),
  };
}

const rulesOf = (r, server) => r.notes.filter((n) => n.server === server).map((n) => n.rule);

/** Parses TOML with smol-toml, into plain objects (it makes null-prototype ones). */
const parseToml = (text) => JSON.parse(JSON.stringify(smolParseToml(text)));

/** Parses JSONC (VS Code, Zed) with jsonc-parser, failing on any error. */
function parseJsonc(text) {
  const errors = [];
  const value = jsonc.parse(text, errors, { allowTrailingComma: false, disallowComments: false });
  assert.deepEqual(errors.map((e) => jsonc.printParseErrorCode(e.error)), []);
  return value;
}

/** Every `${input:...}` reference in a value tree. */
function inputRefs(value, found = new Set()) {
  if (typeof value === 'string') {
    for (const m of value.matchAll(/\$\{input:([^}]*)\}/g)) found.add(m[1]);
  } else if (value && typeof value === 'object') {
    for (const v of Object.values(value)) inputRefs(v, found);
  }
  return found;
}

// ---- Shell: run a command line with its program replaced by a printer ----

/**
 * The argv (after the program name) that /bin/sh passes to `program` when
 * it runs `line`: the program becomes a shell function printing its
 * arguments NUL-terminated. PATH points nowhere, so a line that escaped its
 * quoting cannot run anything.
 */
function shellArgv(line, program) {
  assert.ok(line.startsWith(`${program} `), line);
  const script = `${program}() { printf '%s\\0' "$@"; }\n${line}\n`;
  const r = spawnSync('/bin/sh', ['-c', script], {
    encoding: 'utf8', cwd: tmp, env: { PATH: '/nonexistent' }, timeout: 10000,
  });
  assert.equal(r.error, undefined);
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.stderr, '');
  assert.ok(r.stdout.endsWith('\0'), JSON.stringify(r.stdout));
  return r.stdout.slice(0, -1).split('\0');
}

/** The base64 `config` of a cursor:// or lmstudio:// link, decoded. */
function linkConfig(link) {
  const url = new URL(link);
  const b64 = url.searchParams.get('config');
  assert.match(b64, /^[A-Za-z0-9+/]*={0,2}$/, 'standard base64');
  const bytes = Buffer.from(b64, 'base64');
  assert.equal(bytes.toString('base64'), b64, 'canonical base64 with padding');
  return { name: url.searchParams.get('name'), config: JSON.parse(bytes.toString('utf8')) };
}

// ---- The targets ---------------------------------------------------------

test('targets lists the 12 clients and 4 deployment outputs', () => {
  assert.deepEqual(mcp.targets.clients, ['claude-desktop', 'claude-code', 'cursor', 'vscode', 'windsurf',
    'zed', 'codex', 'gemini-cli', 'continue', 'goose', 'cline', 'lm-studio']);
  assert.deepEqual(mcp.targets.deployments, ['dockerfile', 'compose', 'package-json', 'env-example']);
});

test('every target generates text for the fixtures, and lists the secrets to fill', () => {
  for (const client of [...mcp.targets.clients, ...mcp.targets.deployments]) {
    const r = generateOk(request(client));
    assert.ok(r.text.length > 0 && r.text.endsWith('\n'), client);
    assert.deepEqual(r.secrets.map((s) => s.id), SECRET_IDS, client);
    assert.deepEqual(r.secrets.map((s) => s.server), ['notes', 'box', 'cloud', 'cloud'], client);
    assert.deepEqual(r.secrets.map((s) => s.description),
      ['Notes API key', 'Box token', 'Cloud token', 'Cloud API key'], client);
    const told = r.notes.filter((n) => n.rule === 'generate/secret-not-written');
    assert.deepEqual(told.map((n) => [n.server, n.input, n.severity]), [['notes', 'NOTES_API_KEY', 'info']]);
  }
});

test('claude-desktop: stdio only, remote servers bridged by mcp-remote, secrets as <ID>', () => {
  const r = generateOk(request('claude-desktop'));
  const file = JSON.parse(r.text);
  assert.deepEqual(Object.keys(file), ['mcpServers']);
  const servers = file.mcpServers;
  assert.deepEqual(Object.keys(servers), NAMES);
  const expected = expectedJsonServers(angle);
  for (const name of ['notes', 'box', 'search']) assert.deepEqual(servers[name], expected[name], name);

  // Remote -> `npx -y mcp-remote@0.15.1 URL --transport X --header Name:${VAR}`, VAR in env.
  const bridged = (entry, url, transport, headers) => {
    assert.deepEqual(Object.keys(entry).filter((k) => k !== 'env'), ['command', 'args']);
    assert.equal(entry.command, 'npx');
    assert.deepEqual(entry.args.slice(0, 5), ['-y', 'mcp-remote@0.15.1', url, '--transport', transport]);
    const rest = entry.args.slice(5);
    const seen = {};
    for (let i = 0; i < rest.length; i += 2) {
      assert.equal(rest[i], '--header');
      const m = /^([^:]+):\$\{([A-Z_][A-Z0-9_]*)\}$/.exec(rest[i + 1]);
      assert.ok(m, rest[i + 1]);
      seen[m[1]] = entry.env[m[2]];
    }
    assert.deepEqual(seen, headers);
    assert.equal(Object.keys(entry.env ?? {}).length, Object.keys(headers).length);
  };
  bridged(servers.cloud, CLOUD_URL, 'http-only', cloudHeaders(angle));
  bridged(servers.events, EVENTS_URL, 'sse-only', {});

  assert.ok(rulesOf(r, 'cloud').includes('generate/remote-bridged'));
  assert.ok(rulesOf(r, 'events').includes('generate/remote-bridged'));
  assert.ok(!rulesOf(r, 'notes').includes('generate/remote-bridged'));
  for (const n of r.notes.filter((x) => x.rule === 'generate/remote-bridged')) assert.equal(n.severity, 'warning');
  const manual = r.notes.filter((n) => n.rule === 'generate/manual-secret');
  assert.deepEqual(manual.map((n) => n.server), ['notes', 'box', 'cloud']);
  assert.ok(manual.every((n) => n.severity === 'warning'));
  assert.match(manual[0].message, /<NOTES_API_KEY>/);
  assert.match(manual[2].message, /<CLOUD_TOKEN>.*<CLOUD_X_API_KEY>|<CLOUD_X_API_KEY>.*<CLOUD_TOKEN>/);
  assert.deepEqual(r.commands, []);
  assert.deepEqual(r.links, []);
});

test('claude-code: typed entries, ${ID} secrets, `claude mcp add` commands that sh parses back', () => {
  const r = generateOk(request('claude-code'));
  const file = JSON.parse(r.text);
  assert.deepEqual(Object.keys(file), ['mcpServers']);
  assert.deepEqual(file.mcpServers,
    expectedJsonServers(dollar, { type: { stdio: 'stdio', http: 'http', sse: 'sse' } }));
  assert.ok(!r.notes.some((n) => n.rule === 'generate/manual-secret'));

  assert.deepEqual(r.commands.map((c) => [c.kind, c.server]), NAMES.map((n) => ['claude-code', n]));
  assert.deepEqual(r.links, []);
  for (const { server, text } of r.commands) {
    const argv = shellArgv(text, 'claude');
    const entry = file.mcpServers[server];
    if (argv[1] === 'add-json') {
      assert.equal(argv.length, 4, text);
      assert.deepEqual(argv.slice(0, 3), ['mcp', 'add-json', server]);
      assert.deepEqual(JSON.parse(argv[3]), entry);
    } else if (entry.type === 'stdio') {
      assert.deepEqual(argv.slice(0, 6), ['mcp', 'add', '--transport', 'stdio', server, '--']);
      assert.deepEqual(argv.slice(6), [entry.command, ...entry.args]);
      assert.equal(entry.env, undefined, 'entries with env need add-json');
    } else {
      assert.deepEqual(argv, ['mcp', 'add', '--transport', entry.type, server, entry.url]);
      assert.equal(entry.headers, undefined, 'entries with headers need add-json');
    }
  }
  // The plain forms are used where they can carry the entry.
  const byServer = Object.fromEntries(r.commands.map((c) => [c.server, c.text]));
  assert.match(byServer.search, /^claude mcp add --transport stdio search -- uvx /);
  assert.equal(byServer.events, `claude mcp add --transport sse events ${EVENTS_URL}`);
  assert.match(byServer.notes, /^claude mcp add-json notes '/);
  assert.match(byServer.cloud, /^claude mcp add-json cloud '/);
});

test('cursor: untyped entries, ${env:ID} secrets, install links carrying the entry in base64', () => {
  const r = generateOk(request('cursor'));
  const file = JSON.parse(r.text);
  assert.deepEqual(Object.keys(file), ['mcpServers']);
  assert.deepEqual(file.mcpServers, expectedJsonServers(envColon));
  assert.deepEqual(r.commands, []);
  assert.deepEqual(r.links.map((l) => [l.kind, l.server]), NAMES.map((n) => ['cursor', n]));
  for (const link of r.links) {
    assert.ok(link.text.startsWith('cursor://anysphere.cursor-deeplink/mcp/install?name='), link.text);
    const { name, config } = linkConfig(link.text);
    assert.equal(name, link.server);
    assert.deepEqual(config, file.mcpServers[link.server]);
  }
});

test('vscode: inputs for secrets, typed servers, ${input:id}, `code --add-mcp` and vscode: links', () => {
  const r = generateOk(request('vscode'));
  const file = parseJsonc(r.text);
  assert.deepEqual(Object.keys(file), ['inputs', 'servers']);
  const secrets = { NOTES_API_KEY: 'Notes API key', BOX_TOKEN: 'Box token', CLOUD_TOKEN: 'Cloud token',
    CLOUD_X_API_KEY: 'Cloud API key' };
  assert.deepEqual(file.inputs, Object.entries(secrets).map(([id, description]) => ({
    type: 'promptString', id: inputId(id), description, password: true,
  })));
  assert.deepEqual(file.inputs.map((i) => i.id), ['notes-api-key', 'box-token', 'cloud-token', 'cloud-x-api-key']);
  assert.deepEqual(file.servers, expectedJsonServers(inputRef, { type: { stdio: 'stdio', http: 'http', sse: 'sse' } }));
  assert.deepEqual([...inputRefs(file.servers)].sort(), file.inputs.map((i) => i.id).sort());

  assert.deepEqual(r.commands.map((c) => [c.kind, c.server]), NAMES.map((n) => ['vscode', n]));
  assert.deepEqual(r.links.map((l) => [l.kind, l.server]), NAMES.map((n) => ['vscode', n]));
  r.commands.forEach(({ server, text }, i) => {
    const argv = shellArgv(text, 'code');
    assert.equal(argv.length, 2);
    assert.equal(argv[0], '--add-mcp');
    const json = JSON.parse(argv[1]);
    const { name, inputs, ...entry } = json;
    assert.equal(name, server);
    assert.deepEqual(entry, file.servers[server]);
    // The inputs it carries are exactly the ones its entry uses.
    const used = inputRefs(entry);
    assert.deepEqual((inputs ?? []).map((x) => x.id).sort(), [...used].sort());
    for (const input of inputs ?? []) assert.deepEqual(input, file.inputs.find((x) => x.id === input.id));
    // The link is the same JSON, encodeURIComponent-ed.
    const link = r.links[i].text;
    assert.ok(link.startsWith('vscode:mcp/install?'), link);
    assert.equal(link, `vscode:mcp/install?${encodeURIComponent(argv[1])}`);
    assert.deepEqual(JSON.parse(decodeURIComponent(link.slice('vscode:mcp/install?'.length))), json);
  });
});

test('vscode: no inputs member when no server has a secret', () => {
  const r = generateOk({ client: 'vscode', servers: [{ serverJson: EVENTS }] });
  const file = parseJsonc(r.text);
  assert.deepEqual(file, { servers: { events: { type: 'sse', url: EVENTS_URL } } });
});

test('windsurf: serverUrl for remote servers, ${env:ID} secrets', () => {
  const r = generateOk(request('windsurf'));
  const file = JSON.parse(r.text);
  const urlKey = { http: 'serverUrl', sse: 'serverUrl' };
  assert.deepEqual(file, { mcpServers: expectedJsonServers(envColon, { urlKey }) });
});

test('zed: context_servers, secrets as <ID> with a manual-secret warning', () => {
  const r = generateOk(request('zed'));
  const file = parseJsonc(r.text);
  assert.deepEqual(file, { context_servers: expectedJsonServers(angle) });
  const manual = r.notes.filter((n) => n.rule === 'generate/manual-secret');
  assert.deepEqual(manual.map((n) => [n.server, n.severity]),
    [['notes', 'warning'], ['box', 'warning'], ['cloud', 'warning']]);
});

test('codex: TOML tables, secrets forwarded by name, bearer_token_env_var, header tables', () => {
  const r = generateOk(request('codex'));
  const file = parseToml(r.text);
  assert.deepEqual(Object.keys(file), ['mcp_servers']);
  const s = file.mcp_servers;
  assert.deepEqual(Object.keys(s), NAMES);
  assert.deepEqual(s.notes, {
    command: 'npx', args: NOTES_ARGS, env_vars: ['NOTES_API_KEY'], env: { NOTES_LOG_LEVEL: 'info' },
  });
  assert.deepEqual(s.box, { command: 'docker', args: BOX_ARGS, env_vars: ['BOX_TOKEN'], env: { BOX_REGION: 'eu' } });
  assert.deepEqual(s.cloud, {
    url: CLOUD_URL,
    bearer_token_env_var: 'CLOUD_TOKEN',
    http_headers: { 'X-Team': 'core' },
    env_http_headers: { 'X-Api-Key': 'CLOUD_X_API_KEY' },
  });
  // Codex has no SSE: the SSE server is bridged.
  assert.deepEqual(s.events, {
    command: 'npx', args: ['-y', 'mcp-remote@0.15.1', EVENTS_URL, '--transport', 'sse-only'],
  });
  assert.deepEqual(rulesOf(r, 'events'), ['generate/remote-bridged']);
  assert.deepEqual(s.search, { command: 'uvx', args: SEARCH_ARGS });
  assert.ok(!r.text.includes('<'), 'no placeholder is left to replace by hand');
  assert.ok(!r.notes.some((n) => n.rule === 'generate/manual-secret'));

  // Commands: `codex mcp add NAME [--env K=V]... -- CMD ARGS` or `--url URL`.
  assert.deepEqual(r.commands.map((c) => [c.kind, c.server]), NAMES.map((n) => ['codex', n]));
  const argvOf = Object.fromEntries(r.commands.map((c) => [c.server, shellArgv(c.text, 'codex')]));
  assert.deepEqual(argvOf.notes, ['mcp', 'add', 'notes', '--env', 'NOTES_LOG_LEVEL=info', '--', 'npx', ...NOTES_ARGS]);
  assert.deepEqual(argvOf.box, ['mcp', 'add', 'box', '--env', 'BOX_REGION=eu', '--', 'docker', ...BOX_ARGS]);
  assert.deepEqual(argvOf.cloud, ['mcp', 'add', 'cloud', '--url', CLOUD_URL, '--bearer-token-env-var', 'CLOUD_TOKEN']);
  assert.deepEqual(argvOf.events, ['mcp', 'add', 'events', '--', 'npx', ...s.events.args]);
  assert.deepEqual(argvOf.search, ['mcp', 'add', 'search', '--', 'uvx', ...SEARCH_ARGS]);
  // What the commands cannot carry is said.
  assert.ok(rulesOf(r, 'notes').includes('generate/command-limit'));
  assert.ok(rulesOf(r, 'cloud').includes('generate/command-limit'));
});

test('gemini-cli: httpUrl for Streamable HTTP, url for SSE, ${ID}; `gemini mcp add` commands', () => {
  const r = generateOk(request('gemini-cli'));
  const file = JSON.parse(r.text);
  assert.deepEqual(file, { mcpServers: expectedJsonServers(dollar, { urlKey: { http: 'httpUrl', sse: 'url' } }) });
  assert.deepEqual(r.commands.map((c) => [c.kind, c.server]), NAMES.map((n) => ['gemini-cli', n]));
  const argvOf = Object.fromEntries(r.commands.map((c) => [c.server, shellArgv(c.text, 'gemini')]));
  assert.deepEqual(argvOf.notes, ['mcp', 'add', '--scope', 'user',
    '-e', 'NOTES_API_KEY=${NOTES_API_KEY}', '-e', 'NOTES_LOG_LEVEL=info', 'notes', 'npx', '--', ...NOTES_ARGS]);
  assert.deepEqual(argvOf.cloud, ['mcp', 'add', '--scope', 'user', '--transport', 'http',
    '-H', 'Authorization: Bearer ${CLOUD_TOKEN}', '-H', 'X-Api-Key: ${CLOUD_X_API_KEY}', '-H', 'X-Team: core',
    'cloud', CLOUD_URL]);
  assert.deepEqual(argvOf.events, ['mcp', 'add', '--scope', 'user', '--transport', 'sse', 'events', EVENTS_URL]);
  assert.deepEqual(argvOf.search, ['mcp', 'add', '--scope', 'user', 'search', 'uvx', '--', ...SEARCH_ARGS]);
});

test('continue: a v1 block file whose mcpServers is a list, secrets as ${{ secrets.ID }}', () => {
  const r = generateOk(request('continue'));
  const file = YAML.parse(r.text);
  const ref = (id) => `\${{ secrets.${id} }}`;
  assert.equal(typeof file.name, 'string');
  assert.equal(typeof file.version, 'string');
  assert.equal(file.schema, 'v1');
  assert.ok(Array.isArray(file.mcpServers));
  assert.deepEqual(file.mcpServers, [
    { name: 'notes', type: 'stdio', command: 'npx', args: NOTES_ARGS, env: notesEnv(ref) },
    { name: 'box', type: 'stdio', command: 'docker', args: BOX_ARGS, env: boxEnv(ref) },
    { name: 'cloud', type: 'streamable-http', url: CLOUD_URL, requestOptions: { headers: cloudHeaders(ref) } },
    { name: 'events', type: 'sse', url: EVENTS_URL },
    { name: 'search', type: 'stdio', command: 'uvx', args: SEARCH_ARGS },
  ]);
});

test('goose: extensions with cmd/args/envs, secrets named in env_keys only, goose:// links', () => {
  const r = generateOk(request('goose'));
  const file = YAML.parse(r.text);
  assert.deepEqual(Object.keys(file), ['extensions']);
  const ext = file.extensions;
  assert.deepEqual(Object.keys(ext), NAMES);
  const common = (name, description) => ({ name, description, enabled: true, timeout: 300 });
  assert.deepEqual(ext.notes, {
    ...common('notes', 'Notes server'), type: 'stdio', cmd: 'npx', args: NOTES_ARGS,
    envs: { NOTES_LOG_LEVEL: 'info' }, env_keys: ['NOTES_API_KEY'],
  });
  assert.deepEqual(ext.box, {
    ...common('box', 'Box in a container'), type: 'stdio', cmd: 'docker', args: BOX_ARGS,
    envs: { BOX_REGION: 'eu' }, env_keys: ['BOX_TOKEN'],
  });
  assert.deepEqual(ext.cloud, {
    ...common('cloud', 'Cloud API'), type: 'streamable_http', uri: CLOUD_URL, headers: cloudHeaders(angle),
  });
  assert.deepEqual(ext.events, { ...common('events', 'Event stream'), type: 'sse', uri: EVENTS_URL });
  assert.deepEqual(ext.search, {
    ...common('search', 'Web search'), type: 'stdio', cmd: 'uvx', args: SEARCH_ARGS, envs: {}, env_keys: [],
  });
  for (const e of Object.values(ext)) {
    for (const key of e.env_keys ?? []) assert.ok(!(key in e.envs), key);
  }
  assert.deepEqual(rulesOf(r, 'cloud'), ['generate/manual-secret']);

  assert.deepEqual(r.links.map((l) => [l.kind, l.server]), NAMES.map((n) => ['goose', n]));
  for (const link of r.links) {
    assert.ok(link.text.startsWith('goose://extension?'), link.text);
    const q = new URL(link.text).searchParams;
    const e = ext[link.server];
    assert.equal(q.get('id'), link.server);
    assert.equal(q.get('name'), link.server);
    assert.equal(q.get('description'), e.description);
    if (e.type === 'stdio') {
      assert.equal(q.get('cmd'), e.cmd);
      assert.deepEqual(q.getAll('arg'), e.args);
      assert.deepEqual(q.getAll('env').map((kv) => kv.split('=')[0]), e.env_keys);
    } else {
      assert.equal(q.get('url'), e.uri);
      assert.equal(q.get('type'), e.type);
    }
  }
  const notesLink = new URL(r.links[0].text).searchParams;
  assert.deepEqual(notesLink.getAll('env'), ['NOTES_API_KEY=Notes API key']);
});

test('cline: types stdio/streamableHttp/sse, secrets as <ID>', () => {
  const r = generateOk(request('cline'));
  const file = JSON.parse(r.text);
  assert.deepEqual(file, {
    mcpServers: expectedJsonServers(angle, { type: { stdio: 'stdio', http: 'streamableHttp', sse: 'sse' } }),
  });
  assert.deepEqual(r.notes.filter((n) => n.rule === 'generate/manual-secret').map((n) => n.server),
    ['notes', 'box', 'cloud']);
});

test('lm-studio: like cursor with <ID> secrets, lmstudio://add_mcp links in base64', () => {
  const r = generateOk(request('lm-studio'));
  const file = JSON.parse(r.text);
  assert.deepEqual(file, { mcpServers: expectedJsonServers(angle) });
  assert.deepEqual(r.links.map((l) => [l.kind, l.server]), NAMES.map((n) => ['lm-studio', n]));
  for (const link of r.links) {
    assert.ok(link.text.startsWith('lmstudio://add_mcp?name='), link.text);
    const { name, config } = linkConfig(link.text);
    assert.equal(name, link.server);
    assert.deepEqual(config, file.mcpServers[link.server]);
  }
  assert.deepEqual(r.notes.filter((n) => n.rule === 'generate/manual-secret').map((n) => n.server),
    ['notes', 'box', 'cloud']);
});

// ---- Deployment outputs --------------------------------------------------

test('dockerfile: one pinned, non-root stage per npm/PyPI server, exec-form entrypoint', () => {
  const r = generateOk(request('dockerfile'));
  const stages = r.text.split(/^(?=FROM )/m).slice(1);
  assert.equal(stages.length, 2);
  const [npm, pypi] = stages;

  assert.match(npm, /^FROM node:\d+\.\d+\.\d+[\w.-]* AS notes\n/);
  assert.match(npm, /^RUN npm install .*@example\/notes-mcp@1\.2\.3\b/m);
  assert.match(pypi, /^FROM python:\d+\.\d+\.\d+[\w.-]* AS search\n/);
  assert.match(pypi, /^RUN pip install .*mcp-search==0\.5\.0\b/m);
  for (const stage of stages) {
    const users = [...stage.matchAll(/^USER (\S+)$/gm)].map((m) => m[1]);
    assert.equal(users.length, 1, stage);
    assert.ok(!['root', '0'].includes(users[0]), users[0]);
    const entry = stage.match(/^ENTRYPOINT (.*)$/m);
    assert.ok(entry, stage);
    const words = JSON.parse(entry[1]);
    if (stage === npm) assert.deepEqual(words, ['npx', '--no-install', '@example/notes-mcp', ...NOTES_ARGS.slice(2)]);
    else assert.deepEqual(words, ['mcp-search', '--user-agent=Bot/1.0 (x)']);
  }
  for (const id of SECRET_IDS) assert.ok(!r.text.includes(`${id}=`), id);
  assert.ok(!r.text.includes(NOTES_KEY));
  assert.ok(!/^FROM .* AS (box|cloud|events)$/m.test(r.text));
});

test('dockerfile: an argument holding a secret is never baked into the image, not even inline', () => {
  const server = {
    name: 'io.github.example/tok', description: 'd', version: '1.0.0',
    packages: [{
      registryType: 'npm', identifier: 'tok-mcp', version: '1.0.0', transport: { type: 'stdio' },
      packageArguments: [
        { type: 'positional', valueHint: 'api_key', isSecret: true, isRequired: true },
        { type: 'named', name: '--region', default: 'eu' },
      ],
    }],
  };
  for (const secrets of ['placeholder', 'inline']) {
    const r = generateOk({
      client: 'dockerfile', secrets, servers: [{ serverJson: server, values: { api_key: 'tok-S3cr3t-arg' } }],
    });
    const entry = JSON.parse(r.text.match(/^ENTRYPOINT (.*)$/m)[1]);
    assert.deepEqual(entry, ['npx', '--no-install', 'tok-mcp', '--region=eu'], `${secrets}: ${r.text}`);
    assert.ok(!r.text.includes('tok-S3cr3t-arg'), secrets);
    assert.deepEqual(r.notes.filter((n) => n.rule === 'generate/secret-argument').map((n) => n.server), ['tok'],
      secrets);
  }
});

test('compose: services for local servers, stdin open, secrets only through env_file', () => {
  const r = generateOk(request('compose'));
  const file = YAML.parse(r.text);
  assert.deepEqual(Object.keys(file), ['services']);
  const s = file.services;
  assert.deepEqual(Object.keys(s), ['notes', 'box', 'search']);
  assert.deepEqual(s.notes.build, { context: '.', target: 'notes' });
  assert.equal(s.box.image, 'ghcr.io/example/box:2.0.0');
  assert.deepEqual(s.search.build, { context: '.', target: 'search' });
  for (const svc of Object.values(s)) assert.equal(svc.stdin_open, true);
  assert.deepEqual(s.notes.env_file, ['.env']);
  assert.deepEqual(s.notes.environment, { NOTES_LOG_LEVEL: 'info' });
  assert.deepEqual(s.box.env_file, ['.env']);
  assert.deepEqual(s.box.environment, { BOX_REGION: 'eu' });
  assert.equal(s.search.env_file, undefined, 'no secrets, no env_file');
  assert.ok(!r.text.includes(NOTES_KEY));
  assert.deepEqual(r.notes.filter((n) => n.rule === 'generate/not-containerized').map((n) => n.server),
    ['cloud', 'events']);
});

test('package-json: npm servers as exact-version dependencies', () => {
  const r = generateOk(request('package-json'));
  const file = JSON.parse(r.text);
  assert.deepEqual(file.dependencies, { '@example/notes-mcp': '1.2.3' });
  for (const v of Object.values(file.dependencies)) assert.match(v, /^\d+\.\d+\.\d+$/);
  assert.deepEqual(Object.keys(file.scripts), ['start:notes']);
  const argv = shellArgv(file.scripts['start:notes'], 'npx');
  assert.deepEqual(argv, ['--no-install', '@example/notes-mcp', ...NOTES_ARGS.slice(2)]);
  assert.deepEqual(r.notes.filter((n) => n.rule === 'generate/not-npm').map((n) => n.server),
    ['box', 'cloud', 'events', 'search']);
});

test('package-json: a package used by two servers is one dependency (no duplicate JSON keys)', () => {
  const fsServer = readFileSync(join(VALID_DIR, 'npm-filesystem.json'), 'utf8');
  const r = generateOk({
    client: 'package-json',
    servers: [
      { serverJson: fsServer, name: 'docs', values: { allowed_directory: '/docs' } },
      { serverJson: fsServer, name: 'src', values: { allowed_directory: '/src' } },
    ],
  });
  const file = JSON.parse(r.text);
  assert.deepEqual(Object.keys(file.scripts), ['start:docs', 'start:src']);
  assert.deepEqual(file.dependencies, { '@modelcontextprotocol/server-filesystem': '2025.8.21' });
  const keys = [...r.text.matchAll(/^ {4}"@modelcontextprotocol\/server-filesystem":/gm)];
  assert.equal(keys.length, 1, `the dependency is listed ${keys.length} times:\n${r.text}`);
});

test('env-example: one empty ID= line per secret, no values', () => {
  const r = generateOk(request('env-example'));
  const lines = r.text.split('\n').filter((l) => l !== '' && !l.startsWith('#'));
  assert.deepEqual(lines, SECRET_IDS.map((id) => `${id}=`));
  assert.ok(!r.text.includes(NOTES_KEY));
  const none = generateOk({ client: 'env-example', servers: [{ serverJson: EVENTS }] });
  assert.deepEqual(none.text.split('\n').filter((l) => l !== '' && !l.startsWith('#')), []);
});

// ---- Windows -------------------------------------------------------------

/** name -> {command, args} of the stdio entries in a client's file. */
function stdioEntries(client, text) {
  switch (client) {
    case 'codex': return parseToml(text).mcp_servers;
    case 'continue':
      return Object.fromEntries(YAML.parse(text).mcpServers.map((e) => [e.name, e]));
    case 'goose':
      return Object.fromEntries(Object.entries(YAML.parse(text).extensions)
        .map(([k, e]) => [k, { command: e.cmd, args: e.args }]));
    case 'vscode': return parseJsonc(text).servers;
    case 'zed': return parseJsonc(text).context_servers;
    default: return JSON.parse(text).mcpServers;
  }
}

test('--os windows wraps npx in `cmd /c` for the clients that spawn without a shell', () => {
  const wrapping = ['claude-desktop', 'claude-code', 'cursor', 'windsurf', 'cline', 'lm-studio', 'gemini-cli',
    'continue'];
  for (const client of mcp.targets.clients) {
    const posix = stdioEntries(client, generateOk(request(client)).text);
    const windows = stdioEntries(client, generateOk(request(client, { os: 'windows' })).text);
    if (wrapping.includes(client)) {
      assert.equal(windows.notes.command, 'cmd', client);
      assert.deepEqual(windows.notes.args, ['/c', 'npx', ...NOTES_ARGS], client);
    } else {
      assert.equal(windows.notes.command, 'npx', client);
      assert.deepEqual(windows.notes.args, NOTES_ARGS, client);
    }
    // Only npx is wrapped.
    assert.deepEqual(windows.box, posix.box, client);
    assert.deepEqual(windows.search, posix.search, client);
  }
  // The mcp-remote bridge Claude Desktop writes is an npx command, too.
  const desktop = JSON.parse(generateOk(request('claude-desktop', { os: 'windows' })).text).mcpServers;
  assert.equal(desktop.events.command, 'cmd');
  assert.deepEqual(desktop.events.args.slice(0, 4), ['/c', 'npx', '-y', 'mcp-remote@0.15.1']);
  // Links and commands carry the wrapped entry.
  const cursor = generateOk(request('cursor', { os: 'windows' }));
  assert.deepEqual(linkConfig(cursor.links[0].text).config, JSON.parse(cursor.text).mcpServers.notes);
});

// ---- Registry semantics --------------------------------------------------

const claudeCodeServers = (req) => JSON.parse(generateOk({ client: 'claude-code', ...req }).text).mcpServers;

test('registry types: npm npx -y pkg@v, PyPI uvx pkg==v, OCI docker run, NuGet dnx pkg@v --yes -- args', () => {
  const nuget = (packageArguments) => ({
    name: 'io.github.example/dotnet', description: 'd', version: '0.4.0-beta',
    packages: [{
      registryType: 'nuget', identifier: 'Example.Tool', version: '0.4.0-beta', transport: { type: 'stdio' },
      ...(packageArguments ? { packageArguments } : {}),
    }],
  });
  const s = claudeCodeServers({
    servers: [
      { serverJson: SEARCH },
      { serverJson: BOX },
      {
        serverJson: nuget([{ type: 'positional', value: 'mcp' }, { type: 'named', name: '--port', default: '9' }]),
        name: 'with-args',
      },
      { serverJson: nuget(), name: 'no-args' },
    ],
  });
  assert.deepEqual([s.search.command, s.search.args], ['uvx', SEARCH_ARGS]);
  assert.deepEqual([s.box.command, s.box.args], ['docker', BOX_ARGS]);
  assert.deepEqual([s['with-args'].command, s['with-args'].args],
    ['dnx', ['Example.Tool@0.4.0-beta', '--yes', '--', 'mcp', '--port=9']]);
  assert.deepEqual([s['no-args'].command, s['no-args'].args], ['dnx', ['Example.Tool@0.4.0-beta', '--yes']]);
});

test('arguments: --long=value, short as two words, booleans as bare flags, repeated values', () => {
  const server = {
    name: 'io.github.example/args', description: 'd', version: '1.0.0',
    packages: [{
      registryType: 'npm', identifier: 'args-mcp', version: '1.0.0', transport: { type: 'stdio' },
      packageArguments: [
        { type: 'positional', valueHint: 'dir', isRepeated: true },
        { type: 'named', name: '--tag', isRepeated: true },
        { type: 'named', name: '-n' },
        { type: 'named', name: '--dry-run', format: 'boolean' },
        { type: 'named', name: '--quiet', format: 'boolean' },
      ],
    }],
  };
  const s = claudeCodeServers({
    servers: [{ serverJson: server }],
    values: { dir: ['/a', '/b c'], '--tag': ['x', 'y=z'], n: '5', 'dry-run': 'true', '--quiet': 'false' },
  });
  assert.deepEqual(s.args.args, ['-y', 'args-mcp@1.0.0', '/a', '/b c', '--tag=x', '--tag=y=z', '-n', '5', '--dry-run']);
});

test('{variables}: in a remote URL, and in a repeated fixed argument value', () => {
  const remote = {
    name: 'com.example/tenant', description: 'd', version: '1.0.0',
    remotes: [{
      type: 'streamable-http', url: 'https://{tenant}.example.com/mcp',
      variables: { tenant: { isRequired: true } },
    }],
  };
  const mount = {
    name: 'io.github.example/mount', description: 'd', version: '1.0.0',
    packages: [{
      registryType: 'oci', identifier: 'example/mount:1', transport: { type: 'stdio' },
      runtimeArguments: [{
        type: 'named', name: '--mount', value: 'type=bind,src={src},dst={dst}', isRepeated: true,
        variables: { src: { isRequired: true }, dst: { default: '/data' } },
      }],
    }],
  };
  const s = claudeCodeServers({
    servers: [
      { serverJson: remote, values: { tenant: 'acme' } },
      { serverJson: mount, values: { src: ['/x', '/y'], dst: ['/1', '/2'] } },
    ],
  });
  assert.equal(s.tenant.url, 'https://acme.example.com/mcp');
  assert.deepEqual(s.mount.args, ['run', '-i', '--rm', '--mount=type=bind,src=/x,dst=/1',
    '--mount=type=bind,src=/y,dst=/2', 'example/mount:1']);
  // A user value is taken as is: braces in it are not template syntax.
  const t = claudeCodeServers({ servers: [{ serverJson: remote, values: { tenant: '{dst}' } }] });
  assert.equal(t.tenant.url, 'https://{dst}.example.com/mcp');
});

test('prefer: remote picks the remote of a server that has both; local is the default', () => {
  const both = { ...NOTES, name: 'io.github.example/both', remotes: [{ type: 'sse', url: EVENTS_URL }] };
  const local = claudeCodeServers({ servers: [{ serverJson: both, values: { notes_dir: '/n', NOTES_API_KEY: 'k' } }] });
  assert.equal(local.both.command, 'npx');
  const remote = claudeCodeServers({ prefer: 'remote', servers: [{ serverJson: both }] });
  assert.deepEqual(remote.both, { type: 'sse', url: EVENTS_URL });
});

test('name overrides the entry name; unusable names are sanitized with a generate/renamed note', () => {
  const r = generateOk({
    client: 'claude-code',
    servers: [{ serverJson: EVENTS, name: 'my events' }, { serverJson: EVENTS }, { serverJson: EVENTS }],
  });
  assert.deepEqual(Object.keys(JSON.parse(r.text).mcpServers), ['my-events', 'events', 'events-2']);
  assert.deepEqual(r.notes.filter((n) => n.rule === 'generate/renamed').map((n) => n.server),
    ['my-events', 'events-2']);
});

// ---- Validation ----------------------------------------------------------

function refused(req, rule, { server, input }) {
  const r = mcp.generate(req);
  assert.equal(r.ok, false, JSON.stringify(r.notes));
  assert.equal(r.text, '');
  assert.deepEqual(r.secrets, []);
  const errors = r.notes.filter((n) => n.severity === 'error');
  assert.equal(errors.length, 1, JSON.stringify(r.notes));
  assert.equal(errors[0].rule, rule);
  assert.equal(errors[0].server, server);
  assert.equal(errors[0].input, input);
  return errors[0];
}

const notesOnly = (values, extra = {}) => ({ client: 'cursor', servers: [{ serverJson: NOTES, values }], ...extra });

test('generate/missing-required names the input, for every target', () => {
  for (const client of [...mcp.targets.clients, ...mcp.targets.deployments]) {
    const e = refused({ ...notesOnly({}), client }, 'generate/missing-required',
      { server: 'notes', input: 'notes_dir' });
    assert.match(e.message, /notes_dir/);
    assert.match(e.message, /Notes folder/, 'the description says what it is');
  }
  // A required secret needs its value only when it is written inline.
  refused(notesOnly({ notes_dir: '/n' }, { secrets: 'inline' }), 'generate/missing-required',
    { server: 'notes', input: 'NOTES_API_KEY' });
  refused({ client: 'cursor', servers: [{ serverJson: CLOUD }], secrets: 'inline', values: { 'X-Api-Key': 'k' } },
    'generate/missing-required', { server: 'cloud', input: 'token' });
});

test('generate/invalid-value: a choice, a number, a boolean, a NUL character', () => {
  let e = refused(notesOnly({ notes_dir: '/n', '--mode': 'delete' }), 'generate/invalid-value',
    { server: 'notes', input: '--mode' });
  assert.match(e.message, /delete/);
  assert.match(e.message, /read/);
  e = refused(notesOnly({ notes_dir: '/n', '-p': '80a' }), 'generate/invalid-value', { server: 'notes', input: '-p' });
  assert.match(e.message, /80a/);
  refused(notesOnly({ notes_dir: '/n', verbose: 'yes' }), 'generate/invalid-value',
    { server: 'notes', input: '--verbose' });
  refused(notesOnly({ notes_dir: '/n\0/x' }), 'generate/invalid-value', { server: 'notes', input: 'notes_dir' });
  // A secret written inline is checked too.
  refused(notesOnly({ notes_dir: '/n', mode: 'write' }, { secrets: 'inline', values: { NOTES_API_KEY: 'k\0' } }),
    'generate/invalid-value', { server: 'notes', input: 'NOTES_API_KEY' });
});

test('generate/fixed-value: a value fixed by server.json cannot be set', () => {
  const nuget = readFileSync(join(VALID_DIR, 'nuget-sample.json'), 'utf8');
  const e = refused({ client: 'claude-code', servers: [{ serverJson: nuget, values: { WEATHER_CHOICES: 'snow' } }] },
    'generate/fixed-value', { server: 'knapcode-samplemcpserver', input: 'WEATHER_CHOICES' });
  assert.match(e.message, /WEATHER_CHOICES/);
});

test('generate/unknown-input: undeclared names, shared or for one server', () => {
  refused(notesOnly({ notes_dir: '/n' }, { values: { NOPE: 'x' } }), 'generate/unknown-input',
    { server: '', input: 'NOPE' });
  const e = refused(notesOnly({ notes_dir: '/n', NOTES_LOG_LEVL: 'debug' }), 'generate/unknown-input',
    { server: 'notes', input: 'NOTES_LOG_LEVL' });
  assert.match(e.message, /NOTES_LOG_LEVEL/, 'suggests the close name');
  // A shared value is fine when any selected server declares it.
  generateOk({
    client: 'cursor', servers: [{ serverJson: NOTES }, { serverJson: EVENTS }], values: { notes_dir: '/n' },
  });
});

test('generate/mcpb-bundle: a bundle-only server is refused with where to get it', () => {
  const bundle = readFileSync(join(VALID_DIR, 'mcpb-bundle.json'), 'utf8');
  const e = refused({ client: 'claude-desktop', servers: [{ serverJson: bundle }] }, 'generate/mcpb-bundle',
    { server: 'weather-bundle', input: '' });
  assert.match(e.message, /weather\.mcpb/);
  assert.match(e.message, /fe333e598595000ae021bd27117db32ec69af6987f507ba7a63c90638ff633ce/);
});

test('one refused server refuses the whole request, and no text is produced', () => {
  const r = mcp.generate({ client: 'cursor', servers: [{ serverJson: EVENTS }, { serverJson: NOTES }] });
  assert.equal(r.ok, false);
  assert.equal(r.text, '');
  assert.deepEqual(r.commands, []);
  assert.deepEqual(r.links, []);
});

// ---- Secrets -------------------------------------------------------------

/** A value for each secret input of the fixtures, by input name. */
const SECRETS = {
  NOTES_API_KEY: 'sk-live-Pl4c3h0ld3r', BOX_TOKEN: 'box-S3cr3t-t0k', token: 'bearer-S3cr3t', 'X-Api-Key': 'xkey-S3cr3t',
};

/** The result as text, with every link's percent-encoding and base64 undone. */
function everything(r) {
  const parts = [JSON.stringify(r)];
  for (const l of r.links) {
    const decoded = decodeURIComponent(l.text);
    parts.push(decoded);
    const config = new URL(l.text).searchParams.get('config');
    if (config) parts.push(Buffer.from(config, 'base64').toString('utf8'));
  }
  return parts.join('\n');
}

test('placeholder mode: no secret value appears anywhere in the result, for every target', () => {
  for (const client of [...mcp.targets.clients, ...mcp.targets.deployments]) {
    for (const os of ['posix', 'windows']) {
      const r = generateOk({ ...request(client), os, values: { ...request(client).values, ...SECRETS } });
      const all = everything(r);
      for (const [name, value] of Object.entries(SECRETS)) assert.ok(!all.includes(value), `${client}: ${name}`);
      const told = r.notes.filter((n) => n.rule === 'generate/secret-not-written').map((n) => n.input);
      assert.deepEqual(told.sort(), Object.keys(SECRETS).sort(), client);
      assert.ok(!r.notes.some((n) => n.rule === 'generate/inline-secrets'));
    }
  }
});

test('a refused secret value is not quoted back in the message', () => {
  const server = {
    name: 'io.github.example/choice', description: 'd', version: '1.0.0',
    packages: [{
      registryType: 'npm', identifier: 'c', version: '1.0.0', transport: { type: 'stdio' },
      environmentVariables: [{ name: 'LEVEL_KEY', isSecret: true, choices: ['a', 'b'] }],
    }],
  };
  const r = mcp.generate({
    client: 'cursor', secrets: 'inline', servers: [{ serverJson: server, values: { LEVEL_KEY: 'zz-S3cr3t' } }],
  });
  assert.equal(r.ok, false);
  assert.ok(!JSON.stringify(r).includes('zz-S3cr3t'));
});

test('inline mode: the secret values are written, with a generate/inline-secrets warning', () => {
  for (const client of [...mcp.targets.clients, ...mcp.targets.deployments]) {
    const r = generateOk({ ...request(client), secrets: 'inline', values: { ...request(client).values, ...SECRETS } });
    const warn = r.notes.filter((n) => n.rule === 'generate/inline-secrets');
    assert.equal(warn.length, 1, client);
    assert.equal(warn[0].severity, 'warning');
    assert.deepEqual(r.secrets, [], `${client}: nothing is left to fill`);
    if (mcp.targets.clients.includes(client)) {
      for (const [name, value] of Object.entries(SECRETS)) assert.ok(r.text.includes(value), `${client}: ${name}`);
      assert.ok(!/<(NOTES_API_KEY|BOX_TOKEN|CLOUD_TOKEN|CLOUD_X_API_KEY)>/.test(r.text), client);
    }
  }
  // Field by field, for one client of each syntax.
  const values = { ...request('x').values, ...SECRETS };
  const cursor = JSON.parse(generateOk({ ...request('cursor'), secrets: 'inline', values }).text).mcpServers;
  assert.equal(cursor.notes.env.NOTES_API_KEY, SECRETS.NOTES_API_KEY);
  assert.equal(cursor.cloud.headers.Authorization, `Bearer ${SECRETS.token}`);
  const codex = parseToml(generateOk({ ...request('codex'), secrets: 'inline', values }).text).mcp_servers;
  assert.equal(codex.notes.env.NOTES_API_KEY, SECRETS.NOTES_API_KEY);
  assert.equal(codex.notes.env_vars, undefined);
  const goose = YAML.parse(generateOk({ ...request('goose'), secrets: 'inline', values }).text).extensions;
  assert.equal(goose.notes.envs.NOTES_API_KEY, SECRETS.NOTES_API_KEY);
});

// ---- CLI -----------------------------------------------------------------

const notesFile = join(tmp, 'notes.json');
writeFileSync(notesFile, JSON.stringify(NOTES, null, 2));
const notes2File = join(tmp, 'notes2.json');
copyFileSync(notesFile, notes2File);
const mode = (p) => statSync(p).mode & 0o777;
/** What the API generates for notes.json with notes_dir=/n. */
const viaApi = (client) => generateOk({
  client, servers: [{ serverJson: readFileSync(notesFile, 'utf8') }], values: { notes_dir: '/n' },
});

test('CLI generate: exit 0, stdout is exactly the file text, install hints on stderr', () => {
  const r = runCli(['generate', '--client', 'claude-code', '--server', notesFile, '--set', 'notes_dir=/n']);
  assert.equal(r.status, 0, r.stderr);
  const api = viaApi('claude-code');
  assert.equal(r.stdout, api.text);
  assert.ok(r.stderr.includes(api.commands[0].text), r.stderr);
});

test('CLI generate --format json prints the API result', () => {
  const r = runCli(['generate', '--client', 'cursor', '--server', notesFile, '--set', 'notes_dir=/n',
    '--format', 'json']);
  assert.equal(r.status, 0, r.stderr);
  const api = viaApi('cursor');
  assert.deepEqual(JSON.parse(r.stdout), api);
});

test('CLI generate: exit 1 when refused, with the rule on stderr and nothing on stdout', () => {
  const r = runCli(['generate', '--client', 'cursor', '--server', notesFile]);
  assert.equal(r.status, 1);
  assert.equal(r.stdout, '');
  assert.match(r.stderr, /notes_dir.*\[generate\/missing-required\]/);
  const unknown = runCli(['generate', '--client', 'cursor', '--server', notesFile, '--set', 'notes_dir=/n',
    '--set', 'nope=1']);
  assert.equal(unknown.status, 1);
  assert.match(unknown.stderr, /\[generate\/unknown-input\]/);
  const client = runCli(['generate', '--client', 'emacs', '--server', notesFile]);
  assert.equal(client.status, 1);
  assert.match(client.stderr, /\[generate\/unknown-client\]/);
});

test('CLI generate: exit 2 on usage errors', () => {
  const cases = [
    ['generate', '--server', notesFile],
    ['generate', '--client', 'cursor'],
    ['generate', '--client', 'cursor', '--server', notesFile, '--secrets', 'plain'],
    ['generate', '--client', 'cursor', '--server', notesFile, '--os', 'mac'],
    ['generate', '--client', 'cursor', '--server', notesFile, '--set', 'novalue'],
    ['generate', '--client', 'cursor', '--server', notesFile, '--set', 'other:notes_dir=/n'],
    ['generate', '--client', 'cursor', '--server', notesFile, '--bogus'],
    ['generate', '--client', 'cursor', '--server', join(tmp, 'missing.json')],
  ];
  for (const args of cases) {
    const r = runCli(args);
    assert.equal(r.status, 2, `${args.join(' ')}: ${r.stderr}`);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, /^mcp-builder: /);
  }
});

test('CLI generate -o writes the file and prints nothing on stdout', () => {
  const out = join(tmp, 'cursor.json');
  const r = runCli(['generate', '--client', 'cursor', '--server', notesFile, '--set', 'notes_dir=/n', '-o', out]);
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.stdout, '');
  const api = viaApi('cursor');
  assert.equal(readFileSync(out, 'utf8'), api.text);
  assert.equal(mode(out) & 0o600, 0o600);
  // Refused: no file.
  const none = join(tmp, 'none.json');
  assert.equal(runCli(['generate', '--client', 'cursor', '--server', notesFile, '-o', none]).status, 1);
  assert.equal(existsSync(none), false);
});

test('CLI generate -o --secrets inline: a new file is readable by its owner only', () => {
  const out = join(tmp, 'inline-new.json');
  const r = runCli(['generate', '--client', 'cursor', '--server', notesFile, '--set', 'notes_dir=/n',
    '--set', 'NOTES_API_KEY=sk-cli-S3cr3t', '--secrets', 'inline', '-o', out]);
  assert.equal(r.status, 0, r.stderr);
  assert.equal(JSON.parse(readFileSync(out, 'utf8')).mcpServers.notes.env.NOTES_API_KEY, 'sk-cli-S3cr3t');
  assert.equal(mode(out), 0o600);
  assert.match(r.stderr, /\[generate\/inline-secrets\]/);
});

test('CLI generate -o --secrets inline: an existing world-readable file is made owner-only', () => {
  const out = join(tmp, 'inline-existing.json');
  writeFileSync(out, '{}\n');
  chmodSync(out, 0o644);
  const r = runCli(['generate', '--client', 'cursor', '--server', notesFile, '--set', 'notes_dir=/n',
    '--set', 'NOTES_API_KEY=sk-cli-S3cr3t', '--secrets', 'inline', '-o', out]);
  assert.equal(r.status, 0, r.stderr);
  assert.ok(readFileSync(out, 'utf8').includes('sk-cli-S3cr3t'));
  assert.equal(mode(out).toString(8), '600', 'the secret file keeps its old 0644 permissions');
});

test('CLI generate --set SERVER:NAME=VALUE sets a value for one server; NAME=VALUE again adds one', () => {
  const r = runCli(['generate', '--client', 'claude-code', '--server', notesFile, '--server', notes2File,
    '--set', 'notes:notes_dir=/one', '--set', 'notes2:notes_dir=/two', '--set', 'notes2:--mode=write']);
  assert.equal(r.status, 0, r.stderr);
  const s = JSON.parse(r.stdout).mcpServers;
  assert.deepEqual(Object.keys(s), ['notes', 'notes-2']);
  assert.deepEqual(s.notes.args.slice(2), ['/one', '--mode=read']);
  assert.deepEqual(s['notes-2'].args.slice(2), ['/two', '--mode=write']);

  const fsFile = join(VALID_DIR, 'npm-filesystem.json');
  const rep = runCli(['generate', '--client', 'cursor', '--server', fsFile,
    '--set', 'allowed_directory=/a', '--set', 'allowed_directory=/b c']);
  assert.equal(rep.status, 0, rep.stderr);
  assert.deepEqual(JSON.parse(rep.stdout).mcpServers['filesystem'].args.slice(2), ['/a', '/b c']);
});

// ---- generateAll ----------------------------------------------------------

test('generateAll gives, for every target, exactly what generate gives', () => {
  const { client, ...shared } = request('cursor');
  const all = mcp.generateAll(shared);
  const targets = [...mcp.targets.clients, ...mcp.targets.deployments];
  assert.deepEqual(Object.keys(all), targets);
  for (const id of targets) assert.deepEqual(all[id], mcp.generate({ ...shared, client: id }), id);
});

test('generateAll: clients picks targets; installs: false drops commands and links only', () => {
  const { client, ...shared } = request('cursor');
  const picked = mcp.generateAll({ ...shared, clients: ['vscode', 'codex'] });
  assert.deepEqual(Object.keys(picked), ['vscode', 'codex']);
  const lean = mcp.generateAll({ ...shared, clients: ['vscode', 'codex', 'cursor', 'goose'], installs: false });
  for (const [id, r] of Object.entries(lean)) {
    assert.equal(r.ok, true, id);
    assert.deepEqual([r.commands, r.links], [[], []], id);
    assert.equal(r.text, picked[id]?.text ?? mcp.generate({ ...shared, client: id }).text, id);
  }
  assert.ok(picked.vscode.links.length > 0 && picked.codex.commands.length > 0);
  assert.throws(() => mcp.generateAll({ ...shared, installs: 'no' }), TypeError);
  assert.throws(() => mcp.generateAll({ ...shared, clients: 'vscode' }), TypeError);
});

test('generateAll: a refused request refuses every target, and an unknown id is its own error', () => {
  const refused = mcp.generateAll({ servers: [{ serverJson: NOTES }], clients: ['cursor', 'zed'] });
  for (const r of Object.values(refused)) {
    assert.equal(r.ok, false);
    assert.equal(r.text, '');
    assert.ok(r.notes.some((n) => n.rule === 'generate/missing-required' && n.input === 'notes_dir'));
  }
  const unknown = mcp.generateAll({ ...request('x'), clients: ['nope', 'zed'] });
  assert.equal(unknown.nope.ok, false);
  assert.ok(unknown.nope.notes.some((n) => n.rule === 'generate/unknown-client'));
  assert.equal(unknown.zed.ok, true);
});

test('texts with multi-byte characters come out of wasm intact (UTF-16 lengths)', () => {
  const value = 'é ✓ 😀 \u2028 末';
  const r = generateOk(request('claude-code', { values: { notes_dir: value, '-p': '1' } }));
  assert.deepEqual(JSON.parse(r.text).mcpServers.notes.args.slice(2, 3), [value]);
  const all = mcp.generateAll({ ...request('x', { values: { notes_dir: value, '-p': '1' } }), clients: ['zed', 'claude-code'] });
  assert.equal(all['claude-code'].text, r.text);
  assert.ok(all.zed.text.endsWith('}\n'));
});
