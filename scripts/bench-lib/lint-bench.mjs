// Lint cost against input size (DESIGN.md budget: "Linting a 1 MB
// configuration: 50 ms or less; cost grows linearly with input size (show
// 1 KB to 10 MB)").
//
// Inputs: Claude Desktop style configs (mcpServers: command, args, env,
// remote servers with headers; some env values real-looking secrets, some
// placeholders, some neither) of 1 KB, 10 KB, 100 KB, 1 MB and 10 MB
// (10^3..10^7 bytes), from secrets-corpus.mjs's generateClaudeConfig, seeded.
//   measured: mcp.lint(text, { client: 'auto' })    (init({ lint: true }))
// Each round times every size once (sizes under 1 MB as a batch of calls,
// per-call time = batch / calls), after an untimed warm-up, with a GC before
// each timing; the figure is the median round. Linearity: ms/MB at 10 MB
// within LINEAR_FACTOR of ms/MB at 1 MB, printed (not a test).
// Also printed, not the verdict: the 1 MB input linted back to back with no
// forced GC ("steady state"), where each call also pays for collecting the
// garbage of the calls before it. The verdict's figure is one lint on a
// collected heap, as a user linting one file sees it.
//
// Usage: node --expose-gc scripts/bench-lib/lint-bench.mjs [--rounds N] [--seed S] [--out PATH]
//          [--wasm PATH] [--check]
// Merges its figures into the results file under "lint".

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { generateClaudeConfig, DEFAULT_SEED } from './secrets-corpus.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '..', '..');
const BUDGET_1MB_MS = 50;
const LINEAR_FACTOR = 1.5; // ms/MB at 10 MB <= 1.5 x ms/MB at 1 MB counts as linear
const SIZES = [1e3, 1e4, 1e5, 1e6, 1e7];

const args = process.argv.slice(2);
const flag = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 && i + 1 < args.length ? args[i + 1] : fallback;
};
if (args.includes('--help') || args.includes('-h')) {
  console.log('usage: node --expose-gc scripts/bench-lib/lint-bench.mjs [--rounds N] [--seed S] [--out PATH] [--wasm PATH] [--check]');
  process.exit(0);
}
const rounds = Number(flag('--rounds', '7'));
const seed = Number(flag('--seed', String(DEFAULT_SEED)));
const out = path.resolve(flag('--out', path.join(ROOT, 'dist', 'bench', 'results.json')));
const entry = path.resolve(flag('--wasm', path.join(ROOT, 'wasm', 'src', 'index.js')));
const check = args.includes('--check');

const gc = typeof globalThis.gc === 'function' ? globalThis.gc : () => {};
const median = (xs) => {
  const s = xs.slice().sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const fmt = (n, d = 2) => n.toLocaleString('en-US', { minimumFractionDigits: d, maximumFractionDigits: d });
const label = (n) => (n >= 1e6 ? `${n / 1e6} MB` : `${n / 1e3} KB`);

function merge(section) {
  let report = {};
  try { report = JSON.parse(fs.readFileSync(out, 'utf8')); } catch { /* first writer */ }
  report.lint = section;
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, JSON.stringify(report, null, 2) + '\n');
}

// ---- the lint module, if this build has one
let mcp = null;
let why = '';
try {
  const { init } = await import(pathToFileURL(entry).href);
  mcp = await init({ lint: true });
  if (typeof mcp.lint !== 'function') { why = 'init({ lint: true }) has no lint()'; mcp = null; }
} catch (e) {
  why = `init({ lint: true }) failed: ${String(e.message).split('\n')[0]}`;
}
if (!mcp) {
  console.log(`\nlint: not available in this build (${why})`);
  merge({ available: false, reason: why, date: new Date().toISOString() });
  process.exit(0);
}

// ---- inputs
const inputs = SIZES.map((size) => {
  const doc = generateClaudeConfig(size, seed);
  JSON.parse(doc.text); // the generator's own check: valid JSON
  return { size, text: doc.text, bytes: Buffer.byteLength(doc.text), servers: (doc.text.match(/^ {4}"[^"]+": \{$/gm) || []).length,
    planted: doc.planted.length, batch: Math.max(1, Math.min(200, Math.round(1e6 / size))) };
});

// One untimed call per size: the report must be real before it is timed.
for (const x of inputs) {
  const r = mcp.lint(x.text, { client: 'auto' });
  x.parsed = r.parsed;
  x.client = r.client;
  x.findings = r.findings.length + (r.omitted ?? 0);
  x.secretFindings = r.findings.filter((f) => f.rule.startsWith('secret/')).length;
  x.tooLarge = r.findings.some((f) => f.rule === 'syntax/too-large');
}
const limit = mcp.limits?.lintMaxBytes ?? mcp.limits?.maxBytes;
// Sizes over the module's input limit are not linted: time the largest whole
// MB under it instead, so linearity above 1 MB is still shown.
if (limit && inputs.some((x) => x.tooLarge)) {
  const size = Math.floor((limit - 4096) / 1e6) * 1e6;
  if (size > 1e6 && !inputs.some((x) => x.size === size)) {
    const doc = generateClaudeConfig(size, seed);
    const r = mcp.lint(doc.text, { client: 'auto' });
    const x = { size, text: doc.text, bytes: Buffer.byteLength(doc.text), servers: (doc.text.match(/^ {4}"[^"]+": \{$/gm) || []).length,
      planted: doc.planted.length, batch: 1, parsed: r.parsed, client: r.client, findings: r.findings.length + (r.omitted ?? 0),
      secretFindings: r.findings.filter((f) => f.rule.startsWith('secret/')).length,
      tooLarge: r.findings.some((f) => f.rule === 'syntax/too-large'), underLimit: true };
    inputs.splice(inputs.findIndex((y) => y.size > size), 0, x);
  }
}

// ---- timing
const timed = inputs.filter((x) => x.parsed && !x.tooLarge);
for (const x of timed) for (let i = 0; i < Math.max(2, x.batch); i++) mcp.lint(x.text, { client: 'auto' });
let sink = 0;
const times = new Map(timed.map((x) => [x, []]));
// For reference, not a budget: the secret scanner alone on the 1 MB input
// (lint runs it, among its other rules).
const ref = typeof mcp.scanSecrets === 'function' ? timed.find((x) => x.size === 1e6) : null;
const refTimes = [];
for (let round = 0; round < rounds; round++) {
  const order = round % 2 === 0 ? timed : timed.slice().reverse();
  for (const x of order) {
    gc();
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < x.batch; i++) sink += mcp.lint(x.text, { client: 'auto' }).findings.length;
    times.get(x).push(Number(process.hrtime.bigint() - t0) / 1e6 / x.batch);
  }
  if (ref) {
    gc();
    const t0 = process.hrtime.bigint();
    sink += mcp.scanSecrets(ref.text).length;
    refTimes.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
}
const steadyTimes = [];
const oneMb = timed.find((x) => x.size === 1e6);
if (oneMb) {
  gc();
  for (let i = 0; i < rounds + 2; i++) {
    const t0 = process.hrtime.bigint();
    sink += mcp.lint(oneMb.text, { client: 'auto' }).findings.length;
    if (i >= 2) steadyTimes.push(Number(process.hrtime.bigint() - t0) / 1e6);  // the first two settle the heap
  }
}

// ---- report
console.log(`\nlint: mcp.lint(text, { client: 'auto' }) on Claude Desktop style configs, ${rounds} rounds, median` +
  `${limit ? ` (input limit ${limit.toLocaleString('en-US')} bytes)` : ''}`);
console.log(`${'size'.padEnd(8)}${'bytes'.padStart(12)}${'servers'.padStart(9)}${'findings'.padStart(10)}${'client'.padStart(16)}` +
  `${'median ms'.padStart(11)}${'min ms'.padStart(10)}${'ms/MB'.padStart(9)}${'MB/s'.padStart(9)}`);
const rows = inputs.map((x) => {
  const t = times.get(x);
  const row = { size: x.size, bytes: x.bytes, servers: x.servers, planted: x.planted, parsed: x.parsed, client: x.client,
    underLimit: !!x.underLimit,
    findings: x.findings, secretFindings: x.secretFindings, calls: t ? t.length * x.batch : 0 };
  if (t) {
    row.medianMs = median(t);
    row.minMs = Math.min(...t);
    row.msPerMB = row.medianMs / (x.bytes / 1e6);
    row.mbPerSec = x.bytes / 1e6 / (row.medianMs / 1000);
  } else {
    row.skipped = x.tooLarge ? 'over the input limit' : 'not parsed';
  }
  const cells = t ? `${fmt(row.medianMs, 3).padStart(11)}${fmt(row.minMs, 3).padStart(10)}${fmt(row.msPerMB, 1).padStart(9)}${fmt(row.mbPerSec, 1).padStart(9)}`
    : `   not timed: ${row.skipped}`;
  console.log(`${(label(x.size) + (x.underLimit ? '*' : '')).padEnd(8)}${x.bytes.toLocaleString('en-US').padStart(12)}${String(x.servers).padStart(9)}` +
    `${String(x.findings).padStart(10)}${String(x.client || '-').padStart(16)}${cells}`);
  return row;
});

if (inputs.some((x) => x.underLimit)) console.log('* the largest whole MB under the input limit, timed in place of 10 MB');
const bySize = (n) => rows.find((r) => r.size === n && r.medianMs !== undefined);
const budgets = {};
const one = bySize(1e6);
if (one) {
  budgets.lint1MbMs = { max: BUDGET_1MB_MS, actual: one.medianMs, pass: one.medianMs <= BUDGET_1MB_MS };
  console.log(`1 MB in ${fmt(one.medianMs, 1)} ms   budget <= ${BUDGET_1MB_MS} ms: ${budgets.lint1MbMs.pass ? 'PASS' : 'FAIL'}`);
}
const steady = steadyTimes.length ? { medianMs: median(steadyTimes), minMs: Math.min(...steadyTimes), maxMs: Math.max(...steadyTimes) } : null;
if (steady) {
  console.log(`  (1 MB back to back, no forced GC: median ${fmt(steady.medianMs, 1)} ms, min ${fmt(steady.minMs, 1)}, ` +
    `max ${fmt(steady.maxMs, 1)}; each call also collects earlier calls' garbage)`);
}
const scanRef = refTimes.length ? { medianMs: median(refTimes), minMs: Math.min(...refTimes), bytes: ref.bytes } : null;
if (scanRef) console.log(`  (for reference: scanSecrets alone on the 1 MB input, median ${fmt(scanRef.medianMs, 1)} ms)`);
const ten = bySize(1e7) ?? rows.filter((r) => r.medianMs !== undefined && r.size > 1e6).pop();
let linearity = null;
if (one && ten) {
  const ratio = ten.msPerMB / one.msPerMB;
  const first = rows.find((r) => r.medianMs !== undefined && r.size >= 1e5);
  const slope = first && first !== ten ? Math.log(ten.medianMs / first.medianMs) / Math.log(ten.bytes / first.bytes) : null;
  linearity = { factor: LINEAR_FACTOR, largestSize: ten.size, msPerMB1MB: one.msPerMB, msPerMBLargest: ten.msPerMB, ratio,
    linear: ratio <= LINEAR_FACTOR, logLogSlope: slope, slopeFrom: first?.size,
    note: ten.size === 1e7 ? null : `10 MB is over the input limit (${limit} bytes); the largest timed size is ${label(ten.size)}` };
  console.log(`linearity: ms/MB at ${label(ten.size)} is ${fmt(ratio, 2)}x ms/MB at 1 MB (linear if <= ${LINEAR_FACTOR}x): ` +
    `${linearity.linear ? 'linear' : 'NOT linear'}${slope !== null ? `; log-log slope ${label(first.size)}..${label(ten.size)} ${fmt(slope, 2)} (1 = linear)` : ''}`);
  if (linearity.note) console.log(`  (${linearity.note})`);
} else {
  console.log('linearity: not measured (the 1 MB and 10 MB inputs were not both timed)');
}

merge({
  available: true,
  date: new Date().toISOString(),
  node: process.version,
  seed,
  rounds,
  inputLimitBytes: limit ?? null,
  results: rows,
  budgets,
  linearity,
  scanSecrets1MB: scanRef,
  steadyState1MB: steady,
});
if (sink === -1) console.log('');
if (check && Object.values(budgets).some((b) => !b.pass)) {
  console.error('lint-bench: the 1 MB budget was missed (see above)');
  process.exit(1);
}
