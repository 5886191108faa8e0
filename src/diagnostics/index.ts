/**
 * The diagnostics stage's entry, for tools built on the stages: the code
 * table, the one diagnostic type and its constructor.
 */
export { DIAGNOSTIC_CODES, FILTER_CODES, JSON_INPUT_CODES, CATALOGUE_CODES, EDITOR_CODES, SQL_CODES, REQUEST_CODES, severityOf, type CodeInfo, type CodeTable, type DiagnosticCode, type Severity } from './codes.js';
export { diagnostic, diagnosticWith, hasErrors, sortDiagnostics, type Diagnostic, type Location, type Suggestion } from './diagnostic.js';
export { report, formatMessage, reportJsonInput, formatJsonInput, reportCatalogue, reportEditor, reportSql, reportRequest, formatRequest, type MessageArgs, type MessageVariant, type TemplatedCode } from './messages.js';
export { renderDiagnostic, escapeForTerminal, type RenderOptions } from './render.js';
export { editDistance, matchScore, rankByMatch, suggestNames, wordParts, SUGGEST_THRESHOLD } from './suggest.js';
