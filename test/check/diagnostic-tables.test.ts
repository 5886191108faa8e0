import { describe, expect, it } from 'vitest';
import {
  CATALOGUE_CODES,
  DIAGNOSTIC_CODES,
  EDITOR_CODES,
  FILTER_CODES,
  JSON_INPUT_CODES,
  REQUEST_CODES,
  SQL_CODES,
  severityOf,
  type CodeTable,
  type DiagnosticCode,
} from '../../src/diagnostics/codes.js';
import { diagnostic } from '../../src/diagnostics/diagnostic.js';
import { formatJsonInput, formatMessage, formatRequest, report, reportCatalogue, reportEditor, reportJsonInput, reportRequest, reportSql } from '../../src/diagnostics/messages.js';

// The codes are split by the part of the library that reports them, so that a
// bundle carries only its own words (issue 11); DIAGNOSTIC_CODES joins them.
const TABLES: Record<string, CodeTable> = { FILTER_CODES, JSON_INPUT_CODES, CATALOGUE_CODES, EDITOR_CODES, SQL_CODES, REQUEST_CODES };

describe('the code tables', () => {
  it('hold each code once, and DIAGNOSTIC_CODES holds exactly their codes', () => {
    const seen = new Map<string, string>();
    for (const [name, table] of Object.entries(TABLES)) {
      for (const code of Object.keys(table)) {
        expect(seen.get(code), `${code} is in ${seen.get(code)} and ${name}`).toBeUndefined();
        seen.set(code, name);
      }
    }
    expect(Object.keys(DIAGNOSTIC_CODES).sort()).toEqual([...seen.keys()].sort());
  });

  it('give DIAGNOSTIC_CODES each entry of its table, with a one-line summary', () => {
    for (const table of Object.values(TABLES)) {
      for (const [code, info] of Object.entries(table)) {
        const joined = DIAGNOSTIC_CODES[code as DiagnosticCode];
        expect(joined.severity, code).toBe(info.severity);
        expect(joined.messages, code).toBe(info.messages);
        expect(joined.summary, code).toMatch(/^\S[^\n]*[.)]$/);
        expect(severityOf(code as DiagnosticCode), code).toBe(info.severity);
      }
    }
  });
});

describe('each table’s report function', () => {
  it('takes the severity and the words from its own table', () => {
    const cases = [
      [report('nesting-too-deep', 'default', { limit: 3 }), FILTER_CODES['nesting-too-deep'], 'The filter nests more than 3 levels deep'],
      [reportJsonInput('json-invalid-node', 'noFilter', {}, { path: '' }), JSON_INPUT_CODES['json-invalid-node'], 'The input holds no filter.'],
      [reportCatalogue('catalogue-unknown-type', 'default', { name: 'x', type: 'y', types: 'integer' }), CATALOGUE_CODES['catalogue-unknown-type'], 'Column "x" has type y; expected one of integer'],
      [reportEditor('invalid-argument', 'text', { fn: 'hover', found: 'a number' }), EDITOR_CODES['invalid-argument'], 'hover: the text must be a string'],
      [reportSql('sql-unloadable-value', 'value', { index: 2, column: 'url', reason: 'why' }), SQL_CODES['sql-unloadable-value'], 'Row 2, column "url": why'],
      [reportRequest('request-columns-unknown', 'none', { endpoint: 'e' }), REQUEST_CODES['request-columns-unknown'], 'select and order_by columns of e'],
    ] as const;
    for (const [d, info, words] of cases) {
      expect(d.severity, d.code).toBe(info.severity);
      expect(d.message, d.code).toContain(words);
      expect(d.message, d.code).not.toMatch(/\{[A-Za-z]+\}/);
    }
    expect(reportJsonInput('json-invalid-node', 'noFilter', {}, { path: '' }).path).toBe('');
  });

  it('fills templates the same way in every table', () => {
    expect(formatMessage('nesting-too-deep', 'default', { limit: 9 })).toBe(report('nesting-too-deep', 'default', { limit: 9 }).message);
    expect(formatJsonInput('json-invalid-node', 'noFilter', {})).toBe('The input holds no filter.');
    expect(formatRequest('request-columns-unknown', 'none', { endpoint: 'e' })).toBe(reportRequest('request-columns-unknown', 'none', { endpoint: 'e' }).message);
  });

  it('builds a filter diagnostic with its table’s severity', () => {
    expect(diagnostic('analysis-limited', 'x').severity).toBe(FILTER_CODES['analysis-limited'].severity);
  });
});
