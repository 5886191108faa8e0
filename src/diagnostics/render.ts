import type { Diagnostic } from './diagnostic.js';
import { displayColumns } from './display-width.js';

/** Options for {@link renderDiagnostic}. */
export interface RenderOptions {
  /** The name shown before the position, for example a file name or `<query>`. */
  readonly file?: string;
  /** The text the diagnostic's range points into; when given, the line is shown with a `^~~` marker. */
  readonly source?: string;
}

/**
 * What a terminal acts on instead of printing: C0 controls (ESC starts colour
 * and cursor sequences, BEL rings, CR and LF forge extra lines), DEL, C1
 * controls (CSI U+009B is ESC [ on some terminals), the line and paragraph
 * separators, and the bidirectional controls that reorder what is shown
 * ("Trojan Source": U+061C, U+200E/F, U+202A–E, U+2066–9).
 */
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]/g;

/** The same class, for testing one character (a global pattern would carry `lastIndex` between calls). */
const UNSAFE_CHAR = new RegExp(UNSAFE.source);

const SHORT_ESCAPES: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

function escapeOne(ch: string): string {
  return SHORT_ESCAPES[ch] ?? `\\u{${ch.charCodeAt(0).toString(16).toUpperCase()}}`;
}

/**
 * `text` with every character a terminal would act on (see above) written as
 * an escape: `\n`, `\t`, `\r`, or `\u{1B}` in the language's own escape form.
 * Everything else, including non-ASCII letters, is kept. Messages keep the
 * raw text in the library (`Diagnostic.message`); only what is printed for a
 * person goes through this.
 *
 * @example
 * escapeForTerminal('Unknown column "\u001b[2Jx"'); // 'Unknown column "\\u{1B}[2Jx"'
 */
export function escapeForTerminal(text: string): string {
  return text.replace(UNSAFE, escapeOne);
}

/**
 * A source line for the caret display: a tab becomes one space (so that the
 * caret lines up whatever the terminal's tab width), any other unsafe
 * character its escape. Returns the shown line and, for each UTF-16 column of
 * the original, the display column it starts at in the shown line (one entry
 * more than the line's length, for the end of the line): wide characters
 * (CJK, emoji) take two columns, combining marks none ({@link displayColumns}).
 */
function shownLine(line: string): { text: string; columns: number[] } {
  let text = '';
  const units: number[] = [];
  for (let i = 0; i < line.length; i++) {
    units.push(text.length);
    const ch = line[i]!;
    text += ch === '\t' ? ' ' : UNSAFE_CHAR.test(ch) ? escapeOne(ch) : ch;
  }
  units.push(text.length);
  const display = displayColumns(text);
  return { text, columns: units.map((u) => display[u]!) };
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
 * JSON diagnostics show their path instead of a line and column. Control and
 * bidirectional characters from the input (in the message, the path, the
 * file name, the source line, a suggestion) are printed escaped
 * ({@link escapeForTerminal}), so that no input can drive the terminal or
 * forge a line of output.
 */
export function renderDiagnostic(d: Diagnostic, options: RenderOptions = {}): string {
  const file = options.file ?? '<query>';
  const where = d.range ? `${file}:${d.range.start.line}:${d.range.start.column}` : d.path !== undefined ? `${file}:${d.path || '/'}` : file;
  const lines = [escapeForTerminal(`${where}: ${d.severity} ${d.code}: ${d.message}`)];
  const source = options.source;
  if (d.range && source !== undefined) {
    const lineStart = d.range.start.offset - (d.range.start.column - 1);
    let lineEnd = source.indexOf('\n', d.range.start.offset);
    if (lineEnd < 0) lineEnd = source.length;
    const text = source.slice(Math.max(0, lineStart), lineEnd).replace(/\r$/, '');
    const startCol = Math.min(d.range.start.column - 1, text.length);
    const endCol = d.range.end.line === d.range.start.line ? Math.min(d.range.end.column - 1, text.length) : text.length;
    const shown = shownLine(text);
    const from = shown.columns[startCol]!;
    const width = Math.max(1, shown.columns[Math.max(endCol, startCol)]! - from);
    lines.push(`  ${shown.text}`);
    lines.push(`  ${' '.repeat(from)}^${'~'.repeat(width - 1)}`);
  }
  for (const s of d.suggestions ?? []) lines.push(`  help: ${escapeForTerminal(s.message)}`);
  return lines.join('\n');
}
