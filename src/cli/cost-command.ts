/**
 * `ahrefs-where cost --select COLUMNS [--where QUERY] [--order-by ORDER] [--rows N] [--catalogue C] [--json]`:
 * what a request costs in API units before it is sent (spec §5, estimateCost).
 * Text output is one line per distinct column (units, the parameters it is
 * in, its share of the per-row cost), then the total; `--json` prints the
 * estimate. Diagnostics go to stderr, labelled with the option they are in
 * (`--select:1:10: error unknown-select-column: …`), with a caret under the
 * entry. The endpoint comes from --catalogue or the query's `# endpoint:`
 * directive, as for every command (main.ts).
 */
import { estimateCost, type CostEstimate } from '../api/index.js';
import type { Catalogue } from '../catalogue/index.js';
import { escapeForTerminal, renderDiagnostic, type Diagnostic } from '../diagnostics/index.js';
import type { CliIO } from './commands.js';
import { stringifyForOutput } from './output.js';

export interface CostCommandOptions {
  readonly select: string;
  readonly where: string | undefined;
  readonly orderBy: string | undefined;
  readonly rows: number | undefined;
  /** From --catalogue, else the `# endpoint:` directive of --where, else all-backlinks (main.ts decides, as for every command). */
  readonly catalogue: Catalogue;
  readonly json: boolean;
  readonly pretty: boolean;
  readonly io: CliIO;
}

/** The options a diagnostic's path can point into (estimateCost's names), as the command line spells them. */
const FLAGS: readonly (readonly [string, string, (o: CostCommandOptions) => string | undefined])[] = [
  ['/select', '--select', (o) => o.select],
  ['/orderBy', '--order-by', (o) => o.orderBy],
  ['/where', '--where', (o) => o.where],
  ['/rows', '--rows', () => undefined],
  ['/catalogue', '--catalogue', () => undefined],
];

/**
 * A diagnostic as the command line shows it: labelled with its option, the
 * option's own text under the caret, and only the part of the path inside
 * that option (`--where:/and/0` for where JSON; nothing for the option itself).
 */
function render(d: Diagnostic, o: CostCommandOptions): string {
  const path = d.path ?? '';
  const [prefix, file, text] = FLAGS.find(([p]) => path === p || path.startsWith(`${p}/`)) ?? ['', '--select', () => undefined];
  const { path: _whole, ...rest } = d;
  const inner = path.slice(prefix.length);
  const source = text(o);
  return renderDiagnostic(inner === '' ? rest : { ...rest, path: inner }, source === undefined ? { file } : { file, source });
}

const unitWord = (n: number) => `${n} unit${n === 1 ? '' : 's'}`;
const grouped = (n: number) => n.toLocaleString('en-US');

/** The text report: a table of columns, then the figure. */
function report(r: CostEstimate): string {
  // Names on an endpoint without select facts are the user's own text: escaped for the terminal.
  const names = r.columns.map((c) => escapeForTerminal(c.name));
  const width = Math.max(6, ...names.map((n) => n.length));
  const lines = r.columns.map((c, i) => {
    const units = `${c.units}${c.unitsKnown ? '' : '?'}`.padStart(5);
    const share = `${(c.share * 100).toFixed(1)}%`.padStart(6);
    return `${names[i]!.padEnd(width)}  ${units}  ${share}  ${c.usedIn.join(', ')}`;
  });
  const charged = r.perRow * r.rows;
  const bound = r.exact ? '' : 'at least ';
  const figure = r.minimumApplied
    ? `${unitWord(r.perRow)} per row × ${grouped(r.rows)} rows = ${grouped(charged)}, below the minimum: ${bound}${grouped(r.total)} units per request`
    : `${unitWord(r.perRow)} per row × ${grouped(r.rows)} rows = ${bound}${grouped(r.total)} units`;
  return [`${'column'.padEnd(width)}  units   share  in`, ...lines, figure, ...(r.exact ? [] : ['(? = units not in the API reference, counted at 1)'])].join('\n');
}

/** Runs `cost`; returns the exit code (0 ok, 1 a request the API would refuse). */
export function runCostCommand(o: CostCommandOptions): number {
  const r = estimateCost({
    select: o.select,
    catalogue: o.catalogue,
    ...(o.where !== undefined ? { where: o.where } : {}),
    ...(o.orderBy !== undefined ? { orderBy: o.orderBy } : {}),
    ...(o.rows !== undefined ? { rows: o.rows } : {}),
  });
  if (o.json) {
    o.io.stdout.write(`${stringifyForOutput(r, o.pretty)}\n`);
    return r.ok ? 0 : 1;
  }
  for (const d of r.diagnostics) o.io.stderr.write(`${render(d, o)}\n`);
  if (!r.ok) return 1;
  o.io.stdout.write(`${report(r)}\n`);
  return 0;
}
