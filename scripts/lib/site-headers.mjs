// The one source of the site's response headers. Everything that delivers
// the site takes its values from here:
//   scripts/serve.mjs            the dev/test server (re-exports these names)
//   dist/site/_headers           Netlify, Cloudflare Pages (written by site-build.mjs)
//   site/deploy/nginx.conf       nginx server block (generated: node scripts/lib/site-headers.mjs --nginx)
//   <meta http-equiv=CSP>        GitHub Pages, which cannot send headers (set by site-build.mjs)
// tests/browser/delivery-headers.test.mjs checks that all of them agree.
//
//   node scripts/lib/site-headers.mjs --nginx [--listen 8080] [--root /usr/share/nginx/html]
//   node scripts/lib/site-headers.mjs --headers
//   node scripts/lib/site-headers.mjs --check   exit 1 if site/deploy/nginx.conf is stale

import { readFileSync, realpathSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';

/**
 * The page's policy, as a <meta> can carry it. No 'unsafe-inline' and no
 * 'unsafe-eval': WebAssembly needs only 'wasm-unsafe-eval'. Trusted Types
 * with two policies, each accepting exactly one URL of the site's own:
 * "mcp-sw", which site/sw-register.js creates to turn sw.js into the
 * TrustedScriptURL that serviceWorker.register() requires, and
 * "mcp-lint-worker", which site/lint.js creates for the Lint view's worker
 * (assets/lint-worker.<hash>.js) that new Worker() requires; no policy for
 * HTML, so every HTML sink (innerHTML...) throws.
 * connect-src 'self': the wasm, the catalog and the lint module are fetched
 * from the site itself, nothing else. worker-src 'self': the service worker
 * and the lint worker (no blob:).
 * manifest-src is not needed (no manifest), so default-src 'none' covers it.
 */
export const META_CSP = [
  "default-src 'none'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "require-trusted-types-for 'script'",
  'trusted-types mcp-sw mcp-lint-worker',
].join('; ');

/** The header policy: the meta policy plus what only a header can carry. */
export const CSP = `${META_CSP}; frame-ancestors 'none'`;

/**
 * Powerful features the site never uses; all denied. Only names Chromium
 * recognises: an unknown one (e.g. "bluetooth", "interest-cohort") makes it
 * log a console warning on every page load.
 */
export const PERMISSIONS_POLICY = [
  'accelerometer', 'autoplay', 'camera', 'display-capture',
  'encrypted-media', 'fullscreen', 'geolocation', 'gyroscope', 'hid',
  'idle-detection', 'magnetometer', 'microphone', 'midi', 'payment',
  'picture-in-picture', 'publickey-credentials-get', 'screen-wake-lock',
  'serial', 'usb', 'xr-spatial-tracking',
].map((feature) => `${feature}=()`).join(', ');

/**
 * Two years, subdomains included (OWASP HTTP headers cheat sheet). No
 * `preload`: that token asks browsers to hard-code the whole domain as
 * HTTPS-only, a commitment only the domain's owner can make, not a template.
 * Browsers ignore the header on plain http (the local dev server).
 */
export const HSTS = 'max-age=63072000; includeSubDomains';

/** Sent on every response, errors included. */
export const SECURITY_HEADERS = Object.freeze({
  'Content-Security-Policy': CSP,
  'Strict-Transport-Security': HSTS,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Permissions-Policy': PERMISSIONS_POLICY,
  'Cross-Origin-Opener-Policy': 'same-origin',
  // Everything the page loads is its own, so requiring CORP costs nothing and
  // keeps any future cross-origin embed out (and isolates the page).
  'Cross-Origin-Embedder-Policy': 'require-corp',
  'Cross-Origin-Resource-Policy': 'same-origin',
  // frame-ancestors 'none' for browsers that predate it.
  'X-Frame-Options': 'DENY',
});

/** Content-addressed files (name.<hash>.ext) never change: cache them for a year. */
export const ASSETS_DIR = 'assets';
export const CACHE_IMMUTABLE = 'public, max-age=31536000, immutable';
/**
 * Everything else (index.html, sw.js, favicon.svg): revalidate every time,
 * so a deploy is seen at once. sw.js in particular must never be cached
 * stale: it names the content hashes of the current deploy.
 */
export const CACHE_REVALIDATE = 'no-cache';

/** Cache-Control for a URL path of the built site. */
export function cacheControlFor(urlPath) {
  return urlPath.startsWith(`/${ASSETS_DIR}/`) ? CACHE_IMMUTABLE : CACHE_REVALIDATE;
}

export const CONTENT_TYPES = Object.freeze({
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
});

/**
 * dist/site/_headers (Netlify and Cloudflare Pages share the syntax: a path
 * pattern, then indented "Name: value" lines; every matching block applies).
 * Each header is set by exactly one block per path: where two blocks set the
 * same name the hosts join the values with ", " ("no-cache, public, ..."),
 * so Cache-Control is given per file, never in "/*". Both hosts already send
 * application/wasm for .wasm.
 * @param {string[]} revalidated  URL paths outside /assets/ ("/", "/sw.js", ...)
 */
export function netlifyHeaders(revalidated = ['/', '/index.html', '/sw.js']) {
  const lines = ['# Generated by scripts/lib/site-build.mjs from scripts/lib/site-headers.mjs; do not edit.', '/*'];
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) lines.push(`  ${name}: ${value}`);
  lines.push('', `/${ASSETS_DIR}/*`, `  Cache-Control: ${CACHE_IMMUTABLE}`);
  for (const urlPath of revalidated) lines.push('', urlPath, `  Cache-Control: ${CACHE_REVALIDATE}`);
  return `${lines.join('\n')}\n`;
}

/** nginx quoting: double quotes, with " and \ escaped. */
const q = (value) => `"${value.replace(/["\\]/g, '\\$&')}"`;

/**
 * The nginx server block. add_header directives are not inherited by a
 * location that has its own, so every location repeats the full set.
 * `always` sends them on errors (404) too.
 */
export function nginxServerBlock({ listen = '8080', root = '/usr/share/nginx/html' } = {}) {
  const headers = (cache) => [
    ...Object.entries(SECURITY_HEADERS).map(([n, v]) => `        add_header ${n} ${q(v)} always;`),
    `        add_header Cache-Control ${q(cache)} always;`,
  ].join('\n');
  return `# MCP Server Builder: nginx server block for the static site (dist/site).
# Generated from scripts/lib/site-headers.mjs: node scripts/lib/site-headers.mjs --nginx > site/deploy/nginx.conf
# Do not edit by hand; tests/browser/delivery-headers.test.mjs fails when it is stale.
# Serve behind TLS (HSTS is ignored on plain http); mime.types must map wasm
# to application/wasm (nginx >= 1.21 and Debian's 1.22 do).
server {
    listen ${listen};
    server_name _;
    root ${root};
    index index.html;
    server_tokens off;
    charset utf-8;
    charset_types text/css text/javascript application/javascript application/json image/svg+xml;

    gzip on;
    gzip_comp_level 6;
    gzip_min_length 512;
    gzip_vary on;
    gzip_types text/css text/javascript application/javascript application/json application/wasm image/svg+xml;

    # Content-addressed files: cached for a year, never revalidated.
    location /${ASSETS_DIR}/ {
${headers(CACHE_IMMUTABLE)}
        try_files $uri =404;
    }

    # Dot-files (.git, .env...) are never served.
    location ~ /\\. {
${headers(CACHE_REVALIDATE)}
        return 404;
    }

    # index.html, sw.js, favicon: revalidated on every load, so a deploy is
    # seen at once and the service worker learns the new content hashes.
    location / {
${headers(CACHE_REVALIDATE)}
        try_files $uri $uri/ =404;
    }
}
`;
}

const HERE = path.dirname(fileURLToPath(import.meta.url));
export const NGINX_CONF_PATH = path.resolve(HERE, '..', '..', 'site', 'deploy', 'nginx.conf');

function main(argv) {
  const value = (flag, fallback) => {
    const i = argv.indexOf(flag);
    return i === -1 ? fallback : argv[i + 1];
  };
  if (argv.includes('--nginx')) {
    process.stdout.write(nginxServerBlock({ listen: value('--listen', '8080'), root: value('--root', '/usr/share/nginx/html') }));
  } else if (argv.includes('--write-nginx')) {
    writeFileSync(NGINX_CONF_PATH, nginxServerBlock());
  } else if (argv.includes('--headers')) {
    process.stdout.write(netlifyHeaders());
  } else if (argv.includes('--check')) {
    let committed = '';
    try { committed = readFileSync(NGINX_CONF_PATH, 'utf8'); } catch { /* missing: stale */ }
    if (committed !== nginxServerBlock()) {
      process.stderr.write(`${NGINX_CONF_PATH} is stale: node scripts/lib/site-headers.mjs --write-nginx\n`);
      return 1;
    }
  } else {
    process.stderr.write('usage: node scripts/lib/site-headers.mjs --nginx [--listen L] [--root R] | --write-nginx | --headers | --check\n');
    return 2;
  }
  return 0;
}

if (process.argv[1] && realpathSync(process.argv[1]) === realpathSync(fileURLToPath(import.meta.url))) {
  process.exitCode = main(process.argv.slice(2));
}
