/**
 * The editor's words come from the vocabulary (src/vocabulary): operator
 * labels from OPERATOR_TEXT, test words from TEST_KEYWORDS.
 */
import { describe, expect, it } from 'vitest';
import { OPERATORS, operatorInfo } from '../../src/editor/operators.js';
import { classify, hover } from '../../src/editor/index.js';
import { COMPARE_OPS, OPERATOR_TEXT, TEST_KEYWORDS } from '../../src/vocabulary/index.js';

describe('editor vocabulary', () => {
  it('offers every comparison operator under its vocabulary spelling, with its JSON name', () => {
    for (const op of COMPARE_OPS) {
      const info = operatorInfo(OPERATOR_TEXT[op]);
      expect(info, op).toBeDefined();
      expect(info!.json).toBe(`["${op}", v]`);
    }
    // Nothing else spells a comparison: every other label is in/between/is or a `not` form.
    const texts = new Set(Object.values(OPERATOR_TEXT));
    for (const o of OPERATORS) if (!texts.has(o.label)) expect(o.label).toMatch(/^(not |is )|^(in|between)$/);
  });

  it('highlights every test keyword as an operator in a test, and hovers it as part of the test', () => {
    for (const word of TEST_KEYWORDS) {
      if (word === 'null') continue; // `null` has a class of its own
      const text = `anchor ${word}`;
      expect(classify(text)[1]!.class, word).toBe('operator');
    }
    // `not` is a test word only after a column; before an operand it negates.
    expect(hover('anchor not contains "x"', 8)?.contents).toMatch(/^\*\*not contains\*\*/);
    expect(hover('not is_spam', 1)?.contents).toMatch(/^\*\*not\*\*: Negates/);
  });
});
