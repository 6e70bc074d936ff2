import type { IssuePath } from "@supportops/core";
import type { SlaMetricStatus } from "@supportops/sla";
import { z } from "zod";
import type { ImportResult, InteropIssue } from "../ImportResult.js";
import type { ObservedSla } from "../ObservedSla.js";
import { parseOptions, parsePayload } from "../internal/payload.js";
import { parseVendorIso } from "../internal/vendorTime.js";

/**
 * The request SLA endpoint's answer (`GET /rest/servicedeskapi/request/{key}/sla`, or the SLA field of
 * an issue): per metric, its completed cycles and the ongoing one. Dates are `{ iso8601, jira,
 * friendly, epochMillis }` and durations `{ millis, friendly }`.
 *
 * @example
 * const sla: JsmSlaResponse = { values: [{ id: "1", name: "Time to first response", completedCycles: [], ongoingCycle: {
 *   startTime: { epochMillis: 1773046800000 }, breachTime: { epochMillis: 1773061200000 }, breached: false, paused: false,
 *   withinCalendarHours: true, goalDuration: { millis: 14400000 }, elapsedTime: { millis: 3600000 }, remainingTime: { millis: 10800000 } } }] };
 */
export interface JsmSlaResponse {
  readonly values: ReadonlyArray<{
    readonly id?: string;
    readonly name: string;
    readonly completedCycles?: ReadonlyArray<JsmSlaCycle>;
    readonly ongoingCycle?: JsmSlaCycle;
  }>;
}

/**
 * One JSM SLA cycle (completed or ongoing).
 *
 * @example
 * const cycle: JsmSlaCycle = { startTime: { epochMillis: 1773046800000 }, stopTime: { epochMillis: 1773050400000 }, breached: false, goalDuration: { millis: 14400000 }, elapsedTime: { millis: 3600000 } };
 */
export interface JsmSlaCycle {
  readonly startTime: JsmDate;
  readonly stopTime?: JsmDate;
  readonly breachTime?: JsmDate;
  readonly breached: boolean;
  readonly paused?: boolean;
  readonly withinCalendarHours?: boolean;
  readonly goalDuration?: { readonly millis: number };
  readonly elapsedTime?: { readonly millis: number };
  readonly remainingTime?: { readonly millis: number };
}

/**
 * A JSM date: `epochMillis` is read when present (it keeps the milliseconds `iso8601` drops), else
 * `jira` or `iso8601` (with a colon-less offset); `friendly` is localized and never read.
 *
 * @example
 * const date: JsmDate = { iso8601: "2026-07-06T18:02:13+0900", jira: "2026-07-06T18:02:13.432+0900", epochMillis: 1783328533432 };
 */
export interface JsmDate {
  readonly iso8601?: string;
  readonly jira?: string;
  readonly friendly?: string;
  readonly epochMillis?: number;
}

/**
 * Options of {@link observedSlaFromJsm}.
 *
 * @example
 * const options: JsmSlaOptions = { metrics: { "Time to close": "resolution" } };
 */
export interface JsmSlaOptions {
  /** JSM metric names and the supportops metrics they are; default "Time to first response" → `first_response`, "Time to resolution" → `resolution`, others as named. */
  readonly metrics?: Readonly<Record<string, string>>;
}

const OptionsSchema = z.object({ metrics: z.record(z.string(), z.string().min(1)).optional() });
const DateSchema = z.object({ iso8601: z.string().optional(), jira: z.string().optional(), friendly: z.string().optional(), epochMillis: z.number().int().optional() });
const Millis = z.object({ millis: z.number().int() }).optional();
const CycleSchema = z.object({
  startTime: DateSchema,
  stopTime: DateSchema.optional(),
  breachTime: DateSchema.optional(),
  breached: z.boolean(),
  paused: z.boolean().optional(),
  withinCalendarHours: z.boolean().optional(),
  goalDuration: Millis,
  elapsedTime: Millis,
  remainingTime: Millis,
});
const Schema = z.object({
  values: z.array(z.object({ id: z.string().optional(), name: z.string(), completedCycles: z.array(CycleSchema).optional(), ongoingCycle: CycleSchema.optional() })),
});

const DEFAULT_METRICS: Readonly<Record<string, string>> = { "Time to first response": "first_response", "Time to resolution": "resolution" };

function instant(date: z.output<typeof DateSchema> | undefined, path: IssuePath): number | null {
  if (date === undefined) return null;
  if (date.epochMillis !== undefined) return date.epochMillis;
  if (date.jira !== undefined) return parseVendorIso(date.jira, [...path, "jira"]);
  if (date.iso8601 !== undefined) return parseVendorIso(date.iso8601, [...path, "iso8601"]);
  return null;
}

/**
 * A request's SLA cycles as JSM measured them, from the request SLA endpoint: the oracle to hold
 * supportops' replay against (`compareSla`). Completed cycles (in order) then the ongoing one become
 * cycles 0, 1, …; a completed cycle is `breached` or `achieved` with its stop time; the ongoing one is
 * `breached`, `paused` or `active`, with its (predicted) breach time. Goal and elapsed time are kept
 * to the millisecond; `epochMillis` is preferred over the ISO strings, which drop milliseconds.
 *
 * @param sla - the endpoint's page (`{ values }`)
 * @param options - the metric name mapping
 * @returns `{ definition, source, issues }`
 * @throws {@link InteropError} `invalid_vendor_payload`, `invalid_time`
 * @example
 * const { definition } = observedSlaFromJsm({ values: [{ name: "Time to first response", completedCycles: [
 *   { startTime: { epochMillis: 1773046800000 }, stopTime: { epochMillis: 1773050400000 }, breachTime: { epochMillis: 1773061200000 }, breached: false, goalDuration: { millis: 14400000 }, elapsedTime: { millis: 3600000 } }] }] });
 * definition[0]; // => { metric: "first_response", cycle: 0, status: "achieved", targetMs: 14400000, startedAt: 1773046800000, stoppedAt: 1773050400000, breachedAt: null, elapsedBusinessMs: 3600000, source: { vendor: "jsm", metricId: null, name: "Time to first response" } }
 */
export function observedSlaFromJsm(sla: JsmSlaResponse, options: JsmSlaOptions = {}): ImportResult<ReadonlyArray<ObservedSla>, { readonly vendor: "jsm" }> {
  const parsed = parsePayload(Schema, sla, [], "a JSM request SLA response");
  const names: Record<string, string> = { ...DEFAULT_METRICS, ...(parseOptions(OptionsSchema, options).metrics ?? {}) };
  const issues: InteropIssue[] = [];
  const out: ObservedSla[] = [];
  parsed.values.forEach((metric, m) => {
    const ours = names[metric.name] ?? metric.name;
    const cycles = [...(metric.completedCycles ?? []).map((c, i) => ({ c, done: true, path: ["values", m, "completedCycles", i] })), ...(metric.ongoingCycle === undefined ? [] : [{ c: metric.ongoingCycle, done: false, path: ["values", m, "ongoingCycle"] }])];
    cycles.forEach(({ c, done, path }, cycle) => {
      const status: SlaMetricStatus = c.breached ? "breached" : done ? "achieved" : c.paused === true ? "paused" : "active";
      out.push({
        metric: ours,
        cycle,
        status,
        targetMs: c.goalDuration?.millis ?? null,
        startedAt: instant(c.startTime, [...path, "startTime"]),
        stoppedAt: done ? instant(c.stopTime, [...path, "stopTime"]) : null,
        breachedAt: status === "breached" || status === "active" ? instant(c.breachTime, [...path, "breachTime"]) : null,
        elapsedBusinessMs: c.elapsedTime?.millis ?? null,
        source: { vendor: "jsm", metricId: metric.id ?? null, name: metric.name },
      });
    });
  });
  return { definition: out, source: { vendor: "jsm" }, issues };
}
