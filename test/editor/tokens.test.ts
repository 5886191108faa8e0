/**
 * The editor reads text with the compiler's own lexer (src/editor/tokens.ts
 * over the syntax stage's tokenStream): tests of the cases where the old
 * hand-written scanner read text differently from the parser.
 */
import { describe, expect, it } from 'vitest';
import { classify, complete, hover } from '../../src/editor/index.js';
import { scan } from '../../src/editor/tokens.js';

describe('editor tokens', () => {
  it('takes a lone surrogate as one unknown character, not two', () => {
    expect(scan('\ud800DR >= 5').map((t) => [t.kind, t.text])).toEqual([['unknown', '\ud800'], ['identifier', 'DR'], ['operator', '>='], ['number', '5']]);
    expect(scan('\udbffx').map((t) => t.kind)).toEqual(['unknown', 'identifier']);
    expect(classify('\ud800DR').map((t) => t.class)).toEqual(['invalid', 'column']);
  });

  it('says why a character is unknown', () => {
    const [bad] = scan('@');
    expect(bad).toMatchObject({ kind: 'unknown', text: '@' });
    expect(bad!.reason).toContain('U+0040');
  });

  it('decodes a backtick name with the parser\'s escapes', () => {
    expect(scan('`a\\nb`')[0]).toMatchObject({ kind: 'identifier', quoted: true, terminated: true, text: 'a\nb' });
    expect(scan('`a\\u0062`')[0]).toMatchObject({ text: 'ab' });
    // The name the hover resolves is the one the checker resolves.
    expect(hover('`domain_rating\\u005fsource` > 5', 1)?.contents).toContain('**domain_rating_source**');
  });

  it('lower-cases keywords and keeps every other token as written', () => {
    expect(scan('DR >= 5 AND Not x').map((t) => t.text)).toEqual(['DR', '>=', '5', 'and', 'not', 'x']);
    expect(complete('DR >= 5 AND ', 12).some((i) => i.label === 'domain_rating_source')).toBe(true);
  });
});
