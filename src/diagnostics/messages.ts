/**
 * Filling in the words of a diagnostic: each code's message templates, with
 * named arguments (`{column}`), are in the code tables (./codes.ts), and call
 * sites pass the arguments only, as TypeScript's `diagnosticMessages.json`
 * does. So one problem has one wording wherever it is found, and the wording
 * can be read (and reviewed) in one place, beside its code.
 *
 * Each part of the library reports through the function of its own table
 * ({@link report} for the filter's codes, {@link reportJsonInput} for
 * decompile's, …), so that a bundle holds the words of the codes it can
 * report and no others (issue 11, size).
 *
 * The argument names of a template are checked at compile time: a call that
 * forgets one, or passes one the template does not use, does not type-check.
 */
import {
  CATALOGUE_CODES,
  EDITOR_CODES,
  FILTER_CODES,
  JSON_INPUT_CODES,
  REQUEST_CODES,
  SQL_CODES,
  type CodeTable,
  type DIAGNOSTIC_CODES,
  type DiagnosticCode,
} from './codes.js';
import { diagnosticWith, type Diagnostic, type Location, type Suggestion } from './diagnostic.js';

/** The codes of a table that have templates. */
type TemplatedIn<T extends CodeTable> = { [C in keyof T & string]: keyof T[C]['messages'] extends never ? never : C }[keyof T & string];

/** The variants of a code's templates. */
type VariantIn<T extends CodeTable, C extends keyof T> = keyof T[C]['messages'] & string;

/** The `{name}` placeholders of a template, as a union of names. */
type Placeholders<T extends string> = T extends `${string}{${infer Name}}${infer Rest}`
  ? (IsName<Name> extends true ? Name : never) | Placeholders<Rest>
  : never;

/** True for a placeholder name (letters only, like {@link PLACEHOLDER}): JSON in a template (`{"all": …}`) is text, not an argument. */
type IsName<N extends string> = N extends '' ? false : N extends `${string}${' ' | '"' | ':' | '…' | '{' | '.' | ','}${string}` ? false : true;

/** The arguments a template takes. */
type ArgsIn<T extends CodeTable, C extends keyof T, V extends string> =
  T[C]['messages'][V] extends infer S extends string ? { readonly [K in Placeholders<S>]: string | number } : never;

/** Every code that has templates, in any table. */
export type TemplatedCode = TemplatedIn<typeof DIAGNOSTIC_CODES>;
/** The variants of a code's templates. */
export type MessageVariant<C extends TemplatedCode> = VariantIn<typeof DIAGNOSTIC_CODES, C>;
/** The arguments of a code's template. */
export type MessageArgs<C extends TemplatedCode, V extends MessageVariant<C>> = ArgsIn<typeof DIAGNOSTIC_CODES, C, V>;

/** Fills in the template of one table's code. */
type Formatter<T extends CodeTable> = <C extends TemplatedIn<T>, V extends VariantIn<T, C>>(code: C, variant: V, args: ArgsIn<T, C, V>) => string;

/** Builds a diagnostic from one table's code, template variant and arguments. */
type Reporter<T extends CodeTable> = <C extends TemplatedIn<T>, V extends VariantIn<T, C>>(
  code: C,
  variant: V,
  args: ArgsIn<T, C, V>,
  location?: Location,
  suggestions?: readonly Suggestion[],
) => Diagnostic;

const PLACEHOLDER = /\{([A-Za-z]+)\}/g;

/** Fills a template. A missing argument is a programming error the types already rule out; it prints as `{name}`. */
function fill(table: CodeTable, code: string, variant: string, args: object): string {
  const values = args as Readonly<Record<string, string | number>>;
  return table[code]!.messages[variant]!.replace(PLACEHOLDER, (whole, name: string) => (Object.hasOwn(values, name) ? String(values[name]) : whole));
}

function build(table: CodeTable, code: string, variant: string, args: object, location?: Location, suggestions?: readonly Suggestion[]): Diagnostic {
  return diagnosticWith(code as DiagnosticCode, table[code]!.severity, fill(table, code, variant, args), location, suggestions);
}

/** Fills in the template of a filter code (a code of `FILTER_CODES`). */
export const formatMessage: Formatter<typeof FILTER_CODES> = (code, variant, args) => fill(FILTER_CODES, code, variant, args);

/**
 * Builds a diagnostic from its code, template variant and arguments: the one
 * way stages report problems. `report` takes the filter's codes; the other
 * tables have their own function below.
 *
 * @example
 * report('nesting-too-deep', 'default', { limit: 128 }, { range });
 */
export const report: Reporter<typeof FILTER_CODES> = (code, variant, args, location, suggestions) => build(FILTER_CODES, code, variant, args, location, suggestions);

/** {@link formatMessage} for the codes of reading `where` JSON. */
export const formatJsonInput: Formatter<typeof JSON_INPUT_CODES> = (code, variant, args) => fill(JSON_INPUT_CODES, code, variant, args);
/** {@link report} for the codes of reading `where` JSON. */
export const reportJsonInput: Reporter<typeof JSON_INPUT_CODES> = (code, variant, args, location, suggestions) => build(JSON_INPUT_CODES, code, variant, args, location, suggestions);
/** {@link report} for the codes of catalogue definitions. */
export const reportCatalogue: Reporter<typeof CATALOGUE_CODES> = (code, variant, args, location, suggestions) => build(CATALOGUE_CODES, code, variant, args, location, suggestions);
/** {@link report} for the language service's codes. */
export const reportEditor: Reporter<typeof EDITOR_CODES> = (code, variant, args, location, suggestions) => build(EDITOR_CODES, code, variant, args, location, suggestions);
/** {@link report} for the SQL back end's codes. */
export const reportSql: Reporter<typeof SQL_CODES> = (code, variant, args, location, suggestions) => build(SQL_CODES, code, variant, args, location, suggestions);
/** {@link formatMessage} for the codes of a request's cost. */
export const formatRequest: Formatter<typeof REQUEST_CODES> = (code, variant, args) => fill(REQUEST_CODES, code, variant, args);
/** {@link report} for the codes of a request's cost. */
export const reportRequest: Reporter<typeof REQUEST_CODES> = (code, variant, args, location, suggestions) => build(REQUEST_CODES, code, variant, args, location, suggestions);
