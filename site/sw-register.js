// Registers the service worker (sw.js) that makes the site work offline.
// scripts/lib/site-build.mjs bundles this module with the app; the
// single-file build (dist/mcp-builder.html, opened from disk) leaves it out.
//
// It waits for the page's load event, so the worker's precache downloads
// (the lint module among them) never compete with the first load. Under
// require-trusted-types-for 'script', register() takes only a
// TrustedScriptURL: one policy, "mcp-sw" (the only name the CSP allows),
// that accepts exactly this site's sw.js and nothing else.

const SW_URL = new URL('sw.js', document.baseURI).href;

function register() {
  let scriptUrl = SW_URL;
  if (globalThis.trustedTypes?.createPolicy) {
    const policy = globalThis.trustedTypes.createPolicy('mcp-sw', {
      createScriptURL(url) {
        if (url !== SW_URL) throw new TypeError(`mcp-sw policy: ${url} is not the site's service worker`);
        return url;
      },
    });
    scriptUrl = policy.createScriptURL(SW_URL);
  }
  navigator.serviceWorker.register(scriptUrl).catch(() => {
    // No worker (private mode, a host without https): the site works online
    // as before; there is nothing the user needs to be told.
  });
}

if ('serviceWorker' in navigator && /^https?:$/.test(location.protocol)) {
  if (document.readyState === 'complete') register();
  else addEventListener('load', register, { once: true });
}
