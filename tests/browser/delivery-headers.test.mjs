// The delivery configurations: dist/site/_headers (Netlify, Cloudflare
// Pages), site/deploy/nginx.conf and the <meta> CSP (GitHub Pages) all come
// from scripts/lib/site-headers.mjs and must agree; Debian's nginx, run as
// an unprivileged process with the generated server block, sends every
// header on every kind of file; and the site works in Chromium behind it.
//
//   node --test tests/browser/delivery-headers.test.mjs
//
// Environment: SITE_ROOT (default dist/site), CHROMIUM_PATH, NGINX_PATH
// (default /usr/sbin/nginx, Debian's package, which scripts/test installs).

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { request } from 'node:http';
import path from 'node:path';
import zlib from 'node:zlib';
import {
  CACHE_IMMUTABLE, CACHE_REVALIDATE, CSP, HSTS, META_CSP, NGINX_CONF_PATH, PERMISSIONS_POLICY, SECURITY_HEADERS, nginxServerBlock,
} from '../../scripts/lib/site-headers.mjs';
import {
  SITE_ROOT, TEST_TIMEOUT, assetName, consoleText, launchChromium, openPage, outputText, parseNetlifyHeaders,
  parseNginxHeaders, repoRoot, requireBuiltSite, selectServer, startNginx, waitForStatus,
} from './delivery-helpers.mjs';

let nginx;
let browser;

before(async () => {
  requireBuiltSite();
  nginx = await startNginx(SITE_ROOT);
  browser = await launchChromium();
}, { timeout: TEST_TIMEOUT });

after(async () => {
  await browser?.close().catch(() => {});
  await nginx?.close();
});

/** GET (or another method) with node:http: headers exactly as nginx sent them. */
function get(urlPath, { method = 'GET', headers = {} } = {}) {
  return new Promise((resolve, reject) => {
    const req = request(new URL(urlPath, nginx.url), { method, headers }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** Every security header, byte for byte, and nothing that leaks the server version. */
function assertSecurityHeaders(res, what) {
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) {
    assert.equal(res.headers[name.toLowerCase()], value, `${what}: ${name}`);
  }
  assert.equal(res.headers.server, 'nginx', `${what}: server_tokens off (no version)`);
}

const directives = (csp) => new Map(csp.split(';').map((d) => d.trim().split(/\s+/)).map(([k, ...v]) => [k, v]));

describe('one source of truth', () => {
  test('site/deploy/nginx.conf is exactly what site-headers.mjs generates', () => {
    assert.equal(readFileSync(NGINX_CONF_PATH, 'utf8'), nginxServerBlock());
    // And the build's staleness check says the same.
    execFileSync(process.execPath, [path.join(repoRoot, 'scripts', 'lib', 'site-headers.mjs'), '--check']);
  });

  test('_headers, nginx.conf and the meta CSP agree', () => {
    const netlify = parseNetlifyHeaders(readFileSync(path.join(SITE_ROOT, '_headers'), 'utf8'));
    const conf = parseNginxHeaders(readFileSync(NGINX_CONF_PATH, 'utf8'));
    const meta = readFileSync(path.join(SITE_ROOT, 'index.html'), 'utf8').match(/<meta http-equiv="Content-Security-Policy" content="([^"]+)">/)[1];
    assert.equal(meta, META_CSP);
    // The header policy is the meta policy plus frame-ancestors, which a <meta> cannot carry.
    assert.equal(`${meta}; frame-ancestors 'none'`, netlify['/*']['Content-Security-Policy']);
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) {
      assert.equal(netlify['/*'][name], value, `_headers /*: ${name}`);
      for (const [location, headers] of Object.entries(conf)) assert.equal(headers[name], value, `nginx ${location}: ${name}`);
    }
    assert.equal(Object.keys(netlify['/*']).length, Object.keys(SECURITY_HEADERS).length, '_headers /* sets the security headers and nothing else');
    // Cache policy: content-addressed assets for a year, everything else revalidated.
    assert.equal(netlify['/assets/*']['Cache-Control'], CACHE_IMMUTABLE);
    assert.equal(conf['/assets/']['Cache-Control'], CACHE_IMMUTABLE);
    assert.equal(conf['/']['Cache-Control'], CACHE_REVALIDATE);
    for (const p of ['/', '/index.html', '/sw.js', '/favicon.svg']) assert.equal(netlify[p]?.['Cache-Control'], CACHE_REVALIDATE, `_headers ${p}`);
    // Every file outside assets/ has its own no-cache rule (Cache-Control is never set twice for a path).
    const rootFiles = readdirSync(SITE_ROOT).filter((f) => f !== 'assets' && f !== '_headers' && f !== 'index.html');
    for (const f of rootFiles) assert.ok(netlify[`/${f}`], `_headers has a rule for /${f}`);
  });

  test('the policy itself: strict, no inline, no eval, Trusted Types, wasm only', () => {
    const csp = directives(CSP);
    assert.deepEqual(csp.get('default-src'), ["'none'"]);
    assert.deepEqual(csp.get('script-src'), ["'self'", "'wasm-unsafe-eval'"]);
    assert.deepEqual(csp.get('style-src'), ["'self'"]);
    assert.deepEqual(csp.get('require-trusted-types-for'), ["'script'"]);
    assert.deepEqual(csp.get('trusted-types'), ['mcp-sw', 'mcp-lint-worker'], 'two policies: the service worker URL, the lint worker URL');
    assert.deepEqual(csp.get('frame-ancestors'), ["'none'"]);
    assert.deepEqual(csp.get('base-uri'), ["'none'"]);
    assert.deepEqual(csp.get('form-action'), ["'none'"]);
    assert.doesNotMatch(CSP, /'unsafe-inline'|'unsafe-eval'|\*|data:|blob:|https?:/);
    assert.match(HSTS, /^max-age=(\d+); includeSubDomains$/);
    assert.ok(Number(HSTS.match(/max-age=(\d+)/)[1]) >= 31536000, 'HSTS for at least a year');
    for (const feature of ['camera', 'microphone', 'geolocation', 'usb', 'payment']) assert.match(PERMISSIONS_POLICY, new RegExp(`${feature}=\\(\\)`));
  });
});

describe('deployment files', () => {
  test('the Dockerfile: unprivileged nginx pinned by version and digest, the generated server block, the built site', () => {
    const text = readFileSync(path.join(repoRoot, 'site', 'deploy', 'Dockerfile'), 'utf8');
    const from = text.match(/^FROM\s+(\S+)/m)[1];
    assert.match(from, /^docker\.io\/nginxinc\/nginx-unprivileged:\d+\.\d+\.\d+-alpine@sha256:[0-9a-f]{64}$/);
    assert.match(text, /^COPY --chmod=0644 site\/deploy\/nginx\.conf \/etc\/nginx\/conf\.d\/default\.conf$/m);
    assert.match(text, /^COPY dist\/site \/usr\/share\/nginx\/html$/m);
    const users = [...text.matchAll(/^USER\s+(\S+)/gm)].map((m) => m[1]);
    assert.equal(users.at(-1), '101', 'the image ends as the unprivileged user');
    assert.match(nginxServerBlock(), /^\s*listen 8080;$/m, 'the port the unprivileged image can bind');
    assert.match(nginxServerBlock(), /^\s*root \/usr\/share\/nginx\/html;$/m);
  });

  test('the Pages workflow: actions pinned by commit SHA, write permissions only where deploying', () => {
    const text = readFileSync(path.join(repoRoot, '.github', 'workflows', 'pages.yml'), 'utf8');
    const uses = [...text.matchAll(/uses:\s*(\S+)/g)].map((m) => m[1]);
    assert.ok(uses.length >= 4);
    for (const u of uses) assert.match(u, /^[\w.-]+\/[\w.-]+@[0-9a-f]{40}$/, `${u} pinned by SHA`);
    assert.match(text, /^permissions:\n  contents: read$/m, 'read-only at the top');
    assert.equal([...text.matchAll(/pages: write/g)].length, 1, 'pages: write in one job');
    assert.equal([...text.matchAll(/id-token: write/g)].length, 1, 'id-token: write in one job');
    assert.match(text, /path: dist\/site/);
    assert.match(text, /persist-credentials: false/);
  });
});

describe('Debian nginx with the generated server block', () => {
  test('nginx runs unprivileged', () => {
    // The master's real, effective, saved and file-system uids (and its workers').
    const pids = [nginx.pid, ...readFileSync(`/proc/${nginx.pid}/task/${nginx.pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean)];
    for (const pid of pids) {
      const status = readFileSync(`/proc/${pid}/status`, 'utf8');
      assert.match(status, /^Name:\s+nginx$/m, `process ${pid} is nginx`);
      const uids = status.match(/^Uid:\s+(.*)$/m)[1].split(/\s+/).map(Number);
      assert.ok(uids.every((u) => u !== 0), `process ${pid} has no root uid: ${uids}`);
    }
  });

  test('index.html: every header, HTML type, revalidated', async () => {
    for (const p of ['/', '/index.html']) {
      const res = await get(p);
      assert.equal(res.status, 200, p);
      assertSecurityHeaders(res, p);
      assert.equal(res.headers['content-type'], 'text/html; charset=utf-8');
      assert.equal(res.headers['cache-control'], CACHE_REVALIDATE);
      assert.deepEqual(res.body, readFileSync(path.join(SITE_ROOT, 'index.html')), 'served as built (SRI hashes hold)');
    }
  });

  test('the wasm: application/wasm, immutable, gzip-compressed on request', async () => {
    for (const prefix of ['mcp-builder.', 'mcp-builder-lint.']) {
      const file = assetName(SITE_ROOT, prefix, '.wasm');
      const res = await get(`/${file}`, { headers: { 'accept-encoding': 'gzip' } });
      assert.equal(res.status, 200);
      assertSecurityHeaders(res, file);
      assert.equal(res.headers['content-type'], 'application/wasm');
      assert.equal(res.headers['cache-control'], CACHE_IMMUTABLE);
      assert.equal(res.headers['content-encoding'], 'gzip');
      assert.equal(res.headers.vary, 'Accept-Encoding');
      assert.deepEqual(zlib.gunzipSync(res.body), readFileSync(path.join(SITE_ROOT, file)));
    }
  });

  test('script, stylesheet, catalog: their types, immutable', async () => {
    const cases = [['app.', '.js', /^(text|application)\/javascript(; charset=utf-8)?$/], ['style.', '.css', /^text\/css; charset=utf-8$/],
      ['catalog.', '.json', /^application\/json(; charset=utf-8)?$/], ['mcp-builder-lint.', '.js', /^(text|application)\/javascript(; charset=utf-8)?$/]];
    for (const [prefix, ext, type] of cases) {
      const file = assetName(SITE_ROOT, prefix, ext);
      const res = await get(`/${file}`);
      assert.equal(res.status, 200, file);
      assertSecurityHeaders(res, file);
      assert.match(res.headers['content-type'], type, file);
      assert.equal(res.headers['cache-control'], CACHE_IMMUTABLE, file);
    }
  });

  test('sw.js, favicon.svg: revalidated (a deploy is seen at once)', async () => {
    for (const [p, type] of [['/sw.js', /javascript/], ['/favicon.svg', /^image\/svg\+xml/]]) {
      const res = await get(p);
      assert.equal(res.status, 200, p);
      assertSecurityHeaders(res, p);
      assert.match(res.headers['content-type'], type, p);
      assert.equal(res.headers['cache-control'], CACHE_REVALIDATE, p);
    }
  });

  test('errors carry the headers too; dot-files and unknown paths are 404; POST is refused', async () => {
    for (const p of ['/missing.html', '/assets/missing.0123456789ab.js', '/.git/config', '/.env']) {
      const res = await get(p);
      assert.equal(res.status, 404, p);
      assertSecurityHeaders(res, p);
    }
    const post = await get('/index.html', { method: 'POST' });
    assert.equal(post.status, 405);
    assertSecurityHeaders(post, 'POST');
  });

  test('the site works in Chromium served by nginx: core, generation, service worker, lint', { timeout: 2 * TEST_TIMEOUT }, async () => {
    const { context, page, log } = await openPage(browser);
    try {
      await page.goto(nginx.url);
      assert.equal(await waitForStatus(page), 'ready', consoleText(log));
      await page.fill('#search', 'memory');
      await selectServer(page, 'memory');
      await page.waitForFunction(() => document.querySelector('[data-output="cursor"]')?.textContent.includes('server-memory'));
      assert.match(await outputText(page, 'codex'), /server-memory/);
      await page.waitForFunction(() => navigator.serviceWorker.controller?.state === 'activated', null, { timeout: 30_000 });
      await page.goto(`${nginx.url}#/lint`);
      await page.waitForSelector('body[data-lint="ready"]', { state: 'attached', timeout: 30_000 });
      const origin = new URL(nginx.url).origin;
      assert.deepEqual(log.requests.filter((u) => new URL(u).origin !== origin), [], 'no other origin');
      assert.deepEqual(log.errors, [], consoleText(log));
      assert.deepEqual(log.pageErrors, []);
      assert.deepEqual(await page.evaluate(() => window.__cspViolations), [], 'no CSP or Trusted Types violation');
      assert.equal(await page.evaluate(() => window.crossOriginIsolated), true, 'COOP + COEP isolate the page');
    } finally {
      await context.close();
    }
  });
});
