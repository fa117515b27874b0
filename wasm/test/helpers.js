// Shared paths and small helpers for the wasm/test/*.test.js suites.
// (Not a test file itself: the runner only picks up *.test.js.)
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const WASM_DIR = fileURLToPath(new URL('..', import.meta.url));
export const ROOT = join(WASM_DIR, '..');
export const BIN = join(WASM_DIR, 'bin', 'mcp-builder.js');
export const NATIVE = join(ROOT, 'build', 'native', 'core', 'mcp-builder-native');
export const WRAPPER = join(ROOT, 'scripts', 'mcp-builder');
export const VALID_DIR = join(ROOT, 'tests', 'data', 'valid');
export const INVALID_DIR = join(ROOT, 'tests', 'data', 'invalid');
export const PACKAGE = JSON.parse(readFileSync(join(WASM_DIR, 'package.json'), 'utf8'));

/** Every *.json under dir (recursively), sorted; [] if dir does not exist. */
export function jsonFiles(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.json'))
    .map((e) => join(e.path ?? e.parentPath, e.name))
    .sort();
}

/** A fresh temp dir, removed when the process exits. */
export function tempDir(prefix = 'mcp-builder-test-') {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** Runs the Node CLI; returns { status, stdout, stderr } (strings unless encoding: 'buffer'). */
export function runCli(args, options = {}) {
  return run(process.execPath, [BIN, ...args], options);
}

export function run(command, args, { input, cwd = ROOT, timeout = 20000, encoding = 'utf8', env } = {}) {
  const r = spawnSync(command, args, {
    input, cwd, timeout, encoding, env, maxBuffer: 64 << 20,
  });
  if (r.error) throw r.error; // ETIMEDOUT, ENOENT, ...
  return { status: r.status, signal: r.signal, stdout: r.stdout, stderr: r.stderr };
}

/** The crafted document with four exact findings, used by several suites. */
export const INVALID_DOC = `{
  "$schema": "https://static.modelcontextprotocol.io/schemas/2025-12-11/server.schema.json",
  "name": "Bad Name",
  "description": "An invalid server",
  "version": "1.0.0",
  "packages": [
    {
      "registryType": "npm",
      "identifier": "@example/bad",
      "version": "latest",
      "transport": { "type": "stdio" },
      "environmentVariables": [
        { "name": "TOKEN", "isSecret": true, "default": "abc" },
        { "name": "TOKEN" }
      ]
    }
  ]
}
`;

/** [rule, severity, line, column, pointer] of each finding in INVALID_DOC. */
export const INVALID_DOC_FINDINGS = [
  ['schema/name-pattern', 'error', 3, 11, '/name'],
  ['schema/version-latest', 'error', 10, 18, '/packages/0/version'],
  ['semantic/secret-default', 'error', 13, 57, '/packages/0/environmentVariables/0/default'],
  ['semantic/duplicate-name', 'error', 14, 19, '/packages/0/environmentVariables/1/name'],
];

export const MINIMAL_VALID = '{"name":"io.github.example/tiny","description":"d","version":"1.0.0"}';
