#!/usr/bin/env node
// Writes the dependency inventory (CycloneDX 1.5 JSON) of what the build
// used: the pinned RE2 source with its checksums, the Debian packages the
// build compiles against or with (nlohmann/json, GoogleTest, Emscripten and
// the toolchain), the npm package's own runtime dependencies (none today)
// and the npm dev tooling from package-lock.json with its integrity hashes.
//
//   node scripts/lib/sbom.mjs [OUT]   (default dist/sbom.cdx.json)
//
// The output is reproducible: the timestamp is the commit's (or
// SOURCE_DATE_EPOCH), and the serial number is derived from the content.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const out = process.argv[2] ?? join(ROOT, 'dist', 'sbom.cdx.json');

const run = (cmd, args) => {
  try {
    return execFileSync(cmd, args, { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return '';
  }
};

// ---- RE2: the pins live in fetch-re2.sh, the one place they are checked ----
const fetchRe2 = readFileSync(join(ROOT, 'scripts/lib/fetch-re2.sh'), 'utf8');
const pin = (name) => {
  const m = new RegExp(`^readonly ${name}='?([^'\\n]+)'?$`, 'm').exec(fetchRe2);
  if (!m) throw new Error(`scripts/lib/fetch-re2.sh has no ${name}`);
  return m[1];
};
const re2Version = pin('VERSION');
const re2Sha256 = pin('SHA256');
const re2Sha512 = Buffer.from(pin('INTEGRITY').replace(/^sha512-/, ''), 'base64').toString('hex');

// ---- Debian packages --------------------------------------------------------
const debVersion = (pkg) => run('dpkg-query', ['-W', '-f=${Version}', pkg]) || null;
const deb = (pkg, description, scope, { properties = [] } = {}) => {
  const version = debVersion(pkg);
  const c = {
    type: 'library',
    'bom-ref': `deb:${pkg}`,
    name: pkg,
    ...(version ? { version, purl: `pkg:deb/debian/${pkg}@${encodeURIComponent(version)}` } : {}),
    description,
    scope,
    properties: [
      { name: 'mcp-builder:source', value: 'Debian package (apt-get), checked by apt against the signed archive' },
      ...(version ? [] : [{ name: 'mcp-builder:installed', value: 'no (not present where this SBOM was made)' }]),
      ...properties,
    ],
  };
  return c;
};

// ---- npm ---------------------------------------------------------------------
const hashesOf = (integrity) => {
  if (!integrity) return [];
  return integrity.split(/\s+/).map((entry) => {
    const [alg, b64] = entry.split('-', 2);
    const name = { sha512: 'SHA-512', sha384: 'SHA-384', sha256: 'SHA-256', sha1: 'SHA-1' }[alg];
    return name ? { alg: name, content: Buffer.from(b64, 'base64').toString('hex') } : null;
  }).filter(Boolean);
};
const npmPurl = (name, version) => {
  const [scope, base] = name.startsWith('@') ? name.split('/') : [null, name];
  return `pkg:npm/${scope ? `${encodeURIComponent(scope)}/` : ''}${base}@${version}`;
};

const pkg = JSON.parse(readFileSync(join(ROOT, 'wasm/package.json'), 'utf8'));
const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8'));
const npmComponents = [];
const seen = new Set();
for (const [path, entry] of Object.entries(lock.packages ?? {})) {
  if (!path.startsWith('node_modules/') || entry.link) continue;
  const name = entry.name ?? path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length);
  const ref = npmPurl(name, entry.version);
  if (seen.has(ref)) continue; // the same version nested twice is one component
  seen.add(ref);
  npmComponents.push({
    type: 'library',
    'bom-ref': ref,
    name,
    version: entry.version,
    purl: ref,
    scope: 'excluded', // dev tooling: tests and benchmarks, not shipped
    hashes: hashesOf(entry.integrity),
    ...(entry.license ? { licenses: [{ expression: entry.license }] } : {}),
    ...(entry.resolved ? { externalReferences: [{ type: 'distribution', url: entry.resolved }] } : {}),
    properties: [{ name: 'mcp-builder:lockfile', value: `package-lock.json ${path}` }],
  });
}
const runtimeDeps = Object.keys(pkg.dependencies ?? {});

const emccVersion = run('emcc', ['--version']).split('\n')[0] || null;
const components = [
  {
    type: 'library',
    'bom-ref': `pkg:npm/re2@${re2Version}#vendor/re2`,
    name: 're2',
    group: 'google',
    version: re2Version,
    purl: `pkg:npm/re2@${re2Version}`,
    description: 'RE2 regular-expression library, Abseil-free source from the npm package re2 (vendor/), compiled into the native and wasm builds',
    scope: 'required',
    hashes: [{ alg: 'SHA-256', content: re2Sha256 }, { alg: 'SHA-512', content: re2Sha512 }],
    licenses: [{ license: { id: 'BSD-3-Clause' } }],
    externalReferences: [{ type: 'distribution', url: `https://registry.npmjs.org/re2/-/re2-${re2Version}.tgz` }],
    properties: [{ name: 'mcp-builder:verified-by', value: 'scripts/lib/fetch-re2.sh (sha256 and npm sha512 integrity)' }],
  },
  deb('nlohmann-json3-dev', 'nlohmann/json, header-only JSON library compiled into the core (native and wasm)', 'required'),
  deb('emscripten', 'Emscripten compiler toolchain that builds the wasm modules', 'excluded',
    { properties: emccVersion ? [{ name: 'mcp-builder:emcc-version', value: emccVersion }] : [] }),
  deb('binaryen', 'Binaryen wasm optimizer, used by Emscripten', 'excluded'),
  deb('libgtest-dev', 'GoogleTest, the C++ unit test framework (tests only)', 'excluded'),
  deb('libbenchmark-dev', 'Google Benchmark (scripts/bench only)', 'excluded'),
  deb('g++-12', 'GCC C++ compiler for the native build', 'excluded'),
  deb('clang-14', 'Clang, for the fuzzing build and static analysis', 'excluded'),
  ...npmComponents,
];

const metadataRef = npmPurl(pkg.name, pkg.version);
const commit = run('git', ['rev-parse', 'HEAD']);
const epoch = process.env.SOURCE_DATE_EPOCH ?? run('git', ['log', '-1', '--format=%ct']);
const timestamp = new Date(epoch ? Number(epoch) * 1000 : Date.now()).toISOString().replace(/\.\d{3}Z$/, 'Z');

const bom = {
  bomFormat: 'CycloneDX',
  specVersion: '1.5',
  version: 1,
  metadata: {
    timestamp,
    tools: { components: [{ type: 'application', name: 'scripts/lib/sbom.mjs', group: 'mcp-server-builder' }] },
    component: {
      type: 'library',
      'bom-ref': metadataRef,
      name: pkg.name,
      version: pkg.version,
      purl: metadataRef,
      description: pkg.description,
      licenses: [{ license: { id: pkg.license } }],
      properties: [
        ...(commit ? [{ name: 'mcp-builder:commit', value: commit }] : []),
        { name: 'mcp-builder:npm-runtime-dependencies', value: runtimeDeps.length ? runtimeDeps.join(', ') : 'none' },
      ],
    },
  },
  components,
  dependencies: [
    // The shipped package: the C++ libraries compiled into it, and its npm
    // runtime dependencies (none). Build and test tools are not dependencies.
    { ref: metadataRef, dependsOn: [components[0]['bom-ref'], 'deb:nlohmann-json3-dev', ...runtimeDeps.map((d) => npmPurl(d, pkg.dependencies[d]))] },
  ],
};
const body = JSON.stringify(bom);
const h = createHash('sha256').update(body).digest('hex');
bom.serialNumber = `urn:uuid:${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${((parseInt(h[16], 16) & 3) | 8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
const ordered = { bomFormat: bom.bomFormat, specVersion: bom.specVersion, serialNumber: bom.serialNumber, ...bom };

mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, `${JSON.stringify(ordered, null, 2)}\n`);
process.stderr.write(`SBOM: ${components.length} components (${npmComponents.length} npm dev packages) -> ${out}\n`);
