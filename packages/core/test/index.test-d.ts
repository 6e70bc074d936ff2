import { describe, expectTypeOf, it } from "vitest";
import type { DateTime } from "luxon";
import {
  CoreError,
  SERVICENOW_PRIORITY_MATRIX,
  SupportOpsError,
  TICKET_EVENT_TYPES,
  createPriorityMatrix,
  safeCreatePriorityMatrix,
  safeToEpochMs,
  type CoreErrorCode,
  type Issue,
  type PriorityMatrix,
  type SafeResult,
  type TicketEventType,
  type TimeInput,
} from "@supportops/core";

describe("core types", () => {
  it("a TimeInput is a Date, a number, a string or a luxon DateTime — never any", () => {
    expectTypeOf<TimeInput>().toEqualTypeOf<Date | number | string | DateTime>();
    expectTypeOf<{ at: 1 }>().not.toMatchTypeOf<TimeInput>();
  });
  it("CoreError narrows its code and issue codes", () => {
    expectTypeOf<CoreError["code"]>().toEqualTypeOf<CoreErrorCode>();
    expectTypeOf<CoreError>().toMatchTypeOf<SupportOpsError>();
    expectTypeOf<CoreError["issues"][number]>().toMatchTypeOf<Issue>();
    expectTypeOf<"out_of_order">().toMatchTypeOf<CoreError["issues"][number]["code"]>();
  });
  it("safe functions take unknown and return CoreError", () => {
    expectTypeOf(safeToEpochMs).parameter(0).toEqualTypeOf<unknown>();
    expectTypeOf(safeToEpochMs(1)).toEqualTypeOf<SafeResult<number, CoreError>>();
    expectTypeOf(safeCreatePriorityMatrix(JSON.parse("{}") as unknown)).toEqualTypeOf<SafeResult<PriorityMatrix, CoreError>>();
  });
  it("a literal-labelled matrix keeps its labels", () => {
    const matrix = createPriorityMatrix({ impact: ["high", "low"], urgency: ["high", "low"], priorities: ["P1", "P2"], table: { high: { high: "P1", low: "P2" }, low: { high: "P2", low: "P2" } } });
    expectTypeOf(matrix).toEqualTypeOf<PriorityMatrix<"high" | "low", "high" | "low", "P1" | "P2">>();
    expectTypeOf(matrix.lookup("high", "low")).toEqualTypeOf<"P1" | "P2">();
    expectTypeOf<(typeof SERVICENOW_PRIORITY_MATRIX.priorities)[number]>().toEqualTypeOf<"1 - Critical" | "2 - High" | "3 - Moderate" | "4 - Low" | "5 - Planning">();
  });
  it("TICKET_EVENT_TYPES is the event type union, as const", () => {
    expectTypeOf<(typeof TICKET_EVENT_TYPES)[number]>().toEqualTypeOf<TicketEventType>();
  });
});
