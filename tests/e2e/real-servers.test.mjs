// End to end: configurations generated for Claude Desktop, Claude Code and
// Cursor from the built-in catalog start the real reference MCP servers.
// Each entry is spawned exactly as the file says (command, args, env) with
// the MCP SDK's stdio client, which lists the tools and calls one.
//
// The servers are root devDependencies pinned to the versions the catalog
// pins, so `npx -y pkg@version` (run from the repository root) finds the
// local copy; npm runs offline, so nothing is downloaded and a version
// drift between catalog and package.json fails instead of fetching.
import test from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';

import { init } from '../../wasm/src/index.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const DEV_DEPENDENCIES = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).devDependencies;
const SERVER_TIMEOUT_MS = 60_000;

const tmp = mkdtempSync(join(tmpdir(), 'mcp-builder-e2e-'));
process.once('exit', () => rmSync(tmp, { recursive: true, force: true }));

const mcp = await init();

/** The catalog's npm package of an entry. */
function catalogPackage(id) {
  const text = mcp.catalogEntry(id);
  assert.ok(text, `catalog entry ${id}`);
  const pkg = JSON.parse(text).packages.find((p) => p.registryType === 'npm');
  assert.ok(pkg, `catalog entry ${id} has an npm package`);
  return pkg;
}

// What each catalog server is, and how the test checks it really runs.
const SERVERS = {
  memory: {
    tool: 'create_entities',
    values: () => {
      const env = catalogPackage('memory').environmentVariables ?? [];
      // A new file per client, so each run proves its own env reached the server.
      const file = join(mkdtempSync(join(tmp, 'memory-')), 'memory.jsonl');
      return env.some((e) => e.name === 'MEMORY_FILE_PATH') ? { MEMORY_FILE_PATH: file } : {};
    },
    async exercise(client, values) {
      if (values.MEMORY_FILE_PATH) assert.equal(existsSync(values.MEMORY_FILE_PATH), false);
      const r = await client.callTool({
        name: 'create_entities',
        arguments: { entities: [{ name: 'e2e', entityType: 'test', observations: ['generated config works'] }] },
      });
      assert.notEqual(r.isError, true, JSON.stringify(r));
      // The env from the generated file reached the server.
      if (values.MEMORY_FILE_PATH) {
        assert.ok(existsSync(values.MEMORY_FILE_PATH), 'memory written where MEMORY_FILE_PATH says');
        assert.match(readFileSync(values.MEMORY_FILE_PATH, 'utf8'), /generated config works/);
      }
    },
  },
  filesystem: {
    tool: ['read_text_file', 'read_file'],
    values: () => {
      // The directory argument, under whatever valueHint the catalog declares.
      const arg = (catalogPackage('filesystem').packageArguments ?? [])
        .find((a) => a.type === 'positional' && a.isRequired && a.valueHint);
      assert.ok(arg, 'filesystem declares a required directory argument');
      return { [arg.valueHint]: mkdtempSync(join(tmp, 'allowed-')) };
    },
    async exercise(client, values) {
      const r = await client.callTool({ name: 'list_allowed_directories', arguments: {} });
      assert.notEqual(r.isError, true, JSON.stringify(r));
      const [dir] = Object.values(values);
      assert.ok(r.content.some((c) => c.type === 'text' && c.text.includes(dir)), JSON.stringify(r.content));
    },
  },
  everything: {
    tool: 'echo',
    values: () => ({}),
    async exercise(client) {
      const r = await client.callTool({ name: 'echo', arguments: { message: 'hello from e2e' } });
      const echoed = r.content.some((c) => c.type === 'text' && c.text.includes('hello from e2e'));
      assert.ok(echoed, JSON.stringify(r.content));
    },
  },
};

test('the servers are devDependencies at exactly the versions the catalog pins', () => {
  for (const id of Object.keys(SERVERS)) {
    const { identifier, version } = catalogPackage(id);
    assert.equal(DEV_DEPENDENCIES[identifier], version,
      `package.json devDependencies["${identifier}"] must equal the catalog's ${version}`);
    const installed = JSON.parse(readFileSync(join(ROOT, 'node_modules', identifier, 'package.json'), 'utf8'));
    assert.equal(installed.version, version, `installed ${identifier} (run npm ci)`);
  }
});

/** Spawns one generated stdio entry and runs `use(client)` against it. */
async function withServer(entry, use) {
  const transport = new StdioClientTransport({
    command: entry.command,
    args: entry.args,
    // The SDK adds a minimal safe environment (PATH, HOME, ...) to this.
    env: { ...(entry.env ?? {}), npm_config_offline: 'true', npm_config_update_notifier: 'false' },
    cwd: ROOT,
    stderr: 'pipe',
  });
  let stderr = '';
  transport.stderr?.on('data', (chunk) => { stderr += chunk; });
  const client = new Client({ name: 'mcp-builder-e2e', version: '1.0.0' });
  try {
    await client.connect(transport);
    await use(client);
  } catch (e) {
    e.message += `\nserver stderr:\n${stderr}`;
    throw e;
  } finally {
    await client.close();
  }
}

for (const clientId of ['claude-desktop', 'claude-code', 'cursor']) {
  const values = Object.fromEntries(Object.entries(SERVERS).map(([id, s]) => [id, s.values()]));
  const result = mcp.generate({
    client: clientId,
    servers: Object.keys(SERVERS).map((catalogId) => ({ catalogId, values: values[catalogId] })),
  });

  test(`${clientId}: the file for memory, filesystem and everything is generated`, () => {
    assert.equal(result.ok, true, JSON.stringify(result.notes));
    const servers = JSON.parse(result.text).mcpServers;
    assert.deepEqual(Object.keys(servers), Object.keys(SERVERS));
    for (const [id, entry] of Object.entries(servers)) {
      const { identifier, version } = catalogPackage(id);
      assert.equal(entry.command, 'npx');
      assert.deepEqual(entry.args.slice(0, 2), ['-y', `${identifier}@${version}`]);
      if (clientId === 'claude-code') assert.equal(entry.type, 'stdio');
    }
  });

  for (const id of Object.keys(SERVERS)) {
    test(`${clientId}: ${id} starts from the generated entry, lists and runs its tools`,
      { timeout: SERVER_TIMEOUT_MS }, async () => {
        assert.equal(result.ok, true);
        const entry = JSON.parse(result.text).mcpServers[id];
        await withServer(entry, async (client) => {
          const { tools } = await client.listTools();
          assert.ok(tools.length > 0);
          const names = tools.map((t) => t.name);
          const wanted = [SERVERS[id].tool].flat();
          assert.ok(wanted.some((n) => names.includes(n)), `${wanted.join(' or ')} in ${names.join(', ')}`);
          await SERVERS[id].exercise(client, values[id]);
        });
      });
  }
}
