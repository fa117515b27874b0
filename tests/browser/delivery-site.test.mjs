// Delivery of the built site (scripts/lib/site-build.mjs): Subresource
// Integrity on every script, stylesheet, wasm and data fetch (a tampered
// file is refused), the service worker (works with the network gone after
// the first visit; a new deploy replaces its cache) and the single-file
// page opened from disk.
//
//   node --test tests/browser/delivery-site.test.mjs
//
// Environment: SITE_ROOT (default dist/site), CHROMIUM_PATH (/usr/bin/chromium).

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { appendFileSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { META_CSP, startServer } from '../../scripts/serve.mjs';
import {
  SINGLE_FILE, SITE_ROOT, TEST_TIMEOUT, WASM_CUSTOM_SECTION, assetName, consoleText, copySite,
  launchChromium, openPage, outputText, requireBuiltSite, selectServer, waitForStatus,
} from './delivery-helpers.mjs';

const sri = (bytes) => `sha384-${createHash('sha384').update(bytes).digest('base64')}`;
// A GitHub token the scanner recognises (the one wasm/test/lint.test.js uses),
// split so that no scanner flags this file.
const TOKEN = ['ghp', 'Qw3Er5Ty7Ui9Op1As3Df5Gh7Jk9Lz2Xc4Vb6'].join('_');
const SECRETY_CONFIG = JSON.stringify({ mcpServers: { x: { command: 'node', args: ['server.js'], env: { GITHUB_TOKEN: TOKEN } } } });

let browser;
const cleanups = [];

before(async () => {
  requireBuiltSite();
  browser = await launchChromium();
}, { timeout: TEST_TIMEOUT });

after(async () => {
  await browser?.close().catch(() => {});
  for (const fn of cleanups.reverse()) await fn();
});

/** Serve a directory with the dev server (the same headers as production). */
async function serve(root) {
  const server = await startServer({ root, port: 0, host: '127.0.0.1' });
  cleanups.push(() => server.close());
  return server;
}

/** A tampered copy of the site: `tamper(dir)` edits it. */
async function serveTampered(tamper) {
  const dir = copySite();
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  tamper(dir);
  return serve(dir);
}

async function withPage(fn, contextOptions) {
  const { context, page, log } = await openPage(browser, contextOptions);
  try {
    await fn(page, log, context);
  } finally {
    await context.close();
  }
}

const integrityErrors = (log) => log.errors.filter((e) => /integrity|digest/i.test(e));

describe('Subresource Integrity', () => {
  test('index.html: every script and stylesheet has its SHA-384, nothing inline, the meta CSP from site-headers', () => {
    const html = readFileSync(path.join(SITE_ROOT, 'index.html'), 'utf8');
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)];
    const links = [...html.matchAll(/<link\b[^>]*rel="(?:stylesheet|modulepreload)"[^>]*>/gi)];
    assert.equal(scripts.length, 1, 'one script: the bundle');
    assert.equal(links.length, 1, 'one stylesheet');
    for (const tag of [scripts[0][0], links[0][0]]) {
      const url = tag.match(/(?:src|href)="([^"]+)"/)[1];
      const integrity = tag.match(/integrity="([^"]+)"/)?.[1];
      assert.match(url, /^assets\/[a-z-]+\.[0-9a-f]{12}\.(js|css)$/, 'content-addressed');
      assert.equal(integrity, sri(readFileSync(path.join(SITE_ROOT, url))), `integrity of ${url}`);
    }
    assert.equal(scripts[0][2], '', 'no inline script');
    // The wasm and the catalog are not preloaded: the script fetches them
    // (with their integrity) once the prerendered page has been painted, so
    // they do not compete with the stylesheet and the script for the first
    // paint (site/app.js, startCore).
    assert.doesNotMatch(html, /<link\b[^>]*rel="preload"/, 'no preload');
    // The Build view is prerendered: the catalog cards and every output, empty.
    const cards = [...html.matchAll(/<li class="card" data-id="([^"]+)"/g)].map((m) => m[1]);
    assert.ok(cards.length >= 20, `catalog cards prerendered: ${cards.length}`);
    const outputs = [...html.matchAll(/<pre [^>]*data-output="([^"]+)"[^>]*><\/pre>/g)].map((m) => m[1]);
    assert.equal(outputs.length, 16, 'one empty output per target');
    // The icon is content-addressed (cached for a year: the tab icon asked
    // for again on a route change never reaches the network).
    const icons = [...html.matchAll(/<(?:link rel="icon" href|img src)="([^"]+\.svg)"/g)].map((m) => m[1]);
    assert.equal(icons.length, 2);
    for (const icon of icons) assert.match(icon, /^assets\/favicon\.[0-9a-f]{12}\.svg$/);
    assert.doesNotMatch(html, /<style\b|\sstyle=|\son[a-z]+=/i, 'no inline style, style attribute or event handler');
    assert.equal(html.match(/http-equiv="Content-Security-Policy" content="([^"]+)"/)[1], META_CSP);
  });

  test('the bundle names the wasm, catalog and lint module with their hashes', () => {
    const bundle = readFileSync(path.join(SITE_ROOT, assetName(SITE_ROOT, 'app.', '.js')), 'utf8');
    for (const [prefix, ext] of [['mcp-builder.', '.wasm'], ['mcp-builder-lint.', '.wasm'], ['catalog.', '.json'], ['mcp-builder-lint.', '.js']]) {
      const file = assetName(SITE_ROOT, prefix, ext);
      assert.ok(bundle.includes(path.basename(file)), `the bundle names ${file}`);
      assert.ok(bundle.includes(sri(readFileSync(path.join(SITE_ROOT, file)))), `the bundle carries the hash of ${file}`);
    }
  });

  test('the untampered site loads, and only from its own origin', { timeout: TEST_TIMEOUT }, async () => {
    const server = await serve(SITE_ROOT);
    await withPage(async (page, log) => {
      await page.goto(server.url);
      assert.equal(await waitForStatus(page), 'ready', consoleText(log));
      await page.goto(`${server.url}#/lint`);
      await page.waitForSelector('body[data-lint="ready"]', { state: 'attached' });
      const origin = new URL(server.url).origin;
      assert.deepEqual(log.requests.filter((u) => new URL(u).origin !== origin), []);
      // Each file is downloaded once. The lint worker (the lint module's glue
      // bundled in) is fetched with its integrity by the page, then started
      // from the HTTP cache that fetch filled: two asks, one download.
      for (const [prefix, ext] of [['mcp-builder.', '.wasm'], ['catalog.', '.json'], ['mcp-builder-lint.', '.wasm'], ['app.', '.js'], ['lint-worker.', '.js']]) {
        const file = assetName(SITE_ROOT, prefix, ext);
        const seen = server.requests.filter((r) => r.url === `/${file}`);
        assert.equal(seen.length, 1, `${file} downloaded once: ${seen.length}`);
      }
      const glue = assetName(SITE_ROOT, 'mcp-builder-lint.', '.js');
      assert.deepEqual(log.requests.filter((u) => new URL(u).pathname === `/${glue}`), [], 'the separate lint glue is only for the on-page path');
      assert.deepEqual(log.errors, [], consoleText(log));
      assert.deepEqual(await page.evaluate(() => window.__cspViolations), []);
    }, { serviceWorkers: 'block' });
  });

  test('a tampered script is refused: the page never runs it', { timeout: TEST_TIMEOUT }, async () => {
    const server = await serveTampered((dir) => appendFileSync(path.join(dir, assetName(dir, 'app.', '.js')), '\n// tampered\n'));
    await withPage(async (page, log) => {
      await page.goto(server.url);
      await page.waitForTimeout(1500);
      assert.equal(await page.getAttribute('body', 'data-status'), 'loading', 'the app never started');
      assert.ok(integrityErrors(log).length >= 1, `Chromium reported the integrity failure${consoleText(log)}`);
    }, { serviceWorkers: 'block' });
  });

  test('a tampered stylesheet is refused', { timeout: TEST_TIMEOUT }, async () => {
    const server = await serveTampered((dir) => appendFileSync(path.join(dir, assetName(dir, 'style.', '.css')), '\nbody{display:none}\n'));
    await withPage(async (page, log) => {
      await page.goto(server.url);
      await waitForStatus(page);
      assert.notEqual(await page.evaluate(() => getComputedStyle(document.body).display), 'none', 'the tampered rule did not apply');
      assert.ok(integrityErrors(log).length >= 1, `integrity failure reported${consoleText(log)}`);
    }, { serviceWorkers: 'block' });
  });

  for (const [what, prefix, ext, tamper] of [
    // A custom section keeps the module valid: only the hash can refuse it.
    ['core wasm', 'mcp-builder.', '.wasm', (file) => appendFileSync(file, WASM_CUSTOM_SECTION)],
    // Still valid JSON with the same entries.
    ['catalog', 'catalog.', '.json', (file) => appendFileSync(file, '\n')],
  ]) {
    test(`a tampered ${what} is refused: the core does not start`, { timeout: TEST_TIMEOUT }, async () => {
      const server = await serveTampered((dir) => tamper(path.join(dir, assetName(dir, prefix, ext))));
      await withPage(async (page, log) => {
        await page.goto(server.url);
        assert.equal(await waitForStatus(page), 'error', `the page reports the failure${consoleText(log)}`);
        assert.ok(integrityErrors(log).length >= 1, `integrity failure reported${consoleText(log)}`);
      }, { serviceWorkers: 'block' });
    });
  }

  // The lint view's work runs in a worker (its own file and hash: the worker
  // tests in ui-worker.test.mjs); where no worker can start it runs on the
  // page (window.Worker removed here), which loads the lint glue itself.
  for (const [what, ext, tamper, engine] of [
    ['lint module glue', '.js', (file) => appendFileSync(file, '\n// tampered\n'), 'page'],
    ['lint module wasm', '.wasm', (file) => appendFileSync(file, WASM_CUSTOM_SECTION), 'page'],
    ['lint module wasm', '.wasm', (file) => appendFileSync(file, WASM_CUSTOM_SECTION), 'worker'],
  ]) {
    test(`a tampered ${what} is refused (lint on the ${engine}): the lint view says it could not load`, { timeout: TEST_TIMEOUT }, async () => {
      const server = await serveTampered((dir) => tamper(path.join(dir, assetName(dir, 'mcp-builder-lint.', ext))));
      await withPage(async (page, log, context) => {
        if (engine === 'page') await context.addInitScript(() => { delete window.Worker; });
        await page.goto(server.url);
        assert.equal(await waitForStatus(page), 'ready', 'the core is intact');
        await page.goto(`${server.url}#/lint`);
        await page.waitForFunction(() => /could not be loaded/.test(document.getElementById('lint-status')?.textContent ?? ''));
        assert.equal(await page.getAttribute('body', 'data-lint'), null, 'the linter never became ready');
        // Chromium reports the failure on the console of the context that
        // fetched: the page's (Playwright does not relay a worker's). In the
        // worker, the file was served whole and still refused.
        if (engine === 'page') assert.ok(integrityErrors(log).length >= 1, `integrity failure reported${consoleText(log)}`);
        else assert.ok(server.requests.some((r) => /mcp-builder-lint\.[0-9a-f]+\.wasm$/.test(r.url)), 'the wasm was served');
      }, { serviceWorkers: 'block' });
    });
  }
});

/** Wait until a service worker controls the page; the names of the caches. */
async function waitForServiceWorker(page) {
  await page.waitForFunction(() => navigator.serviceWorker.controller?.state === 'activated', null, { timeout: 30_000 });
  return page.evaluate(() => caches.keys());
}

async function cachedUrls(page) {
  return page.evaluate(async () => {
    const out = [];
    for (const name of await caches.keys()) {
      const cache = await caches.open(name);
      for (const request of await cache.keys()) out.push(new URL(request.url).pathname);
    }
    return out.sort();
  });
}

describe('service worker', () => {
  test('after the first visit, the catalog, generation and the lint view work with the network gone', { timeout: 2 * TEST_TIMEOUT }, async () => {
    const server = await serve(SITE_ROOT);
    const manifest = JSON.parse(readFileSync(path.join(SITE_ROOT, '..', 'site-manifest.json'), 'utf8'));
    await withPage(async (page, log, context) => {
      await page.goto(server.url);
      assert.equal(await waitForStatus(page), 'ready', consoleText(log));
      const names = await waitForServiceWorker(page);
      assert.deepEqual(names, [`mcp-builder-${manifest.serviceWorker.version}`]);
      // Exactly the precache list: the app's own static files, nothing else.
      const expected = manifest.serviceWorker.precache.map((u) => new URL(u, server.url).pathname).sort();
      assert.deepEqual(await cachedUrls(page), expected);
      assert.ok(expected.some((u) => /mcp-builder-lint\.[0-9a-f]{12}\.wasm$/.test(u)), 'the lint module is precached');

      await context.setOffline(true);
      assert.equal(await page.evaluate(() => fetch('/does-not-exist').then(() => 'online', () => 'offline')), 'offline', 'the network is gone');
      await page.reload();
      assert.equal(await waitForStatus(page), 'ready', `loads offline${consoleText(log)}`);
      assert.ok(await page.locator('#cards > li[data-id]').count() > 10, 'the catalog is there');
      await page.fill('#search', 'memory');
      await selectServer(page, 'memory');
      await page.waitForFunction(() => document.querySelector('[data-output="claude-desktop"]')?.textContent.includes('server-memory'));
      assert.match(await outputText(page, 'claude-code'), /server-memory/);

      await page.goto(`${server.url}#/lint`);
      await page.waitForSelector('body[data-lint="ready"]', { state: 'attached', timeout: 30_000 });
      await page.fill('#lint-source', SECRETY_CONFIG);
      await page.waitForSelector('#findings > li[data-rule^="secret/"]', { state: 'attached' });
      // Using the app stored nothing new in Cache Storage (no runtime caching).
      assert.deepEqual(await cachedUrls(page), expected);
      assert.equal(JSON.stringify(await cachedUrls(page)).includes(TOKEN.slice(4)), false);
    });
  });

  test('a new deploy installs a new cache and deletes the old one', { timeout: 2 * TEST_TIMEOUT }, async () => {
    const dir = copySite();
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const server = await serve(dir);
    const manifest = JSON.parse(readFileSync(path.join(SITE_ROOT, '..', 'site-manifest.json'), 'utf8'));
    const oldVersion = manifest.serviceWorker.version;
    const { context, page, log } = await openPage(browser);
    try {
      await page.goto(server.url);
      await waitForStatus(page);
      assert.deepEqual(await waitForServiceWorker(page), [`mcp-builder-${oldVersion}`]);
      // "Deploy": a sw.js naming another version (the build derives it from the content hashes).
      const newVersion = 'f'.repeat(oldVersion.length);
      const sw = readFileSync(path.join(dir, 'sw.js'), 'utf8');
      assert.ok(sw.includes(oldVersion));
      writeFileSync(path.join(dir, 'sw.js'), sw.replaceAll(oldVersion, newVersion));
      await page.evaluate(async () => {
        const registration = await navigator.serviceWorker.getRegistration();
        await registration.update();
      });
      // It waits while a page of the old deploy is open, then takes over.
      await page.waitForFunction(async () => (await navigator.serviceWorker.getRegistration())?.waiting?.state === 'installed', null, { timeout: 30_000, polling: 200 });
      await page.close();
      const next = await context.newPage();
      await next.goto(server.url);
      await next.waitForFunction(async (v) => {
        const keys = await caches.keys();
        return keys.length === 1 && keys[0] === `mcp-builder-${v}`;
      }, newVersion, { timeout: 30_000, polling: 200 });
      assert.equal(await waitForStatus(next), 'ready', consoleText(log));
    } finally {
      await context.close();
    }
  });
});

describe('single file (dist/mcp-builder.html)', () => {
  test('opened from disk, it loads, generates a config and lints, fetching nothing', { timeout: TEST_TIMEOUT }, async () => {
    const url = pathToFileURL(SINGLE_FILE).href;
    await withPage(async (page, log) => {
      await page.goto(url);
      assert.equal(await waitForStatus(page, 30_000), 'ready', consoleText(log));
      await page.fill('#search', 'memory');
      await selectServer(page, 'memory');
      await page.waitForFunction(() => document.querySelector('[data-output="vscode"]')?.textContent.includes('server-memory'));
      await page.goto(`${url}#/lint`);
      await page.waitForSelector('body[data-lint="ready"]', { state: 'attached' });
      await page.fill('#lint-source', SECRETY_CONFIG);
      await page.waitForSelector('#findings > li[data-rule^="secret/"]', { state: 'attached' });
      assert.deepEqual([...new Set(log.requests)], [url], 'the file is the only thing loaded');
      assert.deepEqual(log.errors, [], consoleText(log));
      assert.deepEqual(log.pageErrors, []);
      assert.deepEqual(await page.evaluate(() => window.__cspViolations), []);
    });
  });

  test('its meta CSP allows exactly its own inline script and style, by hash', () => {
    const html = readFileSync(SINGLE_FILE, 'utf8');
    const policy = html.match(/http-equiv="Content-Security-Policy" content="([^"]+)"/)[1];
    assert.doesNotMatch(policy, /'unsafe-inline'|'unsafe-eval'|'self'|\*|https?:|blob:/);
    const hash = (text) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
    const module = [...html.matchAll(/<script type="module">([\s\S]*?)<\/script>/g)];
    const styles = [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)];
    assert.equal(module.length, 1);
    assert.equal(styles.length, 1);
    const directives = new Map(policy.split('; ').map((d) => d.split(' ')).map(([k, ...v]) => [k, v]));
    assert.deepEqual(directives.get('script-src'), [hash(module[0][1]), "'wasm-unsafe-eval'"]);
    assert.deepEqual(directives.get('style-src'), [hash(styles[0][1])]);
    assert.deepEqual(directives.get('default-src'), ["'none'"]);
    assert.deepEqual(directives.get('require-trusted-types-for'), ["'script'"]);
    assert.deepEqual(directives.get('trusted-types'), ["'none'"]);
    // The meta comes before anything it governs.
    assert.ok(html.indexOf('Content-Security-Policy') < html.indexOf('<script'), 'the policy precedes the scripts');
  });

  test('an edited single file is refused by its own CSP', { timeout: TEST_TIMEOUT }, async () => {
    const copy = path.join(path.dirname(SINGLE_FILE), `.tampered-${process.pid}.html`);
    cleanups.push(() => rmSync(copy, { force: true }));
    writeFileSync(copy, readFileSync(SINGLE_FILE, 'utf8').replace('<script type="module">', '<script type="module">document.title="x";'));
    await withPage(async (page, log) => {
      await page.goto(pathToFileURL(copy).href);
      await page.waitForTimeout(1000);
      assert.equal(await page.getAttribute('body', 'data-status'), 'loading', 'the edited script never ran');
      assert.ok(log.errors.some((e) => /Content Security Policy/.test(e)), consoleText(log));
    });
  });
});

