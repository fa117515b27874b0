// Hand-written types for the public API (wasm/src/index.js).
// Keep in sync with core/include/mcp_builder/diagnostic.h (Severity) and the
// rule ids listed in README.md.

/** How serious a finding is. Only "error" makes a document invalid. */
export type Severity = 'error' | 'warning' | 'info';

/** One finding, always pointing at an exact place in the input. */
export interface Diagnostic {
  /** Stable, namespaced rule id, e.g. "schema/name-pattern" or "json/syntax". */
  rule: string;
  severity: Severity;
  /** Human-readable explanation naming the offending value. */
  message: string;
  /** 1-based line. */
  line: number;
  /** 1-based column, counted in Unicode code points. */
  column: number;
  /** RFC 6901 JSON pointer of the value concerned ("" for the document). */
  pointer: string;
}

export interface ValidationReport {
  /** True when there is no error-level diagnostic. */
  valid: boolean;
  /** False when the input could not be read as JSON at all (size, depth, encoding, syntax). */
  parsed: boolean;
  /** Findings in document order. When parsed is false, exactly one json/* diagnostic. */
  diagnostics: Diagnostic[];
}

export interface Limits {
  /** Largest accepted input, in bytes. */
  maxBytes: number;
  /** Deepest accepted nesting of arrays and objects. */
  maxDepth: number;
  /** Diagnostics reported per document before the rest are summarised. */
  maxDiagnostics: number;
}

export interface McpBuilder {
  readonly version: string;
  readonly limits: Limits;
  /** Validate an MCP Registry server.json (schema 2025-12-11 plus semantic checks). */
  /** A Buffer, or a Uint8Array from another realm, counts as a Uint8Array. */
  validateServerJson(input: string | Uint8Array): ValidationReport;
}

export interface InitOptions {
  /** The bytes of mcp-builder.wasm, if the caller has already fetched them (e.g. with SRI). */
  wasmBinary?: ArrayBuffer | Uint8Array;
  /** Where to fetch mcp-builder.wasm from (browser). */
  locateFile?: (path: string, prefix: string) => string;
}

/** The json/too-large report for input of `size` bytes (null: size unknown). */
export function tooLargeReport(size: number | null, maxBytes: number): ValidationReport;

/** Load the WebAssembly core once; later calls return the same promise. */
export function init(options?: InitOptions): Promise<McpBuilder>;
export default init;
