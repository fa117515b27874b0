// Shared by the ui-*.test.mjs suites: serve the built site (scripts/serve.mjs,
// the strict headers) and drive Debian's Chromium with playwright-core.
//
// Environment: SITE_ROOT (default dist/site, built by scripts/build or
// scripts/lib/assemble-site.sh), CHROMIUM_PATH (default /usr/bin/chromium).

import assert from 'node:assert/strict';
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { parse as parseJsonc } from 'jsonc-parser';
import { parse as parseToml } from 'smol-toml';
import { parse as parseYaml } from 'yaml';
import { startServer } from '../../scripts/serve.mjs';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const SITE_ROOT = process.env.SITE_ROOT ? path.resolve(process.env.SITE_ROOT) : path.join(repoRoot, 'dist', 'site');
export const SHOTS = path.join(repoRoot, 'build', 'test-artifacts', 'screenshots');
const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run'];
export const TIMEOUT = 60_000;

export const CLIENT_IDS = ['claude-desktop', 'claude-code', 'cursor', 'vscode', 'windsurf', 'zed', 'codex',
  'gemini-cli', 'continue', 'goose', 'cline', 'lm-studio'];
export const DEPLOY_IDS = ['dockerfile', 'compose', 'package-json', 'env-example'];
export const FORMAT = {
  'claude-desktop': 'json', 'claude-code': 'json', cursor: 'json', vscode: 'jsonc', windsurf: 'json', zed: 'jsonc',
  codex: 'toml', 'gemini-cli': 'json', continue: 'yaml', goose: 'yaml', cline: 'json', 'lm-studio': 'json',
  dockerfile: 'text', compose: 'yaml', 'package-json': 'json', 'env-example': 'text',
};

/** Parse an output as its client reads it; throws on a syntax error. */
export function parseOutput(id, text) {
  switch (FORMAT[id]) {
    case 'json': return JSON.parse(text);
    case 'jsonc': {
      const errors = [];
      const value = parseJsonc(text, errors, { allowTrailingComma: true });
      if (errors.length) throw new SyntaxError(`${id}: JSONC errors ${JSON.stringify(errors)}`);
      return value;
    }
    case 'toml': return parseToml(text);
    case 'yaml': return parseYaml(text);
    default: return text;
  }
}

/** Start the server and the browser for one suite (call in before()). */
export async function startSite() {
  for (const f of ['index.html', 'favicon.svg']) {
    if (!existsSync(path.join(SITE_ROOT, f))) throw new Error(`${SITE_ROOT} lacks ${f}: build the site first (scripts/build).`);
  }
  if (!existsSync(CHROMIUM_PATH)) throw new Error(`No Chromium at ${CHROMIUM_PATH}: apt-get install -y chromium.`);
  const server = await startServer({ root: SITE_ROOT, port: 0, host: '127.0.0.1' });
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true, timeout: TIMEOUT });
  return {
    server,
    browser,
    async close() {
      await browser.close().catch(() => {});
      await server.close();
    },
  };
}

/**
 * A fresh context and page that record everything the checks need: console
 * messages, page errors, dialogs, CSP violations, every request.
 */
export async function openPage(site, { width = 1280, height = 900, colorScheme = 'light', permissions = [] } = {}) {
  const context = await site.browser.newContext({ viewport: { width, height }, colorScheme, serviceWorkers: 'block', acceptDownloads: true });
  if (permissions.length) await context.grantPermissions(permissions, { origin: new URL(site.server.url).origin });
  await context.addInitScript(() => {
    const seen = [];
    Object.defineProperty(window, '__cspViolations', { value: seen });
    document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.effectiveDirective} ${e.blockedURI} ${e.sample}`));
  });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  const log = { console: [], errors: [], pageErrors: [], dialogs: [], requests: [] };
  page.on('console', (m) => {
    log.console.push(`${m.type()}: ${m.text()}`);
    // The suites block service workers (their precache would be requests
    // after load); Playwright says so on the console.
    if (/Service Worker registration blocked by Playwright/.test(m.text())) return;
    if (m.type() === 'error' || m.type() === 'warning') log.errors.push(`${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => log.pageErrors.push(String(e?.stack ?? e)));
  page.on('dialog', (d) => {
    log.dialogs.push(d.message());
    d.dismiss().catch(() => {});
  });
  context.on('request', (r) => log.requests.push({ url: r.url(), method: r.method() }));
  return { context, page, log };
}

/** Open the site (optionally at a route) and wait for the core. */
export async function load(site, page, hash = '') {
  await page.goto(new URL(hash, site.server.url).href, { waitUntil: 'load', timeout: TIMEOUT });
  await page.waitForSelector('body:not([data-status="loading"])', { state: 'attached', timeout: TIMEOUT });
  assert.equal(await page.getAttribute('body', 'data-status'), 'ready', await page.textContent('#load-error'));
}

/** No error, warning, violation, dialog or request to another origin. */
export async function assertClean(site, page, log) {
  const violations = await page.evaluate(() => window.__cspViolations.slice());
  assert.deepEqual(violations, [], `CSP / Trusted Types violations\n${log.console.join('\n')}`);
  assert.deepEqual(log.errors, [], 'console errors or warnings');
  assert.deepEqual(log.pageErrors, [], 'uncaught page errors');
  assert.deepEqual(log.dialogs, [], 'dialogs');
  const origin = new URL(site.server.url).origin;
  const elsewhere = log.requests.filter((r) => !r.url.startsWith('blob:') && new URL(r.url).origin !== origin);
  assert.deepEqual(elsewhere, [], 'requests to another origin');
}

/** Select catalog servers by clicking their cards' Add buttons. */
export async function addServers(page, ids) {
  for (const id of ids) {
    const button = page.locator(`#cards > li[data-id="${id}"] button.add`);
    await button.scrollIntoViewIfNeeded();
    await button.click();
    await page.locator(`#configs > section[data-server="${id}"]`).waitFor();
  }
}

export const output = (page, id) => page.locator(`[data-output="${id}"]`).textContent();

/** Wait until the output of `id` satisfies `check(text)`. */
export async function waitForOutput(page, id, check, what = 'the expected text') {
  const deadline = Date.now() + 10_000;
  let text = '';
  while (Date.now() < deadline) {
    text = await output(page, id);
    if (check(text)) return text;
    await page.waitForTimeout(25);
  }
  assert.fail(`[data-output="${id}"] never showed ${what}; it holds:\n${text}`);
}

/** Save a screenshot under build/test-artifacts/screenshots/. */
export async function screenshot(page, name, fullPage = false) {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage });
}

/** Where both request logs stand now: what Playwright saw, what reached the server. */
export const requestMark = (site, log) => ({ page: log.requests.length, server: site.server.requests.length });

/**
 * The page's requests since `mark` that went past the browser's cache.
 * Chromium asks for the tab icon again on every same-document navigation
 * (a hash route); the icon is content-addressed under assets/ and cached
 * for a year, so the browser's cache answers, but Playwright still reports
 * the ask as a request. A same-origin request the server never received
 * (its own log, site.server.requests) was such a cache hit and is left out;
 * everything else is listed.
 */
export function requestsSince(site, log, mark) {
  const origin = new URL(site.server.url).origin;
  const reached = site.server.requests.slice(mark.server).map((r) => `${r.method} ${r.url}`);
  return log.requests.slice(mark.page).filter((r) => {
    const u = new URL(r.url);
    if (u.protocol === 'blob:' || u.origin !== origin) return u.protocol !== 'blob:';
    const i = reached.indexOf(`${r.method} ${u.pathname}${u.search}`);
    if (i === -1) return false;
    reached.splice(i, 1);
    return true;
  });
}

export const HOSTILE = '<img src=x onerror="window.__pwned=1">';
