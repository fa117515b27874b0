// End-to-end accessibility and layout: axe-core reports zero violations on
// every view (build with forms and messages, import, lint with findings), at
// 375 px and at desktop width, in light and dark; nothing overflows sideways
// at 375 px; the builder works with the keyboard alone, with visible focus.
// Screenshots of each view go to build/test-artifacts/screenshots/.
//
//   node --test tests/browser/ui-a11y.test.mjs   (after scripts/build)

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import AxeBuilder from '@axe-core/playwright';
import { TIMEOUT, addServers, assertClean, load, openPage, output, screenshot, startSite } from './ui-lib.mjs';

let site;
before(async () => { site = await startSite(); }, { timeout: TIMEOUT });
after(() => site?.close());

const LINT_CONFIG = '{\n  "mcpServers": {\n    "gh": {\n      "command": "npx",\n      "args": ["-y", "@modelcontextprotocol/server-github"],\n'
  + '      "env": { "GITHUB_TOKEN": "ghp_Qw3Er5Ty7Ui9Op1As3DOp1As3Df5Gh7Jk9Lz" }\n    }\n  }\n}\n';

async function axe(page, what) {
  const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  const summary = violations.map((v) => `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join('\n    ')}`);
  assert.deepEqual(summary, [], `axe violations on ${what}`);
}

async function noSidewaysScroll(page, what) {
  const { scroll, width } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, width: window.innerWidth }));
  assert.ok(scroll <= width, `${what}: the page is ${scroll} px wide in a ${width} px window`);
}

for (const [label, width, height] of [['desktop', 1280, 900], ['mobile', 375, 812]]) {
  for (const colorScheme of ['light', 'dark']) {
    test(`axe: every view, ${label} ${colorScheme}`, { timeout: TIMEOUT }, async () => {
      const { context, page, log } = await openPage(site, { width, height, colorScheme });
      const name = (view) => `${view}-${label}-${colorScheme}`;
      try {
        await load(site, page);
        await axe(page, 'the empty build view');
        await addServers(page, ['github', 'filesystem', 'brave-search', 'chrome-devtools']);
        await page.fill('[name="GITHUB_TOOLSETS"]', 'repos,issues');
        await page.click('#tab-vscode');
        await page.click('#share');
        await page.check('#secrets-inline');
        await axe(page, 'the build view with forms, a missing required value, inline secrets on');
        await noSidewaysScroll(page, 'build');
        await page.locator('#catalog-heading').scrollIntoViewIfNeeded();
        await screenshot(page, name('build-catalog'));
        await page.locator('[data-server="filesystem"]').scrollIntoViewIfNeeded();
        await screenshot(page, name('build-forms'));
        await page.locator('#output-heading').scrollIntoViewIfNeeded();
        await screenshot(page, name('build-output'));
        await page.uncheck('#secrets-inline');

        await page.click('a[data-nav="import"]');
        await page.waitForFunction(() => document.body.dataset.view === 'import');
        await page.fill('#source', '{"name": "bad name", "description": "x", "version": "^1.0"}');
        await page.locator('#diagnostics > li').first().waitFor();
        await axe(page, 'the import view with findings');
        await noSidewaysScroll(page, 'import');
        await screenshot(page, name('import'));

        await page.click('a[data-nav="lint"]');
        await page.waitForSelector('body[data-lint="ready"]', { state: 'attached', timeout: TIMEOUT });
        await page.fill('#lint-source', LINT_CONFIG);
        await page.locator('#findings > li[data-rule="secret/github-pat"]').waitFor();
        await page.click('#convert');
        await axe(page, 'the lint view with findings and a conversion');
        await noSidewaysScroll(page, 'lint');
        await screenshot(page, name('lint'));
        await page.click('#apply-fix');
        await axe(page, 'the lint view after fixing');
        await assertClean(site, page, log);
      } finally {
        await context.close();
      }
    });
  }
}

describe('keyboard only', () => {
  test('find, add and configure a server and read its output with the keyboard alone', { timeout: TIMEOUT }, async () => {
    const { context, page, log } = await openPage(site);
    try {
      await load(site, page);
      const focused = () => page.evaluate(() => {
        const a = document.activeElement;
        const style = getComputedStyle(a);
        return { id: a.id, name: a.getAttribute('name'), label: a.getAttribute('aria-label') ?? a.textContent.trim(), outline: style.outlineStyle, width: style.outlineWidth };
      });
      // The skip link comes first and lands on the content.
      await page.keyboard.press('Tab');
      assert.equal((await focused()).label, 'Skip to the content');
      // Tab through the header to the search box.
      for (let i = 0; i < 12 && (await focused()).id !== 'search'; i += 1) await page.keyboard.press('Tab');
      const search = await focused();
      assert.equal(search.id, 'search');
      assert.notEqual(search.outline, 'none', 'focus is visible');
      await page.keyboard.type('memory');
      // Tab to the first visible card's button and press it.
      for (let i = 0; i < 10 && !/^Select /.test((await focused()).label); i += 1) await page.keyboard.press('Tab');
      const button = await focused();
      assert.equal(button.label, `Select ${await page.textContent('#cards > li[data-id="memory"] h3')}`);
      assert.notEqual(button.outline, 'none');
      await page.keyboard.press('Enter');
      await page.locator('[data-server="memory"]').waitFor();
      // Onward into the form: the first field of the new server.
      for (let i = 0; i < 40 && (await focused()).name !== 'MEMORY_FILE_PATH'; i += 1) await page.keyboard.press('Tab');
      assert.equal((await focused()).name, 'MEMORY_FILE_PATH');
      await page.keyboard.type('/srv/memory.jsonl');
      assert.ok((await output(page, 'claude-desktop')).includes('/srv/memory.jsonl'));
      // Onward to the tabs; arrows switch the client.
      for (let i = 0; i < 40 && !(await focused()).id.startsWith('tab-'); i += 1) await page.keyboard.press('Tab');
      assert.equal((await focused()).id, 'tab-claude-desktop');
      await page.keyboard.press('End');
      assert.equal((await focused()).id, 'tab-env-example');
      await page.keyboard.press('Home');
      await page.keyboard.press('ArrowRight');
      await page.keyboard.press('ArrowRight');
      assert.equal((await focused()).id, 'tab-cursor');
      assert.ok(await page.locator('[data-output="cursor"]').isVisible());
      // Tab reaches the panel's buttons and the output itself (scrollable: focusable).
      await page.keyboard.press('Tab');
      assert.equal((await focused()).label, 'Copy');
      await assertClean(site, page, log);
    } finally {
      await context.close();
    }
  });
});
