/**
 * Chevrotain's LL(k) lookahead, built when a production is first parsed
 * instead of for every production when the parser is built.
 *
 * `performSelfAnalysis` asks the lookahead strategy for one decision
 * function per `OR`, `OPTION` and repetition of the grammar, and the LL(k)
 * strategy computes each from the grammar's paths on the spot: a large part
 * of the parser's start-up, spent mostly on productions a given filter never
 * reaches (the element trees of `any(…)`, `between`, `matches`, …). This
 * strategy hands back a stand-in for each that builds the real function with
 * the same strategy and options on its first call, so the decisions, and
 * therefore parses, recoveries and messages, are exactly those of
 * `LLkLookaheadStrategy`; the grammar's validations are its own too.
 */
import { LLkLookaheadStrategy, type ILookaheadStrategy, type IOrAlt } from 'chevrotain';

type AlternationOptions = Parameters<ILookaheadStrategy['buildLookaheadForAlternation']>[0];
type OptionalOptions = Parameters<ILookaheadStrategy['buildLookaheadForOptional']>[0];

/** The LL(k) strategy with every decision function built on first use. */
export class LazyLookaheadStrategy implements ILookaheadStrategy {
  private readonly llk: ILookaheadStrategy;

  constructor(maxLookahead: number) {
    this.llk = new LLkLookaheadStrategy({ maxLookahead });
  }

  validate(options: Parameters<ILookaheadStrategy['validate']>[0]): ReturnType<ILookaheadStrategy['validate']> {
    return this.llk.validate(options);
  }

  initialize(options: { rules: Parameters<ILookaheadStrategy['validate']>[0]['rules'] }): void {
    this.llk.initialize?.(options);
  }

  buildLookaheadForAlternation(options: AlternationOptions): (orAlts?: IOrAlt<unknown>[]) => number | undefined {
    const llk = this.llk;
    let decide: ((orAlts?: IOrAlt<unknown>[]) => number | undefined) | undefined;
    // Chevrotain calls decision functions with the parser as `this`, which the LL(k) ones read tokens from.
    return function (this: unknown, orAlts) {
      const real = (decide ??= llk.buildLookaheadForAlternation(options));
      return real.call(this, orAlts);
    };
  }

  buildLookaheadForOptional(options: OptionalOptions): () => boolean {
    const llk = this.llk;
    let decide: (() => boolean) | undefined;
    return function (this: unknown) {
      const real = (decide ??= llk.buildLookaheadForOptional(options));
      return real.call(this);
    };
  }
}
