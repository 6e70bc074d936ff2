import { z } from "zod";

/**
 * A Zendesk schedule (`GET /api/v2/business_hours/schedules/{id}`, the `schedule` object), as far as
 * the importer reads it: `time_zone` is a Rails display name, and each interval counts minutes from
 * Sunday 00:00 in that zone. Other fields are allowed and ignored.
 *
 * @example
 * const schedule: ZendeskSchedule = {
 *   id: 4567312249615, name: "Test Schedule", time_zone: "New Caledonia",
 *   intervals: [{ start_time: 1980, end_time: 2460 }], // Monday 09:00–17:00
 * };
 */
export interface ZendeskSchedule {
  readonly id?: number | string;
  readonly name: string;
  readonly time_zone: string;
  readonly intervals: ReadonlyArray<{ readonly start_time: number; readonly end_time: number }>;
}

/**
 * A Zendesk schedule holiday (`GET …/schedules/{id}/holidays`): ISO dates in the schedule's zone, both
 * ends inclusive. Old documentation used `start_time` / `end_time` for the same dates; both are read.
 *
 * @example
 * const holiday: ZendeskHoliday = { id: 1, name: "New Year's Day", start_date: "2026-01-01", end_date: "2026-01-01" };
 */
export interface ZendeskHoliday {
  readonly id?: number | string;
  readonly name?: string;
  readonly start_date?: string;
  readonly end_date?: string;
  readonly start_time?: string;
  readonly end_time?: string;
}

export const ZendeskScheduleSchema = z.object({
  id: z.union([z.number(), z.string()]).optional(),
  name: z.string(),
  time_zone: z.string().min(1),
  intervals: z.array(z.object({ start_time: z.number().int(), end_time: z.number().int() })).max(10_080),
});

export const ZendeskHolidaySchema = z.object({
  id: z.union([z.number(), z.string()]).optional(),
  name: z.string().optional(),
  start_date: z.string().optional(),
  end_date: z.string().optional(),
  start_time: z.string().optional(),
  end_time: z.string().optional(),
});
