// Hand-written types for the public API (wasm/src/index.js).
// Keep in sync with core/include/mcp_builder/diagnostic.h (Severity) and the
// rule ids listed in README.md.

/** How serious a finding is. Only "error" makes a document invalid. */
export type Severity = 'error' | 'warning' | 'info';

/** One finding, always pointing at an exact place in the input. */
/** A hard-coded secret found by scanSecrets. */
export interface SecretFinding {
  /** "secret/<token-type>", e.g. "secret/github-pat". */
  rule: string;
  line: number;
  /** 1-based, in Unicode code points. */
  column: number;
  offset: number;
  length: number;
  /** e.g. "ghp_…(40 chars)". */
  masked: string;
}

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
  /** Lint module only: largest file lint, fix, convert and scanSecrets read (16 MiB). */
  lintMaxBytes?: number;
}

export type ClientId = 'claude-desktop' | 'claude-code' | 'cursor' | 'vscode' | 'windsurf' | 'zed' |
  'codex' | 'gemini-cli' | 'continue' | 'goose' | 'cline' | 'lm-studio';
export type DeploymentId = 'dockerfile' | 'compose' | 'package-json' | 'env-example';

/** Values by input name: an environment variable, header, argument name or valueHint, or {variable}. */
export type InputValues = Record<string, string | string[]>;

export interface ServerSelection {
  /** A built-in catalog id, or ... */
  catalogId?: string;
  /** ... a registry server.json, as text or parsed. Exactly one of the two. */
  serverJson?: string | object;
  /** Entry name in the client file (default: the catalog id or the name after '/'). */
  name?: string;
  /** Values for this server only. */
  values?: InputValues;
}

export interface GenerateRequest {
  client: ClientId | DeploymentId;
  servers: ServerSelection[];
  /** Values for every server that declares the input. */
  values?: InputValues;
  /** Default "placeholder": secrets are written as references, never their values. */
  secrets?: 'placeholder' | 'inline';
  /** Default "posix". "windows" wraps npx in `cmd /c` for clients that need it. */
  os?: 'posix' | 'windows';
  /** Default "local": run a package when the server has one, else its remote. */
  prefer?: 'local' | 'remote';
  /**
   * Default true. False skips install commands and links: a page that
   * regenerates every client's file as the user types needs them only for
   * the tab on screen.
   */
  installs?: boolean;
}

export interface GenerateNote {
  /** e.g. "generate/missing-required", "generate/remote-bridged". */
  rule: string;
  severity: Severity;
  message: string;
  /** Entry name ("" when about the whole request). */
  server: string;
  /** Input name, when about one input. */
  input: string;
}

export interface Install {
  /** "claude-code", "codex", "gemini-cli", "vscode" (commands); "cursor", "vscode", "lm-studio", "goose" (links). */
  kind: string;
  server: string;
  /** A POSIX shell command line, or a URL. */
  text: string;
}

export interface SecretToFill {
  /** Placeholder / environment variable name, e.g. GITHUB_PERSONAL_ACCESS_TOKEN. */
  id: string;
  description: string;
  /** Entry name(s) using it, comma-separated. */
  server: string;
}

export interface GenerateResult {
  /** True when no note is an error; `text` is then the file. */
  ok: boolean;
  client: string;
  text: string;
  notes: GenerateNote[];
  commands: Install[];
  links: Install[];
  secrets: SecretToFill[];
}

export interface CatalogSummary {
  id: string;
  name: string;
  title: string;
  description: string;
  category: string;
  keywords: string[];
  /** Registry types of its packages: npm, pypi, oci, nuget, mcpb. */
  runtimes: string[];
  /** Has a remote (hosted) endpoint. */
  remote: boolean;
  /** Declares at least one secret input. */
  secrets: boolean;
}

export interface McpBuilder {
  readonly version: string;
  readonly limits: Limits;
  readonly targets: { clients: ClientId[]; deployments: DeploymentId[] };
  /** Validate an MCP Registry server.json (schema 2025-12-11 plus semantic checks). */
  /** A Buffer, or a Uint8Array from another realm, counts as a Uint8Array. */
  validateServerJson(input: string | Uint8Array): ValidationReport;
  /** Generate a client's configuration; throws TypeError only for a malformed request object. */
  generate(request: GenerateRequest): GenerateResult;
  /**
   * Every target's output from one resolution of the servers (what a page
   * showing all clients needs). `clients` picks targets; default all 16.
   */
  generateAll(request: Omit<GenerateRequest, 'client'> & { clients?: (ClientId | DeploymentId)[] }):
    Record<string, GenerateResult>;
  /** Catalog entries matching every term (case-insensitive); all when none. */
  catalog(terms?: string | string[]): CatalogSummary[];
  /** The curated server.json text of a catalog entry, or null. */
  catalogEntry(id: string): string | null;
}

/** A client id ("claude-desktop", "vscode", "codex", ...) or "auto". */
export type ClientOrAuto = ClientId | 'auto';

/** One lint finding. Messages never hold a secret's value. */
export interface LintFinding {
  /** "syntax/...", "schema/...", "secret/<token-type>", "exec/...", "net/..." (convert adds "convert/..."). */
  rule: string;
  severity: Severity;
  message: string;
  line: number;
  /** 1-based, in Unicode code points. */
  column: number;
  /** UTF-8 byte offset and length of what the finding covers. */
  offset: number;
  length: number;
  /** RFC 6901 JSON pointer into the document's tree ("" for the whole file). */
  pointer: string;
  /** What fix() does about it, when something is automatic. */
  fix?: string;
}

export interface LintReport {
  /** The client the file was read as. */
  client: string;
  format: 'json' | 'jsonc' | 'toml' | 'yaml' | '';
  /** With client "auto": why this client was chosen. */
  detected: string;
  /** False: unreadable or not parseable (exitCode 2). */
  parsed: boolean;
  findings: LintFinding[];
  /** Findings past the first 1000, counted, not listed. */
  omitted: number;
  /** The CLI's exit code: 0 no error-level finding, 1 some, 2 not parseable. */
  exitCode: 0 | 1 | 2;
}

export interface FixResult {
  /** False: the file could not be parsed; `text` is the input. */
  ok: boolean;
  client: string;
  /** The fixed file: only the findings' spans changed. */
  text: string;
  /** Edits applied (0 on a second run). */
  changes: number;
  /** Placeholders to fill in. */
  secrets: SecretToFill[];
  /** "# description\nID=\n" per placeholder: an .env template. */
  envTemplate: string;
  /** Findings of the fixed file. */
  remaining: LintFinding[];
}

export interface ConvertResult {
  ok: boolean;
  from: string;
  to: string;
  text: string;
  /** Source errors, and a warning for each field the target cannot hold. */
  notes: LintFinding[];
}

/** What init({ lint: true }) resolves to: everything, plus the linter. */
export interface McpBuilderLint extends McpBuilder {
  /** Lint a client configuration; the report object. */
  lint(input: string | Uint8Array, options?: { client?: ClientOrAuto; format?: 'json'; file?: string }): LintReport;
  /** Lint, as "file:line:column: severity rule message" lines. */
  lint(input: string | Uint8Array, options: { client?: ClientOrAuto; format: 'text'; file?: string }): string;
  /** Lint, as a SARIF 2.1.0 log (for GitHub code scanning); `file` as the artifact URI. */
  lint(input: string | Uint8Array, options: { client?: ClientOrAuto; format: 'sarif'; file?: string }): object;
  /** Replace literal secrets by the client's placeholders; apply safe fixes. Idempotent. */
  fix(input: string | Uint8Array, options?: { client?: ClientOrAuto }): FixResult;
  /** Rewrite a configuration for another client. Throws TypeError without `to`. */
  convert(input: string | Uint8Array, options: { from?: ClientOrAuto; to: ClientId }): ConvertResult;
  /**
   * Every hard-coded secret in a text. Offsets and lengths are UTF-8 bytes;
   * the secret itself is never returned (`masked` shows its first 4
   * characters and its length). Throws RangeError over limits.maxBytes.
   */
  scanSecrets(input: string | Uint8Array): SecretFinding[];
}

export interface InitOptions {
  /** The bytes of mcp-builder.wasm, if the caller has already fetched them (e.g. with SRI). */
  wasmBinary?: ArrayBuffer | Uint8Array;
  /**
   * Where to fetch a file of dist/ from (browser): called with the file name
   * ('mcp-builder.wasm', 'mcp-builder-lint.wasm', 'catalog.json') and the
   * default folder; the answer is resolved against that folder.
   */
  locateFile?: (path: string, prefix: string) => string;
  /**
   * Subresource Integrity hashes ('sha384-…', as in an `integrity` attribute)
   * of the files fetched in a browser, by name. The wasm is then fetched with
   * `fetch(url, { integrity })` (Emscripten's instantiateWasm hook) and the
   * catalog likewise; bytes that do not match are refused and init() rejects.
   */
  integrity?: Partial<Record<'mcp-builder.wasm' | 'mcp-builder-lint.wasm' | 'catalog.json', string>>;
  /**
   * The catalog bundle's text (dist/catalog.json), if the caller has it
   * already; false for an empty catalog. Default: loaded from next to the module.
   */
  catalog?: string | false;
  /**
   * Load the lint module (mcp-builder-lint.wasm, a superset of the core)
   * instead of the core: lint, fix, convert and scanSecrets. With wasmBinary,
   * give that module's bytes.
   */
  lint?: boolean;
}

/** The json/too-large report for input of `size` bytes (null: size unknown). */
export function tooLargeReport(size: number | null, maxBytes: number): ValidationReport;

/** Load the WebAssembly core once; later calls return the same promise. */
export function init(options: InitOptions & { lint: true }): Promise<McpBuilderLint>;
export function init(options?: InitOptions): Promise<McpBuilder>;
export default init;
