import { TICKET_EVENT_TYPES } from "@supportops/core";
import type { CalendarDefinition, SlaCondition, SlaEngineDefinition, SlaMetricDefinition, SlaTarget } from "@supportops/sla";
import { z } from "zod";
import type { ImportResult, InteropIssue } from "../ImportResult.js";
import { argumentError, parseOptions, parsePayload } from "../internal/payload.js";
import { parseGlideDuration } from "../internal/vendorTime.js";
import { conditionFromEncodedQuery } from "./encodedQuery.js";
import { ReferenceSchema, referenceId, text, type ServiceNowReference } from "./ServiceNowRecords.js";

/**
 * A `contract_sla` row (an SLA definition) from the Table API, as far as the importer reads it. Every
 * value is a string; conditions are encoded queries; `duration` is a glide_duration.
 *
 * @example
 * const definition: ServiceNowSlaDefinition = {
 *   sys_id: "p1res", name: "P1 resolution 4h", type: "SLA", target: "resolution", collection: "incident",
 *   duration: "1970-01-01 04:00:00", schedule_source: "sla_definition", schedule: { value: "sch85" },
 *   start_condition: "priority=1^EQ", pause_condition: "state=3^EQ", stop_condition: "state=6^ORstate=7^EQ",
 * };
 */
export interface ServiceNowSlaDefinition {
  readonly sys_id?: string;
  readonly name: string;
  readonly active?: string;
  readonly type?: string;
  readonly target?: string;
  readonly collection?: string;
  readonly duration: string;
  readonly duration_type?: string;
  readonly schedule_source?: string;
  readonly schedule?: ServiceNowReference;
  readonly start_condition?: string;
  readonly pause_condition?: string;
  readonly stop_condition?: string;
  readonly reset_condition?: string;
  readonly cancel_condition?: string;
  readonly resume_condition?: string;
  readonly when_to_cancel?: string;
  readonly when_to_resume?: string;
  readonly retroactive?: string;
  readonly set_start_to?: string;
}

/**
 * Options of {@link slaDefinitionsFromServiceNow}.
 *
 * @example
 * const options: ServiceNowSlaOptions = { schedules: { sch85: { timeZone: "US/Pacific", weekly: { mon: [["08:00", "17:00"]] } } } };
 */
export interface ServiceNowSlaOptions {
  /** The calendars of the schedules the definitions name, by `cmn_schedule` sys_id (from `calendarFromServiceNowSchedule`). */
  readonly schedules?: Readonly<Record<string, CalendarDefinition>>;
  /** The priorities targets are written for; default ServiceNow's `"1"` … `"5"`. */
  readonly priorities?: ReadonlyArray<string>;
}

/**
 * What {@link slaDefinitionsFromServiceNow} keeps of the vendor's data: per definition its sys_id,
 * name, the metric it became, and its conditions verbatim.
 *
 * @example
 * const source: ServiceNowSlaSource = { vendor: "servicenow", definitions: [] };
 */
export interface ServiceNowSlaSource {
  readonly vendor: "servicenow";
  readonly definitions: ReadonlyArray<{
    readonly sysId: string;
    readonly name: string;
    readonly metric: string | null;
    readonly conditions: Readonly<Record<string, string>>;
  }>;
}

const Schema = z.object({
  sys_id: text,
  name: z.string().min(1),
  active: text,
  type: text,
  target: text,
  collection: text,
  duration: z.string(),
  duration_type: text,
  schedule_source: text,
  schedule: z.union([ReferenceSchema, z.literal("")]).optional(),
  start_condition: text,
  pause_condition: text,
  stop_condition: text,
  reset_condition: text,
  cancel_condition: text,
  resume_condition: text,
  when_to_cancel: text,
  when_to_resume: text,
  retroactive: text,
  set_start_to: text,
});

const EVERY_EVENT = TICKET_EVENT_TYPES.filter((type) => type !== "merged");

/**
 * SLA engine input (`createSlaEngine`) from ServiceNow SLA definitions (`contract_sla`). ServiceNow
 * attaches every definition whose start condition matches, so each definition becomes a custom metric
 * of its own (named after the definition), all in one policy `"servicenow"`:
 *
 * - start: the first event after which `start_condition` holds; stop: `stop_condition`; pause:
 *   `pause_condition`; resume: when it no longer holds (`when_to_resume` `no_match`, the default) or on
 *   `resume_condition`. Conditions are read from the encoded-query subset `=`, `!=`, `IN`, `NOT IN`,
 *   `ISEMPTY`, `ISNOTEMPTY`, `ANYTHING` with `^`, `^OR`, `^NQ`, on the fields a ServiceNow ticket log
 *   carries (`ticketLogFromServiceNowAudit` sets `priority`, `group`, `agent` and every other audited
 *   field by its ServiceNow name, values as stored: `state` `"6"`). A definition with any other
 *   condition is left out and reported (`unsupported_condition`), its conditions kept in `source`.
 * - duration: the glide_duration in ms, exactly; it is schedule time, so `"1970-01-02 00:00:00"` is 24
 *   hours of the schedule (three 8-hour days), as in ServiceNow and as supportops measures any target.
 *   A relative duration (`duration_type`) is left out and reported (`unsupported_setting`).
 * - the schedule: `schedule_source` `sla_definition` runs on `options.schedules[schedule]`,
 *   `no_schedule` (or none) on `24x7`; `task_field` is left out and reported.
 * - not modelled, reported as `unsupported_setting` and otherwise imported: cancel conditions and
 *   `when_to_cancel` (a cancelled task SLA here keeps running until its stop), reset conditions, a
 *   retroactive start (`retroactive`), inactive definitions (left out).
 *
 * The same target applies to every priority in `options.priorities`.
 *
 * @param definitions - the `contract_sla` rows
 * @param options - the schedules' calendars and the priorities
 * @returns `{ definition, source, issues }`
 * @throws {@link InteropError} `invalid_vendor_payload`, `invalid_duration` (not a glide_duration),
 * `invalid_argument` (a schedule whose calendar was not given)
 * @example
 * const { definition } = slaDefinitionsFromServiceNow([
 *   { sys_id: "p1", name: "P1 resolution", duration: "1970-01-01 04:00:00", schedule_source: "no_schedule",
 *     start_condition: "priority=1^EQ", stop_condition: "state=6^ORstate=7^EQ", pause_condition: "state=3^EQ" },
 * ], { priorities: ["1"] });
 * definition.metrics?.["P1 resolution"]?.stop; // => { on: [...all event types but "merged"], when: { any: [{ field: "state", equals: "6" }, { field: "state", equals: "7" }] } }
 * definition.policies[0]?.targets;             // => { "P1 resolution": { "1": { duration: 14400000, calendar: "24x7" } } }
 */
export function slaDefinitionsFromServiceNow(
  definitions: ReadonlyArray<ServiceNowSlaDefinition>,
  options: ServiceNowSlaOptions = {},
): ImportResult<SlaEngineDefinition, ServiceNowSlaSource> {
  const rows = parsePayload(z.array(Schema).max(10_000), definitions, [], "ServiceNow contract_sla rows");
  const opts = parseOptions(z.object({ schedules: z.record(z.string(), z.unknown()).optional(), priorities: z.unknown().optional() }), options);
  const priorities = (opts.priorities ?? ["1", "2", "3", "4", "5"]) as ReadonlyArray<string>;
  if (!Array.isArray(priorities) || priorities.length === 0 || !priorities.every((p) => typeof p === "string" && p !== "")) {
    argumentError(["priorities"], "list the priorities the targets apply to, e.g. [\"1\", \"2\"]");
  }
  const issues: InteropIssue[] = [];
  const metrics: Record<string, SlaMetricDefinition> = {};
  const targets: Record<string, Record<string, SlaTarget>> = {};
  const calendars: Record<string, CalendarDefinition> = {};
  const kept: Array<ServiceNowSlaSource["definitions"][number]> = [];

  rows.forEach((row, index) => {
    const path = [index];
    const conditions = Object.fromEntries(
      (["start_condition", "pause_condition", "stop_condition", "resume_condition", "cancel_condition", "reset_condition"] as const).filter((k) => row[k] !== "").map((k) => [k, row[k]]),
    );
    const keep = (metric: string | null): void => void kept.push({ sysId: row.sys_id, name: row.name, metric, conditions });
    const skip = (code: "unsupported_condition" | "unsupported_setting", field: string, message: string): void => {
      issues.push({ code, path: [...path, field], message: `${message}; "${row.name}" is left out` });
      keep(null);
    };
    if (row.active === "false") return skip("unsupported_setting", "active", "the definition is inactive");
    if (row.duration_type !== "") return skip("unsupported_setting", "duration_type", "a relative duration (\"end of next business day\") has no fixed length");
    const ms = parseGlideDuration(row.duration, [...path, "duration"]);
    if (ms <= 0) return skip("unsupported_setting", "duration", "a zero duration");

    let calendar = "24x7";
    if (row.schedule_source === "task_field") return skip("unsupported_setting", "schedule_source", "the schedule comes from a task field");
    const scheduleId = row.schedule === undefined || row.schedule === "" ? "" : referenceId(row.schedule);
    if (row.schedule_source !== "no_schedule" && scheduleId !== "") {
      const def = Object.hasOwn(opts.schedules ?? {}, scheduleId) ? (opts.schedules?.[scheduleId] as CalendarDefinition | undefined) : undefined;
      if (def === undefined) {
        argumentError(["schedules", scheduleId], `"${row.name}" runs on schedule ${scheduleId}: import it with calendarFromServiceNowSchedule and pass it in { schedules: { "${scheduleId}": … } }`);
      }
      calendar = `servicenow:${scheduleId}`;
      calendars[calendar] = def;
    }

    const read = (field: "start_condition" | "stop_condition" | "pause_condition" | "resume_condition"): SlaCondition | null | undefined => {
      if (row[field] === "") return undefined;
      const parsed = conditionFromEncodedQuery(row[field]);
      if ("condition" in parsed) return parsed.condition;
      issues.push({ code: "unsupported_condition", path: [...path, field], message: `"${parsed.unsupported}" is outside the encoded-query subset read (=, !=, IN, NOT IN, ISEMPTY, ISNOTEMPTY on a field of the ticket)` });
      return null;
    };
    const start = read("start_condition");
    const stop = read("stop_condition");
    const pause = read("pause_condition");
    const resume = row.when_to_resume === "on_condition" ? read("resume_condition") : undefined;
    if (start === null || stop === null || pause === null || resume === null) {
      keep(null);
      issues.push({ code: "unsupported_condition", path, message: `"${row.name}" is left out: a condition cannot be evaluated on a ticket log (kept in source)` });
      return;
    }
    if (stop === undefined) return skip("unsupported_condition", "stop_condition", "no stop condition");
    for (const [field, message] of [
      ["cancel_condition", "cancel conditions are not modelled: a task SLA ServiceNow cancels keeps running here until it stops"],
      ["reset_condition", "reset conditions are not modelled"],
    ] as const) {
      if (row[field] !== "") issues.push({ code: "unsupported_setting", path: [...path, field], message });
    }
    if (row.when_to_cancel === "no_match") {
      issues.push({ code: "unsupported_setting", path: [...path, "when_to_cancel"], message: "cancelling when the start condition stops matching is not modelled (a priority change keeps the running cycle)" });
    }
    if (row.retroactive === "true") {
      issues.push({ code: "unsupported_setting", path: [...path, "retroactive"], message: `a retroactive start (from ${row.set_start_to || "a task field"}) is not modelled: the cycle starts when the start condition first holds` });
    }
    let metric = row.name;
    if (metric in metrics) metric = `${row.name} (${row.sys_id || index})`;
    metrics[metric] = {
      start: { on: EVERY_EVENT, when: start ?? { all: [] } },
      stop: { on: EVERY_EVENT, when: stop },
      ...(pause === undefined
        ? {}
        : {
            pause: { on: EVERY_EVENT, when: { all: [pause, { not: stop }] } },
            // After the stop a resume would reopen the cycle: resume only while the stop does not hold.
            resume: { on: EVERY_EVENT, when: { all: [resume ?? { not: pause }, { not: stop }] } },
          }),
    };
    targets[metric] = Object.fromEntries(priorities.map((p) => [p, { duration: ms, calendar }]));
    keep(metric);
  });

  const definition: SlaEngineDefinition = {
    ...(Object.keys(calendars).length === 0 ? {} : { calendars }),
    metrics,
    policies: [{ id: "servicenow", targets }],
  };
  return { definition, source: { vendor: "servicenow", definitions: kept }, issues };
}
