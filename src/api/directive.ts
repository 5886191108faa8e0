/**
 * The endpoint directive: a comment on the first line of a filter,
 * `# endpoint: keywords-explorer/overview`, that says which endpoint's
 * catalogue the rest of the text is written for. To the language it is an
 * ordinary comment (the parser skips it, the formatter keeps it as the first
 * line); the tools around the compiler read it so that one file carries its
 * endpoint with it: the CLI, the language server and the playground all call
 * {@link readEndpointDirective}, so they agree on what is a directive.
 * Its name resolves as the `catalogue` option does: endpoints other than
 * all-backlinks once `ahrefs-where/catalogues` is imported (the CLI and the
 * language service load them), else `catalogue-not-loaded`.
 */
import type { SourceRange } from '../ast/index.js';
import { catalogueOption, type Catalogue } from '../catalogue/index.js';
import { report, type Diagnostic, type Suggestion } from '../diagnostics/index.js';

/** A directive found on the first line of a text, and what its name resolves to. */
export interface EndpointDirective {
  /** The endpoint's name as written, without the spaces around it (`''` when the line names none). */
  readonly name: string;
  /** Where the name is (the whole comment when it names none): replace this range to change the endpoint. */
  readonly range: SourceRange;
  /** The catalogue of the named endpoint; undefined when no built-in endpoint has that name. */
  readonly catalogue: Catalogue | undefined;
  /** Empty when `catalogue` is set; else one error on `range`: `unknown-catalogue` with the closest names as suggestions, or `catalogue-not-loaded`. */
  readonly diagnostics: readonly Diagnostic[];
}

/**
 * `#`, the word `endpoint` (any case), `:`, then the name up to the end of the line.
 * Spaces and tabs may stand around each part; only the first line counts.
 */
const DIRECTIVE = /^(\uFEFF?[ \t]*#[ \t]*endpoint[ \t]*:[ \t]*)([^\r\n]*)/i;

function at(offset: number): SourceRange['start'] {
  // The directive is on the first line, so the column is the offset + 1.
  return { offset, line: 1, column: offset + 1 };
}

/**
 * Reads the endpoint directive on the first line of `text`
 * (`# endpoint: site-explorer/organic-keywords`), or returns undefined when
 * the first line is not one (text that is not a string has none). The name
 * is resolved as the `catalogue` option is: built-in endpoint names, their
 * `/v3/…` paths and the snake-case keys of where-fields.json. An unknown
 * name gives an `unknown-catalogue` diagnostic on the name, whose
 * suggestions (replacements of that range) are the closest names. Never
 * throws.
 *
 * Tools that also take a catalogue from elsewhere decide which wins: the CLI
 * lets an explicit `--catalogue` win over the directive, the language server
 * lets the directive win over its settings.
 *
 * @example
 * readEndpointDirective('# endpoint: keywords-explorer/overview\nvolume > 1000')?.catalogue?.name; // 'keywords-explorer/overview'
 * readEndpointDirective('# endpoint: keywords-explorer/overveiw\nvolume > 1000')?.diagnostics[0]?.message;
 * // 'No built-in catalogue is named "keywords-explorer/overveiw"; did you mean "keywords-explorer/overview"?'
 */
export function readEndpointDirective(text: string): EndpointDirective | undefined {
  if (typeof text !== 'string') return undefined;
  const match = DIRECTIVE.exec(text);
  if (!match) return undefined;
  const prefix = match[1]!;
  const written = match[2]!;
  const name = written.trim();
  if (name === '') {
    // Nothing to resolve: point at the whole comment, which a fix cannot guess.
    const start = prefix.startsWith('\uFEFF') ? 1 : 0;
    const range = { start: at(start), end: at(prefix.length + written.length) };
    return { name, range, catalogue: undefined, diagnostics: [report('unknown-catalogue', 'directive', {}, { range })] };
  }
  const start = prefix.length + (written.length - written.trimStart().length);
  const range = { start: at(start), end: at(start + name.length) };
  const resolved = catalogueOption(name);
  if (resolved.catalogue) return { name, range, catalogue: resolved.catalogue, diagnostics: [] };
  const diagnostics = resolved.diagnostics.map((d) => {
    const suggestions: Suggestion[] | undefined = d.suggestions?.map((s) => ({ ...s, range }));
    return { ...d, range, ...(suggestions ? { suggestions } : {}) };
  });
  return { name, range, catalogue: undefined, diagnostics };
}
