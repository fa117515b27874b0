// End-to-end: the Lint view's work runs in a module worker (site/lint-worker.js).
// Its answers are the package's own (and what the page computed before the
// worker existed); the page stays responsive while a file near the 16 MiB
// limit is checked; an outdated answer is never shown; the worker file is
// content-addressed, checked against its SHA-384 before it starts, precached,
// and runs under the CSP and Trusted Types; a tampered copy never runs.
//
//   node --test tests/browser/ui-worker.test.mjs   (after scripts/build or
//   bash scripts/lib/assemble-site.sh)

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { appendFileSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { init } from '../../wasm/src/index.js';
import { TARGETS } from '../../site/common.js';
import { CSP, startServer } from '../../scripts/serve.mjs';
import { HOSTILE, SITE_ROOT, TIMEOUT, assertClean, load, openPage, repoRoot, startSite } from './ui-lib.mjs';
import { assetName, copySite } from './delivery-helpers.mjs';

const LABEL = Object.fromEntries(TARGETS.map(([id, label]) => [id, label]));
const sri = (bytes) => `sha384-${createHash('sha384').update(bytes).digest('base64')}`;
const WORKER_FILE = assetName(SITE_ROOT, 'lint-worker.', '.js');

let site;
let linter;
before(async () => {
  site = await startSite();
  linter = await init({ lint: true });
}, { timeout: TIMEOUT });
after(() => site?.close());

// A GitHub token the scanner recognises, split so that no scanner flags this file.
const TOKEN = ['ghp', 'Qw3Er5Ty7Ui9Op1As3DOp1As3Df5Gh7Jk9Lz'].join('_');

/** The status line the view shows for a report (site/lint.js, showReport). */
function statusOf(report) {
  const n = { error: 0, warning: 0, info: 0 };
  for (const f of report.findings) n[f.severity] += 1;
  const as = report.client ? `Read as ${LABEL[report.client] ?? report.client}` : 'Not readable';
  const s = (k, word) => `${n[k]} ${word}${n[k] === 1 ? '' : 's'}`;
  return `${as}: ${s('error', 'error')}, ${s('warning', 'warning')}, ${s('info', 'note')}${report.omitted ? `, ${report.omitted} more not listed` : ''}.`;
}

/**
 * The lint view, with its work in the worker ('worker', the site as built)
 * or on the page ('page': window.Worker removed, the path the single file
 * takes and the site took before the worker).
 */
async function openLint(engine = 'worker') {
  const opened = await openPage(site);
  const workers = [];
  opened.page.on('worker', (w) => workers.push(w));
  if (engine === 'page') await opened.context.addInitScript(() => { delete window.Worker; });
  await load(site, opened.page);
  await opened.page.click('a[data-nav="lint"]');
  await opened.page.waitForSelector('body[data-lint="ready"]', { state: 'attached', timeout: TIMEOUT });
  assert.equal(await opened.page.getAttribute('body', 'data-lint-engine'), engine);
  return { ...opened, workers };
}

/**
 * Replace the box's text as a paste does: one input event. (page.fill types
 * a long text line by line: 9 s for 1,800 lines.)
 */
const paste = (page, text) => page.evaluate((t) => {
  const area = document.getElementById('lint-source');
  area.value = t;
  area.dispatchEvent(new Event('input', { bubbles: true }));
}, text);

/** Put `text` in the box as a paste would, then wait until the view shows `status`. */
async function check(page, text, status) {
  await paste(page, '');
  await page.waitForFunction(() => document.getElementById('lint-status').textContent === 'Paste a file to check it.');
  await paste(page, text);
  await page.waitForFunction((s) => document.getElementById('lint-status').textContent === s, status);
}

/** What the view shows: the words and the markup of every result element. */
const snapshot = (page) => page.evaluate(() => Object.fromEntries(['lint-status', 'lint-detected', 'findings', 'lint-view']
  .map((id) => [id, document.getElementById(id).outerHTML])));

const LONG = `{\n  "mcpServers": {\n${Array.from({ length: 1800 }, (_, i) => `    "s${i}": { "command": "npx", "args": ["-y", "pkg-${i}@1.0.${i}"]${i === 1200 ? `, "env": { "GITHUB_TOKEN": "${TOKEN}" }` : ''} },`).join('\n')}\n    "last": { "command": "npx", "args": ["-y", "unpinned"] }\n  }\n}\n`;

const SAMPLES = [
  ['claude desktop, a secret and an unpinned package', JSON.stringify({ mcpServers: { gh: { command: 'npx', args: ['-y', '@modelcontextprotocol/server-github'], env: { GITHUB_TOKEN: TOKEN } } } }, null, 2)],
  ['codex TOML', `[mcp_servers.gh]\ncommand = "npx"\nargs = ["-y", "x@1.0.0"]\n\n[mcp_servers.gh.env]\nGITHUB_TOKEN = "${TOKEN}"\n`],
  ['VS Code JSONC with a comment, a trailing comma and a secret header', `{\n  // mine\n  "servers": {\n    "api": { "type": "http", "url": "https://example.com/mcp", "headers": { "Authorization": "Bearer ${TOKEN}" }, },\n  },\n}\n`],
  ['a syntax error', '{\n  "mcpServers": {\n    "x": { "command": "npx", }\n  }\n}\n'],
  ['a hostile name', JSON.stringify({ mcpServers: { [HOSTILE]: { command: '</script><script>window.__pwned=1</script>', args: [HOSTILE] } } }, null, 2)],
  ['1,800 lines, only the flagged ones shown', LONG],
];

test('lint, fix and convert through the worker: the package\'s answers, and the same page as the on-page path', { timeout: 4 * TIMEOUT }, async () => {
  const viaWorker = await openLint('worker');
  const onPage = await openLint('page');
  try {
    for (const [what, text] of SAMPLES) {
      const report = linter.lint(text);
      const status = statusOf(report);
      await Promise.all([check(viaWorker.page, text, status), check(onPage.page, text, status)]);
      const shown = await viaWorker.page.$$eval('#findings > li', (items) => items.map((li) => ({ ...li.dataset, message: li.querySelector('.message').textContent })));
      assert.deepEqual(shown, report.findings.map((f) => ({ rule: f.rule, severity: f.severity, line: String(f.line), column: String(f.column), message: f.message })), `${what}: the findings`);
      assert.deepEqual(await snapshot(viaWorker.page), await snapshot(onPage.page), `${what}: the same view on both paths`);

      for (const to of ['vscode', 'codex']) {
        const expected = linter.convert(text, { to });
        for (const { page } of [viaWorker, onPage]) {
          await page.selectOption('#convert-to', to);
          await page.evaluate(() => { document.getElementById('convert-notes').replaceChildren(); });
          await page.click('#convert');
          await page.waitForFunction(() => document.getElementById('convert-notes').children.length || !document.getElementById('convert-output').hidden);
          if (expected.ok) await page.waitForFunction((t) => document.getElementById('convert-output').textContent === t, expected.text);
          assert.equal(await page.isHidden('#convert-output'), !expected.ok, `${what}: converted to ${to} or not`);
          assert.deepEqual(await page.$$eval('#convert-notes > li', (l) => l.map((li) => li.textContent)), expected.notes.map((n) => `${n.severity} ${n.message}`));
        }
      }

      const fixed = linter.fix(text);
      for (const { page } of [viaWorker, onPage]) {
        await page.click('#apply-fix');
        await page.waitForFunction(() => !/^Applying/.test(document.getElementById('fix-note').textContent) && document.getElementById('fix-note').textContent);
        assert.equal(await page.inputValue('#lint-source'), fixed.ok ? fixed.text : text, `${what}: the fixed text`);
        if (fixed.ok) await page.waitForFunction((s) => document.getElementById('lint-status').textContent === s, statusOf(linter.lint(fixed.text)));
      }
      assert.deepEqual(await snapshot(viaWorker.page), await snapshot(onPage.page), `${what}: the same view after the fix`);
      assert.equal(await viaWorker.page.textContent('#fix-note'), await onPage.page.textContent('#fix-note'));
    }
    assert.equal(viaWorker.workers.length, 1, 'one worker did all of it');
    assert.equal(onPage.workers.length, 0);
    assert.equal(await viaWorker.page.evaluate(() => window.__pwned), undefined);
    await assertClean(site, viaWorker.page, viaWorker.log);
    await assertClean(site, onPage.page, onPage.log);
  } finally {
    await viaWorker.context.close();
    await onPage.context.close();
  }
});

/**
 * A Claude Desktop file just under 15 MiB, built in the page: ~55,000
 * servers, each with a token the scanner flags (1000 listed, the rest
 * counted). Set as the box's value without an input event; returns its length.
 */
function putLargeFile(page) {
  return page.evaluate(() => {
    const block = (i) => `    "s${i}": { "command": "npx", "args": ["-y", "pkg-${i}@1.0.0"], "env": { "GITHUB_TOKEN": "ghp_Qw3Er5Ty7Ui9Op1As3DOp1As3Df5Gh7Jk${String(i).padStart(4, '0')}", "PAD": "${'x'.repeat(200)}" } }`;
    const parts = [];
    let size = 0;
    for (let i = 0; size < 15 * 1024 * 1024; i += 1) {
      parts.push(block(i));
      size += parts[i].length + 2;
    }
    const text = `{\n  "mcpServers": {\n${parts.join(',\n')}\n  }\n}\n`;
    document.getElementById('lint-source').value = text;
    return text.length;
  });
}

/**
 * Dispatch the paste's input event and measure the page's main thread until
 * the answer is on screen: every requestAnimationFrame tick, the longest gap
 * between two, how long the check took.
 */
async function measuredCheck(page, during = async () => {}) {
  await page.evaluate(() => new Promise((resolve) => { requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(resolve, 300))); }));
  await page.evaluate(() => {
    // maxGap: the whole time; lintGap: while the wasm work ran (until the
    // answer came and the view began to show it, data-state "showing").
    const m = { ticks: 0, maxGap: 0, lintGap: 0, asked: false, answered: 0, start: performance.now(), end: 0, gaps: [], sawChecking: false };
    window.__frames = m;
    let last = m.start;
    const status = document.getElementById('lint-status');
    new MutationObserver(() => { m.sawChecking ||= status.textContent === 'Checking…'; }).observe(status, { childList: true, characterData: true, subtree: true });
    // performance.now(), not the callback's frame time: that can be stamped
    // before a long task that delayed the callback.
    const tick = () => {
      const now = performance.now();
      m.maxGap = Math.max(m.maxGap, now - last);
      if (!m.answered) m.lintGap = Math.max(m.lintGap, now - last);
      if (status.dataset.state === 'checking') m.asked = true;
      else if (m.asked && !m.answered) m.answered = now;
      if (now - last > 50) m.gaps.push([Math.round(last - m.start), Math.round(now - last), status.textContent.slice(0, 20)]);
      m.ticks += 1;
      last = now;
      if (/^Read as/.test(status.textContent) && !status.dataset.state) m.end = performance.now();
      else requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
    document.getElementById('lint-source').dispatchEvent(new Event('input', { bubbles: true }));
  });
  await during();
  await page.waitForFunction(() => window.__frames.end > 0, null, { timeout: 2 * TIMEOUT, polling: 100 });
  const m = await page.evaluate(() => window.__frames);
  return {
    ms: Math.round(m.end - m.start), lintMs: Math.round((m.answered || m.end) - m.start), maxGapMs: Math.round(m.maxGap),
    lintGapMs: Math.round(m.lintGap), ticks: m.ticks, gaps: m.gaps, sawChecking: m.sawChecking,
  };
}

test('the page stays responsive while a 15 MiB file is checked (and is not, on the page\'s own thread)', { timeout: 6 * TIMEOUT }, async (t) => {
  const { context, page, log } = await openLint('worker');
  let worker;
  let typing;
  try {
    const size = await putLargeFile(page);
    assert.ok(size > 15 * 1024 * 1024 && size < 16 * 1024 * 1024, `near the limit: ${size}`);
    await page.evaluate(() => {
      // Another field, to type into while the check runs.
      const input = document.createElement('input');
      input.id = 'elsewhere';
      input.setAttribute('aria-label', 'elsewhere');
      document.getElementById('view-lint').prepend(input);
      // What the lint view was doing at each keystroke.
      window.__typedWhile = [];
      input.addEventListener('input', () => window.__typedWhile.push(document.getElementById('lint-status').dataset.state ?? 'done'));
    });
    worker = await measuredCheck(page, async () => {
      await page.waitForSelector('#lint-status[data-state="checking"]', { state: 'attached' });
      await page.focus('#elsewhere');
      const started = Date.now();
      await page.keyboard.type('typed');
      typing = { ms: Date.now() - started, value: await page.inputValue('#elsewhere'), stillChecking: (await page.evaluate(() => window.__typedWhile))[0] };
    });
    assert.match(await page.textContent('#lint-status'), /^Read as Claude Desktop: 1000 errors, 0 warnings, 0 notes, \d+ more not listed\.$/);
    assert.equal(await page.locator('#findings > li[data-rule="secret/github-pat"]').count(), 1000);
    assert.deepEqual({ value: typing.value, stillChecking: typing.stillChecking }, { value: 'typed', stillChecking: 'checking' }, 'typed, and shown, while the worker was still busy');
    assert.ok(worker.sawChecking, 'the status said "Checking…" meanwhile');
    await assertClean(site, page, log);
  } finally {
    await context.close();
  }

  // Before the worker: the same check on the page's own thread.
  const before = await openLint('page');
  let onPage;
  try {
    await putLargeFile(before.page);
    onPage = await measuredCheck(before.page);
  } finally {
    await before.context.close();
  }
  const report = `longest main-thread gap while 15 MiB are checked: in the worker ${worker.lintGapMs} ms `
    + `(check ${worker.lintMs} ms; 5 keystrokes elsewhere took ${typing.ms} ms), on the page ${onPage.lintGapMs} ms (check ${onPage.lintMs} ms); `
    + `including showing the 1000 findings: worker ${worker.maxGapMs} ms (${worker.ticks} frames in ${worker.ms} ms), `
    + `on the page ${onPage.maxGapMs} ms (${onPage.ticks} frames in ${onPage.ms} ms)`;
  t.diagnostic(report);
  process.stderr.write(`# ${report}\n# gaps over 50 ms (at ms, length, status): worker ${JSON.stringify(worker.gaps)}; page ${JSON.stringify(onPage.gaps)}\n`);
  assert.ok(worker.lintMs > 300, `the check is long enough to matter: ${report}`);
  // Always: the page kept ticking through the check in the worker, and froze
  // for (nearly) all of it on the page's own thread.
  assert.ok(worker.lintGapMs * 4 < worker.lintMs, `the page kept ticking through the check: ${report}`);
  assert.ok(typing.ms * 2 < worker.lintMs, `typing elsewhere was not held up: ${report}`);
  assert.ok(onPage.lintGapMs > 0.6 * onPage.lintMs, `on the page's thread the check froze it: ${report}`);
  // Under 100 ms on a quiet 2-core machine. On a machine busy with other
  // work (load above 1.5 per core: seen at 7 on 2 cores while a CI run and
  // Lighthouse shared it) the page's thread is descheduled for hundreds of
  // milliseconds whatever it runs, so only the relative checks above hold.
  const load = os.loadavg()[0] / os.cpus().length;
  t.diagnostic(`load average per core ${load.toFixed(2)}`);
  if (load < 1.5) {
    assert.ok(worker.lintGapMs < 250, `no frame was held up long while the worker checked: ${report}`);
    assert.ok(worker.maxGapMs < 500, `nor while the findings were put on screen: ${report}`);
    assert.ok(onPage.lintGapMs > 3 * worker.lintGapMs, `the worker is what made the difference: ${report}`);
  }
});

test('a superseded check, fix or conversion is never shown; the busy worker is replaced', { timeout: 4 * TIMEOUT }, async () => {
  const { context, page, log, workers } = await openLint('worker');
  const closed = [];
  for (const w of workers) w.on('close', () => closed.push(w.url()));
  page.on('worker', (w) => w.on('close', () => closed.push(w.url())));
  try {
    await page.evaluate(() => {
      // Everything the view ever shows, recorded as it happens.
      window.__shown = { statuses: [], secretFindings: 0 };
      const status = document.getElementById('lint-status');
      new MutationObserver(() => window.__shown.statuses.push(status.textContent)).observe(status, { childList: true, characterData: true, subtree: true });
      new MutationObserver(() => { window.__shown.secretFindings += document.querySelectorAll('#findings > li[data-rule^="secret/"]').length; })
        .observe(document.getElementById('findings'), { childList: true });
    });
    const small = JSON.stringify({ mcpServers: { x: { command: 'npx', args: ['-y', 'unpinned'] } } }, null, 2);
    const smallStatus = statusOf(linter.lint(small));

    // 1. A large paste, then (while it is being checked) a small one.
    await putLargeFile(page);
    await page.dispatchEvent('#lint-source', 'input');
    await page.waitForFunction(() => document.getElementById('lint-status').textContent === 'Checking…');
    await paste(page, small);
    await page.waitForFunction((s) => document.getElementById('lint-status').textContent === s, smallStatus);
    assert.equal(workers.length, 2, 'the busy worker was replaced by a fresh one');
    // Long enough for the large file's answer to have come, had it been left to run.
    await page.waitForTimeout(3000);
    const shown = await page.evaluate(() => window.__shown);
    assert.deepEqual(shown.statuses.filter((s) => /^Read as|^Not readable/.test(s)), [smallStatus], 'only the current text\'s answer was ever shown');
    assert.equal(shown.secretFindings, 0, 'no finding of the large file was ever listed');
    assert.equal(await page.textContent('#lint-status'), smallStatus);
    assert.ok(closed.length >= 1, 'the superseded worker was terminated');

    // 2. Fixes asked for the large file, then the text changes: nothing is applied.
    await putLargeFile(page);
    await page.dispatchEvent('#lint-source', 'input');
    await page.waitForFunction(() => /^Read as Claude Desktop: 1000 errors/.test(document.getElementById('lint-status').textContent), null, { timeout: 2 * TIMEOUT });
    await page.click('#apply-fix');
    await paste(page, small);
    await page.waitForFunction(() => /changed before the fixes were ready/.test(document.getElementById('fix-note').textContent));
    await page.waitForFunction((s) => document.getElementById('lint-status').textContent === s, smallStatus);
    await page.waitForTimeout(2000);
    assert.equal(await page.inputValue('#lint-source'), small, 'the outdated fix never replaced the text');

    // 3. A conversion of the large file, then the text changes: not shown.
    await putLargeFile(page);
    await page.dispatchEvent('#lint-source', 'input');
    await page.waitForFunction(() => /^Read as Claude Desktop: 1000 errors/.test(document.getElementById('lint-status').textContent), null, { timeout: 2 * TIMEOUT });
    await page.selectOption('#convert-to', 'codex');
    await page.click('#convert');
    await paste(page, small);
    await page.waitForFunction(() => /changed before the conversion was ready/.test(document.getElementById('flash').textContent));
    await page.waitForTimeout(2000);
    assert.equal(await page.isHidden('#convert-output'), true, 'the outdated conversion was never shown');
    assert.equal(await page.textContent('#convert-output'), '');

    // And the replacement worker answers as the first did.
    await page.click('#convert');
    await page.waitForFunction((t) => document.getElementById('convert-output').textContent === t, linter.convert(small, { to: 'codex' }).text);
    await assertClean(site, page, log);
  } finally {
    await context.close();
  }
});

test('the worker: content-addressed, checked, precached, under the CSP and Trusted Types', { timeout: 2 * TIMEOUT }, async () => {
  const bytes = readFileSync(path.join(SITE_ROOT, WORKER_FILE));
  const integrity = sri(bytes);
  assert.match(WORKER_FILE, /^assets\/lint-worker\.[0-9a-f]{12}\.js$/);
  const app = readFileSync(path.join(SITE_ROOT, assetName(SITE_ROOT, 'app.', '.js')), 'utf8');
  assert.ok(app.includes(path.basename(WORKER_FILE)) && app.includes(integrity), 'the app names the worker and its hash');
  const manifest = JSON.parse(readFileSync(path.join(SITE_ROOT, '..', 'site-manifest.json'), 'utf8'));
  assert.ok(manifest.serviceWorker.precache.includes(WORKER_FILE), 'the service worker precaches it');
  assert.ok(readFileSync(path.join(SITE_ROOT, 'sw.js'), 'utf8').includes(integrity), 'with its hash');
  // It carries the lint module's glue: no other script is fetched for the lint.
  assert.ok(!bytes.toString('utf8').includes('modulepreload'), 'no document-only loader inside');

  const mark = site.server.requests.length;
  const { context, page, log, workers } = await openLint('worker');
  try {
    assert.deepEqual(workers.map((w) => new URL(w.url()).pathname), [`/${WORKER_FILE}`]);
    await page.fill('#lint-source', JSON.stringify({ mcpServers: { gh: { command: 'node', args: ['s.js'], env: { GITHUB_TOKEN: TOKEN } } } }));
    await page.locator('#findings > li[data-rule="secret/github-pat"]').waitFor();
    // The checked fetch and the Worker's own request: one download.
    assert.equal(site.server.requests.slice(mark).filter((r) => r.url === `/${WORKER_FILE}`).length, 1, 'the worker file reached the server once');
    assert.deepEqual(site.server.requests.slice(mark).filter((r) => /mcp-builder-lint\.[0-9a-f]+\.js$/.test(r.url)), [], 'the lint glue is inside the worker');
    // The pasted text never reached a URL or the server.
    assert.ok(log.requests.every((r) => !r.url.includes(TOKEN.slice(4, 12))));
    await assertClean(site, page, log); // no CSP or Trusted Types violation, no console error

    // Its own response carries the site's CSP (a worker runs under its own).
    const response = await fetch(new URL(WORKER_FILE, site.server.url));
    assert.equal(response.headers.get('content-security-policy'), CSP);
    assert.match(CSP, /trusted-types mcp-sw mcp-lint-worker(;|$)/);
    assert.match(CSP, /worker-src 'self'(;|$)/);

    // Trusted Types are enforced: a plain string is no worker URL, the
    // policy's name is taken (no duplicate), and no other policy may exist.
    const refused = await page.evaluate((other) => {
      const tries = {
        string: () => new Worker(other, { type: 'module' }),
        duplicate: () => trustedTypes.createPolicy('mcp-lint-worker', { createScriptURL: (u) => u }),
        another: () => trustedTypes.createPolicy('mine', { createScriptURL: (u) => u }),
      };
      return Object.fromEntries(Object.entries(tries).map(([k, f]) => {
        try { f(); return [k, 'allowed']; } catch (err) { return [k, err.name]; }
      }));
    }, new URL('/assets/does-not-exist.js', site.server.url).href);
    assert.deepEqual(refused, { string: 'TypeError', duplicate: 'TypeError', another: 'TypeError' });
  } finally {
    await context.close();
  }
});

test('a tampered worker file is refused: it never runs, the lint view says so', { timeout: 2 * TIMEOUT }, async () => {
  const dir = copySite();
  const server = await startServer({ root: dir, port: 0, host: '127.0.0.1' });
  try {
    appendFileSync(path.join(dir, WORKER_FILE), '\nself.__tampered = 1;\n');
    const tampered = { ...site, server };
    const { context, page, log } = await openPage(tampered);
    const workers = [];
    page.on('worker', (w) => workers.push(w.url()));
    try {
      await load(tampered, page);
      await page.click('a[data-nav="lint"]');
      await page.waitForFunction(() => /could not be loaded/.test(document.getElementById('lint-status').textContent));
      assert.match(await page.textContent('#lint-status'), /failed its integrity check/);
      assert.equal(await page.getAttribute('body', 'data-lint'), null, 'the linter never became ready');
      assert.deepEqual(workers, [], 'no worker was started');
      assert.ok(log.errors.some((e) => /integrity|digest/i.test(e)), `Chromium reported the integrity failure\n${log.console.join('\n')}`);
      assert.equal(server.requests.filter((r) => /mcp-builder-lint/.test(r.url)).length, 0, 'nor was any lint module fetched instead');
    } finally {
      await context.close();
    }
  } finally {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the single file (no server) checks on the page: a file: page cannot start a worker', { timeout: 2 * TIMEOUT }, async () => {
  const { context, page, log } = await openPage(site);
  const workers = [];
  page.on('worker', (w) => workers.push(w.url()));
  try {
    const url = pathToFileURL(path.join(repoRoot, 'dist', 'mcp-builder.html')).href;
    await page.goto(`${url}#/lint`);
    await page.waitForSelector('body[data-lint="ready"]', { state: 'attached', timeout: TIMEOUT });
    assert.equal(await page.getAttribute('body', 'data-lint-engine'), 'page');
    const text = SAMPLES[0][1];
    await page.fill('#lint-source', text);
    await page.waitForFunction((s) => document.getElementById('lint-status').textContent === s, statusOf(linter.lint(text)));
    assert.deepEqual(workers, []);
    assert.deepEqual(await page.evaluate(() => window.__cspViolations.slice()), []);
    assert.deepEqual(log.pageErrors, []);
  } finally {
    await context.close();
  }
});
