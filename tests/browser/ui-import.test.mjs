// End-to-end: the Import view. A pasted or opened registry server.json is
// validated as the user types and can be used like a catalog entry; hostile
// entries (markup, </script>, javascript: URLs) are shown as text and never
// run, inject an element or become a clickable link.
//
//   node --test tests/browser/ui-import.test.mjs   (after scripts/build)

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  HOSTILE, TIMEOUT, assertClean, load, openPage, output, parseOutput, requestMark, requestsSince, screenshot, startSite, waitForOutput,
} from './ui-lib.mjs';

let site;
before(async () => { site = await startSite(); }, { timeout: TIMEOUT });
after(() => site?.close());

const WEATHER = JSON.stringify({
  $schema: 'https://static.modelcontextprotocol.io/schemas/2025-12-11/server.schema.json',
  name: 'io.github.example/weather',
  title: 'Weather',
  description: 'Current conditions and forecasts for any city.',
  version: '1.2.0',
  packages: [{
    registryType: 'npm',
    identifier: '@example/weather-mcp',
    version: '1.2.0',
    transport: { type: 'stdio' },
    packageArguments: [{ type: 'named', name: '--units', description: 'Units', choices: ['metric', 'imperial'], default: 'metric' }],
    environmentVariables: [
      { name: 'WEATHER_API_KEY', description: 'API key', isRequired: true, isSecret: true },
      { name: 'WEATHER_CITY', description: 'Default city', isRequired: true },
    ],
  }],
}, null, 2);

async function withPage(fn) {
  const { context, page, log } = await openPage(site);
  try {
    await fn(page, log);
  } finally {
    await context.close();
  }
}

test('a pasted server.json is validated and used like a catalog entry', { timeout: TIMEOUT }, () => withPage(async (page, log) => {
  await load(site, page, '#/import');
  assert.equal(await page.getAttribute('body', 'data-view'), 'import');
  await page.fill('#source', '{"name": "bad name", "description": "x", "version": "1.0.0"}');
  await page.locator('#diagnostics > li[data-rule="schema/name-pattern"]').waitFor();
  assert.ok(await page.isDisabled('#use-server'), 'nothing to run: cannot be used');

  await page.fill('#source', WEATHER);
  await page.waitForFunction(() => document.getElementById('result').dataset.valid === 'true');
  assert.ok(await page.isEnabled('#use-server'));
  await screenshot(page, 'import-desktop');
  await page.click('#use-server');
  await page.waitForFunction(() => document.body.dataset.view === 'build');
  const section = page.locator('#configs > section[data-server="import-1"]');
  await section.waitFor();
  assert.equal(await section.locator('h3').textContent(), 'Weather');
  assert.equal(await section.locator('[name="WEATHER_API_KEY"]').getAttribute('type'), 'password');
  assert.equal(await section.locator('select[name="--units"]').inputValue(), 'metric');
  assert.ok(await section.evaluate((s) => s.contains(document.activeElement)), 'focus moves to its form');
  await section.locator('[name="WEATHER_CITY"]').fill('Lisbon');
  const cursor = parseOutput('cursor', await waitForOutput(page, 'cursor', (t) => t.includes('Lisbon')));
  assert.deepEqual(cursor.mcpServers.weather.args, ['-y', '@example/weather-mcp@1.2.0', '--units=metric']);
  assert.equal(cursor.mcpServers.weather.env.WEATHER_CITY, 'Lisbon');

  // An opened file works the same way, and is read on this device only.
  await page.click('a[data-nav="import"]');
  const before = requestMark(site, log);
  await page.setInputFiles('#file', { name: 'server.json', mimeType: 'application/json', buffer: Buffer.from(WEATHER.replace('weather"', 'weather-two"').replace('"Weather"', '"Weather two"')) });
  await page.waitForFunction(() => /server\.json/.test(document.getElementById('file-note').textContent));
  await page.click('#use-server');
  await page.locator('#configs > section[data-server="import-2"]').waitFor();
  assert.equal(await page.locator('#configs > section[data-server="import-2"] h3').textContent(), 'Weather two');
  assert.deepEqual(requestsSince(site, log, before), [], 'opening a file made no request');

  // Imported servers survive a reload too (the document is not a secret).
  await page.waitForTimeout(300);
  await page.reload();
  await page.waitForSelector('body[data-status="ready"]');
  assert.equal(await page.locator('#configs > section[data-server^="import-"]').count(), 2);
  assert.equal(await page.inputValue('[name="WEATHER_CITY"] >> nth=0'), 'Lisbon');
  assert.ok((await output(page, 'claude-desktop')).includes('"weather"'));
  assert.match(await page.textContent('#left-out'), /Weather two \(WEATHER_CITY\)/, 'the second still needs its city');
  await assertClean(site, page, log);
}));

test('hostile entries render as text: nothing runs, no element is injected, no javascript: link', { timeout: TIMEOUT }, () => withPage(async (page, log) => {
  await load(site, page, '#/import');
  const hostile = JSON.stringify({
    name: 'io.github.evil/x',
    title: HOSTILE,
    description: '</script><script>window.__pwned=1</script>',
    version: '1.0.0',
    websiteUrl: 'javascript:window.__pwned=1',
    repository: { url: 'javascript:window.__pwned=1', source: 'github' },
    packages: [{
      registryType: 'npm',
      identifier: 'evil-pkg',
      version: '1.0.0',
      transport: { type: 'stdio' },
      environmentVariables: [
        { name: 'EVIL', description: HOSTILE, default: 'javascript:window.__pwned=1', placeholder: '<b>x</b>' },
      ],
    }],
    remotes: [{ type: 'streamable-http', url: 'javascript:window.__pwned=1' }],
  }, null, 2);
  const elementsBefore = await page.evaluate(() => document.querySelectorAll('*').length);
  await page.fill('#source', hostile);
  await page.waitForFunction((t) => document.querySelector('#summary dd[data-field="title"]')?.textContent === t, HOSTILE);
  await page.click('#use-server');
  const section = page.locator('#configs > section[data-server="import-1"]');
  await section.waitFor();
  assert.equal(await section.locator('h3').textContent(), HOSTILE, 'the title is text');
  assert.equal(await section.locator('.desc').textContent(), '</script><script>window.__pwned=1</script>');
  assert.equal(await section.locator('[name="EVIL"]').inputValue(), 'javascript:window.__pwned=1', 'a default is a value, never a link');
  await page.click('#tab-cursor');
  await page.waitForTimeout(400); // an injected onerror or script would have run by now

  const dom = await page.evaluate(() => ({
    pwned: window.__pwned,
    injectedImages: document.querySelectorAll('img:not(.brand img)').length,
    scripts: document.querySelectorAll('body script, main script').length,
    bold: document.querySelectorAll('main b').length,
    javascriptLinks: [...document.querySelectorAll('a[href]')].filter((a) => !/^(https?:|#|cursor:|vscode:|lmstudio:|goose:|blob:)/.test(a.href)).map((a) => a.href),
    elementsInTitle: document.querySelectorAll('#configs h3 *').length,
  }));
  assert.deepEqual(dom, { pwned: undefined, injectedImages: 0, scripts: 0, bold: 0, javascriptLinks: [], elementsInTitle: 0 });
  assert.ok((await page.evaluate(() => document.querySelectorAll('*').length)) > elementsBefore);
  // The install links that do exist are the client's own scheme only.
  for (const href of await page.locator('#details a').evaluateAll((as) => as.map((a) => a.getAttribute('href')))) {
    assert.match(href, /^cursor:\/\//);
  }
  await screenshot(page, 'import-hostile-build');
  await assertClean(site, page, log);
}));
