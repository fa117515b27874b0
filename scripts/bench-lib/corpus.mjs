// Deterministic corpus of registry server.json documents for scripts/bench.
//
// generateCorpus(n, seed) returns n documents as TEXT, pretty-printed with a
// 2-space indent like real files. About a quarter are invalid in varied ways
// (one or two mutations each); the rest are meant to be clean under both the
// 2025-12-11 schema and the registry's semantic rules (MCPB packages carry
// fileSha256, {curly} references resolve, remotes of a domain namespace stay
// on that domain, runtimeHint accompanies runtimeArguments, pinned versions).
//
// generateCorpusDetailed(n, seed) returns [{text, mutations: [label...]}] so
// the bench can say which intended defect a disagreement comes from.
//
// Only the seeded PRNG below is used (never Math.random), so the same
// (n, seed) always yields byte-identical documents.
//
// Run directly for statistics:  node scripts/bench-lib/corpus.mjs [--docs N] [--seed S] [--dump DIR]

export const DEFAULT_SEED = 20251211;
export const DEFAULT_DOCS = 2000;
const INVALID_SHARE = 0.25;
const MAX_DOC_BYTES = 10 * 1024;

// ---------------------------------------------------------------- PRNG ----
// mulberry32: small, fast, good enough for test data. Shared with
// secrets-corpus.mjs.
export function makeRng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const r = {
    next,
    int: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)), // inclusive
    chance: (p) => next() < p,
    pick: (arr) => arr[Math.floor(next() * arr.length)],
    str: (alphabet, n) => {
      let s = '';
      for (let i = 0; i < n; i++) s += alphabet[Math.floor(next() * alphabet.length)];
      return s;
    },
    hex: (len) => r.str('0123456789abcdef', len),
    bytes: (n) => {
      const b = new Uint8Array(n);
      for (let i = 0; i < n; i++) b[i] = Math.floor(next() * 256);
      return b;
    },
    sample: (arr, k) => {
      const copy = arr.slice();
      const out = [];
      while (out.length < k && copy.length) out.push(copy.splice(Math.floor(next() * copy.length), 1)[0]);
      return out;
    },
    weighted: (pairs) => { // [[weight, value], ...]
      const total = pairs.reduce((s, [w]) => s + w, 0);
      let x = next() * total;
      for (const [w, v] of pairs) { if ((x -= w) < 0) return v; }
      return pairs[pairs.length - 1][1];
    },
  };
  return r;
}

// ------------------------------------------------------------ vocabulary ----
const COMPANIES = ['acme', 'globex', 'initech', 'umbrella', 'hooli', 'stark', 'wayne', 'tyrell', 'cyberdyne',
  'soylent', 'wonka', 'vandelay', 'aperture', 'blackmesa', 'oscorp', 'piedpiper', 'dunder', 'massive', 'zorg', 'nakatomi'];
const TLDS = ['com', 'io', 'ai', 'dev', 'net', 'org', 'co'];
const GH_USERS = ['alice', 'bob-smith', 'carol99', 'dave-k', 'erin-dev', 'frank', 'grace-h', 'heidi', 'ivan0',
  'judy-labs', 'mallory', 'niaj', 'olivia-m', 'peggy', 'rupert', 'sybil', 'trent', 'victor-x', 'walter', 'zoe-ai'];
const TOPICS = ['weather', 'postgres', 'github', 'slack', 'jira', 'notion', 'filesystem', 'browser', 'search',
  'calendar', 'email', 'kubernetes', 'docker', 'redis', 'mongodb', 'stripe', 'sentry', 'figma', 'linear', 'drive',
  'sqlite', 'time', 'fetch', 'memory', 'git', 'maps', 'translate', 'crm', 'analytics', 'vector-db'];
const SUFFIXES = ['', '-mcp', '-server', '-mcp-server', '_tools', '.mcp', '-bridge', '-connector'];
const VERBS = ['Query', 'Manage', 'Search', 'Read and write', 'Inspect', 'Automate', 'Monitor', 'Browse', 'Sync', 'Analyze'];
const OBJECTS = ['issues and pull requests', 'tables and rows', 'forecasts', 'messages and channels', 'pages and databases',
  'files under an allowed root', 'events', 'pods and deployments', 'payments', 'error reports', 'design files', 'documents'];
const TAILS = ['from your MCP client', 'with read-only defaults', 'over a secure connection', 'for AI assistants',
  'with fine-grained scopes', 'locally', 'via the official API', 'without leaving the editor'];
const LOREM = ('The value is read at start-up and never logged. When unset the server falls back to the documented default. ' +
  'Use a token with the smallest scope that works; rotate it regularly. Paths are resolved relative to the working ' +
  'directory and must stay inside the allowed roots. Numbers are decimal and booleans are the strings true and false. ' +
  'See the project README for the full list of options and their interactions with the remote transport.').split(' ');
const ENV_NAMES = ['API_KEY', 'API_TOKEN', 'BASE_URL', 'LOG_LEVEL', 'TIMEOUT_MS', 'REGION', 'PORT', 'DATABASE_URL',
  'READ_ONLY', 'MAX_RESULTS', 'CACHE_DIR', 'WORKSPACE', 'ORG_ID', 'PROJECT_ID', 'HTTP_PROXY', 'TLS_VERIFY',
  'CLIENT_ID', 'CLIENT_SECRET', 'WEBHOOK_SECRET', 'ALLOWED_ROOTS', 'LOCALE', 'TZ', 'RATE_LIMIT', 'DEBUG', 'USER_AGENT',
  'OUTPUT_FORMAT', 'RETRIES', 'INDEX_NAME', 'BUCKET', 'MODEL'];
const SECRET_ENV = new Set(['API_KEY', 'API_TOKEN', 'CLIENT_SECRET', 'WEBHOOK_SECRET', 'DATABASE_URL']);
const SCHEMA_URL = 'https://static.modelcontextprotocol.io/schemas/2025-12-11/server.schema.json';
const OLD_SCHEMA_URL = 'https://static.modelcontextprotocol.io/schemas/2025-10-17/server.schema.json';

// ------------------------------------------------------------- helpers ----
function sentence(r, min, max) {
  const n = r.int(min, max);
  const start = r.int(0, LOREM.length - 1);
  const words = [];
  for (let i = 0; i < n; i++) words.push(LOREM[(start + i) % LOREM.length]);
  let s = words.join(' ');
  s = s.charAt(0).toUpperCase() + s.slice(1);
  return s.endsWith('.') ? s : s + '.';
}

function describe(r, topic) {
  let d = `${r.pick(VERBS)} ${topic.replace('-', ' ')} ${r.pick(OBJECTS)} ${r.pick(TAILS)}`;
  if (d.length > 100) d = d.slice(0, 100).trimEnd();
  return d;
}

function semver(r) {
  const base = `${r.int(0, 3)}.${r.int(0, 20)}.${r.int(0, 40)}`;
  return r.weighted([
    [80, base],
    [8, `${base}-beta.${r.int(1, 9)}`],
    [5, `${base}-rc.${r.int(1, 4)}`],
    [4, `${base}+build.${r.int(1, 999)}`],
    [3, `2025.${r.int(1, 12)}.${r.int(1, 28)}`],
  ]);
}

const lowerSnake = (s) => s.toLowerCase();

// The namespace decides the remote hosts a server may use (registry rule).
function makeIdentity(r) {
  const kind = r.weighted([[55, 'github'], [45, 'domain']]);
  const topic = r.pick(TOPICS);
  const slug = topic + r.pick(SUFFIXES);
  if (kind === 'github') {
    const user = r.pick(GH_USERS);
    return { name: `io.github.${user}/${slug}`, owner: user.replace('.', '-'), topic, slug, domain: null };
  }
  const company = r.pick(COMPANIES);
  const tld = r.pick(TLDS);
  const sub = r.chance(0.2) ? `.${r.pick(['labs', 'cloud', 'tools'])}` : '';
  // reverse-DNS: com.acme(.labs) <-> (labs.)acme.com
  const ns = `${tld}.${company}${sub}`;
  const domain = `${sub ? sub.slice(1) + '.' : ''}${company}.${tld}`;
  return { name: `${ns}/${slug}`, owner: company, topic, slug, domain };
}

function input(r, { secret = false, name = null } = {}) {
  const o = {};
  if (r.chance(0.85)) o.description = sentence(r, 4, r.chance(0.2) ? 40 : 14);
  if (r.chance(0.6)) o.isRequired = r.chance(0.5);
  if (secret) o.isSecret = true; else if (r.chance(0.15)) o.isSecret = false;
  const fmt = r.weighted([[60, null], [15, 'string'], [10, 'number'], [10, 'boolean'], [5, 'filepath']]);
  if (fmt) o.format = fmt;
  if (!secret) {
    if (fmt === 'number' && r.chance(0.6)) o.default = String(r.int(1, 65535));
    else if (fmt === 'boolean') { o.default = r.chance(0.5) ? 'true' : 'false'; if (r.chance(0.5)) o.choices = ['true', 'false']; }
    else if (fmt === 'filepath' && r.chance(0.5)) o.default = r.pick(['/data', './workspace', '~/.config/app', 'C:\\data']);
    else if ((fmt === null || fmt === 'string') && r.chance(0.25)) {
      o.choices = r.sample(['debug', 'info', 'warn', 'error', 'us-east-1', 'eu-west-1', 'ap-south-1', 'json', 'text'], r.int(2, 4));
      if (r.chance(0.6)) o.default = o.choices[0];
    }
  }
  if (r.chance(0.2)) o.placeholder = name ? `your-${name.toLowerCase().replace(/_/g, '-')}` : 'value';
  return o;
}

function envVar(r, name) {
  const secret = SECRET_ENV.has(name) && r.chance(0.9);
  const o = { name, ...input(r, { secret, name }) };
  if (!secret && r.chance(0.08)) {
    // value with a {curly} variable
    o.value = `{${lowerSnake(name)}}-${r.pick(['prod', 'eu', 'v2'])}`;
    o.variables = { [lowerSnake(name)]: { description: sentence(r, 3, 8), isRequired: true } };
    delete o.default; delete o.choices;
  }
  return o;
}

function positional(r, hint) {
  if (r.chance(0.35)) return { type: 'positional', value: hint };
  const o = { type: 'positional', valueHint: hint, ...input(r, { name: hint }) };
  if (r.chance(0.15)) o.isRepeated = true;
  if (r.chance(0.3)) o.format = 'filepath';
  return o;
}

function named(r, flag) {
  const o = { type: 'named', name: flag, ...input(r, { name: flag.replace(/^-+/, '') }) };
  if (r.chance(0.15)) o.isRepeated = r.chance(0.7);
  if (r.chance(0.2)) {
    o.value = `${flag.replace(/^-+/, '')}={${lowerSnake(flag.replace(/^-+/, '').replace(/-/g, '_'))}}`;
    o.variables = { [lowerSnake(flag.replace(/^-+/, '').replace(/-/g, '_'))]: input(r) };
    delete o.default; delete o.choices;
  }
  return o;
}

function headers(r) {
  const list = [];
  if (r.chance(0.7)) {
    if (r.chance(0.5)) {
      list.push({ name: 'Authorization', description: 'Bearer token for the API', value: 'Bearer {api_token}',
        variables: { api_token: { description: 'Personal access token', isRequired: true, isSecret: true } } });
    } else {
      list.push({ name: 'X-API-Key', description: sentence(r, 3, 10), isRequired: true, isSecret: true });
    }
  }
  if (r.chance(0.4)) list.push({ name: 'X-Region', description: 'Data residency region', default: 'us-east-1', choices: ['us-east-1', 'eu-west-1', 'ap-south-1'] });
  if (r.chance(0.2)) list.push({ name: 'X-Client-Name', value: 'mcp-server-builder' });
  return list;
}

function sha(r) { return r.hex(64); }

function npmPackage(r, id, size) {
  const ident = r.chance(0.5) ? `@${id.owner}/${id.topic}-mcp` : `${id.topic}-mcp-server`;
  const p = { registryType: 'npm' };
  if (r.chance(0.6)) p.registryBaseUrl = 'https://registry.npmjs.org';
  p.identifier = ident;
  p.version = semver(r);
  p.runtimeHint = 'npx';
  p.transport = { type: 'stdio' };
  return finishPackage(r, p, size, ['--stdio', '--read-only', '--log-level', '--allowed-dir']);
}

function pypiPackage(r, id, size) {
  const p = { registryType: 'pypi' };
  if (r.chance(0.6)) p.registryBaseUrl = 'https://pypi.org';
  p.identifier = `${id.topic}-mcp`.replace(/_/g, '-');
  p.version = semver(r).replace(/-beta\./, 'b').replace(/-rc\./, 'rc');
  p.runtimeHint = 'uvx';
  p.transport = { type: 'stdio' };
  return finishPackage(r, p, size, ['--transport', '--verbose', '--config']);
}

function ociPackage(r, id, size) {
  const host = r.pick(['ghcr.io', 'docker.io', 'us-docker.pkg.dev', 'acme.azurecr.io', 'mcr.microsoft.com']);
  const p = { registryType: 'oci' };
  if (host === 'docker.io' && r.chance(0.5)) p.registryBaseUrl = 'https://docker.io';
  const v = semver(r);
  if (r.chance(0.5)) { p.identifier = `${host}/${id.owner}/${id.topic}-mcp:${v}`; }
  else { p.identifier = `${host}/${id.owner}/${id.topic}-mcp`; p.version = v; }
  p.runtimeHint = 'docker';
  if (r.chance(0.3)) {
    // HTTP server in a container, URL built from the package's own inputs.
    p.transport = { type: r.pick(['streamable-http', 'sse']), url: 'http://localhost:{PORT}/mcp' };
    p.environmentVariables = [{ name: 'PORT', description: 'Port the server listens on', format: 'number', default: '8080' }];
  } else {
    p.transport = { type: 'stdio' };
  }
  p.runtimeArguments = [];
  if (r.chance(0.7)) {
    p.runtimeArguments.push({ type: 'named', name: '--mount', description: 'Mount a host directory into the container',
      value: 'type=bind,src={source_path},dst={target_path}', isRepeated: true,
      variables: {
        source_path: { description: 'Source path on the host', format: 'filepath', isRequired: true },
        target_path: { description: 'Path to mount in the container', isRequired: true, default: '/project' },
      } });
  }
  if (r.chance(0.5)) p.runtimeArguments.push({ type: 'named', name: '-e', value: 'LOG_LEVEL={log_level}', variables: { log_level: { default: 'info', choices: ['debug', 'info', 'warn'] } } });
  if (r.chance(0.4)) p.runtimeArguments.push({ type: 'named', name: '--rm' });
  if (!p.runtimeArguments.length) p.runtimeArguments.push({ type: 'positional', value: '--init' });
  return finishPackage(r, p, size, ['--read-only', '--workers']);
}

function nugetPackage(r, id, size) {
  const cap = (s) => s.split(/[-_.]/).filter(Boolean).map((w) => w[0].toUpperCase() + w.slice(1)).join('');
  const p = { registryType: 'nuget' };
  if (r.chance(0.5)) p.registryBaseUrl = 'https://api.nuget.org/v3/index.json';
  p.identifier = `${cap(id.owner)}.${cap(id.topic)}Mcp`;
  p.version = semver(r);
  p.runtimeHint = 'dnx';
  p.transport = { type: 'stdio' };
  p.packageArguments = [{ type: 'positional', value: 'mcp' }, { type: 'positional', value: 'start' }];
  return finishPackage(r, p, size, ['--no-banner']);
}

function mcpbPackage(r, id, size) {
  const v = semver(r);
  const host = r.pick(['github.com', 'gitlab.com']);
  const p = { registryType: 'mcpb' };
  if (r.chance(0.4)) p.registryBaseUrl = `https://${host}`;
  p.identifier = `https://${host}/${id.owner}/${id.topic}-mcp/releases/download/v${v}/${id.topic}-mcp.mcpb`;
  if (r.chance(0.6)) p.version = v;
  p.fileSha256 = sha(r);
  p.transport = { type: 'stdio' };
  return finishPackage(r, p, size, ['--safe-mode']);
}

function finishPackage(r, p, size, flags) {
  const nEnv = size === 'small' ? r.int(0, 2) : size === 'medium' ? r.int(1, 6) : r.int(6, 18);
  const existing = new Set((p.environmentVariables || []).map((e) => e.name));
  const env = p.environmentVariables || [];
  for (const name of r.sample(ENV_NAMES, nEnv)) if (!existing.has(name)) env.push(envVar(r, name));
  if (env.length) p.environmentVariables = env;
  const nArgs = size === 'small' ? r.int(0, 1) : size === 'medium' ? r.int(0, 3) : r.int(2, 6);
  if (nArgs) {
    const args = p.packageArguments || [];
    // distinct hints and flags: a repeated flag would need isRepeated
    const hints = r.sample(['target_dir', 'config_file', 'database', 'workspace_root', 'profile', 'output_dir', 'input_file'], nArgs);
    const names = r.sample(flags.concat(['--port', '--timeout', '--max-results', '--scope', '--region', '--cache-ttl']), nArgs);
    for (let i = 0; i < nArgs; i++) {
      if (r.chance(0.45)) args.push(positional(r, hints[i]));
      else args.push(named(r, names[i]));
    }
    p.packageArguments = args;
  }
  return p;
}

function remote(r, id, size) {
  const type = r.weighted([[70, 'streamable-http'], [30, 'sse']]);
  const path = type === 'sse' ? '/sse' : '/mcp';
  const o = { type };
  const hostVars = !id.domain && r.chance(0.3);
  const pathVars = !hostVars && r.chance(0.2);
  const host = id.domain ? `${r.pick(['mcp', 'api', 'mcp.eu'])}.${id.domain}` : `${id.topic}.${r.pick(['example.com', 'mcp.run', 'fly.dev', 'workers.dev'])}`;
  if (hostVars) o.url = `https://{tenant_id}.${host}${path}`;
  else if (pathVars) o.url = `https://${host}/{workspace}${path}`;
  else o.url = `https://${host}${path}`;
  const hs = headers(r);
  if (size === 'large') for (let i = 0; i < r.int(1, 4); i++) hs.push({ name: `X-Opt-${i + 1}`, ...input(r) });
  if (hs.length) o.headers = hs;
  if (hostVars) o.variables = { tenant_id: { description: 'Tenant identifier assigned at sign-up', isRequired: true } };
  if (pathVars) o.variables = { workspace: { description: sentence(r, 3, 9), isRequired: true, default: 'default' } };
  return o;
}

// -------------------------------------------------------------- document ----
function makeDoc(r, size) {
  const id = makeIdentity(r);
  const doc = {};
  const schemaChoice = r.weighted([[85, SCHEMA_URL], [10, null], [5, OLD_SCHEMA_URL]]);
  if (schemaChoice) doc.$schema = schemaChoice;
  doc.name = id.name;
  if (r.chance(0.6)) doc.title = id.topic.split('-').map((w) => w[0].toUpperCase() + w.slice(1)).join(' ') + (r.chance(0.5) ? ' MCP' : '');
  doc.description = describe(r, id.topic);
  doc.version = semver(r);
  const ghRepo = `https://github.com/${id.owner}/${id.slug.replace(/[._]/g, '-')}`;
  if (r.chance(0.8)) {
    doc.repository = r.chance(0.85) ? { url: ghRepo, source: 'github' } : { url: `https://gitlab.com/${id.owner}/${id.topic}`, source: 'gitlab' };
    if (r.chance(0.3)) doc.repository.id = String(r.int(100000000, 999999999));
    if (r.chance(0.2)) doc.repository.subfolder = `servers/${id.topic}`;
  }
  if (r.chance(0.5)) doc.websiteUrl = id.domain ? `https://${id.domain}/${id.topic}` : `${ghRepo}#readme`;
  if (r.chance(0.35)) {
    const base = id.domain ? `https://${id.domain}` : `https://raw.githubusercontent.com/${id.owner}/${id.topic}/main`;
    doc.icons = [];
    for (let i = 0; i < r.int(1, 3); i++) {
      const mime = r.pick(['image/png', 'image/jpeg', 'image/jpg', 'image/svg+xml', 'image/webp']);
      const ext = { 'image/png': 'png', 'image/jpeg': 'jpg', 'image/jpg': 'jpg', 'image/svg+xml': 'svg', 'image/webp': 'webp' }[mime];
      const icon = { src: `${base}/icons/${id.topic}-${i}.${ext}`, mimeType: mime };
      if (r.chance(0.7)) icon.sizes = mime === 'image/svg+xml' ? ['any'] : r.sample(['16x16', '32x32', '48x48', '96x96', '128x128'], r.int(1, 3));
      if (r.chance(0.4)) icon.theme = r.pick(['light', 'dark']);
      doc.icons.push(icon);
    }
  }
  const shape = r.weighted([[55, 'packages'], [20, 'remotes'], [25, 'both']]);
  if (shape !== 'remotes') {
    const n = size === 'large' ? r.int(1, 3) : size === 'medium' ? r.int(1, 2) : 1;
    const makers = r.sample([npmPackage, pypiPackage, ociPackage, nugetPackage, mcpbPackage], n);
    // npm and pypi dominate the real registry
    if (r.chance(0.5)) makers[0] = r.pick([npmPackage, pypiPackage]);
    doc.packages = makers.map((mk) => mk(r, id, size));
  }
  if (shape !== 'packages') {
    const n = size === 'large' ? r.int(1, 3) : 1;
    doc.remotes = [];
    for (let i = 0; i < n; i++) doc.remotes.push(remote(r, id, size));
  }
  if (r.chance(0.3)) {
    doc._meta = { 'io.modelcontextprotocol.registry/publisher-provided': {
      tool: 'mcp-publisher', version: `1.${r.int(0, 4)}.${r.int(0, 9)}`,
      buildInfo: { commit: r.hex(40), timestamp: `2025-${String(r.int(1, 12)).padStart(2, '0')}-${String(r.int(1, 28)).padStart(2, '0')}T12:00:00Z` },
    } };
  }
  return doc;
}

// ------------------------------------------------------------ mutations ----
// Each returns true when it applied. Labels name the intended defect.
const pkgs = (doc) => (Array.isArray(doc.packages) ? doc.packages : []);
const rems = (doc) => (Array.isArray(doc.remotes) ? doc.remotes : []);
const allArgs = (doc) => pkgs(doc).flatMap((p) => [...(p.runtimeArguments || []), ...(p.packageArguments || [])]);
const allKv = (doc) => [
  ...pkgs(doc).flatMap((p) => [...(p.environmentVariables || []), ...((p.transport && p.transport.headers) || [])]),
  ...rems(doc).flatMap((rm) => rm.headers || []),
];
const firstPkg = (doc) => pkgs(doc)[0] || null;
const hasName = (d) => typeof d.name === 'string';

const MUTATIONS = {
  'name/no-slash': (r, d) => { if (!hasName(d)) return false; d.name = d.name.replace('/', r.pick(['-', '.', '_'])); return true; },
  'name/two-slashes': (r, d) => { if (!hasName(d)) return false; d.name = `${d.name}/${r.pick(['v2', 'extra', 'beta'])}`; return true; },
  'name/bad-char': (r, d) => { if (!hasName(d)) return false; d.name = r.pick([d.name.replace('/', '/my '), `@${d.name}`, d.name.replace('.', ':'), d.name + '!']); return true; },
  'name/too-long': (r, d) => { d.name = `com.${'a'.repeat(r.int(200, 260))}/server`; return true; },
  'description/too-long': (r, d) => { let s = d.description + '. ' + sentence(r, 20, 50); while (s.length <= 100) s += ' More.'; d.description = s; return true; },
  'description/empty': (r, d) => { d.description = ''; return true; },
  'title/too-long': (r, d) => { d.title = `${(d.title || 'Server')} - ${sentence(r, 20, 40)}`.padEnd(101, '.'); return true; },
  'version/range': (r, d) => { d.version = r.pick(['^1.2.3', '~1.2.3', '>=1.2.3', '1.x', '1.*', '>1.0.0 <2.0.0', '1.2.3 || 2.0.0', '*', '1.2.x', '<=2.0.0']); return true; },
  'version/latest': (r, d) => { d.version = 'latest'; return true; },
  'version/too-long': (r, d) => { d.version = `1.0.0-${'a'.repeat(r.int(250, 300))}`; return true; },
  'package/version-latest': (r, d) => { const p = firstPkg(d); if (!p) return false; p.version = 'latest'; return true; },
  'package/version-range': (r, d) => { const p = firstPkg(d); if (!p) return false; p.version = r.pick(['^1.2.3', '~0.4.0', '>=2.0.0', '1.x', '*']); return true; },
  'package/version-empty': (r, d) => { const p = firstPkg(d); if (!p) return false; p.version = ''; return true; },
  'package/bad-sha256': (r, d) => {
    const p = pkgs(d).find((x) => x.fileSha256) || firstPkg(d); if (!p) return false;
    const good = sha(r);
    p.fileSha256 = r.pick([good.toUpperCase(), good.slice(0, 40), `sha256:${good}`, good.slice(0, 63) + 'g', good + '0']);
    return true;
  },
  'icon/not-https': (r, d) => {
    const src = `${r.pick(['http', 'ftp', 'data'])}://${r.pick(COMPANIES)}.com/icon.png`;
    if (d.icons && d.icons.length) d.icons[0].src = src; else d.icons = [{ src, mimeType: 'image/png' }];
    return true;
  },
  'icon/bad-mime': (r, d) => { if (!d.icons || !d.icons.length) return false; d.icons[0].mimeType = r.pick(['image/gif', 'image/bmp', 'png', 'IMAGE/PNG']); return true; },
  'icon/bad-sizes': (r, d) => { if (!d.icons) return false; d.icons[0].sizes = [r.pick(['48', '48px', '48X48', 'large', '48 x 48'])]; return true; },
  'icon/bad-theme': (r, d) => { if (!d.icons) return false; d.icons[0].theme = r.pick(['blue', 'Light', 'auto']); return true; },
  'arg/positional-no-hint': (r, d) => {
    const p = firstPkg(d); if (!p) return false;
    const pos = allArgs(d).find((a) => a.type === 'positional');
    if (pos) { delete pos.valueHint; delete pos.value; }
    else (p.packageArguments = p.packageArguments || []).push({ type: 'positional', description: 'Directory to serve', isRequired: true });
    return true;
  },
  'arg/bad-type': (r, d) => { const a = allArgs(d)[0]; if (!a) return false; a.type = r.pick(['flag', 'option', 'Named', 'positionl']); return true; },
  'arg/named-no-name': (r, d) => {
    const p = firstPkg(d); if (!p) return false;
    const n = allArgs(d).find((a) => a.type === 'named');
    if (n) delete n.name; else (p.packageArguments = p.packageArguments || []).push({ type: 'named', value: '8080' });
    return true;
  },
  'transport/bad-type': (r, d) => { const p = firstPkg(d); if (!p) return false; p.transport = { type: r.pick(['http', 'stdin', 'websocket', 'STDIO']) }; return true; },
  'transport/missing-url': (r, d) => { const p = firstPkg(d); if (!p) return false; p.transport = { type: r.pick(['streamable-http', 'sse']) }; return true; },
  'remote/bad-type': (r, d) => { if (!rems(d).length) return false; d.remotes[0].type = r.pick(['stdio', 'http', 'websocket']); return true; },
  'remote/bad-url': (r, d) => {
    if (!rems(d).length) return false;
    d.remotes[0].url = r.pick(['ws://mcp.example.com/socket', 'mcp.example.com/mcp', 'https://mcp.example.com/my path', 'ftp://example.com/mcp', 'https://']);
    return true;
  },
  'remote/missing-url': (r, d) => { if (!rems(d).length) return false; delete d.remotes[0].url; return true; },
  'input/bad-format': (r, d) => {
    const kv = allKv(d)[0]; if (!kv) return false;
    kv.format = r.pick(['integer', 'json', 'path', 'secret', 'String']); return true;
  },
  'input/missing-name': (r, d) => { const kv = allKv(d)[0]; if (!kv) return false; delete kv.name; return true; },
  'missing/name': (r, d) => { delete d.name; return true; },
  'missing/description': (r, d) => { delete d.description; return true; },
  'missing/version': (r, d) => { delete d.version; return true; },
  'missing/registryType': (r, d) => { const p = firstPkg(d); if (!p) return false; delete p.registryType; return true; },
  'missing/identifier': (r, d) => { const p = firstPkg(d); if (!p) return false; delete p.identifier; return true; },
  'missing/transport': (r, d) => { const p = firstPkg(d); if (!p) return false; delete p.transport; return true; },
  'repository/missing-source': (r, d) => { if (!d.repository) return false; delete d.repository.source; return true; },
  'repository/missing-url': (r, d) => { if (!d.repository) return false; delete d.repository.url; return true; },
  'type/version-number': (r, d) => { d.version = r.pick([1, 1.2, 2]); return true; },
  'type/description-number': (r, d) => { d.description = 42; return true; },
  'type/packages-object': (r, d) => { const p = firstPkg(d); if (!p) return false; d.packages = p; return true; },
  'type/remotes-object': (r, d) => { if (!rems(d).length) return false; d.remotes = d.remotes[0]; return true; },
  'type/isSecret-string': (r, d) => { const kv = allKv(d)[0]; if (!kv) return false; kv.isSecret = r.pick(['true', 'yes', 1]); return true; },
  'type/isRequired-string': (r, d) => { const kv = allKv(d)[0]; if (!kv) return false; kv.isRequired = r.pick(['false', 'no', 0]); return true; },
  'type/default-number': (r, d) => { const kv = allKv(d)[0]; if (!kv) return false; kv.default = r.int(1, 9000); return true; },
  'type/choices-string': (r, d) => { const kv = allKv(d)[0]; if (!kv) return false; kv.choices = 'a,b,c'; return true; },
  'type/name-array': (r, d) => { d.name = [d.name]; return true; },
  'uri/websiteUrl': (r, d) => { d.websiteUrl = r.pick(['www.example.com', 'example dot com', 'acme.com/mcp', '//acme.com']); return true; },
  'uri/repository-url': (r, d) => { if (!d.repository) return false; d.repository.url = r.pick(['github.com/acme/server', 'acme/server']); return true; },
  'uri/schema': (r, d) => { d.$schema = r.pick(['server.schema.json', './schemas/server.schema.json']); return true; },
};
const MUTATION_NAMES = Object.keys(MUTATIONS);
// Not schema defects of the object but of the text: applied after stringify.
const TEXT_MUTATIONS = {
  'json/truncated': (r, t) => t.slice(0, r.int(Math.floor(t.length / 3), t.length - 2)),
  'json/trailing-comma': (r, t) => t.replace(/("version": "[^"]*")/, '$1,\n  '),
  'json/unquoted-key': (r, t) => t.replace('"description":', 'description:'),
};

function mutate(r, doc) {
  const labels = [];
  const wanted = r.chance(0.12) ? 2 : 1;
  let guard = 0;
  while (labels.length < wanted && guard++ < 40) {
    const name = r.pick(MUTATION_NAMES);
    if (labels.includes(name)) continue;
    if (MUTATIONS[name](r, doc)) labels.push(name);
  }
  return labels;
}

// ------------------------------------------------------------- exports ----
export function generateCorpusDetailed(n = DEFAULT_DOCS, seed = DEFAULT_SEED) {
  const r = makeRng(seed);
  const out = [];
  for (let i = 0; i < n; i++) {
    let size = r.weighted([[35, 'small'], [45, 'medium'], [20, 'large']]);
    let doc;
    let text;
    for (let attempt = 0; ; attempt++) {
      doc = makeDoc(r, size);
      text = JSON.stringify(doc, null, 2);
      if (text.length <= MAX_DOC_BYTES || attempt >= 5) break;
      size = attempt >= 2 ? 'medium' : size;
    }
    let mutations = [];
    if (r.chance(INVALID_SHARE)) {
      if (r.chance(0.04)) {
        const name = r.pick(Object.keys(TEXT_MUTATIONS));
        text = TEXT_MUTATIONS[name](r, text);
        mutations = [name];
      } else {
        mutations = mutate(r, doc);
        text = JSON.stringify(doc, null, 2);
      }
    }
    out.push({ text: text + '\n', mutations });
  }
  return out;
}

/** n server.json documents as text (deterministic for a given seed). */
export function generateCorpus(n = DEFAULT_DOCS, seed = DEFAULT_SEED) {
  return generateCorpusDetailed(n, seed).map((d) => d.text);
}

// ------------------------------------------------------------------ CLI ----
const isMain = import.meta.url === new URL(`file://${process.argv[1]}`).href;
if (isMain) {
  const args = process.argv.slice(2);
  const opt = (flag, dflt) => { const i = args.indexOf(flag); return i >= 0 ? args[i + 1] : dflt; };
  const n = Number(opt('--docs', DEFAULT_DOCS));
  const seed = Number(opt('--seed', DEFAULT_SEED));
  const docs = generateCorpusDetailed(n, seed);
  const sizes = docs.map((d) => Buffer.byteLength(d.text)).sort((a, b) => a - b);
  const q = (p) => sizes[Math.min(sizes.length - 1, Math.floor(p * sizes.length))];
  const counts = {};
  for (const d of docs) for (const m of d.mutations) counts[m] = (counts[m] || 0) + 1;
  console.log(`docs ${n}, seed ${seed}, bytes ${sizes.reduce((a, b) => a + b, 0)}`);
  console.log(`size min ${sizes[0]} p50 ${q(0.5)} p90 ${q(0.9)} max ${sizes[sizes.length - 1]}`);
  console.log(`intended invalid ${docs.filter((d) => d.mutations.length).length}`);
  for (const [k, v] of Object.entries(counts).sort()) console.log(`  ${k.padEnd(28)} ${v}`);
  const dir = opt('--dump', null);
  if (dir) {
    const fs = await import('node:fs');
    const path = await import('node:path');
    fs.mkdirSync(dir, { recursive: true });
    docs.forEach((d, i) => fs.writeFileSync(path.join(dir, `${String(i).padStart(5, '0')}${d.mutations.length ? '-invalid' : ''}.json`), d.text));
    console.log(`wrote ${docs.length} files to ${dir}`);
  }
}
