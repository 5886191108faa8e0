/**
 * The one place that decides how many runs a property gets, so that
 * `npm run test:deep` (`DEEP=1`) multiplies every law by 100 at once, and the
 * one fixed seed that makes CI runs reproducible. A failure prints its seed
 * and path; re-run with them to replay it.
 */

/** True under `npm run test:deep`. */
export const DEEP = process.env.DEEP === '1';

/** The run count for a property: `base`, or 100 × `base` when `DEEP=1`. */
export function numRuns(base: number): number {
  return DEEP ? base * 100 : base;
}

/** The fixed seed of every law (override with `SEED=…` to explore). */
export const SEED = process.env.SEED !== undefined ? Number(process.env.SEED) : 20240501;

/** fast-check parameters: the fixed seed and {@link numRuns}. */
export function runs(base: number): { seed: number; numRuns: number } {
  return { seed: SEED, numRuns: numRuns(base) };
}

/** Vitest timeout for a law: generous under DEEP, where runs are 100× longer. */
export function timeout(baseMs = 30_000): number {
  return DEEP ? baseMs * 100 : baseMs;
}
