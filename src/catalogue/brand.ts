/**
 * The catalogues this library built (by `loadCatalogue` / `defineCatalogue`),
 * and those it has checked once: the entry points accept any object of the
 * {@link Catalogue} shape, but verify the shape only the first time they see
 * an object. No imports, so that every catalogue module can use it without an
 * import cycle.
 */
import type { Catalogue } from './types.js';

const known = new WeakSet<object>();

/** Records a catalogue as well-formed (built here, or checked once). */
export function markCatalogue(catalogue: Catalogue): Catalogue {
  known.add(catalogue);
  return catalogue;
}

/** True for a catalogue recorded by {@link markCatalogue}. */
export function isKnownCatalogue(value: unknown): value is Catalogue {
  return typeof value === 'object' && value !== null && known.has(value);
}
