import type { SlaMetricStatus } from "@supportops/sla";
import { z } from "zod";
import type { ImportResult, InteropIssue } from "../ImportResult.js";
import type { ObservedSla } from "../ObservedSla.js";
import { parseOptions, parsePayload, payloadError } from "../internal/payload.js";
import { parseGlideDuration, parseServiceNowDateTime } from "../internal/vendorTime.js";
import { ReferenceSchema, referenceId, text, type ServiceNowReference } from "./ServiceNowRecords.js";
import type { ServiceNowSlaSource } from "./slaDefinitionsFromServiceNow.js";

/**
 * A `task_sla` row from the Table API (`sysparm_display_value=false`), as far as the importer reads it.
 *
 * @example
 * const row: ServiceNowTaskSla = {
 *   sla: { value: "p1" }, stage: "completed", has_breached: "false",
 *   start_time: "2026-03-09 14:05:00", end_time: "2026-03-09 16:00:00", planned_end_time: "2026-03-09 18:05:00",
 *   business_duration: "1970-01-01 01:55:00",
 * };
 */
export interface ServiceNowTaskSla {
  readonly sys_id?: string;
  readonly sla: ServiceNowReference;
  readonly stage: string;
  readonly has_breached?: string;
  readonly start_time: string;
  readonly end_time?: string;
  readonly planned_end_time?: string;
  readonly business_duration?: string;
  readonly duration?: string;
}

/**
 * Options of {@link observedSlaFromServiceNowTaskSla}.
 *
 * @example
 * const options: ServiceNowTaskSlaOptions = { definitions: { vendor: "servicenow", definitions: [{ sysId: "p1", name: "P1 resolution", metric: "P1 resolution", conditions: {} }] } };
 */
export interface ServiceNowTaskSlaOptions {
  /** The `source` of `slaDefinitionsFromServiceNow`: which metric each SLA definition became. */
  readonly definitions: ServiceNowSlaSource;
  /** Per definition sys_id, the target in ms, when you want targets compared too. */
  readonly targets?: Readonly<Record<string, number>>;
}

const OptionsSchema = z.object({
  definitions: z.object({ definitions: z.array(z.object({ sysId: z.string(), metric: z.string().nullable() })) }),
  targets: z.record(z.string(), z.number().int().positive()).optional(),
});

const Schema = z.object({
  sys_id: text,
  sla: ReferenceSchema,
  stage: z.string(),
  has_breached: text,
  start_time: z.string(),
  end_time: text,
  planned_end_time: text,
  business_duration: text,
  duration: text,
});

/**
 * A ticket's SLA cycles as ServiceNow measured them, from its `task_sla` rows: the oracle to hold
 * supportops' replay of `slaDefinitionsFromServiceNow` against (`compareSla`). Each row is one cycle of
 * the metric its definition became (cycles numbered by start time). `stage` `completed` is `achieved` or
 * (`has_breached`) `breached`; `in_progress` is `active` or `breached`; `paused` is `paused` or `breached`;
 * `cancelled` is `cancelled`. `planned_end_time` is the breach instant (past or predicted, for breached
 * or running cycles); `business_duration` the elapsed schedule time. Rows of definitions that were not
 * imported are reported (`unsupported_metric`).
 *
 * @param rows - the ticket's `task_sla` rows
 * @param options - the imported definitions (and optionally their targets)
 * @returns `{ definition, source, issues }`
 * @throws {@link InteropError} `invalid_vendor_payload` (an unknown stage), `invalid_time`, `invalid_duration`
 * @example
 * const { definition } = observedSlaFromServiceNowTaskSla(
 *   [{ sla: { value: "p1" }, stage: "completed", has_breached: "false", start_time: "2026-03-09 14:05:00", end_time: "2026-03-09 16:00:00", business_duration: "1970-01-01 01:55:00" }],
 *   { definitions: { vendor: "servicenow", definitions: [{ sysId: "p1", name: "P1 resolution", metric: "P1 resolution", conditions: {} }] } },
 * );
 * definition[0]?.status;            // => "achieved"
 * definition[0]?.elapsedBusinessMs; // => 6900000
 */
export function observedSlaFromServiceNowTaskSla(rows: ReadonlyArray<ServiceNowTaskSla>, options: ServiceNowTaskSlaOptions): ImportResult<ReadonlyArray<ObservedSla>, { readonly vendor: "servicenow" }> {
  const list = parsePayload(z.array(Schema).max(100_000), rows, [], "ServiceNow task_sla rows");
  const opts = parseOptions(OptionsSchema, options);
  const metricOf = new Map(opts.definitions.definitions.map((d) => [d.sysId, d.metric]));
  const issues: InteropIssue[] = [];
  const cycles: Array<ObservedSla & { readonly index: number }> = [];
  list.forEach((row, index) => {
    const slaId = referenceId(row.sla);
    const metric = metricOf.get(slaId) ?? null;
    if (metric === null) {
      issues.push({ code: "unsupported_metric", path: [index, "sla"], message: `SLA definition ${slaId} was not imported (or was left out); its task SLA is not compared` });
      return;
    }
    const breached = row.has_breached === "true";
    let status: SlaMetricStatus;
    switch (row.stage) {
      case "completed":
        status = breached ? "breached" : "achieved";
        break;
      case "in_progress":
        status = breached ? "breached" : "active";
        break;
      case "paused":
        status = breached ? "breached" : "paused";
        break;
      case "cancelled":
        status = "cancelled";
        break;
      default:
        payloadError([index, "stage"], `stage "${row.stage}" is not in_progress, paused, completed or cancelled (read task_sla with sysparm_display_value=false)`);
    }
    const time = (field: "end_time" | "planned_end_time"): number | null => (row[field] === "" ? null : parseServiceNowDateTime(row[field], [index, field]));
    const planned = time("planned_end_time");
    cycles.push({
      index,
      metric,
      cycle: 0,
      status,
      targetMs: opts.targets?.[slaId] ?? null,
      startedAt: parseServiceNowDateTime(row.start_time, [index, "start_time"]),
      stoppedAt: row.stage === "completed" || row.stage === "cancelled" ? time("end_time") : null,
      breachedAt: status === "breached" || status === "active" ? planned : null,
      elapsedBusinessMs: row.business_duration === "" ? null : parseGlideDuration(row.business_duration, [index, "business_duration"]),
      source: { vendor: "servicenow", sysId: row.sys_id, sla: slaId, stage: row.stage },
    });
  });
  cycles.sort((a, b) => (a.metric < b.metric ? -1 : a.metric > b.metric ? 1 : (a.startedAt ?? 0) - (b.startedAt ?? 0) || a.index - b.index));
  const counts = new Map<string, number>();
  const definition = cycles.map(({ index: _index, ...cycle }) => {
    const n = counts.get(cycle.metric) ?? 0;
    counts.set(cycle.metric, n + 1);
    return { ...cycle, cycle: n };
  });
  return { definition, source: { vendor: "servicenow" }, issues };
}
