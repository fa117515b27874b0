// Public entry of the npm package: one async init(), then synchronous calls.
//
// The C++ core returns every result as one JSON text (see wasm/bindings.cc);
// this facade parses it into plain objects, so callers never hold a wasm
// handle and never call .delete(). Programmer errors (wrong argument types)
// throw TypeError here, in one place; problems in the *document* are data
// and come back in the report.
import createCoreModule from '../dist/mcp-builder.js';

let modulePromise = null;

const isNode = typeof process !== 'undefined' && !!process.versions?.node;

async function loadWasmBinary(options) {
  if (options.wasmBinary) return options.wasmBinary;
  // Emscripten 3.1.6 predates Node's global fetch and fails on file paths,
  // so under Node we read the bytes ourselves (TOOLCHAIN.md).
  if (isNode && !options.locateFile) {
    const { readFile } = await import('node:fs/promises');
    return readFile(new URL('../dist/mcp-builder.wasm', import.meta.url));
  }
  return undefined; // the browser fetches it next to mcp-builder.js
}

// Strings are encoded here rather than by embind: embind's own JS-string
// conversion loops per character, and TextEncoder is several times faster.
// Bytes (Uint8Array) go through untouched, so the core sees invalid UTF-8.
const encoder = new TextEncoder();

function wrap(core) {
  const call = (name, input, argName) => {
    let bytes;
    if (typeof input === 'string') {
      bytes = encoder.encode(input);
    } else if (input instanceof Uint8Array) {
      bytes = input;
    } else {
      throw new TypeError(`${name}: ${argName} must be a string or a Uint8Array`);
    }
    return JSON.parse(core[name](bytes));
  };
  return Object.freeze({
    /** Version of the core, e.g. "0.1.0". */
    version: core.coreVersion(),
    /** Limits the core enforces on every document. */
    limits: Object.freeze(JSON.parse(core.limits())),
    /** Validate a registry server.json document (text or UTF-8 bytes). */
    validateServerJson(input) {
      return call('validateServerJson', input, 'input');
    },
  });
}

/**
 * Load the WebAssembly core once; later calls return the same promise.
 * @param {{wasmBinary?: ArrayBuffer|Uint8Array, locateFile?: (path: string, prefix: string) => string}} [options]
 */
export function init(options = {}) {
  if (!modulePromise) {
    modulePromise = (async () => {
      const wasmBinary = await loadWasmBinary(options);
      const moduleArgs = {};
      if (wasmBinary) moduleArgs.wasmBinary = wasmBinary;
      if (options.locateFile) moduleArgs.locateFile = options.locateFile;
      return wrap(await createCoreModule(moduleArgs));
    })();
    modulePromise.catch(() => { modulePromise = null; }); // allow a retry
  }
  return modulePromise;
}

export default init;
