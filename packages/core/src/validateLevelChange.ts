import type { CoreIssueCode } from "./CoreError.js";
import { z } from "zod";
import { LevelListSchema, listLabels, rankIndex } from "./internal/levels/levelList.js";
import { CoreError } from "./CoreError.js";
import { requireOptions } from "./internal/requireOptions.js";
import { issuesFromZod, zodErrorMap } from "./issuesFromZod.js";
import { safely, type Issue, type SafeResult } from "./SupportOpsError.js";
import { LEVEL_CHANGE_SOURCES } from "./TicketEvent.js";

/**
 * A change of priority or severity, shaped like the `priority_changed` / `severity_changed` ticket
 * events (other event fields such as `id`, `at` and `type` may be present and are ignored).
 *
 * @example
 * const change: LevelChange = { from: "P3", to: "P1", source: "manual", reason: "VIP customer", actor: "ana" };
 */
export interface LevelChange {
  /** The level before; `null` when none was set. */
  readonly from: string | null;
  /** The level after. */
  readonly to: string;
  /** Who or what decided it: a matrix lookup, a person, an impact rule, or an import from another system. */
  readonly source: (typeof LEVEL_CHANGE_SOURCES)[number];
  /** Why; required for manual changes and for changes that lower the level. */
  readonly reason?: string;
  /** Who made it, when known. */
  readonly actor?: string;
}

/**
 * A level change that passed {@link validateLevelChange}, with the direction it moves in.
 *
 * @example
 * const checked: ValidatedLevelChange = validateLevelChange({ from: null, to: "P2", source: "matrix" }, { levels: ["P1", "P2", "P3"] });
 * checked.direction; // => "set"
 */
export interface ValidatedLevelChange extends LevelChange {
  /** `set` from no level, `raise` toward more severe, `lower` toward less severe, `same` for no move. */
  readonly direction: "set" | "raise" | "lower" | "same";
}

/**
 * The level list a change is read on.
 *
 * @example
 * const options: ValidateLevelChangeOptions = { levels: ["P1", "P2", "P3"] };
 * validateLevelChange({ from: "P3", to: "P1", source: "manual", reason: "VIP customer" }, options).direction; // => "raise"
 */
export interface ValidateLevelChangeOptions {
  /** The levels, most severe first (`matrix.priorities`, `ladder.ids`). */
  readonly levels: ReadonlyArray<string>;
}

const LevelChangeSchema = z.object({
  from: z.string().min(1, "must not be empty; use null for no previous level").nullable(),
  to: z.string().min(1, "must not be empty"),
  source: z.enum(LEVEL_CHANGE_SOURCES),
  reason: z.string().optional(),
  actor: z.string().min(1).optional(),
});

/**
 * Checks a priority or severity change against its level list and the audit rule: a change that is
 * manual, or that lowers the level, must say why. ServiceNow makes work notes mandatory when a
 * problem's priority changes; we require a reason where a person overrides or where urgency is given up.
 *
 * Issue codes: `unknown_level` (`from` or `to` not in `levels`), `reason_required` (a manual or
 * lowering change without a non-blank `reason`), and zod's codes for a wrong shape.
 *
 * @param change - the change or the whole `priority_changed` / `severity_changed` event; not mutated
 * @param options - the level list, most severe first
 * @returns the change's fields (without other event fields), frozen, with its `direction`
 * @throws {@link CoreError} with code `invalid_level_change`
 * @example
 * const levels = ["P1", "P2", "P3"];
 * validateLevelChange({ from: "P3", to: "P1", source: "rule" }, { levels });
 * // => { from: "P3", to: "P1", source: "rule", direction: "raise" }
 * validateLevelChange({ from: "P1", to: "P3", source: "matrix" }, { levels });
 * // throws invalid_level_change: 'reason: lowering "P1" to "P3" gives up urgency, so it needs a non-blank reason, …'
 */
export function validateLevelChange(change: LevelChange, options: ValidateLevelChangeOptions): ValidatedLevelChange {
  requireOptions(options, "validateLevelChange(change, { levels })");
  const levelList = LevelListSchema.safeParse(options.levels, { error: zodErrorMap });
  if (!levelList.success) throw new CoreError("invalid_argument", issuesFromZod<CoreIssueCode>(levelList.error, ["levels"]));
  const parsed = LevelChangeSchema.safeParse(change, { error: zodErrorMap });
  if (!parsed.success) throw new CoreError("invalid_level_change", issuesFromZod<CoreIssueCode>(parsed.error));
  const { from, to, source, reason, actor } = parsed.data;
  const ranks = rankIndex(levelList.data);
  const issues: Issue<CoreIssueCode>[] = [];
  const fromRank = from === null ? undefined : ranks.get(from);
  const toRank = ranks.get(to);
  if (from !== null && fromRank === undefined) {
    issues.push({ code: "unknown_level", path: ["from"], message: `"${from}" is not a level; use one of ${listLabels(levelList.data)}, or null for no previous level` });
  }
  if (toRank === undefined) issues.push({ code: "unknown_level", path: ["to"], message: `"${to}" is not a level; use one of ${listLabels(levelList.data)}` });
  if (issues.length > 0) throw new CoreError("invalid_level_change", issues);

  const direction: ValidatedLevelChange["direction"] =
    fromRank === undefined ? "set" : toRank! < fromRank ? "raise" : toRank! > fromRank ? "lower" : "same";
  const hasReason = reason !== undefined && reason.trim() !== "";
  if (!hasReason && (source === "manual" || direction === "lower")) {
    const why = [
      ...(source === "manual" ? ["a manual change overrides the derived level"] : []),
      ...(direction === "lower" ? [`lowering "${from}" to "${to}" gives up urgency`] : []),
    ];
    throw new CoreError("invalid_level_change", [
      { code: "reason_required", path: ["reason"], message: `${why.join(" and ")}, so it needs a non-blank reason, e.g. reason: "customer confirmed a workaround"` },
    ]);
  }
  return Object.freeze({
    from,
    to,
    source,
    ...(reason === undefined ? {} : { reason }),
    ...(actor === undefined ? {} : { actor }),
    direction,
  });
}

/**
 * {@link validateLevelChange} without throwing.
 *
 * @param change - the change or event
 * @param options - the level list, most severe first
 * @returns the validated change, or the `invalid_level_change` error
 * @example
 * safeValidateLevelChange({ from: "P2", to: "P1", source: "manual" }, { levels: ["P1", "P2"] }).success; // => false
 */
export function safeValidateLevelChange(change: unknown, options: unknown): SafeResult<ValidatedLevelChange, CoreError> {
  return safely(CoreError, () => validateLevelChange(change as LevelChange, options as ValidateLevelChangeOptions));
}
