// End-to-end privacy: secrets typed into the page never reach localStorage,
// sessionStorage, IndexedDB, cookies, Cache Storage, the URL, a share link
// or the console; and once loaded the page makes no request at all (the lint
// view fetches only its own module, from the same origin).
//
//   node --test tests/browser/ui-privacy.test.mjs   (after scripts/build)

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { TIMEOUT, addServers, load, openPage, assertClean, output, requestMark, requestsSince, startSite, waitForOutput } from './ui-lib.mjs';

let site;
before(async () => { site = await startSite(); }, { timeout: TIMEOUT });
after(() => site?.close());

const SECRETS = {
  GITHUB_PERSONAL_ACCESS_TOKEN: 'ghp_PrivacyCanary1111111111111111111111',
  BRAVE_API_KEY: 'BSAprivacyCanary2222222222222',
  POSTGRES_PASSWORD: 'correct horse privacy canary 3333',
};
// Typed into a field not declared secret, but shaped like a token.
const TOKEN_IN_PLAIN_FIELD = 'glpat-PrivacyCanary44444444444';
const LINT_SECRET = 'ghp_Qw3Er5Ty7Ui9Op1As3DOp1As3Df5Gh7Jk9Lz';

/** Everything the page could have kept, as one string per place. */
async function everywhere(page, context) {
  const inPage = await page.evaluate(async () => {
    const dump = (s) => JSON.stringify(Object.fromEntries(Object.keys(s).map((k) => [k, s.getItem(k)])));
    const idb = [];
    for (const info of (await indexedDB.databases?.()) ?? []) {
      const db = await new Promise((resolve, reject) => {
        const open = indexedDB.open(info.name);
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      for (const store of db.objectStoreNames) {
        const all = await new Promise((resolve) => {
          const req = db.transaction(store).objectStore(store).getAll();
          req.onsuccess = () => resolve(req.result);
          req.onerror = () => resolve([]);
        });
        idb.push(`${info.name}/${store}: ${JSON.stringify(all)}`);
      }
      db.close();
    }
    const cached = [];
    for (const name of await caches.keys()) {
      const cache = await caches.open(name);
      for (const request of await cache.keys()) {
        const response = await cache.match(request);
        cached.push(`${request.url} ${await response.text()}`);
      }
    }
    return {
      localStorage: dump(localStorage),
      sessionStorage: dump(sessionStorage),
      cookie: document.cookie,
      indexedDB: idb.join('\n'),
      cacheStorage: cached.join('\n'),
      href: location.href,
      historyState: JSON.stringify(history.state),
    };
  });
  return { ...inPage, cookies: JSON.stringify(await context.cookies()) };
}

function assertNowhere(places, secrets, console) {
  for (const [where, text] of Object.entries({ ...places, console: console.join('\n') })) {
    for (const secret of secrets) {
      assert.ok(!text.includes(secret), `${where} holds a secret (${secret.slice(0, 8)}…)`);
    }
  }
}

test('a typed secret is nowhere but in page memory, and no request follows the load', { timeout: TIMEOUT }, async () => {
  const { context, page, log } = await openPage(site, { permissions: ['clipboard-read', 'clipboard-write'] });
  try {
    await load(site, page);
    await page.waitForTimeout(300);
    const loaded = requestMark(site, log);

    await addServers(page, ['github', 'brave-search', 'postgres', 'filesystem']);
    for (const [name, secret] of Object.entries(SECRETS)) {
      const field = page.locator(`[name="${name}"]`);
      assert.equal(await field.getAttribute('type'), 'password');
      await field.click();
      await page.keyboard.type(secret);
    }
    await page.locator('[name="GITHUB_HOST"]').fill(TOKEN_IN_PLAIN_FIELD);
    await page.locator('[name="allowed_directory"]').fill('/srv/public');
    // Secrets in the files, on purpose, then back: still never stored.
    await page.check('#secrets-inline');
    await waitForOutput(page, 'cursor', (t) => t.includes(SECRETS.GITHUB_PERSONAL_ACCESS_TOKEN));
    for (const tab of ['vscode', 'codex', 'claude-code', 'env-example']) await page.click(`#tab-${tab}`);
    await page.click('#share');
    const share = await page.inputValue('#share-link');
    await Promise.all([page.waitForEvent('download'), page.click('#download-all')]);
    await page.uncheck('#secrets-inline');
    assert.ok(!(await output(page, 'cursor')).includes(SECRETS.GITHUB_PERSONAL_ACCESS_TOKEN));
    await page.click('a[data-nav="import"]');
    await page.click('a[data-nav="build"]');
    await page.waitForTimeout(500); // the debounced save has happened

    const all = [...Object.values(SECRETS), TOKEN_IN_PLAIN_FIELD];
    const places = await everywhere(page, context);
    assert.match(places.localStorage, /\/srv\/public/, 'non-secret work is saved (the check above can fail)');
    assertNowhere({ ...places, share }, all, log.console);

    // Zero requests after load: nothing reached the server (its own log),
    // and nothing went anywhere else. The route changes above made Chromium
    // ask for the tab icon again; the icon is content-addressed and cached
    // for a year, so the browser's cache answered (Playwright still reports
    // the ask: it is the only thing it may report, and it carries nothing).
    assert.deepEqual(site.server.requests.slice(loaded.server), [], 'requests that reached the server after load');
    assert.deepEqual(requestsSince(site, log, loaded), [], 'requests after load');
    for (const r of log.requests.slice(loaded.page)) {
      const u = new URL(r.url);
      if (u.protocol === 'blob:') continue; // the download, made in the page
      assert.equal(r.method, 'GET');
      assert.match(u.pathname + u.search, /^\/assets\/favicon\.[0-9a-f]{12}\.svg$/, 'only the cached tab icon');
    }

    // After a reload the secrets are gone from the page too.
    await page.reload();
    await page.waitForSelector('body[data-status="ready"]');
    for (const name of Object.keys(SECRETS)) assert.equal(await page.inputValue(`[name="${name}"]`), '');
    assert.equal(await page.inputValue('[name="GITHUB_HOST"]'), '', 'a token-like value was not saved');
    assert.equal(await page.inputValue('[name="allowed_directory"]'), '/srv/public');
    await assertClean(site, page, log);
  } finally {
    await context.close();
  }
});

test('the lint view keeps pasted secrets in the page and fetches only its module', { timeout: TIMEOUT }, async () => {
  const { context, page, log } = await openPage(site);
  try {
    await load(site, page);
    await page.waitForTimeout(300);
    const loaded = requestMark(site, log);
    await page.click('a[data-nav="lint"]');
    await page.waitForSelector('body[data-lint="ready"]', { state: 'attached', timeout: TIMEOUT });
    const config = `{"mcpServers": {"gh": {"command": "npx", "args": ["-y", "x@1.0.0"], "env": {"GITHUB_TOKEN": "${LINT_SECRET}"}}}}`;
    await page.fill('#lint-source', config);
    await page.locator('#findings > li[data-rule="secret/github-pat"]').waitFor();
    await page.click('#convert');
    await page.click('#apply-fix');
    await page.waitForTimeout(400);
    assertNowhere(await everywhere(page, context), [LINT_SECRET], log.console);
    const origin = new URL(site.server.url).origin;
    const after = requestsSince(site, log, loaded);
    // The lint module: its wasm, and the worker that runs it (site/lint-worker.js).
    assert.ok(after.length > 0 && after.every((r) => r.method === 'GET' && new URL(r.url).origin === origin && /mcp-builder-lint|lint-worker/.test(r.url)),
      `only the lint module was fetched: ${after.map((r) => r.url).join(', ')}`);
    const reached = site.server.requests.slice(loaded.server);
    assert.ok(reached.every((r) => /mcp-builder-lint|lint-worker/.test(r.url)), `only the lint module reached the server: ${reached.map((r) => r.url).join(', ')}`);
    await assertClean(site, page, log);
  } finally {
    await context.close();
  }
});
