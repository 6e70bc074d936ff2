import type { CalendarDefinition, SlaEngineDefinition, SlaPolicyDefinition, SlaTarget } from "@supportops/sla";
import { argumentError } from "./payload.js";

/**
 * The calendar a vendor's business-hours targets run on: its name in the engine definition and its
 * definition (for example from `calendarFromZendeskSchedule`).
 *
 * @example
 * const calendar: SlaImportCalendar = { name: "support", definition: { timeZone: "UTC", weekly: { mon: [["09:00", "17:00"]] } } };
 */
export interface SlaImportCalendar {
  /** The calendar's name in the engine definition (not `"24x7"`, which is built in). */
  readonly name: string;
  readonly definition: CalendarDefinition;
}

/** A target in ms: on the policy's calendar (business hours) or on `24x7` (calendar time). */
export function targetOf(ms: number, businessHours: boolean): SlaTarget {
  return businessHours ? ms : { duration: ms, calendar: "24x7" };
}

/** Checks the optional calendar option; throws when business-hours targets have none. */
export function requireCalendar(calendar: SlaImportCalendar | undefined, needed: boolean, vendor: string): SlaImportCalendar | undefined {
  if (calendar !== undefined) {
    if (calendar === null || typeof calendar !== "object" || typeof calendar.name !== "string" || calendar.name === "" || calendar.name === "24x7") {
      argumentError(["calendar", "name"], 'name the calendar business-hours targets run on (any name but "24x7")');
    }
    return calendar;
  }
  if (needed) {
    argumentError(
      ["calendar"],
      `some ${vendor} targets are in business hours: pass { calendar: { name, definition } } with the schedule they run on (import it with the vendor's calendar importer)`,
    );
  }
  return undefined;
}

/** The engine definition: the calendar (when any) and the policies. */
export function engineDefinition(calendar: SlaImportCalendar | undefined, policies: ReadonlyArray<SlaPolicyDefinition>, metrics?: SlaEngineDefinition["metrics"]): SlaEngineDefinition {
  return {
    ...(calendar === undefined ? {} : { calendars: { [calendar.name]: calendar.definition } }),
    ...(metrics === undefined ? {} : { metrics }),
    policies,
  };
}
