// End-to-end: the Build view. Catalog search and filters, selection, forms
// generated from declared inputs with the core's messages inline, live output
// for every client (parsed in its own syntax), copy, download, the zip of
// everything, deep links, share links, persistence and "forget everything".
//
//   node --test tests/browser/ui-build.test.mjs   (after scripts/build)

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { init } from '../../wasm/src/index.js';
import {
  CLIENT_IDS, DEPLOY_IDS, TIMEOUT, addServers, assertClean, load, openPage, output, parseOutput,
  screenshot, startSite, waitForOutput,
} from './ui-lib.mjs';

let site;
let core;
before(async () => {
  site = await startSite();
  core = await init();
}, { timeout: TIMEOUT });
after(() => site?.close());

async function withPage(options, fn) {
  const { context, page, log } = await openPage(site, options);
  try {
    await fn(page, log, context);
  } finally {
    await context.close();
  }
}

const visibleIds = (page) => page.locator('#cards > li:not([hidden])').evaluateAll((items) => items.map((li) => li.dataset.id));
const sorted = (list) => [...list].sort();

describe('catalog', () => {
  test('search as you type (name, description, keywords) and filters by category, transport and runtime', { timeout: TIMEOUT }, () => withPage({}, async (page, log) => {
    await load(site, page);
    const all = core.catalog();
    assert.equal((await visibleIds(page)).length, all.length);
    assert.match(await page.textContent('#catalog-count'), new RegExp(`^${all.length} servers$`));

    // Typed key by key: the list narrows on each keystroke, no button to press.
    await page.click('#search');
    await page.keyboard.type('spreadsh');
    assert.deepEqual(await visibleIds(page), ['airtable'], 'a keyword finds its server');
    assert.equal(await page.textContent('#catalog-count'), `1 of ${all.length} servers`);
    await page.fill('#search', 'scrape');
    assert.deepEqual(sorted(await visibleIds(page)), sorted(core.catalog('scrape').map((c) => c.id)));
    assert.ok((await visibleIds(page)).includes('apify'), 'a word of the description finds its server');
    await page.fill('#search', 'GitHub');
    assert.ok((await visibleIds(page)).includes('github'), 'the name finds its server');
    await page.fill('#search', 'zzzz-no-such-server');
    assert.deepEqual(await visibleIds(page), []);
    await page.fill('#search', '');

    await page.selectOption('#f-category', 'data');
    assert.deepEqual(sorted(await visibleIds(page)), sorted(all.filter((c) => c.category === 'data').map((c) => c.id)));
    await page.selectOption('#f-category', '');
    await page.selectOption('#f-transport', 'remote');
    assert.deepEqual(sorted(await visibleIds(page)), sorted(all.filter((c) => c.remote).map((c) => c.id)));
    await page.selectOption('#f-transport', 'local');
    assert.deepEqual(sorted(await visibleIds(page)), sorted(all.filter((c) => c.runtimes.length).map((c) => c.id)));
    await page.selectOption('#f-transport', '');
    for (const runtime of ['npm', 'pypi', 'oci']) {
      await page.selectOption('#f-runtime', runtime);
      const want = all.filter((c) => c.runtimes.includes(runtime)).map((c) => c.id);
      assert.ok(want.length > 0);
      assert.deepEqual(sorted(await visibleIds(page)), sorted(want), runtime);
    }
    await page.selectOption('#f-runtime', 'remote');
    assert.deepEqual(sorted(await visibleIds(page)), sorted(all.filter((c) => c.remote).map((c) => c.id)));
    // Search and filters combine.
    await page.selectOption('#f-runtime', 'oci');
    await page.fill('#search', 'git');
    assert.deepEqual(sorted(await visibleIds(page)), sorted(core.catalog('git').filter((c) => c.runtimes.includes('oci')).map((c) => c.id)));

    // A card says what the server does and what it needs.
    const card = page.locator('#cards > li[data-id="github"]');
    assert.match(await card.textContent(), /GitHub's official server/);
    assert.match(await card.locator('.needs').textContent(), /Docker.*GITHUB_PERSONAL_ACCESS_TOKEN \(secret\)/);
    await assertClean(site, page, log);
  }));
});

describe('forms', () => {
  test('each selected server gets a form with the right control per declared input', { timeout: TIMEOUT }, () => withPage({}, async (page, log) => {
    await load(site, page);
    await addServers(page, ['github', 'filesystem', 'brave-search', 'chrome-devtools', 'heroku']);
    assert.equal(await page.getAttribute('#cards > li[data-id="github"] button.add', 'aria-pressed'), 'true');
    const gh = page.locator('#configs > section[data-server="github"]');
    assert.equal(await gh.locator('[name="GITHUB_PERSONAL_ACCESS_TOKEN"]').getAttribute('type'), 'password', 'secret → password');
    assert.equal(await gh.locator('[name="GITHUB_PERSONAL_ACCESS_TOKEN"]').getAttribute('aria-required'), 'true');
    assert.match(await gh.locator('[data-input="GITHUB_PERSONAL_ACCESS_TOKEN"] label').textContent(), /required/i, 'required mark');
    assert.equal(await gh.locator('[name="GITHUB_READ_ONLY"]').getAttribute('type'), 'checkbox', 'boolean → checkbox');
    assert.equal(await gh.locator('[name="GITHUB_TOOLSETS"]').getAttribute('type'), 'text');
    assert.equal(await page.getAttribute('[data-server="heroku"] [name="MCP_SERVER_REQUEST_TIMEOUT"]', 'type'), 'number', 'number → number');
    const level = page.locator('[data-server="brave-search"] select[name="BRAVE_MCP_LOG_LEVEL"]');
    assert.equal(await level.inputValue(), 'info', 'choices → select, default filled');
    assert.ok((await level.locator('option').allTextContents()).includes('debug'));
    assert.equal(await page.inputValue('[data-server="chrome-devtools"] select[name="--channel"]'), 'stable', 'a named argument by its name');
    assert.equal(await page.getAttribute('[data-server="chrome-devtools"] [name="--headless"]', 'type'), 'checkbox');
    assert.equal(await page.getAttribute('[data-server="chrome-devtools"] [name="--browserUrl"]', 'type'), 'text');

    // Repeatable values: one field per value, all with the input's name.
    const fs = page.locator('#configs > section[data-server="filesystem"]');
    await fs.locator('[name="allowed_directory"]').fill('/srv/a');
    await fs.getByRole('button', { name: 'Add another allowed_directory' }).click();
    await page.keyboard.type('/srv/b');
    assert.equal(await fs.locator('[name="allowed_directory"]').count(), 2);
    const cursor = JSON.parse(await waitForOutput(page, 'cursor', (t) => t.includes('/srv/b')));
    assert.deepEqual(cursor.mcpServers.filesystem.args.slice(-2), ['/srv/a', '/srv/b']);
    await fs.getByRole('button', { name: 'Remove value 1 of allowed_directory' }).click();
    const after = JSON.parse(await waitForOutput(page, 'cursor', (t) => !t.includes('/srv/a')));
    assert.deepEqual(after.mcpServers.filesystem.args.slice(-1), ['/srv/b']);

    // A server with a package and a remote: the user picks; the form follows.
    await gh.getByLabel('Run it').selectOption('remote');
    assert.equal(await gh.locator('[name="GITHUB_PERSONAL_ACCESS_TOKEN"]').count(), 0);
    assert.equal(await gh.locator('[name="token"]').getAttribute('type'), 'password', 'a secret header variable');
    const remote = JSON.parse(await waitForOutput(page, 'claude-code', (t) => t.includes('githubcopilot')));
    assert.equal(remote.mcpServers.github.url, 'https://api.githubcopilot.com/mcp/');

    // Removing a server removes its form and its entry.
    await page.locator('#cards > li[data-id="heroku"] button.add').click();
    assert.equal(await page.locator('[data-server="heroku"]').count(), 0);
    await waitForOutput(page, 'cursor', (t) => !t.includes('heroku'));
    await assertClean(site, page, log);
  }));

  test("the core's validation messages show inline as the user types", { timeout: TIMEOUT }, () => withPage({}, async (page, log) => {
    await load(site, page);
    await addServers(page, ['github', 'filesystem']);
    const field = page.locator('[data-server="filesystem"] [name="allowed_directory"]');
    assert.equal(await field.getAttribute('aria-invalid'), 'true');
    const describedBy = (await field.getAttribute('aria-describedby')).split(/\s+/);
    const messages = await Promise.all(describedBy.map((id) => page.locator(`[id="${id}"]`).textContent()));
    assert.ok(messages.some((m) => /'allowed_directory' is required/.test(m)), `the core's message is linked to the field: ${messages}`);
    assert.match(await page.textContent('#left-out'), /Filesystem \(allowed_directory\)/);
    // The other server's file is still shown meanwhile.
    const partial = JSON.parse(await output(page, 'claude-desktop'));
    assert.deepEqual(Object.keys(partial.mcpServers), ['github']);

    await field.click();
    await page.keyboard.type('/d');
    assert.equal(await field.getAttribute('aria-invalid'), null, 'valid once typed');
    assert.ok(await page.locator('#left-out').isHidden());
    assert.ok((await output(page, 'claude-desktop')).includes('"/d"'));

    // A number the core does not accept as decimal (the browser does): the
    // core's message, inline, while the other servers stay in the file.
    await addServers(page, ['heroku']);
    const timeout = page.locator('[data-server="heroku"] [name="MCP_SERVER_REQUEST_TIMEOUT"]');
    assert.equal(await timeout.inputValue(), '15000', 'the declared default is filled in');
    await timeout.fill('');
    await page.keyboard.type('1e5');
    assert.equal(await timeout.getAttribute('aria-invalid'), 'true');
    const errorId = (await timeout.getAttribute('aria-describedby')).split(/\s+/).pop();
    assert.match(await page.textContent(`[id="${errorId}"]`), /'1e5' is not a decimal number/);
    assert.ok(await page.locator(`[id="${errorId}"]`).isVisible());
    assert.ok(!(await output(page, 'cursor')).includes('heroku'));
    await page.keyboard.press('Backspace');
    await page.keyboard.press('Backspace');
    assert.equal(await timeout.getAttribute('aria-invalid'), null);
    assert.ok((await output(page, 'cursor')).includes('"MCP_SERVER_REQUEST_TIMEOUT": "1"'));
    await assertClean(site, page, log);
  }));
});

describe('output', () => {
  test('every client output updates on each keystroke and parses in its own syntax', { timeout: TIMEOUT }, () => withPage({}, async (page, log) => {
    await load(site, page);
    await addServers(page, ['github', 'filesystem', 'fetch', 'notion']);
    const dir = page.locator('[data-server="filesystem"] [name="allowed_directory"]');
    await dir.click();
    const typed = '/srv/data';
    for (let i = 1; i <= typed.length; i += 1) {
      await page.keyboard.type(typed[i - 1]);
      if (i < 2) continue; // "/" alone is a valid path too; check from "/s"
      const text = await output(page, 'cursor');
      assert.ok(text.includes(`"${typed.slice(0, i)}"`), `after keystroke ${i} the preview holds "${typed.slice(0, i)}"`);
    }
    await page.locator('[data-server="github"] [name="GITHUB_TOOLSETS"]').fill('repos,issues');
    await page.locator('[data-server="github"] [name="GITHUB_PERSONAL_ACCESS_TOKEN"]').fill('ghp_NotWrittenInPlaceholderMode0000000000');

    const parsed = {};
    for (const id of [...CLIENT_IDS, ...DEPLOY_IDS]) {
      const text = await output(page, id);
      assert.ok(text.length > 0, `${id} has output`);
      assert.ok(!text.includes('ghp_NotWritten'), `${id}: no secret in placeholder mode`);
      parsed[id] = parseOutput(id, text);
      if (CLIENT_IDS.includes(id)) assert.ok(text.includes('/srv/data'), `${id} holds the typed value`);
    }
    assert.deepEqual(Object.keys(parsed['claude-desktop'].mcpServers).sort(), ['fetch', 'filesystem', 'github', 'notion']);
    assert.equal(parsed.vscode.servers.github.env.GITHUB_PERSONAL_ACCESS_TOKEN, '${input:github-personal-access-token}');
    assert.equal(parsed.vscode.inputs[0].password, true);
    assert.equal(parsed['claude-code'].mcpServers.github.env.GITHUB_PERSONAL_ACCESS_TOKEN, '${GITHUB_PERSONAL_ACCESS_TOKEN}');
    assert.equal(parsed['claude-code'].mcpServers.github.env.GITHUB_TOOLSETS, 'repos,issues');
    assert.ok(parsed.zed.context_servers.filesystem);
    assert.deepEqual(parsed.codex.mcp_servers.github.env_vars, ['GITHUB_PERSONAL_ACCESS_TOKEN']);
    assert.ok(parsed.continue.mcpServers.some((s) => s.name === 'fetch'));
    assert.ok(parsed.goose.extensions.filesystem);
    assert.ok(parsed.compose.services.github);
    assert.ok(parsed['package-json'].dependencies['@modelcontextprotocol/server-filesystem']);
    assert.match(parsed['env-example'], /^GITHUB_PERSONAL_ACCESS_TOKEN=$/m);
    assert.match(parsed.dockerfile, /^FROM /m);

    // The operating system switch: Windows wraps npx in cmd /c.
    await page.selectOption('#os', 'windows');
    const win = JSON.parse(await waitForOutput(page, 'cursor', (t) => t.includes('"cmd"')));
    assert.equal(win.mcpServers.filesystem.command, 'cmd');

    // Tabs: one per target, keyboard arrows move between them.
    assert.equal(await page.locator('#tabs [role="tab"]').count(), 16);
    await page.click('#tab-claude-desktop');
    await page.keyboard.press('ArrowRight');
    assert.equal(await page.getAttribute('#tab-claude-code', 'aria-selected'), 'true');
    assert.ok(await page.locator('#panel-claude-code').isVisible());
    assert.ok(await page.locator('#panel-claude-desktop').isHidden());
    assert.match(await page.textContent('#panel-claude-code .where'), /\.mcp\.json/);
    assert.match(await page.textContent('#details'), /claude mcp add/);
    await assertClean(site, page, log);
  }));

  test('inline secrets are a deliberate switch that explains the risk', { timeout: TIMEOUT }, () => withPage({}, async (page, log) => {
    await load(site, page);
    await addServers(page, ['github']);
    const secret = 'ghp_InlineOnlyWhenAsked0123456789abcdefAB';
    await page.fill('[name="GITHUB_PERSONAL_ACCESS_TOKEN"]', secret);
    assert.equal(await page.isChecked('#secrets-inline'), false, 'placeholders by default');
    assert.ok(!(await output(page, 'cursor')).includes(secret));
    assert.ok(await page.locator('#inline-warning').isHidden());
    assert.match(await page.textContent('#secrets-help'), /plain text/);
    await page.check('#secrets-inline');
    assert.ok(await page.locator('#inline-warning').isVisible(), 'a warning stays on screen');
    const inline = JSON.parse(await waitForOutput(page, 'cursor', (t) => t.includes(secret)));
    assert.equal(inline.mcpServers.github.env.GITHUB_PERSONAL_ACCESS_TOKEN, secret);
    await page.uncheck('#secrets-inline');
    await waitForOutput(page, 'cursor', (t) => !t.includes(secret));
    await assertClean(site, page, log);
  }));

  test('copy and download a client file, install commands and links', { timeout: TIMEOUT }, () => withPage({ permissions: ['clipboard-read', 'clipboard-write'] }, async (page, log) => {
    await load(site, page);
    await addServers(page, ['memory', 'fetch']);
    await page.click('#tab-cursor');
    const panel = page.locator('#panel-cursor');
    await panel.getByRole('button', { name: 'Copy' }).click();
    await page.waitForFunction(() => /Copied/.test(document.getElementById('flash').textContent));
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), await output(page, 'cursor'));

    const [download] = await Promise.all([page.waitForEvent('download'), panel.getByRole('button', { name: 'Download' }).click()]);
    assert.equal(download.suggestedFilename(), 'mcp.json');
    assert.equal(readFileSync(await download.path(), 'utf8'), await output(page, 'cursor'));

    // Cursor install links use only the client's own scheme.
    const links = await page.locator('#details a.install-link').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    assert.equal(links.length, 2);
    assert.ok(links.every((href) => href.startsWith('cursor://anysphere.cursor-deeplink/mcp/install?')), links.join('\n'));

    await page.click('#tab-codex');
    const command = await page.locator('#details .cmd code').first().textContent();
    assert.match(command, /^codex mcp add /);
    await page.locator('#details .cmd button').first().click();
    await page.waitForFunction((c) => document.getElementById('flash').textContent.includes('command'), command);
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), command);
    await assertClean(site, page, log);
  }));

  test('"Download all" is a valid zip holding every output', { timeout: TIMEOUT }, () => withPage({}, async (page, log) => {
    await load(site, page);
    await addServers(page, ['github', 'memory', 'time']);
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#download-all')]);
    assert.equal(download.suggestedFilename(), 'mcp-config.zip');
    const dir = mkdtempSync(path.join(os.tmpdir(), 'mcp-zip-'));
    try {
      const file = path.join(dir, 'all.zip');
      await download.saveAs(file);
      execFileSync('unzip', ['-t', '-q', file]); // throws on a bad CRC or structure
      const listing = JSON.parse(execFileSync('python3', ['-c', `
import json, sys, zipfile
with zipfile.ZipFile(sys.argv[1]) as z:
    assert z.testzip() is None
    print(json.dumps({i.filename: z.read(i).decode('utf-8') for i in z.infolist()}))`, file], { encoding: 'utf8' }));
      const names = Object.keys(listing);
      assert.equal(names.length, 16, names.join(', '));
      for (const id of [...CLIENT_IDS, ...DEPLOY_IDS]) {
        const name = names.find((n) => n.startsWith(`mcp-config/${id}/`));
        assert.ok(name, `${id} is in the zip`);
        assert.equal(listing[name], await output(page, id), `${name} is the output on screen`);
      }
      assert.ok(names.includes('mcp-config/claude-desktop/claude_desktop_config.json'));
      assert.ok(names.includes('mcp-config/env-example/.env.example'));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    await assertClean(site, page, log);
  }));
});

describe('links and memory', () => {
  test('#/server/<id> opens that server\'s form', { timeout: TIMEOUT }, () => withPage({}, async (page, log) => {
    await load(site, page, '#/server/notion');
    const section = page.locator('#configs > section[data-server="notion"]');
    await section.waitFor();
    assert.equal(await page.getAttribute('body', 'data-view'), 'build');
    assert.ok(await section.evaluate((s) => s.contains(document.activeElement)), 'focus is in its form');
    assert.equal(await page.evaluate(() => document.activeElement.name), 'NOTION_TOKEN');
    assert.ok((await output(page, 'cursor')).includes('"notion"'));
    await page.evaluate(() => { location.hash = '#/server/no-such-server'; });
    await page.waitForFunction(() => /No server/.test(document.getElementById('flash').textContent));
    await assertClean(site, page, log);
  }));

  test('a share link holds the selection and non-secret settings, never a secret', { timeout: TIMEOUT }, () => withPage({ permissions: ['clipboard-read', 'clipboard-write'] }, async (page, log) => {
    await load(site, page);
    await addServers(page, ['github', 'filesystem']);
    const secret = 'ghp_ShareMustNeverHoldThis0123456789abcd';
    const tokenLike = 'glpat-TypedIntoAPlainField1234';
    await page.fill('[name="GITHUB_PERSONAL_ACCESS_TOKEN"]', secret);
    await page.fill('[name="GITHUB_TOOLSETS"]', 'repos');
    await page.fill('[name="GITHUB_HOST"]', tokenLike);
    await page.fill('[name="allowed_directory"]', '/srv/shared');
    await page.click('#share');
    const link = await page.inputValue('#share-link');
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), link);
    assert.ok(!link.includes(secret) && !link.includes(tokenLike));
    const data = Buffer.from(new URL(link).hash.replace('#/share/', ''), 'base64url').toString('utf8');
    assert.ok(!data.includes(secret) && !data.includes('ghp_'), 'no secret, not even encoded');
    assert.ok(!data.includes(tokenLike), 'a value that looks like a token is left out too');
    assert.match(data, /\/srv\/shared/);
    assert.match(data, /repos/);

    const other = await openPage(site);
    try {
      await load(site, other.page, new URL(link).hash);
      await other.page.locator('[data-server="filesystem"]').waitFor();
      assert.equal(await other.page.inputValue('[name="allowed_directory"]'), '/srv/shared');
      assert.equal(await other.page.inputValue('[name="GITHUB_TOOLSETS"]'), 'repos');
      assert.equal(await other.page.inputValue('[name="GITHUB_PERSONAL_ACCESS_TOKEN"]'), '');
      assert.equal(new URL(other.page.url()).hash, '#/', 'the share data leaves the address bar');
      await assertClean(site, other.page, other.log);
    } finally {
      await other.context.close();
    }
    await assertClean(site, page, log);
  }));

  test('a crafted share link cannot break the page or inject anything', { timeout: TIMEOUT }, () => withPage({}, async (page, log) => {
    const hostileDoc = JSON.stringify({
      name: 'io.github.evil/share', title: '<img src=x onerror="window.__pwned=1">', description: '</script>', version: '1.0.0',
      packages: [{ registryType: 'npm', identifier: 'evil', version: '1.0.0', transport: { type: 'stdio' },
        environmentVariables: [{ name: 'EVIL', description: 'x' }] }],
    });
    const data = {
      s: [
        { id: 'github', v: { GITHUB_TOOLSETS: { toString: 'x' }, GITHUB_HOST: ['a.example', 7], GITHUB_PERSONAL_ACCESS_TOKEN: 'ghp_FromALinkNeverFilledIn000000000000' } },
        { id: 'no-such-server' }, { doc: '{not json' }, { doc: hostileDoc, v: { EVIL: 'javascript:window.__pwned=1' } }, 42, null,
      ],
      os: '<img src=x>',
    };
    await load(site, page, `#/share/${Buffer.from(JSON.stringify(data)).toString('base64url')}`);
    await page.locator('[data-server="import-1"]').waitFor();
    assert.deepEqual(await page.locator('#configs > section').evaluateAll((s) => s.map((x) => x.dataset.server)), ['github', 'import-1']);
    assert.equal(await page.inputValue('[name="GITHUB_TOOLSETS"]'), '', 'a non-string value is dropped');
    assert.equal(await page.inputValue('[name="GITHUB_HOST"]'), 'a.example');
    assert.equal(await page.inputValue('[name="GITHUB_PERSONAL_ACCESS_TOKEN"]'), '', 'a link never fills a secret');
    assert.equal(await page.inputValue('#os'), 'posix');
    assert.ok(JSON.parse(await output(page, 'cursor')).mcpServers.share, 'the page still generates');
    assert.equal(await page.evaluate(() => window.__pwned), undefined);
    assert.equal(await page.locator('main img').count(), 0);
    await assertClean(site, page, log);
  }));

  test('non-secret work survives a reload; "Forget everything" clears it', { timeout: TIMEOUT }, () => withPage({}, async (page, log) => {
    await load(site, page);
    await addServers(page, ['github', 'filesystem']);
    await page.fill('[name="allowed_directory"]', '/srv/kept');
    await page.fill('[name="GITHUB_TOOLSETS"]', 'actions');
    await page.fill('[name="GITHUB_PERSONAL_ACCESS_TOKEN"]', 'ghp_GoneAfterReload0123456789abcdefABCD');
    await page.selectOption('#os', 'windows');
    await page.click('#tab-codex');
    await page.waitForTimeout(400); // saved shortly after the last change
    await page.reload();
    await page.waitForSelector('body[data-status="ready"]');
    assert.deepEqual(await page.locator('#configs > section').evaluateAll((s) => s.map((x) => x.dataset.server)), ['github', 'filesystem']);
    assert.equal(await page.inputValue('[name="allowed_directory"]'), '/srv/kept');
    assert.equal(await page.inputValue('[name="GITHUB_TOOLSETS"]'), 'actions');
    assert.equal(await page.inputValue('[name="GITHUB_PERSONAL_ACCESS_TOKEN"]'), '', 'secrets are not kept');
    assert.equal(await page.inputValue('#os'), 'windows');
    assert.equal(await page.getAttribute('#tab-codex', 'aria-selected'), 'true');
    assert.ok((await output(page, 'codex')).includes('/srv/kept'));

    await page.click('#forget');
    assert.equal(await page.locator('#configs > section').count(), 0);
    assert.equal(await page.evaluate(() => localStorage.length + sessionStorage.length), 0);
    assert.equal(await output(page, 'cursor'), '');
    assert.match(await page.textContent('#flash'), /forgotten/i);
    await page.waitForTimeout(300);
    await page.reload();
    await page.waitForSelector('body[data-status="ready"]');
    assert.equal(await page.locator('#configs > section').count(), 0, 'nothing comes back after a reload');
    assert.equal(await page.evaluate(() => localStorage.length), 0);
    await screenshot(page, 'build-empty-after-forget');
    await assertClean(site, page, log);
  }));
});
