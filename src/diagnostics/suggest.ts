/**
 * "Did you mean" candidates: the closest names by edit distance, so that a
 * typo such as `domain_ratng_source` points at `domain_rating_source`.
 */

/** Optimal string alignment distance (Levenshtein plus adjacent transpositions), case-insensitive. */
export function editDistance(a: string, b: string): number {
  const s = a.toLowerCase();
  const t = b.toLowerCase();
  if (s === t) return 0;
  const n = s.length;
  const m = t.length;
  if (n === 0) return m;
  if (m === 0) return n;
  let prevPrev = new Array<number>(m + 1).fill(0);
  let prev = Array.from({ length: m + 1 }, (_, j) => j);
  let cur = new Array<number>(m + 1).fill(0);
  for (let i = 1; i <= n; i++) {
    cur[0] = i;
    for (let j = 1; j <= m; j++) {
      const cost = s[i - 1] === t[j - 1] ? 0 : 1;
      let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && s[i - 1] === t[j - 2] && s[i - 2] === t[j - 1]) v = Math.min(v, prevPrev[j - 2]! + 1);
      cur[j] = v;
    }
    [prevPrev, prev, cur] = [prev, cur, prevPrev];
  }
  return prev[m]!;
}

/**
 * The candidates closest to `input`, best first: at most `limit`, and only
 * those within a distance that still reads as a typo (about a third of the
 * word). A candidate that contains the input (or is contained in it) also
 * counts, so `rating` suggests `domain_rating_source`.
 */
export function suggestNames(input: string, candidates: Iterable<string>, limit = 3): string[] {
  const needle = input.toLowerCase();
  if (needle.length === 0) return [];
  const maxDistance = Math.max(1, Math.floor(needle.length / 3));
  const scored: { name: string; score: number }[] = [];
  for (const name of candidates) {
    const lower = name.toLowerCase();
    const d = editDistance(needle, lower);
    if (d <= maxDistance) scored.push({ name, score: d });
    // Containment counts only for words long enough to mean something (not `UR` inside `source`).
    else if (needle.length >= 3 && (lower.includes(needle) || (lower.length >= 4 && needle.includes(lower)))) scored.push({ name, score: maxDistance + 1 });
  }
  scored.sort((a, b) => a.score - b.score || a.name.length - b.name.length || (a.name < b.name ? -1 : 1));
  return scored.slice(0, limit).map((s) => s.name);
}
