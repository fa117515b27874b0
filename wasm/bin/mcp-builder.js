#!/usr/bin/env node
// mcp-builder: the command-line face of the npm package (DESIGN.md contract).
//
//   mcp-builder validate <server.json | -> [--format text|json]
//     exit 0 valid, 1 invalid, 2 usage error, unreadable input or not JSON
//   mcp-builder generate --client <id> --server <file | catalog-id> [...]
//     exit 0 written, 1 the servers or values were refused, 2 usage error
//   mcp-builder catalog [--json] [TERMS...]
//   mcp-builder lint <file | -> [--client <id>|auto] [--format text|json|sarif]
//     exit 0 no error-level finding, 1 some, 2 usage error, unreadable or unparseable
//   mcp-builder fix <file | -> [--client <id>|auto] [--env-out FILE] [-o FILE]
//   mcp-builder convert <file | -> --to <id> [--from <id>|auto] [-o FILE]
//
// Files are passed to the core as bytes, not decoded text, so invalid UTF-8
// is reported instead of being silently replaced.
import { chmodSync, closeSync, openSync, readSync, fstatSync, writeFileSync } from 'node:fs';
import { basename, isAbsolute, relative } from 'node:path';
import { init, tooLargeReport } from '../src/index.js';

const EXIT_OK = 0;
const EXIT_FINDINGS = 1;
const EXIT_USAGE = 2;

const USAGE = `usage: mcp-builder <command> [options]

commands:
  validate <server.json | ->   check an MCP Registry server.json (schema
                               2025-12-11 plus semantic rules)
  generate --client <id> --server <file | catalog-id> [--server ...]
           [--set NAME=VALUE ...] [--set SERVER:NAME=VALUE ...]
           [--secrets placeholder|inline] [--os posix|windows]
           [--prefer local|remote] [-o FILE]
                               print a client's configuration for the servers
                               (a --server ending in .json, containing a path
                               separator, or - is a file; else a catalog id)
  catalog [--json] [TERMS...]  list the built-in catalog, filtered by terms
  lint <file | -> [--client <id>|auto] [--format text|json|sarif]
                               find errors, hard-coded secrets and unsafe
                               settings in a client's configuration file
  fix <file | -> [--client <id>|auto] [--env-out FILE] [-o FILE]
                               print the file with literal secrets replaced by
                               the client's placeholders (and safe fixes
                               applied); --env-out writes the names to fill in
  convert <file | -> --to <id> [--from <id>|auto] [-o FILE]
                               rewrite a configuration for another client
options:
  --format text|json|sarif     output format (default: text; sarif: lint only)
  -h, --help                   show this help
  --version                    print the version

clients: claude-desktop claude-code cursor vscode windsurf zed codex gemini-cli
         continue goose cline lm-studio; also dockerfile compose package-json
         env-example

exit status: validate: 0 valid, 1 invalid, 2 usage error, unreadable input or
not JSON; generate: 0 written, 1 refused (a note names the input and why),
2 usage error or unreadable input; lint: 0 no error-level finding, 1 errors
found, 2 usage error, unreadable or unparseable input; fix: 0 nothing left at
error level, 1 errors remain, 2 as lint; convert: 0 written, 1 the source
has errors, 2 as lint`;

class UsageError extends Error {}

function parseArgs(argv) {
  const opts = { command: null, inputs: [], format: 'text', servers: [], sets: [], json: false };
  const takes = {
    '--client': 'client', '--secrets': 'secrets', '--os': 'os', '--prefer': 'prefer', '-o': 'output',
    '--output': 'output', '--to': 'to', '--from': 'from', '--env-out': 'envOut',
  };
  const choices = { secrets: ['placeholder', 'inline'], os: ['posix', 'windows'], prefer: ['local', 'remote'] };
  const valueOf = (arg, i) => {
    const eq = arg.indexOf('=');
    if (arg.startsWith('--') && eq > 0) return [arg.slice(eq + 1), i];
    if (i + 1 >= argv.length) throw new UsageError(`${arg} needs a value`);
    return [argv[i + 1], i + 1];
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '-h' || arg === '--help') return { ...opts, help: true };
    if (arg === '--version') return { ...opts, version: true };
    const flag = arg.startsWith('--') && arg.includes('=') ? arg.slice(0, arg.indexOf('=')) : arg;
    if (flag in takes || flag === '--server' || flag === '--set') {
      const [value, next] = valueOf(arg, i);
      i = next;
      if (flag === '--server') opts.servers.push(value);
      else if (flag === '--set') opts.sets.push(value);
      else {
        const key = takes[flag];
        if (choices[key] && !choices[key].includes(value)) {
          throw new UsageError(`${flag} must be ${choices[key].join(' or ')}, not ${JSON.stringify(value)}`);
        }
        opts[key] = value;
      }
      continue;
    }
    if (arg === '--json') { opts.json = true; continue; }
    if (arg === '--format' || arg.startsWith('--format=')) {
      const value = arg.includes('=') ? arg.slice(9) : argv[++i];
      if (value !== 'text' && value !== 'json' && value !== 'sarif') {
        throw new UsageError(`--format must be text, json or sarif, not ${JSON.stringify(value ?? '')}`);
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
  if (opts.format === 'sarif') throw new UsageError('--format sarif is for lint');
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

const isFileArg = (s) => s === '-' || s.endsWith('.json') || s.includes('/') || s.includes('\\');

function readText(path, limit) {
  const input = readInput(path, limit);
  if (input.truncated) throw Object.assign(new Error(`larger than the limit of ${limit} bytes`), { code: 'E2BIG' });
  return new TextDecoder('utf-8', { fatal: true }).decode(input.bytes);
}

// "--set NAME=VALUE" or "--set SERVER:NAME=VALUE"; the same NAME given
// again adds a value (for repeated arguments).
function addSet(spec, shared, byServer) {
  const eq = spec.indexOf('=');
  if (eq <= 0) throw new UsageError(`--set wants NAME=VALUE or SERVER:NAME=VALUE, not ${JSON.stringify(spec)}`);
  const left = spec.slice(0, eq);
  const value = spec.slice(eq + 1);
  const colon = left.indexOf(':');
  const target = colon < 0 ? shared : (byServer[left.slice(0, colon)] ??= {});
  const name = colon < 0 ? left : left.slice(colon + 1);
  (target[name] ??= []).push(value);
}

async function generate(opts, out, err) {
  if (opts.format === 'sarif') throw new UsageError('--format sarif is for lint');
  if (!opts.client) throw new UsageError('generate needs --client <id>');
  if (opts.servers.length === 0) throw new UsageError('generate needs at least one --server');
  if (opts.inputs.length) throw new UsageError(`unexpected argument ${JSON.stringify(opts.inputs[0])}`);
  const mcp = await init();
  const shared = {};
  const byServer = {};
  for (const spec of opts.sets) addSet(spec, shared, byServer);
  const servers = [];
  const labels = [];
  for (const spec of opts.servers) {
    const server = {};
    if (isFileArg(spec)) {
      try {
        server.serverJson = readText(spec, mcp.limits.maxBytes);
      } catch (e) {
        const why = e instanceof TypeError ? 'not valid UTF-8' : describeReadError(e);
        err(`mcp-builder: cannot read ${spec === '-' ? '<stdin>' : spec}: ${why}\n`);
        return EXIT_USAGE;
      }
      labels.push([spec, basename(spec).replace(/\.json$/, '')]);
    } else {
      server.catalogId = spec;
      labels.push([spec]);
    }
    servers.push(server);
  }
  for (const [key, values] of Object.entries(byServer)) {
    const index = labels.findIndex((names) => names.includes(key));
    if (index < 0) throw new UsageError(`--set ${key}:...: no --server is ${JSON.stringify(key)}`);
    servers[index].values = { ...(servers[index].values ?? {}), ...values };
  }
  const result = mcp.generate({
    client: opts.client, servers, values: shared,
    secrets: opts.secrets, os: opts.os, prefer: opts.prefer,
  });
  if (opts.format === 'json') {
    out(JSON.stringify(result) + '\n');
    return result.ok ? EXIT_OK : EXIT_FINDINGS;
  }
  for (const n of result.notes) {
    const where = n.server ? `${n.server}: ` : '';
    err(`mcp-builder: ${n.severity}: ${where}${printable(n.message)} [${n.rule}]\n`);
  }
  if (!result.ok) return EXIT_FINDINGS;
  if (opts.output) {
    // Inline secrets make the file sensitive: only its owner may read it.
    // `mode` applies only when the file is created: narrow an existing one
    // before the secrets go in.
    if (opts.secrets === 'inline') {
      try { chmodSync(opts.output, 0o600); } catch (e) { if (e.code !== 'ENOENT') throw e; }
    }
    writeFileSync(opts.output, result.text, { mode: opts.secrets === 'inline' ? 0o600 : 0o644 });
  } else {
    out(result.text);
  }
  // Shown for people (control characters as \xHH); --format json has them exactly.
  for (const c of [...result.commands, ...result.links]) err(`mcp-builder: install (${c.kind}): ${printable(c.text)}\n`);
  return EXIT_OK;
}

async function catalog(opts, out) {
  const mcp = await init();
  const list = mcp.catalog(opts.inputs);
  if (opts.json || opts.format === 'json') {
    out(JSON.stringify(list) + '\n');
    return EXIT_OK;
  }
  const width = Math.max(2, ...list.map((e) => e.id.length));
  for (const e of list) {
    const how = [...e.runtimes, ...(e.remote ? ['remote'] : [])].join(',');
    out(`${e.id.padEnd(width)}  ${e.category.padEnd(18)}  ${how.padEnd(14)}  ${printable(e.description)}\n`);
  }
  if (list.length === 0) out('no catalog entry matches\n');
  return EXIT_OK;
}

// The one input file of lint, fix and convert, as bytes (invalid UTF-8 is
// the core's to report). Null after printing why it cannot be read.
function readConfig(opts, command, mcp, err) {
  if (opts.inputs.length !== 1) throw new UsageError(`${command} takes exactly one file (or - for stdin)`);
  const [path] = opts.inputs;
  const shown = path === '-' ? '<stdin>' : path;
  try {
    const input = readInput(path, mcp.limits.lintMaxBytes);
    if (input.truncated) {
      err(`mcp-builder: ${shown}: larger than the limit of ${mcp.limits.lintMaxBytes} bytes\n`);
      return null;
    }
    return { shown, bytes: input.bytes };
  } catch (e) {
    err(`mcp-builder: cannot read ${shown}: ${describeReadError(e)}\n`);
    return null;
  }
}

const clientIds = (mcp) => mcp.targets.clients;

function checkClient(mcp, flag, value, allowAuto) {
  if (value === undefined || (allowAuto && value === 'auto') || clientIds(mcp).includes(value)) return;
  throw new UsageError(`${flag} must be ${allowAuto ? 'auto or ' : ''}one of ${clientIds(mcp).join(', ')}; not ${JSON.stringify(value)}`);
}

// Writes `text` to opts.output, or stdout.
function emit(opts, text, out) {
  if (opts.output) writeFileSync(opts.output, text);
  else out(text);
}

function describeFinding(shown, f) {
  return `${shown}:${f.line}:${f.column}: ${f.severity} ${f.rule} ${printable(f.message)}`;
}

async function lint(opts, out, err) {
  const mcp = await init({ lint: true });
  checkClient(mcp, '--client', opts.client, true);
  const input = readConfig(opts, 'lint', mcp, err);
  if (!input) return EXIT_USAGE;
  // SARIF locations are relative to the repository root: give the path
  // relative to the working directory when the file is under it.
  const rel = relative(process.cwd(), input.shown);
  const file = input.shown === '<stdin>' ? '-' : rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : input.shown;
  const options = { client: opts.client ?? 'auto', file };
  if (opts.format === 'sarif') {
    // One analysis: the SARIF log carries the exit code in its invocation.
    const sarif = mcp.lint(input.bytes, { ...options, format: 'sarif' });
    out(JSON.stringify(sarif, null, 2) + '\n');
    return sarif.runs[0].invocations[0].exitCode;
  }
  const report = mcp.lint(input.bytes, options);
  if (opts.format === 'json') {
    out(JSON.stringify(report) + '\n');
  } else {
    // The lines lint's text format has (core ReportToText), from the same
    // report rather than a second analysis.
    const name = printable(file);
    out(report.findings.map((f) => describeFinding(name, f) + '\n').join('') +
      (report.omitted ? `${name}: ${report.omitted} more findings not listed\n` : ''));
    const count = (s) => report.findings.filter((f) => f.severity === s).length;
    const as = report.client ? ` as ${report.client}${report.detected ? ` (${report.detected})` : ''}` : '';
    err(`mcp-builder: ${input.shown}: read${as}: ${plural(count('error'), 'error')}, ` +
      `${plural(count('warning'), 'warning')}, ${plural(count('info'), 'note')}\n`);
  }
  return report.exitCode;
}

async function fix(opts, out, err) {
  if (opts.format === 'sarif') throw new UsageError('--format sarif is for lint');
  const mcp = await init({ lint: true });
  checkClient(mcp, '--client', opts.client, true);
  const input = readConfig(opts, 'fix', mcp, err);
  if (!input) return EXIT_USAGE;
  const result = mcp.fix(input.bytes, { client: opts.client ?? 'auto' });
  if (opts.format === 'json') {
    out(JSON.stringify(result) + '\n');
  } else if (!result.ok) {
    for (const f of result.remaining) err(describeFinding(input.shown, f) + '\n');
    return EXIT_USAGE;
  } else {
    emit(opts, result.text, out);
    err(`mcp-builder: ${input.shown}: ${plural(result.changes, 'change')} as ${result.client}\n`);
    for (const s of result.secrets) err(`mcp-builder: fill in ${s.id} (${printable(s.description)})\n`);
    for (const f of result.remaining) err(describeFinding(input.shown, f) + '\n');
  }
  if (!result.ok) return EXIT_USAGE;
  if (opts.envOut && result.secrets.length) {
    // It will hold secret values once filled in: its owner's only.
    writeFileSync(opts.envOut, result.envTemplate, { mode: 0o600 });
  }
  return result.remaining.some((f) => f.severity === 'error') ? EXIT_FINDINGS : EXIT_OK;
}

async function convert(opts, out, err) {
  if (opts.format === 'sarif') throw new UsageError('--format sarif is for lint');
  const mcp = await init({ lint: true });
  if (!opts.to) throw new UsageError('convert needs --to <client>');
  checkClient(mcp, '--to', opts.to, false);
  checkClient(mcp, '--from', opts.from, true);
  const input = readConfig(opts, 'convert', mcp, err);
  if (!input) return EXIT_USAGE;
  const result = mcp.convert(input.bytes, { from: opts.from ?? 'auto', to: opts.to });
  if (opts.format === 'json') {
    out(JSON.stringify(result) + '\n');
  } else {
    if (result.ok) emit(opts, result.text, out);
    for (const n of result.notes) err(describeFinding(input.shown, n) + '\n');
  }
  if (!result.ok) return EXIT_USAGE;
  return result.notes.some((n) => n.severity === 'error') ? EXIT_FINDINGS : EXIT_OK;
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
    if (opts.command === 'generate') return await generate(opts, out, err);
    if (opts.command === 'catalog') return await catalog(opts, out);
    if (opts.command === 'lint') return await lint(opts, out, err);
    if (opts.command === 'fix') return await fix(opts, out, err);
    if (opts.command === 'convert') return await convert(opts, out, err);
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
