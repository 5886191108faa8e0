/**
 * The analysis's safety bound.
 *
 * The analysis costs about N log N in the N intervals (or enum values) of the
 * conditions it compares: it groups operands by column within one `and` /
 * `or` and compares only within a group, by sorting and merging intervals
 * (./sets.ts) and by one sweep per group for implied operands (./cover.ts);
 * repeated operands are found by hashing. So filters of thousands of
 * conditions are judged in full. The bound below is only for pathological
 * trees built in code (text is limited by the parser's maxLength first).
 */

/**
 * The most intervals (each `=`, range or `in (…)` value counts one; a `!=`
 * two) that the operands on one column in one `and` / `or` may hold to be
 * judged together. A larger group is not judged as a group (its operands
 * still are, one by one), `simplify` leaves it as written, and the checker
 * says so with an `analysis-limited` info diagnostic: never silently.
 * Documented in docs/diagnostics.md.
 */
export const MAX_GROUP_SIZE = 20_000;
