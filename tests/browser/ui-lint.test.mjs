// End-to-end: the Lint & convert view. Its wasm module is loaded only when
// the view opens; findings are listed and marked at their lines with secrets
// masked; fixes apply; the file converts to another client and downloads.
//
//   node --test tests/browser/ui-lint.test.mjs   (after scripts/build)

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parse as parseToml } from 'smol-toml';
import { HOSTILE, TIMEOUT, assertClean, load, openPage, screenshot, startSite } from './ui-lib.mjs';

let site;
before(async () => { site = await startSite(); }, { timeout: TIMEOUT });
after(() => site?.close());

const SECRET = 'ghp_Qw3Er5Ty7Ui9Op1As3DOp1As3Df5Gh7Jk9Lz';
const CONFIG = `{
  "mcpServers": {
    "gh": {
      "command": "npx",
      "args": ["-y", "@modelcontextprotocol/server-github"],
      "env": { "GITHUB_TOKEN": "${SECRET}" }
    }
  }
}
`;

async function openLint(page) {
  await page.click('a[data-nav="lint"]');
  await page.waitForSelector('body[data-lint="ready"]', { state: 'attached', timeout: TIMEOUT });
  assert.equal(await page.getAttribute('body', 'data-view'), 'lint');
}

test('the lint module is fetched only when its view opens', { timeout: TIMEOUT }, async () => {
  const { context, page, log } = await openPage(site);
  try {
    await load(site, page);
    await page.waitForTimeout(300);
    const lintFiles = () => log.requests.filter((r) => /mcp-builder-lint/.test(r.url));
    assert.deepEqual(lintFiles(), [], 'not part of the first load');
    await openLint(page);
    const fetched = lintFiles().map((r) => new URL(r.url).pathname);
    assert.ok(fetched.some((p) => p.endsWith('.wasm')), `the lint wasm was fetched: ${fetched}`);
    assert.ok(fetched.every((p) => new URL(p, site.server.url).origin === new URL(site.server.url).origin));
    await assertClean(site, page, log);
  } finally {
    await context.close();
  }
});

test('findings are listed and marked at their lines, secrets masked; fixes apply; convert and download', { timeout: TIMEOUT }, async () => {
  const { context, page, log } = await openPage(site);
  try {
    await load(site, page);
    await openLint(page);
    await page.fill('#lint-source', CONFIG);
    const secret = page.locator('#findings > li[data-rule="secret/github-pat"]');
    await secret.waitFor();
    assert.equal(await secret.getAttribute('data-line'), '6');
    assert.equal(await secret.getAttribute('data-severity'), 'error');
    assert.match(await secret.textContent(), /ghp_…\(40 chars\)/);
    assert.ok(!(await page.textContent('#findings')).includes(SECRET), 'the finding never shows the secret');
    assert.ok(await page.locator('#findings > li[data-rule="exec/unpinned-package"][data-line="5"]').count());
    assert.match(await page.textContent('#lint-status'), /^Read as Claude Desktop: 1 error, 1 warning/);
    assert.match(await page.textContent('#lint-detected'), /mcpServers/, 'and why that client');
    // The file view marks lines 5 and 6 and masks the secret there too.
    assert.ok(await page.locator('#lint-view > li.flag-error[data-line="6"]').isVisible());
    assert.ok(await page.locator('#lint-view > li.flag-warning[data-line="5"]').isVisible());
    assert.ok(!(await page.textContent('#lint-view')).includes(SECRET), 'the marked file masks the secret');
    assert.match(await page.textContent('#lint-view > li[data-line="6"]'), /ghp_…\(40 chars\)/);
    await screenshot(page, 'lint-findings-desktop');

    // Clicking a location puts the caret there.
    await secret.locator('button.where').click();
    const caret = await page.evaluate(() => {
      const t = document.getElementById('lint-source');
      return { focused: document.activeElement === t, rest: t.value.slice(t.selectionStart, t.selectionStart + 4) };
    });
    assert.deepEqual(caret, { focused: true, rest: 'ghp_' });

    // Convert (before the fix: the converted file keeps what the source has).
    // (The work runs in the lint worker: wait for its answer.)
    await page.selectOption('#convert-to', 'codex');
    await page.click('#convert');
    await page.locator('#convert-output').waitFor();
    const toml = parseToml(await page.textContent('#convert-output'));
    assert.deepEqual(toml.mcp_servers.gh.args, ['-y', '@modelcontextprotocol/server-github']);
    assert.match(await page.textContent('#convert-notes'), /copied as it is/);
    const [converted] = await Promise.all([page.waitForEvent('download'), page.click('#download-converted')]);
    assert.equal(converted.suggestedFilename(), 'config.toml');
    assert.equal(readFileSync(await converted.path(), 'utf8'), await page.textContent('#convert-output'));

    // Apply fixes: the secret becomes a placeholder, the .env template says what to fill.
    await page.click('#apply-fix');
    await page.waitForFunction(() => /applied/.test(document.getElementById('fix-note').textContent));
    const fixed = await page.inputValue('#lint-source');
    assert.ok(!fixed.includes(SECRET));
    assert.match(fixed, /"GITHUB_TOKEN": "<GITHUB_TOKEN>"/);
    assert.match(await page.textContent('#fix-note'), /^1 change applied/);
    assert.match(await page.textContent('#fix-env'), /^GITHUB_TOKEN=$/m);
    await page.waitForFunction(() => !document.querySelector('#findings > li[data-rule^="secret/"]'));
    const [file] = await Promise.all([page.waitForEvent('download'), page.click('#download-fixed')]);
    assert.equal(file.suggestedFilename(), 'claude_desktop_config.json');
    assert.equal(readFileSync(await file.path(), 'utf8'), fixed);

    // A file opened from disk is read in the page, never uploaded.
    const before = log.requests.length;
    await page.setInputFiles('#lint-file', { name: 'config.toml', mimeType: 'text/plain', buffer: Buffer.from(`[mcp_servers.gh]\ncommand = "npx"\nargs = ["-y", "x"]\n\n[mcp_servers.gh.env]\nGITHUB_TOKEN = "${SECRET}"\n`) });
    await page.waitForFunction(() => /Read as Codex/.test(document.getElementById('lint-status').textContent));
    assert.equal(await page.getAttribute('#findings > li[data-rule="secret/github-pat"]', 'data-line'), '6');
    assert.match(await page.textContent('#flash'), /config\.toml/);
    assert.deepEqual(log.requests.slice(before), [], 'opening a file made no request');

    // A syntax error: found at its line, nothing to fix or convert silently.
    await page.fill('#lint-source', '{\n  "mcpServers": {\n    "x": { "command": "npx", }\n  }\n}\n');
    await page.locator('#findings > li[data-rule^="syntax/"]').first().waitFor();
    assert.equal(await page.getAttribute('#findings > li[data-rule^="syntax/"] >> nth=0', 'data-line'), '3');
    await assertClean(site, page, log);
  } finally {
    await context.close();
  }
});

test('a hostile configuration is shown as text', { timeout: TIMEOUT }, async () => {
  const { context, page, log } = await openPage(site);
  try {
    await load(site, page);
    await openLint(page);
    const hostile = JSON.stringify({ mcpServers: { [HOSTILE]: { command: '</script><script>window.__pwned=1</script>', args: [HOSTILE] } } }, null, 2);
    await page.fill('#lint-source', hostile);
    await page.locator('#lint-view > li').first().waitFor();
    await page.selectOption('#convert-to', 'vscode');
    await page.click('#convert');
    await page.waitForTimeout(300);
    const dom = await page.evaluate(() => ({
      pwned: window.__pwned,
      images: document.querySelectorAll('main img').length,
      scripts: document.querySelectorAll('body script').length,
    }));
    assert.deepEqual(dom, { pwned: undefined, images: 0, scripts: 0 });
    assert.ok((await page.textContent('#lint-view')).includes(HOSTILE.replace(/"/g, '\\"')), 'the markup is shown as text');
    await assertClean(site, page, log);
  } finally {
    await context.close();
  }
});
