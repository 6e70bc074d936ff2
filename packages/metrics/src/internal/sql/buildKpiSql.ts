// kpiSql's query: the engine's rules for TicketRows (internal/engine.ts over internal/factsFromRow.ts)
// written once as SQL, for DuckDB and PostgreSQL. Each ticket row yields items (KPI, anchor, kind,
// value …) exactly as the engine's emitItems does for the facts a row holds; items fall in the bucket
// of their anchor (a bucket table the library writes, so no engine's time-zone database is involved);
// cells aggregate them the way the engine's cells and finish() do, with the same floating-point
// operations in the same order, so rates and intervals come out bit for bit equal.
import type { GroupAttribute } from "../engine.js";
import type { Bucket } from "../buckets.js";
import type { ResolvedOptions } from "../resolveOptions.js";
import { epochMs, instantLiteral, percentileDisc, stringLiteral, type SqlDialect } from "./sqlParts.js";

/** The KPIs kpiSql computes: the period KPIs rows can answer and, with a calendar table, their business-hours variants. */
export type SqlKpiId =
  | "tickets_resolved"
  | "first_response_time"
  | "first_response_time_business"
  | "resolution_time"
  | "resolution_time_business"
  | "first_contact_resolution"
  | "reopen_rate"
  | "csat";

export interface KpiSqlPlan {
  readonly dialect: SqlDialect;
  readonly kpis: ReadonlyArray<SqlKpiId>;
  readonly options: ResolvedOptions;
  readonly groupBy: ReadonlyArray<GroupAttribute>;
  readonly buckets: ReadonlyArray<Bucket>;
  /** Quoted ticket table name. */
  readonly tickets: string;
  /** The calendar table (quoted) and a function naming its companions, when business variants are wanted. */
  readonly calendar: { readonly table: string; readonly withSuffix: (suffix: string) => string } | null;
}

const Z = "CAST(1.959963984540054 AS FLOAT8)";
const f8 = (x: string): string => `CAST(${x} AS FLOAT8)`;

/** Math.round (ties toward +∞) of a FLOAT8 expression. */
const jsRound = (x: string): string => `floor((${x}) + CAST(0.5 AS FLOAT8))`;

/** core's wilsonInterval, operation for operation. */
function wilson(s: string, n: string): { low: string; high: string } {
  const p = `(${f8(s)} / ${f8(n)})`;
  const z2 = `(${Z} * ${Z})`;
  const denominator = `(CAST(1 AS FLOAT8) + ${z2} / ${f8(n)})`;
  const centre = `((${p} + ${z2} / (CAST(2 AS FLOAT8) * ${f8(n)})) / ${denominator})`;
  const half = `((${Z} / ${denominator}) * sqrt((${p} * (CAST(1 AS FLOAT8) - ${p})) / ${f8(n)} + ${z2} / (CAST(4 AS FLOAT8) * ${f8(n)} * ${f8(n)})))`;
  return {
    low: `CASE WHEN ${n} = 0 THEN NULL WHEN ${s} = 0 THEN CAST(0 AS FLOAT8) ELSE greatest(CAST(0 AS FLOAT8), ${centre} - ${half}) END`,
    high: `CASE WHEN ${n} = 0 THEN NULL WHEN ${s} = ${n} THEN CAST(1 AS FLOAT8) ELSE least(CAST(1 AS FLOAT8), ${centre} + ${half}) END`,
  };
}

export function buildKpiSql(plan: KpiSqlPlan): string {
  const { dialect: d, options: o, groupBy } = plan;
  const ms = (x: string): string => epochMs(d, x);
  const from = instantLiteral(o.from);
  const to = instantLiteral(o.to);
  const asOf = instantLiteral(o.asOf);
  const inPeriod = (x: string): string => `(${x} >= ${from} AND ${x} < ${to})`;
  const window = `CAST(${o.windowMs} AS BIGINT)`;
  const asOfMs = `CAST(${o.asOf} AS BIGINT)`;
  const groupCols = groupBy.map((g) => `"${g}"`);
  const groupSelect = groupCols.map((g) => `${g}, `).join("");
  const wants = (k: SqlKpiId): boolean => plan.kpis.includes(k);
  const order = (k: SqlKpiId): number => plan.kpis.indexOf(k);
  const cal = plan.calendar;

  // Business ms between two instants of a ticket row: PostgreSQL calls the calendar's function (an
  // index search); DuckDB reads the running totals that ASOF joins attached to each row (b_<column>).
  const business = (a: string, b: string): string => {
    if (cal === null) throw new Error("unreachable: business time without a calendar");
    if (d === "postgres") return `${cal.withSuffix("_business_ms_between")}(${a}, ${b})`;
    const check = (x: string): string => `${x} < range_from OR ${x} > range_to`;
    const bOf = (x: string): string => (x === asOf ? "b_as_of" : `b_${x}`);
    return `CASE WHEN ${check(a)} OR ${check(b)} THEN error(concat('out_of_range: ', CAST(${a} AS VARCHAR), ' – ', CAST(${b} AS VARCHAR), ' is outside the range of the calendar table; generate it over a wider range')) ELSE ${bOf(b)} - ${bOf(a)} END`;
  };

  const ctes: string[] = [];
  ctes.push(
    `buckets (bucket_index, bucket_start, bucket_end, bucket_label) AS (VALUES\n    ` +
      plan.buckets.map((b, i) => `(${i}, ${instantLiteral(b.start)}, ${instantLiteral(b.end)}, ${stringLiteral(b.label)})`).join(",\n    ") +
      `\n  )`,
  );
  // The facts a row holds (internal/factsFromRow.ts): its resolutions, its merge, its status at period.to.
  ctes.push(`t AS (
    SELECT ${d === "duckdb" && cal !== null ? "row_number() OVER () AS rid, " : ""}id, created_at, created_by, channel AS "channel", priority AS "priority", category AS "category", status,
      response_start_at, first_reply_at, first_resolved_at, latest_resolved_at, last_reopened_at, public_agent_replies,
      csat_score, coalesce(csat_scale_max, 5) AS csat_scale, csat_at, merged_into,
      (merged_into IS NOT NULL AND merged_at IS NOT NULL) AS merged, merged_at,
      (first_resolved_at IS NOT NULL AND latest_resolved_at IS NOT NULL) AS res,
      (first_resolved_at IS NOT NULL AND latest_resolved_at IS NOT NULL AND first_resolved_at <> latest_resolved_at) AS r1,
      (first_resolved_at IS NOT NULL AND latest_resolved_at IS NOT NULL AND last_reopened_at IS NOT NULL AND last_reopened_at > latest_resolved_at) AS r2_reopened
    FROM ${plan.tickets}
    WHERE created_at <= ${asOf}
  )`);
  // The status timeline of a row, walked as valueAt does (entries in order, stop at the first after period.to).
  ctes.push(`f AS MATERIALIZED (
    SELECT t.*,
      CASE
        WHEN r1 AND first_resolved_at > ${to} THEN 'new'
        WHEN res AND latest_resolved_at > ${to} THEN CASE WHEN r1 THEN 'open' ELSE 'new' END
        WHEN r2_reopened AND last_reopened_at > ${to} THEN 'solved'
        WHEN merged AND merged_at > ${to} THEN CASE WHEN r2_reopened THEN 'open' WHEN res THEN 'solved' ELSE 'new' END
        WHEN merged THEN 'closed'
        WHEN r2_reopened THEN 'open'
        WHEN res THEN 'solved'
        ELSE 'new'
      END IN ('solved', 'closed') AS resolved_at_end,
      CASE WHEN first_reply_at IS NOT NULL AND first_reply_at <= latest_resolved_at THEN public_agent_replies ELSE 0 END AS replies_by_latest,
      (r1 OR (r2_reopened AND ${ms("last_reopened_at")} - ${ms("latest_resolved_at")} <= ${window})) AS reopened_in_window
    FROM t
  )`);
  let source = "f";
  if (cal !== null && d === "duckdb") {
    // Running business totals at each instant a business duration reads: one ASOF join per column, over
    // a narrow relation (the row number and its four instants) — an ASOF join sorts what it carries, so
    // the rows' other columns stay out — joined back to the rows once.
    const columns = ["created_at", "response_start_at", "first_reply_at", "latest_resolved_at"];
    ctes.push(`bt AS (
    SELECT x.rid, ${columns
      .map((c, i) => `CASE WHEN x.${c} IS NULL THEN NULL ELSE coalesce(k${i}.business_ms_before + (least(epoch_ms(x.${c}), epoch_ms(k${i}.open_end)) - epoch_ms(k${i}.open_start)), 0) END AS b_${c}`)
      .join(",\n      ")}
    FROM (SELECT rid, ${columns.join(", ")} FROM f) AS x
    ${columns.map((c, i) => `ASOF LEFT JOIN ${cal.table} AS k${i} ON x.${c} >= k${i}.open_start`).join("\n    ")}
  )`);
    // The total at asOf once (a macro call is a scan), clamped so that only a duration that reads it can fail.
    ctes.push(`as_of_total AS (
    SELECT r.range_from, r.range_to, ${cal.withSuffix("_business_ms_at")}(greatest(r.range_from, least(r.range_to, ${asOf}))) AS b_as_of
    FROM ${cal.withSuffix("_range")} AS r
  )`);
    ctes.push(`fb AS MATERIALIZED (
    SELECT f.*, ${columns.map((c) => `bt.b_${c}`).join(", ")}, a.range_from, a.range_to, a.b_as_of
    FROM f
    JOIN bt ON bt.rid = f.rid
    CROSS JOIN as_of_total AS a
  )`);
    source = "fb";
  }

  // Items: (kpi, anchor, kind, reason, v, success, pending, counter, rating) per ticket, as emitItems.
  const item = (k: SqlKpiId, parts: { anchor: string; kind: string; reason?: string; v?: string; success?: string; pending?: string; counter?: string; rating?: string; where: string }): string =>
    `SELECT ${order(k)} AS kpi_order, ${groupSelect}${parts.anchor} AS anchor, '${parts.kind}' AS kind, ` +
    `CAST(${parts.reason === undefined ? "NULL" : `'${parts.reason}'`} AS VARCHAR) AS reason, merged, ` +
    `CAST(${parts.v === undefined ? "NULL" : `CASE WHEN merged THEN NULL ELSE ${parts.v} END`} AS BIGINT) AS v, ` +
    `CAST(${parts.success ?? "FALSE"} AS BOOLEAN) AS success, CAST(${parts.pending ?? "FALSE"} AS BOOLEAN) AS pending, id AS ticket_id, ` +
    `CAST(${parts.counter ?? "NULL"} AS VARCHAR) AS counter, CAST(${parts.rating ?? "NULL"} AS VARCHAR) AS rating, ` +
    `${k === "first_contact_resolution" ? "id IN (SELECT mi.id FROM merged_into_ids AS mi)" : "FALSE"} AS merged_in ` +
    `FROM ${source} WHERE ${parts.where}`;
  const items: string[] = [];
  const latestIn = `latest_resolved_at IS NOT NULL AND ${inPeriod("latest_resolved_at")}`;
  for (const k of plan.kpis) {
    switch (k) {
      case "tickets_resolved":
      case "resolution_time":
      case "resolution_time_business": {
        const v = k === "tickets_resolved" ? undefined : k === "resolution_time" ? `${ms("latest_resolved_at")} - ${ms("created_at")}` : business("created_at", "latest_resolved_at");
        items.push(item(k, { anchor: "latest_resolved_at", kind: "excluded", reason: "reopenedBeforeEnd", where: `${latestIn} AND NOT resolved_at_end` }));
        items.push(item(k, { anchor: "latest_resolved_at", kind: "in", ...(v === undefined ? {} : { v }), where: `${latestIn} AND resolved_at_end` }));
        break;
      }
      case "first_contact_resolution": {
        const clean = "(replies_by_latest = 1 AND NOT reopened_in_window)";
        const windowOpen = `(res AND NOT reopened_in_window AND NOT r2_reopened AND ${asOfMs} < ${ms("latest_resolved_at")} + ${window})`;
        items.push(item(k, { anchor: "latest_resolved_at", kind: "excluded", reason: "noPublicReply", where: `${latestIn} AND resolved_at_end AND replies_by_latest = 0` }));
        items.push(
          item(k, {
            anchor: "latest_resolved_at",
            kind: "in",
            ...(o.mergedInFails ? { pending: clean } : { success: clean }),
            counter: `CASE WHEN ${windowOpen} THEN 'windowOpen' END`,
            where: `${latestIn} AND resolved_at_end AND replies_by_latest <> 0`,
          }),
        );
        break;
      }
      case "first_response_time":
      case "first_response_time_business": {
        const v = k === "first_response_time" ? `${ms("first_reply_at")} - ${ms("response_start_at")}` : business("response_start_at", "first_reply_at");
        items.push(item(k, { anchor: "first_reply_at", kind: "in", v, where: `first_reply_at IS NOT NULL AND response_start_at IS NOT NULL AND ${inPeriod("first_reply_at")}` }));
        items.push(
          item(k, {
            anchor: "first_reply_at",
            kind: "excluded",
            reason: "agentInitiated",
            where: `first_reply_at IS NOT NULL AND response_start_at IS NULL AND created_by = 'agent' AND ${inPeriod("first_reply_at")}`,
          }),
        );
        break;
      }
      case "reopen_rate": {
        // R1 = (first, reopened at once) when first ≠ latest; R2 = (latest, last_reopened_at if after it).
        const r1In = `(r1 AND ${inPeriod("first_resolved_at")})`;
        const r2In = `(res AND ${inPeriod("latest_resolved_at")})`;
        const reopened = `(${r1In} OR (${r2In} AND r2_reopened AND ${ms("last_reopened_at")} - ${ms("latest_resolved_at")} <= ${window}))`;
        const pending = `(NOT ${reopened} AND ${r2In} AND NOT r2_reopened AND ${asOfMs} < ${ms("latest_resolved_at")} + ${window})`;
        items.push(item(k, { anchor: "first_resolved_at", kind: "counter", reason: "reopenEvents", where: r1In }));
        items.push(item(k, { anchor: "last_reopened_at", kind: "counter", reason: "reopenEvents", where: `r2_reopened AND ${inPeriod("last_reopened_at")}` }));
        items.push(
          item(k, {
            anchor: `CASE WHEN ${r1In} THEN first_resolved_at ELSE latest_resolved_at END`,
            kind: "in",
            success: reopened,
            counter: `CASE WHEN ${pending} THEN 'pendingWindow' END`,
            where: `${r1In} OR ${r2In}`,
          }),
        );
        break;
      }
      case "csat":
        items.push(
          item(k, {
            anchor: "csat_at",
            kind: "in",
            v: "csat_score",
            success: "csat_score >= csat_scale - 1",
            rating: `CAST(csat_score AS VARCHAR) || '/' || CAST(csat_scale AS VARCHAR)`,
            where: `csat_score IS NOT NULL AND csat_at IS NOT NULL AND ${inPeriod("csat_at")}`,
          }),
        );
        break;
    }
  }
  ctes.push(`merged_into_ids AS (SELECT DISTINCT merged_into AS id FROM t WHERE merged)`);
  ctes.push(`items AS (\n    ${items.join("\n    UNION ALL\n    ")}\n  )`);
  // Each item in the bucket of its anchor: the buckets are contiguous and cover the period, where every
  // anchor lies, so the first bucket that ends after the anchor holds it.
  const bucketOf = `CASE ${plan.buckets.map((b, i) => `WHEN anchor < ${instantLiteral(b.end)} THEN ${i}`).join(" ")} END`;
  ctes.push(`placed AS (SELECT items.*, ${bucketOf} AS bucket_index FROM items)`);
  const counted = "kind = 'in' AND NOT merged";
  ctes.push(`cells AS (
    SELECT kpi_order, ${groupSelect}bucket_index,
      count(*) FILTER (WHERE ${counted}) AS n,
      count(*) FILTER (WHERE kind = 'in' AND merged) AS excluded_merged,
      count(*) FILTER (WHERE kind = 'excluded' AND reason = 'reopenedBeforeEnd') AS excluded_reopened_before_end,
      count(*) FILTER (WHERE kind = 'excluded' AND reason = 'agentInitiated') AS excluded_agent_initiated,
      count(*) FILTER (WHERE kind = 'excluded' AND reason = 'noPublicReply') AS excluded_no_public_reply,
      count(v) AS value_count, sum(v) AS value_sum, min(v) AS value_min, max(v) AS value_max,
      ${percentileDisc(d, 0.5, "v")} AS value_median, ${percentileDisc(d, 0.9, "v")} AS value_p90,
      count(*) FILTER (WHERE ${counted} AND success) AS plain_successes,
      count(*) FILTER (WHERE ${counted} AND pending AND NOT merged_in) AS pending_successes,
      count(*) FILTER (WHERE ${counted} AND pending AND merged_in) AS failed_only_by_merged_in,
      count(*) FILTER (WHERE ${counted} AND counter = 'windowOpen') AS window_open,
      count(*) FILTER (WHERE ${counted} AND counter = 'pendingWindow') AS pending_window,
      count(*) FILTER (WHERE kind = 'counter' AND NOT merged AND reason = 'reopenEvents') AS reopen_events
    FROM placed
    GROUP BY kpi_order, ${groupSelect}bucket_index
  )`);
  ctes.push(`ratings AS (
    SELECT kpi_order, ${groupSelect}bucket_index, string_agg(rating || '=' || CAST(c AS VARCHAR), ',' ORDER BY rating) AS distribution
    FROM (SELECT kpi_order, ${groupSelect}bucket_index, rating, count(*) AS c FROM placed WHERE ${counted} AND rating IS NOT NULL GROUP BY kpi_order, ${groupSelect}bucket_index, rating) AS r
    GROUP BY kpi_order, ${groupSelect}bucket_index
  )`);
  // Per group at asOf: tickets open (not merged away) and those awaiting a first reply, with their ages.
  const wantsSnapshot = wants("first_response_time") || wants("resolution_time") || wants("first_response_time_business") || wants("resolution_time_business");
  const businessSnapshot = cal !== null && (wants("first_response_time_business") || wants("resolution_time_business"));
  const awaiting = "response_start_at IS NOT NULL AND first_reply_at IS NULL";
  ctes.push(`snapshots AS (
    SELECT ${groupSelect}count(*) AS open_count, ${percentileDisc(d, 0.5, `${asOfMs} - ${ms("created_at")}`)} AS open_median_age,
      count(*) FILTER (WHERE ${awaiting}) AS awaiting_count,
      ${percentileDisc(d, 0.5, `CASE WHEN ${awaiting} THEN ${asOfMs} - ${ms("response_start_at")} END`)} AS awaiting_median_age${
        businessSnapshot
          ? `,
      ${percentileDisc(d, 0.5, business("created_at", asOf))} AS open_median_age_business,
      ${percentileDisc(d, 0.5, `CASE WHEN ${awaiting} THEN ${business("response_start_at", asOf)} END`)} AS awaiting_median_age_business`
          : ""
      }
    FROM ${source}
    WHERE ${wantsSnapshot ? "" : "FALSE AND "}NOT merged AND status NOT IN ('solved', 'closed')
    ${groupCols.length === 0 ? "" : `GROUP BY ${groupCols.join(", ")}`}
  )`);

  const kpiName = `CASE c.kpi_order ${plan.kpis.map((k, i) => `WHEN ${i} THEN '${k}'`).join(" ")} END`;
  const isKpi = (...ks: SqlKpiId[]): string => {
    const indices = ks.filter(wants).map(order);
    return indices.length === 0 ? "FALSE" : `c.kpi_order IN (${indices.join(", ")})`;
  };
  const durations = isKpi("first_response_time", "resolution_time", "first_response_time_business", "resolution_time_business");
  const rates = isKpi("first_contact_resolution", "reopen_rate", "csat");
  const successes = `(c.plain_successes + c.pending_successes)`;
  const ci = wilson(successes, "c.n");
  const provisional = o.asOf < o.to + o.windowMs ? "TRUE" : "FALSE";
  const joinOn = (alias: string): string => (groupCols.length === 0 ? "TRUE" : groupCols.map((g) => `${alias}.${g} IS NOT DISTINCT FROM c.${g}`).join(" AND "));
  const businessKpi = isKpi("first_response_time_business", "resolution_time_business");
  const snapshotPick = (column: string): string =>
    businessSnapshot ? `CASE WHEN ${businessKpi} THEN s.${column}_business ELSE s.${column} END` : `s.${column}`;
  const select = `SELECT
    ${kpiName} AS kpi, c.kpi_order, ${groupCols.map((g) => `c.${g}, `).join("")}c.bucket_index, b.bucket_start, b.bucket_end, b.bucket_label,
    CASE
      WHEN ${isKpi("tickets_resolved")} THEN ${f8("c.n")}
      WHEN ${durations} THEN ${f8("c.value_median")}
      WHEN c.n = 0 THEN NULL
      ELSE ${f8(successes)} / ${f8("c.n")}
    END AS value,
    c.n, c.excluded_merged, c.excluded_reopened_before_end, c.excluded_agent_initiated, c.excluded_no_public_reply, CAST(0 AS BIGINT) AS excluded_superseded,
    CASE WHEN ${durations} THEN c.value_median END AS median,
    CASE WHEN ${durations} THEN c.value_p90 END AS p90,
    CASE WHEN c.value_count = 0 THEN NULL WHEN ${durations} THEN ${jsRound(`${f8("c.value_sum")} / ${f8("c.value_count")}`)} ELSE ${f8("c.value_sum")} / ${f8("c.value_count")} END AS mean,
    CASE WHEN ${durations} THEN c.value_min END AS min,
    CASE WHEN ${durations} THEN c.value_max END AS max,
    CASE WHEN ${durations} THEN c.value_count < ${o.minN} END AS below_min_n,
    CASE WHEN ${durations} THEN coalesce(s.awaiting_count, 0) END AS awaiting_first_reply,
    CASE WHEN ${durations} THEN ${snapshotPick("awaiting_median_age")} END AS awaiting_median_age,
    CASE WHEN ${durations} THEN coalesce(s.open_count, 0) END AS open,
    CASE WHEN ${durations} THEN ${snapshotPick("open_median_age")} END AS open_median_age,
    CASE WHEN ${durations} AND coalesce(s.open_count, 0) + c.n > 0 THEN ${f8("coalesce(s.open_count, 0)")} / ${f8("coalesce(s.open_count, 0) + c.n")} END AS censored_fraction,
    CASE WHEN ${rates} THEN ${successes} END AS successes,
    CASE WHEN ${rates} THEN ${ci.low} END AS ci_low,
    CASE WHEN ${rates} THEN ${ci.high} END AS ci_high,
    c.window_open, c.failed_only_by_merged_in, c.reopen_events, c.pending_window,
    r.distribution,
    CASE WHEN ${isKpi("first_contact_resolution", "reopen_rate")} THEN ${provisional} END AS provisional
  FROM cells AS c
  JOIN buckets AS b ON b.bucket_index = c.bucket_index
  LEFT JOIN snapshots AS s ON ${joinOn("s")}
  LEFT JOIN ratings AS r ON r.kpi_order = c.kpi_order AND r.bucket_index = c.bucket_index AND ${joinOn("r")}
  ORDER BY c.kpi_order, ${groupCols.map((g) => `c.${g} NULLS FIRST, `).join("")}c.bucket_index`;
  return `WITH\n  ${ctes.join(",\n  ")}\n${select}\n`;
}
