// The parts of the Build view that do not depend on what the user does: the
// catalog cards, the output tabs and their panels, the empty notice. Each is
// a pure function from data to a small element tree, which becomes DOM in
// the page (toDom) or HTML in the build (toHtml).
//
// Why both: scripts/lib/site-build.mjs prerenders these trees into
// index.html from the same catalog and target list, so the first paint
// already shows the catalog and the output panel at their final size. The
// page then adopts those elements instead of building them: nothing moves
// when the WebAssembly core arrives (no layout shift), and the largest paint
// does not wait for the wasm. Served unbuilt (site/ as is), the page builds
// the same trees itself once the core has loaded.
//
// No DOM at module level: the build imports this file under Node.

/** An element: tag, attributes (string values; true = present, false/null = absent), children (text or elements). */
export const h = (tag, attrs = {}, ...children) => ({
  tag,
  attrs,
  children: children.flat(Infinity).filter((c) => c !== null && c !== undefined && c !== false),
});

/**
 * One catalog card. `c`: a catalog summary (core.catalog()) plus `needs`
 * (inputs.js needsOf). data-category, data-runtimes and data-remote carry
 * what the filters read, so filtering needs neither the core nor the
 * summaries.
 */
export function cardView(c) {
  const tags = [h('span', { class: 'tag' }, c.category.replace(/-/g, ' '))];
  for (const r of c.runtimes) tags.push(' ', h('span', { class: 'tag' }, r === 'oci' ? 'docker' : r));
  if (c.remote) tags.push(' ', h('span', { class: 'tag' }, 'remote'));
  return h('li', { class: 'card', 'data-id': c.id, 'data-category': c.category, 'data-runtimes': c.runtimes.join(' '), 'data-remote': String(!!c.remote) },
    h('div', { class: 'card-head' },
      h('h3', {}, c.title),
      h('button', { type: 'button', class: 'btn add', 'aria-pressed': 'false', 'aria-label': `Select ${c.title}` }, 'Add')),
    h('p', { class: 'desc' }, c.description),
    h('p', { class: 'tags' }, tags),
    h('p', { class: 'needs' }, h('span', { class: 'muted' }, 'Needs: '), c.needs));
}

export const countText = (n, total) => (n === total ? `${n} servers` : `${n} of ${total} servers`);

export const categoryOptions = (categories) => categories.map((c) => h('option', { value: c }, c.replace(/-/g, ' ')));

/** The tab of one target ([id, label, file, where] from common.js TARGETS). */
export const tabView = ([id, label], selected) => h('button', {
  type: 'button', role: 'tab', id: `tab-${id}`, 'aria-controls': `panel-${id}`, class: 'tab', 'data-tab': id,
  'aria-selected': String(selected), tabindex: selected ? '0' : '-1',
}, label);

/**
 * The panel of one target: file name, copy and download buttons (handled by
 * one listener on #panels through data-copy / data-download), where the file
 * goes, and the live output `pre[data-output]` (a stable hook).
 */
export function panelView([id, label, file, where], format, selected) {
  return h('div', { role: 'tabpanel', id: `panel-${id}`, 'aria-labelledby': `tab-${id}`, class: 'tabpanel', hidden: !selected },
    h('div', { class: 'panel-bar' },
      h('code', { class: 'file' }, file),
      h('span', { class: 'bar-actions' },
        h('button', { type: 'button', class: 'btn btn-small', 'data-copy': id }, 'Copy'),
        h('button', { type: 'button', class: 'btn btn-small', 'data-download': id }, 'Download'))),
    h('dl', { class: 'where' }, where.map(([os, p]) => [h('dt', {}, os), h('dd', {}, h('code', {}, p))])),
    h('pre', { class: 'out', tabindex: '0', role: 'region', 'aria-label': `${label}: ${file}`, 'data-output': id, 'data-format': format }));
}

export const NO_SERVER = 'Choose at least one server to see its configuration here.';
export const emptyDetails = () => h('p', { class: 'empty' }, NO_SERVER);

/** The element tree as DOM (text set as text, never parsed). */
export function toDom(v) {
  if (typeof v === 'string') return document.createTextNode(v);
  const node = document.createElement(v.tag);
  for (const [k, val] of Object.entries(v.attrs)) {
    if (val === true) node.setAttribute(k, '');
    else if (val !== false && val !== null && val !== undefined) node.setAttribute(k, val);
  }
  node.append(...v.children.map(toDom));
  return node;
}

const escapeText = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const escapeAttr = (s) => escapeText(s).replace(/"/g, '&quot;');

/** The element tree as HTML, every text and attribute value escaped (the build's prerender). */
export function toHtml(v) {
  if (typeof v === 'string') return escapeText(v);
  let out = `<${v.tag}`;
  for (const [k, val] of Object.entries(v.attrs)) {
    if (val === true) out += ` ${k}`;
    else if (val !== false && val !== null && val !== undefined) out += ` ${k}="${escapeAttr(String(val))}"`;
  }
  return `${out}>${v.children.map(toHtml).join('')}</${v.tag}>`;
}
