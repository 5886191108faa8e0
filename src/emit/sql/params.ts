/**
 * Bound values. Every value of a filter reaches the engine as a parameter,
 * never as SQL text, so no value can change the statement; each is declared
 * with its type in the placeholder (`CAST($1 AS BIGINT)`, `{p1:Int64}`), so
 * the statement means the same whatever type a client would infer.
 */
import type { SqlDialect } from './ddl.js';
import { SPELLINGS, type ParamStyle, type SqlValueType } from './dialects.js';

/** A bound value: strings (timestamps as ISO text in UTC), numbers and booleans. */
export type SqlValue = string | number | boolean;

/** Positional values in order (`$1` is `[0]`), or named values (`p1`, `p2`, …). */
export type SqlParams = readonly SqlValue[] | Readonly<Record<string, SqlValue>>;

/** One bound value with the type its placeholder declares. */
export interface SqlParam {
  /** `p1`, `p2`, …: the name in named style, and the order in positional style. */
  readonly name: string;
  readonly value: SqlValue;
  readonly type: SqlValueType;
}

/** Collects the values of one statement in order of appearance in the SQL text. */
export class ParamList {
  readonly list: SqlParam[] = [];

  constructor(
    private readonly dialect: SqlDialect,
    readonly style: ParamStyle,
  ) {}

  /** Binds a value; returns its placeholder. */
  bind(value: SqlValue, type: SqlValueType): string {
    const index = this.list.length + 1;
    this.list.push({ name: `p${index}`, value, type });
    return SPELLINGS[this.dialect].placeholder(index, this.style, type);
  }

  /** The values as the client takes them: an array for positional style, an object for named. */
  values(): SqlParams {
    if (this.style === 'positional') return this.list.map((p) => p.value);
    const out: Record<string, SqlValue> = {};
    for (const p of this.list) out[p.name] = p.value;
    return out;
  }
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');

/**
 * An instant (epoch milliseconds) as the text a dialect casts to its UTC
 * timestamp type. DuckDB and PostgreSQL get ISO 8601 with `Z`, so the session
 * time zone never applies; ClickHouse gets `YYYY-MM-DD hh:mm:ss.fff`, read in
 * the `'UTC'` of `DateTime64(3, 'UTC')`. PostgreSQL has no year 0: years up
 * to 0 are written with `BC` (year 0 is 1 BC).
 */
export function instantText(dialect: SqlDialect, ms: number): string {
  const d = new Date(ms);
  const year = d.getUTCFullYear();
  const time = `${pad(d.getUTCHours(), 2)}:${pad(d.getUTCMinutes(), 2)}:${pad(d.getUTCSeconds(), 2)}.${pad(d.getUTCMilliseconds(), 3)}`;
  const day = `${pad(d.getUTCMonth() + 1, 2)}-${pad(d.getUTCDate(), 2)}`;
  if (dialect === 'clickhouse') return `${pad(year, 4)}-${day} ${time}`;
  if (dialect === 'postgres' && year <= 0) return `${pad(1 - year, 4)}-${day} ${time}+00 BC`;
  return `${pad(year, 4)}-${day}T${time}Z`;
}
