import type { Diagnostic } from './diagnostic.js';

/** Options for {@link renderDiagnostic}. */
export interface RenderOptions {
  /** The name shown before the position, for example a file name or `<query>`. */
  readonly file?: string;
  /** The text the diagnostic's range points into; when given, the line is shown with a `^~~` marker. */
  readonly source?: string;
}

/** Control characters and tabs would shift the caret; show them as one visible character each. */
function visible(line: string): string {
  return line.replace(/[\u0000-\u001f\u007f]/g, ' ');
}

/**
 * Renders a diagnostic the way compilers do, for terminals and logs:
 *
 * ```text
 * <query>:1:1: error unknown-column: Unknown column "domain_ratng" …
 *   domain_ratng > 5
 *   ^~~~~~~~~~~~
 * ```
 *
 * JSON diagnostics show their path instead of a line and column.
 */
export function renderDiagnostic(d: Diagnostic, options: RenderOptions = {}): string {
  const file = options.file ?? '<query>';
  const where = d.range ? `${file}:${d.range.start.line}:${d.range.start.column}` : d.path !== undefined ? `${file}:${d.path || '/'}` : file;
  const lines = [`${where}: ${d.severity} ${d.code}: ${d.message}`];
  const source = options.source;
  if (d.range && source !== undefined) {
    const lineStart = d.range.start.offset - (d.range.start.column - 1);
    let lineEnd = source.indexOf('\n', d.range.start.offset);
    if (lineEnd < 0) lineEnd = source.length;
    const text = source.slice(Math.max(0, lineStart), lineEnd).replace(/\r$/, '');
    const startCol = d.range.start.column - 1;
    const endCol = d.range.end.line === d.range.start.line ? d.range.end.column - 1 : text.length;
    const width = Math.max(1, Math.min(endCol, text.length + 1) - startCol);
    lines.push(`  ${visible(text)}`);
    lines.push(`  ${' '.repeat(startCol)}^${'~'.repeat(width - 1)}`);
  }
  for (const s of d.suggestions ?? []) lines.push(`  help: ${s.message}`);
  return lines.join('\n');
}
