// Deterministic, labelled corpus of config-like text for the secret-scanning
// benchmark (scripts/bench-lib/secrets-bench.mjs) and the lint scaling
// benchmark (lint-bench.mjs).
//
// Documents are what people paste into an MCP client or keep next to one:
// Claude Desktop / Cursor JSON (mcpServers with command, args, env, headers),
// VS Code mcp.json (JSONC, inputs, servers), Codex TOML, YAML (Continue-style
// configs, compose files, CI workflows), .env files, .npmrc and Google Cloud
// service-account JSON.
//
// Into them go PLANTED tokens, each built from its documented format with the
// seeded PRNG (prefix, length, alphabet, and the checksum where the format
// has one: GitHub and npm CRC32 in base62, Grafana and Cloudflare CRC32 in
// hex, GitLab routable CRC32 in base36; PEM bodies are DER with the real
// ASN.1 / openssh-key-v1 headers), and DECOYS that are not secrets:
// placeholders (${VAR}, ${input:x}, ${env:X}, ${{ secrets.X }}, <YOUR_KEY>,
// $VAR, %VAR%, xxxx fillers, "your-key-here"), documented example keys,
// truncated tokens, hashes, UUIDs, base64 images, versions, public keys,
// placeholder private keys and URLs whose password is a template.
//
// Each planted token and decoy is labelled with its range in UTF-16 code
// units (start/end, what JS string indices and secretlint use) and in UTF-8
// bytes (byteStart/byteEnd, what scanSecrets reports). A planted range is the
// secret itself (for a URL, its password; for a webhook, the whole URL); a
// decoy range is the whole decoy value.
//
// TOKEN_TYPES says which tool claims each type: `ours` is the rule id in
// core/src/lint/secret_rules.cc that covers it, `secretlint` the rule of
// @secretlint/secretlint-rule-preset-recommend that does (null: not claimed
// under the preset's defaults). The benchmark reports recall on the types
// both claim and on every type.
//
// Only the seeded PRNG is used (never Math.random): the same (bytes, seed)
// gives byte-identical documents.
//
// Run directly for statistics:
//   node scripts/bench-lib/secrets-corpus.mjs [--mb N] [--seed S] [--dump DIR]

export const DEFAULT_SEED = 20251124;
import { makeRng } from './corpus.mjs';

export const DEFAULT_BYTES = 4_000_000;

// ---------------------------------------------------------------- PRNG ----
// mulberry32, the other corpus's generator.
export { makeRng };

// ------------------------------------------------------------ alphabets ----
const UP = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const LO = 'abcdefghijklmnopqrstuvwxyz';
const DIG = '0123456789';
const ALNUM = UP + LO + DIG;
const LETTERS = UP + LO;
const HEX = '0123456789abcdef';
const B64 = ALNUM + '+/';
const B64URL = ALNUM + '-_';
const LOWNUM = LO + DIG;
const UPNUM = UP + DIG;
const BASE32 = UP + '234567';
const BASE62 = DIG + UP + LO;

// --------------------------------------------------------------- helpers ----
const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();
export function crc32(input) {
  const bytes = typeof input === 'string' ? Buffer.from(input, 'utf8') : input;
  let c = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) c = CRC_TABLE[(c ^ bytes[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
const inBase = (n, alphabet, width) => {
  let s = '';
  const b = alphabet.length;
  do { s = alphabet[n % b] + s; n = Math.floor(n / b); } while (n > 0);
  return s.padStart(width, alphabet[0]);
};
const b64 = (bytes) => Buffer.from(bytes).toString('base64');
const b64url = (s) => Buffer.from(s).toString('base64url');
const wrapLines = (s, width) => s.match(new RegExp(`.{1,${width}}`, 'g')).join('\n');
const concatBytes = (...parts) => {
  const arrs = parts.map((p) => (typeof p === 'number' ? Uint8Array.of(p) : p instanceof Uint8Array ? p : Uint8Array.from(p)));
  const out = new Uint8Array(arrs.reduce((n, a) => n + a.length, 0));
  let at = 0;
  for (const a of arrs) { out.set(a, at); at += a.length; }
  return out;
};

// GitHub's token format (2021): prefix, 30 random base62 characters, then the
// CRC32 of those 30 in base62, left-padded to 6. npm adopted the same format.
const githubStyle = (r, prefix) => {
  const body = r.str(ALNUM, 30);
  return `${prefix}_${body}${inBase(crc32(body), BASE62, 6)}`;
};

// Segments of a value: plain strings, {s, secret: typeId} or {s, decoy: kind}.
const S = (type, s) => ({ s, secret: type });
const D = (kind, s) => ({ s, decoy: kind });

// ----------------------------------------------------------- PEM bodies ----
// DER with the real leading structure of each key kind, the rest random, so
// the base64 starts as real keys do ("MIIEpAIBAAKCAQEA", "MHcCAQEEI", ...).
function derLen(n) {
  if (n < 0x80) return [n];
  if (n < 0x100) return [0x81, n];
  return [0x82, n >> 8, n & 0xff];
}
const derSeq = (content) => concatBytes(0x30, derLen(content.length), content);
const derInt = (bytes) => concatBytes(0x02, derLen(bytes.length), bytes);
const derOctets = (bytes) => concatBytes(0x04, derLen(bytes.length), bytes);
const posInt = (r, n) => { const b = r.bytes(n); b[0] = (b[0] & 0x7f) | 0x40; return b; };

function rsaPkcs1(r, bits = 2048) {
  const n = bits / 8;
  const h = n / 2;
  return derSeq(concatBytes(derInt([0]), derInt(concatBytes(0, posInt(r, n))), derInt([1, 0, 1]),
    derInt(concatBytes(0, posInt(r, n))), derInt(concatBytes(0, posInt(r, h))), derInt(concatBytes(0, posInt(r, h))),
    derInt(posInt(r, h)), derInt(posInt(r, h)), derInt(posInt(r, h))));
}
const OID_RSA = [0x30, 0x0d, 0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x01, 0x05, 0x00];
const OID_ED25519 = [0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70];
const pkcs8Rsa = (r) => derSeq(concatBytes(derInt([0]), OID_RSA, derOctets(rsaPkcs1(r))));
const pkcs8Ed25519 = (r) => derSeq(concatBytes(derInt([0]), OID_ED25519, derOctets(derOctets(r.bytes(32)))));
function ecSec1(r, curve) {
  const [oid, size] = curve === 'p384'
    ? [[0x06, 0x05, 0x2b, 0x81, 0x04, 0x00, 0x22], 48]
    : [[0x06, 0x08, 0x2a, 0x86, 0x48, 0xce, 0x3d, 0x03, 0x01, 0x07], 32];
  const pub = concatBytes(0x00, 0x04, r.bytes(size * 2));
  return derSeq(concatBytes(derInt([1]), derOctets(r.bytes(size)), 0xa0, derLen(oid.length), oid,
    0xa1, derLen(pub.length + 2), 0x03, derLen(pub.length), pub));
}
function opensshEd25519(r) {
  const u32 = (n) => [n >>> 24, (n >>> 16) & 0xff, (n >>> 8) & 0xff, n & 0xff];
  const str = (b) => { const bytes = typeof b === 'string' ? Buffer.from(b) : b; return concatBytes(u32(bytes.length), bytes); };
  const pub = r.bytes(32);
  const pubBlob = concatBytes(str('ssh-ed25519'), str(pub));
  const check = r.bytes(4);
  let priv = concatBytes(check, check, str('ssh-ed25519'), str(pub), str(concatBytes(r.bytes(32), pub)), str(`${r.pick(USERS)}@${r.pick(HOSTS)}`));
  const pad = [];
  for (let i = 1; (priv.length + pad.length) % 8; i++) pad.push(i);
  priv = concatBytes(priv, pad);
  return concatBytes(Buffer.from('openssh-key-v1\0'), str('none'), str('none'), str(''), u32(1), str(pubBlob), str(priv));
}
const pem = (label, der, width = 64) => `-----BEGIN ${label}-----\n${wrapLines(b64(der), width)}\n-----END ${label}-----`;

// ------------------------------------------------------------ vocabulary ----
const COMPANIES = ['acme', 'globex', 'initech', 'umbrella', 'hooli', 'stark', 'wayne', 'tyrell', 'cyberdyne', 'soylent',
  'wonka', 'vandelay', 'aperture', 'oscorp', 'piedpiper', 'dunder', 'massive', 'nakatomi', 'contoso', 'fabrikam'];
const USERS = ['alice', 'bob', 'carol', 'dave', 'erin', 'frank', 'grace', 'heidi', 'ivan', 'judy', 'mallory', 'olivia'];
const HOSTS = ['laptop', 'build-01', 'mbp', 'devbox', 'ci-runner', 'workstation'];
const DB_USERS = ['app', 'mcp_reader', 'analytics', 'svc_mcp', 'readonly', 'reporting', 'etl_job', 'grafana'];
const REGIONS = ['us-east-1', 'eu-west-1', 'ap-southeast-2', 'us-west-2', 'eu-central-1'];
const TLDS = ['com', 'io', 'dev', 'net', 'cloud'];
const host = (r) => `${r.pick(['db', 'pg', 'primary', 'replica', 'data'])}.${r.pick(COMPANIES)}.${r.pick(['internal', 'corp', 'prod'])}`;
const password = (r, symbols = true) => {
  let p = r.str(ALNUM, r.int(14, 26));
  if (symbols && r.chance(0.35)) {
    const i = r.int(1, p.length - 1);
    p = p.slice(0, i) + r.pick(['!', '*', '~', '.', '%21', '%40', '%23']) + p.slice(i);
  }
  return p;
};

// -------------------------------------------------------------- the types ----
// id: label used in the tables. ours / secretlint: the claiming rule or null.
// env: names the value is given under. pkg: an MCP server that takes it.
// header: [name, value prefix] when it may travel in an HTTP header.
// make(r): segments of the value (the secret marked with S()).
const t = (id, ours, secretlint, env, pkg, make, extra = {}) => ({ id, ours, secretlint, env, pkg, make, ...extra });
const tok = (id, fn) => (r) => [S(id, fn(r))];

export const TOKEN_TYPES = [
  t('github-pat', 'github-pat', 'github', ['GITHUB_PERSONAL_ACCESS_TOKEN', 'GITHUB_TOKEN', 'GH_TOKEN'],
    '@modelcontextprotocol/server-github', tok('github-pat', (r) => githubStyle(r, 'ghp')), { header: ['Authorization', 'Bearer '] }),
  t('github-oauth', 'github-oauth-token', 'github', ['GITHUB_TOKEN', 'GITHUB_OAUTH_TOKEN'],
    '@modelcontextprotocol/server-github', tok('github-oauth', (r) => githubStyle(r, 'gho')), { header: ['Authorization', 'Bearer '] }),
  t('github-app-token', 'github-app-installation-token|github-user-to-server-token|github-refresh-token', 'github',
    ['GITHUB_TOKEN', 'GITHUB_APP_TOKEN', 'GH_INSTALLATION_TOKEN'], '@modelcontextprotocol/server-github',
    tok('github-app-token', (r) => githubStyle(r, r.pick(['ghs', 'ghu', 'ghr'])))),
  t('github-fine-grained-pat', 'github-fine-grained-pat', 'github', ['GITHUB_PERSONAL_ACCESS_TOKEN', 'GITHUB_TOKEN'],
    'ghcr.io/github/github-mcp-server', tok('github-fine-grained-pat', (r) => `github_pat_${r.str(ALNUM, 22)}_${r.str(ALNUM, 59)}`),
    { header: ['Authorization', 'Bearer '] }),
  // ghs_<app id>_<JWT> (GitHub changelog 2026-04-24): secretlint has a rule,
  // ours has none.
  t('github-app-installation-jwt', null, 'github', ['GITHUB_TOKEN', 'GH_INSTALLATION_TOKEN'], 'ghcr.io/github/github-mcp-server',
    tok('github-app-installation-jwt', (r) => `ghs_${r.int(100000, 3999999)}_${b64url('{"alg":"RS256","typ":"JWT"}')}.` +
      `${b64url(`{"iat":${r.int(1.7e9, 1.8e9)},"exp":${r.int(1.8e9, 1.9e9)},"iss":"${r.int(100000, 999999)}","inst":${r.int(1e7, 9e7)}}`)}.${r.str(B64URL, 342)}`)),
  t('gitlab-pat', 'gitlab-pat', 'gitlab', ['GITLAB_PERSONAL_ACCESS_TOKEN', 'GITLAB_TOKEN'], '@modelcontextprotocol/server-gitlab',
    tok('gitlab-pat', (r) => `glpat-${r.str(B64URL, 20)}`), { header: ['PRIVATE-TOKEN', ''] }),
  // Routable PATs (GitLab 17.x+): glpat-<base64url payload>.01.<2 base36
  // length><7 base36 CRC32>, the framing of gitlabhq routable_token.rb (and
  // trufflehog's gitlab v3 shape).
  t('gitlab-pat-routable', 'gitlab-pat-routable', 'gitlab', ['GITLAB_PERSONAL_ACCESS_TOKEN', 'GITLAB_TOKEN'],
    '@modelcontextprotocol/server-gitlab', tok('gitlab-pat-routable', (r) => {
      const payload = r.str(B64URL, r.int(27, 40));
      const body = `glpat-${payload}.01.`;
      return `${body}${inBase(body.length + 9, LOWNUM, 2)}${inBase(crc32(body), LOWNUM, 7)}`;
    })),
  t('slack-bot-token', 'slack-bot-token', 'slack', ['SLACK_BOT_TOKEN', 'SLACK_TOKEN'], '@modelcontextprotocol/server-slack',
    tok('slack-bot-token', (r) => `xoxb-${r.str(DIG, r.int(10, 13))}-${r.str(DIG, r.int(10, 13))}-${r.str(ALNUM, 24)}`)),
  t('slack-user-token', 'slack-user-token', 'slack', ['SLACK_USER_TOKEN', 'SLACK_TOKEN'], '@modelcontextprotocol/server-slack',
    tok('slack-user-token', (r) => `xoxp-${r.str(DIG, r.int(10, 13))}-${r.str(DIG, r.int(10, 13))}-${r.str(DIG, r.int(10, 13))}-${r.str(HEX, 32)}`)),
  t('slack-app-token', 'slack-app-token', 'slack', ['SLACK_APP_TOKEN'], 'slack-mcp-server',
    tok('slack-app-token', (r) => `xapp-1-A${r.str(UPNUM, 10)}-${r.str(DIG, 13)}-${r.str(HEX, 64)}`)),
  t('slack-webhook', 'slack-webhook-url', 'slack', ['SLACK_WEBHOOK_URL'], 'slack-notify-mcp',
    tok('slack-webhook', (r) => `https://hooks.slack.com/services/T${r.str(UPNUM, r.int(8, 10))}/B${r.str(UPNUM, r.int(8, 10))}/${r.str(ALNUM, 24)}`)),
  // secretlint's access-key-id scan is off unless enableIDScanRule is set.
  t('aws-access-key-id', 'aws-access-key-id', null, ['AWS_ACCESS_KEY_ID'], 'awslabs.aws-api-mcp-server',
    tok('aws-access-key-id', (r) => `${r.pick(['AKIA', 'AKIA', 'ASIA'])}${r.str(BASE32, 16)}`)),
  t('aws-secret-access-key', 'aws-secret-access-key', 'aws', ['AWS_SECRET_ACCESS_KEY', 'aws_secret_access_key'],
    'awslabs.aws-api-mcp-server', tok('aws-secret-access-key', (r) => r.str(B64, 40))),
  t('openai-project-key', 'openai-project-key', 'openai', ['OPENAI_API_KEY'], 'openai-mcp',
    tok('openai-project-key', (r) => {
      const n = r.pick([74, 58]);
      return `sk-${r.pick(['proj', 'proj', 'proj', 'svcacct', 'admin'])}-${r.str(B64URL, n)}T3BlbkFJ${r.str(B64URL, n)}`;
    }), { header: ['Authorization', 'Bearer '] }),
  t('openai-legacy-key', 'openai-api-key', 'openai', ['OPENAI_API_KEY'], 'openai-mcp',
    tok('openai-legacy-key', (r) => `sk-${r.str(ALNUM, 20)}T3BlbkFJ${r.str(ALNUM, 20)}`), { header: ['Authorization', 'Bearer '] }),
  t('anthropic-api-key', 'anthropic-api-key', 'anthropic', ['ANTHROPIC_API_KEY', 'CLAUDE_API_KEY'], '@anthropic-ai/mcp-bridge',
    tok('anthropic-api-key', (r) => `sk-ant-api03-${r.str(B64URL, 93)}AA`), { header: ['x-api-key', ''] }),
  t('anthropic-admin-key', 'anthropic-admin-key', null, ['ANTHROPIC_ADMIN_KEY'], '@anthropic-ai/mcp-bridge',
    tok('anthropic-admin-key', (r) => `sk-ant-admin01-${r.str(B64URL, 93)}AA`), { header: ['x-api-key', ''] }),
  // secretlint's gcp rule reads service-account JSON files only.
  t('google-api-key', 'google-api-key', null, ['GOOGLE_API_KEY', 'GEMINI_API_KEY', 'GOOGLE_MAPS_API_KEY'],
    '@modelcontextprotocol/server-google-maps', tok('google-api-key', (r) => `AIzaSy${r.str(B64URL, 33)}`)),
  t('stripe-secret-key', 'stripe-secret-key', 'stripe', ['STRIPE_SECRET_KEY', 'STRIPE_API_KEY'], '@stripe/mcp',
    tok('stripe-secret-key', (r) => (r.chance(0.5) ? `sk_live_${r.str(ALNUM, 24)}` : `sk_live_51${r.str(ALNUM, 97)}`)),
    { header: ['Authorization', 'Bearer '] }),
  t('stripe-restricted-key', 'stripe-restricted-key', 'stripe', ['STRIPE_SECRET_KEY', 'STRIPE_RESTRICTED_KEY'], '@stripe/mcp',
    tok('stripe-restricted-key', (r) => (r.chance(0.5) ? `rk_live_${r.str(ALNUM, 24)}` : `rk_live_51${r.str(ALNUM, 97)}`))),
  t('npm-token', 'npm-access-token', 'npm', ['NPM_TOKEN', 'NODE_AUTH_TOKEN'], 'npm-registry-mcp',
    tok('npm-token', (r) => githubStyle(r, 'npm'))),
  t('huggingface-token', 'huggingface-access-token', 'huggingface', ['HF_TOKEN', 'HUGGINGFACE_API_KEY'], 'huggingface-mcp-server',
    tok('huggingface-token', (r) => `hf_${r.str(LETTERS, 34)}`), { header: ['Authorization', 'Bearer '] }),
  t('sendgrid-api-key', 'sendgrid-api-key', 'sendgrid', ['SENDGRID_API_KEY'], 'sendgrid-mcp',
    tok('sendgrid-api-key', (r) => `SG.${r.str(B64URL, 22)}.${r.str(B64URL, 43)}`)),
  t('linear-api-key', 'linear-api-key', 'linear', ['LINEAR_API_KEY'], 'linear-mcp-server',
    tok('linear-api-key', (r) => `lin_api_${r.str(ALNUM, 40)}`), { header: ['Authorization', ''] }),
  t('notion-token', 'notion-token', 'notion', ['NOTION_TOKEN', 'NOTION_API_KEY'], '@notionhq/notion-mcp-server',
    tok('notion-token', (r) => `ntn_${r.str(DIG, 11)}${r.str(ALNUM, 35)}`), { header: ['Authorization', 'Bearer '] }),
  t('notion-legacy-token', 'notion-legacy-token', null, ['NOTION_TOKEN', 'NOTION_API_KEY'], '@notionhq/notion-mcp-server',
    tok('notion-legacy-token', (r) => `secret_${r.str(ALNUM, 43)}`)),
  t('databricks-token', 'databricks-token', 'databricks', ['DATABRICKS_TOKEN'], 'databricks-mcp',
    tok('databricks-token', (r) => `dapi${r.str(HEX, 32)}${r.chance(0.3) ? `-${r.int(1, 3)}` : ''}`), { header: ['Authorization', 'Bearer '] }),
  t('grafana-service-account', 'grafana-service-account-token', 'grafana', ['GRAFANA_API_KEY', 'GRAFANA_SERVICE_ACCOUNT_TOKEN'],
    'mcp-grafana', tok('grafana-service-account', (r) => {
      const body = r.str(ALNUM, 32);
      return `glsa_${body}_${crc32(`glsa_${body}`).toString(16).padStart(8, '0')}`;
    })),
  t('grafana-cloud-token', 'grafana-cloud-token', 'grafana', ['GRAFANA_CLOUD_TOKEN'], 'mcp-grafana',
    tok('grafana-cloud-token', (r) => `glc_${b64(Buffer.from(JSON.stringify({
      o: r.str(DIG, 7), n: `stack-${r.str(DIG, 6)}-hm-read-${r.pick(['mcp', 'alloy', 'agent'])}`, k: r.str(ALNUM, 32), m: { r: r.pick(['prod-us-east-0', 'prod-eu-west-2', 'prod-ap-southeast-1']) },
    })))}`)),
  t('vercel-token', null, 'vercel', ['VERCEL_TOKEN'], 'vercel-mcp',
    tok('vercel-token', (r) => `${r.pick(['vcp', 'vci', 'vca'])}_${r.str(ALNUM, r.int(24, 56))}`)),
  t('figma-pat', null, 'figma', ['FIGMA_API_KEY', 'FIGMA_ACCESS_TOKEN'], 'figma-developer-mcp',
    tok('figma-pat', (r) => `figd_${r.str(B64URL, 40)}`)),
  t('docker-pat', 'docker-hub-token', 'docker', ['DOCKER_TOKEN', 'DOCKERHUB_TOKEN'], 'docker-hub-mcp',
    tok('docker-pat', (r) => `dckr_pat_${r.str(B64URL, 27)}`)),
  // 1Password service account tokens: ops_ + base64 of a JSON object.
  t('1password-token', '1password-service-account-token', '1password', ['OP_SERVICE_ACCOUNT_TOKEN'], '1password-mcp',
    tok('1password-token', (r) => `ops_${b64(Buffer.from(JSON.stringify({
      signInAddress: r.pick(['my.1password.com', `${r.pick(COMPANIES)}.1password.com`]),
      userAuth: { method: 'SRPg-4096', alg: 'PBES2g-HS256', iterations: 650000, salt: r.str(B64URL, 22) },
      email: `${r.str(LOWNUM, 13)}@1passwordserviceaccounts.com`, srpX: r.str(HEX, 64),
      muk: { alg: 'A256GCM', ext: true, k: r.str(B64URL, 43), key_ops: ['encrypt', 'decrypt'], kty: 'oct', kid: 'mp' },
      secretKey: `A3-${r.str(UPNUM, 6)}-${r.str(UPNUM, 6)}-${r.str(UPNUM, 5)}-${r.str(UPNUM, 5)}-${r.str(UPNUM, 5)}-${r.str(UPNUM, 5)}`,
      throttleSecret: { seed: r.str(HEX, 64), uuid: r.str(UPNUM, 26) }, deviceUuid: r.str(LOWNUM, 26),
    })))}`)),
  t('vault-service-token', 'vault-token', 'hashicorp-vault', ['VAULT_TOKEN'], 'vault-mcp-server',
    tok('vault-service-token', (r) => `hvs.CAESI${r.str(B64URL, r.int(86, 95))}`), { header: ['X-Vault-Token', ''] }),
  t('vault-batch-token', 'vault-token', 'hashicorp-vault', ['VAULT_TOKEN'], 'vault-mcp-server',
    tok('vault-batch-token', (r) => `hvb.AAAAAQ${r.str(B64URL, r.int(134, 200))}`), { header: ['X-Vault-Token', ''] }),
  t('tailscale-key', 'tailscale-key', 'tailscale', ['TS_AUTHKEY', 'TAILSCALE_API_KEY'], 'tailscale-mcp',
    tok('tailscale-key', (r) => `tskey-${r.pick(['auth', 'api', 'client'])}-k${r.str(ALNUM, r.int(9, 11))}CNTRL-${r.str(ALNUM, r.int(30, 34))}`)),
  t('shopify-token', 'shopify-access-token|shopify-custom-app-token|shopify-private-app-token|shopify-shared-secret', 'shopify',
    ['SHOPIFY_ACCESS_TOKEN', 'SHOPIFY_API_SECRET'], 'shopify-mcp-server',
    tok('shopify-token', (r) => `${r.pick(['shpat', 'shpca', 'shppa', 'shpss'])}_${r.str(HEX, 32)}`), { header: ['X-Shopify-Access-Token', ''] }),
  t('groq-api-key', 'groq-api-key', 'groq', ['GROQ_API_KEY'], 'groq-mcp', tok('groq-api-key', (r) => `gsk_${r.str(ALNUM, 52)}`),
    { header: ['Authorization', 'Bearer '] }),
  t('cloudflare-token', null, 'cloudflare', ['CLOUDFLARE_API_TOKEN'], '@cloudflare/mcp-server-cloudflare',
    tok('cloudflare-token', (r) => {
      const body = r.str(ALNUM, 40);
      return `${r.pick(['cfut', 'cfat', 'cfk'])}_${body}${crc32(body).toString(16).padStart(8, '0')}`;
    })),
  t('sentry-user-token', 'sentry-user-token', null, ['SENTRY_AUTH_TOKEN'], '@sentry/mcp-server',
    tok('sentry-user-token', (r) => `sntryu_${r.str(HEX, 64)}`), { header: ['Authorization', 'Bearer '] }),
  t('twilio-api-key', 'twilio-api-key', null, ['TWILIO_API_KEY'], '@twilio-alpha/mcp', tok('twilio-api-key', (r) => `SK${r.str(HEX, 32)}`)),
  t('perplexity-api-key', 'perplexity-api-key', null, ['PERPLEXITY_API_KEY'], 'server-perplexity-ask',
    tok('perplexity-api-key', (r) => `pplx-${r.str(ALNUM, 48)}`)),
  t('supabase-service-jwt', 'jwt', null, ['SUPABASE_SERVICE_ROLE_KEY', 'SUPABASE_KEY'], '@supabase/mcp-server-supabase',
    tok('supabase-service-jwt', (r) => `${b64url('{"alg":"HS256","typ":"JWT"}')}.${b64url(JSON.stringify({
      iss: 'supabase', ref: r.str(LO, 20), role: 'service_role', iat: r.int(1.6e9, 1.75e9), exp: r.int(1.9e9, 2.1e9) }))}.${r.str(B64URL, 43)}`)),
  // Private keys. Placed as multi-line values (see pemValue).
  t('pem-rsa', 'private-key-rsa', 'privatekey', ['PRIVATE_KEY', 'GITHUB_APP_PRIVATE_KEY', 'JWT_SIGNING_KEY'], 'github-app-mcp',
    (r) => [S('pem-rsa', pem('RSA PRIVATE KEY', rsaPkcs1(r, r.chance(0.8) ? 2048 : 4096)))], { pem: true }),
  t('pem-pkcs8', 'private-key', 'privatekey', ['PRIVATE_KEY', 'SNOWFLAKE_PRIVATE_KEY', 'SIGNING_KEY'], 'snowflake-mcp',
    (r) => [S('pem-pkcs8', pem('PRIVATE KEY', r.chance(0.8) ? pkcs8Rsa(r) : pkcs8Ed25519(r)))], { pem: true }),
  t('pem-ec', 'private-key-ec', 'privatekey', ['PRIVATE_KEY', 'APNS_PRIVATE_KEY', 'EC_PRIVATE_KEY'], 'apns-mcp',
    (r) => [S('pem-ec', pem('EC PRIVATE KEY', ecSec1(r, r.chance(0.7) ? 'p256' : 'p384')))], { pem: true }),
  t('pem-openssh', 'private-key-openssh', 'privatekey', ['SSH_PRIVATE_KEY', 'DEPLOY_KEY'], 'ssh-mcp-server',
    (r) => [S('pem-openssh', pem('OPENSSH PRIVATE KEY', opensshEd25519(r), 70))], { pem: true }),
  // Connection strings: the secret is the password.
  t('postgres-url', 'postgres-uri-password', 'database-connection-string', ['DATABASE_URL', 'POSTGRES_URL', 'PG_CONNECTION_STRING'],
    '@modelcontextprotocol/server-postgres', (r) => [`${r.pick(['postgres', 'postgresql'])}://${r.pick(DB_USERS)}:`,
      S('postgres-url', password(r)), `@${host(r)}:5432/${r.pick(['app', 'analytics', 'prod', 'warehouse'])}`], { arg: true }),
  t('mysql-url', 'mysql-uri-password', 'database-connection-string', ['DATABASE_URL', 'MYSQL_URL'], 'mysql-mcp-server',
    (r) => [`mysql://${r.pick(DB_USERS)}:`, S('mysql-url', password(r)), `@${host(r)}:3306/${r.pick(['app', 'shop', 'crm'])}`], { arg: true }),
  t('mongodb-url', 'mongodb-uri-password', 'database-connection-string', ['MONGODB_URI', 'MDB_MCP_CONNECTION_STRING'], 'mongodb-mcp-server',
    (r) => [`mongodb+srv://${r.pick(DB_USERS)}:`, S('mongodb-url', password(r)),
      `@cluster0.${r.str(LOWNUM, 5)}.mongodb.net/${r.pick(['app', 'events', 'catalog'])}?retryWrites=true&w=majority`], { arg: true }),
  t('redis-url', 'redis-uri-password', null, ['REDIS_URL'], '@modelcontextprotocol/server-redis',
    (r) => [`${r.pick(['redis', 'rediss'])}://default:`, S('redis-url', password(r)), `@cache.${r.pick(COMPANIES)}.internal:6379/0`], { arg: true }),
  t('basic-auth-url', 'url-basic-auth', 'basicauth', ['REGISTRY_URL', 'JENKINS_URL', 'ELASTICSEARCH_URL'], 'jenkins-mcp',
    (r) => [`https://${r.pick(['deploy-bot', 'ci', 'svc_mcp', 'jenkins', 'elastic'])}:`, S('basic-auth-url', password(r, false)),
      `@${r.pick(['ci', 'search', 'registry', 'builds'])}.${r.pick(COMPANIES)}.${r.pick(TLDS)}/${r.pick(['api', 'v1', 'job/main'])}`]),
];

const TYPE_BY_ID = new Map(TOKEN_TYPES.map((x) => [x.id, x]));
// gcp-service-account documents are generated whole (see gcpServiceAccount).
export const GCP_SA_TYPE = { id: 'gcp-service-account', ours: 'private-key', secretlint: 'gcp|privatekey' };
export const ALL_TYPES = [...TOKEN_TYPES, GCP_SA_TYPE];

// ---------------------------------------------------------------- decoys ----
const JWT_IO = 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c';
const kebab = (s) => s.toLowerCase().replace(/_/g, '-');
const PREFIX_FILLERS = [ // [prefix, count, filler, key]
  ['ghp_', 36, 'x', 'GITHUB_PERSONAL_ACCESS_TOKEN'], ['github_pat_', 82, 'x', 'GITHUB_TOKEN'], ['glpat-', 20, 'x', 'GITLAB_PERSONAL_ACCESS_TOKEN'],
  ['sk-proj-', 48, 'x', 'OPENAI_API_KEY'], ['sk-ant-api03-', 40, 'x', 'ANTHROPIC_API_KEY'], ['hf_', 34, 'x', 'HF_TOKEN'],
  ['sk_live_', 24, 'x', 'STRIPE_SECRET_KEY'], ['npm_', 36, 'X', 'NPM_TOKEN'], ['xoxb-', 0, 'your-bot-token', 'SLACK_BOT_TOKEN'],
  ['xoxp-', 0, 'your-user-token', 'SLACK_USER_TOKEN'], ['dckr_pat_', 27, 'X', 'DOCKER_TOKEN'], ['lin_api_', 40, 'x', 'LINEAR_API_KEY'],
  ['AKIA', 16, 'X', 'AWS_ACCESS_KEY_ID'], ['SG.', 0, 'xxxxxxxxxxxxxxxxxxxxxx.xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx', 'SENDGRID_API_KEY'],
];
const TRUNCATED = ['sk-...', 'sk-proj-...', 'sk-ant-...', 'ghp_...', 'github_pat_...', 'xoxb-...', 'AKIA...', 'glpat-...', 'hf_...',
  'sk_live_...', 'npm_...', 'dapi...', 'ntn_...', 'lin_api_...'];
const PLACEHOLDER_WORDS = ['your-api-key-here', 'YOUR_API_KEY', 'replace-me', 'changeme', 'REPLACE_WITH_YOUR_TOKEN', 'paste-your-token-here',
  'TODO', 'your_token_here', 'insert-key-here', '<token>', 'REDACTED'];

// A decoy value for a secret-named key: {kind, segs}. `key` is the env name.
function decoyFor(r, key, type) {
  const kind = r.weighted([
    [8, 'placeholder ${VAR}'], [6, 'placeholder ${input:x}'], [4, 'placeholder ${env:X}'], [3, 'placeholder ${{ secrets.X }}'],
    [4, 'placeholder <YOUR_KEY>'], [3, 'placeholder $VAR'], [3, 'placeholder %VAR%'], [5, 'placeholder prefix+xxxx'],
    [3, 'placeholder xxxxxxxx'], [4, 'placeholder words'], [6, 'truncated token'], [2, 'documented example key'],
  ]);
  let v;
  switch (kind) {
    case 'placeholder ${VAR}': v = `\${${key}}`; break;
    case 'placeholder ${input:x}': v = `\${input:${kebab(key)}}`; break;
    case 'placeholder ${env:X}': v = `\${env:${key}}`; break;
    case 'placeholder ${{ secrets.X }}': v = `\${{ secrets.${key} }}`; break;
    case 'placeholder <YOUR_KEY>': v = r.chance(0.5) ? `<YOUR_${key}>` : `<your-${kebab(key)}>`; break;
    case 'placeholder $VAR': v = `$${key}`; break;
    case 'placeholder %VAR%': v = `%${key}%`; break;
    case 'placeholder prefix+xxxx': {
      const [p, n, c, k] = r.pick(PREFIX_FILLERS);
      return { key: k, kind, segs: [D(kind, p + (n ? c.repeat(n) : c))] };
    }
    case 'placeholder xxxxxxxx': v = r.pick(['x', 'X', '*', '0']).repeat(r.int(16, 40)); break;
    case 'placeholder words': v = r.pick(PLACEHOLDER_WORDS); break;
    case 'truncated token': v = r.chance(0.7) ? r.pick(TRUNCATED) : `${r.pick(['ghp_', 'sk-proj-', 'xoxb-', 'sk-ant-'])}${r.str(ALNUM, 4)}…${r.str(ALNUM, 4)}`; break;
    default: { // documented example keys
      const ex = r.pick([['AWS_ACCESS_KEY_ID', 'AKIAIOSFODNN7EXAMPLE'], ['AWS_SECRET_ACCESS_KEY', 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY'],
        ['STRIPE_SECRET_KEY', 'sk_test_4eC39HqLyjWDarjtT1zdp7dc'], ['STRIPE_SECRET_KEY', 'sk_test_BQokikJOvBiI2HlWgH4olfQ2'], ['API_TOKEN', JWT_IO]]);
      return { key: ex[0], kind: `example ${ex[1].slice(0, 8)}…`, segs: [D(`example ${ex[1].slice(0, 8)}…`, ex[1])] };
    }
  }
  return { key, kind, segs: [D(kind, v)] };
}

// Decoys that are not secrets at all, with a fitting key name.
function benignDecoy(r) {
  const kind = r.weighted([[4, 'commit sha'], [3, 'sha256 digest'], [4, 'uuid'], [3, 'version'], [2, 'base64 image'],
    [3, 'url with template password'], [2, 'public key'], [2, 'placeholder private key'], [2, 'npm integrity']]);
  switch (kind) {
    case 'commit sha': return { key: r.pick(['GIT_COMMIT_SHA', 'BUILD_REVISION', 'SOURCE_VERSION', 'PINNED_REF']), kind, segs: [D(kind, r.str(HEX, 40))] };
    case 'sha256 digest': return { key: r.pick(['IMAGE_DIGEST', 'MODEL_SHA256', 'CHECKSUM']), kind, segs: [D(kind, `sha256:${r.str(HEX, 64)}`)] };
    case 'uuid': {
      const u = `${r.str(HEX, 8)}-${r.str(HEX, 4)}-4${r.str(HEX, 3)}-${r.pick(['8', '9', 'a', 'b'])}${r.str(HEX, 3)}-${r.str(HEX, 12)}`;
      return { key: r.pick(['ORG_ID', 'WORKSPACE_ID', 'PROJECT_ID', 'TENANT_ID', 'AZURE_CLIENT_ID', 'DATASET_ID']), kind, segs: [D(kind, u)] };
    }
    case 'version': return { key: r.pick(['SERVER_VERSION', 'API_VERSION', 'MIN_CLIENT_VERSION']), kind,
      segs: [D(kind, r.pick([`${r.int(0, 3)}.${r.int(0, 20)}.${r.int(0, 40)}`, `2025.${r.int(1, 12)}.${r.int(1, 28)}`, `v${r.int(1, 4)}.${r.int(0, 9)}.${r.int(0, 9)}-rc.${r.int(1, 5)}`]))] };
    case 'base64 image': return { key: 'ICON', kind,
      segs: [D(kind, `data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAA${r.str(B64, 4 * r.int(40, 400))}AAAAAElFTkSuQmCC`)] };
    case 'url with template password': {
      const v = r.pick([`postgresql://\${PGUSER}:\${PGPASSWORD}@db:5432/app`, 'postgres://user:password@localhost:5432/mydb',
        'mongodb://<username>:<password>@cluster0.mongodb.net/test', `https://\${GH_USER}:\${GH_TOKEN}@github.com/${r.pick(COMPANIES)}/infra.git`,
        `redis://:\${REDIS_PASSWORD}@cache:6379/0`, `mysql://root:%MYSQL_ROOT_PASSWORD%@localhost:3306/app`, `https://user:$PASSWORD@registry.${r.pick(COMPANIES)}.com`]);
      return { key: r.pick(['DATABASE_URL', 'REMOTE_URL', 'CONNECTION_STRING']), kind, segs: [D(kind, v)] };
    }
    case 'public key': {
      const v = r.pick([
        () => `-----BEGIN PUBLIC KEY-----\n${wrapLines(b64(concatBytes([0x30, 0x82, 0x01, 0x22], OID_RSA, r.bytes(270))), 64)}\n-----END PUBLIC KEY-----`,
        () => `-----BEGIN CERTIFICATE-----\n${wrapLines(b64(concatBytes([0x30, 0x82, 0x03, 0x10, 0x30, 0x82, 0x01, 0xf8], r.bytes(780))), 64)}\n-----END CERTIFICATE-----`,
        () => `ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI${r.str(B64, 43)} ${r.pick(USERS)}@${r.pick(HOSTS)}`,
      ])();
      return { key: r.pick(['PUBLIC_KEY', 'CA_CERT', 'SSH_PUBLIC_KEY']), kind, segs: [D(kind, v)], pem: v.includes('\n') };
    }
    case 'placeholder private key': {
      const label = r.pick(['PRIVATE KEY', 'RSA PRIVATE KEY', 'OPENSSH PRIVATE KEY']);
      const body = r.pick(['...', 'YOUR_PRIVATE_KEY_HERE', '<paste your key here>', 'MIIE...your key...', 'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx']);
      const v = `-----BEGIN ${label}-----\n${body}\n-----END ${label}-----`;
      return { key: 'PRIVATE_KEY', kind, segs: [D(kind, v)], pem: true };
    }
    default: return { key: 'PACKAGE_INTEGRITY', kind, segs: [D(kind, `sha512-${b64(r.bytes(64))}`)] };
  }
}

// Ordinary settings that fill configs between the secrets.
function plainEnv(r) {
  return r.pick([
    () => ['LOG_LEVEL', r.pick(['info', 'debug', 'warn'])], () => ['PORT', String(r.int(3000, 9999))],
    () => ['BASE_URL', `https://api.${r.pick(COMPANIES)}.${r.pick(TLDS)}/v${r.int(1, 3)}`], () => ['TIMEOUT_MS', String(r.int(5, 120) * 1000)],
    () => ['AWS_REGION', r.pick(REGIONS)], () => ['READ_ONLY', r.pick(['true', 'false'])], () => ['MAX_RESULTS', String(r.int(10, 500))],
    () => ['ALLOWED_DIRECTORIES', `/home/${r.pick(USERS)}/projects,/tmp`], () => ['NODE_ENV', 'production'],
    () => ['HTTP_PROXY', `http://proxy.${r.pick(COMPANIES)}.corp:3128`], () => ['TZ', r.pick(['Europe/Zürich', 'Asia/Tokyo', 'America/New_York', 'UTC'])],
    () => ['DEFAULT_MODEL', r.pick(['gpt-4.1-mini', 'claude-sonnet-4-5', 'llama-3.3-70b'])], () => ['GITHUB_HOST', 'https://github.com'],
    () => ['SLACK_TEAM_ID', `T${r.str(UPNUM, 9)}`], () => ['NOTION_VERSION', '2022-06-28'], () => ['CACHE_DIR', `~/.cache/${r.pick(['mcp', 'servers'])}`],
  ])();
}

const COMMENTS = ['Generated by the MCP setup wizard — edit with care', 'Rotate these quarterly (owner: platform team)',
  'Réglages partagés par l’équipe — ne pas committer', '本番環境の設定 (production)', 'Only read scopes are granted 🔒',
  'See https://modelcontextprotocol.io/quickstart/user', 'TODO: move secrets to the keychain', 'Staging credentials, not for prod'];

// ---------------------------------------------------------------- model ----
// A server: {name, command, args: [segs], env: [[key, segs, pem?]], url?, headers?}.
function makeServer(r, typeCounts, opts = {}) {
  const mode = opts.mode ?? r.weighted([[48, 'secret'], [32, 'decoy'], [20, 'none']]);
  // Balance the planted types: pick among the least used so far.
  let type;
  if (typeCounts) {
    const min = Math.min(...TOKEN_TYPES.map((x) => typeCounts[x.id] ?? 0));
    const low = TOKEN_TYPES.filter((x) => (typeCounts[x.id] ?? 0) <= min + 2);
    type = r.pick(low);
  } else {
    type = r.pick(TOKEN_TYPES);
  }
  const slug = type.pkg.split('/').pop().replace(/^(mcp-)?server-|-mcp-server$|-mcp$|^mcp-/g, '') || 'server';
  const name = `${slug}${r.chance(0.3) ? `-${r.pick(['prod', 'staging', 'work', 'personal', String(r.int(2, 9))])}` : ''}`;
  const docker = type.pkg.startsWith('ghcr.io');
  const python = /^[a-z]+\.[a-z-]+$/.test(type.pkg) || type.pkg.endsWith('-mcp');
  const s = { name, env: [], args: [], headers: [] };
  if (docker) {
    s.command = 'docker';
    s.image = `${type.pkg}:${r.pick(['latest', 'v0.6.0', 'main'])}`;
    s.args = ['run', '-i', '--rm', '-e', type.env[0], s.image].map((x) => [x]);
  } else if (python) {
    s.command = 'uvx';
    s.args = [[`${type.pkg}${r.chance(0.3) ? `@${r.int(0, 2)}.${r.int(0, 9)}.${r.int(0, 9)}` : ''}`]];
  } else {
    s.command = 'npx';
    s.args = [['-y'], [`${type.pkg}${r.chance(0.3) ? `@${r.int(0, 2)}.${r.int(0, 9)}.${r.int(0, 9)}` : ''}`]];
  }
  const key = r.pick(type.env);
  if (mode === 'secret') {
    const segs = type.make(r);
    const where = type.pem ? 'env' : r.weighted([[70, 'env'], [type.header ? 18 : 0, 'header'], [type.arg ? 20 : 8, 'arg']]);
    if (where === 'header') {
      s.url = `https://mcp.${r.pick(COMPANIES)}.${r.pick(TLDS)}/${r.pick(['mcp', 'sse', 'v1/mcp'])}`;
      s.type = r.pick(['http', 'sse']);
      s.headers.push([type.header[0], type.header[1] ? [type.header[1], ...segs] : segs]);
    } else if (where === 'arg') {
      if (type.arg) s.args.push(segs);
      else s.args.push([`--${kebab(key.replace(/^[A-Z]+_/, ''))}`], segs);
      s.argKey = key;
    } else {
      s.env.push([key, segs, !!type.pem]);
    }
    s.planted = type.id;
  } else if (mode === 'decoy') {
    const d = r.chance(0.7) ? decoyFor(r, key, type) : benignDecoy(r);
    if (d.kind === 'placeholder ${VAR}' && type.header && r.chance(0.4)) {
      s.url = `https://mcp.${r.pick(COMPANIES)}.${r.pick(TLDS)}/mcp`;
      s.type = 'http';
      s.headers.push([type.header[0], type.header[1] ? [type.header[1], ...d.segs] : d.segs]);
    } else {
      s.env.push([d.key, d.segs, !!d.pem]);
    }
  }
  if (s.url) { delete s.command; s.args = []; }
  for (let i = r.int(0, 3); i > 0; i--) {
    const [k, v] = plainEnv(r);
    if (!s.env.some(([k2]) => k2 === k)) s.env.push([k, [v]]);
  }
  if (r.chance(0.08)) { const d = benignDecoy(r); s.env.push([d.key, d.segs, !!d.pem]); }
  return s;
}

// --------------------------------------------------------------- writers ----
// Doc builder: appends text and records labelled ranges.
class Builder {
  constructor() { this.parts = []; this.len = 0; this.bytes = 0; this.planted = []; this.decoys = []; }
  raw(s) { this.parts.push(s); this.len += s.length; this.bytes += Buffer.byteLength(s); return this; }
  // segs with an escaping function for the text form of each segment.
  segs(segs, esc = (x) => x) {
    for (const seg of segs) {
      if (typeof seg === 'string') { this.raw(esc(seg)); continue; }
      const s = esc(seg.s);
      const label = { start: this.len, end: this.len + s.length, byteStart: this.bytes, byteEnd: this.bytes + Buffer.byteLength(s) };
      if (seg.secret) this.planted.push({ type: seg.secret, ...label });
      else this.decoys.push({ kind: seg.decoy, ...label });
      this.raw(s);
    }
    return this;
  }
  done(kind, ext, path) {
    return { kind, ext, path, text: this.parts.join(''), planted: this.planted, decoys: this.decoys };
  }
}
const jsonEsc = (s) => JSON.stringify(s).slice(1, -1);
const segsText = (segs) => segs.map((x) => (typeof x === 'string' ? x : x.s)).join('');

function writeJsonServers(b, servers, indent, vscode) {
  const pad = ' '.repeat(indent);
  servers.forEach((s, i) => {
    b.raw(`${pad}"${jsonEsc(s.name)}": {\n`);
    const fields = [];
    if (s.url) {
      fields.push(() => b.raw(`${pad}  "type": "${s.type}",\n${pad}  "url": "${s.url}"`));
    } else {
      if (vscode) fields.push(() => b.raw(`${pad}  "type": "stdio"`));
      fields.push(() => b.raw(`${pad}  "command": "${s.command}"`));
      fields.push(() => {
        b.raw(`${pad}  "args": [`);
        s.args.forEach((a, k) => { b.raw(k ? ', "' : '"').segs(a, jsonEsc).raw('"'); });
        b.raw(']');
      });
    }
    if (s.headers.length) fields.push(() => writeJsonObject(b, 'headers', s.headers, pad + '  '));
    if (s.env.length) fields.push(() => writeJsonObject(b, 'env', s.env, pad + '  '));
    fields.forEach((f, k) => { f(); b.raw(k < fields.length - 1 ? ',\n' : '\n'); });
    b.raw(`${pad}}${i < servers.length - 1 ? ',' : ''}\n`);
  });
}
function writeJsonObject(b, name, pairs, pad) {
  b.raw(`${pad}"${name}": {\n`);
  pairs.forEach(([k, segs], i) => {
    b.raw(`${pad}  "${jsonEsc(k)}": "`).segs(segs, jsonEsc).raw(`"${i < pairs.length - 1 ? ',' : ''}\n`);
  });
  b.raw(`${pad}}`);
}

function claudeJson(r, servers) {
  const b = new Builder();
  b.raw('{\n  "mcpServers": {\n');
  writeJsonServers(b, servers, 4, false);
  b.raw('  }');
  if (r.chance(0.2)) b.raw(',\n  "globalShortcut": "Ctrl+Space"');
  b.raw('\n}\n');
  return b.done('claude-json', '.json', r.pick(['claude_desktop_config.json', '.cursor/mcp.json', '.mcp.json']));
}

function vscodeJson(r, servers) {
  const b = new Builder();
  b.raw('{\n');
  if (r.chance(0.6)) b.raw(`  // ${r.pick(COMMENTS)}\n`);
  if (r.chance(0.5)) {
    const id = kebab(r.pick(TOKEN_TYPES).env[0]);
    b.raw(`  "inputs": [\n    {\n      "type": "promptString",\n      "id": "${id}",\n      "description": "${r.pick(['API key', 'Personal access token', 'Clé d’API'])}",\n      "password": true\n    }\n  ],\n`);
  }
  b.raw('  "servers": {\n');
  writeJsonServers(b, servers, 4, true);
  b.raw('  }\n}\n');
  return b.done('vscode-jsonc', '.json', '.vscode/mcp.json');
}

const tomlEsc = jsonEsc; // basic strings: same escapes for this text
function codexToml(r, servers) {
  const b = new Builder();
  if (r.chance(0.5)) b.raw(`# ${r.pick(COMMENTS)}\nmodel = "${r.pick(['gpt-5-codex', 'o4-mini'])}"\n\n`);
  for (const s of servers) {
    b.raw(`[mcp_servers.${s.name.replace(/[^A-Za-z0-9_-]/g, '_')}]\n`);
    if (s.url) {
      b.raw(`url = "${s.url}"\n`);
      if (s.headers.length) {
        b.raw('http_headers = { ');
        s.headers.forEach(([k, segs], i) => b.raw(`${i ? ', ' : ''}"${k}" = "`).segs(segs, tomlEsc).raw('"'));
        b.raw(' }\n');
      }
    } else {
      b.raw(`command = "${s.command}"\nargs = [`);
      s.args.forEach((a, k) => b.raw(k ? ', "' : '"').segs(a, tomlEsc).raw('"'));
      b.raw(']\n');
    }
    const inline = s.env.filter(([, , isPem]) => !isPem);
    const multi = s.env.filter(([, , isPem]) => isPem);
    if (s.env.length && (multi.length || r.chance(0.5))) {
      b.raw(`\n[mcp_servers.${s.name.replace(/[^A-Za-z0-9_-]/g, '_')}.env]\n`);
      for (const [k, segs] of inline) b.raw(`${k} = "`).segs(segs, tomlEsc).raw('"\n');
      for (const [k, segs] of multi) b.raw(`${k} = """\n`).segs(segs).raw('\n"""\n');
    } else if (inline.length) {
      b.raw('env = { ');
      inline.forEach(([k, segs], i) => b.raw(`${i ? ', ' : ''}"${k}" = "`).segs(segs, tomlEsc).raw('"'));
      b.raw(' }\n');
    }
    b.raw('\n');
  }
  return b.done('codex-toml', '.toml', '.codex/config.toml');
}

const yamlNeedsQuotes = (v) => v === '' || /^[-?:,[\]{}#&*!|>'"%@`<\s]/.test(v) || /: |\s#|:$|^\s|\s$/.test(v) ||
  /^(true|false|null|yes|no|on|off|~|[0-9.+-]+)$/i.test(v);
function yamlValue(b, segs, indent, isPem) {
  const text = segsText(segs);
  if (isPem || text.includes('\n')) {
    const pad = ' '.repeat(indent);
    b.raw(`|\n${pad}`).segs(segs, (x) => x.replace(/\n/g, `\n${pad}`)).raw('\n');
  } else if (yamlNeedsQuotes(text)) {
    b.raw('"').segs(segs, jsonEsc).raw('"\n');
  } else {
    b.raw('').segs(segs).raw('\n');
  }
}
function yamlDoc(r, servers) {
  const b = new Builder();
  const style = r.weighted([[3, 'continue'], [2, 'compose'], [1, 'workflow']]);
  if (r.chance(0.5)) b.raw(`# ${r.pick(COMMENTS)}\n`);
  if (style === 'continue') {
    b.raw(`name: ${r.pick(COMPANIES)} assistant\nversion: 0.0.1\nschema: v1\nmcpServers:\n`);
    for (const s of servers) {
      b.raw(`  - name: ${s.name}\n`);
      if (s.url) {
        b.raw(`    type: ${s.type === 'sse' ? 'sse' : 'streamable-http'}\n    url: ${s.url}\n`);
        if (s.headers.length) {
          b.raw('    requestOptions:\n      headers:\n');
          for (const [k, segs] of s.headers) { b.raw(`        ${k}: `); yamlValue(b, segs, 10, false); }
        }
      } else {
        b.raw(`    command: ${s.command}\n    args:\n`);
        for (const a of s.args) { b.raw('      - '); yamlValue(b, a, 8, false); }
      }
      if (s.env.length) {
        b.raw('    env:\n');
        for (const [k, segs, isPem] of s.env) { b.raw(`      ${k}: `); yamlValue(b, segs, 8, isPem); }
      }
    }
  } else if (style === 'compose') {
    b.raw('services:\n');
    for (const s of servers) {
      b.raw(`  ${s.name.replace(/[^A-Za-z0-9_-]/g, '-')}:\n    image: ${s.image ?? `node:${r.pick(['20', '22'])}-alpine`}\n`);
      if (s.command && s.command !== 'docker') {
        b.raw('    command: [');
        [[s.command], ...s.args].forEach((a, k) => b.raw(k ? ', "' : '"').segs(a, jsonEsc).raw('"'));
        b.raw(']\n');
      }
      const env = [...s.env, ...s.headers.map(([k, segs]) => [`HEADER_${k.toUpperCase().replace(/-/g, '_')}`, segs])];
      if (env.length) {
        b.raw('    environment:\n');
        for (const [k, segs, isPem] of env) { b.raw(`      ${k}: `); yamlValue(b, segs, 8, isPem); }
      }
      b.raw(`    restart: unless-stopped\n`);
    }
  } else {
    b.raw(`name: mcp-smoke-test\non:\n  push:\n    branches: [main]\njobs:\n  smoke:\n    runs-on: ubuntu-latest\n    env:\n`);
    b.raw(`      NPM_TOKEN: \${{ secrets.NPM_TOKEN }}\n`);
    for (const s of servers) {
      for (const [k, segs, isPem] of [...s.env, ...s.headers.map(([k2, segs2]) => [`HEADER_${k2.toUpperCase().replace(/-/g, '_')}`, segs2])]) {
        b.raw(`      ${k}: `); yamlValue(b, segs, 8, isPem);
      }
    }
    b.raw(`    steps:\n      - uses: actions/checkout@v4\n      - run: npx -y @modelcontextprotocol/inspector --cli ${servers[0]?.name ?? 'server'} --method tools/list\n`);
  }
  return b.done(`yaml-${style}`, '.yaml', style === 'workflow' ? '.github/workflows/mcp.yml' : style === 'compose' ? 'compose.yaml' : '.continue/config.yaml');
}

function dotenv(r, servers) {
  const b = new Builder();
  if (r.chance(0.7)) b.raw(`# ${r.pick(COMMENTS)}\n`);
  for (const s of servers) {
    if (r.chance(0.5)) b.raw(`\n# ${s.name}\n`);
    const env = [...s.env, ...s.headers.map(([k, segs]) => [`${s.name.toUpperCase().replace(/[^A-Z0-9]/g, '_')}_${k.toUpperCase().replace(/-/g, '_')}`, segs])];
    for (const a of s.args) if (a.some((x) => typeof x !== 'string')) env.push([s.argKey, a]);
    for (const [k, segs, isPem] of env) {
      const text = segsText(segs);
      const exp = r.chance(0.15) ? 'export ' : '';
      if (isPem || text.includes('\n')) b.raw(`${exp}${k}="`).segs(segs).raw('"\n');
      else if (/[\s#"'$]/.test(text) || r.chance(0.25)) b.raw(`${exp}${k}='`).segs(segs).raw(`'\n`);
      else b.raw(`${exp}${k}=`).segs(segs).raw('\n');
    }
  }
  return b.done('dotenv', '.env', '.env');
}

function npmrc(r) {
  const b = new Builder();
  b.raw(`registry=https://registry.npmjs.org/\n@${r.pick(COMPANIES)}:registry=https://npm.pkg.github.com/\n`);
  if (r.chance(0.6)) b.raw('//registry.npmjs.org/:_authToken=').segs(TYPE_BY_ID.get('npm-token').make(r)).raw('\n');
  else b.raw('//registry.npmjs.org/:_authToken=').segs([D('placeholder ${VAR}', '${NPM_TOKEN}')]).raw('\n');
  if (r.chance(0.5)) b.raw('//npm.pkg.github.com/:_authToken=').segs(r.chance(0.5) ? TYPE_BY_ID.get('github-pat').make(r) : [D('placeholder ${VAR}', '${GITHUB_TOKEN}')]).raw('\n');
  b.raw('save-exact=true\n');
  return b.done('npmrc', '.npmrc', '.npmrc');
}

// A Google Cloud service-account key file; the planted secret is private_key.
function gcpServiceAccount(r) {
  const b = new Builder();
  const project = `${r.pick(COMPANIES)}-${r.pick(['prod', 'mcp', 'data'])}-${r.int(100000, 999999)}`;
  const email = `${r.pick(['mcp-server', 'bigquery-reader', 'drive-sync'])}@${project}.iam.gserviceaccount.com`;
  b.raw(`{\n  "type": "service_account",\n  "project_id": "${project}",\n  "private_key_id": "${r.str(HEX, 40)}",\n  "private_key": "`);
  b.segs([S('gcp-service-account', pem('PRIVATE KEY', pkcs8Rsa(r)) + '\n')], jsonEsc);
  b.raw(`",\n  "client_email": "${email}",\n  "client_id": "${r.str(DIG, 21)}",\n  "auth_uri": "https://accounts.google.com/o/oauth2/auth",\n` +
    `  "token_uri": "https://oauth2.googleapis.com/token",\n  "auth_provider_x509_cert_url": "https://www.googleapis.com/oauth2/v1/certs",\n` +
    `  "client_x509_cert_url": "https://www.googleapis.com/robot/v1/metadata/x509/${encodeURIComponent(email)}",\n  "universe_domain": "googleapis.com"\n}\n`);
  return b.done('gcp-service-account', '.json', `${project}.json`);
}

// ------------------------------------------------------------ generators ----
/**
 * Labelled documents totalling at least `bytes` UTF-8 bytes.
 * Each: {kind, ext, path, text, planted: [{type, start, end, byteStart, byteEnd}], decoys: [{kind, ...}]}.
 */
export function generateSecretsCorpus({ bytes = DEFAULT_BYTES, seed = DEFAULT_SEED } = {}) {
  const r = makeRng(seed);
  const docs = [];
  const typeCounts = {};
  let total = 0;
  while (total < bytes) {
    const kind = r.weighted([[30, 'claude'], [14, 'vscode'], [16, 'toml'], [16, 'yaml'], [19, 'env'], [2, 'npmrc'], [3, 'gcp']]);
    let doc;
    if (kind === 'npmrc') doc = npmrc(r);
    else if (kind === 'gcp') doc = gcpServiceAccount(r);
    else {
      const n = r.weighted([[3, 1], [4, 2], [4, 3], [3, 4], [2, 5], [1, 7], [1, 10]]);
      const servers = [];
      const names = new Set();
      for (let i = 0; i < n; i++) {
        const s = makeServer(r, typeCounts);
        while (names.has(s.name)) s.name += `-${r.int(2, 99)}`;
        names.add(s.name);
        if (s.planted) typeCounts[s.planted] = (typeCounts[s.planted] ?? 0) + 1;
        servers.push(s);
      }
      doc = { claude: claudeJson, vscode: vscodeJson, toml: codexToml, yaml: yamlDoc, env: dotenv }[kind](r, servers);
    }
    docs.push(doc);
    total += Buffer.byteLength(doc.text);
  }
  return docs;
}

/**
 * One Claude Desktop style config (mcpServers with command, args, env,
 * remote servers with headers; some env values real-looking secrets, some
 * placeholders) of at least `bytes` bytes, for the lint benchmark.
 */
export function generateClaudeConfig(bytes, seed = DEFAULT_SEED) {
  const r = makeRng(seed ^ bytes);
  const b = new Builder();
  b.raw('{\n  "mcpServers": {\n');
  const names = new Set();
  const tail = '  }\n}\n';
  let first = true;
  while (b.bytes + tail.length < bytes || first) {
    const s = makeServer(r, null, { mode: r.weighted([[30, 'secret'], [40, 'decoy'], [30, 'none']]) });
    while (names.has(s.name)) s.name += `-${r.int(2, 9999)}`;
    names.add(s.name);
    if (!first) {
      // writeJsonServers closes each entry with "}\n": add the comma.
      b.parts[b.parts.length - 1] = b.parts[b.parts.length - 1].replace(/\n$/, ',\n');
      b.len += 1; b.bytes += 1;
    }
    writeJsonServers(b, [s], 4, false);
    first = false;
  }
  b.raw(tail);
  return b.done('claude-json', '.json', 'claude_desktop_config.json');
}

// ------------------------------------------------------------------ CLI ----
const isMain = import.meta.url === new URL(`file://${process.argv[1]}`).href;
if (isMain) {
  const args = process.argv.slice(2);
  const opt = (flag, dflt) => { const i = args.indexOf(flag); return i >= 0 ? args[i + 1] : dflt; };
  const bytes = Math.round(Number(opt('--mb', DEFAULT_BYTES / 1e6)) * 1e6);
  const seed = Number(opt('--seed', DEFAULT_SEED));
  const docs = generateSecretsCorpus({ bytes, seed });
  const size = docs.reduce((n, d) => n + Buffer.byteLength(d.text), 0);
  const planted = {};
  const decoys = {};
  const kinds = {};
  for (const d of docs) {
    kinds[d.kind] = (kinds[d.kind] ?? 0) + 1;
    for (const p of d.planted) planted[p.type] = (planted[p.type] ?? 0) + 1;
    for (const p of d.decoys) decoys[p.kind] = (decoys[p.kind] ?? 0) + 1;
  }
  console.log(`docs ${docs.length}, ${size} bytes, seed ${seed}`);
  console.log(`kinds: ${Object.entries(kinds).map(([k, v]) => `${k} ${v}`).join(', ')}`);
  console.log(`planted ${Object.values(planted).reduce((a, b) => a + b, 0)}:`);
  for (const [k, v] of Object.entries(planted).sort()) console.log(`  ${k.padEnd(30)} ${v}`);
  console.log(`decoys ${Object.values(decoys).reduce((a, b) => a + b, 0)}:`);
  for (const [k, v] of Object.entries(decoys).sort()) console.log(`  ${k.padEnd(30)} ${v}`);
  const dir = opt('--dump', null);
  if (dir) {
    const fs = await import('node:fs');
    const path = await import('node:path');
    fs.mkdirSync(dir, { recursive: true });
    docs.forEach((d, i) => fs.writeFileSync(path.join(dir, `${String(i).padStart(5, '0')}-${d.path.replace(/[/\\]/g, '_')}`), d.text));
    fs.writeFileSync(path.join(dir, 'labels.json'), JSON.stringify(docs.map(({ text, ...rest }) => rest), null, 1));
    console.log(`wrote ${docs.length} files and labels.json to ${dir}`);
  }
}
