/**
 * The build's JSON data as `JSON.parse('…')` (scripts/json-as-parse.ts): the
 * module it writes evaluates to exactly the JSON's value, for the real
 * catalogue data and for strings holding what a single-quoted JS literal must
 * escape (quotes, backslashes, line and paragraph separators, newlines,
 * control characters, astral characters).
 */
import { readFileSync, readdirSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonParseModule } from '../../scripts/json-as-parse.js';

const DATA = new URL('../../src/catalogue/data/', import.meta.url);

/** The value the module's `export default` evaluates to. */
function valueOf(module: string): unknown {
  const prefix = 'export default ';
  expect(module.startsWith(prefix)).toBe(true);
  return new Function(`return ${module.slice(prefix.length)}`)();
}

describe('JSON data bundled as JSON.parse', () => {
  it('gives the value of every data file', () => {
    const files = readdirSync(DATA).filter((f) => f.endsWith('.json'));
    expect(files.length).toBeGreaterThanOrEqual(2);
    for (const file of files) {
      const text = readFileSync(new URL(file, DATA), 'utf8');
      expect(valueOf(jsonParseModule(text))).toEqual(JSON.parse(text));
    }
  });

  it('escapes what a single-quoted literal must', () => {
    const tricky = fc.oneof(fc.string({ unit: 'binary' }), fc.constantFrom("'", '\\', "\\'", '\u2028', '\u2029', '\n', '\r\n', '\0', '`${x}`', '"\''));
    fc.assert(
      fc.property(fc.array(tricky), fc.dictionary(tricky, tricky), (list, object) => {
        const value = { list, object };
        expect(valueOf(jsonParseModule(JSON.stringify(value)))).toEqual(JSON.parse(JSON.stringify(value)));
      }),
      { seed: 1202, numRuns: 500 },
    );
  });
});
