/**
 * One ranking of names against what was typed, for "did you mean" and for
 * completion alike, so that a typo's suggestion is what completion would have
 * offered. A candidate scores by the best of: the same name ignoring case, a
 * prefix, word parts (`dr_source` → `domain_rating_source`: `dr` the initials
 * of `domain rating`, `source` a word; `urlFrom` → `url_from`), an edit
 * distance with transpositions (`anchr` → `anchor`), a typo in a prefix
 * (completion of `domian_r`), and, for completion only, a subsequence.
 * "Did you mean" keeps only scores that read as the same name misspelt, and
 * only those near the best, so that a wrong word gets nothing rather than
 * nonsense (`a` does not suggest `AR`, `dr_source` not `ip_source`).
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
 * Score tiers (higher is better). The gaps between them are what the
 * did-you-mean cut relies on: a structural match (prefix, words) beats a
 * whole-name typo of one edit only when it covers the name as well.
 */
const EXACT = 1000;
const SAME_IGNORING_CASE = 990;
const PREFIX = 800;
const WORDS = 600;
const TYPO = 700;
const PREFIX_TYPO = 600;
const SUBSEQUENCE = 300;
const LOOSE_SUBSEQUENCE = 100;
/** Each edit costs this much within word parts, a prefix or the whole name. */
const PER_EDIT = 150;

/** The least score "did you mean" accepts: one or two edits, a prefix or a word-parts match; never a bare subsequence. */
export const SUGGEST_THRESHOLD = 400;
/** "Did you mean" drops candidates this far below the best one: `is_dofolow` suggests `is_dofollow`, not also `is_nofollow`. */
const SUGGEST_MARGIN = 100;

/** Edits a typo may have and still read as the same word: none below 3 letters, one up to 5, two up to 9, then three. */
function maxEdits(length: number): number {
  return length < 3 ? 0 : length <= 5 ? 1 : length <= 9 ? 2 : 3;
}

/** Edits a single word part may have: stricter than for a whole name, as a word is a shorter context. */
function maxWordEdits(length: number): number {
  return length < 3 ? 0 : length < 8 ? 1 : 2;
}

/** Lower-case word parts: split at `_`, `-`, `/`, `.`, spaces and lower-to-upper case changes (`urlFrom`, `DR_source`). */
export function wordParts(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[\s_\-/.]+/)
    .filter((w) => w.length > 0);
}

/**
 * The word-parts match of `input` words against `candidate` words: every
 * input word in order matches a later candidate word (the same, a prefix of
 * it, a typo of it), or two or more consecutive candidate words by their
 * initials (`dr` → `domain rating`). Candidate words may be skipped. Returns
 * the best score, or 0 when some input word matches nothing.
 */
function wordsScore(input: readonly string[], candidate: readonly string[]): number {
  // Each input word takes at least one candidate word.
  if (input.length === 0 || input.length > candidate.length) return 0;
  const memo = new Map<number, number>();
  // best(i, j): the best (coverage · 200 − penalties) for input words from i on, candidate words from j on; -Infinity when impossible.
  const best = (i: number, j: number): number => {
    if (i === input.length) return 0;
    if (j >= candidate.length) return -Infinity;
    const key = i * (candidate.length + 1) + j;
    const known = memo.get(key);
    if (known !== undefined) return known;
    const word = input[i]!;
    const share = 200 / candidate.length;
    // Skipping a candidate word costs a little, so that matches anchored at the start rank first.
    let result = best(i, j + 1) - 10;
    const target = candidate[j]!;
    if (target === word) result = Math.max(result, share + best(i + 1, j + 1));
    else if (target.startsWith(word)) result = Math.max(result, share * (word.length / target.length) - 5 + best(i + 1, j + 1));
    // A typo within a word keeps its first letter (`dofolow` is `dofollow`, not `nofollow`): slips rarely hit it.
    else if (target[0] === word[0]) {
      const d = editDistance(word, target);
      if (d <= maxWordEdits(Math.min(word.length, target.length))) result = Math.max(result, share - d * PER_EDIT * 0.4 + best(i + 1, j + 1));
    }
    // Initials of k ≥ 2 consecutive words.
    if (word.length >= 2 && j + word.length <= candidate.length) {
      let initials = true;
      for (let k = 0; k < word.length && initials; k++) initials = candidate[j + k]![0] === word[k];
      if (initials) result = Math.max(result, share * word.length - 30 + best(i + 1, j + word.length));
    }
    memo.set(key, result);
    return result;
  };
  const value = best(0, 0);
  return value === -Infinity ? 0 : WORDS + value;
}

/** True when the letters of `needle` occur in `hay` in order. */
function isSubsequence(needle: string, hay: string): boolean {
  let j = 0;
  for (let i = 0; i < hay.length && j < needle.length; i++) if (hay[i] === needle[j]) j++;
  return j === needle.length;
}

/**
 * How well `candidate` matches what was typed (`input`): 0 when not at all,
 * else higher for better matches (exact 1000, same ignoring case 990,
 * prefix 800–900, word parts 600–800, whole-name typo 700 less 150 an edit,
 * prefix typo, subsequence 100–300). Case-insensitive apart from the exact
 * tier. An empty input matches everything equally (100).
 *
 * @example
 * matchScore('dr_source', 'domain_rating_source') > matchScore('dr_source', 'ip_source'); // true
 */
export function matchScore(input: string, candidate: string): number {
  if (input === candidate) return EXACT;
  if (input.length === 0) return LOOSE_SUBSEQUENCE;
  const needle = input.toLowerCase();
  const hay = candidate.toLowerCase();
  if (needle === hay) return SAME_IGNORING_CASE;
  let score = 0;
  if (hay.startsWith(needle)) score = PREFIX + Math.floor((100 * needle.length) / hay.length);
  const words = wordsScore(wordParts(input), wordParts(candidate));
  if (words > score) score = words;
  const edits = maxEdits(needle.length);
  if (edits > 0 && score < TYPO) {
    const d = Math.abs(needle.length - hay.length) <= edits ? editDistance(needle, hay) : Infinity;
    if (d <= edits) score = Math.max(score, TYPO - (d - 1) * PER_EDIT);
    // A typo in what is a prefix (completion of `domian_r`): compared with the candidate's start of about the same length.
    if (needle.length >= 4 && hay.length > needle.length) {
      let p = Infinity;
      for (const len of [needle.length - 1, needle.length, needle.length + 1]) p = Math.min(p, editDistance(needle, hay.slice(0, len)));
      const allowed = Math.min(edits, 2);
      if (p <= allowed) score = Math.max(score, PREFIX_TYPO - (p - 1) * PER_EDIT - 50);
    }
  }
  if (score === 0 && isSubsequence(needle, hay)) score = needle[0] === hay[0] ? SUBSEQUENCE : LOOSE_SUBSEQUENCE;
  return score;
}

/**
 * The candidates that read as what `input` meant, best first: at most
 * `limit`, each scoring at least {@link SUGGEST_THRESHOLD} and within a
 * margin of the best, so that a word like none of them gets nothing. Ties go
 * to the shorter, then the alphabetically first name.
 *
 * @example
 * suggestNames('domain_ratng', ['domain_rating', 'domain_rating_source', 'ip_source']); // ['domain_rating', 'domain_rating_source']
 */
export function suggestNames(input: string, candidates: Iterable<string>, limit = 3): string[] {
  // Two letters are too little to guess from (`a` is not `AR`, `is` not `is_new`): only the same name in another case.
  const short = input.trim().length < 3;
  const scored: { name: string; score: number }[] = [];
  const seen = new Set<string>();
  for (const name of candidates) {
    if (seen.has(name)) continue;
    seen.add(name);
    const score = matchScore(input, name);
    if (score >= (short ? SAME_IGNORING_CASE : SUGGEST_THRESHOLD)) scored.push({ name, score });
  }
  scored.sort((a, b) => b.score - a.score || a.name.length - b.name.length || (a.name < b.name ? -1 : 1));
  const top = scored[0]?.score ?? 0;
  return scored.filter((s) => s.score > top - SUGGEST_MARGIN).slice(0, limit).map((s) => s.name);
}

/**
 * Orders items by how well their label matches `input` (best first), keeping
 * the given order among equals, and drops those that do not match at all.
 * Completion's ordering: the same scorer as "did you mean", without its
 * threshold (a subsequence is a match while typing).
 */
export function rankByMatch<T>(input: string, items: readonly T[], label: (item: T) => string): T[] {
  if (input.length === 0) return [...items];
  return items
    .map((item, index) => ({ item, index, score: matchScore(input, label(item)) }))
    .filter((s) => s.score > 0)
    .sort((a, b) => b.score - a.score || a.index - b.index)
    .map((s) => s.item);
}
