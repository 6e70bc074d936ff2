// A consumer of the published @supportops packages written as an ES module. scripts/check-consumers.mjs
// copies it into two fresh projects, installs the packed tarballs there, type-checks it with
// `strict: true` and `skipLibCheck: false`, and runs it with node (ESM project) or only type-checks it
// (bundler project). Every `@ts-expect-error` below is also a check: if a public type collapsed to `any`
// (for instance because luxon's types could not be found), the directive would be unused and the
// compile would fail.
import { createRequire } from "node:module";
import {
  SERVICENOW_PRIORITY_MATRIX,
  SupportOpsError,
  createPriorityMatrix,
  parseTicketLog,
  summarizeTicket,
  toEpochMs,
  type TimeInput,
} from "@supportops/core";
import { redact } from "@supportops/escalation";
import { InteropError, ianaFromRailsTimeZone } from "@supportops/interop";
import { calendarFromFreshdeskBusinessHours } from "@supportops/interop/freshdesk";
import { calendarFromJsmCalendar } from "@supportops/interop/jsm";
import { calendarFromServiceNowSchedule } from "@supportops/interop/servicenow";
import { calendarFromZendeskSchedule, zendeskScheduleFromCalendar } from "@supportops/interop/zendesk";
import * as metrics from "@supportops/metrics";
import { createCalendar, type TimeInterval } from "@supportops/sla";
import { createTaxonomy } from "@supportops/taxonomy";

function check(ok: boolean, what: string): void {
  if (!ok) throw new Error(`consumer check failed: ${what}`);
}
function thrown(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error("consumer check failed: expected a throw");
}

// --- core: time inputs, including a luxon DateTime ---------------------------------------------------
check(toEpochMs("2026-03-09T09:00:00-04:00") === 1773061200000, "toEpochMs(ISO string)");
check(toEpochMs(new Date(0)) === 0, "toEpochMs(Date)");
// The luxon DateTime member of TimeInput, named without importing luxon: this project has neither luxon
// nor @types/luxon of its own, so the type can only come from @supportops/core's own dependencies.
type LuxonDateTime = Exclude<TimeInput, Date | number | string>;
// At run time, the luxon that @supportops/core itself resolves.
const luxon = createRequire(import.meta.resolve("@supportops/core"))("luxon") as {
  DateTime: { fromISO(text: string, options: { setZone: boolean }): LuxonDateTime };
};
const dateTime = luxon.DateTime.fromISO("2026-03-09T09:00:00-04:00", { setZone: true });
const millis: number = dateTime.toMillis();
check(toEpochMs(dateTime) === millis && millis === 1773061200000, "toEpochMs(luxon DateTime)");
// @ts-expect-error -- DateTime is luxon's class, not `any`: it has no such method.
check(thrown(() => dateTime.notALuxonMethod()) instanceof TypeError, "DateTime is typed");
const notAnInstant = thrown(() =>
  // @ts-expect-error -- `{}` is no TimeInput (this line compiles only while TimeInput is a real type).
  toEpochMs({}),
);
check(notAnInstant instanceof SupportOpsError && notAnInstant.code === "invalid_time", "toEpochMs({}) throws invalid_time");

// --- core: the ticket event log ----------------------------------------------------------------------
const log = parseTicketLog([
  { id: "e1", at: "2026-03-06T16:10:00-05:00", type: "created", by: "customer", channel: "email", priority: "P3" },
  { id: "e2", at: "2026-03-06T16:40:00-05:00", type: "message", role: "agent", public: true, body: "On it." },
  { id: "e3", at: "2026-03-06T17:00:00-05:00", type: "status_changed", to: "solved" },
]);
const summary = summarizeTicket(log, { at: dateTime });
check(log.length === 3 && summary.firstAgentReplyAt === Date.parse("2026-03-06T16:40:00-05:00"), "parseTicketLog + summarizeTicket");
check(summary.status === "solved", "summary status");

// --- core: priority matrices, with literal level types -----------------------------------------------
const matrix = createPriorityMatrix({
  impact: ["high", "low"],
  urgency: ["high", "low"],
  priorities: ["P1", "P2", "P3"],
  table: { high: { high: "P1", low: "P2" }, low: { high: "P2", low: "P3" } },
});
const priority: "P1" | "P2" | "P3" = matrix.lookup("low", "high");
check(priority === "P2", "createPriorityMatrix lookup");
// @ts-expect-error -- "medium" is not one of this matrix's impact levels.
check(thrown(() => matrix.lookup("medium", "high")) instanceof Error, "unknown impact level is refused");
check(SERVICENOW_PRIORITY_MATRIX.lookup("2 - Medium", "1 - High") === "2 - High", "SERVICENOW_PRIORITY_MATRIX");

// --- sla: a business calendar across a weekend, a holiday and a DST change ----------------------------
const nineToFive: ReadonlyArray<TimeInterval> = [["09:00", "17:00"]];
const calendar = createCalendar({
  timeZone: "America/New_York",
  weekly: { mon: nineToFive, tue: nineToFive, wed: nineToFive, thu: nineToFive, fri: nineToFive },
  holidays: [{ date: "2026-03-09", name: "Company day" }],
});
const due = calendar.addBusinessTime("2026-03-06T14:00:00-05:00", { hours: 8 });
check(due.toISOString() === "2026-03-10T18:00:00.000Z", `createCalendar addBusinessTime (got ${due.toISOString()})`);
check(calendar.businessTimeBetween(dateTime, due) === 5 * 3_600_000, "a luxon DateTime into @supportops/sla");

// --- taxonomy ----------------------------------------------------------------------------------------
const taxonomy = createTaxonomy({
  id: "support",
  version: "2026.1",
  nodes: [
    { code: "billing", label: "Billing", children: [{ code: "billing.refund", label: "Refund", aliases: ["Refunds"] }] },
    { code: "other", label: "Other", other: true },
  ],
});
const resolved = taxonomy.resolve("billing :: refunds");
check(resolved.success && resolved.data.code === "billing.refund", "createTaxonomy resolve");

// --- escalation: redaction keeps the shape of its input ----------------------------------------------
const redacted = redact({ note: "Customer jane.doe@example.com cannot pay" }, { mode: "remove" });
const note: string = redacted.value.note;
check(!note.includes("jane.doe@example.com") && redacted.report.counts.email === 1, "redact");

// --- metrics: a placeholder that exports nothing yet, but must resolve and load ----------------------
check(typeof metrics === "object", "@supportops/metrics loads");

// --- interop: one subpath per vendor; errors from any subpath are the root's InteropError ---------------
const zendesk = calendarFromZendeskSchedule({ name: "Support", time_zone: "Eastern Time (US & Canada)", intervals: [{ start_time: 1980, end_time: 2460 }] });
check(zendesk.definition.timeZone === "America/New_York" && zendesk.definition.weekly.mon?.[0]?.[1] === "17:00", "calendarFromZendeskSchedule");
check(zendeskScheduleFromCalendar(zendesk.definition).schedule.intervals[0]?.end_time === 2460, "zendeskScheduleFromCalendar");
const badZone = thrown(() => calendarFromJsmCalendar({ timezoneId: "Nowhere", workingTimes: [] }));
check(badZone instanceof InteropError && badZone.code === "invalid_time_zone", "an error from /jsm is the root's InteropError");
check(ianaFromRailsTimeZone("London") === "Europe/London", "ianaFromRailsTimeZone");
check(typeof calendarFromFreshdeskBusinessHours === "function" && typeof calendarFromServiceNowSchedule === "function", "/freshdesk and /servicenow load");
// @ts-expect-error -- a Zendesk schedule needs intervals (the payload types are real types, not `any`).
check(thrown(() => calendarFromZendeskSchedule({ name: "x", time_zone: "UTC" })) instanceof InteropError, "payload types");

console.log("consumer checks passed");
