// The incremental ticket events export, rebuilt from the documented fields: rows of several tickets,
// overlapping pages (a repeated row), the row-level `via` as a display string and the child events'
// `via` as objects, a child event in the undocumented field-change shape.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { thrownBy } from "@supportops/test-utils";
import { InteropError } from "@supportops/interop";
import { ticketLogFromZendeskAudits, ticketLogFromZendeskTicketEvents, type ZendeskAudit } from "@supportops/interop/zendesk";

const { audits } = JSON.parse(readFileSync(new URL("../fixtures/zendesk/audits.json", import.meta.url), "utf8")) as { audits: ZendeskAudit[] };
const users = [{ id: 9001, role: "agent" }];
const VIA_TEXT: Record<string, string> = { email: "Mail", web: "Web form" };
/** The same history as export rows: one row per audit, its events as child events. */
const rows = audits.map((audit) => ({
  id: audit.id, ticket_id: audit.ticket_id as number, timestamp: Date.parse(audit.created_at) / 1000, created_at: audit.created_at,
  updater_id: audit.author_id, via: VIA_TEXT[audit.via?.channel ?? ""] ?? "Rule", system: {}, metadata: {}, event_type: "Audit",
  child_events: audit.events.map((event) => ({ ...event, event_type: event.type, audit_id: audit.id, via: event.via ?? audit.via })),
}));

describe("ticketLogFromZendeskTicketEvents", () => {
  it("reads the ticket's rows exactly as its audits, deduplicating overlapping pages and skipping other tickets", () => {
    const other = { ...rows[1]!, id: 1, ticket_id: 999 };
    const page = { ticket_events: [rows[0], rows[1], other, rows[1], rows[2], rows[3], rows[4]], next_page: null, end_of_stream: true };
    const result = ticketLogFromZendeskTicketEvents(page as never, { ticketId: 4321, users });
    expect(result.definition).toStrictEqual(ticketLogFromZendeskAudits(audits, { users }).definition);
    expect(result.issues.map((i) => [i.code, i.path])).toStrictEqual([["ignored_event", ["ticket_events", 6, "child_events", 0]]]);
  });

  it("takes the channel from the child events' via objects, never from the row's display string", () => {
    const result = ticketLogFromZendeskTicketEvents(rows as never, { ticketId: 4321, users });
    expect(result.definition[0]).toMatchObject({ type: "created", channel: "email" });
    const noChildVia = rows.map((row) => ({ ...row, child_events: row.child_events.map(({ via: _via, ...child }) => child) }));
    expect(ticketLogFromZendeskTicketEvents(noChildVia as never, { ticketId: 4321, users }).definition[0]).not.toHaveProperty("channel");
  });

  it("reports child events in the undocumented field-change shape and comments left out of the export", () => {
    const shaped = [{ ...rows[0]!, child_events: [...rows[0]!.child_events, { id: 5, event_type: "Change", priority: "high", previous_value: "normal" }] }, { ...rows[1]!, comment_present: true, child_events: rows[1]!.child_events.filter((c) => c.type !== "Comment") }];
    const result = ticketLogFromZendeskTicketEvents(shaped as never, { ticketId: 4321, users });
    expect(result.issues.map((i) => [i.code, i.path])).toStrictEqual([["ignored_event", [0, "child_events", 9]], ["ignored_event", [1, "comment_present"]]]);
  });

  it("points errors into the export's rows", () => {
    const bad = rows.map((row, i) => (i === 2 ? { ...row, created_at: "2026-03-11 13:00:00" } : row));
    const error = thrownBy(InteropError, () => ticketLogFromZendeskTicketEvents(bad as never, { ticketId: 4321, users }));
    expect([error.code, error.issues[0].path]).toStrictEqual(["invalid_time", [2, "created_at"]]);
    expect(thrownBy(InteropError, () => ticketLogFromZendeskTicketEvents(rows as never, { ticketId: 1, users })).issues[0].path).toStrictEqual(["ticketId"]);
  });

  it("refuses a child event id that is neither a number nor a string, and names an odd child type without converting it", () => {
    // Found by the hostile-input property (seed 278143180): an id of [Symbol()] used to escape as a TypeError.
    const withChild = (child: Record<string, unknown>): unknown => [{ ...rows[0]!, child_events: [...rows[0]!.child_events, child] }, ...rows.slice(1)];
    const error = thrownBy(InteropError, () => ticketLogFromZendeskTicketEvents(withChild({ id: [Symbol("s")], type: "Comment" }) as never, { ticketId: 4321, users }));
    expect([error.code, error.issues[0].path]).toStrictEqual(["invalid_vendor_payload", [0, "child_events", rows[0]!.child_events.length, "id"]]);
    const odd = ticketLogFromZendeskTicketEvents(withChild({ id: 77, type: [Symbol("t")] }) as never, { ticketId: 4321, users });
    expect(odd.issues.find((i) => i.code === "ignored_event")?.message).toMatch(/^a .+ child event without the audit shape/);
  });
});
