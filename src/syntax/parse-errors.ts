/**
 * The parser's error messages: what was expected, after what, and what was
 * found ("Expected a value after `>=`, found `and`."), from the
 * `unexpected-token` templates of src/diagnostics/messages.ts. The grammar
 * (src/syntax/parser.ts) names its alternatives with `ERR_MSG`, which arrives
 * here as `customUserDescription`.
 */
import { EOF, type IParserErrorMessageProvider, type IToken, type TokenType } from 'chevrotain';
import { formatMessage } from '../diagnostics/messages.js';

/** Describes a token for a message: its text in backticks, or "the end of the filter". */
export function describeFound(token: IToken | undefined): string {
  if (!token || token.tokenType === EOF || token.image === undefined || token.image === '') return 'the end of the filter';
  const image = token.image.length > 24 ? `${token.image.slice(0, 21)}…` : token.image;
  return `\`${image.replace(/`/g, "'")}\``;
}

/** The friendly name of what a token type stands for. */
function label(type: TokenType): string {
  if (type === EOF) return 'the end of the filter';
  return type.LABEL ?? type.name;
}

/** Lists alternatives as "a, b or c", without repeats. */
function oneOf(items: readonly string[]): string {
  const unique = [...new Set(items)];
  if (unique.length <= 1) return unique[0] ?? 'something else';
  return `${unique.slice(0, -1).join(', ')} or ${unique[unique.length - 1]}`;
}

function after(previous: IToken | undefined): string {
  if (!previous || previous.tokenType === EOF || !previous.image || Number.isNaN(previous.startOffset)) return '';
  return ` after ${describeFound(previous)}`;
}

/**
 * Messages that say what was expected, after what, and what was found:
 * "Expected a value after `>=`, found `and`." The grammar names its
 * alternatives with `ERR_MSG`, which arrives here as `customUserDescription`.
 */
export const errorMessageProvider: IParserErrorMessageProvider = {
  buildMismatchTokenMessage({ expected, actual, previous }) {
    return formatMessage('unexpected-token', 'expected', { expected: label(expected), after: after(previous), found: describeFound(actual) });
  },
  buildNotAllInputParsedMessage({ firstRedundant }) {
    return formatMessage('unexpected-token', 'trailing', { found: describeFound(firstRedundant) });
  },
  buildNoViableAltMessage({ expectedPathsPerAlt, actual, previous, customUserDescription }) {
    const expected = customUserDescription ?? oneOf(expectedPathsPerAlt.flatMap((alt) => alt.map((path) => (path[0] ? label(path[0]) : ''))));
    return formatMessage('unexpected-token', 'expected', { expected, after: after(previous), found: describeFound(actual[0]) });
  },
  buildEarlyExitMessage({ expectedIterationPaths, actual, previous, customUserDescription }) {
    const expected = customUserDescription ?? oneOf(expectedIterationPaths.map((path) => (path[0] ? label(path[0]) : '')));
    return formatMessage('unexpected-token', 'expected', { expected, after: after(previous), found: describeFound(actual[0]) });
  },
};
