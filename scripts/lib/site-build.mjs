#!/usr/bin/env node
// Builds the deployable site and the single-file page from site/ and the npm
// package (wasm/src/index.js + wasm/dist/):
//
//   dist/site/                 index.html, sw.js, favicon.svg, _headers,
//                              assets/<name>.<hash>.<ext> (content-addressed,
//                              the icon the page names among them)
//   dist/mcp-builder.html      one self-contained file that works from disk
//   dist/site-manifest.json    what was built: files, sizes, SRI hashes
//
//   node scripts/lib/site-build.mjs     (scripts/lib/assemble-site.sh runs it)
//
// What it does and why:
// - The app's modules, the package facade and the core's Emscripten glue are
//   bundled and minified (esbuild) into ONE script, the CSS into one
//   stylesheet, so the first load is index.html + 2 files + icon + wasm +
//   catalog.
// - The Build view's fixed parts (catalog cards, tabs, empty outputs) are
//   prerendered into index.html by site/views.js, run here with the core
//   under Node (see prerender): the first paint is the final layout. The
//   wasm and the catalog are not preloaded: the page fetches them after its
//   first frame (site/app.js startCore), so they do not compete with it.
// - Every script and stylesheet gets a SHA-384 `integrity` attribute; the
//   wasm and catalog fetches get theirs through init({ integrity }), and the
//   lint module's glue (loaded on demand, by import()) through a checked
//   <link rel=modulepreload integrity> first (see lintLoader). A tampered
//   file fails to load.
// - The Lint view's work runs in a module worker (site/lint-worker.js,
//   bundled with the facade and the lint glue into one content-addressed
//   file, bundleWorker); the app learns its name and hash (__LINT_WORKER__)
//   and checks it before starting it (site/lint.js). It is an asset like the
//   others, so sw.js precaches it with its hash.
// - index.html must hold no inline script or style and no style attribute
//   (the CSP has no 'unsafe-inline'); the build refuses one. Its <meta> CSP
//   is set from scripts/lib/site-headers.mjs, like every other header copy.
// - sw.js gets the precache list with the content hashes (site/sw.js).
// - The single file inlines the script and style (allowed by 'sha256-...'
//   hashes in its own <meta> CSP, computed here) and the wasm and catalog as
//   base64 data blocks. It carries only the lint module, a superset of the
//   core, so one wasm serves everything.

import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import process from 'node:process';
import zlib from 'node:zlib';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';
import { ASSETS_DIR, META_CSP, netlifyHeaders } from './site-headers.mjs';
import { FORMATS, TARGETS } from '../../site/common.js';
import { needsOf } from '../../site/inputs.js';
import { cardView, categoryOptions, countText, emptyDetails, panelView, tabView, toHtml } from '../../site/views.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const SITE = path.join(ROOT, 'site');
const FACADE = path.join(ROOT, 'wasm', 'src', 'index.js');
const PKG_DIST = path.join(ROOT, 'wasm', 'dist');
const OUT = path.join(ROOT, 'dist', 'site');
const SINGLE = path.join(ROOT, 'dist', 'mcp-builder.html');

// Browsers with 'wasm-unsafe-eval' (Chrome 97, Firefox 102, Safari 16): the
// CSP needs it, so nothing older can run the site anyway.
const TARGET = ['chrome97', 'firefox102', 'safari16'];

// site/ files that are inputs of the build rather than content to copy.
const NOT_COPIED = new Set(['index.html', 'sw.js', 'sw-register.js', '_headers']);
const NOT_COPIED_DIRS = new Set(['deploy']); // nginx.conf, Dockerfile: delivery, not content
const NOT_COPIED_EXT = new Set(['.js', '.mjs', '.css']); // bundled

const sri = (bytes) => `sha384-${createHash('sha384').update(bytes).digest('base64')}`;
const cspHash = (text) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
const contentName = (name, bytes) => {
  const ext = path.extname(name);
  return `${path.basename(name, ext)}.${createHash('sha256').update(bytes).digest('hex').slice(0, 12)}${ext}`;
};

function fail(message) {
  process.stderr.write(`site-build: ${message}\n`);
  process.exit(1);
}

function read(file) {
  if (!existsSync(file)) fail(`${path.relative(ROOT, file)} is missing (build the wasm first: scripts/build)`);
  return readFileSync(file);
}

/**
 * The Emscripten glue and its wasm must come from the same link: the glue
 * names the module's minified imports and exports. A wasm/dist caught
 * half-way through a rebuild (one file new, the other old) would ship a
 * site that cannot start, so the build refuses it.
 */
function checkGlue(name, glue, wasm) {
  const module = new WebAssembly.Module(wasm);
  const provided = new Set([...(glue.match(/var asmLibraryArg=\{([^}]*)\}/)?.[1] ?? '').matchAll(/"([^"]+)":/g)].map((m) => m[1]));
  const modules = new Set([...(glue.match(/var info=\{([^}]*)\}/)?.[1] ?? '').matchAll(/"([^"]+)":/g)].map((m) => m[1]));
  const exports = new Set(WebAssembly.Module.exports(module).map((e) => e.name));
  const missing = [
    ...WebAssembly.Module.imports(module).filter((i) => !modules.has(i.module) || !provided.has(i.name)).map((i) => `import ${i.module}.${i.name}`),
    ...[...glue.matchAll(/\["asm"\]\["([^"]+)"\]/g)].map((m) => m[1]).filter((e) => !exports.has(e)).map((e) => `export ${e}`),
  ];
  if (missing.length) fail(`wasm/dist/${name}.js and ${name}.wasm are not from the same build (${missing.slice(0, 4).join(', ')}...): rerun scripts/build`);
}

// -------------------------------------------------------------- bundling ----

/**
 * The app imports the package's public entry as './vendor/mcp-server-builder/
 * src/index.js' (or 'mcp-server-builder'); the bundle gets a thin wrapper
 * around the real facade instead, whose init() passes the build's file
 * names and integrity hashes (mode 'site') or the inlined bytes ('single').
 */
function packagePlugin(mode, site) {
  const ns = 'mcp-build';
  return {
    name: 'mcp-package',
    setup(build) {
      build.onResolve({ filter: /(^mcp-server-builder$|(^|\/)vendor\/mcp-server-builder\/src\/index\.js$)/ }, () => ({ path: 'package', namespace: ns }));
      build.onResolve({ filter: /^\.\.\/dist\/mcp-builder(-lint)?\.js$/ }, (args) => {
        if (args.importer !== FACADE) return undefined;
        const lint = args.path.includes('-lint');
        // single: one glue, the lint module's, for both (it is a superset).
        if (mode === 'single') return { path: path.join(PKG_DIST, 'mcp-builder-lint.js') };
        // worker: the lint glue bundled in (checked with the worker's own
        // hash); the core's glue is never used there.
        if (mode === 'worker') return lint ? { path: path.join(PKG_DIST, 'mcp-builder-lint.js') } : { path: 'no-core', namespace: ns };
        return lint ? { path: 'lint-loader', namespace: ns } : { path: path.join(PKG_DIST, 'mcp-builder.js') };
      });
      build.onLoad({ filter: /^package$/, namespace: ns }, () => ({
        resolveDir: ROOT,
        contents: mode === 'single' ? singleWrapper() : siteWrapper(site),
      }));
      build.onLoad({ filter: /^no-core$/, namespace: ns }, () => ({
        contents: "export default function createCoreModule() { throw new Error('the lint worker has only the lint module'); }\n",
      }));
      build.onLoad({ filter: /^lint-loader$/, namespace: ns }, () => ({ resolveDir: ROOT, contents: lintLoader(site) }));
    },
  };
}

function siteWrapper(site) {
  return `// Generated by scripts/lib/site-build.mjs: the package's entry, with this
// build's content-addressed file names and their integrity hashes.
import { init as initPackage } from ${JSON.stringify(FACADE)};
export * from ${JSON.stringify(FACADE)};
const FILES = ${JSON.stringify(site.files)};
const INTEGRITY = ${JSON.stringify(site.integrity)};
const locateFile = (file) => new URL(FILES[file] ?? file, import.meta.url).href;
export function init(options = {}) {
  return initPackage({ integrity: INTEGRITY, locateFile, ...options });
}
export default init;
`;
}

function singleWrapper() {
  return `// Generated by scripts/lib/site-build.mjs: the package's entry for the
// single-file page. The wasm and the catalog are base64 data blocks in the
// page (not executed, so outside the CSP), decoded once; nothing is fetched.
import { init as initPackage } from ${JSON.stringify(FACADE)};
export * from ${JSON.stringify(FACADE)};
const bytes = (id) => {
  const text = atob(document.getElementById(id).textContent.trim());
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) out[i] = text.charCodeAt(i);
  return out;
};
let wasmBinary;
let catalog;
export function init(options = {}) {
  wasmBinary ??= bytes('mcp-builder-wasm');
  catalog ??= new TextDecoder().decode(bytes('mcp-builder-catalog'));
  // The lint module is a superset of the core: one module serves init() and
  // init({ lint: true }) alike.
  return initPackage({ ...options, lint: true, wasmBinary, catalog });
}
export default init;
`;
}

/**
 * The lint module's glue, loaded on demand. import() has no integrity
 * option, so a <link rel=modulepreload integrity> fetches and checks it
 * first and puts it in the document's module map; import() of the same URL
 * then takes that checked module instead of fetching again. A mismatch fires
 * the link's error event and nothing is imported.
 */
function lintLoader(site) {
  return `const url = new URL(${JSON.stringify(site.lintGlue)}, import.meta.url).href;
const integrity = ${JSON.stringify(site.lintGlueIntegrity)};
let checked;
function preload() {
  checked ??= new Promise((resolve, reject) => {
    const link = document.createElement('link');
    link.rel = 'modulepreload';
    link.integrity = integrity;
    link.href = url;
    link.addEventListener('load', resolve, { once: true });
    link.addEventListener('error', () => {
      checked = undefined;
      link.remove();
      reject(new Error('the lint module failed to load or failed its integrity check: ' + url));
    }, { once: true });
    document.head.append(link);
  });
  return checked;
}
export default async function createLintModule(args) {
  await preload();
  return (await import(url)).default(args);
}
`;
}

// What the page's bundle and the lint worker's bundle share: one minified
// ES module held in memory. The facade reads files with node:fs only under
// Node (never in a page), so node:* stays external.
const BUNDLE_OPTIONS = {
  bundle: true,
  format: 'esm',
  minify: true,
  target: TARGET,
  legalComments: 'none',
  charset: 'utf8',
  write: false,
  logLevel: 'silent',
  external: ['node:*'],
};

async function bundleScript(mode, site) {
  const entry = mode === 'site' ? "import './app.js';\nimport './sw-register.js';\n" : "import './app.js';\n";
  const result = await esbuild.build({
    ...BUNDLE_OPTIONS,
    stdin: { contents: entry, resolveDir: SITE, sourcefile: 'entry.js', loader: 'js' },
    plugins: [packagePlugin(mode, site)],
    // The Lint view's worker (site/lint.js): its file and hash; none in the
    // single file, which runs the lint on the page.
    define: { __LINT_WORKER__: mode === 'site' ? JSON.stringify(site.worker) : 'null' },
  }).catch((err) => fail(`bundling the app failed:\n${err.message}`));
  return result.outputFiles[0].text;
}

/**
 * The Lint view's module worker (site/lint-worker.js): the facade, the lint
 * module's glue and the worker's code in ONE content-addressed file, so the
 * one SHA-384 that site/lint.js checks before starting it covers all of it.
 */
async function bundleWorker(site) {
  const result = await esbuild.build({
    ...BUNDLE_OPTIONS,
    entryPoints: [path.join(SITE, 'lint-worker.js')],
    plugins: [packagePlugin('worker', site)],
  }).catch((err) => fail(`bundling site/lint-worker.js failed:\n${err.message}`));
  return result.outputFiles[0].text;
}

async function bundleStyle() {
  const result = await esbuild.build({
    entryPoints: [path.join(SITE, 'style.css')],
    bundle: true,
    minify: true,
    target: TARGET,
    charset: 'utf8',
    write: false,
    logLevel: 'silent',
  }).catch((err) => fail(`bundling the stylesheet failed:\n${err.message}`));
  const css = result.outputFiles[0].text;
  if (/url\(/i.test(css)) fail('style.css uses url(): inline it or extend site-build.mjs (the single file cannot fetch it)');
  return css;
}

async function bundleServiceWorker(manifest) {
  const result = await esbuild.build({
    entryPoints: [path.join(SITE, 'sw.js')],
    bundle: true,
    format: 'iife',
    minify: true,
    target: TARGET,
    legalComments: 'none',
    write: false,
    logLevel: 'silent',
    define: { __SW_MANIFEST__: JSON.stringify(manifest) },
  }).catch((err) => fail(`bundling sw.js failed:\n${err.message}`));
  return result.outputFiles[0].text;
}

// ------------------------------------------------------------------ HTML ----

const TAG = {
  script: /<script\b[^>]*>[\s\S]*?<\/script\s*>/gi,
  stylesheet: /<link\b[^>]*\brel\s*=\s*["']?stylesheet["']?[^>]*>/gi,
  metaCsp: /<meta\b[^>]*http-equiv\s*=\s*["']?Content-Security-Policy["']?[^>]*>/i,
};
const attr = (tag, name) => tag.match(new RegExp(`\\b${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i'))?.slice(1).find((v) => v !== undefined);

/** index.html may not hold what the CSP forbids; the build says so rather than the browser. */
function checkHtml(html) {
  const problems = [];
  for (const tag of html.match(TAG.script) ?? []) {
    const open = tag.slice(0, tag.indexOf('>') + 1);
    if (!attr(open, 'src')) problems.push(`inline <script>: ${open}`);
    else if (!/^\.?\/?app\.js$/.test(attr(open, 'src'))) problems.push(`script other than app.js (import it from app.js so it is bundled): ${open}`);
  }
  if (/<style\b/i.test(html)) problems.push('inline <style> (use style.css)');
  if (/<[a-z][^>]*\sstyle\s*=/i.test(html)) problems.push('style="" attribute (use a class in style.css)');
  if (/<[a-z][^>]*\son[a-z]+\s*=/i.test(html)) problems.push('inline event handler attribute (on...=)');
  for (const tag of html.match(TAG.stylesheet) ?? []) {
    if (!/^\.?\/?style\.css$/.test(attr(tag, 'href') ?? '')) problems.push(`stylesheet other than style.css (@import it from style.css): ${tag}`);
  }
  if (problems.length) fail(`site/index.html breaks the CSP:\n  ${problems.join('\n  ')}`);
}

/**
 * The Build view's fixed parts, prerendered into index.html from the same
 * data and the same functions (site/views.js) the page would use: the
 * catalog cards (summaries from the core itself, run here under Node), the
 * category filter, the count, the output tabs and panels, the empty notice,
 * the core's version. The first paint then shows them at their final size:
 * nothing moves when the core arrives, and the largest paint does not wait
 * for the wasm. site/app.js adopts these elements.
 */
async function prerender(source) {
  const { init } = await import(pathToFileURL(FACADE).href);
  const core = await init();
  const list = core.catalog().map((c) => ({ ...c, needs: needsOf(JSON.parse(core.catalogEntry(c.id))) }));
  const categories = [...new Set(list.map((c) => c.category))].sort();
  const html = (trees) => trees.map(toHtml).join('\n');
  const fills = [
    ['cards', html(list.map(cardView))],
    ['catalog-count', toHtml(countText(list.length, list.length))],
    ['f-category', html(categoryOptions(categories)), 'append'],
    ['tabs', html(TARGETS.map((t, i) => tabView(t, i === 0)))],
    ['panels', html(TARGETS.map((t, i) => panelView(t, FORMATS[t[0]], i === 0)))],
    ['details', toHtml(emptyDetails())],
    ['core-version', toHtml(`Core ${core.version}.`)],
  ];
  let out = source;
  for (const [id, inner, mode] of fills) {
    const open = new RegExp(`<([a-z]+)\\b[^>]*\\sid="${id}"[^>]*>`).exec(out);
    if (!open) fail(`site/index.html has no element with id="${id}" to prerender into`);
    const start = open.index + open[0].length;
    const end = out.indexOf(`</${open[1]}>`, start);
    const existing = out.slice(start, end);
    if (end === -1 || existing.includes(`<${open[1]}`)) fail(`site/index.html: #${id} must hold no nested <${open[1]}>`);
    if (mode !== 'append' && existing.trim()) fail(`site/index.html: #${id} must be empty (the build fills it)`);
    out = `${out.slice(0, start)}${mode === 'append' ? existing : ''}${inner}${out.slice(end)}`;
  }
  return out;
}

const metaCspTag = (policy) => `<meta http-equiv="Content-Security-Policy" content="${policy}">`;

function withMetaCsp(html, policy) {
  if (TAG.metaCsp.test(html)) return html.replace(TAG.metaCsp, metaCspTag(policy));
  // Right after <meta charset>: a policy applies only to what follows it.
  return html.replace(/(<meta\s+charset[^>]*>)/i, `$1\n${metaCspTag(policy)}`);
}

// No <link rel=preload> for the wasm and the catalog: the page is
// prerendered, so they are not needed for its first paint, and a preload
// would share the bandwidth of the stylesheet and the script with 200 KB of
// wasm (and, in Lighthouse's simulation, put that download before the
// largest paint). site/app.js fetches them once the first frame is painted.
function siteHtml(source, script, style) {
  let html = withMetaCsp(source, META_CSP);
  html = html.replace(TAG.script, (tag) => (/\bsrc\s*=\s*["']?\.?\/?app\.js/i.test(tag)
    ? `<script type="module" src="${script.url}" integrity="${script.integrity}"></script>` : tag));
  html = html.replace(TAG.stylesheet, () => `<link rel="stylesheet" href="${style.url}" integrity="${style.integrity}">`);
  return html;
}

/** Every src="rel" / href="rel" of the page pointed at `url` instead. */
function rewriteRefs(html, rel, url) {
  return html.replace(new RegExp(`(\\s(?:src|href)=)(["']?)(?:\\./)?${rel.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\2`, 'g'), `$1"${url}"`);
}

const DATA_TYPES = { '.svg': 'image/svg+xml', '.png': 'image/png', '.ico': 'image/x-icon' };

function singleHtml(source, js, css, wasmB64, catalogB64, images) {
  for (const [what, text] of [['script', js], ['stylesheet', css]]) {
    // Inside <script>/<style> the HTML parser stops at the first "</script"
    // or "</style"; "<!--" changes how it reads a script.
    if (/<\/(script|style)|<!--/i.test(text)) fail(`the bundled ${what} contains </script, </style or <!--: it cannot be inlined`);
  }
  const policy = [
    "default-src 'none'",
    `script-src ${cspHash(js)} 'wasm-unsafe-eval'`,
    `style-src ${cspHash(css)}`,
    // The icon and any other image of the page, inlined as data: URLs.
    "img-src data:",
    "base-uri 'none'",
    "form-action 'none'",
    "require-trusted-types-for 'script'",
    // No service worker here, so no policy at all.
    "trusted-types 'none'",
  ].join('; ');
  let html = withMetaCsp(source, policy);
  // Nothing is fetched from disk: images the page names become data: URLs.
  for (const [rel, bytes] of images) html = rewriteRefs(html, rel, `data:${DATA_TYPES[path.extname(rel)]};base64,${bytes.toString('base64')}`);
  html = html.replace(TAG.script, (tag) => (/\bsrc\s*=\s*["']?\.?\/?app\.js/i.test(tag) ? `<script type="module">${js}</script>` : tag));
  html = html.replace(TAG.stylesheet, () => `<style>${css}</style>`);
  const blocks = `<script type="application/octet-stream" id="mcp-builder-wasm">${wasmB64}</script>\n`
    + `<script type="application/octet-stream" id="mcp-builder-catalog">${catalogB64}</script>\n`;
  html = html.replace(/<\/body>/i, `${blocks}</body>`);
  return { html, policy };
}

// ------------------------------------------------------------------ main ----

function copyStatic(from, to, rel = '') {
  const copied = [];
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    const relPath = rel ? `${rel}/${entry.name}` : entry.name;
    if (entry.name.startsWith('.')) continue;
    if (entry.isDirectory()) {
      if (!rel && NOT_COPIED_DIRS.has(entry.name)) continue;
      mkdirSync(path.join(to, entry.name), { recursive: true });
      copied.push(...copyStatic(path.join(from, entry.name), path.join(to, entry.name), relPath));
    } else if (entry.isFile()) {
      if (!rel && NOT_COPIED.has(entry.name)) continue;
      if (NOT_COPIED_EXT.has(path.extname(entry.name))) continue;
      copyFileSync(path.join(from, entry.name), path.join(to, entry.name));
      copied.push(relPath);
    }
  }
  return copied;
}

async function main() {
  const tmp = `${OUT}.tmp`;
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(path.join(tmp, ASSETS_DIR), { recursive: true });

  const manifest = { files: {}, integrity: {} };
  const asset = (name, bytes) => {
    const file = contentName(name, bytes);
    writeFileSync(path.join(tmp, ASSETS_DIR, file), bytes);
    const entry = { url: `${ASSETS_DIR}/${file}`, integrity: sri(bytes), bytes: bytes.length, gzipBytes: zlib.gzipSync(bytes, { level: 9 }).length };
    manifest.files[name] = entry;
    return entry;
  };

  // The package's files the page fetches (content-addressed).
  const coreWasm = read(path.join(PKG_DIST, 'mcp-builder.wasm'));
  const lintWasm = read(path.join(PKG_DIST, 'mcp-builder-lint.wasm'));
  const catalog = read(path.join(PKG_DIST, 'catalog.json'));
  const lintGlue = read(path.join(PKG_DIST, 'mcp-builder-lint.js'));
  checkGlue('mcp-builder', read(path.join(PKG_DIST, 'mcp-builder.js')).toString('utf8'), coreWasm);
  checkGlue('mcp-builder-lint', lintGlue.toString('utf8'), lintWasm);
  const site = { files: {}, integrity: {} };
  for (const [name, bytes] of [['mcp-builder.wasm', coreWasm], ['mcp-builder-lint.wasm', lintWasm], ['catalog.json', catalog]]) {
    const entry = asset(name, bytes);
    site.files[name] = path.basename(entry.url); // relative to the script, which is in assets/ too
    site.integrity[name] = entry.integrity;
  }
  const glue = asset('mcp-builder-lint.js', lintGlue);
  site.lintGlue = path.basename(glue.url);
  site.lintGlueIntegrity = glue.integrity;
  const worker = asset('lint-worker.js', Buffer.from(await bundleWorker(site)));
  site.worker = { file: path.basename(worker.url), integrity: worker.integrity };

  const raw = readFileSync(path.join(SITE, 'index.html'), 'utf8');
  checkHtml(raw);
  const source = await prerender(raw);
  const [js, css] = await Promise.all([bundleScript('site', site), bundleStyle()]);
  const script = asset('app.js', Buffer.from(js));
  const style = asset('style.css', Buffer.from(css));

  const copied = copyStatic(SITE, tmp);
  // The page's images (the icon) are named by content too: assets/ is cached
  // for a year, so the tab icon Chromium asks for again on every route
  // change comes from the browser's cache, never from the network. The
  // plain name stays beside index.html for anything that asks for it.
  let page = source;
  for (const rel of copied.filter((r) => DATA_TYPES[path.extname(r)] && !r.includes('/'))) {
    page = rewriteRefs(page, rel, asset(rel, readFileSync(path.join(tmp, rel))).url);
  }
  const html = Buffer.from(siteHtml(page, script, style));
  writeFileSync(path.join(tmp, 'index.html'), html);
  manifest.files['index.html'] = { url: 'index.html', integrity: sri(html), bytes: html.length, gzipBytes: zlib.gzipSync(html, { level: 9 }).length };

  // The service worker's precache: the shell (stored under "./", what a
  // navigation asks for), every asset, every static file.
  const precache = [
    { url: './', integrity: sri(html) },
    ...Object.entries(manifest.files).filter(([name]) => name !== 'index.html').map(([, f]) => ({ url: f.url, integrity: f.integrity })),
    ...copied.map((rel) => ({ url: rel, integrity: sri(readFileSync(path.join(tmp, rel))) })),
  ];
  const version = createHash('sha256').update(JSON.stringify(precache)).digest('hex').slice(0, 16);
  writeFileSync(path.join(tmp, 'sw.js'), await bundleServiceWorker({ version, files: precache }));
  manifest.serviceWorker = { version, precache: precache.map((p) => p.url) };

  writeFileSync(path.join(tmp, '_headers'), netlifyHeaders(['/', '/index.html', '/sw.js', ...copied.map((rel) => `/${rel}`)]));

  rmSync(OUT, { recursive: true, force: true });
  renameSync(tmp, OUT);

  // The single file.
  const singleJs = await bundleScript('single', site);
  const images = copied.filter((rel) => DATA_TYPES[path.extname(rel)]).map((rel) => [rel, readFileSync(path.join(OUT, rel))]);
  const single = singleHtml(source, singleJs, css, lintWasm.toString('base64'), catalog.toString('base64'), images);
  writeFileSync(SINGLE, single.html);
  manifest.single = { path: 'dist/mcp-builder.html', bytes: Buffer.byteLength(single.html), gzipBytes: zlib.gzipSync(single.html, { level: 9 }).length, csp: single.policy };
  manifest.metaCsp = META_CSP;
  writeFileSync(path.join(ROOT, 'dist', 'site-manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);

  const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
  const first = ['index.html', 'app.js', 'style.css', 'favicon.svg', 'mcp-builder.wasm', 'catalog.json'].map((n) => manifest.files[n]);
  process.stderr.write(`site: dist/site (first load ${kb(first.reduce((s, f) => s + f.gzipBytes, 0))} gzip -9: `
    + `${first.map((f) => `${path.basename(f.url)} ${kb(f.gzipBytes)}`).join(', ')}); `
    + `dist/mcp-builder.html ${kb(manifest.single.bytes)} (${kb(manifest.single.gzipBytes)} gzip)\n`);
}

main().catch((err) => fail(err.stack ?? String(err)));
