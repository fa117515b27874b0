// The Lint view's wasm work: one request in, one plain answer out. Run in the
// lint worker (site/lint-worker.js), or on the page itself where no worker
// can start (the single file opened from disk): the same function either way,
// so both give the same answers. No DOM here.

/** A file with more lines than this shows only its flagged lines. */
export const MAX_LINES_SHOWN = 1500;

/**
 * @param linter  what init({ lint: true }) resolved to
 * @param {{ op: 'lint'|'fix'|'convert', text: string, options: object }} request
 */
export function work(linter, { op, text, options }) {
  switch (op) {
    case 'lint': {
      const report = linter.lint(text, options);
      return { report, lines: shownLines(text, report.findings) };
    }
    case 'fix': return linter.fix(text, options);
    case 'convert': return linter.convert(text, options);
    default: throw new TypeError(`lint work: unknown operation ${op}`);
  }
}

/**
 * The lines the file view shows, as [number, text] pairs: every line of a
 * short file, only the flagged ones of a long one. Splitting a 16 MiB text
 * is work too: done here, next to the lint, not on the page.
 */
function shownLines(text, findings) {
  const flagged = new Set(findings.map((f) => f.line));
  const lines = text.split('\n');
  const only = lines.length > MAX_LINES_SHOWN;
  const out = [];
  lines.forEach((raw, i) => {
    if (!only || flagged.has(i + 1)) out.push([i + 1, raw]);
  });
  return out;
}
