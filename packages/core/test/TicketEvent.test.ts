import { describe, expect, it } from "vitest";
import { TICKET_EVENT_TYPES, TicketEventSchema, ticketEventJsonSchema } from "@supportops/core";

describe("TICKET_EVENT_TYPES", () => {
  it("lists exactly the schema's event types, once each", () => {
    const fromSchema = TicketEventSchema.options.map((option) => option.shape.type.value);
    expect([...TICKET_EVENT_TYPES].sort()).toStrictEqual([...fromSchema].sort());
    expect(new Set(TICKET_EVENT_TYPES).size).toBe(12);
    expect(ticketEventJsonSchema().oneOf?.length).toBe(TICKET_EVENT_TYPES.length);
  });
});
