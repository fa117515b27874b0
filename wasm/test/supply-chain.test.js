// Supply chain: the SBOM that scripts/build writes (scripts/lib/sbom.mjs)
// is valid CycloneDX 1.5 and lists what it must, with the pinned hashes;
// the release's site manifest (scripts/lib/site-manifest.sh) covers every
// file and catches a changed, added or removed one.
import test from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { ROOT, run, tempDir } from './helpers.js';

const tmp = tempDir('mcp-builder-supply-');

function makeSbom(env = {}) {
  const out = join(tmp, `sbom-${Math.random().toString(36).slice(2)}.json`);
  const r = run(process.execPath, [join(ROOT, 'scripts/lib/sbom.mjs'), out], { env: { ...process.env, ...env } });
  assert.equal(r.status, 0, r.stderr);
  return JSON.parse(readFileSync(out, 'utf8'));
}

test('SBOM: CycloneDX 1.5 structure, unique refs, every dependency resolvable', () => {
  const bom = makeSbom();
  assert.equal(bom.bomFormat, 'CycloneDX');
  assert.equal(bom.specVersion, '1.5');
  assert.equal(bom.version, 1);
  assert.match(bom.serialNumber, /^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-[1-5][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  assert.match(bom.metadata.timestamp, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
  const pkg = JSON.parse(readFileSync(join(ROOT, 'wasm/package.json'), 'utf8'));
  assert.deepEqual([bom.metadata.component.name, bom.metadata.component.version], [pkg.name, pkg.version]);
  const refs = new Set();
  for (const c of bom.components) {
    assert.ok(['library', 'application', 'framework'].includes(c.type), c.name);
    assert.equal(typeof c.name, 'string');
    assert.ok(c['bom-ref'] && !refs.has(c['bom-ref']), `bom-ref unique: ${c['bom-ref']}`);
    refs.add(c['bom-ref']);
    assert.ok(['required', 'optional', 'excluded'].includes(c.scope), c.name);
    if (c.purl) assert.match(c.purl, /^pkg:(npm|deb)\//);
    for (const h of c.hashes ?? []) {
      assert.ok(['SHA-256', 'SHA-384', 'SHA-512', 'SHA-1'].includes(h.alg));
      assert.match(h.content, { 'SHA-256': /^[0-9a-f]{64}$/, 'SHA-384': /^[0-9a-f]{96}$/, 'SHA-512': /^[0-9a-f]{128}$/, 'SHA-1': /^[0-9a-f]{40}$/ }[h.alg]);
    }
  }
  refs.add(bom.metadata.component['bom-ref']);
  for (const d of bom.dependencies) {
    assert.ok(refs.has(d.ref), d.ref);
    for (const on of d.dependsOn) assert.ok(refs.has(on), `dependsOn ${on} is a component`);
  }
});

test('SBOM: RE2 with the hashes fetch-re2.sh pins; the C++ and toolchain packages; npm tooling from the lockfile', () => {
  const bom = makeSbom();
  const byName = (n) => bom.components.filter((c) => c.name === n);
  const script = readFileSync(join(ROOT, 'scripts/lib/fetch-re2.sh'), 'utf8');
  const sha256 = /^readonly SHA256='([0-9a-f]{64})'$/m.exec(script)[1];
  const integrity = /^readonly INTEGRITY='sha512-([^']+)'$/m.exec(script)[1];
  const [re2] = byName('re2');
  assert.equal(re2.scope, 'required');
  assert.equal(re2.version, /^readonly VERSION=(\S+)$/m.exec(script)[1]);
  assert.deepEqual(re2.hashes, [
    { alg: 'SHA-256', content: sha256 },
    { alg: 'SHA-512', content: Buffer.from(integrity, 'base64').toString('hex') },
  ]);
  for (const name of ['nlohmann-json3-dev', 'libgtest-dev', 'emscripten']) {
    const [c] = byName(name);
    assert.ok(c, name);
    // Installed here (the build needs them): the version is dpkg's.
    const r = run('dpkg-query', ['-W', '-f=${Version}', name]);
    if (r.status === 0) assert.equal(c.version, r.stdout, name);
  }
  assert.equal(byName('nlohmann-json3-dev')[0].scope, 'required');
  assert.equal(byName('libgtest-dev')[0].scope, 'excluded');

  // Every package of the root lockfile, with its integrity as a hash.
  const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8'));
  for (const [path, entry] of Object.entries(lock.packages)) {
    if (!path.startsWith('node_modules/') || entry.link) continue;
    const name = path.slice(path.lastIndexOf('node_modules/') + 13);
    const c = bom.components.find((x) => x.name === name && x.version === entry.version);
    assert.ok(c, `${name}@${entry.version} is listed`);
    assert.equal(c.scope, 'excluded', `${name} is dev tooling, not shipped`);
    if (entry.integrity?.startsWith('sha512-')) {
      assert.deepEqual(c.hashes[0], { alg: 'SHA-512', content: Buffer.from(entry.integrity.slice(7), 'base64').toString('hex') });
    }
  }
  // The published package has no npm runtime dependencies; the SBOM says so.
  const pkg = JSON.parse(readFileSync(join(ROOT, 'wasm/package.json'), 'utf8'));
  assert.deepEqual(Object.keys(pkg.dependencies ?? {}), []);
  assert.deepEqual(bom.metadata.component.properties.find((p) => p.name === 'mcp-builder:npm-runtime-dependencies').value, 'none');
});

test('SBOM: reproducible for a given SOURCE_DATE_EPOCH', () => {
  const a = makeSbom({ SOURCE_DATE_EPOCH: '1700000000' });
  const b = makeSbom({ SOURCE_DATE_EPOCH: '1700000000' });
  assert.deepEqual(a, b);
  assert.equal(a.metadata.timestamp, '2023-11-14T22:13:20Z');
});

test('site manifest: every file with its SHA-256; sha256sum -c catches any change', () => {
  const site = join(tmp, 'site');
  mkdirSync(join(site, 'assets', 'deep'), { recursive: true });
  const files = { 'index.html': '<!doctype html>', 'assets/app.js': 'x()', 'assets/deep/a b.wasm': Buffer.from([0, 97, 115, 109]), '_headers': '/*\n  X: y\n' };
  for (const [f, body] of Object.entries(files)) writeFileSync(join(site, f), body);
  const script = join(ROOT, 'scripts/lib/site-manifest.sh');
  const r = run('bash', [script, site]);
  assert.equal(r.status, 0, r.stderr);
  const manifest = readFileSync(join(site, 'SHA256SUMS'), 'utf8');
  const expected = Object.keys(files).sort().map((f) => `${createHash('sha256').update(files[f]).digest('hex')}  ${f}`);
  assert.deepEqual(manifest.trimEnd().split('\n'), expected);
  const check = () => run('sha256sum', ['-c', '--strict', 'SHA256SUMS'], { cwd: site });
  assert.equal(check().status, 0);
  // Changed, then removed: both caught.
  writeFileSync(join(site, 'assets/app.js'), 'evil()');
  assert.notEqual(check().status, 0);
  rmSync(join(site, 'assets/app.js'));
  assert.notEqual(check().status, 0);
  // Regenerated: an added file is listed (and the manifest never lists itself).
  writeFileSync(join(site, 'added.txt'), 'new');
  assert.equal(run('bash', [script, site]).status, 0);
  const again = readFileSync(join(site, 'SHA256SUMS'), 'utf8');
  assert.match(again, /  added\.txt$/m);
  assert.doesNotMatch(again, /SHA256SUMS/);
  assert.equal(check().status, 0);
  // Refusals: no directory; a file name that could forge a manifest line.
  assert.notEqual(run('bash', [script, join(tmp, 'missing')]).status, 0);
  writeFileSync(join(site, 'evil\nname'), 'x');
  const forged = run('bash', [script, site]);
  assert.notEqual(forged.status, 0);
  assert.match(forged.stderr, /line break/);
});

// SECURITY.md is part of the product: the tests it cites must exist, and
// its header block must be the policy the site ships.
test('SECURITY.md: every cited file and test case exists; the header block is the shipped policy', async () => {
  const doc = readFileSync(join(ROOT, 'SECURITY.md'), 'utf8');
  const rows = doc.split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('| feature') && !l.startsWith('|---'));
  let cited = 0;
  for (const row of rows) {
    const cell = row.split(' | ').at(-1);
    // `path` optionally followed by (`Case`, `Case`, …)
    for (const m of cell.matchAll(/`((?:tests|wasm|scripts|\.github)\/[^`]+)`(?: \(([^)]*)\))?/g)) {
      const path = join(ROOT, m[1]);
      let text;
      try { text = readFileSync(path, 'utf8'); } catch { assert.fail(`SECURITY.md cites ${m[1]}, which does not exist`); }
      cited++;
      for (const name of (m[2] ?? '').matchAll(/`([^`]+)`/g)) {
        const needle = name[1].replace(/^…\s*|\s*…$|\/\*$/g, '').replace(/^[A-Za-z]+\./, '');
        assert.ok(text.includes(needle), `SECURITY.md cites ${name[1]} in ${m[1]}, which has no such test`);
        cited++;
      }
    }
  }
  assert.ok(cited > 30, `only ${cited} citations found: the table format changed?`);
  const { SECURITY_HEADERS } = await import(join(ROOT, 'scripts/lib/site-headers.mjs'));
  const block = /The policy is:\n\n  ```\n([\s\S]*?)\n  ```/.exec(doc)[1].split('\n').map((l) => l.trim());
  assert.deepEqual(block, Object.entries(SECURITY_HEADERS).map(([k, v]) => `${k}: ${v}`));
});
