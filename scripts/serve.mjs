#!/usr/bin/env node
// Dependency-free static file server for the built site, with the same strict
// security headers the production hosts are configured to send.
//
//   node scripts/serve.mjs [--root dist/site] [--port N] [--host 127.0.0.1]
//
// Defaults: root dist/site, host 127.0.0.1, port $PORT or 8080; port 0 picks a
// free port. Once listening it prints exactly one line:
//   serving <absolute root> at http://<host>:<port>/
//
// In-process use (tests):
//   import { startServer } from './scripts/serve.mjs';
//   const server = await startServer({ root: 'dist/site', port: 0 });
//   ... server.url ...; await server.close();
//   server.requests lists every request that reached it ({ method, url }),
//   in order: what the browser answered from its own cache is not there.
//
// Only GET and HEAD are served (405 otherwise). Only regular files under the
// root are served: any path with a NUL, a backslash, an (encoded) `..` or `.`
// segment, a dot-file segment, or a symlink leading outside the root is
// refused with 404 (400 for undecodable URLs).

import { createServer } from 'node:http';
import { createReadStream, realpathSync } from 'node:fs';
import { readFile, realpath, stat } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import path from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';

// The header values live in one module shared with the generated _headers,
// nginx.conf and <meta> policy; re-exported here for the tests that import
// them from the server.
import { CONTENT_TYPES, SECURITY_HEADERS, cacheControlFor } from './lib/site-headers.mjs';

export { CSP, CONTENT_TYPES, HSTS, META_CSP, PERMISSIONS_POLICY, SECURITY_HEADERS } from './lib/site-headers.mjs';

const DEFAULT_ROOT = 'dist/site';
const DEFAULT_HOST = '127.0.0.1';
const DEFAULT_PORT = 8080;

function contentTypeFor(file) {
  return CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

const COMPRESSIBLE = /^(text\/|application\/(javascript|json|wasm|manifest\+json)|image\/svg\+xml)/;

// Compressed bodies by file, kept while the file is unchanged (the site is
// a few files; a rebuild changes their mtime or size).
const gzipCache = new Map();
async function gzipOf(file, info) {
  const hit = gzipCache.get(file);
  if (hit && hit.mtimeMs === info.mtimeMs && hit.size === info.size) return hit.body;
  const body = gzipSync(await readFile(file), { level: 6 });
  gzipCache.set(file, { mtimeMs: info.mtimeMs, size: info.size, body });
  return body;
}

function isInside(parent, child) {
  const rel = path.relative(parent, child);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

/**
 * Map a request target to the list of URL path segments, or null when the
 * target is not acceptable. Never touches the file system.
 */
export function requestSegments(target) {
  if (typeof target !== 'string' || !target.startsWith('/') || target.startsWith('//')) return null;
  const end = target.search(/[?#]/);
  const rawPath = end === -1 ? target : target.slice(0, end);
  if (rawPath.includes('\0') || rawPath.includes('\\')) return null;
  let decoded;
  try {
    decoded = decodeURIComponent(rawPath);
  } catch {
    return undefined; // malformed percent-encoding: 400
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const segments = decoded.split('/').slice(1);
  for (let i = 0; i < segments.length; i += 1) {
    const segment = segments[i];
    const last = i === segments.length - 1;
    if (segment === '' && !last) return null; // "//" inside the path
    if (segment.startsWith('.')) return null; // ".", "..", dot-files
  }
  return segments;
}

function send(res, status, body, extraHeaders = {}) {
  const text = `${body}\n`;
  res.writeHead(status, {
    ...SECURITY_HEADERS,
    'Content-Type': 'text/plain; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-cache',
    ...extraHeaders,
  });
  res.end(res.req.method === 'HEAD' ? undefined : text);
}

async function handle(realRoot, req, res) {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    send(res, 405, 'Method not allowed', { Allow: 'GET, HEAD' });
    return;
  }
  const segments = requestSegments(req.url);
  if (segments === undefined) {
    send(res, 400, 'Bad request');
    return;
  }
  if (segments === null) {
    send(res, 404, 'Not found');
    return;
  }
  const wantsDirectory = segments.length === 0 || segments[segments.length - 1] === '';
  let candidate = path.join(realRoot, ...segments.filter(Boolean));
  if (wantsDirectory) candidate = path.join(candidate, 'index.html');
  if (!isInside(realRoot, candidate)) {
    send(res, 404, 'Not found');
    return;
  }

  let file;
  let info;
  try {
    file = await realpath(candidate); // follows symlinks: the target must stay inside too
    info = await stat(file);
  } catch {
    send(res, 404, 'Not found');
    return;
  }
  if (!isInside(realRoot, file)) {
    send(res, 404, 'Not found');
    return;
  }
  if (info.isDirectory()) {
    // "/docs" -> "/docs/" so relative URLs in its index.html resolve; the
    // target already passed the checks above and starts with a single "/".
    const end = req.url.search(/[?#]/);
    const pathname = end === -1 ? req.url : req.url.slice(0, end);
    send(res, 301, 'Moved permanently', { Location: `${pathname}/` });
    return;
  }
  if (!info.isFile()) {
    send(res, 404, 'Not found');
    return;
  }

  const type = contentTypeFor(file);
  // A validator, as production hosts send one (nginx: ETag from mtime and
  // size): revalidated files (index.html, sw.js) cost a 304, not a download.
  // Millisecond mtime, so a file rewritten within the same second differs.
  const etag = `"${info.size.toString(16)}-${Math.floor(info.mtimeMs).toString(16)}"`;
  if (req.headers['if-none-match'] === etag) {
    res.writeHead(304, { ...SECURITY_HEADERS, ETag: etag, 'Cache-Control': cacheControlFor(`/${segments.join('/')}`) });
    res.end();
    return;
  }
  const headers = {
    ETag: etag,
    ...SECURITY_HEADERS,
    'Content-Type': type,
    'Content-Length': info.size,
    // As the production hosts: content-hashed /assets/ immutable, the rest
    // (index.html, sw.js) revalidated, so a rebuilt site is never stale.
    'Cache-Control': cacheControlFor(`/${segments.join('/')}`),
  };
  // Compressed as the production hosts send it (nginx.conf has gzip on;
  // Netlify and Cloudflare compress too), so what is measured here (scripts/
  // bench, Lighthouse) is what users download.
  const gzipped = COMPRESSIBLE.test(type) && /\bgzip\b/.test(req.headers['accept-encoding'] ?? '')
    ? await gzipOf(file, info) : null;
  if (gzipped) {
    headers['Content-Encoding'] = 'gzip';
    headers['Content-Length'] = gzipped.length;
  }
  if (COMPRESSIBLE.test(type)) headers.Vary = 'Accept-Encoding';
  res.writeHead(200, headers);
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  if (gzipped) {
    res.end(gzipped);
    return;
  }
  const stream = createReadStream(file);
  stream.on('error', () => res.destroy());
  stream.pipe(res);
}

function formatUrl(host, port) {
  const shown = host.includes(':') ? `[${host}]` : host;
  return `http://${shown}:${port}/`;
}

function parsePort(value, what) {
  const text = String(value);
  if (!/^\d{1,5}$/.test(text) || Number(text) > 65535) {
    throw new RangeError(`${what} must be an integer from 0 to 65535, got ${JSON.stringify(text)}`);
  }
  return Number(text);
}

/**
 * Start serving `root`. Resolves once listening.
 * @param {{root?: string, port?: number|string, host?: string}} [options]
 * @returns {Promise<{url: string, port: number, host: string, root: string, requests: {method: string, url: string}[], close: () => Promise<void>}>}
 */
export async function startServer({ root = DEFAULT_ROOT, port = DEFAULT_PORT, host = DEFAULT_HOST } = {}) {
  const listenPort = parsePort(port, 'port');
  const absoluteRoot = path.resolve(root);
  let realRoot;
  try {
    realRoot = await realpath(absoluteRoot);
    if (!(await stat(realRoot)).isDirectory()) throw new Error('not a directory');
  } catch {
    throw new Error(`site root ${absoluteRoot} does not exist or is not a directory (run scripts/build first)`);
  }

  const requests = [];
  const server = createServer((req, res) => {
    requests.push({ method: req.method, url: req.url });
    handle(realRoot, req, res).catch(() => {
      if (!res.headersSent) send(res, 500, 'Internal server error');
      else res.destroy();
    });
  });
  server.on('clientError', (err, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
    else socket.destroy();
  });

  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(listenPort, host, () => {
      server.off('error', reject);
      resolve();
    });
  });

  const actualPort = server.address().port;
  let closing = null;
  return {
    url: formatUrl(host, actualPort),
    port: actualPort,
    host,
    root: realRoot,
    requests,
    close() {
      if (!closing) {
        closing = new Promise((resolve) => {
          server.close(() => resolve());
          server.closeAllConnections?.();
        });
      }
      return closing;
    },
  };
}

function parseArgs(argv) {
  const options = {};
  const valueOf = (i, name) => {
    if (i + 1 >= argv.length) throw new Error(`${name} needs a value`);
    return argv[i + 1];
  };
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    const eq = arg.indexOf('=');
    const name = arg.startsWith('--') && eq !== -1 ? arg.slice(0, eq) : arg;
    const inline = arg.startsWith('--') && eq !== -1 ? arg.slice(eq + 1) : undefined;
    switch (name) {
      case '--root':
      case '--port':
      case '--host': {
        const value = inline ?? valueOf(i, name);
        if (inline === undefined) i += 1;
        options[name.slice(2)] = value;
        break;
      }
      case '-h':
      case '--help':
        options.help = true;
        break;
      default:
        throw new Error(`unknown argument ${JSON.stringify(arg)}`);
    }
  }
  return options;
}

const USAGE = 'usage: node scripts/serve.mjs [--root dist/site] [--port N] [--host 127.0.0.1]\n'
  + '  --port defaults to $PORT or 8080; 0 picks a free port.\n';

async function main(argv) {
  let options;
  try {
    options = parseArgs(argv);
    if (options.help) {
      process.stdout.write(USAGE);
      return 0;
    }
    options.port = parsePort(options.port ?? process.env.PORT ?? DEFAULT_PORT, options.port !== undefined ? '--port' : '$PORT');
  } catch (err) {
    process.stderr.write(`serve.mjs: ${err.message}\n${USAGE}`);
    return 2;
  }

  let server;
  try {
    server = await startServer(options);
  } catch (err) {
    process.stderr.write(`serve.mjs: ${err.message}\n`);
    return err.code === 'EADDRINUSE' || err.code === 'EACCES' ? 1 : 2;
  }
  process.stdout.write(`serving ${server.root} at ${server.url}\n`);

  await new Promise((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      server.close().then(resolve);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  return 0;
}

const invokedDirectly = (() => {
  if (!process.argv[1]) return false;
  try {
    return realpathSync(process.argv[1]) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
})();

if (invokedDirectly) {
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
