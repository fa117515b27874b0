// Shared by the views: what each output is and where it goes, DOM and file helpers.

/** The twelve clients' ids (DESIGN.md); the other targets are deployment files. */
export const CLIENTS = ['claude-desktop', 'claude-code', 'cursor', 'vscode', 'windsurf', 'zed', 'codex',
  'gemini-cli', 'continue', 'goose', 'cline', 'lm-studio'];

const home = (p) => [['macOS, Linux', `~/${p}`], ['Windows', `%USERPROFILE%\\${p.replace(/\//g, '\\')}`]];
const vsStorage = 'globalStorage/saoudrizwan.claude-dev/settings/cline_mcp_settings.json';

/** [id, label, file name, [[where, path]...]] for every output, in tab order. */
export const TARGETS = [
  ['claude-desktop', 'Claude Desktop', 'claude_desktop_config.json', [
    ['macOS', '~/Library/Application Support/Claude/claude_desktop_config.json'],
    ['Windows', '%APPDATA%\\Claude\\claude_desktop_config.json'],
    ['Linux', '~/.config/Claude/claude_desktop_config.json (unofficial builds)']]],
  ['claude-code', 'Claude Code', '.mcp.json', [
    ['Project', '.mcp.json at the root of the repository'], ['User', '~/.claude.json (or run the commands below)']]],
  ['cursor', 'Cursor', 'mcp.json', [['Project', '.cursor/mcp.json'], ...home('.cursor/mcp.json')]],
  ['vscode', 'VS Code', 'mcp.json', [['Workspace', '.vscode/mcp.json'], ['User', 'Command palette: “MCP: Open User Configuration”']]],
  ['windsurf', 'Windsurf', 'mcp_config.json', home('.codeium/windsurf/mcp_config.json')],
  ['zed', 'Zed', 'settings.json', [['macOS, Linux', '~/.config/zed/settings.json (merge context_servers)'], ['Windows', '%APPDATA%\\Zed\\settings.json']]],
  ['codex', 'Codex', 'config.toml', [...home('.codex/config.toml'), ['Project', '.codex/config.toml (trusted projects)']]],
  ['gemini-cli', 'Gemini CLI', 'settings.json', [...home('.gemini/settings.json'), ['Project', '.gemini/settings.json']]],
  ['continue', 'Continue', 'mcp-servers.yaml', [['Workspace', '.continue/mcpServers/mcp-servers.yaml']]],
  ['goose', 'Goose', 'config.yaml', [['macOS, Linux', '~/.config/goose/config.yaml (merge extensions)'], ['Windows', '%APPDATA%\\Block\\goose\\config\\config.yaml']]],
  ['cline', 'Cline', 'cline_mcp_settings.json', [
    ['macOS', `~/Library/Application Support/Code/User/${vsStorage}`],
    ['Linux', `~/.config/Code/User/${vsStorage}`], ['Windows', `%APPDATA%\\Code\\User\\${vsStorage.replace(/\//g, '\\')}`]]],
  ['lm-studio', 'LM Studio', 'mcp.json', home('.lmstudio/mcp.json')],
  ['dockerfile', 'Dockerfile', 'Dockerfile', [['Where', 'A folder of its own, next to compose.yaml']]],
  ['compose', 'Compose', 'compose.yaml', [['Where', 'Next to the Dockerfile and .env; run docker compose up']]],
  ['package-json', 'package.json', 'package.json', [['Where', 'A folder of its own; npm ci installs the pinned servers']]],
  ['env-example', '.env template', '.env.example', [['Where', 'Copy to .env, fill in, never commit .env']]],
];

/** How each output is written: json, jsonc, toml, yaml or text. */
export const FORMATS = {
  'claude-desktop': 'json', 'claude-code': 'json', cursor: 'json', vscode: 'jsonc', windsurf: 'json', zed: 'jsonc',
  codex: 'toml', 'gemini-cli': 'json', continue: 'yaml', goose: 'yaml', cline: 'json', 'lm-studio': 'json',
  dockerfile: 'text', compose: 'yaml', 'package-json': 'json', 'env-example': 'text',
};

/** A new element: properties (className, id, htmlFor...) or attributes, then children (text as text). */
export function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) {
    if (k === 'className' || k === 'htmlFor' || k === 'id' || k === 'type' || k === 'value') node[k] = v;
    else node.setAttribute(k, v);
  }
  node.append(...children);
  return node;
}

/** Save text (or a Blob) as a file on this device; nothing leaves it. */
export function download(name, content, type = 'text/plain;charset=utf-8') {
  const blob = content instanceof Blob ? content : new Blob([content], { type });
  const url = URL.createObjectURL(blob);
  const a = el('a', { href: url, download: name, className: 'visually-hidden' });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Copy to the clipboard, saying so in the page's status line. */
export async function copyText(text, what, say) {
  try {
    await navigator.clipboard.writeText(text);
  } catch {
    const area = el('textarea', { className: 'visually-hidden', 'aria-hidden': 'true', tabindex: '-1' });
    area.value = text;
    document.body.append(area);
    area.select();
    const ok = document.execCommand('copy');
    area.remove();
    if (!ok) {
      say(`Could not copy ${what}: select it and copy by hand.`);
      return;
    }
  }
  say(`Copied ${what}.`);
}

/** Put the caret at a 1-based line and code-point column of a textarea, and show it. */
export function jumpTo(area, line, column) {
  const text = area.value;
  let index = 0;
  for (let l = 1; l < line; l += 1) {
    const next = text.indexOf('\n', index);
    if (next === -1) break;
    index = next + 1;
  }
  for (let c = 1; c < column && index < text.length && text[index] !== '\n'; c += 1) index += text.codePointAt(index) > 0xffff ? 2 : 1;
  area.focus();
  area.setSelectionRange(index, index);
  const lh = parseFloat(getComputedStyle(area).lineHeight) || 20;
  area.scrollTop = Math.max(0, (line - 1) * lh - area.clientHeight / 3);
}
