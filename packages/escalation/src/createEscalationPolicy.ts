import { safeToDurationMs, safely, type Issue, type SafeResult } from "@supportops/core";
import { EscalationError } from "./EscalationError.js";
import {
  TICKET_EVENT_TYPES,
  type EscalationAnchor,
  type EscalationLevel,
  type EscalationPolicy,
  type EscalationPolicyDefinition,
} from "./EscalationPolicy.js";
import { dueFromEvents } from "./internal/policy/due.js";
import { scheduleLevels } from "./internal/policy/schedule.js";

const MIN_POSITIVE_AFTER_MS = 60_000;
const CALENDAR_METHODS = ["isOpenMs", "addBusinessMs", "businessMsBetween", "nextOpenMs", "nextCloseMs"] as const;

function validate(def: EscalationPolicyDefinition): { issues: Issue[]; levels: EscalationLevel[] } {
  const issues: Issue[] = [];
  const add = (path: ReadonlyArray<string | number>, message: string): void => {
    issues.push({ code: "invalid_policy", path, message });
  };
  const levels: EscalationLevel[] = [];
  if (typeof def !== "object" || def === null) {
    add([], "expected a policy definition object { levels, repeat?, stopOn?, startOn?, calendar? }");
    return { issues, levels };
  }
  if (!Array.isArray(def.levels) || def.levels.length === 0) {
    add(["levels"], "a policy needs at least one level, such as { after: \"PT30M\", relativeTo: \"created\", targets: [\"team:l2\"] }");
  } else {
    const lastAfterByAnchor = new Map<EscalationAnchor, number>();
    def.levels.forEach((level, index) => {
      const path = ["levels", index];
      if (typeof level !== "object" || level === null) {
        add(path, "expected a level { after, relativeTo, targets }");
        return;
      }
      const relativeTo = level.relativeTo;
      const anchorOk = relativeTo === "created" || relativeTo === "slaDue" || relativeTo === "previousLevel";
      if (!anchorOk) add([...path, "relativeTo"], `relativeTo must be "created", "slaDue" or "previousLevel"; got ${JSON.stringify(relativeTo)}`);
      if (relativeTo === "previousLevel" && index === 0) add([...path, "relativeTo"], "the first level has no previous level; measure it from \"created\" or \"slaDue\"");
      const after = safeToDurationMs(level.after, [...path, "after"]);
      if (!after.success) {
        for (const issue of after.error.issues) add(issue.path, issue.message);
      } else if (anchorOk) {
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
      }
      const targets = level.targets;
      if (!Array.isArray(targets) || targets.length === 0) {
        add([...path, "targets"], "every level needs at least one target, such as \"team:l2\" or \"user:alice\"");
      } else {
        targets.forEach((target, t) => {
          if (typeof target !== "string" || target.trim() === "") add([...path, "targets", t], "a target is a non-empty string such as \"team:l2\"");
        });
        if (new Set(targets).size !== targets.length) add([...path, "targets"], "a level lists the same target twice");
      }
      if (anchorOk && after.success) {
        levels.push(Object.freeze({ level: index + 1, afterMs: after.data, relativeTo, targets: Object.freeze([...targets]) }));
      }
    });
  }
  const repeat = def.repeat ?? 0;
  if (!Number.isInteger(repeat) || repeat < 0 || repeat > 9) add(["repeat"], `repeat is a whole number from 0 to 9; got ${String(repeat)}`);
  const known = new Set<string>(TICKET_EVENT_TYPES);
  const checkTypes = (key: "stopOn" | "startOn", list: ReadonlyArray<string> | undefined, allowResolved: boolean): void => {
    if (list === undefined) return;
    if (!Array.isArray(list) || list.length === 0) {
      add([key], `${key} needs at least one event type`);
      return;
    }
    list.forEach((type, i) => {
      if (!(known.has(type) || (allowResolved && type === "resolved"))) {
        add([key, i], `${JSON.stringify(type)} is not a ticket event type; use one of ${[...(allowResolved ? ["resolved"] : []), ...TICKET_EVENT_TYPES].join(", ")}`);
      }
    });
    if (new Set(list).size !== list.length) add([key], `${key} lists the same type twice`);
  };
  checkTypes("stopOn", def.stopOn, true);
  checkTypes("startOn", def.startOn, false);
  if (Array.isArray(def.stopOn) && Array.isArray(def.startOn)) {
    const starts = new Set<string>(def.startOn);
    def.stopOn.forEach((type, i) => {
      if (starts.has(type)) add(["stopOn", i], `${JSON.stringify(type)} both starts and stops an escalation; pick one`);
    });
  }
  if (def.calendar !== undefined) {
    const calendar = def.calendar as unknown as Record<string, unknown>;
    const missing = CALENDAR_METHODS.filter((m) => typeof calendar?.[m] !== "function");
    if (missing.length > 0) add(["calendar"], `a calendar implements BusinessCalendarLike; missing ${missing.join(", ")}`);
  }
  return { issues, levels };
}

/**
 * Validates an escalation policy (§3.5 of the research anchors) and compiles it: ordered levels,
 * each `after` a delay from `created`, `slaDue` or the `previousLevel`, repeated `repeat` times, and
 * stopped by `stopOn`. Validation: at least one level; every level has a target; delays are at least
 * one minute except relative to `slaDue`, where they may be zero or negative (reminders); delays
 * relative to the same anchor increase from level to level; 0 ≤ `repeat` ≤ 9; `stopOn` and
 * `startOn` name core event types (`stopOn` also `resolved`).
 *
 * @param def - the policy definition
 * @returns the frozen policy
 * @throws {@link EscalationError} `invalid_policy` with one issue per problem
 * @example
 * const policy = createEscalationPolicy({
 *   levels: [
 *     { after: "PT30M", relativeTo: "created", targets: ["team:l2"] },
 *     { after: "PT1H", relativeTo: "previousLevel", targets: ["user:support-manager"] },
 *   ],
 *   repeat: 1,
 * });
 * policy.schedule({ createdAt: "2026-03-09T09:00:00Z" }).map((s) => `${s.level}/${s.cycle} ${s.at.toISOString()}`);
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
 * {@link createEscalationPolicy} without throwing.
 *
 * @param def - the policy definition
 * @returns `{ success: true, data }` or `{ success: false, error }` with the {@link EscalationError}
 * @example
 * safeCreateEscalationPolicy({ levels: [] }).success; // => false
 */
export function safeCreateEscalationPolicy(def: EscalationPolicyDefinition): SafeResult<EscalationPolicy, EscalationError> {
  return safely(EscalationError, () => createEscalationPolicy(def));
}
