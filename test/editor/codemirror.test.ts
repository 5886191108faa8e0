/**
 * The CodeMirror adapters without a browser: the completion source on an
 * EditorState, and the extension bundle's shape. The view-level parts (lint
 * squiggles, hover tooltips, highlighting marks) are exercised in a real
 * browser by test/e2e/playground.test.ts.
 */
import { CompletionContext } from '@codemirror/autocomplete';
import { EditorState } from '@codemirror/state';
import { describe, expect, it } from 'vitest';
import { defineCatalogue } from '../../src/catalogue/define.js';
import type { Catalogue } from '../../src/catalogue/types.js';
import { ahrefsWhere, completionSource } from '../../src/codemirror/index.js';

function completeAt(doc: string, pos = doc.length, explicit = true, catalogue?: Catalogue) {
  const state = EditorState.create({ doc, extensions: ahrefsWhere() });
  return completionSource(catalogue ? { catalogue } : {})(new CompletionContext(state, pos, explicit));
}

describe('CodeMirror completion source', () => {
  it('returns the service items with the range they replace', () => {
    const r = completeAt('DR >= 50 and link_type = ');
    expect(r).not.toBeNull();
    const result = r as Exclude<typeof r, null | Promise<unknown>>;
    expect(result.from).toBe(25);
    expect(result.options.map((o) => o.label)).toContain('image');
    const word = completeAt('DR >= 50 and is_dofo', 20) as typeof result;
    expect(word.from).toBe(13);
    expect(word.options[0]!.label).toBe('is_dofollow');
    expect(word.options[0]!.type).toBe('property');
  });

  it('stays quiet when not asked and nothing is being typed after a finished token', () => {
    expect(completeAt('DR >= 50)', 9, false)).toBeNull();
  });

  it('uses the given catalogue', () => {
    const catalogue = defineCatalogue({ name: 't/shop', columns: { price: { type: 'float', nullable: false } } });
    const r = completeAt('pr', 2, true, catalogue) as unknown as { options: { label: string }[] };
    expect(r.options.map((o) => o.label)).toEqual(['price', 'uppercase']); // `uppercase(` fuzzily matches "pr" too
  });

  it('registers # as the line comment token', () => {
    const state = EditorState.create({ doc: 'DR > 5', extensions: ahrefsWhere() });
    expect(state.languageDataAt<{ line: string }>('commentTokens', 0)).toEqual([{ line: '#' }]);
    expect(state.languageDataAt('autocomplete', 0)).toHaveLength(1);
  });
});
