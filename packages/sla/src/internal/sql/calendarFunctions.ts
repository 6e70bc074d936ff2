// The SQL functions over a calendar table, per dialect. B(t), the business time from the table's
// start to t, is the running total before the last interval starting at or before t plus the part of
// that interval before t; between(a, b) = B(b) − B(a); add(t, d) finds the interval where B reaches
// B(t) + d (the earliest instant for d > 0, the latest for d < 0), exactly as docs/calendars.md rules
// 6 and 7 say. Instants are read to the millisecond (sub-millisecond parts are dropped, as converting
// to epoch ms does).
import { instantLiteral, instantText, qualified, type SqlDialect, type SqlName } from "./sqlText.js";

export function calendarFunctionsSql(dialect: SqlDialect, name: SqlName, from: number, to: number): string {
  return dialect === "duckdb" ? duckdbMacros(name, from, to) : postgresFunctions(name, from, to);
}

function outOfRange(name: SqlName, from: number, to: number): string {
  return `is outside the range of calendar table ${name.table}, [${instantText(from)}, ${instantText(to)}]; generate the table over a wider range`;
}

function duckdbMacros(name: SqlName, from: number, to: number): string {
  const table = qualified(name);
  const at = qualified(name, "_business_ms_at");
  // A macro's arguments are inlined where the parameters appear; an alias no caller uses keeps an
  // argument such as c.created_at from binding to the calendar table inside the subqueries.
  const c = "__supportops_cal";
  const len = `(epoch_ms(${c}.open_end) - epoch_ms(${c}.open_start))`;
  const rangeCheck = `t < ${instantLiteral(from)} OR t > ${instantLiteral(to)} THEN error(concat('out_of_range: ', CAST(t AS VARCHAR), ' ${outOfRange(name, from, to)}'))`;
  return `CREATE OR REPLACE MACRO ${at}(t TIMESTAMPTZ) AS (
  CASE
    WHEN t IS NULL THEN NULL
    WHEN ${rangeCheck}
    ELSE coalesce((
      SELECT ${c}.business_ms_before + (least(epoch_ms(t), epoch_ms(${c}.open_end)) - epoch_ms(${c}.open_start))
      FROM ${table} AS ${c} WHERE ${c}.open_start <= t ORDER BY ${c}.open_start DESC LIMIT 1
    ), 0)
  END
);
CREATE OR REPLACE MACRO ${qualified(name, "_business_ms_between")}(a TIMESTAMPTZ, b TIMESTAMPTZ) AS (${at}(b) - ${at}(a));
CREATE OR REPLACE MACRO ${qualified(name, "_add_business_ms")}(t TIMESTAMPTZ, ms BIGINT) AS (
  CASE
    WHEN t IS NULL OR ms IS NULL THEN NULL
    WHEN ${rangeCheck}
    WHEN ms = 0 THEN CAST(t AS TIMESTAMPTZ)
    WHEN ms > 0 THEN coalesce((
      SELECT CASE WHEN ${at}(t) + ms <= ${c}.business_ms_before + ${len}
        THEN ${c}.open_start + to_milliseconds(${at}(t) + ms - ${c}.business_ms_before) END
      FROM ${table} AS ${c} WHERE ${c}.business_ms_before < ${at}(t) + ms ORDER BY ${c}.business_ms_before DESC LIMIT 1
    ), error(concat('out_of_range: adding ', CAST(ms AS VARCHAR), ' business ms to ', CAST(t AS VARCHAR), ' passes the end of calendar table ${name.table} (${instantText(to)}); generate the table over a wider range')))
    WHEN ${at}(t) + ms < 0 THEN error(concat('out_of_range: subtracting ', CAST(-ms AS VARCHAR), ' business ms from ', CAST(t AS VARCHAR), ' passes the start of calendar table ${name.table} (${instantText(from)}); generate the table over a wider range'))
    ELSE (
      SELECT ${c}.open_start + to_milliseconds(${at}(t) + ms - ${c}.business_ms_before)
      FROM ${table} AS ${c} WHERE ${c}.business_ms_before <= ${at}(t) + ms ORDER BY ${c}.business_ms_before DESC LIMIT 1
    )
  END
);
`;
}

function postgresFunctions(name: SqlName, from: number, to: number): string {
  const table = qualified(name);
  const at = qualified(name, "_business_ms_at");
  // Truncated to the millisecond first, so the product is an integer whether extract returns numeric
  // (PostgreSQL 14+) or double precision (12, 13).
  const ms = (x: string): string => `round(extract(epoch FROM date_trunc('milliseconds', ${x})) * 1000)::bigint`;
  return `CREATE OR REPLACE FUNCTION ${at}(t timestamptz) RETURNS bigint
LANGUAGE plpgsql STABLE PARALLEL SAFE AS $fn$
DECLARE r record;
BEGIN
  IF t IS NULL THEN RETURN NULL; END IF;
  IF t < ${instantLiteral(from)} OR t > ${instantLiteral(to)} THEN
    RAISE EXCEPTION USING ERRCODE = '22008', MESSAGE = format('out_of_range: %s ${outOfRange(name, from, to)}', t);
  END IF;
  SELECT c.open_start, c.open_end, c.business_ms_before INTO r
    FROM ${table} AS c WHERE c.open_start <= t ORDER BY c.open_start DESC LIMIT 1;
  IF NOT FOUND THEN RETURN 0; END IF;
  RETURN r.business_ms_before + (${ms("LEAST(t, r.open_end)")} - ${ms("r.open_start")});
END
$fn$;
CREATE OR REPLACE FUNCTION ${qualified(name, "_business_ms_between")}(a timestamptz, b timestamptz) RETURNS bigint
LANGUAGE sql STABLE PARALLEL SAFE AS $fn$ SELECT ${at}(b) - ${at}(a) $fn$;
CREATE OR REPLACE FUNCTION ${qualified(name, "_add_business_ms")}(t timestamptz, ms bigint) RETURNS timestamptz
LANGUAGE plpgsql STABLE PARALLEL SAFE AS $fn$
DECLARE target bigint; r record;
BEGIN
  IF t IS NULL OR ms IS NULL THEN RETURN NULL; END IF;
  target := ${at}(t) + ms;
  IF ms = 0 THEN RETURN t; END IF;
  IF ms > 0 THEN
    SELECT c.open_start, c.open_end, c.business_ms_before INTO r
      FROM ${table} AS c WHERE c.business_ms_before < target ORDER BY c.business_ms_before DESC LIMIT 1;
    IF NOT FOUND OR target > r.business_ms_before + (${ms("r.open_end")} - ${ms("r.open_start")}) THEN
      RAISE EXCEPTION USING ERRCODE = '22008', MESSAGE = format('out_of_range: adding %s business ms to %s passes the end of calendar table ${name.table} (${instantText(to)}); generate the table over a wider range', ms, t);
    END IF;
  ELSE
    IF target < 0 THEN
      RAISE EXCEPTION USING ERRCODE = '22008', MESSAGE = format('out_of_range: subtracting %s business ms from %s passes the start of calendar table ${name.table} (${instantText(from)}); generate the table over a wider range', -ms, t);
    END IF;
    SELECT c.open_start, c.open_end, c.business_ms_before INTO r
      FROM ${table} AS c WHERE c.business_ms_before <= target ORDER BY c.business_ms_before DESC LIMIT 1;
  END IF;
  RETURN r.open_start + (target - r.business_ms_before) * interval '1 millisecond';
END
$fn$;
`;
}
