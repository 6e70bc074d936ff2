import type { Issue } from "@supportops/core";
import type { InteropIssueCode } from "./InteropError.js";

/**
 * Something an importer read but could not represent exactly, with the path into the vendor payload.
 * Issues never stop an import; a payload that cannot be read at all throws an `InteropError`.
 *
 * @example
 * const issue: InteropIssue = { code: "unsupported_condition", path: ["filter", "all", 1], message: "…" };
 */
export type InteropIssue = Issue<InteropIssueCode>;

/**
 * What every importer returns: the supportops `definition` (a calendar definition, SLA engine input or
 * ticket log), the vendor's own identifiers and names in `source` (so a round trip loses nothing), and
 * the `issues` found on the way.
 *
 * @typeParam D - the definition's type
 * @typeParam S - the source record's type
 * @example
 * const result: ImportResult<CalendarDefinition, { vendor: "zendesk"; id: number }> = {
 *   definition: { timeZone: "UTC", weekly: { mon: [["09:00", "17:00"]] } },
 *   source: { vendor: "zendesk", id: 1 },
 *   issues: [],
 * };
 */
export interface ImportResult<D, S> {
  /** The imported value in supportops' own form. */
  readonly definition: D;
  /** The vendor's identifiers, names and anything kept verbatim. */
  readonly source: S;
  /** What could not be represented exactly; empty when nothing was lost. */
  readonly issues: ReadonlyArray<InteropIssue>;
}
