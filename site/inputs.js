// What a user fills in for a registry server.json: its declared inputs in
// the variant the core runs, what a catalog card says it needs, and whether
// a value is shaped like a token. Pure functions, no DOM.

// A value that looks like a token (a known prefix, or long, dense and mixed)
// is treated as a secret even in a field not declared secret: kept out of
// storage and share links.
const TOKEN = /^(gh[pousr]_|github_pat_|glpat-|sk-|sk_live_|rk_live_|xox[abprs]-|AKIA|AIza|hf_|npm_|pypi-|ya29\.|eyJ)/;
export function looksSecret(v) {
  if (typeof v !== 'string' || v.length < 16 || /\s/.test(v)) return false;
  if (TOKEN.test(v)) return true;
  if (v.length < 24 || /[/\\]/.test(v) || !/\d/.test(v) || !/[a-z]/i.test(v)) return false;
  const counts = {};
  for (const c of v) counts[c] = (counts[c] ?? 0) + 1;
  let h = 0;
  for (const n of Object.values(counts)) h -= (n / v.length) * Math.log2(n / v.length);
  return h >= 3.6;
}

export const str = (x) => (typeof x === 'string' ? x : x == null ? '' : String(x));

// The inputs a user fills in for one server, in the variant the core will
// run (first non-mcpb package, or remotes[0] when hosted is chosen).
export function fieldsOf(doc, useRemote) {
  const out = [];
  const seen = new Set();
  const add = (name, input, kind, repeated) => {
    name = str(name);
    if (!name || seen.has(name) || !input || typeof input !== 'object') return;
    seen.add(name);
    out.push({
      name,
      kind,
      description: str(input.description),
      required: input.isRequired === true,
      secret: input.isSecret === true,
      format: str(input.format) || 'string',
      choices: Array.isArray(input.choices) ? input.choices.map(str) : null,
      def: input.default === undefined ? '' : str(input.default),
      placeholder: str(input.placeholder),
      repeated: repeated === true,
    });
  };
  const vars = (input, kind, repeated) => {
    if (input.variables && typeof input.variables === 'object') {
      for (const [n, v] of Object.entries(input.variables)) add(n, v, kind, repeated);
    }
  };
  const keyValue = (list, kind) => {
    for (const i of Array.isArray(list) ? list : []) {
      if (!i || typeof i !== 'object') continue;
      if (i.value !== undefined) vars(i, kind, false);
      else add(i.name, i, kind, false);
    }
  };
  const args = (list) => {
    for (const a of Array.isArray(list) ? list : []) {
      if (!a || typeof a !== 'object') continue;
      if (a.value !== undefined) vars(a, 'argument', a.isRepeated);
      else add(a.type === 'named' ? a.name : a.valueHint, a, 'argument', a.isRepeated);
    }
  };
  const { pkg, remote } = variants(doc);
  if (useRemote ? remote : !pkg && remote) {
    if (remote.variables) for (const [n, v] of Object.entries(remote.variables)) add(n, v, 'URL variable');
    keyValue(remote.headers, 'header');
  } else if (pkg) {
    args(pkg.runtimeArguments);
    args(pkg.packageArguments);
    keyValue(pkg.environmentVariables, 'environment variable');
    keyValue(pkg.transport?.headers, 'header');
  }
  return out;
}

export function variants(doc) {
  const packages = Array.isArray(doc?.packages) ? doc.packages : [];
  const pkg = packages.find((p) => p && typeof p === 'object' && p.registryType !== 'mcpb') ?? null;
  const remote = Array.isArray(doc?.remotes) && doc.remotes[0] && typeof doc.remotes[0] === 'object' ? doc.remotes[0] : null;
  return { pkg, remote };
}

export const RUNTIME = { npm: 'Node.js (npx)', pypi: 'Python (uv)', oci: 'Docker', nuget: '.NET', mcpb: 'Claude Desktop bundle' };

export function needsOf(doc) {
  const { pkg, remote } = variants(doc);
  const parts = [pkg ? RUNTIME[pkg.registryType] ?? str(pkg.registryType) : remote ? 'nothing to install (hosted)' : 'nothing runnable'];
  const required = fieldsOf(doc, false).filter((f) => f.required);
  for (const f of required.slice(0, 3)) parts.push(f.secret ? `${f.name} (secret)` : f.name);
  if (required.length > 3) parts.push(`${required.length - 3} more`);
  return parts.join(' · ');
}
