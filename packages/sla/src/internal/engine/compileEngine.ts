import { checkDepth, rethrowAs, toDurationMs, type BusinessCalendarLike, type Issue, type IssuePath } from "@supportops/core";
import type { BusinessCalendar } from "../../BusinessCalendar.js";
import type { CalendarDefinition } from "../../CalendarDefinition.js";
import { calendar24x7 } from "../../calendar24x7.js";
import { createCalendar } from "../../createCalendar.js";
import { SlaError, type SlaIssueCode } from "../../SlaError.js";
import {
  SLA_METRIC_PRESETS,
  type SlaCondition,
  type SlaEngineDefinition,
  type SlaMetricDefinition,
  type SlaMetricPreset,
  type SlaPolicyDefinition,
  type SlaTarget,
  type SlaTrigger,
} from "../../SlaPolicy.js";
import { CalendarMemo } from "./cycles.js";
import { customLogic, presetLogic, type MetricLogic } from "./metricLogic.js";
import type { ClockEngine, CompiledPolicy, PolicyTarget } from "./TicketClock.js";
import {
  FACT_ASSIGNED,
  FACT_CATEGORY_CHANGED,
  FACT_FIELD_CHANGED,
  FACT_PRIORITY_CHANGED,
  FACT_SEVERITY_CHANGED,
  FACT_STATUS_CHANGED,
  alwaysHolds,
  compileSlaCondition,
  fieldTestsOf,
  neverHolds,
} from "./ticketState.js";

type EngineIssue = Issue<SlaIssueCode>;

const PRESETS: ReadonlySet<string> = new Set(SLA_METRIC_PRESETS);

/** A created calendar (or any object honouring core's `BusinessCalendarLike`) rather than a definition. */
function isCalendarObject(value: unknown): value is BusinessCalendarLike {
  return typeof value === "object" && value !== null && typeof (value as BusinessCalendarLike).addBusinessMs === "function";
}

let calendarObjectIds = 0;
const calendarObjectId = new WeakMap<object, number>();

/** A stable text for the fingerprint: definitions as JSON, calendar objects by their definition or identity. */
function fingerprintOf(definition: SlaEngineDefinition): string {
  const calendars = Object.entries(definition.calendars ?? {}).map(([name, cal]) => {
    if (!isCalendarObject(cal)) return [name, cal];
    const def = (cal as Partial<BusinessCalendar>).definition;
    if (def !== undefined && def !== null) return [name, def];
    let id = calendarObjectId.get(cal);
    if (id === undefined) calendarObjectId.set(cal, (id = ++calendarObjectIds));
    return [name, `object#${id}`];
  });
  const text = JSON.stringify({ calendars, metrics: definition.metrics ?? {}, policies: definition.policies });
  // FNV-1a, 32 bits twice with different offsets: a change detector, not a security measure.
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193) >>> 0;
    b = Math.imul(b ^ c, 0x01000193 + 2) >>> 0;
  }
  return `${a.toString(16).padStart(8, "0")}${b.toString(16).padStart(8, "0")}`;
}

function compileCalendars(definition: SlaEngineDefinition, issues: EngineIssue[]): Map<string, BusinessCalendarLike> {
  const calendars = new Map<string, BusinessCalendarLike>([["24x7", calendar24x7()]]);
  for (const [name, value] of Object.entries(definition.calendars ?? {})) {
    if (name === "24x7") {
      issues.push({ code: "reserved_calendar", path: ["calendars", name], message: '"24x7" is built in (always open); give your calendar another name' });
      continue;
    }
    if (isCalendarObject(value)) {
      calendars.set(name, value);
      continue;
    }
    try {
      calendars.set(name, rethrowAs(SlaError, () => createCalendar(value as CalendarDefinition), ["calendars", name], "invalid_calendar"));
    } catch (error) {
      if (!(error instanceof SlaError)) throw error;
      issues.push(...error.issues);
    }
  }
  return calendars;
}

function triggersOf(value: SlaTrigger | ReadonlyArray<SlaTrigger> | undefined): ReadonlyArray<SlaTrigger> {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value as SlaTrigger];
}

/** The static checks of a custom metric: a start or stop that can never happen, a pause that never ends. */
function checkCustomMetric(name: string, metric: SlaMetricDefinition, issues: EngineIssue[]): void {
  const path: IssuePath = ["metrics", name];
  if (PRESETS.has(name)) {
    issues.push({ code: "duplicate_metric", path, message: `"${name}" is a preset metric; give your metric another name` });
  }
  const start = triggersOf(metric.start);
  const stop = triggersOf(metric.stop);
  if (start.every((trigger) => neverHolds(trigger.when))) {
    issues.push({ code: "unreachable_start", path: [...path, "start"], message: "no start trigger can ever hold, so the metric never starts" });
  }
  const stopCanFollowStart = stop.some((trigger) => {
    const types = typeof trigger.on === "string" ? [trigger.on] : trigger.on;
    return !neverHolds(trigger.when) && types.some((type) => type !== "created");
  });
  if (!stopCanFollowStart) {
    issues.push({
      code: "unreachable_stop",
      path: [...path, "stop"],
      message: 'no stop trigger can happen after a start (a "created" event comes only first, and a condition like { any: [] } never holds); every cycle would run for ever',
    });
  }
  const pause = triggersOf(metric.pause);
  if (pause.length > 0 && triggersOf(metric.resume).length === 0) {
    issues.push({ code: "pause_never_resumes", path: [...path, "pause"], message: "a pause with no resume trigger would never end; add resume triggers" });
  }
  for (const [index, trigger] of pause.entries()) {
    const types = typeof trigger.on === "string" ? [trigger.on] : trigger.on;
    const pausesEveryStart = start.some((s) => {
      const startTypes = typeof s.on === "string" ? [s.on] : s.on;
      return alwaysHolds(trigger.when) && startTypes.every((type) => types.includes(type));
    });
    if (pausesEveryStart) {
      issues.push({
        code: "always_paused",
        path: [...path, "pause", ...(Array.isArray(metric.pause) ? [index] : [])],
        message: "this pause trigger matches every start event unconditionally, so the clock is paused from the moment it starts",
      });
    }
  }
}

/** `event.<key>` only means something inside a trigger; a policy's `when` reads the ticket. */
function checkPolicyCondition(condition: SlaCondition | undefined, path: IssuePath, issues: EngineIssue[]): void {
  if (condition === undefined) return;
  for (const { test, path: at } of fieldTestsOf(condition, path)) {
    if (test.field.startsWith("event.")) {
      issues.push({
        code: "event_field_outside_trigger",
        path: [...at, "field"],
        message: `"${test.field}" reads an event, but a policy's condition is read on the ticket; name a ticket field such as "priority" or "tags"`,
      });
    }
  }
}

function compileTarget(
  target: SlaTarget,
  fallbackCalendar: string,
  calendars: ReadonlyMap<string, BusinessCalendarLike>,
  path: IssuePath,
  issues: EngineIssue[],
): { ms: number; calendar: string } | undefined {
  const duration = typeof target === "object" ? target.duration : target;
  const calendar = typeof target === "object" ? (target.calendar ?? fallbackCalendar) : fallbackCalendar;
  const durationPath = typeof target === "object" ? [...path, "duration"] : path;
  let ms: number;
  try {
    ms = rethrowAs(SlaError, () => toDurationMs(duration), durationPath, "invalid_duration");
  } catch (error) {
    if (!(error instanceof SlaError)) throw error;
    issues.push(...error.issues);
    return undefined;
  }
  if (ms <= 0) {
    issues.push({ code: "invalid_target", path: durationPath, message: `a target is a positive duration, got ${ms} ms` });
    return undefined;
  }
  if (typeof target === "object" && target.calendar !== undefined && !calendars.has(target.calendar)) {
    issues.push({ code: "unknown_calendar", path: [...path, "calendar"], message: `no calendar named "${target.calendar}"; use "24x7" or one of: ${[...calendars.keys()].join(", ")}` });
    return undefined;
  }
  return { ms, calendar };
}

function compilePolicy(
  policy: SlaPolicyDefinition,
  index: number,
  calendars: ReadonlyMap<string, BusinessCalendarLike>,
  metricNames: ReadonlySet<string>,
  issues: EngineIssue[],
): Omit<CompiledPolicy, "targetsByPriority" | "calendarSlot"> {
  const path: IssuePath = ["policies", index];
  const calendar = policy.calendar ?? "24x7";
  if (!calendars.has(calendar)) {
    issues.push({ code: "unknown_calendar", path: [...path, "calendar"], message: `no calendar named "${calendar}"; use "24x7" or one of: ${[...calendars.keys()].join(", ")}` });
  }
  checkPolicyCondition(policy.when, [...path, "when"], issues);
  const warnAt = Object.freeze([...new Set(policy.warnAt ?? [0.75])].sort((a, b) => a - b));
  (policy.warnAt ?? []).forEach((fraction, i) => {
    if (!(fraction > 0 && fraction < 1)) {
      issues.push({ code: "invalid_warning", path: [...path, "warnAt", i], message: `a warning is a fraction of the target strictly between 0 and 1 (0.75 warns at three quarters), got ${fraction}` });
    }
  });
  const targets = new Map<string, Map<string, { ms: number; calendar: string }>>();
  for (const [metric, byPriority] of Object.entries(policy.targets)) {
    const metricPath = [...path, "targets", metric];
    if (!metricNames.has(metric)) {
      issues.push({
        code: "unknown_metric",
        path: metricPath,
        message: `"${metric}" is neither a preset (${SLA_METRIC_PRESETS.join(", ")}) nor one of your metrics`,
      });
      continue;
    }
    const entries = Object.entries(byPriority);
    if (entries.length === 0) {
      issues.push({ code: "empty_targets", path: metricPath, message: "give a target for at least one priority, or leave the metric out" });
      continue;
    }
    const compiled = new Map<string, { ms: number; calendar: string }>();
    for (const [priority, target] of entries) {
      const result = compileTarget(target, calendar, calendars, [...metricPath, priority], issues);
      if (result !== undefined) compiled.set(priority, result);
    }
    targets.set(metric, compiled);
  }
  return {
    id: policy.id,
    matches: compileSlaCondition(policy.when),
    calendar,
    warnAt,
    strategy: policy.onPriorityChange ?? "retarget",
    targets,
  };
}

/** The fact of the event that changes each ticket attribute a condition can read (`channel` and `createdBy` never change, 0; other names are `field_changed` fields). */
const CHANGED_BY: Readonly<Record<string, number>> = {
  priority: FACT_PRIORITY_CHANGED,
  severity: FACT_SEVERITY_CHANGED,
  category: FACT_CATEGORY_CHANGED,
  group: FACT_ASSIGNED,
  agent: FACT_ASSIGNED,
  status: FACT_STATUS_CHANGED,
  channel: 0,
  createdBy: 0,
};

/** The facts after which the policy must be chosen again (see `ClockEngine.policyFacts`). */
function policyFactsOf(policies: ReadonlyArray<SlaPolicyDefinition>): number {
  let facts = FACT_PRIORITY_CHANGED;
  for (const policy of policies) {
    if (policy.when === undefined) continue;
    for (const { test } of fieldTestsOf(policy.when, [])) facts |= Object.hasOwn(CHANGED_BY, test.field) ? (CHANGED_BY[test.field] as number) : FACT_FIELD_CHANGED;
  }
  return facts;
}

/** Checks what the schema cannot and compiles the definition; throws `invalid_sla_policy` with every issue. */
export function compileEngine(definition: SlaEngineDefinition): ClockEngine {
  const issues: EngineIssue[] = [];
  const calendars = compileCalendars(definition, issues);
  const custom = Object.entries(definition.metrics ?? {});
  for (const [name, metric] of custom) checkCustomMetric(name, metric, issues);
  const metricNames = new Set<string>([...SLA_METRIC_PRESETS, ...custom.map(([name]) => name)]);
  const seen = new Map<string, number>();
  const policies = definition.policies.map((policy, index) => {
    const first = seen.get(policy.id);
    if (first !== undefined) {
      issues.push({ code: "duplicate_policy", path: ["policies", index, "id"], message: `policy id "${policy.id}" is already used by policies[${first}]` });
    } else {
      seen.set(policy.id, index);
    }
    return compilePolicy(policy, index, calendars, metricNames, issues);
  });
  const [first, ...rest] = issues;
  if (first !== undefined) throw new SlaError("invalid_sla_policy", [first, ...rest]);
  const targeted = new Set(policies.flatMap((policy) => [...policy.targets.keys()]));
  const customByName = new Map(custom);
  const metrics: MetricLogic[] = [...metricNames]
    .filter((name) => targeted.has(name))
    .map((name) => {
      const definitionOf = customByName.get(name);
      return definitionOf === undefined ? presetLogic(name as SlaMetricPreset) : customLogic(name, definitionOf);
    });
  // A calendar's slot is its place in `calendarKeys`; every name here is a known calendar (checked above).
  const calendarKeys = [...calendars.keys()];
  const slotOf = (key: string): number => calendarKeys.indexOf(key);
  const byMetric = policies.map((policy): CompiledPolicy => {
    const priorities = new Set([...policy.targets.values()].flatMap((byPriority) => [...byPriority.keys()]));
    const targetOf = (metric: string, priority: string): PolicyTarget | undefined => {
      const target = policy.targets.get(metric)?.get(priority);
      return target === undefined ? undefined : { ...target, slot: slotOf(target.calendar) };
    };
    const targetsByPriority = new Map([...priorities].map((priority) => [priority, metrics.map((metric) => targetOf(metric.name, priority))]));
    return { ...policy, calendarSlot: slotOf(policy.calendar), targetsByPriority };
  });
  return {
    fingerprint: fingerprintOf(definition),
    calendars,
    // "24x7" first (the map starts with it): the clock's default slot is 0.
    calendarKeys,
    calendarList: [...calendars.values()],
    memo: new CalendarMemo(),
    metrics,
    noCycles: metrics.map(() => undefined),
    metricIndex: new Map(metrics.map((metric, index) => [metric.name, index])),
    policies: byMetric,
    policyFacts: policyFactsOf(definition.policies),
    presetsOnly: metrics.every((metric) => !customByName.has(metric.name)),
  };
}

/** The depth guard for a definition, skipping calendar objects (which are not data). */
export function definitionDepthIssue(definition: unknown): EngineIssue | undefined {
  if (typeof definition !== "object" || definition === null) return undefined;
  const { calendars, ...rest } = definition as { calendars?: unknown };
  const restIssue = checkDepth(rest);
  if (restIssue !== undefined) return restIssue;
  if (typeof calendars !== "object" || calendars === null) return undefined;
  for (const [name, cal] of Object.entries(calendars)) {
    if (isCalendarObject(cal)) continue;
    const issue = checkDepth(cal, 100, ["calendars", name]);
    if (issue !== undefined) return issue;
  }
  return undefined;
}
