/** Source positions: every node of the AST and every diagnostic uses these. */

/** A position in source text. `offset` is 0-based UTF-16; `line` and `column` are 1-based. */
export interface Position {
  readonly offset: number;
  readonly line: number;
  readonly column: number;
}

/** A half-open source range `[start, end)`. */
export interface SourceRange {
  readonly start: Position;
  readonly end: Position;
}
