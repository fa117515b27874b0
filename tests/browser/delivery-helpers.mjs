// Shared by tests/browser/delivery-*.test.mjs (not a test file itself):
// Chromium with the project's flags, a page that records what went wrong,
// copies of the built site to tamper with, and Debian's nginx serving a
// site as an unprivileged process on a free loopback port.

import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { chownSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { nginxServerBlock } from '../../scripts/lib/site-headers.mjs';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const SITE_ROOT = process.env.SITE_ROOT ? path.resolve(process.env.SITE_ROOT) : path.join(repoRoot, 'dist', 'site');
export const SINGLE_FILE = path.join(repoRoot, 'dist', 'mcp-builder.html');
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
export const NGINX_PATH = process.env.NGINX_PATH || '/usr/sbin/nginx';
export const TEST_TIMEOUT = 60_000;
export const STEP_TIMEOUT = 15_000;

/** The built site must exist: say how to make it rather than fail obscurely. */
export function requireBuiltSite() {
  const missing = ['index.html', 'sw.js', '_headers', 'assets'].filter((f) => !existsSync(path.join(SITE_ROOT, f)));
  if (missing.length || !existsSync(SINGLE_FILE)) {
    throw new Error(`The built site is incomplete (${[...missing, ...(existsSync(SINGLE_FILE) ? [] : [SINGLE_FILE])].join(', ')} missing): run scripts/build or bash scripts/lib/assemble-site.sh.`);
  }
  if (!existsSync(CHROMIUM_PATH)) throw new Error(`No Chromium at ${CHROMIUM_PATH}: apt-get install -y chromium (or set CHROMIUM_PATH).`);
}

export function launchChromium() {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    timeout: TEST_TIMEOUT,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

/** The asset of dist/site whose name starts with `prefix` (e.g. "app."). */
export function assetName(root, prefix, ext) {
  const found = readdirSync(path.join(root, 'assets')).filter((f) => f.startsWith(prefix) && f.endsWith(ext));
  assert.equal(found.length, 1, `exactly one assets/${prefix}*${ext} in ${root}: ${found.join(', ')}`);
  return `assets/${found[0]}`;
}

/** A page with everything recorded: console, page errors, CSP violations, requests. */
export async function openPage(browser, contextOptions = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...contextOptions });
  await context.addInitScript(() => {
    const seen = [];
    Object.defineProperty(window, '__cspViolations', { value: seen });
    document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.effectiveDirective} ${e.blockedURI}`));
  });
  const page = await context.newPage();
  page.setDefaultTimeout(STEP_TIMEOUT);
  const log = { console: [], errors: [], pageErrors: [], requests: [], failed: [] };
  page.on('console', (m) => {
    log.console.push(`${m.type()}: ${m.text()}`);
    if (m.type() === 'error') log.errors.push(m.text());
  });
  page.on('pageerror', (err) => log.pageErrors.push(String(err?.stack ?? err)));
  context.on('request', (r) => log.requests.push(r.url()));
  context.on('requestfailed', (r) => log.failed.push(`${r.url()} ${r.failure()?.errorText}`));
  return { context, page, log };
}

export const consoleText = (log) => `\nconsole:\n  ${log.console.join('\n  ')}\npage errors:\n  ${log.pageErrors.join('\n  ')}`;

/** Wait for body[data-status] to leave "loading"; returns it. */
export async function waitForStatus(page, timeout = STEP_TIMEOUT) {
  await page.waitForSelector('body:not([data-status="loading"])', { state: 'attached', timeout });
  return page.getAttribute('body', 'data-status');
}

/** Select a catalog server by its card and return the output text of `client`. */
export async function selectServer(page, id) {
  await page.click(`#cards > li[data-id="${id}"] button.add`);
  await page.waitForSelector(`#configs > section[data-server="${id}"]`, { state: 'attached' });
}

export async function outputText(page, client) {
  return page.locator(`[data-output="${client}"]`).textContent();
}

/** A private copy of the built site (to tamper with). */
export function copySite() {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'mcp-site-'));
  cpSync(SITE_ROOT, dir, { recursive: true });
  return dir;
}

/**
 * A valid WebAssembly custom section (id 0, named "evil"): appended to a
 * module it still compiles and runs, so only the integrity check can be
 * what refuses the file.
 */
export const WASM_CUSTOM_SECTION = Buffer.from([0x00, 0x05, 0x04, 0x65, 0x76, 0x69, 0x6c]);

export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/**
 * Debian's nginx serving a copy of `siteRoot` with the generated server
 * block, from a temporary prefix, on a free 127.0.0.1 port, in the
 * foreground. Run as root (the test machines), it drops to nobody first
 * (setpriv), so no nginx process ever has root's privileges.
 */
export async function startNginx(siteRoot = SITE_ROOT) {
  if (!existsSync(NGINX_PATH)) throw new Error(`No nginx at ${NGINX_PATH}: apt-get install -y nginx (scripts/test installs it).`);
  const prefix = mkdtempSync(path.join(os.tmpdir(), 'mcp-nginx-'));
  const root = path.join(prefix, 'site');
  cpSync(siteRoot, root, { recursive: true });
  for (const dir of ['logs', 'tmp/body', 'tmp/proxy', 'tmp/fastcgi', 'tmp/uwsgi', 'tmp/scgi']) mkdirSync(path.join(prefix, dir), { recursive: true });
  const port = await freePort();
  writeFileSync(path.join(prefix, 'server.conf'), nginxServerBlock({ listen: `127.0.0.1:${port}`, root }));
  writeFileSync(path.join(prefix, 'nginx.conf'), `# Test harness around the generated server block.
daemon off;
worker_processes 1;
pid ${prefix}/nginx.pid;
error_log ${prefix}/logs/error.log warn;
events { worker_connections 64; }
http {
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log off;
    client_body_temp_path ${prefix}/tmp/body;
    proxy_temp_path ${prefix}/tmp/proxy;
    fastcgi_temp_path ${prefix}/tmp/fastcgi;
    uwsgi_temp_path ${prefix}/tmp/uwsgi;
    scgi_temp_path ${prefix}/tmp/scgi;
    include ${prefix}/server.conf;
}
`);
  const command = [NGINX_PATH, '-p', prefix, '-c', path.join(prefix, 'nginx.conf'), '-e', path.join(prefix, 'logs', 'error.log')];
  let argv = command;
  if (process.getuid?.() === 0) {
    chownTree(prefix, 65534, 65534);
    argv = ['setpriv', '--reuid=65534', '--regid=65534', '--clear-groups', '--', ...command];
  }
  const child = spawn(argv[0], argv.slice(1), { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d) => { stderr += d; });
  const exited = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
  const url = `http://127.0.0.1:${port}/`;
  const deadline = Date.now() + 10_000;
  for (;;) {
    const done = await Promise.race([exited.then((code) => ({ code })), fetch(url).then(() => 'up', () => null)]);
    if (done === 'up') break;
    if (done && typeof done === 'object') {
      const errorLog = existsSync(path.join(prefix, 'logs', 'error.log')) ? readFileSync(path.join(prefix, 'logs', 'error.log'), 'utf8') : '';
      throw new Error(`nginx exited (${done.code}): ${stderr}${errorLog}`);
    }
    if (Date.now() > deadline) throw new Error(`nginx did not answer on ${url}: ${stderr}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    root,
    pid: child.pid, // setpriv execs nginx: the same process, nginx's master
    async close() {
      child.kill('SIGTERM');
      await exited;
      rmSync(prefix, { recursive: true, force: true });
    },
  };
}

function chownTree(dir, uid, gid) {
  chownSync(dir, uid, gid);
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) chownTree(p, uid, gid);
    else chownSync(p, uid, gid);
  }
}

/** _headers as { pattern: { name: value } }. */
export function parseNetlifyHeaders(text) {
  const rules = {};
  let current = null;
  for (const line of text.split('\n')) {
    if (!line.trim() || line.startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      current = rules[line.trim()] ??= {};
    } else {
      const at = line.indexOf(':');
      current[line.slice(0, at).trim()] = line.slice(at + 1).trim();
    }
  }
  return rules;
}

/** nginx.conf add_header lines per location, as { location: { name: value } }. */
export function parseNginxHeaders(text) {
  const out = {};
  let location = null;
  for (const line of text.split('\n')) {
    const loc = line.match(/^\s*location\s+(.+?)\s*\{/);
    if (loc) location = out[loc[1]] = {};
    const header = line.match(/^\s*add_header\s+(\S+)\s+"((?:[^"\\]|\\.)*)"\s+always;/);
    if (header) {
      assert.ok(location, `add_header outside a location: ${line}`);
      location[header[1]] = header[2].replace(/\\(.)/g, '$1');
    }
  }
  return out;
}
