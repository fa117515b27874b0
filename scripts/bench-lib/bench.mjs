// Throughput of registry server.json validation: our wasm core against ajv.
//
// Both peers do the same job, "text in, diagnostics out", on the same
// deterministic corpus in the same process:
//   ours: mcp.validateServerJson(text)            (wasm/src/index.js)
//   ajv:  JSON.parse(text) + validate(obj) + errors -> [{rule, message, pointer}]
// ajv 8 (draft-07) + ajv-formats, allErrors, compiled once before timing from
// server-schema-2025-12-11.json (the same constraints as the registry schema).
//
// Usage: node scripts/bench-lib/bench.mjs [--docs N] [--rounds N] [--warmup N]
//          [--seed S] [--verbose] [--show N] [--out PATH] [--peer-only] [--check]
// (normally through scripts/bench, which builds the wasm first).

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { generateCorpusDetailed, DEFAULT_DOCS, DEFAULT_SEED } from './corpus.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '..', '..');
const require = createRequire(import.meta.url);

// Budgets from DESIGN.md "Performance budgets".
const BUDGET_WASM_GZIP = 200 * 1024;
const BUDGET_RATIO = 1.0;

// ----------------------------------------------------------------- flags ----
function parseArgs(argv) {
  const o = { docs: DEFAULT_DOCS, rounds: 7, warmup: 2, seed: DEFAULT_SEED, verbose: false, show: 5,
    out: path.join(ROOT, 'dist', 'bench', 'results.json'), peerOnly: false, check: false };
  const num = (flag, v, min) => {
    const n = Number(v);
    if (!Number.isInteger(n) || n < min) usage(`${flag} needs an integer >= ${min}, got ${JSON.stringify(v)}`);
    return n;
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const val = () => { if (i + 1 >= argv.length) usage(`${a} needs a value`); return argv[++i]; };
    switch (a) {
      case '--docs': o.docs = num(a, val(), 1); break;
      case '--rounds': o.rounds = num(a, val(), 1); break;
      case '--warmup': o.warmup = num(a, val(), 0); break;
      case '--seed': o.seed = num(a, val(), 0); break;
      case '--show': o.show = num(a, val(), 0); break;
      case '--out': o.out = path.resolve(val()); break;
      case '--verbose': case '-v': o.verbose = true; break;
      case '--peer-only': o.peerOnly = true; break;
      case '--check': o.check = true; break;
      case '--help': case '-h': usage(null); break;
      default: usage(`unknown argument ${a}`);
    }
  }
  return o;
}

function usage(err) {
  const text = `usage: scripts/bench [--docs N] [--rounds N] [--warmup N] [--seed S] [--verbose] [--show N]
                    [--out PATH] [--peer-only] [--check]
  --docs N      corpus size (default ${DEFAULT_DOCS})
  --rounds N    timed rounds per peer, interleaved (default 7)
  --warmup N    untimed passes per peer before timing (default 2)
  --seed S      corpus seed (default ${DEFAULT_SEED})
  --verbose     print the first disagreeing documents with both peers' findings
  --show N      how many disagreeing documents --verbose prints (default 5)
  --out PATH    JSON results (default dist/bench/results.json)
  --peer-only   measure ajv alone (no wasm needed); for working on the harness
  --check       exit 1 when a budget (throughput ratio, wasm gzip size) is missed`;
  if (err) { console.error(`bench: ${err}\n${text}`); process.exit(2); }
  console.log(text); process.exit(0);
}

// ----------------------------------------------------------------- peers ----
function makeAjvPeer() {
  const schema = JSON.parse(fs.readFileSync(path.join(HERE, 'server-schema-2025-12-11.json'), 'utf8'));
  const ajv = new Ajv({ allErrors: true });
  addFormats(ajv);
  const validate = ajv.compile(schema); // once, before any timing
  const fn = (text) => {
    let obj;
    try {
      obj = JSON.parse(text);
    } catch (e) {
      return { valid: false, diagnostics: [{ rule: 'json/syntax', message: e.message, pointer: '' }] };
    }
    const valid = validate(obj);
    const diagnostics = [];
    if (!valid) for (const e of validate.errors) diagnostics.push({ rule: e.keyword, message: e.message, pointer: e.instancePath });
    return { valid, diagnostics };
  };
  const version = require('ajv/package.json').version;
  const fmtVersion = require('ajv-formats/package.json').version;
  return { name: `ajv ${version} + ajv-formats ${fmtVersion}`, id: 'ajv', fn };
}

async function makeOurPeer() {
  const wasm = path.join(ROOT, 'wasm', 'dist', 'mcp-builder.wasm');
  const glue = path.join(ROOT, 'wasm', 'dist', 'mcp-builder.js');
  if (!fs.existsSync(wasm) || !fs.existsSync(glue)) {
    console.error(`bench: ${path.relative(ROOT, wasm)} or ${path.relative(ROOT, glue)} is missing; build the wasm first (scripts/build), or pass --peer-only.`);
    process.exit(2);
  }
  const { init } = await import(pathToFileURL(path.join(ROOT, 'wasm', 'src', 'index.js')).href);
  const mcp = await init();
  const fn = (text) => mcp.validateServerJson(text);
  return { name: `mcp-builder ${mcp.version} (wasm)`, id: 'mcp-builder', fn };
}

// ----------------------------------------------------------- measurement ----
const gc = typeof globalThis.gc === 'function' ? globalThis.gc : () => {};
let sink = 0; // keeps results observable so no pass can be optimised away

function pass(fn, texts) {
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < texts.length; i++) {
    const r = fn(texts[i]);
    sink += r.diagnostics.length + (r.valid ? 1 : 0);
  }
  return Number(process.hrtime.bigint() - t0) / 1e6; // ms
}

const median = (xs) => {
  const s = xs.slice().sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

// Warm-up covers at least this many documents per peer, whatever the corpus
// size, so both JITs (V8's for ajv's generated code and for wasm) have tiered
// up before timing starts.
const WARMUP_MIN_DOCS = 10000;

function measure(peers, texts, rounds, warmup) {
  const warmPasses = Math.max(warmup, Math.ceil(WARMUP_MIN_DOCS / texts.length));
  for (const p of peers) for (let i = 0; i < warmPasses; i++) pass(p.fn, texts);
  const times = peers.map(() => []);
  for (let round = 0; round < rounds; round++) {
    // ABBA order so neither peer always runs right after the other's garbage.
    const order = round % 2 === 0 ? peers.map((_, i) => i) : peers.map((_, i) => i).reverse();
    for (const i of order) { gc(); times[i].push(pass(peers[i].fn, texts)); }
  }
  return { times, warmPasses };
}

// ---------------------------------------------------------- agreement ----
const errorsOf = (r) => r.diagnostics.filter((d) => d.severity === undefined || d.severity === 'error');

function compare(corpus, verdicts, peers) {
  const [ours, ajv] = verdicts;
  const out = { disagreements: 0, oursOnlyInvalid: 0, ajvOnlyInvalid: 0, byLabel: {}, oursRules: {}, docs: [] };
  for (let i = 0; i < corpus.length; i++) {
    const a = !ours[i].valid;
    const b = !ajv[i].valid;
    if (a === b) continue;
    out.disagreements++;
    if (a) out.oursOnlyInvalid++; else out.ajvOnlyInvalid++;
    const label = corpus[i].mutations.join('+') || '(clean document)';
    const key = `${label} -> ${a ? `only ${peers[0].id} invalid` : `only ${peers[1].id} invalid`}`;
    out.byLabel[key] = (out.byLabel[key] || 0) + 1;
    if (a) for (const d of errorsOf(ours[i])) out.oursRules[d.rule] = (out.oursRules[d.rule] || 0) + 1;
    out.docs.push(i);
  }
  return out;
}

// ----------------------------------------------------------------- sizes ----
function sizeOf(file) {
  if (!fs.existsSync(file)) return null;
  const buf = fs.readFileSync(file);
  return { rawBytes: buf.length, gzipBytes: zlib.gzipSync(buf, { level: 9 }).length };
}

// ---------------------------------------------------------------- output ----
const fmtInt = (n) => Math.round(n).toLocaleString('en-US');
const fmtNum = (n, d = 1) => n.toLocaleString('en-US', { minimumFractionDigits: d, maximumFractionDigits: d });
const pad = (s, n) => String(s).padEnd(n);
const lpad = (s, n) => String(s).padStart(n);

function printDoc(i, corpus, verdicts, peers) {
  const d = corpus[i];
  console.log(`\n--- doc #${i} (intended: ${d.mutations.join(', ') || 'clean'}), ${Buffer.byteLength(d.text)} bytes`);
  verdicts.forEach((v, k) => {
    const errs = errorsOf(v[i]);
    console.log(`  ${peers[k].id}: ${v[i].valid ? 'valid' : `invalid, ${errs.length} error(s)`}`);
    for (const e of errs.slice(0, 8)) console.log(`    [${e.rule}] ${e.pointer || '(root)'}: ${e.message}`);
    if (errs.length > 8) console.log(`    ... ${errs.length - 8} more`);
  });
  const lines = d.text.split('\n');
  const shown = lines.slice(0, 40).join('\n');
  console.log(shown.replace(/^/gm, '  | ') + (lines.length > 40 ? `\n  | ... (${lines.length - 40} more lines)` : ''));
}

// ------------------------------------------------------------------ main ----
async function main() {
  const opt = parseArgs(process.argv.slice(2));
  const t0 = Date.now();
  const corpus = generateCorpusDetailed(opt.docs, opt.seed);
  const texts = corpus.map((d) => d.text);
  const bytes = texts.reduce((s, t) => s + Buffer.byteLength(t), 0);
  const intendedInvalid = corpus.filter((d) => d.mutations.length).length;

  const peers = [];
  if (!opt.peerOnly) peers.push(await makeOurPeer());
  peers.push(makeAjvPeer());

  // Untimed verdict pass: agreement between peers and with the corpus labels.
  const verdicts = peers.map((p) => texts.map((t) => p.fn(t)));
  const invalidCounts = verdicts.map((v) => v.filter((r) => !r.valid).length);
  const ajvV = verdicts[verdicts.length - 1];
  const labelMismatch = corpus
    .map((d, i) => ({ i, intended: d.mutations.length > 0, ajv: !ajvV[i].valid }))
    .filter((x) => x.intended !== x.ajv);

  // JSON.parse alone: not a peer, the floor under ajv's "text in" half.
  peers.push({ name: 'JSON.parse only (reference floor)', id: 'json-parse', reference: true,
    fn: (text) => { try { JSON.parse(text); return { valid: true, diagnostics: [] }; } catch { return { valid: false, diagnostics: [] }; } } });
  const { times, warmPasses } = measure(peers, texts, opt.rounds, opt.warmup);
  const results = peers.map((p, k) => {
    const med = median(times[k]);
    return {
      name: p.name,
      id: p.id,
      reference: !!p.reference,
      docsPerSec: texts.length / (med / 1000),
      mbPerSec: bytes / 1e6 / (med / 1000),
      medianMs: med,
      minMs: Math.min(...times[k]),
      maxMs: Math.max(...times[k]),
      roundsMs: times[k],
      invalid: p.reference ? null : invalidCounts[k],
    };
  });
  const ratio = opt.peerOnly ? null : results[0].docsPerSec / results[1].docsPerSec;
  const wasm = sizeOf(path.join(ROOT, 'wasm', 'dist', 'mcp-builder.wasm'));
  const glue = sizeOf(path.join(ROOT, 'wasm', 'dist', 'mcp-builder.js'));
  const agreement = opt.peerOnly ? null : compare(corpus, verdicts, peers);

  // ---- table
  const machine = os.cpus()[0]?.model?.trim() || 'unknown';
  console.log(`server.json validation, text in -> diagnostics out`);
  console.log(`corpus: ${fmtInt(texts.length)} docs, ${fmtNum(bytes / 1e6, 2)} MB, ${intendedInvalid} intended invalid, seed ${opt.seed}`);
  console.log(`node ${process.version}, ${machine}, ${warmPasses} warm-up passes + ${opt.rounds} interleaved rounds per peer, median\n`);
  console.log(`${pad('peer', 36)}${lpad('docs/s', 12)}${lpad('MB/s', 9)}${lpad('median ms', 11)}${lpad('min ms', 9)}${lpad('invalid', 9)}`);
  for (const r of results) {
    console.log(`${pad(r.name, 36)}${lpad(fmtInt(r.docsPerSec), 12)}${lpad(fmtNum(r.mbPerSec), 9)}${lpad(fmtNum(r.medianMs), 11)}${lpad(fmtNum(r.minMs), 9)}${lpad(r.invalid ?? '-', 9)}`);
  }
  const budgets = {};
  if (ratio !== null) {
    budgets.throughputRatio = { min: BUDGET_RATIO, actual: ratio, pass: ratio >= BUDGET_RATIO };
    console.log(`\nratio ours/ajv (docs/s): ${fmtNum(ratio, 2)}x   budget >= ${BUDGET_RATIO}: ${budgets.throughputRatio.pass ? 'PASS' : 'FAIL'}`);
  }
  console.log(`\n${pad('artifact', 36)}${lpad('raw bytes', 12)}${lpad('gzip -9', 11)}`);
  console.log(`${pad('wasm/dist/mcp-builder.wasm', 36)}${lpad(wasm ? fmtInt(wasm.rawBytes) : 'missing', 12)}${lpad(wasm ? fmtInt(wasm.gzipBytes) : '-', 11)}`);
  console.log(`${pad('wasm/dist/mcp-builder.js', 36)}${lpad(glue ? fmtInt(glue.rawBytes) : 'missing', 12)}${lpad(glue ? fmtInt(glue.gzipBytes) : '-', 11)}`);
  if (wasm) {
    budgets.wasmGzipBytes = { max: BUDGET_WASM_GZIP, actual: wasm.gzipBytes, pass: wasm.gzipBytes <= BUDGET_WASM_GZIP };
    console.log(`wasm gzip budget <= ${fmtInt(BUDGET_WASM_GZIP)} bytes: ${budgets.wasmGzipBytes.pass ? 'PASS' : 'FAIL'}`);
  }

  // ---- agreement
  console.log(`\ncorpus self-check: ajv matches the intended labels on ${texts.length - labelMismatch.length}/${texts.length} docs`);
  if (labelMismatch.length) {
    console.log(`  (a mismatch here is a corpus or schema bug, not a validator difference) first: ${labelMismatch.slice(0, 10).map((x) => `#${x.i}`).join(' ')}`);
  }
  if (agreement) {
    console.log(`agreement ours vs ajv on valid/invalid: ${texts.length - agreement.disagreements}/${texts.length}; ` +
      `disagreements ${agreement.disagreements} (only ours invalid ${agreement.oursOnlyInvalid}, only ajv invalid ${agreement.ajvOnlyInvalid})`);
    const rows = Object.entries(agreement.byLabel).sort((a, b) => b[1] - a[1]);
    if (rows.length) {
      console.log('  by intended defect:');
      for (const [k, v] of rows.slice(0, 25)) console.log(`    ${lpad(v, 5)}  ${k}`);
      if (rows.length > 25) console.log(`    ... ${rows.length - 25} more`);
    }
    const rules = Object.entries(agreement.oursRules).sort((a, b) => b[1] - a[1]);
    if (rules.length) {
      console.log('  our error rules on docs ajv accepts:');
      for (const [k, v] of rules.slice(0, 15)) console.log(`    ${lpad(v, 5)}  ${k}`);
    }
    if (opt.verbose) for (const i of agreement.docs.slice(0, opt.show)) printDoc(i, corpus, verdicts, peers);
    else if (agreement.disagreements) console.log('  (run with --verbose to see the first disagreeing documents)');
  } else if (opt.verbose) {
    for (const x of labelMismatch.slice(0, opt.show)) printDoc(x.i, corpus, verdicts, peers);
  }

  // ---- JSON
  const report = {
    benchmark: 'server-json-validate',
    date: new Date().toISOString(),
    node: process.version,
    machine,
    cpus: os.cpus().length,
    corpus: { docs: texts.length, bytes, invalid: intendedInvalid, seed: opt.seed },
    rounds: opt.rounds,
    warmupPasses: warmPasses,
    results: results.map(({ name, id, reference, docsPerSec, mbPerSec, medianMs, minMs, maxMs, roundsMs, invalid }) =>
      ({ name, id, reference, docsPerSec, mbPerSec, medianMs, minMs, maxMs, roundsMs, invalid })),
    ratio,
    wasm,
    glue,
    budgets,
    agreement: agreement && {
      docs: texts.length,
      disagreements: agreement.disagreements,
      oursOnlyInvalid: agreement.oursOnlyInvalid,
      ajvOnlyInvalid: agreement.ajvOnlyInvalid,
      byLabel: agreement.byLabel,
      oursRulesOnAjvValid: agreement.oursRules,
      firstDocs: agreement.docs.slice(0, 20),
    },
    corpusSelfCheck: { mismatches: labelMismatch.length },
    elapsedMs: Date.now() - t0,
  };
  fs.mkdirSync(path.dirname(opt.out), { recursive: true });
  fs.writeFileSync(opt.out, JSON.stringify(report, null, 2) + '\n');
  console.log(`\nwrote ${path.relative(process.cwd(), opt.out) || opt.out} (${fmtNum((Date.now() - t0) / 1000, 1)} s)`);
  if (sink === -1) console.log(''); // never true; reads the sink

  if (opt.check && Object.values(budgets).some((b) => !b.pass)) {
    console.error('bench: a budget was missed (see above)');
    process.exit(1);
  }
}

main().catch((e) => { console.error(e && e.stack ? e.stack : e); process.exit(1); });
