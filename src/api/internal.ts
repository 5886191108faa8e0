/**
 * Internal failures as diagnostics. The entry points promise not to throw on
 * any input, and no stage may swallow an exception: a throw that escapes a
 * stage is a bug, reported as an `internal-error` diagnostic carrying the
 * error's name and message (so the caller can report it), never dropped.
 */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { report } from '../diagnostics/messages.js';
import { errorText } from '../vocabulary/index.js';

export { errorText };

/** The `internal-error` diagnostic for an exception that escaped `stage`. */
export function internalError(stage: string, error: unknown): Diagnostic {
  return report('internal-error', 'stage', { stage, error: errorText(error) });
}
