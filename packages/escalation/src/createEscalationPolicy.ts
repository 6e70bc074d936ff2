import { TICKET_EVENT_TYPES, describeValue, safeToDurationMs, safely, type Issue, type IssuePath, type SafeResult } from "@supportops/core";
import { EscalationError, type EscalationIssueCode } from "./EscalationError.js";
import type { EscalationAnchor, EscalationLevel, EscalationPolicy, EscalationPolicyDefinition } from "./EscalationPolicy.js";
import { isRecord } from "./internal/formats.js";
import { dueFromEvents } from "./internal/policy/due.js";
import { scheduleLevels } from "./internal/policy/schedule.js";

const MIN_POSITIVE_AFTER_MS = 60_000;
const CALENDAR_METHODS = ["isOpenMs", "addBusinessMs", "businessMsBetween", "nextOpenMs", "nextCloseMs"] as const;
const ANCHORS: ReadonlyArray<string> = ["created", "slaDue", "previousLevel"];
const DEFINITION_KEYS: ReadonlySet<string> = new Set(["levels", "repeat", "stopOn", "startOn", "calendar"]);
const LEVEL_KEYS: ReadonlySet<string> = new Set(["after", "relativeTo", "targets"]);

type Add = (path: IssuePath, message: string, code?: EscalationIssueCode) => void;

/** Reports each key of `value` that is not one of `known`: a misspelt `stopon` must not vanish silently. */
function unknownKeys(value: Record<string, unknown>, known: ReadonlySet<string>, path: IssuePath, what: string, add: Add): void {
  for (const key of Object.keys(value)) if (!known.has(key)) add([...path, key], `unknown key ${JSON.stringify(key)}; ${what}`);
}

/** The delay of one level in ms, checked against its anchor and the earlier levels on that anchor. */
function levelDelay(level: Record<string, unknown>, path: IssuePath, relativeTo: EscalationAnchor | undefined, lastAfterByAnchor: Map<EscalationAnchor, number>, add: Add): number | undefined {
  const after = safeToDurationMs(level["after"], [...path, "after"]);
  if (!after.success) {
    for (const issue of after.error.issues) add(issue.path, issue.message, issue.code);
    return undefined;
  }
  if (relativeTo === undefined) return after.data;
  if (relativeTo !== "slaDue" && after.data < MIN_POSITIVE_AFTER_MS) {
    add([...path, "after"], `a level relative to ${relativeTo} must come at least one minute after it (got ${after.data} ms); only levels relative to slaDue may be negative (reminders before the due time)`);
  }
  if (relativeTo !== "previousLevel") {
    const previous = lastAfterByAnchor.get(relativeTo);
    if (previous !== undefined && after.data <= previous) {
      add([...path, "after"], `delays relative to ${relativeTo} must increase from level to level; ${after.data} ms is not after the earlier level's ${previous} ms`);
    }
    lastAfterByAnchor.set(relativeTo, after.data);
  }
  return after.data;
}

/** The targets of one level: at least one, non-empty, no duplicates. */
function levelTargets(targets: unknown, path: IssuePath, add: Add): ReadonlyArray<string> | undefined {
  if (!Array.isArray(targets) || targets.length === 0) {
    add([...path, "targets"], "every level needs at least one target, such as \"team:l2\" or \"user:alice\"");
    return undefined;
  }
  let ok = true;
  targets.forEach((target: unknown, t) => {
    if (typeof target !== "string" || target.trim() === "") {
      add([...path, "targets", t], "a target is a non-empty string such as \"team:l2\"");
      ok = false;
    }
  });
  if (new Set(targets).size !== targets.length) add([...path, "targets"], "a level lists the same target twice");
  return ok ? Object.freeze([...(targets as string[])]) : undefined;
}

/** One level, compiled; `undefined` after reporting what is wrong with it. */
function compileLevel(level: unknown, index: number, lastAfterByAnchor: Map<EscalationAnchor, number>, add: Add): EscalationLevel | undefined {
  const path = ["levels", index];
  if (!isRecord(level)) {
    add(path, `expected a level { after, relativeTo, targets }, got ${describeValue(level)}`);
    return undefined;
  }
  unknownKeys(level, LEVEL_KEYS, path, "a level has after, relativeTo and targets", add);
  const raw = level["relativeTo"];
  const relativeTo = typeof raw === "string" && ANCHORS.includes(raw) ? (raw as EscalationAnchor) : undefined;
  if (relativeTo === undefined) add([...path, "relativeTo"], `relativeTo must be "created", "slaDue" or "previousLevel"; got ${describeValue(raw)}`);
  if (relativeTo === "previousLevel" && index === 0) add([...path, "relativeTo"], "the first level has no previous level; measure it from \"created\" or \"slaDue\"");
  const afterMs = levelDelay(level, path, relativeTo, lastAfterByAnchor, add);
  const targets = levelTargets(level["targets"], path, add);
  if (relativeTo === undefined || afterMs === undefined || targets === undefined) return undefined;
  return Object.freeze({ level: index + 1, afterMs, relativeTo, targets });
}

/** The levels: at least one, each valid. */
function compileLevels(levels: unknown, add: Add): EscalationLevel[] {
  if (!Array.isArray(levels) || levels.length === 0) {
    add(["levels"], "a policy needs at least one level, such as { after: \"PT30M\", relativeTo: \"created\", targets: [\"team:l2\"] }");
    return [];
  }
  const lastAfterByAnchor = new Map<EscalationAnchor, number>();
  return levels.flatMap((level: unknown, index) => compileLevel(level, index, lastAfterByAnchor, add) ?? []);
}

/** `stopOn` and `startOn`: known, distinct event types, none both starting and stopping. */
function checkEventTypes(def: Record<string, unknown>, add: Add): void {
  const known = new Set<string>(TICKET_EVENT_TYPES);
  const checkList = (key: "stopOn" | "startOn", allowResolved: boolean): void => {
    const list = def[key];
    if (list === undefined) return;
    if (!Array.isArray(list) || list.length === 0) {
      add([key], `${key} needs at least one event type`);
      return;
    }
    list.forEach((type: unknown, i) => {
      if (!(typeof type === "string" && (known.has(type) || (allowResolved && type === "resolved")))) {
        add([key, i], `${describeValue(type)} is not a ticket event type; use one of ${[...(allowResolved ? ["resolved"] : []), ...TICKET_EVENT_TYPES].join(", ")}`);
      }
    });
    if (new Set(list).size !== list.length) add([key], `${key} lists the same type twice`);
  };
  checkList("stopOn", true);
  checkList("startOn", false);
  const stopOn = def["stopOn"];
  const startOn = def["startOn"];
  if (Array.isArray(stopOn) && Array.isArray(startOn)) {
    const starts = new Set<unknown>(startOn);
    stopOn.forEach((type: unknown, i) => {
      if (starts.has(type)) add(["stopOn", i], `${JSON.stringify(type)} both starts and stops an escalation; pick one`);
    });
  }
}

/** Validates a definition; the compiled levels when there is nothing to report. */
function validate(def: unknown): { issues: Issue<EscalationIssueCode>[]; levels: EscalationLevel[] } {
  const issues: Issue<EscalationIssueCode>[] = [];
  const add: Add = (path, message, code = "invalid_policy") => {
    issues.push({ code, path, message });
  };
  if (!isRecord(def)) {
    add([], `expected a policy definition object { levels, repeat?, stopOn?, startOn?, calendar? }, got ${describeValue(def)}`);
    return { issues, levels: [] };
  }
  unknownKeys(def, DEFINITION_KEYS, [], "a policy has levels, repeat, stopOn, startOn and calendar", add);
  const levels = compileLevels(def["levels"], add);
  const repeat = def["repeat"] ?? 0;
  if (typeof repeat !== "number" || !Number.isInteger(repeat) || repeat < 0 || repeat > 9) add(["repeat"], `repeat is a whole number from 0 to 9; got ${describeValue(repeat)}`);
  checkEventTypes(def, add);
  const calendar = def["calendar"];
  if (calendar !== undefined) {
    const missing = CALENDAR_METHODS.filter((m) => !isRecord(calendar) || typeof calendar[m] !== "function");
    if (missing.length > 0) add(["calendar"], `a calendar implements BusinessCalendarLike from @supportops/core; missing ${missing.join(", ")}`, "invalid_calendar");
  }
  return { issues, levels };
}

/**
 * Validates an escalation policy and compiles it: ordered levels, each `after` a delay from
 * `created`, `slaDue` or the `previousLevel`, repeated `repeat` times, and stopped by `stopOn`.
 * Validation: at least one level; every level has a target; delays are at least one minute except
 * relative to `slaDue`, where they may be zero or negative (reminders); delays relative to the same
 * anchor increase from level to level; 0 ≤ `repeat` ≤ 9; `stopOn` and `startOn` name core event types
 * (`stopOn` also `resolved`); a `calendar` has every `BusinessCalendarLike` method; no unknown keys
 * (a misspelt `stopon` is reported, not ignored).
 *
 * @param def - the policy definition
 * @returns the frozen policy
 * @throws {@link EscalationError} `invalid_policy` with one issue per problem (issue code
 *   `invalid_policy`, core's `invalid_duration` for an unreadable delay, `invalid_calendar` for a
 *   calendar missing methods)
 * @example
 * const policy = createEscalationPolicy({
 *   levels: [
 *     { after: "PT30M", relativeTo: "created", targets: ["team:l2"] },
 *     { after: "PT1H", relativeTo: "previousLevel", targets: ["user:support-manager"] },
 *   ],
 *   repeat: 1,
 * });
 * policy.schedule({ createdAt: "2026-03-09T09:00:00Z" }).map((s) => `${s.level}/${s.cycle} ${new Date(s.firesAt).toISOString()}`);
 * // => ["1/0 2026-03-09T09:30:00.000Z", "2/0 2026-03-09T10:30:00.000Z",
 * //     "1/1 2026-03-09T11:00:00.000Z", "2/1 2026-03-09T12:00:00.000Z"]
 */
export function createEscalationPolicy(def: EscalationPolicyDefinition): EscalationPolicy {
  const { issues, levels } = validate(def);
  if (issues.length > 0) throw new EscalationError("invalid_policy", issues);
  const repeat = def.repeat ?? 0;
  const stopOn = Object.freeze([...(def.stopOn ?? ["acknowledged", "resolved"])]);
  const startOn = Object.freeze([...(def.startOn ?? ["created", "escalated"])]);
  const calendar = def.calendar;
  const frozenLevels = Object.freeze(levels);
  const policy: EscalationPolicy = {
    levels: frozenLevels,
    repeat,
    stopOn,
    startOn,
    businessHours: calendar !== undefined,
    schedule: (input) => scheduleLevels(frozenLevels, repeat, calendar, input),
    due: (events, options) => dueFromEvents({ levels: frozenLevels, repeat, calendar, stopOn, startOn }, events, options),
  };
  return Object.freeze(policy);
}

/**
 * {@link createEscalationPolicy} without throwing; takes anything (a stored policy is `unknown` JSON).
 *
 * @param def - the policy definition
 * @returns `{ success: true, data }` or `{ success: false, error }` with the {@link EscalationError}
 * @example
 * safeCreateEscalationPolicy({ levels: [] }).success; // => false
 */
export function safeCreateEscalationPolicy(def: unknown): SafeResult<EscalationPolicy, EscalationError> {
  return safely(EscalationError, () => createEscalationPolicy(def as EscalationPolicyDefinition));
}
