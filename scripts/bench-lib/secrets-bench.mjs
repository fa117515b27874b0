// Secret scanning: our wasm scanner against secretlint, recall and speed.
//
// DESIGN.md budget: "Secret scanning of config-like text in wasm: at least 20
// times the throughput of `secretlint` with its recommended preset on the same
// corpus in the same run."
//
// Both peers do the same job, "text in, findings out", on the same labelled
// corpus (secrets-corpus.mjs) in the same process:
//   ours:       mcp.scanSecrets(text)                       (wasm/src/index.js)
//   secretlint: await lintSource({source, options: {config, maskSecrets: true}})
//               from @secretlint/core with the rules of
//               @secretlint/secretlint-rule-preset-recommend (its defaults), the
//               config object built once before timing; each call still
//               registers the rules, as every lintSource call does.
// Secrets are masked in both outputs (secretlint's CLI masks by default; ours
// always does).
//
// Accuracy: a planted token counts as found when a finding overlaps its range
// (ours reports UTF-8 byte ranges, secretlint UTF-16 ranges; the corpus labels
// both). Precision = findings overlapping a planted token / all findings.
// A finding that overlaps no planted token is a false positive: on a decoy,
// or elsewhere.
//
// Speed, two shapes of the same bytes, median round reported:
//   documents: every document is one call (a few thousand of ~1 KB)
//   blobs:     the documents concatenated into --blob-kb texts (default 256 KB:
//              under our scanner's 1000-findings-per-call cap)
// Each peer is timed in a process of its own (this script with --time-peer),
// twice, in ABBA order over the processes: untimed warm-up passes, then
// back-to-back rounds with no forced GC, so each peer pays for its own
// garbage as it would in use and for nobody else's. Timed side by side in
// one process with a GC before each round, secretlint ran 1.5-2x slower:
// the forced collection of its heap left sweeping work that landed in the
// next timed round, its own or ours.
//
// Usage: node --expose-gc scripts/bench-lib/secrets-bench.mjs [--mb N] [--rounds N]
//          [--warmup N] [--seed S] [--blob-kb N] [--verbose] [--show N]
//          [--out PATH] [--wasm PATH] [--peer-only] [--check]
//        (--time-peer ID: the child that times one peer; see timePeer)
// (normally through scripts/bench, after bench.mjs). Merges its figures into
// the results file under "secrets".

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { spawnSync } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { generateSecretsCorpus, ALL_TYPES, DEFAULT_SEED, DEFAULT_BYTES } from './secrets-corpus.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '..', '..');
const require = createRequire(import.meta.url);

const BUDGET_RATIO = 20; // DESIGN.md: at least 20x secretlint
const OUR_FINDINGS_CAP = 1000; // secrets::kMaxFindings

// ----------------------------------------------------------------- flags ----
function parseArgs(argv) {
  const o = { mb: DEFAULT_BYTES / 1e6, rounds: 5, warmup: 2, seed: DEFAULT_SEED, blobKb: 256, verbose: false, show: 8,
    out: path.join(ROOT, 'dist', 'bench', 'results.json'), peerOnly: false, check: false, timePeer: null,
    wasm: path.join(ROOT, 'wasm', 'src', 'index.js') };
  const num = (flag, v, min) => {
    const n = Number(v);
    if (!Number.isFinite(n) || n < min) usage(`${flag} needs a number >= ${min}, got ${JSON.stringify(v)}`);
    return n;
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const val = () => { if (i + 1 >= argv.length) usage(`${a} needs a value`); return argv[++i]; };
    switch (a) {
      case '--mb': o.mb = num(a, val(), 0.01); break;
      case '--rounds': o.rounds = Math.round(num(a, val(), 1)); break;
      case '--warmup': o.warmup = Math.round(num(a, val(), 0)); break;
      case '--seed': o.seed = Math.round(num(a, val(), 0)); break;
      case '--blob-kb': o.blobKb = Math.round(num(a, val(), 1)); break;
      case '--show': o.show = Math.round(num(a, val(), 0)); break;
      case '--out': o.out = path.resolve(val()); break;
      case '--wasm': o.wasm = path.resolve(val()); break;
      case '--verbose': case '-v': o.verbose = true; break;
      case '--peer-only': o.peerOnly = true; break;
      case '--check': o.check = true; break;
      case '--time-peer': o.timePeer = val(); break;
      case '--help': case '-h': usage(null); break;
      default: usage(`unknown argument ${a}`);
    }
  }
  return o;
}

function usage(err) {
  const text = `usage: node --expose-gc scripts/bench-lib/secrets-bench.mjs [--mb N] [--rounds N] [--warmup N] [--seed S]
                    [--blob-kb N] [--verbose] [--show N] [--out PATH] [--wasm PATH] [--peer-only] [--check]
  --mb N        corpus size in MB (10^6 bytes, default ${DEFAULT_BYTES / 1e6})
  --rounds N    timed rounds per peer and shape, in two processes per peer (default 5)
  --warmup N    untimed passes per peer, shape and process before timing (default 2)
  --seed S      corpus seed (default ${DEFAULT_SEED})
  --blob-kb N   size of the concatenated texts of the "blobs" shape (default 256)
  --verbose     list every miss and false positive (default: the first --show N of each)
  --show N      how many misses / false positives to list per tool (default 8)
  --out PATH    JSON results, merged under "secrets" (default dist/bench/results.json)
  --wasm PATH   the facade to measure (default wasm/src/index.js; for comparing builds)
  --peer-only   secretlint alone (no wasm needed)
  --check       exit 1 when the throughput budget (>= ${BUDGET_RATIO}x secretlint) is missed`;
  if (err) { console.error(`secrets-bench: ${err}\n${text}`); process.exit(2); }
  console.log(text); process.exit(0);
}

// ----------------------------------------------------------------- peers ----
// The facade of wasm/ (or --wasm PATH: another build's src/index.js).
// scanSecrets lives in the lint module (init({ lint: true })); builds
// without one have it on the core module.
async function loadOurs(entry) {
  const { init } = await import(pathToFileURL(entry).href);
  const errors = [];
  for (const options of [{ lint: true }, {}]) {
    try {
      const mcp = await init(options);
      if (typeof mcp.scanSecrets === 'function') return { mcp, options, errors };
      errors.push(`init(${JSON.stringify(options)}): no scanSecrets`);
    } catch (e) {
      errors.push(`init(${JSON.stringify(options)}): ${e.message.split('\n')[0]}`);
    }
  }
  return { mcp: null, options: null, errors };
}

async function makeOurPeer(entry) {
  const { mcp, options, errors } = await loadOurs(entry);
  if (!mcp) {
    console.error(`secrets-bench: no scanSecrets in ${path.relative(ROOT, entry)} (${errors.join('; ')}); ` +
      'build the wasm first (scripts/build), or pass --peer-only.');
    process.exit(2);
  }
  if (errors.length) console.log(`(ours: using init(${JSON.stringify(options)}); ${errors.join('; ')})`);
  return {
    id: 'mcp-builder', name: `mcp-builder ${mcp.version} scanSecrets (wasm)`, unit: 'byte', async: false,
    scan: (text) => mcp.scanSecrets(text),
    count: (res) => res.length,
    findings: (res) => res.map((f) => ({ start: f.offset, end: f.offset + Math.max(1, f.length), rule: f.rule.replace(/^secret\//, ''), masked: f.masked })),
  };
}

async function makeSecretlintPeer() {
  const { lintSource } = await import('@secretlint/core');
  // The secretlint CLI turns its profiler off unless --profile is given
  // (secretlint/module/cli.js); left on, every call adds performance marks.
  const { secretLintProfiler } = await import('@secretlint/profiler');
  secretLintProfiler.setEnabled(false);
  const { creator } = await import('@secretlint/secretlint-rule-preset-recommend');
  const config = { rules: [{ id: '@secretlint/secretlint-rule-preset-recommend', rule: creator }] };
  const version = require('@secretlint/core/package.json').version;
  const presetVersion = require('@secretlint/secretlint-rule-preset-recommend/package.json').version;
  return {
    id: 'secretlint', name: `secretlint ${version} + preset-recommend ${presetVersion}`, unit: 'char', async: true,
    // ext and path as the file would have: some rules look at them (gcp: .json, npm: .npmrc).
    scan: (text, doc) => lintSource({
      source: { content: text, filePath: doc.filePath, ext: doc.ext, contentType: 'text' },
      options: { config, maskSecrets: true },
    }),
    count: (res) => res.messages.length,
    findings: (res) => res.messages.map((m) => ({ start: m.range[0], end: Math.max(m.range[1], m.range[0] + 1),
      rule: m.ruleId.replace(/^@secretlint\/secretlint-rule-/, ''), masked: m.message })),
  };
}

// ----------------------------------------------------------- measurement ----
let sink = 0;

async function pass(peer, items) {
  const t0 = process.hrtime.bigint();
  if (peer.async) {
    for (let i = 0; i < items.length; i++) sink += peer.count(await peer.scan(items[i].text, items[i]));
  } else {
    for (let i = 0; i < items.length; i++) sink += peer.count(peer.scan(items[i].text, items[i]));
  }
  return Number(process.hrtime.bigint() - t0) / 1e6;
}

// The child: times one peer on both shapes and prints {documents, blobs}
// (ms per round) as JSON on stdout.
async function timePeer(opt, shapes) {
  const peer = opt.timePeer === 'mcp-builder' ? await makeOurPeer(opt.wasm)
    : opt.timePeer === 'secretlint' ? await makeSecretlintPeer() : usage(`--time-peer: unknown peer ${opt.timePeer}`);
  const times = {};
  for (const [shape, items] of shapes) {
    for (let i = 0; i < opt.warmup; i++) await pass(peer, items);
    times[shape] = [];
    for (let i = 0; i < opt.rounds; i++) times[shape].push(await pass(peer, items));
  }
  process.stdout.write(`${JSON.stringify(times)}\n`);
}

// Every round of each peer, from two child processes per peer run in ABBA
// order (the first with the rounds' larger half).
function measure(opt, peerIds) {
  const order = [...peerIds.map((id) => [id, Math.ceil(opt.rounds / 2)]),
    ...peerIds.slice().reverse().map((id) => [id, Math.floor(opt.rounds / 2)])];
  const times = Object.fromEntries(peerIds.map((id) => [id, { documents: [], blobs: [] }]));
  for (const [id, rounds] of order) {
    if (rounds === 0) continue;
    const args = [...process.execArgv, fileURLToPath(import.meta.url), '--time-peer', id, '--rounds', String(rounds),
      '--warmup', String(opt.warmup), '--mb', String(opt.mb), '--seed', String(opt.seed), '--blob-kb', String(opt.blobKb),
      '--wasm', opt.wasm];
    const child = spawnSync(process.execPath, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 1 << 24 });
    if (child.status !== 0) {
      console.error(`secrets-bench: timing ${id} failed (exit ${child.status ?? child.signal})`);
      process.exit(2);
    }
    const got = JSON.parse(child.stdout.trim().split('\n').pop());
    for (const shape of ['documents', 'blobs']) times[id][shape].push(...got[shape]);
  }
  return times;
}

const median = (xs) => {
  const s = xs.slice().sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

// ------------------------------------------------------------- accuracy ----
const overlaps = (f, l) => f.start < l.end && l.start < f.end;

// Documents concatenated (with a line break) into texts of about blobBytes,
// labels shifted (docStart/docEnd: the document's range in the blob).
function makeBlobs(docs, blobBytes) {
  const blobs = [];
  let cur = null;
  for (const d of docs) {
    if (!cur || cur.bytes >= blobBytes) {
      cur = { parts: [], chars: 0, bytes: 0, planted: [], decoys: [] };
      blobs.push(cur);
    }
    const shift = (l) => ({ ...l, start: l.start + cur.chars, end: l.end + cur.chars,
      byteStart: l.byteStart + cur.bytes, byteEnd: l.byteEnd + cur.bytes, doc: d.index,
      docStart: cur.chars, docEnd: cur.chars + d.text.length });
    cur.planted.push(...d.planted.map(shift));
    cur.decoys.push(...d.decoys.map(shift));
    cur.parts.push(d.text, '\n');
    cur.chars += d.text.length + 1;
    cur.bytes += d.byteLength + 1;
  }
  return blobs.map((b, i) => ({ index: i, text: b.parts.join(''), byteLength: b.bytes, planted: b.planted, decoys: b.decoys,
    filePath: `corpus/blob-${i}.txt`, ext: '.txt' }));
}

// UTF-8 byte offsets of `text` -> UTF-16 offsets (ours reports bytes).
function byteToChar(text) {
  if (Buffer.byteLength(text) === text.length) return (b) => b;
  const map = new Uint32Array(Buffer.byteLength(text) + 1);
  let b = 0;
  for (let c = 0; c < text.length; c++) {
    const cp = text.codePointAt(c);
    const n = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    for (let k = 0; k < n; k++) map[b + k] = c;
    b += n;
    if (cp >= 0x10000) c++;
  }
  map[b] = text.length;
  return (x) => map[Math.min(x, b)];
}

// Where a finding may lie and still name a planted token: the lines the
// token's value is on (a tool may report the key and value, or a whole URL),
// or for a service-account file the whole file (secretlint's gcp rule
// reports the file). A finding that overlaps a token but runs past that
// region is "oversized": it does not count as finding the token, and it is a
// false positive (it reports text that is not that secret).
function regionOf(text, p) {
  if (p.type === 'gcp-service-account') return { start: p.docStart ?? 0, end: p.docEnd ?? text.length };
  const ls = text.lastIndexOf('\n', p.start - 1) + 1;
  let le = text.indexOf('\n', p.end);
  if (le < 0) le = text.length;
  return { start: ls, end: le };
}

// Scores one peer's findings on labelled items (ranges compared in UTF-16
// code units; ours' byte ranges are converted first).
function score(peer, items, results) {
  const s = { planted: 0, found: 0, findings: 0, tp: 0, fpOversized: 0, fpDecoy: 0, fpOther: 0, decoys: 0, decoysReported: 0,
    perType: {}, rulesByType: {}, misses: [], fps: [], capped: 0 };
  items.forEach((item, i) => {
    const raw = peer.findings(results[i]);
    if (peer.id === 'mcp-builder' && raw.length >= OUR_FINDINGS_CAP) s.capped++;
    const conv = peer.unit === 'byte' ? byteToChar(item.text) : (x) => x;
    const fs_ = raw.map((f) => ({ ...f, start: conv(f.start), end: Math.max(conv(f.end), conv(f.start) + 1) }));
    const planted = item.planted.map((p) => ({ ...p, region: regionOf(item.text, p) }));
    s.planted += planted.length;
    s.decoys += item.decoys.length;
    s.findings += fs_.length;
    const names = (f, p) => overlaps(f, p) && f.start >= p.region.start && f.end <= p.region.end;
    for (const p of planted) {
      const t = (s.perType[p.type] ??= { planted: 0, found: 0 });
      t.planted++;
      const hits = fs_.filter((f) => names(f, p));
      if (hits.length) {
        t.found++;
        s.found++;
        const rules = (s.rulesByType[p.type] ??= {});
        for (const h of hits) rules[h.rule] = (rules[h.rule] ?? 0) + 1;
      } else {
        const big = fs_.find((f) => overlaps(f, p));
        s.misses.push({ type: p.type, item: item.index, shape: shapeOf(item.text.slice(p.start, p.end)),
          context: contextOf(item.text, p.start, p.end), swallowedBy: big ? `${big.rule} (${big.end - big.start} chars)` : null });
      }
    }
    for (const f of fs_) {
      if (planted.some((p) => names(f, p))) { s.tp++; continue; }
      const d = item.decoys.find((x) => overlaps(f, x));
      const oversized = planted.some((p) => overlaps(f, p));
      if (oversized) s.fpOversized++; else if (d) s.fpDecoy++; else s.fpOther++;
      const what = oversized ? 'oversized' : d ? 'decoy' : 'other';
      const end = Math.min(f.end, f.start + 160);
      s.fps.push({ rule: f.rule, what, decoy: d ? d.kind : null, item: item.index, length: f.end - f.start,
        shape: shapeOf(item.text.slice(f.start, end)) + (end < f.end ? `…(${f.end - f.start} chars in all)` : ''),
        context: contextOf(item.text, f.start, f.end) });
    }
    for (const d of item.decoys) if (fs_.some((f) => overlaps(f, d) && !planted.some((p) => names(f, p)))) s.decoysReported++;
  });
  s.recall = s.planted ? s.found / s.planted : 0;
  s.precision = s.findings ? s.tp / s.findings : 1;
  return s;
}

// The shape of a value without its characters: "glpat-" + classes and run
// lengths, e.g. "glpat-[Aa9_-]{33}.[9]{2}.[a9]{9}". PEM blocks: header, the
// first 4 characters of the body, body length.
function shapeOf(v) {
  const pemm = /^(-----BEGIN [A-Z0-9 ]+-----)((?:\\n|[\s\S])*?)(-----END [A-Z0-9 ]+-----)/.exec(v);
  if (pemm) {
    const body = pemm[2].replace(/\\n|\s/g, '');
    return `${pemm[1]} ${body.slice(0, 4)}…(${body.length} body chars) ${pemm[3]}`;
  }
  const m = /^([a-z]{2,}[_-](?:[a-z0-9]+[_-])?|[A-Z]{2,4}|[a-z]{2,4}\.|SG\.)/.exec(v);
  const prefix = m && v.length > m[0].length + 6 ? m[0] : '';
  let out = prefix;
  const rest = v.slice(prefix.length);
  const re = /[A-Za-z0-9_+/=-]+|[^A-Za-z0-9_+/=-]+/g;
  let mm;
  while ((mm = re.exec(rest))) {
    const run = mm[0];
    if (!/[A-Za-z0-9]/.test(run)) { out += run.length > 12 ? `${run.slice(0, 12)}…` : run; continue; }
    let cls = '';
    if (/[A-Z]/.test(run)) cls += 'A';
    if (/[a-z]/.test(run)) cls += 'a';
    if (/[0-9]/.test(run)) cls += '9';
    for (const c of '_-+/=') if (run.includes(c)) cls += c;
    out += `[${cls}]{${run.length}}`;
  }
  return out;
}

function contextOf(text, cs, ce) {
  const before = text.slice(Math.max(0, cs - 28), cs).replace(/\n/g, '⏎');
  const after = text.slice(ce, ce + 10).replace(/\n/g, '⏎');
  return `${before}«${ce - cs} chars»${after}`;
}

// ---------------------------------------------------------------- output ----
const fmtInt = (n) => Math.round(n).toLocaleString('en-US');
const fmtNum = (n, d = 1) => n.toLocaleString('en-US', { minimumFractionDigits: d, maximumFractionDigits: d });
const pct = (n) => `${fmtNum(100 * n, 1)}%`;
const pad = (s, n) => String(s).padEnd(n);
const lpad = (s, n) => String(s).padStart(n);

// ------------------------------------------------------------------ main ----
async function main() {
  const opt = parseArgs(process.argv.slice(2));
  const t0 = Date.now();
  const docs = generateSecretsCorpus({ bytes: Math.round(opt.mb * 1e6), seed: opt.seed }).map((d, i) => ({
    ...d, index: i, byteLength: Buffer.byteLength(d.text), filePath: `corpus/${i}/${d.path}`,
  }));
  const bytes = docs.reduce((n, d) => n + d.byteLength, 0);
  const blobs = makeBlobs(docs, opt.blobKb * 1024);
  if (opt.timePeer) return timePeer(opt, [['documents', docs], ['blobs', blobs]]);
  const planted = docs.reduce((n, d) => n + d.planted.length, 0);
  const decoys = docs.reduce((n, d) => n + d.decoys.length, 0);

  const peers = [];
  if (!opt.peerOnly) peers.push(await makeOurPeer(opt.wasm));
  peers.push(await makeSecretlintPeer());

  // ---- accuracy (untimed)
  const acc = {};
  for (const p of peers) {
    const docRes = [];
    for (const d of docs) docRes.push(p.async ? await p.scan(d.text, d) : p.scan(d.text, d));
    const blobRes = [];
    for (const b of blobs) blobRes.push(p.async ? await p.scan(b.text, b) : p.scan(b.text, b));
    acc[p.id] = { docs: score(p, docs, docRes), blobs: score(p, blobs, blobRes) };
  }

  // ---- speed
  const times = measure(opt, peers.map((p) => p.id));
  const speed = {};
  for (const [shape, items] of [['documents', docs], ['blobs', blobs]]) {
    speed[shape] = peers.map((p) => {
      const rounds = times[p.id][shape];
      const med = median(rounds);
      return { id: p.id, name: p.name, calls: items.length, medianMs: med, minMs: Math.min(...rounds), maxMs: Math.max(...rounds),
        roundsMs: rounds, mbPerSec: bytes / 1e6 / (med / 1000) };
    });
  }
  const ratioOf = (shape) => (opt.peerOnly ? null : speed[shape][0].mbPerSec / speed[shape][1].mbPerSec);
  const ratio = { documents: ratioOf('documents'), blobs: ratioOf('blobs') };

  // ---- tables
  const machine = os.cpus()[0]?.model?.trim() || 'unknown';
  const claimed = (type, id) => (id === 'mcp-builder' ? type.ours : type.secretlint);
  const shared = ALL_TYPES.filter((x) => x.ours && x.secretlint).map((x) => x.id);
  const recallOn = (s, ids) => {
    let n = 0, f = 0;
    for (const id of ids) { n += s.perType[id]?.planted ?? 0; f += s.perType[id]?.found ?? 0; }
    return { planted: n, found: f, recall: n ? f / n : 0 };
  };
  console.log(`\nsecret scanning, text in -> findings out (config-like text: MCP client JSON/JSONC, TOML, YAML, .env, .npmrc, service-account JSON)`);
  console.log(`corpus: ${fmtInt(docs.length)} docs, ${fmtNum(bytes / 1e6, 2)} MB, ${fmtInt(planted)} planted tokens of ${ALL_TYPES.length} types ` +
    `(${shared.length} claimed by both tools), ${fmtInt(decoys)} decoys, seed ${opt.seed}; blobs: ${blobs.length} x ~${opt.blobKb} KB`);
  console.log(`node ${process.version}, ${machine}, each peer timed in two processes of its own (ABBA), ` +
    `${opt.warmup} warm-up passes each, ${opt.rounds} rounds per peer and shape in all, no forced GC, median\n`);

  const summary = {};
  console.log(`${pad('accuracy (one call per document)', 44)}${lpad('recall', 9)}${lpad('recall', 9)}${lpad('recall', 9)}${lpad('precis.', 9)}${lpad('findings', 10)}${lpad('FP', 6)}${lpad('FP', 6)}${lpad('FP', 6)}${lpad('decoys', 11)}`);
  console.log(`${pad('', 44)}${lpad('shared', 9)}${lpad('claimed', 9)}${lpad('all', 9)}${pad('', 19)}${lpad('decoy', 6)}${lpad('over', 6)}${lpad('other', 6)}${lpad('reported', 11)}`);
  for (const p of peers) {
    const s = acc[p.id].docs;
    const sh = recallOn(s, shared);
    const own = recallOn(s, ALL_TYPES.filter((x) => claimed(x, p.id)).map((x) => x.id));
    summary[p.id] = { shared: sh, claimed: own, all: { planted: s.planted, found: s.found, recall: s.recall }, precision: s.precision,
      findings: s.findings, truePositives: s.tp, falsePositivesOnDecoys: s.fpDecoy, falsePositivesOversized: s.fpOversized,
      falsePositivesElsewhere: s.fpOther,
      decoys: s.decoys, decoysReported: s.decoysReported };
    console.log(`${pad(p.name, 44)}${lpad(pct(sh.recall), 9)}${lpad(pct(own.recall), 9)}${lpad(pct(s.recall), 9)}${lpad(pct(s.precision), 9)}` +
      `${lpad(fmtInt(s.findings), 10)}${lpad(s.fpDecoy, 6)}${lpad(s.fpOversized, 6)}${lpad(s.fpOther, 6)}${lpad(`${s.decoysReported}/${s.decoys}`, 11)}`);
  }
  console.log('  recall: planted tokens found / planted, on the types both tools claim (shared), the types this tool claims, and all.');
  console.log('  A finding names a token when it overlaps it and stays on its lines. FP: findings naming no token, on a decoy,');
  console.log('  "over" (oversized: overlapping a token but running past its lines), or elsewhere.');
  for (const p of peers) {
    const s = acc[p.id].blobs;
    console.log(`  same bytes as ${blobs.length} blobs, ${p.id}: recall ${pct(s.recall)} (${s.found}/${s.planted}), precision ${pct(s.precision)}, ` +
      `FP decoy ${s.fpDecoy}, oversized ${s.fpOversized}, other ${s.fpOther}${s.capped ? `, ${s.capped} blob(s) at the ${OUR_FINDINGS_CAP}-findings cap` : ''}`);
  }

  // per-type table
  console.log(`\n${pad('planted type', 30)}${lpad('n', 5)}  ${pad('ours (rule claimed)', 34)}${pad('secretlint (rule claimed)', 32)}`);
  const perType = [];
  for (const type of ALL_TYPES) {
    const row = { type: type.id, oursRule: type.ours, secretlintRule: type.secretlint, planted: 0 };
    let line = '';
    for (const p of [{ id: 'mcp-builder' }, { id: 'secretlint' }]) {
      const s = acc[p.id]?.docs;
      const t = s?.perType[type.id] ?? { planted: 0, found: 0 };
      row.planted = Math.max(row.planted, t.planted);
      const c = claimed(type, p.id);
      row[p.id] = s ? { found: t.found, recall: t.planted ? t.found / t.planted : 0, rules: s.rulesByType[type.id] ?? {} } : null;
      const cell = s ? `${lpad(`${t.found}/${t.planted}`, 8)} ${lpad(pct(t.planted ? t.found / t.planted : 0), 6)} ${c ? '' : '(not claimed)'}` : '-';
      line += pad(cell, p.id === 'mcp-builder' ? 34 : 32);
    }
    perType.push(row);
    console.log(`${pad(type.id, 30)}${lpad(row.planted, 5)}  ${line}`);
  }

  // tokens of a type a tool does not claim, found by one of its other rules
  const stray = [];
  for (const row of perType) {
    for (const id of ['mcp-builder', 'secretlint']) {
      const type = ALL_TYPES.find((x) => x.id === row.type);
      if (row[id] && !claimed(type, id) && row[id].found) {
        stray.push(`${id} found ${row[id].found} ${row.type} with ${Object.entries(row[id].rules).map(([k, v]) => `${k} x${v}`).join(', ')}`);
      }
    }
  }
  if (stray.length) console.log(`  (not claimed but found: ${stray.join('; ')})`);

  // misses and false positives
  const listed = (arr) => (opt.verbose ? arr : arr.slice(0, opt.show));
  const group = (arr, keyFn) => {
    const m = new Map();
    for (const x of arr) { const k = keyFn(x); if (!m.has(k)) m.set(k, []); m.get(k).push(x); }
    return [...m.entries()].sort((a, b) => b[1].length - a[1].length);
  };
  const oursReport = { missesOnClaimedTypes: [], falsePositives: [] };
  for (const p of peers) {
    const s = acc[p.id].docs;
    const claimedMisses = s.misses.filter((m) => claimed(ALL_TYPES.find((x) => x.id === m.type), p.id));
    console.log(`\n${p.id}: ${claimedMisses.length} misses on types it claims, ${s.fps.length} false positives`);
    for (const [type, ms] of group(claimedMisses, (m) => m.type)) {
      const shapes = group(ms, (m) => m.shape.replace(/\{\d+\}/g, '{n}'));
      console.log(`  miss ${type}: ${ms.length}/${s.perType[type].planted}`);
      for (const [, xs] of listed(shapes)) {
        const sw = xs.filter((x) => x.swallowedBy).length;
        console.log(`      ${xs.length} x ${xs[0].shape}   e.g. doc #${xs[0].item}: ${xs[0].context}` +
          `${sw ? `   [${sw} inside an oversized finding, e.g. ${xs.find((x) => x.swallowedBy).swallowedBy}]` : ''}`);
      }
      if (p.id === 'mcp-builder') {
        oursReport.missesOnClaimedTypes.push({ type, missed: ms.length, planted: s.perType[type].planted,
          insideOversizedFinding: ms.filter((m) => m.swallowedBy).length,
          shapes: shapes.map(([, xs]) => ({ count: xs.length, shape: xs[0].shape, example: xs[0].context, doc: xs[0].item })) });
      }
    }
    const fpKey = (f) => `${f.rule} ${f.what === 'oversized' ? 'oversized (runs past the token it overlaps' + (f.decoy ? `, starts on decoy "${f.decoy}")` : ')')
      : f.what === 'decoy' ? `on decoy "${f.decoy}"` : 'on unlabelled text'}`;
    for (const [k, fps] of group(s.fps, fpKey)) {
      console.log(`  FP ${k}: ${fps.length}`);
      for (const f of listed(fps).slice(0, opt.verbose ? fps.length : 3)) console.log(`      ${f.shape}   doc #${f.item}: ${f.context}`);
      if (p.id === 'mcp-builder') {
        oursReport.falsePositives.push({ what: k, count: fps.length,
          examples: fps.slice(0, 5).map((f) => ({ shape: f.shape, length: f.length, context: f.context, doc: f.item })) });
      }
    }
  }

  // speed table
  console.log(`\n${pad('throughput', 58)}${lpad('calls', 7)}${lpad('MB/s', 10)}${lpad('median ms', 11)}${lpad('min ms', 10)}`);
  for (const shape of ['documents', 'blobs']) {
    for (const r of speed[shape]) {
      console.log(`${pad(`${r.name} [${shape}]`, 58)}${lpad(fmtInt(r.calls), 7)}${lpad(fmtNum(r.mbPerSec, 2), 10)}${lpad(fmtNum(r.medianMs), 11)}${lpad(fmtNum(r.minMs), 10)}`);
    }
  }
  const budgets = {};
  if (!opt.peerOnly) {
    const worst = Math.min(ratio.documents, ratio.blobs);
    budgets.secretsThroughputRatio = { min: BUDGET_RATIO, actual: worst, documents: ratio.documents, blobs: ratio.blobs, pass: worst >= BUDGET_RATIO };
    console.log(`\nratio ours/secretlint (MB/s): documents ${fmtNum(ratio.documents, 1)}x, blobs ${fmtNum(ratio.blobs, 1)}x   ` +
      `budget >= ${BUDGET_RATIO}x: ${budgets.secretsThroughputRatio.pass ? 'PASS' : 'FAIL'}`);
  }

  // ---- JSON (merged)
  let report = {};
  try { report = JSON.parse(fs.readFileSync(opt.out, 'utf8')); } catch { /* first writer */ }
  report.secrets = {
    benchmark: 'secret-scan',
    date: new Date().toISOString(),
    node: process.version,
    machine,
    corpus: { docs: docs.length, bytes, planted, decoys, types: ALL_TYPES.length, sharedTypes: shared.length, seed: opt.seed,
      blobs: blobs.length, blobKb: opt.blobKb },
    rounds: opt.rounds,
    warmupPasses: opt.warmup,
    accuracy: summary,
    accuracyBlobs: Object.fromEntries(peers.map((p) => [p.id, { recall: acc[p.id].blobs.recall, precision: acc[p.id].blobs.precision,
      falsePositivesOnDecoys: acc[p.id].blobs.fpDecoy, falsePositivesOversized: acc[p.id].blobs.fpOversized,
      falsePositivesElsewhere: acc[p.id].blobs.fpOther }])),
    perType,
    speed,
    ratio,
    budgets,
    ours: opt.peerOnly ? null : oursReport,
    elapsedMs: Date.now() - t0,
  };
  fs.mkdirSync(path.dirname(opt.out), { recursive: true });
  fs.writeFileSync(opt.out, JSON.stringify(report, null, 2) + '\n');
  console.log(`\nmerged "secrets" into ${path.relative(process.cwd(), opt.out) || opt.out} (${fmtNum((Date.now() - t0) / 1000, 1)} s)`);
  if (sink === -1) console.log('');

  if (opt.check && Object.values(budgets).some((b) => !b.pass)) {
    console.error('secrets-bench: the throughput budget was missed (see above)');
    process.exit(1);
  }
}

main().catch((e) => { console.error(e && e.stack ? e.stack : e); process.exit(1); });
