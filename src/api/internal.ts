/**
 * Internal failures as diagnostics. The entry points promise not to throw on
 * any input, and no stage may swallow an exception: a throw that escapes a
 * stage is a bug, reported as an `internal-error` diagnostic carrying the
 * error's name and message (so the caller can report it), never dropped.
 */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { report } from '../diagnostics/messages.js';

/** The text of a thrown value; never throws itself (a value's own toString may). */
export function errorText(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  try {
    return String(error);
  } catch (inner) {
    return `a thrown value that cannot be printed (${inner instanceof Error ? inner.message : typeof inner})`;
  }
}

/** The `internal-error` diagnostic for an exception that escaped `stage`. */
export function internalError(stage: string, error: unknown): Diagnostic {
  return report('internal-error', 'stage', { stage, error: errorText(error) });
}
