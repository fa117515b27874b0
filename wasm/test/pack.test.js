// The published package: `npm pack` holds exactly the runtime files, and a
// fresh project that installs the tarball (offline: there are no
// dependencies) can import it and run its bin.
import test, { before } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { INVALID_DOC, MINIMAL_VALID, PACKAGE, WASM_DIR, run, tempDir } from './helpers.js';

const TIMEOUT = 60_000;
const npmEnv = {
  ...process.env,
  npm_config_update_notifier: 'false',
  npm_config_audit: 'false',
  npm_config_fund: 'false',
  npm_config_loglevel: 'error',
};
const npm = (args, cwd) => {
  const r = run('npm', args, { cwd, timeout: TIMEOUT, env: npmEnv });
  assert.equal(r.status, 0, `npm ${args.join(' ')} failed:\n${r.stdout}\n${r.stderr}`);
  return r;
};

let tarball;
let project;

before(() => {
  const packDir = tempDir('mcp-builder-pack-');
  npm(['pack', '--pack-destination', packDir, '--silent'], WASM_DIR);
  const tgz = readdirSync(packDir).filter((f) => f.endsWith('.tgz'));
  assert.deepEqual(tgz, [`${PACKAGE.name}-${PACKAGE.version}.tgz`]);
  tarball = join(packDir, tgz[0]);

  project = tempDir('mcp-builder-consumer-');
  writeFileSync(join(project, 'package.json'),
    JSON.stringify({ name: 'consumer', version: '1.0.0', private: true, type: 'module' }));
  npm(['install', tarball, '--offline', '--no-audit', '--no-fund'], project);
});

test('the tarball holds exactly the runtime files', () => {
  const expected = [
    'package.json', 'src/index.js', 'src/index.d.ts', 'bin/mcp-builder.js',
    'dist/mcp-builder.js', 'dist/mcp-builder.wasm', 'dist/catalog.json',
    'dist/mcp-builder-lint.js', 'dist/mcp-builder-lint.wasm',
  ];
  if (existsSync(join(WASM_DIR, 'README.md'))) expected.push('README.md');
  const listing = run('tar', ['tzf', tarball], { timeout: TIMEOUT });
  assert.equal(listing.status, 0, listing.stderr);
  const files = listing.stdout.split('\n').filter(Boolean)
    .map((f) => f.replace(/^package\//, ''))
    .filter((f) => !f.endsWith('/')); // directory entries, if any
  assert.deepEqual(files.sort(), expected.sort());
});

test('an installed project can import the package and validate documents', () => {
  const script = `
import init from 'mcp-server-builder';
import { init as named } from 'mcp-server-builder';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
const mcp = await init();
const pkg = createRequire(import.meta.url)('mcp-server-builder/package.json');
const wasm = fileURLToPath(import.meta.resolve('mcp-server-builder/mcp-builder.wasm'));
const good = mcp.validateServerJson(${JSON.stringify(MINIMAL_VALID)});
const bad = mcp.validateServerJson(new TextEncoder().encode(${JSON.stringify(INVALID_DOC)}));
console.log(JSON.stringify({
  sameInit: named === init,
  version: mcp.version,
  pkgVersion: pkg.version,
  wasmExists: existsSync(wasm),
  fromNodeModules: wasm.includes('node_modules/mcp-server-builder/dist/'),
  limits: Object.keys(mcp.limits),
  good,
  bad: bad.diagnostics.map((d) => [d.rule, d.line, d.column]),
}));
`;
  writeFileSync(join(project, 'check.mjs'), script);
  const r = run(process.execPath, ['check.mjs'], { cwd: project, timeout: TIMEOUT });
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.stderr, '');
  assert.deepEqual(JSON.parse(r.stdout), {
    sameInit: true,
    version: PACKAGE.version,
    pkgVersion: PACKAGE.version,
    wasmExists: true,
    fromNodeModules: true,
    limits: ['maxBytes', 'maxDepth', 'maxDiagnostics'],
    good: { valid: true, parsed: true, diagnostics: [] },
    bad: [
      ['schema/name-pattern', 3, 11],
      ['schema/version-latest', 10, 18],
      ['semantic/secret-default', 13, 57],
      ['semantic/duplicate-name', 14, 19],
    ],
  });
});

test('the installed bin generates from the catalog it ships', () => {
  const bin = join(project, 'node_modules', '.bin', 'mcp-builder');
  const r = run(bin, ['generate', '--client', 'claude-code', '--server', 'memory'], { cwd: project, timeout: TIMEOUT });
  assert.equal(r.status, 0, r.stderr);
  const entry = JSON.parse(r.stdout).mcpServers.memory;
  assert.equal(entry.command, 'npx');
  assert.match(entry.args[1], /^@modelcontextprotocol\/server-memory@\d/);
});

test('the installed bin lints and converts with the lint module it ships', () => {
  const bin = join(project, 'node_modules', '.bin', 'mcp-builder');
  writeFileSync(join(project, 'mcp.json'), JSON.stringify({ servers: { m: { command: 'npx', args: ['-y', 'pkg'] } } }));
  const lint = run(bin, ['lint', 'mcp.json'], { cwd: project, timeout: TIMEOUT });
  assert.equal(lint.status, 0, lint.stderr);
  assert.match(lint.stdout, /^mcp\.json:1:\d+: warning exec\/unpinned-package /m);
  assert.match(lint.stdout, /^mcp\.json:1:\d+: warning schema\/missing-type /m);
  const toml = run(bin, ['convert', 'mcp.json', '--to', 'codex'], { cwd: project, timeout: TIMEOUT });
  assert.equal(toml.status, 0, toml.stderr);
  assert.match(toml.stdout, /^\[mcp_servers\.m\]\ncommand = "npx"\n/);
});

test('the installed bin runs: exit 0 on a valid file, 1 on an invalid one', () => {
  const bin = join(project, 'node_modules', '.bin', 'mcp-builder');
  assert.ok(existsSync(bin), bin);
  writeFileSync(join(project, 'good.json'), MINIMAL_VALID);
  writeFileSync(join(project, 'bad.json'), INVALID_DOC);
  const good = run(bin, ['validate', 'good.json'], { cwd: project, timeout: TIMEOUT });
  assert.equal(good.status, 0, good.stderr);
  assert.equal(good.stdout, 'good.json: valid (0 errors, 0 warnings, 0 notes)\n');
  const bad = run(bin, ['validate', 'bad.json'], { cwd: project, timeout: TIMEOUT });
  assert.equal(bad.status, 1, bad.stderr);
  assert.match(bad.stdout, /^bad\.json:3:11: error schema\/name-pattern /);
  assert.match(bad.stdout, /\nbad\.json: invalid \(4 errors, 0 warnings, 0 notes\)\n$/);
  const version = run(bin, ['--version'], { cwd: project, timeout: TIMEOUT });
  assert.equal(version.stdout, `${PACKAGE.version}\n`);
});
