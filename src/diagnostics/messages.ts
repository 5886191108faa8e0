/**
 * Filling in the words of a diagnostic: each code's message templates, with
 * named arguments (`{column}`), are in the code table (./codes.ts), and call
 * sites pass the arguments only, as TypeScript's `diagnosticMessages.json`
 * does. So one problem has one wording wherever it is found, and the wording
 * can be read (and reviewed) in one place, beside its code.
 *
 * The argument names of a template are checked at compile time: a call that
 * forgets one, or passes one the template does not use, does not type-check.
 */
import { DIAGNOSTIC_CODES, type DiagnosticCode } from './codes.js';
import { diagnostic, type Diagnostic, type Location, type Suggestion } from './diagnostic.js';

/** The templates of each code, by variant name: the `messages` of the code table. */
type Messages = { readonly [C in DiagnosticCode]: (typeof DIAGNOSTIC_CODES)[C]['messages'] };

/** The codes that have templates. */
export type TemplatedCode = { [C in DiagnosticCode]: keyof Messages[C] extends never ? never : C }[DiagnosticCode];

/** The variants of a code's templates. */
export type MessageVariant<C extends TemplatedCode> = keyof Messages[C] & string;

/** The `{name}` placeholders of a template, as a union of names. */
type Placeholders<T extends string> = T extends `${string}{${infer Name}}${infer Rest}`
  ? (IsName<Name> extends true ? Name : never) | Placeholders<Rest>
  : never;

/** True for a placeholder name (letters only, like {@link PLACEHOLDER}): JSON in a template (`{"all": …}`) is text, not an argument. */
type IsName<N extends string> = N extends '' ? false : N extends `${string}${' ' | '"' | ':' | '…' | '{' | '.' | ','}${string}` ? false : true;

/** The arguments a template takes. */
export type MessageArgs<C extends TemplatedCode, V extends MessageVariant<C>> =
  Messages[C][V] extends infer T extends string ? { readonly [K in Placeholders<T>]: string | number } : never;

const PLACEHOLDER = /\{([A-Za-z]+)\}/g;

/** Fills a template. A missing argument is a programming error the types already rule out; it prints as `{name}`. */
export function formatMessage<C extends TemplatedCode, V extends MessageVariant<C>>(code: C, variant: V, args: MessageArgs<C, V>): string {
  const template = (DIAGNOSTIC_CODES[code].messages as Readonly<Record<string, string>>)[variant]!;
  const values = args as Readonly<Record<string, string | number>>;
  return template.replace(PLACEHOLDER, (whole, name: string) => (Object.hasOwn(values, name) ? String(values[name]) : whole));
}

/**
 * Builds a diagnostic from its code, template variant and arguments: the one
 * way stages report problems.
 *
 * @example
 * report('nesting-too-deep', 'default', { limit: 128 }, { range });
 */
export function report<C extends TemplatedCode, V extends MessageVariant<C>>(
  code: C,
  variant: V,
  args: MessageArgs<C, V>,
  location: Location = {},
  suggestions?: readonly Suggestion[],
): Diagnostic {
  return diagnostic(code, formatMessage(code, variant, args), location, suggestions);
}
