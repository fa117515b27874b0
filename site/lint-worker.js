// The Lint view's dedicated module worker: lint, fix and convert run here,
// off the page's main thread, so a 16 MiB paste (the limit; close to a
// second of wasm work) never freezes the page.
//
// scripts/lib/site-build.mjs bundles this file with the package facade and
// the lint module's glue into ONE content-addressed file
// (assets/lint-worker.<hash>.js); site/lint.js checks that file against its
// SHA-384 before it starts the worker (new Worker() takes no integrity), and
// the service worker precaches it with that hash. Inside, init() fetches the
// lint wasm with its own integrity hash (the build's wrapper passes them).
//
// Protocol (structured clone, nothing else crosses):
//   page → worker   { id, op: 'lint'|'fix'|'convert', text, options }
//   worker → page   { type: 'ready', limits }            once, after init
//                   { type: 'failed', message }           init failed
//                   { type: 'result', id, result }        one per request, in order
//                   { type: 'error', id, message }        the request threw
// The pasted text reaches the worker only through postMessage: never a URL,
// never storage. The page drops an answer whose id is no longer the one it
// waits for, and terminates this worker when the text changes under a
// request still running (so work never queues up behind a huge input).

import { init } from './vendor/mcp-server-builder/src/index.js';
import { work } from './lint-work.js';

const message = (err) => String(err?.message ?? err);

const ready = init({ lint: true, catalog: false });
ready.then(
  (linter) => postMessage({ type: 'ready', limits: linter.limits }),
  (err) => postMessage({ type: 'failed', message: message(err) }),
);

addEventListener('message', async (event) => {
  const { id } = event.data;
  let linter;
  try {
    linter = await ready;
  } catch {
    return; // 'failed' was sent; the page gives up on this worker
  }
  try {
    postMessage({ type: 'result', id, result: work(linter, event.data) });
  } catch (err) {
    postMessage({ type: 'error', id, message: message(err) });
  }
});
