// End-to-end: the built site loads its WebAssembly core in Chromium under the
// strict Content-Security-Policy (header from scripts/serve.mjs plus the page's
// <meta> policy, Trusted Types on), validates as the user types, and renders
// untrusted text as text.
//
//   node --test tests/browser/wasm-csp.test.mjs
//
// Environment:
//   SITE_ROOT      the built site to serve (default: dist/site in the repository,
//                  produced by scripts/build).
//   CHROMIUM_PATH  the browser (default: /usr/bin/chromium, Debian's package).

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { CSP, META_CSP, startServer } from '../../scripts/serve.mjs';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const SITE_ROOT = process.env.SITE_ROOT
  ? path.resolve(process.env.SITE_ROOT)
  : path.join(repoRoot, 'dist', 'site');
const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
const TEST_TIMEOUT = 30_000;
const STEP_TIMEOUT = 10_000;

// scripts/lib/site-build.mjs bundles the app, the package facade and the
// core's glue into one content-addressed script under assets/, beside the
// wasm (assets/<name>.<hash>.<ext>).
const REQUIRED_FILES = [
  'index.html',
  'favicon.svg', // without it Chromium asks for /favicon.ico and logs a 404
  'sw.js',
  'assets',
];
const ASSET = (name, ext) => new RegExp(`/assets/${name}\\.[0-9a-f]{12}\\.${ext}$`);

const HOSTILE = '<img src=x onerror=alert(1)>';

let server;
let browser;

before(async () => {
  const missing = REQUIRED_FILES.filter((f) => !existsSync(path.join(SITE_ROOT, f)));
  if (missing.length) {
    throw new Error(
      `The built site is incomplete: ${SITE_ROOT} lacks ${missing.join(', ')}. `
      + 'Run scripts/build first (or point SITE_ROOT at a built site).',
    );
  }
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`No Chromium at ${CHROMIUM_PATH}: apt-get install -y chromium (or set CHROMIUM_PATH).`);
  }
  server = await startServer({ root: SITE_ROOT, port: 0, host: '127.0.0.1' });
  browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: CHROMIUM_ARGS,
    headless: true,
    timeout: TEST_TIMEOUT,
  });
}, { timeout: 2 * TEST_TIMEOUT });

after(async () => {
  await browser?.close().catch(() => {});
  await server?.close();
});

/**
 * A fresh browser context and page, with everything the checks need recorded:
 * console errors (Chromium reports CSP and Trusted Types violations there
 * too), uncaught page errors, securitypolicyviolation events, dialogs, every
 * request and every response.
 */
async function openPage() {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 900 },
    serviceWorkers: 'block',
  });
  // Runs before any page script. It is injected by the browser's DevTools
  // protocol, so the page's CSP does not apply to it; it uses no HTML sink, so
  // Trusted Types have nothing to say either.
  await context.addInitScript(() => {
    const seen = [];
    Object.defineProperty(window, '__cspViolations', { value: seen });
    document.addEventListener('securitypolicyviolation', (e) => {
      seen.push({
        directive: e.effectiveDirective,
        blockedURI: e.blockedURI,
        sample: e.sample,
        source: `${e.sourceFile}:${e.lineNumber}`,
      });
    });
  });
  const page = await context.newPage();
  page.setDefaultTimeout(STEP_TIMEOUT);
  const log = { console: [], consoleErrors: [], consoleWarnings: [], pageErrors: [], dialogs: [], requests: [], responses: [] };
  page.on('console', (m) => {
    const where = m.location()?.url ? ` (${m.location().url})` : '';
    log.console.push(`${m.type()}: ${m.text()}${where}`);
    if (m.type() === 'error') log.consoleErrors.push(m.text());
    // Emscripten's glue reports problems (e.g. a failed streaming compile,
    // then a slower fallback) with console.warn; Chromium reports header
    // mistakes (an unknown Permissions-Policy feature) as warnings too.
    // Service workers are blocked in these contexts (their precache would
    // blur what the page itself fetches); Playwright says so as a warning.
    if (m.type() === 'warning' && !/Service Worker registration blocked by Playwright/.test(m.text())) log.consoleWarnings.push(m.text());
  });
  page.on('pageerror', (err) => log.pageErrors.push(String(err?.stack ?? err)));
  page.on('dialog', (d) => {
    log.dialogs.push(`${d.type()}: ${d.message()}`);
    d.dismiss().catch(() => {});
  });
  context.on('request', (r) => log.requests.push({ url: r.url(), method: r.method() }));
  context.on('response', (r) => log.responses.push(r));
  return { context, page, log };
}

async function violations(page) {
  return page.evaluate(() => window.__cspViolations.slice());
}

/** No errors of any kind, no violation, no dialog, no request elsewhere. */
async function assertClean(page, log) {
  const seen = await violations(page);
  const context = `\nconsole:\n  ${log.console.join('\n  ')}`;
  const failed = log.responses.filter((r) => r.status() >= 400).map((r) => `${r.status()} ${r.url()}`);
  assert.deepEqual(failed, [], `failed responses${context}`);
  assert.deepEqual(seen, [], `securitypolicyviolation events${context}`);
  assert.deepEqual(log.consoleErrors, [], `console errors${context}`);
  assert.deepEqual(log.consoleWarnings, [], `console warnings${context}`);
  assert.deepEqual(log.pageErrors, [], 'uncaught page errors');
  assert.deepEqual(log.dialogs, [], 'dialogs opened');
  const origin = new URL(server.url).origin;
  const elsewhere = log.requests.filter((r) => new URL(r.url).origin !== origin);
  assert.deepEqual(elsewhere, [], `requests to other origins than ${origin}`);
  const nonGet = log.requests.filter((r) => r.method !== 'GET');
  assert.deepEqual(nonGet, [], 'requests that could carry data out (not GET)');
}

/** Open the site and wait until the core is loaded (or failed to load). */
async function load(page, log) {
  // The server.json validator is the page's Import view (#/import).
  const response = await page.goto(new URL('#/import', server.url).href, { waitUntil: 'load', timeout: TEST_TIMEOUT });
  await page.waitForSelector('body:not([data-status="loading"])', { state: 'attached', timeout: TEST_TIMEOUT });
  const status = await page.getAttribute('body', 'data-status');
  if (status !== 'ready') {
    const message = await page.textContent('#load-error');
    assert.fail(`The page did not load its core (data-status=${status}): ${message}\nconsole:\n  ${log.console.join('\n  ')}`);
  }
  return response;
}

/** Replace the editor's text by typing it, as a user would (live validation). */
async function typeDocument(page, text) {
  await page.click('#source');
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Delete');
  await page.keyboard.type(text);
}

/** Replace the editor's text in one step, as a paste would. */
async function pasteDocument(page, text) {
  await page.fill('#source', text);
}

function diagnosticItem(page, rule) {
  return page.locator(`#diagnostics > li[data-rule="${rule}"]`);
}

/** Wait for a finding of `rule`; on timeout, say what the page did instead. */
async function waitForDiagnostic(page, log, rule) {
  const item = diagnosticItem(page, rule);
  try {
    await item.first().waitFor();
  } catch (err) {
    const shown = await page.locator('#diagnostics > li').evaluateAll((items) => items.map((li) => li.textContent));
    assert.fail(`No ${rule} diagnostic appeared (${err.message.split('\n')[0]}).\n`
      + `status: ${await page.textContent('#result-status')}\n`
      + `diagnostics shown: ${JSON.stringify(shown)}\n`
      + `page errors: ${JSON.stringify(log.pageErrors)}\n`
      + `console:\n  ${log.console.join('\n  ')}`);
  }
  return item;
}

async function withPage(fn) {
  const { context, page, log } = await openPage();
  try {
    await fn(page, log);
  } finally {
    await context.close();
  }
}

describe('site under the strict CSP', () => {
  test('serves the strict headers and loads the wasm core under them', { timeout: TEST_TIMEOUT }, () => withPage(async (page, log) => {
    const response = await load(page, log);

    const headers = response.headers();
    const csp = headers['content-security-policy'];
    assert.equal(csp, CSP);
    const directives = new Map(csp.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name, values]));
    assert.deepEqual(directives.get('script-src'), ["'self'", "'wasm-unsafe-eval'"]);
    assert.deepEqual(directives.get('default-src'), ["'none'"]);
    assert.deepEqual(directives.get('frame-ancestors'), ["'none'"]);
    assert.deepEqual(directives.get('require-trusted-types-for'), ["'script'"]);
    assert.doesNotMatch(csp, /'unsafe-eval'|'unsafe-inline'|\*|data:|blob:|https?:/);
    assert.equal(headers['x-content-type-options'], 'nosniff');
    assert.equal(headers['referrer-policy'], 'no-referrer');
    assert.equal(headers['x-frame-options'], 'DENY');
    assert.equal(headers['cross-origin-opener-policy'], 'same-origin');
    assert.equal(headers['cross-origin-resource-policy'], 'same-origin');
    assert.match(headers['permissions-policy'], /camera=\(\)/);
    assert.match(headers['permissions-policy'], /microphone=\(\)/);
    assert.match(headers['permissions-policy'], /geolocation=\(\)/);
    assert.equal(headers['cache-control'], 'no-cache');
    assert.equal(headers['content-type'], 'text/html; charset=utf-8');

    // The <meta> policy (for hosts that cannot send headers) is the same
    // policy minus frame-ancestors, which a <meta> cannot carry.
    const meta = await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', 'content');
    assert.equal(meta, META_CSP);
    assert.equal(`${meta}; frame-ancestors 'none'`, csp);

    // The core really is WebAssembly, served with the type streaming needs.
    const wasm = log.responses.find((r) => ASSET('mcp-builder', 'wasm').test(r.url()));
    assert.ok(wasm, `the page fetched mcp-builder.wasm; requests: ${log.requests.map((r) => r.url).join(', ')}`);
    assert.equal(wasm.headers()['content-type'], 'application/wasm');
    assert.equal(wasm.headers()['content-security-policy'], CSP);
    const glue = log.responses.find((r) => ASSET('app', 'js').test(r.url()));
    assert.ok(glue, 'the page fetched its script bundle (app + package + glue)');
    assert.match(glue.headers()['content-type'], /^text\/javascript/);

    // The prefilled example is valid and says so.
    assert.equal(await page.getAttribute('#result', 'data-valid'), 'true');
    assert.match(await page.textContent('#result-status'), /^Valid\b/);
    assert.equal(await page.locator('#diagnostics > li[data-severity="error"]').count(), 0);

    await assertClean(page, log);
  }));

  test('the policy is enforced, and the checks above would see a violation', { timeout: TEST_TIMEOUT }, () => withPage(async (page, log) => {
    await load(page, log);
    // DevTools evaluation is exempt from the page's CSP, so the probe runs as
    // a real same-origin module (import() is allowed by script-src 'self' and
    // is no Trusted Types sink). It is answered by the test, not the server.
    const probeUrl = new URL('__csp-probe.mjs', server.url).href;
    await page.route(probeUrl, (route) => route.fulfill({
      status: 200,
      contentType: 'text/javascript',
      body: `const attempt = (fn) => { try { return String(fn()); } catch (e) { return e.name; } };
export const evalResult = attempt(() => eval('1 + 1'));
export const functionResult = attempt(() => new Function('return 2')());
export const innerHTMLResult = attempt(() => { document.createElement('div').innerHTML = '<b>x</b>'; return 'assigned'; });`,
    }));
    const outcome = await page.evaluate(async (url) => {
      const probe = await import(url);
      return { eval: probe.evalResult, fn: probe.functionResult, innerHTML: probe.innerHTMLResult };
    }, probeUrl);
    assert.equal(outcome.eval, 'EvalError', 'eval is blocked');
    assert.equal(outcome.fn, 'EvalError', 'new Function is blocked (what embind needs without DYNAMIC_EXECUTION=0)');
    assert.equal(outcome.innerHTML, 'TypeError', 'innerHTML with a string is blocked (Trusted Types)');
    const seen = await violations(page);
    assert.ok(seen.length >= 3, `each blocked action fired securitypolicyviolation: ${JSON.stringify(seen)}`);
    assert.ok(seen.some((v) => v.directive === 'require-trusted-types-for'), `Trusted Types violation seen: ${JSON.stringify(seen)}`);
    assert.ok(log.consoleErrors.length >= 3, `Chromium reported them on the console: ${JSON.stringify(log.consoleErrors)}`);
  }));

  test('an invalid name is reported, as the user types, at its line and column', { timeout: TEST_TIMEOUT }, () => withPage(async (page, log) => {
    await load(page, log);
    const doc = '{\n  "$schema": "https://static.modelcontextprotocol.io/schemas/2025-12-11/server.schema.json",\n'
      + '  "name": "bad name",\n  "description": "A server with a bad name.",\n  "version": "1.0.0"\n}\n';
    await typeDocument(page, doc);

    const item = await waitForDiagnostic(page, log, 'schema/name-pattern');
    assert.equal(await item.count(), 1);
    assert.equal(await item.getAttribute('data-line'), '3');
    // Column: somewhere on `"name": "bad name"` (key or value, as the core
    // chooses), which spans columns 3..20 of line 3.
    const column = Number(await item.getAttribute('data-column'));
    assert.ok(column >= 3 && column <= 20, `column ${column} is on "name": "bad name"`);
    assert.equal(await item.getAttribute('data-severity'), 'error');
    assert.equal(await item.getAttribute('data-pointer'), '/name');
    const text = await item.textContent();
    assert.ok(text.startsWith(`3:${column} error schema/name-pattern `), `item reads "line:column severity rule message (pointer)": ${text}`);
    assert.ok(text.endsWith('(/name)'), text);
    assert.equal(await page.getAttribute('#result', 'data-valid'), 'false');
    assert.match(await page.textContent('#result-status'), /^[1-9]\d* errors?, \d+ warnings?/);

    // Clicking the location puts the caret there.
    await item.locator('button').click();
    const caret = await page.evaluate(() => {
      const t = document.getElementById('source');
      return { focused: document.activeElement === t, before: t.value.slice(0, t.selectionStart) };
    });
    assert.ok(caret.focused, 'the editor has the focus');
    const lines = caret.before.split('\n');
    assert.deepEqual([lines.length, [...lines.at(-1)].length + 1], [3, column]);

    await assertClean(page, log);
  }));

  test('a syntax error is reported as json/syntax', { timeout: TEST_TIMEOUT }, () => withPage(async (page, log) => {
    await load(page, log);
    await pasteDocument(page, '{"name": }');
    const item = await waitForDiagnostic(page, log, 'json/syntax');
    assert.equal(await item.count(), 1, 'exactly one json/* diagnostic when the text does not parse');
    assert.equal(await page.locator('#diagnostics > li').count(), 1);
    assert.equal(await item.getAttribute('data-line'), '1');
    assert.ok(Number(await item.getAttribute('data-column')) >= 9, 'points at or after the missing value');
    assert.equal(await item.getAttribute('data-severity'), 'error');
    assert.equal(await page.getAttribute('#result', 'data-valid'), 'false');
    assert.ok(await page.locator('#summary-block').isHidden(), 'no summary for a document that does not parse');
    await assertClean(page, log);
  }));

  test('hostile text from the document is shown as text, never as HTML', { timeout: TEST_TIMEOUT }, () => withPage(async (page, log) => {
    await load(page, log);
    const doc = JSON.stringify({
      name: `io.github.${HOSTILE}/x`,
      description: HOSTILE,
      version: '1.0.0',
    }, null, 2);
    await pasteDocument(page, doc);
    // The example has no such finding: once it shows, this document was rendered.
    await waitForDiagnostic(page, log, 'schema/name-pattern');
    const description = page.locator('#summary dd[data-field="description"]');
    assert.equal(await description.textContent(), HOSTILE);

    const dom = await page.evaluate(() => ({
      images: document.querySelectorAll('main img').length,
      summaryElements: document.querySelectorAll('#summary dd *').length,
      diagnosticsHTML: document.getElementById('diagnostics').innerHTML,
      summaryHTML: document.getElementById('summary').innerHTML,
    }));
    assert.equal(dom.images, 0, 'no <img> element was created');
    assert.equal(dom.summaryElements, 0, 'summary values are plain text nodes');
    assert.ok(dom.summaryHTML.includes('&lt;img src=x onerror=alert(1)&gt;'), 'the markup is escaped in the summary');
    assert.doesNotMatch(dom.diagnosticsHTML, /<img/i, 'no markup from the document in the diagnostics');
    await page.waitForTimeout(300); // an onerror handler, had one been created, would have fired by now
    await assertClean(page, log);
  }));

  test('a local file is read in the page and validated, never uploaded', { timeout: TEST_TIMEOUT }, () => withPage(async (page, log) => {
    await load(page, log);
    const requestsBefore = log.requests.length;
    const doc = '{\n  "name": "no-slash",\n  "description": "x",\n  "version": "1.0.0"\n}\n';
    await page.setInputFiles('#file', { name: 'server.json', mimeType: 'application/json', buffer: Buffer.from(doc) });
    const item = await waitForDiagnostic(page, log, 'schema/name-pattern');
    assert.equal(await item.getAttribute('data-line'), '2');
    assert.equal(await page.inputValue('#source'), doc);
    assert.match(await page.textContent('#file-note'), /server\.json/);
    assert.deepEqual(log.requests.slice(requestsBefore), [], 'opening a file made no request');
    await assertClean(page, log);
  }));
});
