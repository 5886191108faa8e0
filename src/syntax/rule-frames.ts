/**
 * The bookkeeping under the grammar's embedded actions (src/syntax/parser.ts):
 * one frame per open rule, holding what the rule has read so far, so that a
 * rule stopped by a recognition error can still build its piece of the tree,
 * exactly as a CST visitor would from the partial CST node Chevrotain keeps in
 * CST mode.
 *
 * Frames live in a stack indexed by rule depth and are reused: a parse
 * allocates none once the stack is as deep as the input's nesting, and the
 * grammar's alternatives are made once per parser (they read and write the
 * top frame), so that the only allocations of a parse are the tree itself.
 *
 * The protocol, for every rule: `begin()` first; every consumed token through
 * `tok()` (it widens the rule's range, real tokens only); subrule results
 * into the frame; `end()` on success. In `catch`, `takePartial()` gives the
 * partial result of the subrule that failed (if the error came from one),
 * and `fail()` closes the frame, leaves the rule's own partial result for the
 * handler of the error and returns the error to rethrow. The handler is
 * either Chevrotain's re-sync recovery of some rule, whose
 * `recoveryValueFunc` returns that partial result, or the `catch` of the rule
 * above, which takes it as its subrule's piece.
 */
import { EmbeddedActionsParser, type IParserConfig, type IToken, type TokenVocabulary } from 'chevrotain';
import type { SourceRange } from '../ast/nodes.js';
import { LineIndex } from './lexical.js';

/** What one open rule has read so far. */
export class Frame {
  /** First start and last end offset of the real tokens of the rule and its subrules (-1: none yet). */
  start = -1;
  end = 0;
  /** The alternative taken, where the rule needs to know (0: none yet). */
  alt = 0;
  /** Tokens the rule consumed, in the order its grammar reads them (undefined: not reached). */
  t1: IToken | undefined = undefined;
  t2: IToken | undefined = undefined;
  t3: IToken | undefined = undefined;
  t4: IToken | undefined = undefined;
  /** Results of its subrules, in order (undefined: the subrule never ran; results themselves are never undefined). */
  a: unknown = undefined;
  b: unknown = undefined;
  /** A list of subrule results (operands, `in` values), made only when there is one. */
  list: unknown[] | undefined = undefined;
}

/** A Chevrotain parser with a stack of {@link Frame}s; `FilterParser` writes the rules. */
export abstract class FrameParser extends EmbeddedActionsParser {
  /** Positions of the text being parsed, for ranges; set before each parse. */
  lines = new LineIndex('');
  /** True while Chevrotain records the grammar (actions then see placeholder tokens, and build nothing). */
  protected recording = true;
  private readonly frames: Frame[] = [];
  private depth = -1;
  /** The result a rule built when an error stopped it, while the error travels (undefined otherwise). */
  private partial: unknown = undefined;
  /** Every rule's configuration: recovery returns the partial result the rule left. */
  protected readonly recovery = { recoveryValueFunc: (): never => this.takePartial() as never };

  constructor(tokens: TokenVocabulary, config: IParserConfig) {
    super(tokens, config);
  }

  /** Prepares a parse of `tokens` from the text of `lines`. */
  startParse(tokens: IToken[], lines: LineIndex): void {
    this.input = tokens;
    this.lines = lines;
    this.depth = -1;
    this.partial = undefined;
  }

  /** Opens the frame of a rule that starts. */
  protected begin(): Frame {
    const f = (this.frames[++this.depth] ??= new Frame());
    f.start = -1;
    f.alt = 0;
    f.t1 = f.t2 = f.t3 = f.t4 = undefined;
    f.a = f.b = undefined;
    f.list = undefined;
    return f;
  }

  /** The frame of the rule running now. */
  protected get top(): Frame {
    return this.frames[this.depth]!;
  }

  /** Records a consumed token in the open rule's range (inserted tokens and the recording placeholder are not real). */
  protected tok(t: IToken): IToken {
    if (t.startOffset >= 0) {
      const f = this.frames[this.depth]!;
      if (f.start < 0) f.start = t.startOffset;
      f.end = t.startOffset + t.image.length;
    }
    return t;
  }

  /** The range of a frame's real tokens, or undefined when it has none. */
  protected range(f: Frame): SourceRange | undefined {
    return f.start < 0 ? undefined : this.lines.range(f.start, f.end);
  }

  /** Closes the running rule's frame `f`: its tokens count in its parent's range too. */
  protected end<R>(f: Frame, result: R): R {
    if (f.start >= 0 && this.depth > 0) {
      const parent = this.frames[this.depth - 1]!;
      if (parent.start < 0) parent.start = f.start;
      parent.end = f.end;
    }
    this.depth--;
    return result;
  }

  /** Closes a frame whose rule an error stopped, leaving its partial result for whoever handles the error. */
  protected fail(f: Frame, result: unknown, error: unknown): unknown {
    this.partial = this.end(f, result);
    return error;
  }

  /** The partial result of the subrule whose error arrived here, if any. */
  protected takePartial(): unknown {
    const p = this.partial;
    this.partial = undefined;
    return p;
  }

  /**
   * Runs one rule: `body` reads the grammar into a fresh frame, `build` makes
   * the rule's result from it (`recovered` when an error stopped the body),
   * and `adopt` puts the partial result of a failed subrule where its piece
   * belongs in the frame.
   */
  protected rule<R>(body: (f: Frame) => unknown, adopt: Adopt, build: (f: Frame, recovered: boolean) => R): R {
    const f = this.begin();
    try {
      body(f);
    } catch (e) {
      const child = this.takePartial();
      if (child !== undefined) adopt(f, child);
      throw this.fail(f, build(f, true), e);
    }
    return this.end(f, build(f, false));
  }

  /** Adds a subrule result to the operands of a chain: the first in `a`, all of them in `list` from the second on. */
  protected addOperand(f: Frame, operand: unknown): void {
    adoptOperand(f, operand);
  }
}

/** Where a rule puts the partial result of the subrule that failed. */
export type Adopt = (f: Frame, child: unknown) => void;

/** A chain's operands: the first in `a`, all of them in `list` from the second on. */
export const adoptOperand: Adopt = (f, child) => {
  if (f.a === undefined) f.a = child;
  else if (f.list) f.list.push(child);
  else f.list = [f.a, child];
};

/** A rule with one subrule in each alternative, or one subrule in all: `a`. */
export const adoptFirst: Adopt = (f, child) => {
  f.a ??= child;
};

/** A rule that runs subrules `a` then `b`. */
export const adoptInOrder: Adopt = (f, child) => {
  if (f.a === undefined) f.a = child;
  else f.b ??= child;
};

/** A `not` rule: the operand after `not` (t1) is `a`, else the primary is `b`. */
export const adoptNegation: Adopt = (f, child) => {
  if (f.t1 !== undefined) f.a ??= child;
  else f.b ??= child;
};

/** A rule whose first alternative (alt 1) fills `a` and whose second (alt 2) fills `b`. */
export const adoptByAlternative: Adopt = (f, child) => {
  if (f.alt === 1) f.a ??= child;
  else if (f.alt === 2) f.b ??= child;
};

/** A rule that consumes tokens only. */
export const adoptNothing: Adopt = () => {};
