/**
 * Validation of the options of every entry point. A wrong option must be a
 * clear error, never a silent change of meaning: `maxLength: NaN` would
 * switch the length limit off (every comparison with NaN is false),
 * `maxListLength: 'abc'` would refuse every list, `indent: '# x'` would turn
 * formatted code into a comment.
 */
import type { Catalogue } from '../catalogue/types.js';
import { allBacklinks } from '../catalogue/builtin.js';
import { isKnownCatalogue } from '../catalogue/brand.js';
import { catalogueOption } from '../catalogue/option.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { report } from '../diagnostics/messages.js';
import { describeValue } from '../vocabulary/index.js';

/**
 * The largest accepted `maxDepth`. Every stage walks the boolean tree, some of
 * them recursively (within the limit they are given), so the depth limit is
 * what keeps them off the call stack's end. The parser, the deepest of them
 * (Chevrotain spends about 20 frames per level of parentheses), overflows
 * near 230 nested parentheses in a fresh Node process whose code is not yet
 * optimised; 160 leaves a margin for callers that are deep in their own stack.
 */
export const MAX_DEPTH_LIMIT = 160;

/** The limit options and what each accepts. */
const LIMITS = {
  maxLength: { min: 0, max: Number.MAX_SAFE_INTEGER },
  maxDepth: { min: 1, max: MAX_DEPTH_LIMIT },
  maxListLength: { min: 1, max: Number.MAX_SAFE_INTEGER },
  maxNodes: { min: 1, max: Number.MAX_SAFE_INTEGER },
} as const;

type LimitName = keyof typeof LIMITS;

/** Options after validation: the catalogue resolved, each limit a whole number in range or absent (the stage's default). */
export interface CheckedOptions {
  readonly catalogue: Catalogue;
  readonly maxLength: number | undefined;
  readonly maxDepth: number | undefined;
  readonly maxListLength: number | undefined;
  readonly maxNodes: number | undefined;
}

export type OptionsResult =
  | { readonly ok: true; readonly options: CheckedOptions; readonly diagnostics: readonly Diagnostic[] }
  | { readonly ok: false; readonly options: undefined; readonly diagnostics: readonly Diagnostic[] };

function invalid(name: string, allowed: string, value: unknown): Diagnostic {
  return report('invalid-option', 'value', { option: name, allowed, found: describeValue(value) });
}

function limit(name: LimitName, value: unknown, out: Diagnostic[]): number | undefined {
  if (value === undefined) return undefined;
  const { min, max } = LIMITS[name];
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    const range = max === Number.MAX_SAFE_INTEGER ? `≥ ${min}` : `from ${min} to ${max}`;
    out.push(invalid(name, `a whole number ${range}`, value));
    return undefined;
  }
  return value;
}

/** Reads an options argument as a record; a getter that throws is reported, not thrown. */
function read(options: unknown, keys: readonly string[], out: Diagnostic[]): Record<string, unknown> | undefined {
  if (options === undefined) return {};
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    out.push(report('invalid-option', 'not-object', { found: describeValue(options) }));
    return undefined;
  }
  const values: Record<string, unknown> = {};
  for (const key of keys) {
    try {
      values[key] = (options as Record<string, unknown>)[key];
    } catch (error) {
      out.push(report('invalid-option', 'unreadable', { option: key, reason: error instanceof Error ? error.message : String(error) }));
    }
  }
  return values;
}

/**
 * Validates the options every filter entry point reads (`catalogue`,
 * `maxLength`, `maxDepth`, `maxListLength`, `maxNodes`). Never throws; each bad
 * option is one `invalid-option` (or `unknown-catalogue`) diagnostic naming it
 * and what it accepts. Other keys are left to the entry points that read them.
 */
export function checkFilterOptions(options: unknown): OptionsResult {
  // The common cases without building anything: `evaluate` in a loop calls this for every row.
  if (options === undefined) return DEFAULT_OPTIONS;
  const fast = quick(options);
  if (fast) return fast;
  const out: Diagnostic[] = [];
  const values = read(options, ['catalogue', 'maxLength', 'maxDepth', 'maxListLength', 'maxNodes'], out);
  if (!values) return { ok: false, options: undefined, diagnostics: out };
  const resolved = catalogueOption(values['catalogue']);
  out.push(...resolved.diagnostics);
  const checked = {
    maxLength: limit('maxLength', values['maxLength'], out),
    maxDepth: limit('maxDepth', values['maxDepth'], out),
    maxListLength: limit('maxListLength', values['maxListLength'], out),
    maxNodes: limit('maxNodes', values['maxNodes'], out),
  };
  if (out.length > 0 || !resolved.catalogue) return { ok: false, options: undefined, diagnostics: out };
  return { ok: true, options: { catalogue: resolved.catalogue, ...checked }, diagnostics: [] };
}

const DEFAULT_OPTIONS: OptionsResult = Object.freeze({
  ok: true,
  options: Object.freeze({ catalogue: allBacklinks, maxLength: undefined, maxDepth: undefined, maxListLength: undefined, maxNodes: undefined }),
  diagnostics: Object.freeze([]) as readonly Diagnostic[],
});

const inRange = (name: LimitName, value: unknown): boolean =>
  value === undefined || (typeof value === 'number' && Number.isInteger(value) && value >= LIMITS[name].min && value <= LIMITS[name].max);

/**
 * The result for a plain options object whose values are all valid and whose
 * catalogue is known, or undefined (the full check then says what is wrong).
 * Reads each option once; a throwing getter falls through to the full check.
 */
function quick(options: unknown): OptionsResult | undefined {
  if (typeof options !== 'object' || options === null || Array.isArray(options)) return undefined;
  try {
    const o = options as Record<string, unknown>;
    const catalogue = o['catalogue'];
    const resolved = catalogue === undefined ? allBacklinks : isKnownCatalogue(catalogue) ? catalogue : undefined;
    const { maxLength, maxDepth, maxListLength, maxNodes } = o;
    if (!resolved || !inRange('maxLength', maxLength) || !inRange('maxDepth', maxDepth) || !inRange('maxListLength', maxListLength) || !inRange('maxNodes', maxNodes)) {
      return undefined;
    }
    return {
      ok: true,
      options: { catalogue: resolved, maxLength, maxDepth, maxListLength, maxNodes } as CheckedOptions,
      diagnostics: DEFAULT_OPTIONS.diagnostics,
    };
  } catch { // expected: a getter that throws; the full check below reads the options again and reports it
    return undefined;
  }
}

/** An indentation made of spaces and tabs only, so that it can never start a comment or a token. */
const INDENT = /^[ \t]{0,16}$/;

/**
 * Validates the layout options of `format` and `decompile` (`lineWidth`,
 * `indent`). Never throws.
 */
export function checkFormatOptions(options: unknown): Diagnostic[] {
  const out: Diagnostic[] = [];
  const values = read(options, ['lineWidth', 'indent'], out);
  if (!values) return out;
  const width = values['lineWidth'];
  if (width !== undefined && !(typeof width === 'number' && Number.isInteger(width) && width >= 1 && width <= Number.MAX_SAFE_INTEGER)) {
    out.push(invalid('lineWidth', 'a whole number ≥ 1', width));
  }
  const indent = values['indent'];
  if (indent !== undefined && !(typeof indent === 'string' && INDENT.test(indent))) {
    out.push(invalid('indent', 'a string of at most 16 spaces and tabs', indent));
  }
  return out;
}
