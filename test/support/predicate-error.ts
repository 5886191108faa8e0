/**
 * The diagnostics a `PredicateError` carries, for tests of the entry points
 * that throw one (`predicate`, `evaluate`, `explain`): empty when `run` does
 * not throw, and a failed expectation when it throws anything else.
 */
import { expect } from 'vitest';
import { PredicateError } from '../../src/api/predicate.js';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';

export function thrown(run: () => unknown): readonly Diagnostic[] {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(PredicateError);
    return (error as PredicateError).diagnostics;
  }
  return [];
}
