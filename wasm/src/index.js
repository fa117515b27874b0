// Public entry of the npm package: one async init(), then synchronous calls.
//
// The C++ core returns every result as one JSON text (see wasm/bindings.cc);
// this facade parses it into plain objects, so callers never hold a wasm
// handle and never call .delete(). Programmer errors (wrong argument types)
// throw TypeError here, in one place; problems in the *document* are data
// and come back in the report.
import createCoreModule from '../dist/mcp-builder.js';

// Two modules (wasm/DESIGN.md): the core (validate, generate, catalog) and
// the lint module (all of that plus lint, fix, convert, scanSecrets), which
// is fetched only when init({ lint: true }) asks for it.
const modulePromises = { core: null, lint: null };
const MODULES = {
  core: { wasm: 'mcp-builder.wasm', create: async () => createCoreModule },
  lint: { wasm: 'mcp-builder-lint.wasm', create: async () => (await import('../dist/mcp-builder-lint.js')).default },
};

const isNode = typeof process !== 'undefined' && !!process.versions?.node;

// Where a file of dist/ is: options.locateFile's answer if given (as
// Emscripten asks it for the wasm), else next to this module's dist/.
function distUrl(options, file) {
  const dist = new URL('../dist/', import.meta.url);
  return options.locateFile ? new URL(options.locateFile(file, dist.href), dist) : new URL(file, dist);
}

// fetch() with the Subresource Integrity hash the caller gave for `file`
// (options.integrity, e.g. { 'mcp-builder.wasm': 'sha384-...' }): bytes that
// do not match make the fetch reject, so a tampered file is never used.
function fetchDist(options, file) {
  const integrity = options.integrity?.[file];
  const url = distUrl(options, file);
  return fetch(url, { credentials: 'same-origin', ...(integrity ? { integrity } : {}) }).then((response) => {
    if (!response.ok) throw new Error(`cannot load ${file}: ${url} answered ${response.status}`);
    return response;
  });
}

// The server catalog ships beside the module as data (dist/catalog.json;
// core/include/mcp_builder/catalog.h says why). `options.catalog` may give
// its text, or false to start with an empty catalog.
async function loadCatalogText(options) {
  if (typeof options.catalog === 'string') return options.catalog;
  if (options.catalog === false) return null;
  const url = distUrl(options, 'catalog.json');
  if (isNode && url.protocol === 'file:') {
    const { readFile } = await import('node:fs/promises');
    return readFile(url, 'utf8');
  }
  return (await fetchDist(options, 'catalog.json')).text();
}

// Emscripten's instantiateWasm hook: our own fetch of the wasm, with its
// integrity hash (Emscripten 3.1.6 has no option for one). `failed` gets
// any error, since the module's ready promise would wait forever.
function verifiedInstantiate(options, file, failed) {
  return (imports, receiveInstance) => {
    fetchDist(options, file).then((response) => {
      // Streaming compilation needs the application/wasm type; a host that
      // sends another gets the slower path rather than a failure.
      const streaming = (response.headers.get('content-type') ?? '').startsWith('application/wasm');
      return streaming ? WebAssembly.instantiateStreaming(response, imports)
        : response.arrayBuffer().then((bytes) => WebAssembly.instantiate(bytes, imports));
    }).then(({ instance, module }) => receiveInstance(instance, module), failed);
    return {}; // the exports arrive later, through receiveInstance
  };
}

async function loadWasmBinary(options, kind) {
  if (options.wasmBinary) return options.wasmBinary;
  // Emscripten 3.1.6 predates Node's global fetch and fails on file paths,
  // so under Node we read the bytes ourselves (TOOLCHAIN.md).
  if (isNode && !options.locateFile) {
    const { readFile } = await import('node:fs/promises');
    return readFile(new URL(`../dist/${MODULES[kind].wasm}`, import.meta.url));
  }
  return undefined; // the browser fetches it next to mcp-builder.js
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

// A Uint8Array (or Buffer), also one made in another realm (vm, iframe).
const isBytes = (x) =>
  x instanceof Uint8Array || Object.prototype.toString.call(x) === '[object Uint8Array]';

// UTF-8 length of a JS string, counting an unpaired surrogate as U+FFFD
// (3 bytes), as TextEncoder encodes it.
function utf8Length(s) {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c < 0xdc00 && i + 1 < s.length &&
             (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) { n += 4; i++; }
    else n += 3;
  }
  return n;
}

/**
 * The report for input over the size limit, identical to the core's (same
 * keys, order and message), built without copying the input into wasm.
 * @param {number|null} size  byte count, or null if only known to be larger
 */
export function tooLargeReport(size, maxBytes) {
  const what = size === null ? 'input is larger than the limit of'
    : `input is ${size} bytes, larger than the limit of`;
  return {
    valid: false,
    parsed: false,
    diagnostics: [{
      rule: 'json/too-large', severity: 'error', message: `${what} ${maxBytes} bytes`,
      line: 1, column: 1, pointer: '',
    }],
  };
}

const checkValues = (values, where) => {
  if (values === undefined) return undefined;
  if (values === null || typeof values !== 'object' || Array.isArray(values)) {
    throw new TypeError(`generate: ${where} must be an object of strings or string arrays`);
  }
  for (const [name, v] of Object.entries(values)) {
    const ok = typeof v === 'string' || (Array.isArray(v) && v.every((x) => typeof x === 'string'));
    if (!ok) throw new TypeError(`generate: ${where}.${name} must be a string or an array of strings`);
  }
  return values;
};

// The public request (server.json as text or object) -> the core's JSON.
function toCoreRequest(request) {
  if (request === null || typeof request !== 'object') throw new TypeError('generate: request must be an object');
  if (typeof request.client !== 'string') throw new TypeError('generate: request.client must be a string');
  if (!Array.isArray(request.servers)) throw new TypeError('generate: request.servers must be an array');
  const servers = request.servers.map((s, i) => {
    if (s === null || typeof s !== 'object') throw new TypeError(`generate: servers[${i}] must be an object`);
    const out = {};
    if (s.catalogId !== undefined) out.catalogId = s.catalogId;
    if (s.serverJson !== undefined) {
      out.serverJson = typeof s.serverJson === 'string' ? s.serverJson : JSON.stringify(s.serverJson);
    }
    if (s.name !== undefined) out.name = s.name;
    out.values = checkValues(s.values, `servers[${i}].values`);
    return out;
  });
  const { client, secrets, os, prefer, installs } = request;
  if (installs !== undefined && typeof installs !== 'boolean') throw new TypeError('generate: request.installs must be a boolean');
  return { client, secrets, os, prefer, installs, values: checkValues(request.values, 'values'), servers };
}

// The core's generation answer (gen::ResultsToWire): JSON results whose
// texts follow, raw, after the first line break, and whose secret lists
// are shared (frozen, so sharing them is safe).
function readResults(wire) {
  const newline = wire.indexOf('\n');
  const { secretLists, results } = JSON.parse(wire.slice(0, newline));
  const lists = secretLists.map((list) => Object.freeze(list.map((s) => Object.freeze(s))));
  let at = newline + 1;
  return results.map(({ ok, client, textLength, notes, commands, links, secretsRef }) => {
    const text = wire.slice(at, at + textLength);
    at += textLength;
    return { ok, client, text, notes, commands, links, secrets: lists[secretsRef] };
  });
}

// A lint answer that never reached the core: the input is over the limit.
function tooLargeLint(size, maxBytes) {
  const message = `the file is ${size ?? 'more than ' + maxBytes} bytes; at most ${maxBytes} are read`;
  return {
    client: '', format: '', detected: '', parsed: false, omitted: 0, exitCode: 2,
    findings: [{ rule: 'syntax/too-large', severity: 'error', message, line: 1, column: 1, offset: 0, length: 0, pointer: '' }],
  };
}

const LINT_FORMATS = ['json', 'text', 'sarif'];

function wrap(core, kind) {
  // The lint module reads larger files than the validator (lint.h kMaxBytes).
  const limits = Object.freeze({
    ...JSON.parse(core.limits()),
    ...(kind === 'lint' ? { lintMaxBytes: core.lintMaxBytes() } : {}),
  });
  const targets = Object.freeze(JSON.parse(core.targets()));
  // Input goes into one reusable buffer in wasm memory: strings are encoded
  // there directly (TextEncoder.encodeInto), bytes are copied as they are,
  // so the core sees invalid UTF-8 in files. Calls are synchronous, so one
  // buffer serves them all.
  let bufferAddress = 0;
  let bufferSize = 0;
  let bufferView = null; // the buffer as bytes; stale once memory grows (a new ArrayBuffer)
  const reserve = (size) => {
    if (size <= bufferSize) return;
    if (bufferAddress) core._free(bufferAddress);
    bufferAddress = 0;
    bufferSize = 0;
    bufferView = null;
    const want = Math.max(size, 64 * 1024);
    const address = core._malloc(want);
    if (!address) throw new RangeError(`cannot allocate ${size} bytes in the WebAssembly heap`);
    bufferAddress = address;
    bufferSize = want;
  };
  const write = (input) => {
    if (typeof input === 'string') {
      reserve(input.length * 3); // the most UTF-8 bytes a UTF-16 string needs
      // core.HEAPU8 is read after reserve(): growing memory replaces it.
      if (bufferView === null || bufferView.buffer !== core.HEAPU8.buffer) {
        bufferView = core.HEAPU8.subarray(bufferAddress, bufferAddress + bufferSize);
      }
      return encoder.encodeInto(input, bufferView).written;
    }
    const bytes = new Uint8Array(input.buffer, input.byteOffset, input.byteLength);
    reserve(bytes.length);
    core.HEAPU8.set(bytes, bufferAddress);
    return bytes.length;
  };
  // The core's last generation answer, decoded where it lies in wasm memory.
  const answer = (size) => {
    const address = core.answerAddress();
    return decoder.decode(core.HEAPU8.subarray(address, address + size));
  };
  const call = (name, input, argName) => {
    let length;
    // Refuse oversized input before it touches wasm memory, which never
    // shrinks. A string's UTF-8 length is at least its UTF-16 length.
    if (typeof input === 'string' && input.length > limits.maxBytes) {
      return tooLargeReport(utf8Length(input), limits.maxBytes);
    }
    if (isBytes(input) && input.byteLength > limits.maxBytes) {
      return tooLargeReport(input.byteLength, limits.maxBytes);
    }
    if (typeof input !== 'string' && !isBytes(input)) {
      throw new TypeError(`${name}: ${argName} must be a string or a Uint8Array`);
    }
    length = write(input);
    return JSON.parse(core[name](bufferAddress, length));
  };
  return Object.freeze({
    /** Version of the core, e.g. "0.1.0". */
    version: core.coreVersion(),
    /** Limits the core enforces on every document. */
    limits,
    /** Validate a registry server.json document (text or UTF-8 bytes). */
    validateServerJson(input) {
      return call('validateServerJson', input, 'input');
    },
    /** Client ids and deployment output ids that generate() accepts. */
    targets,
    /**
     * Generate a client's configuration (see index.d.ts, GenerateRequest).
     * Problems with the servers or values come back as result.notes.
     */
    generate(request) {
      const json = JSON.stringify(toCoreRequest(request));
      const length = write(json); // may move the buffer: read bufferAddress after
      return readResults(answer(core.generate(bufferAddress, length)))[0];
    },
    /**
     * Every target's output at once, from one resolution of the servers:
     * { [targetId]: result }. `request.clients` picks targets (default all).
     */
    generateAll(request) {
      const { client, ...rest } = request ?? {};
      const clients = request?.clients ?? [...targets.clients, ...targets.deployments];
      if (!Array.isArray(clients) || clients.some((c) => typeof c !== 'string')) {
        throw new TypeError('generateAll: request.clients must be an array of ids');
      }
      const coreRequest = toCoreRequest({ ...rest, client: '' });
      delete coreRequest.client;
      const length = write(JSON.stringify({ ...coreRequest, clients }));
      const results = readResults(answer(core.generateAll(bufferAddress, length)));
      // A malformed request is one result; every target gets its error.
      return Object.fromEntries(clients.map((id, i) => [id, { ...(results[i] ?? results[0]), client: id }]));
    },
    /** Catalog entries matching every search term (all when none). */
    catalog(terms = []) {
      const list = typeof terms === 'string' ? terms.split(/\s+/) : terms;
      if (!Array.isArray(list) || list.some((t) => typeof t !== 'string')) {
        throw new TypeError('catalog: terms must be a string or an array of strings');
      }
      return JSON.parse(core.catalogSearch(list.filter(Boolean).map((t) => t.replace(/\n/g, ' ')).join('\n')));
    },
    /** The curated server.json text of a catalog entry, or null. */
    catalogEntry(id) {
      if (typeof id !== 'string') throw new TypeError('catalogEntry: id must be a string');
      return core.catalogEntry(id) || null;
    },
    ...(kind === 'lint' ? lintApi() : {}),
  });

  function lintApi() {
    // scanSecrets' rules by the index its answer gives.
    const secretRules = Object.freeze(JSON.parse(core.secretRuleIds()).map((id) => `secret/${id}`));
    const secretWords = core.secretWords();
    const inputSize = (input, name) => {
      if (typeof input !== 'string' && !isBytes(input)) {
        throw new TypeError(`${name}: input must be a string or a Uint8Array`);
      }
      const size = typeof input === 'string' ? input.length : input.byteLength;
      if (size <= limits.lintMaxBytes) return 0;
      return typeof input === 'string' ? utf8Length(input) : size;
    };
    const text = (value, name, what) => {
      if (value === undefined) return undefined;
      if (typeof value !== 'string') throw new TypeError(`${name}: ${what} must be a string`);
      return value;
    };
    return {
      /**
       * Lint an MCP client configuration (text or UTF-8 bytes). Returns the
       * report object, or with format 'text' / 'sarif' that text.
       */
      lint(input, options = {}) {
        const client = text(options.client, 'lint', 'options.client') ?? 'auto';
        const format = text(options.format, 'lint', 'options.format') ?? 'json';
        const file = text(options.file, 'lint', 'options.file') ?? '-';
        if (!LINT_FORMATS.includes(format)) throw new TypeError(`lint: options.format must be one of ${LINT_FORMATS.join(', ')}`);
        const over = inputSize(input, 'lint');
        if (over) {
          const report = tooLargeLint(over, limits.lintMaxBytes);
          if (format === 'json') return report;
          return format === 'text' ? `${file}:1:1: error syntax/too-large ${report.findings[0].message}\n` : null;
        }
        const length = write(input);
        const answerText = answer(core.lint(bufferAddress, length, client, format, file));
        return format === 'text' ? answerText : JSON.parse(answerText);
      },
      /** Replace literal secrets by the client's placeholders; see FixResult. */
      fix(input, options = {}) {
        const client = text(options.client, 'fix', 'options.client') ?? 'auto';
        const over = inputSize(input, 'fix');
        if (over) {
          const report = tooLargeLint(over, limits.lintMaxBytes);
          return {
            ok: false, client: '', text: typeof input === 'string' ? input : '', changes: 0, secrets: [],
            envTemplate: '', remaining: report.findings,
          };
        }
        const length = write(input);
        return JSON.parse(answer(core.fix(bufferAddress, length, client)));
      },
      /** Rewrite a configuration for another client; see ConvertResult. */
      convert(input, options = {}) {
        const from = text(options.from, 'convert', 'options.from') ?? 'auto';
        const to = text(options.to, 'convert', 'options.to');
        if (!to) throw new TypeError('convert: options.to (a client id) is required');
        const over = inputSize(input, 'convert');
        if (over) {
          const report = tooLargeLint(over, limits.lintMaxBytes);
          return { ok: false, from: '', to, text: '', notes: report.findings };
        }
        const length = write(input);
        return JSON.parse(answer(core.convert(bufferAddress, length, from, to)));
      },
      /**
       * Every hard-coded secret in a text (any text: a config, a log, a .env):
       * [{rule, line, column, offset, length, masked}], offset and length in
       * UTF-8 bytes. The secret itself never leaves the core; `masked` is
       * safe to show.
       */
      scanSecrets(input) {
        if (inputSize(input, 'scanSecrets')) {
          throw new RangeError(`scanSecrets: input is over the ${limits.lintMaxBytes}-byte limit`);
        }
        const length = write(input);
        // The count, then kSecretWords numbers per secret (lint.h
        // AppendSecretWords): read in place, made into objects here, with
        // Mask()'s text from its parts.
        const at = core._mcp_builder_scan_secrets(bufferAddress, length) >>> 2;
        const words = core.HEAPU32;
        const count = words[at];
        const found = new Array(count);
        for (let k = 0, i = at + 1; k < count; k++, i += secretWords) {
          // Four code points shown (or none, for a short secret): one string made.
          const n = words[i + 5];
          const shown = n === 4 ? String.fromCodePoint(words[i + 6], words[i + 7], words[i + 8], words[i + 9])
            : String.fromCodePoint(...words.subarray(i + 6, i + 6 + n));
          const chars = words[i + 10];
          found[k] = {
            rule: secretRules[words[i]], line: words[i + 1], column: words[i + 2],
            offset: words[i + 3], length: words[i + 4],
            masked: `${shown}…(${chars} ${chars === 1 ? 'char' : 'chars'})`,
          };
        }
        return found;
      },
    };
  }
}

/**
 * Load the WebAssembly core once; later calls return the same promise.
 * `lint: true` loads the lint module instead (a superset: lint, fix,
 * convert and scanSecrets besides everything else).
 * `integrity` gives Subresource Integrity hashes ('sha384-…') for the files
 * fetched in a browser, by name: 'mcp-builder.wasm', 'mcp-builder-lint.wasm',
 * 'catalog.json'; a file that does not match is refused and init() rejects.
 * @param {{wasmBinary?: ArrayBuffer|Uint8Array, locateFile?: (path: string, prefix: string) => string, catalog?: string|false, lint?: boolean, integrity?: Record<string, string>}} [options]
 */
export function init(options = {}) {
  const kind = options.lint ? 'lint' : 'core';
  if (!modulePromises[kind]) {
    // The module is fetched and compiled while the catalog is fetched: one
    // does not wait for the other.
    const instantiate = async () => {
      const [create, wasmBinary] = await Promise.all([MODULES[kind].create(), loadWasmBinary(options, kind)]);
      const moduleArgs = {};
      let failure = new Promise(() => {});
      if (wasmBinary) moduleArgs.wasmBinary = wasmBinary;
      else if (options.integrity?.[MODULES[kind].wasm]) {
        failure = new Promise((_, reject) => {
          moduleArgs.instantiateWasm = verifiedInstantiate(options, MODULES[kind].wasm, reject);
        });
      }
      if (options.locateFile) moduleArgs.locateFile = options.locateFile;
      return Promise.race([create(moduleArgs), failure]);
    };
    const promise = (async () => {
      const [core, catalog] = await Promise.all([instantiate(), loadCatalogText(options)]);
      if (catalog !== null) {
        const error = core.loadCatalog(catalog);
        if (error) throw new Error(error);
      }
      return wrap(core, kind);
    })();
    modulePromises[kind] = promise;
    promise.catch(() => { modulePromises[kind] = null; }); // allow a retry
  }
  return modulePromises[kind];
}

export default init;
