#!/usr/bin/env node
// mcp-builder: the command-line face of the npm package (DESIGN.md contract).
//
//   mcp-builder validate <server.json | -> [--format text|json]
//     exit 0 valid, 1 invalid, 2 usage error, unreadable input or not JSON
//
// Files are passed to the core as bytes, not decoded text, so invalid UTF-8
// is reported instead of being silently replaced.
import { closeSync, openSync, readSync, fstatSync } from 'node:fs';
import { init, tooLargeReport } from '../src/index.js';

const EXIT_OK = 0;
const EXIT_FINDINGS = 1;
const EXIT_USAGE = 2;

const USAGE = `usage: mcp-builder <command> [options]

commands:
  validate <server.json | ->   check an MCP Registry server.json (schema
                               2025-12-11 plus semantic rules)
options:
  --format text|json           output format (default: text)
  -h, --help                   show this help
  --version                    print the version

exit status: 0 valid, 1 invalid, 2 usage error, unreadable input or not JSON`;

class UsageError extends Error {}

function parseArgs(argv) {
  const opts = { command: null, inputs: [], format: 'text' };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '-h' || arg === '--help') return { ...opts, help: true };
    if (arg === '--version') return { ...opts, version: true };
    if (arg === '--format' || arg.startsWith('--format=')) {
      const value = arg.includes('=') ? arg.slice(9) : argv[++i];
      if (value !== 'text' && value !== 'json') {
        throw new UsageError(`--format must be text or json, not ${JSON.stringify(value ?? '')}`);
      }
      opts.format = value;
    } else if (arg.startsWith('-') && arg !== '-') {
      throw new UsageError(`unknown option ${arg}`);
    } else if (!opts.command) {
      opts.command = arg;
    } else {
      opts.inputs.push(arg);
    }
  }
  return opts;
}

// Reads at most limit+1 bytes, so a huge file or stream is refused without
// being loaded into memory. Returns { bytes, truncated, size }.
function readInput(path, limit) {
  const fd = path === '-' ? 0 : openSync(path, 'r');
  try {
    if (fd !== 0) {
      const stat = fstatSync(fd);
      if (stat.isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
      if (stat.isFile() && stat.size > limit) return { truncated: true, size: stat.size };
    }
    const chunks = [];
    let total = 0;
    const chunk = Buffer.allocUnsafe(64 * 1024);
    for (;;) {
      let n;
      try {
        n = readSync(fd, chunk, 0, chunk.length, null);
      } catch (err) {
        if (err.code === 'EAGAIN') continue; // non-blocking stdin
        if (err.code === 'EOF') break;
        throw err;
      }
      if (n === 0) break;
      chunks.push(Buffer.from(chunk.subarray(0, n)));
      total += n;
      if (total > limit) return { truncated: true, size: null };
    }
    return { bytes: new Uint8Array(Buffer.concat(chunks, total)), truncated: false };
  } finally {
    if (fd !== 0) closeSync(fd);
  }
}

function describeReadError(err) {
  const reasons = { ENOENT: 'no such file', EACCES: 'permission denied', EISDIR: 'is a directory' };
  return reasons[err.code] ?? err.message;
}

// JSON text byte-identical to the core's report (core/src/json_writer.cc),
// which escapes these so the report is safe to embed in HTML or a script.
function toJson(report) {
  return JSON.stringify(report).replace(/[<>&\u007f\u2028\u2029]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function plural(n, word) {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

// Control characters in a pointer are shown as \xHH (the core does the same
// in messages), so a hostile key cannot send escapes to the terminal.
const printable = (s) => s.replace(/[\u0000-\u001f\u007f]/g,
  (c) => `\\x${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);

function formatText(shown, report) {
  const lines = report.diagnostics.map((d) =>
    `${shown}:${d.line}:${d.column}: ${d.severity} ${d.rule} ${d.message}` +
    (d.pointer ? ` [${printable(d.pointer)}]` : ''));
  const count = (s) => report.diagnostics.filter((d) => d.severity === s).length;
  const verdict = !report.parsed ? 'not readable as JSON' : report.valid ? 'valid' : 'invalid';
  lines.push(`${shown}: ${verdict} (${plural(count('error'), 'error')}, ` +
    `${plural(count('warning'), 'warning')}, ${plural(count('info'), 'note')})`);
  return lines.join('\n') + '\n';
}

async function validate(opts, out, err) {
  if (opts.inputs.length !== 1) throw new UsageError('validate takes exactly one file (or - for stdin)');
  const [path] = opts.inputs;
  const shown = path === '-' ? '<stdin>' : path;
  const mcp = await init();
  let input;
  try {
    input = readInput(path, mcp.limits.maxBytes);
  } catch (e) {
    err(`mcp-builder: cannot read ${shown}: ${describeReadError(e)}\n`);
    return EXIT_USAGE;
  }
  const report = input.truncated
    ? tooLargeReport(input.size, mcp.limits.maxBytes)
    : mcp.validateServerJson(input.bytes);
  out(opts.format === 'json' ? toJson(report) + '\n' : formatText(shown, report));
  if (!report.parsed) return EXIT_USAGE;
  return report.valid ? EXIT_OK : EXIT_FINDINGS;
}

/** Runs the CLI; returns the exit code. Exported for tests. */
export async function main(argv, out = (s) => process.stdout.write(s), err = (s) => process.stderr.write(s)) {
  let opts;
  try {
    opts = parseArgs(argv);
    if (opts.help) { out(USAGE + '\n'); return EXIT_OK; }
    if (opts.version) { out((await init()).version + '\n'); return EXIT_OK; }
    if (!opts.command) throw new UsageError('no command given');
    if (opts.command === 'validate') return await validate(opts, out, err);
    throw new UsageError(`unknown command ${JSON.stringify(opts.command)}`);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    err(`mcp-builder: ${e.message}\n${USAGE}\n`);
    return EXIT_USAGE;
  }
}

const isEntryPoint = process.argv[1] && import.meta.url === (await import('node:url')).pathToFileURL((await import('node:fs')).realpathSync(process.argv[1])).href;
if (isEntryPoint) {
  process.stdout.on('error', (e) => { if (e.code !== 'EPIPE') throw e; });
  main(process.argv.slice(2)).then((code) => { process.exitCode = code; }, (e) => {
    process.stderr.write(`mcp-builder: internal error: ${e.message}\n`);
    process.exitCode = EXIT_USAGE;
  });
}
