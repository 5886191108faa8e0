/**
 * No stage swallows an exception (issue 8, item 6): a stage that throws
 * where it should not gives an `internal-error` diagnostic carrying the
 * error's message, from every entry point, never a silent partial result
 * and never an exception other than the documented PredicateError.
 */
import { describe, expect, it } from 'vitest';
import { check, compile, decompile } from '../../src/api/compile.js';
import { PredicateError, evaluate, explain, predicate } from '../../src/api/predicate.js';
import { allBacklinks } from '../../src/catalogue/builtin.js';
import type { Catalogue } from '../../src/catalogue/types.js';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';

/** A catalogue of the right shape whose column lookup fails: the checker throws inside its walk. */
function failingLookup(message: string): Catalogue {
  const byName = { get: () => { throw new TypeError(message); }, has: () => false };
  return { ...allBacklinks, byName: byName as unknown as Catalogue['byName'] };
}

/** A catalogue whose regex dialect can be read once (the shape check), then fails. */
function failingDialect(message: string): Catalogue {
  let reads = 0;
  return Object.defineProperty({ ...allBacklinks }, 'regexDialect', {
    get() {
      if (reads++ > 0) throw new Error(message);
      return 're2';
    },
  }) as Catalogue;
}

function diagnosticsOf(run: () => unknown): readonly Diagnostic[] {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(PredicateError);
    return (error as PredicateError).diagnostics;
  }
  throw new Error('expected a PredicateError');
}

describe('internal failures become internal-error diagnostics', () => {
  it('in the checker, from every entry point', () => {
    const entries: Record<string, (c: Catalogue) => readonly Diagnostic[]> = {
      compile: (c) => compile('DR > 5', { catalogue: c }).diagnostics,
      'compile (tree)': (c) => compile({ kind: 'condition', field: { name: 'anchor' }, test: { kind: 'null' } }, { catalogue: c }).diagnostics,
      check: (c) => check('DR > 5', { catalogue: c }),
      decompile: (c) => decompile('{"field":"is_dofollow","is":["eq",true]}', { catalogue: c }).diagnostics,
      predicate: (c) => diagnosticsOf(() => predicate('DR > 5', { catalogue: c })),
      evaluate: (c) => diagnosticsOf(() => evaluate('DR > 5', {}, { catalogue: c })),
      explain: (c) => diagnosticsOf(() => explain('DR > 5', {}, { catalogue: c })),
    };
    for (const [entry, run] of Object.entries(entries)) {
      const message = `lookup failed in ${entry}`;
      const ds = run(failingLookup(message));
      const internal = ds.filter((d) => d.code === 'internal-error');
      expect(internal, entry).toHaveLength(1);
      expect(internal[0]!.message).toContain(`TypeError: ${message}`);
      expect(internal[0]!.severity).toBe('error');
    }
    expect(compile('DR > 5', { catalogue: failingLookup('x') })).toMatchObject({ ok: false, json: undefined, where: undefined });
  });

  it('in the predicate compiler: a PredicateError carrying the diagnostic, not the raw error', () => {
    const ds = diagnosticsOf(() => predicate('anchor matches /a+/', { catalogue: failingDialect('dialect unreadable') }));
    expect(ds).toMatchObject([{ code: 'internal-error', message: expect.stringContaining('Error: dialect unreadable') }]);
  });

  it('a thrown non-Error value is described, even one whose toString throws', () => {
    const weird = { toString() { throw new Error('no string'); } };
    const byName = { get: () => { throw weird; } };
    const ds = check('DR > 5', { catalogue: { ...allBacklinks, byName: byName as unknown as Catalogue['byName'] } });
    expect(ds).toMatchObject([{ code: 'internal-error', message: expect.stringContaining('cannot be printed') }]);
  });
});
