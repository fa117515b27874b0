// Generation speed (DESIGN.md budget: every client's output for 50 selected
// servers in 2 ms or less, median, wasm in Node).
//
// The 50 servers are the whole built-in catalog plus repeats under other
// names, each with its required inputs filled in (secrets stay
// placeholders, as in the default mode). Measurements:
//   every client's file     : generateAll, 12 clients, installs off: what a page
//                             does on each keystroke (it makes the install
//                             commands and links of the tab on screen only)
//   ... with installs       : the same with every command and link
//   16 targets, installs    : plus dockerfile, compose, package.json, .env
//   generate, one client    : one call per client with its installs; the
//                             slowest client's median
// The figures are merged into the results file of bench.mjs under "generate".
//
// Usage: node scripts/bench-lib/generate-bench.mjs [--rounds N] [--servers N] [--out PATH]

import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { init } from '../../wasm/src/index.js';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '..', '..');
const BUDGET_MS = 2;

const args = process.argv.slice(2);
const flag = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 && i + 1 < args.length ? args[i + 1] : fallback;
};
const rounds = Number(flag('--rounds', '41'));
const SERVERS = Number(flag('--servers', '50'));  // DESIGN.md's case is 50
const out = path.resolve(flag('--out', path.join(ROOT, 'dist', 'bench', 'results.json')));

// A value each input accepts, by its declared choices and format.
const sample = (input) => input.choices?.[0] ?? ({ number: '1', boolean: 'true', filepath: '/tmp/mcp' })[input.format] ?? 'value';

// The values a server's first runnable package (or its remote) requires.
function requiredValues(server) {
  const values = {};
  const take = (input, name) => {
    for (const [v, vi] of Object.entries(input.variables ?? {})) {
      if (vi.isRequired && !vi.isSecret) values[v] = sample(vi);
    }
    if (name && input.isRequired && !input.isSecret && input.value === undefined) values[name] = sample(input);
  };
  const pkg = (server.packages ?? []).find((p) => p.registryType !== 'mcpb');
  if (pkg) {
    for (const a of [...(pkg.runtimeArguments ?? []), ...(pkg.packageArguments ?? [])]) {
      take(a, a.type === 'named' ? a.name : a.valueHint);
    }
    for (const e of pkg.environmentVariables ?? []) take(e, e.name);
  } else if (server.remotes?.length) {
    for (const [v, vi] of Object.entries(server.remotes[0].variables ?? {})) {
      if (vi.isRequired && !vi.isSecret) values[v] = sample(vi);
    }
    for (const h of server.remotes[0].headers ?? []) take(h, h.name);
  }
  return values;
}

function median(times) {
  const sorted = [...times].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function time(fn) {
  for (let i = 0; i < 5; i++) fn(); // warm-up
  const times = [];
  for (let i = 0; i < rounds; i++) {
    const t0 = performance.now();
    fn();
    times.push(performance.now() - t0);
  }
  return { medianMs: median(times), minMs: Math.min(...times), maxMs: Math.max(...times) };
}

const mcp = await init();
const catalog = mcp.catalog();
const servers = [];
for (let i = 0; servers.length < SERVERS; i++) {
  const entry = catalog[i % catalog.length];
  const server = JSON.parse(mcp.catalogEntry(entry.id));
  servers.push({ catalogId: entry.id, name: `${entry.id}-${i}`, values: requiredValues(server) });
}
const { clients, deployments } = mcp.targets;

// Every output must be real before it is timed.
const all = mcp.generateAll({ servers, clients: [...clients, ...deployments] });
for (const [id, r] of Object.entries(all)) {
  if (!r.ok) throw new Error(`generate-bench: ${id} failed: ${r.notes.filter((n) => n.severity === 'error').map((n) => n.message).join('; ')}`);
}
const outputBytes = Object.values(all).reduce((n, r) => n + Buffer.byteLength(r.text), 0);

const rows = [
  ["every client's file (12, installs off)", time(() => mcp.generateAll({ servers, clients, installs: false }))],
  ['12 clients with commands and links', time(() => mcp.generateAll({ servers, clients }))],
  ['16 targets with commands and links', time(() => mcp.generateAll({ servers }))],
];
let slowest = null;
for (const client of clients) {
  const t = time(() => mcp.generate({ client, servers }));
  if (!slowest || t.medianMs > slowest.t.medianMs) slowest = { client, t };
}
rows.push([`generate, one client (slowest: ${slowest.client})`, slowest.t]);

const catalogFile = path.join(ROOT, 'wasm', 'dist', 'catalog.json');
const catalogBytes = fs.readFileSync(catalogFile);
const catalogSize = { raw: catalogBytes.length, gzip: zlib.gzipSync(catalogBytes, { level: 9 }).length };

console.log(`\ngeneration: ${SERVERS} servers (from the ${catalog.length} catalog entries, repeated as needed), ` +
  `${(outputBytes / 1024).toFixed(0)} KB of output for 16 targets, median of ${rounds} rounds`);
console.log(`${'measurement'.padEnd(44)}${'median ms'.padStart(11)}${'min ms'.padStart(9)}  budget <= ${BUDGET_MS} ms`);
for (const [name, t] of rows) {
  const verdict = t.medianMs <= BUDGET_MS ? 'PASS' : 'FAIL';
  console.log(`${name.padEnd(44)}${t.medianMs.toFixed(3).padStart(11)}${t.minMs.toFixed(3).padStart(9)}  ${verdict}`);
}
console.log(`catalog.json ${catalogSize.raw} bytes raw, ${catalogSize.gzip} gzip -9 (loaded with the module)`);

let report = {};
try { report = JSON.parse(fs.readFileSync(out, 'utf8')); } catch { /* bench.mjs did not run */ }
report.generate = {
  servers: SERVERS, rounds, outputBytes, budgetMs: BUDGET_MS, catalog: catalogSize,
  results: rows.map(([name, t]) => ({ name, ...t, pass: t.medianMs <= BUDGET_MS })),
};
fs.mkdirSync(path.dirname(out), { recursive: true });
fs.writeFileSync(out, JSON.stringify(report, null, 2) + '\n');
